// Runs a conformance suite (PETRARCH's unit-test records) through griot's coding engine and
// scores it the way PETRARCH and TABARI define it: a record passes when the set of
// (source, target, code) it produces equals the expected set; "noevents" and "error" records
// pass when nothing is coded.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "conformance/petrarch_suite.h"
#include "dict/dict_file.h"

namespace griot {

struct ValidationOptions {
  std::string dict_dir;  // where the <Environment> dictionaries are; default: beside the suite
  bool raw = false;      // code the <Text> with the raw-text front end, ignoring <Parse>
};

struct RecordResult {
  const SuiteRecord* record = nullptr;
  bool passed = false;
  std::vector<ExpectedCoding> produced;
  std::string note;  // e.g. the parse error that rejected the record
};

struct ValidationReport {
  std::vector<RecordResult> results;
  std::map<std::string, std::pair<int, int>> by_category;  // category -> (passed, total)
  int passed = 0, failed = 0;
  std::vector<DictIssue> dictionary_issues;
  double seconds = 0;
};

Result<ValidationReport> ValidatePetrarchSuite(const PetrarchSuite& suite, const ValidationOptions& options);

// Per-category pass counts, the failing records with expected vs produced events (if
// `show_failures`), and the closing line "N passed, M failed".
std::string FormatReport(const ValidationReport& report, bool show_failures);

}  // namespace griot

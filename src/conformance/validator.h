// Runs a conformance suite (PETRARCH's unit-test records) through griot's coding engine and
// scores it the way PETRARCH and TABARI define it: a record passes when the set of
// (source, target, code) it produces equals the expected set; "noevents" and "error" records
// pass when nothing is coded.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "conformance/petrarch_suite.h"
#include "dict/dict_file.h"

namespace griot {

class DeepParser;  // coding/deep_parse.h

struct ValidationOptions {
  std::string dict_dir;  // where the <Environment> dictionaries are; default: beside the suite
  bool raw = false;      // code the <Text> with the raw-text front end, ignoring <Parse>
  std::shared_ptr<const DeepParser> deep_parser;  // with raw: the deep mode (--parser link)
};

struct RecordResult {
  const SuiteRecord* record = nullptr;
  bool passed = false;
  std::vector<ExpectedCoding> produced;
  std::string note;  // e.g. the parse error that rejected the record
  // What the record expects, as shown for a failure; empty: derived from `record`.
  std::string expected_display;
};

struct ValidationReport {
  std::string suite_kind = "PETRARCH";  // "PETRARCH" | "TABARI"
  std::vector<RecordResult> results;
  std::map<std::string, std::pair<int, int>> by_category;  // category -> (passed, total)
  int passed = 0, failed = 0;
  std::vector<DictIssue> dictionary_issues;
  // Remarks printed before the summary line (records not scored, options not applied).
  std::vector<std::string> notes;
  // Owns the records `results` point to when the suite's own type is not SuiteRecord (TABARI).
  std::shared_ptr<const std::vector<SuiteRecord>> owned_records;
  double seconds = 0;
};

Result<ValidationReport> ValidatePetrarchSuite(const PetrarchSuite& suite, const ValidationOptions& options);

// Per-category pass counts, the failing records with expected vs produced events (if
// `show_failures`), the report's notes, and the closing line "N passed, M failed".
std::string FormatReport(const ValidationReport& report, bool show_failures);

}  // namespace griot

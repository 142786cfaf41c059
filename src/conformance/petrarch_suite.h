// The PETRARCH unit-test suite format (PETR.UnitTest.records.xml): an <Environment> naming
// the dictionaries, <Config> options between records, and <Sentence> records with a text, a
// Treebank parse and the expected codings.
#pragma once

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "base/status.h"

namespace griot {

struct ExpectedCoding {
  std::string source, target, code;  // as written: "ARN", "---GOV", "064"
  friend bool operator<(const ExpectedCoding& a, const ExpectedCoding& b) {
    return std::tie(a.source, a.target, a.code) < std::tie(b.source, b.target, b.code);
  }
  friend bool operator==(const ExpectedCoding& a, const ExpectedCoding& b) = default;
};

struct SuiteRecord {
  std::string id;
  std::string category;
  std::string date;   // YYYYMMDD
  std::string text;
  std::string parse;  // Treebank parse (may be empty)
  bool is_sentence = true;
  std::vector<ExpectedCoding> expected;
  bool expect_none = false;  // noevents="True"
  std::string expect_error;  // error="bad_input_parse" | "dateline" | "storydiscard" | ...
  // <Config option value> tags that appear before this record, in order.
  std::vector<std::pair<std::string, std::string>> config;
  int line = 0;  // line of the <Sentence> tag
};

struct PetrarchSuite {
  std::string path;
  std::string verb_file, actor_file, agent_file, discard_file;  // as named, relative
  std::vector<std::string> include;  // <Include> categories
  std::vector<std::pair<std::string, std::string>> environment_config;
  std::vector<SuiteRecord> records;
};

// Reads the suite; fails if the file is not XML or has no <Sentence> records.
Result<PetrarchSuite> LoadPetrarchSuite(const std::string& path);

}  // namespace griot

// TABARI's validation suite: a .project file naming the dictionaries, the .options file and
// the .text file, whose records carry their expected codings in a comment block.
//
//   950103  DEMO-04                           header: YYMMDD (or YYYYMMDD) date, record ID
//   Dagolath's first Deputy Prime Minister    text lines, up to the "/*" of the comment
//   Telemar left for Minas Tirith ...         block or the next empty line
//   /*\n---------------------------------
//   \n[Paired events ...]                     remarks (ignored)
//   \n{ DAG / GON / 032 } 950103              one expected event per { SOURCE / TARGET / CODE }
//   \n{ GON / DAG / 033 } 950103   */
//
// Special blocks: {---} nothing is coded, {###} a discard code blocks the record, {+++} the
// record is flagged as complex; "-{" means "check no block from here on" (the blocks before
// it must be among the events produced); {OPTION: <command>} changes an option for the rest
// of the run. Lines between records that do not start with a digit (banners) are skipped.
// The standard suite ends with the record FINAL-01, which has no annotation by design; the
// records after it need other settings or stop TABARI on purpose, and are kept apart
// (TabariSuite::after_final), as TABARI's own validator never reaches them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "conformance/petrarch_suite.h"

namespace griot {

struct TabariRecord {
  std::string id;        // the rest of the header line: "DEMO-04", "FBIS-001-001  CEP2002..."
  std::string category;  // the ID before its first '-': "DEMO"
  std::string date_text; // "950103" as written
  std::optional<Date> date;
  std::string text;      // the record's text lines joined by blanks (before "/*")
  int line = 0;          // line of the header in the .text file

  // Expectations (alternatives: a record passes if any one holds).
  std::vector<ExpectedCoding> expected;  // the { S / T / C } blocks before any "-{"
  bool expect_none = false;      // {---}
  bool expect_discard = false;   // {###}
  bool expect_complex = false;   // {+++}
  bool partial = false;          // a "-{" block: `expected` need only be among the events
  std::vector<std::string> options;  // {OPTION: ...} commands, in order ("SET: YYYY = TRUE")
  std::vector<std::string> problems; // unreadable blocks, as "line N: reason"

  // True if the record carries something to score: events, {---}, {###}, {+++} or "-{".
  bool annotated() const {
    return !expected.empty() || expect_none || expect_discard || expect_complex || partial;
  }
};

struct TabariSuite {
  std::string project_path;  // empty when the .text was given and no .project names it
  std::string text_path;
  std::string options_path;
  // Dictionary paths, resolved against the project's directory.
  std::vector<std::string> actor_files, agent_files, verb_files;
  // Commands of the .options file in order, without comments and LABEL: lines
  // ("COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN", "SET: SKIP RECORDS = FALSE").
  std::vector<std::string> options;
  int labels = 0;  // LABEL: lines of the .options file (names for codes; not needed to code)
  // Records from the first one to FINAL-01 (TABARI's standard suite), in file order.
  std::vector<TabariRecord> records;
  // Records after FINAL-01: not part of the standard suite, not scored.
  std::vector<TabariRecord> after_final;
  // Problems found while reading: "file:line: reason".
  std::vector<std::string> problems;
};

// Reads a suite from its .project file (which names the .text) or from its .text file (the
// .project beside it that names this text, if any, gives the dictionaries and options).
// Fails if a file cannot be read, or no record is found. `dict_dir`, if given, is where the
// dictionaries and the options file are looked up instead of the project's directory.
Result<TabariSuite> LoadTabariSuite(const std::string& path, const std::string& dict_dir = "");

// Parses the records of a .text file's content (`file` names it in messages).
std::vector<TabariRecord> ParseTabariRecords(std::string_view content, const std::string& file,
                                             std::vector<TabariRecord>* after_final,
                                             std::vector<std::string>* problems);

// True if `path` looks like a TABARI suite: a name ending in ".project" or ".text", or content
// that does not start with '<' (PETRARCH suites are XML).
bool LooksLikeTabariSuite(const std::string& path);

}  // namespace griot

#include "conformance/validator.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>

#include "coding/coder.h"
#include "coding/petrarch1_coder.h"
#include "dict/dictionary_set.h"
#include "structure/treebank.h"

namespace griot {

namespace {

bool IsTrue(std::string v) {
  std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return v == "true" || v == "1" || v == "yes";
}

std::string CodeOf(const std::optional<ActorRef>& a) {
  if (!a) return "---";
  return a->agent_only ? "---" + a->code : a->code;
}

std::string Join(const std::vector<ExpectedCoding>& v) {
  if (v.empty()) return "(none)";
  std::string out;
  for (const auto& c : v) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {} {}", c.source, c.target, c.code);
  }
  return out;
}

}  // namespace

Result<ValidationReport> ValidatePetrarchSuite(const PetrarchSuite& suite, const ValidationOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  namespace fs = std::filesystem;
  const fs::path dir = options.dict_dir.empty() ? fs::path(suite.path).parent_path() : fs::path(options.dict_dir);
  DictionaryOptions dopts;
  dopts.load_default_dictionaries = false;
  dopts.load_gazetteer = false;
  // The raw-text path (--raw) tags with griot's model; the data directory is griot's own.
  dopts.load_tagger = options.raw;
  auto add = [&](const std::string& name, std::vector<std::string>* files) {
    if (!name.empty()) files->push_back((dir / name).string());
  };
  add(suite.actor_file, &dopts.actor_files);
  add(suite.agent_file, &dopts.agent_files);
  add(suite.verb_file, &dopts.verb_files);
  add(suite.discard_file, &dopts.discard_files);
  auto dicts = LoadDictionaries(dopts);
  if (!dicts.ok()) return dicts.status();

  ValidationReport report;
  report.dictionary_issues = (*dicts)->issues;
  CoderOptions coder_options;
  coder_options.require_dyad = true;          // PETRARCH's default configuration
  coder_options.statements_need_target = false;
  coder_options.infer_agent_country = false;
  coder_options.semantics = Semantics::kPetrarch1;  // the suite's records are PETRARCH-1 codings
  if (options.raw) coder_options.deep_parser = options.deep_parser;
  for (const auto& [k, v] : suite.environment_config)
    if (k == "require_dyad") coder_options.require_dyad = IsTrue(v);
    else ApplyPetrarchOption(k, v, &coder_options);  // new_actor_length, comma_*

  for (const SuiteRecord& r : suite.records) {
    for (const auto& [k, v] : r.config)
      if (k == "require_dyad") coder_options.require_dyad = IsTrue(v);
      else ApplyPetrarchOption(k, v, &coder_options);
    Coder coder(*dicts, coder_options);
    RecordResult result;
    result.record = &r;
    Document doc;
    doc.id = r.id;
    doc.origin = fmt::format("{}:{}", suite.path, r.line);
    doc.date = ParseCompactDate(r.date);
    doc.text = r.text;
    DocumentResult coded;
    bool rejected = false;
    if (options.raw || r.parse.empty()) {
      coded = coder.CodeDocument(doc);
    } else {
      auto parsed = ParseTreebank(r.parse);
      if (!parsed.ok()) {
        rejected = true;
        result.note = "parse rejected: " + parsed.status().message();
      } else {
        coded = coder.CodeSentences(doc, {SentenceFromParse(*parsed, 0)});
      }
    }
    std::set<ExpectedCoding> produced;
    for (const Event& e : coded.events) produced.insert({CodeOf(e.source), CodeOf(e.target), e.cameo});
    result.produced.assign(produced.begin(), produced.end());
    if (!r.expect_error.empty() || r.expect_none) {
      result.passed = produced.empty();
    } else {
      std::set<ExpectedCoding> expected(r.expected.begin(), r.expected.end());
      result.passed = !rejected && expected == produced;
    }
    auto& cat = report.by_category[r.category];
    ++cat.second;
    if (result.passed) {
      ++cat.first;
      ++report.passed;
    } else {
      ++report.failed;
    }
    report.results.push_back(std::move(result));
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

std::string FormatReport(const ValidationReport& report, bool show_failures) {
  std::string out;
  for (const DictIssue& i : report.dictionary_issues) out += fmt::format("dictionary: {}\n", i.ToString());
  out += "category        passed / records\n";
  for (const auto& [cat, counts] : report.by_category)
    out += fmt::format("  {:<14} {:>4} / {:<4}\n", cat, counts.first, counts.second);
  if (show_failures) {
    for (const RecordResult& r : report.results) {
      if (r.passed) continue;
      const SuiteRecord& rec = *r.record;
      std::string expected = !r.expected_display.empty() ? r.expected_display
                             : rec.expect_none           ? "(no events)"
                             : !rec.expect_error.empty() ? "(error: " + rec.expect_error + ")"
                                                         : Join(rec.expected);
      out += fmt::format("FAIL {} [{}] line {}\n  text:     {}\n  expected: {}\n  produced: {}\n", rec.id,
                         rec.category, rec.line, rec.text.substr(0, 200), expected, Join(r.produced));
      if (!r.note.empty()) out += fmt::format("  note:     {}\n", r.note);
    }
  }
  for (const std::string& n : report.notes) out += n + "\n";
  out += fmt::format("{} passed, {} failed\n", report.passed, report.failed);
  return out;
}

}  // namespace griot

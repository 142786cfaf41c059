#include "conformance/validator.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <set>
#include <tuple>

#include "coding/coder.h"
#include "coding/petrarch1_coder.h"
#include "coding/raw_structure.h"
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

// Bracket agreement of the raw path's trees with a record's gold parse (--raw). Tokens of
// the two sides differ (griot's tokenizer vs the parse's), so a bracket is placed by the
// ASCII letters and digits it covers: (label, first, end) over the string of those
// characters. Labels compared: NP, VP, PP, SBAR and S; function tags ("NP-TMP") are cut.
using Bracket = std::tuple<std::string, uint32_t, uint32_t>;
constexpr std::array<std::string_view, 5> kScoredLabels = {"NP", "VP", "PP", "SBAR", "S"};

uint32_t AlnumCount(std::string_view w) {
  uint32_t n = 0;
  for (unsigned char c : w) n += std::isalnum(c) && c < 0x80 ? 1 : 0;
  return n;
}

void CollectBrackets(const ParseTree& tree, const std::vector<uint32_t>& token_start, std::set<Bracket>* out) {
  for (const ParseNode& n : tree.nodes) {
    if (n.preterminal || n.end_token <= n.first_token || n.end_token >= token_start.size()) continue;
    std::string label = n.label.substr(0, n.label.find_first_of("-=", 1));
    if (std::find(kScoredLabels.begin(), kScoredLabels.end(), label) == kScoredLabels.end()) continue;
    const uint32_t first = token_start[n.first_token], end = token_start[n.end_token];
    if (end > first) out->insert({std::move(label), first, end});
  }
}

// Adds one record's matched / test / gold counts per label to `counts`.
void ScoreBrackets(const std::vector<Sentence>& raw, const std::string& doc_text, const ParsedSentence& gold,
                   std::map<std::string, std::array<int, 3>>* counts) {
  std::set<Bracket> test, reference;
  uint32_t offset = 0;
  for (const Sentence& s : raw) {
    if (!s.tree) continue;
    std::vector<uint32_t> start;
    uint32_t at = offset;
    for (const Token& t : s.tokens) {
      start.push_back(at);
      at += AlnumCount(std::string_view(doc_text).substr(s.begin + t.begin, t.end - t.begin));
    }
    start.push_back(at);
    CollectBrackets(*s.tree, start, &test);
    offset = at;
  }
  std::vector<uint32_t> start;
  uint32_t at = 0;
  for (const std::string& w : gold.words) {
    start.push_back(at);
    at += AlnumCount(w);
  }
  start.push_back(at);
  CollectBrackets(*gold.tree, start, &reference);
  if (at != offset) return;  // the texts differ: not comparable
  for (const Bracket& b : test) {
    auto& c = (*counts)[std::get<0>(b)];
    ++c[1];
    c[0] += reference.count(b) ? 1 : 0;
  }
  for (const Bracket& b : reference) ++(*counts)[std::get<0>(b)][2];
}

std::string BracketSummary(const std::map<std::string, std::array<int, 3>>& counts) {
  std::string out = "phrase structure vs gold parses (labelled brackets, P/R/F1):";
  std::array<int, 3> all = {0, 0, 0};
  auto add = [&](const std::string& label, const std::array<int, 3>& c) {
    const double p = c[1] ? double(c[0]) / c[1] : 0, r = c[2] ? double(c[0]) / c[2] : 0;
    const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    out += fmt::format(" {} {:.1f}/{:.1f}/{:.1f}", label, 100 * p, 100 * r, 100 * f);
  };
  for (std::string_view l : kScoredLabels) {
    auto it = counts.find(std::string(l));
    if (it == counts.end()) continue;
    add(it->first, it->second);
    for (int k = 0; k < 3; ++k) all[static_cast<size_t>(k)] += it->second[static_cast<size_t>(k)];
  }
  add("all", all);
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

  std::map<std::string, std::array<int, 3>> bracket_counts;  // label -> matched, produced, gold
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
      if (options.raw && !r.parse.empty() && (*dicts)->tagger) {
        auto gold = ParseTreebank(r.parse);
        if (gold.ok()) ScoreBrackets(BuildRawSentences(doc, **dicts, true), doc.text, *gold, &bracket_counts);
      }
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
  if (!bracket_counts.empty()) report.notes.push_back(BracketSummary(bracket_counts));
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

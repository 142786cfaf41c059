#include "conformance/tabari_validator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <map>
#include <set>

#include "coding/coder.h"
#include "dict/dictionary_set.h"
#include "structure/sentence.h"

namespace griot {

namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

std::string Join(const std::vector<ExpectedCoding>& v) {
  std::string out;
  for (const auto& c : v) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {} {}", c.source, c.target, c.code);
  }
  return out;
}

// The options in force while the suite runs (see tabari_validator.h).
struct OptionState {
  bool convert_agent = false;
  int minimum_words = 8;  // TABARI's default (the suite's MINWRD-Cancel record resets to it)
  bool time_shift = false;
  std::string default_source, default_target;  // with PRIOR / AFTER only
  // Commands griot does not apply, by family ("COMPLEX", "CODE", "FORWARD", ...).
  std::map<std::string, std::string> not_applied;

  void Apply(const std::string& raw) {
    const std::string command = Upper(raw);
    auto after_colon = [&](size_t n) { return Trim(std::string_view(command).substr(n)); };
    if (command.starts_with("SET:")) {
      const std::string rest = after_colon(4);
      const size_t eq = rest.find('=');
      if (eq == std::string::npos) {
        // SET: CODE BY CLAUSE (TABARI's default, as griot codes) | CODE BY SENTENCE | CODE ALL
        if (rest == "CODE BY CLAUSE") not_applied.erase("CODE");
        else not_applied[rest.starts_with("CODE") ? "CODE" : "SET: " + rest] = "SET: " + rest;
        return;
      }
      const std::string name = Trim(std::string_view(rest).substr(0, eq));
      const std::string value = Trim(std::string_view(rest).substr(eq + 1));
      const bool truth = value == "TRUE" || value == "1" || value == "YES";
      if (name == "CONVERT AGENT") convert_agent = truth;
      else if (name == "TIME SHIFT") time_shift = truth;
      else if (name == "MINIMUM WORDS") {
        int n = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec == std::errc() && ptr == value.data() + value.size()) minimum_words = n;
        else not_applied["SET: " + name] = "SET: " + rest;
      } else if (name == "YYYY" || name == "SKIP RECORDS" || name == "VERB USAGE" || name == "ACTOR USAGE" ||
                 name == "AGENT USAGE" || name == "LABEL" || name == "DUP WARNING") {
        // Dates are read by their length; the rest concern TABARI's output files.
      } else {
        not_applied["SET: " + name] = "SET: " + rest;
      }
      return;
    }
    if (command.starts_with("DEFAULT:")) {
      const std::string rest = after_colon(8);
      default_source.clear();
      default_target.clear();
      if (rest == "OFF") return;
      auto code_after = [&](std::string_view key, std::string_view flag) -> std::string {
        const size_t at = rest.find(key);
        if (at == std::string::npos) return "";
        const size_t open = rest.find('[', at);
        const size_t close = open == std::string::npos ? open : rest.find(']', open);
        if (close == std::string::npos) return "";
        // The flag (PRIOR / AFTER) must follow this code, before the next keyword.
        const size_t next = rest.find(key == "SOURCE" ? "TARGET" : "SOURCE", close);
        const std::string_view tail = std::string_view(rest).substr(close, next == std::string::npos ? std::string::npos : next - close);
        if (tail.find(flag) == std::string_view::npos) return "";
        return Trim(std::string_view(rest).substr(open + 1, close - open - 1));
      };
      default_source = code_after("SOURCE", "PRIOR");
      default_target = code_after("TARGET", "AFTER");
      return;
    }
    if (command.starts_with("OUTPUT:") || command.starts_with("LABEL:")) return;
    const size_t colon = command.find(':');
    if (command.starts_with("FORWARD:") && command.ends_with(" OFF")) {
      not_applied.erase("FORWARD");  // back to TABARI's default: no forwarding
      return;
    }
    not_applied[colon == std::string::npos ? command : command.substr(0, colon)] = Collapse(raw);
  }

  static std::string Collapse(const std::string& s) {
    std::string out;
    for (char c : s) {
      if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
      out.push_back(c);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  }
};

int CountWords(std::string_view text) {
  int n = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t j = i;
    bool word = false;
    while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) {
      word |= std::isalnum(static_cast<unsigned char>(text[j])) != 0;
      ++j;
    }
    if (word) ++n;
    i = j;
  }
  return n;
}

// Finds a phrase of the suite's dictionaries that discards the record or flags it complex.
class SpecialCodeScanner {
 public:
  explicit SpecialCodeScanner(const DictionarySet& dicts) : dicts_(dicts) {
    for (uint32_t i = 0; i < dicts.verbs.time_shifts().size(); ++i) {
      const TimeShiftEntry& t = dicts.verbs.time_shifts()[i];
      if (!t.pattern.empty() || (t.code != "###" && t.code != "+++")) continue;
      for (auto& v : TabariNounVariants(t.phrase)) time_index_.Add(std::move(v), i);
    }
    time_index_.Finalize();
  }

  // "###" or "+++" with what was found, or "" if nothing.
  std::pair<std::string, std::string> Scan(const std::vector<Sentence>& sentences, const std::optional<Date>& date,
                                           bool time_shift) const {
    std::vector<PhraseIndex::Match> m;
    for (const Sentence& s : sentences) {
      const uint32_t n = static_cast<uint32_t>(s.tokens.size());
      auto key = [&](uint32_t k) -> const std::string& { return s.tokens[k].key; };
      for (uint32_t t = 0; t < n; ++t) {
        dicts_.actors.index().MatchAt(key, n, t, &m);
        if (!m.empty()) {
          const ActorEntry& a = dicts_.actors.entry(m.front().entry);
          if (a.CodeOn(date) == "###") return {"###", fmt::format("actor {} [###] ({}:{})", a.primary, a.file, a.line)};
        }
        dicts_.verbs.forms_index().MatchAt(key, n, t, &m);
        if (!m.empty()) {
          const VerbForm& f = dicts_.verbs.form(m.front().entry);
          const VerbBlock& b = dicts_.verbs.block(f.block);
          const std::string& code = f.code.empty() ? b.code : f.code;
          if (code == "###") return {"###", fmt::format("verb {} [###] ({}:{})", b.name, b.file, b.line)};
        }
        if (time_shift) {
          time_index_.MatchAt(key, n, t, &m);
          if (!m.empty()) {
            const TimeShiftEntry& e = dicts_.verbs.time_shifts()[m.front().entry];
            return {e.code, fmt::format("time phrase {} [{}] ({}:{})", e.phrase, e.code, e.file, e.line)};
          }
        }
      }
    }
    return {"", ""};
  }

 private:
  const DictionarySet& dicts_;
  PhraseIndex time_index_;
};

}  // namespace

bool ScoreTabariRecord(const TabariRecord& record, const TabariOutcome& outcome) {
  const bool flagged = outcome.discarded || outcome.complex;
  if (record.expect_discard && outcome.discarded) return true;
  if (record.expect_complex && !outcome.discarded && (outcome.complex || outcome.produced.empty())) return true;
  if (record.expect_none && !flagged && outcome.produced.empty()) return true;
  if (!record.expected.empty() || record.partial) {
    if (record.partial && record.expected.empty()) return true;  // "-{" first: nothing checked
    if (flagged) return false;
    const std::set<ExpectedCoding> expected(record.expected.begin(), record.expected.end());
    const std::set<ExpectedCoding> produced(outcome.produced.begin(), outcome.produced.end());
    if (record.partial) return std::includes(produced.begin(), produced.end(), expected.begin(), expected.end());
    return expected == produced;
  }
  return false;
}

std::string DescribeTabariExpectation(const TabariRecord& record) {
  std::vector<std::string> parts;
  if (!record.expected.empty() || record.partial)
    parts.push_back(record.partial ? fmt::format("at least: {}", record.expected.empty() ? "(nothing checked)" : Join(record.expected))
                                   : Join(record.expected));
  if (record.expect_none) parts.push_back("(no events)");
  if (record.expect_discard) parts.push_back("(discard [###])");
  if (record.expect_complex) parts.push_back("(complex [+++] or no events)");
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "  OR  ") + p;
  return out;
}

Result<ValidationReport> ValidateTabariSuite(const TabariSuite& suite, const TabariValidationOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  DictionaryOptions dopts;
  dopts.load_default_dictionaries = false;
  dopts.load_gazetteer = false;
  dopts.load_tagger = options.tagger;
  dopts.actor_files = suite.actor_files;
  dopts.agent_files = suite.agent_files;
  dopts.verb_files = suite.verb_files;
  auto dicts = LoadDictionaries(dopts);
  if (!dicts.ok()) return dicts.status();

  ValidationReport report;
  report.suite_kind = "TABARI";
  if (!options.tagger) report.notes.push_back("coded without the POS tagger (--no-tagger)");
  report.dictionary_issues = (*dicts)->issues;

  CoderOptions dyad;
  dyad.require_dyad = true;  // TABARI codes an event only with a source and a target
  dyad.statements_need_target = false;
  dyad.infer_agent_country = false;  // TABARI codes an agent alone as the agent
  CoderOptions open = dyad;
  open.require_dyad = false;  // with DEFAULT: actors, a missing role is filled in
  const Coder coder_dyad(*dicts, dyad);
  const Coder coder_open(*dicts, open);
  const SpecialCodeScanner scanner(**dicts);

  OptionState state;
  state.time_shift = !(*dicts)->verbs.time_shifts().empty();  // TABARI turns it on when <TIME> exists
  for (const std::string& o : suite.options) state.Apply(o);
  const std::map<std::string, std::string> baseline = state.not_applied;

  // The scored records, converted for the common report.
  auto owned = std::make_shared<std::vector<SuiteRecord>>();
  std::vector<const TabariRecord*> scored;
  for (const TabariRecord& r : suite.records) {
    if (!r.annotated()) continue;
    SuiteRecord s;
    s.id = r.id;
    s.category = r.category;
    s.date = r.date ? r.date->ToCompact() : r.date_text;
    s.text = r.text;
    s.expected = r.expected;
    s.expect_none = r.expect_none;
    s.line = r.line;
    owned->push_back(std::move(s));
    scored.push_back(&r);
  }
  report.owned_records = owned;

  std::map<std::string, std::vector<std::string>> under_unapplied;  // command -> record IDs
  int option_records = 0;
  std::vector<std::string> unannotated;  // neither an option nor an expectation (FINAL-01)
  size_t next = 0;
  for (const TabariRecord& r : suite.records) {
    for (const std::string& o : r.options) state.Apply(o);
    if (!r.annotated()) {
      if (r.options.empty()) unannotated.push_back(r.id);
      else ++option_records;
      continue;
    }
    RecordResult result;
    result.record = &(*owned)[next++];
    result.expected_display = DescribeTabariExpectation(r);
    std::vector<std::string> notes;
    for (const auto& [family, command] : state.not_applied) {
      auto it = baseline.find(family);
      if (it != baseline.end() && it->second == command) continue;
      under_unapplied[command].push_back(r.id);
      notes.push_back("option not applied: " + command);
    }

    TabariOutcome outcome;
    const int words = CountWords(r.text);
    if (words < state.minimum_words) {
      outcome.not_coded = true;
      notes.push_back(fmt::format("not coded: {} words < SET: MINIMUM WORDS = {}", words, state.minimum_words));
    } else {
      Document doc;
      doc.id = r.id;
      doc.origin = fmt::format("{}:{}", suite.text_path, r.line);
      doc.date = r.date;
      doc.text = r.text;
      const bool defaults = !state.default_source.empty() || !state.default_target.empty();
      const DocumentResult coded = (defaults ? coder_open : coder_dyad).CodeDocument(doc);
      std::set<ExpectedCoding> produced;
      std::string special_why;
      for (const Event& e : coded.events) {
        // A missing role, or an agent named alone while CONVERT AGENT is off (TABARI then
        // does not take it for an actor), takes the DEFAULT: code if one is set.
        auto code_of = [&](const std::optional<ActorRef>& a, const std::string& fallback) -> std::string {
          if (!a || (a->agent_only && !state.convert_agent)) return fallback;
          return a->agent_only ? "~" + a->code : a->code;
        };
        ExpectedCoding c{code_of(e.source, state.default_source), code_of(e.target, state.default_target), e.cameo};
        for (const std::string* f : {&c.source, &c.target, &c.code}) {
          if (f->find("###") != std::string::npos && !outcome.discarded) {
            outcome.discarded = true;
            special_why = fmt::format("discarded: [###] in the coding ({})", e.rule);
          }
          if (f->find("+++") != std::string::npos && !outcome.complex) {
            outcome.complex = true;
            if (special_why.empty()) special_why = fmt::format("complex: [+++] in the coding ({})", e.rule);
          }
        }
        if (c.source.empty() || c.target.empty()) continue;  // no role, or an unconverted agent
        produced.insert(std::move(c));
      }
      if (!outcome.discarded) {
        auto [code, why] = scanner.Scan(BuildSentences(doc), r.date, state.time_shift);
        if (code == "###") outcome.discarded = true;
        if (code == "+++") outcome.complex = true;
        if (!code.empty()) special_why = (code == "###" ? "discarded: " : "complex: ") + why;
      }
      if (coded.discarded_story && !outcome.discarded) {
        outcome.discarded = true;
        special_why = "discarded: a story discard phrase";
      }
      if (!special_why.empty()) notes.push_back(special_why);
      if (!outcome.discarded && !outcome.complex) outcome.produced.assign(produced.begin(), produced.end());
    }
    result.produced = outcome.produced;
    result.passed = ScoreTabariRecord(r, outcome);
    for (const std::string& n : notes) result.note += (result.note.empty() ? "" : "; ") + n;
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

  for (const std::string& p : suite.problems) report.notes.push_back("suite: " + p);
  std::string bare;
  for (size_t i = 0; i < unannotated.size() && i < 8; ++i) bare += (i ? ", " : "") + unannotated[i];
  if (unannotated.size() > 8) bare += ", ...";
  report.notes.push_back(fmt::format(
      "not scored: {} records without an expectation ({} that only set options, {} with no block{}), "
      "{} records after FINAL-01 (outside TABARI's standard suite)",
      option_records + static_cast<int>(unannotated.size()), option_records, unannotated.size(),
      bare.empty() ? "" : ": " + bare, suite.after_final.size()));
  for (const auto& [command, ids] : under_unapplied) {
    std::string list;
    for (size_t i = 0; i < ids.size() && i < 8; ++i) list += (i ? ", " : "") + ids[i];
    if (ids.size() > 8) list += ", ...";
    report.notes.push_back(fmt::format("option not applied: {} ({} scored records: {})", command, ids.size(), list));
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace griot

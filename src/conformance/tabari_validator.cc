#include "conformance/tabari_validator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "base/utf8.h"
#include "coding/coder.h"
#include "coding/mentions.h"
#include "dict/dictionary_set.h"
#include "structure/sentence.h"
#include "text/tokenizer.h"

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

// TABARI's deletion of comma-delimited clauses (COMMA:), by the number of words in the
// clause: an initial clause (before the first comma) of bmin..bmax words, an internal one
// (between two commas) of min..max, a terminal one (after the last comma) of emin..emax.
// TABARI's default deletes internal and terminal clauses of 2 to 10 words, never an initial
// one.
struct CommaOptions {
  bool on = true;
  int min = 2, max = 10, emin = 2, emax = 10, bmin = 255, bmax = 0;
};

int CountWords(std::string_view text);

// `text` with its comma-delimited clauses deleted as `c` says, the way TABARI marks them
// (its subordinate clauses, whose words it then ignores). Commas are taken in pairs from the
// left: the stretch between a comma and the next one is an internal clause when its length is
// within min..max, and the next comma only closes it (it opens no clause); a comma with no
// other after it opens the terminal clause (emin..emax words); the words before any comma
// opening a pair form the initial clause when they number bmin..bmax. Commas inside an actor
// list ("Mordor, the Shire, Fornost and Bree": actors joined by commas and a final "and" or
// "nor", articles and <ADJECTIVE> words allowed between) are passed over, list and all. As
// TABARI's text filter makes them, ";", ":" and parentheses are commas too. Applied to
// single-sentence texts only (a record of several sentences is returned as it is).
std::string DeleteCommaClauses(const std::string& text, const CommaOptions& c, const DictionarySet& dicts,
                               const std::optional<Date>& date, const MentionOptions& mention_options) {
  if (!c.on || text.find_first_of(",;:()") == std::string::npos) return text;
  std::string body = text;
  while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back()))) body.pop_back();
  for (size_t i = 0; i + 1 < body.size(); ++i)
    if ((body[i] == '.' || body[i] == '!' || body[i] == '?') && std::isspace(static_cast<unsigned char>(body[i + 1])) &&
        i > 0 && std::islower(static_cast<unsigned char>(body[i - 1])))
      return text;  // more than one sentence
  Document doc;
  doc.text = text;
  std::replace(doc.text.begin(), doc.text.end(), '_', ' ');  // as the record is coded
  doc.date = date;
  const std::vector<Sentence> sentences = BuildSentences(doc);
  if (sentences.size() != 1) return text;
  const Sentence& s = sentences.front();
  const std::vector<Token>& tok = s.tokens;
  const uint32_t n = static_cast<uint32_t>(tok.size());

  // Word types as TABARI's parser sees them: coded actors (one id per phrase), commas,
  // conjunctions, articles and listed adjectives.
  enum Kind { kOther, kActor, kComma, kConj, kDeterm, kAdjective };
  std::vector<Kind> kind(n, kOther);
  std::vector<int> actor(n, -1);
  const std::vector<ActorMention> mentions = FindMentions(s, dicts, date, mention_options);
  for (size_t m = 0; m < mentions.size(); ++m) {
    if (mentions[m].actor_entry < 0 || mentions[m].code.empty() || mentions[m].code == "---") continue;
    for (uint32_t t = mentions[m].first; t < mentions[m].end && t < n; ++t) actor[t] = static_cast<int>(m);
  }
  for (uint32_t t = 0; t < n; ++t) {
    const std::string& k = tok[t].key;
    if (actor[t] >= 0) kind[t] = kActor;
    else if (k == "," || k == ";" || k == ":" || k == "(" || k == ")") kind[t] = kComma;  // all commas to TABARI
    else if (k == "and" || k == "or" || k == "but" || k == "nor") kind[t] = kConj;
    else if (k == "the" || k == "a" || k == "an") kind[t] = kDeterm;
    else if (dicts.IsListedAdjective(k)) kind[t] = kAdjective;
  }
  // Actor lists: from each "and" / "nor", the actors after it (articles and adjectives
  // between) and those before it joined by commas or conjunctions. A later list that takes in
  // an earlier one replaces it.
  std::vector<std::pair<uint32_t, uint32_t>> lists;  // [first, last] tokens
  for (uint32_t k = 0; k < n; ++k) {
    if (tok[k].key != "and" && tok[k].key != "nor") continue;
    int last = -1;
    for (uint32_t j = k + 1; j < n && (kind[j] == kActor || kind[j] == kDeterm || kind[j] == kAdjective); ++j) {
      if (kind[j] != kActor) continue;
      while (j + 1 < n && actor[j + 1] == actor[j]) ++j;
      last = static_cast<int>(j);
    }
    if (last < 0) continue;
    int first = -1;
    bool need_connector = false;
    for (int p = static_cast<int>(k); p >= 0; --p) {
      const Kind kp = kind[static_cast<size_t>(p)];
      if (kp == kOther) break;
      if (kp == kConj || kp == kComma) need_connector = false;
      if (kp != kActor) continue;
      if (need_connector) break;
      while (p > 0 && actor[static_cast<size_t>(p - 1)] == actor[static_cast<size_t>(p)]) --p;
      first = p;
      need_connector = true;
    }
    if (first < 0) continue;
    std::erase_if(lists, [&](const auto& l) {
      return static_cast<int>(l.first) >= first && static_cast<int>(l.first) <= last;
    });
    lists.emplace_back(static_cast<uint32_t>(first), static_cast<uint32_t>(last));
  }
  std::vector<int> list_end(n, -1);  // at a list's first token: its last
  for (const auto& [first, last] : lists) list_end[first] = static_cast<int>(last);

  auto within = [](int v, int lo, int hi) { return v >= lo && v <= hi; };
  auto words = [&](uint32_t from, uint32_t to) {  // TABARI's words of tokens [from, to), commas included
    if (from >= to) return 0;
    int commas = 0;
    for (uint32_t k = from; k < to; ++k) commas += kind[k] == kComma;
    return commas + CountWords(s.text.substr(tok[from].begin, tok[to - 1].end - tok[from].begin));
  };
  std::vector<std::pair<uint32_t, uint32_t>> cut;  // byte ranges of the sentence to delete
  for (uint32_t t = 0; t < n;) {
    if (list_end[t] >= 0) {
      t = static_cast<uint32_t>(list_end[t]) + 1;
      continue;
    }
    if (kind[t] != kComma) {
      ++t;
      continue;
    }
    const uint32_t open = t;
    // The initial clause: the words before this comma.
    if (within(words(0, open), c.bmin, c.bmax)) cut.emplace_back(0, tok[open].begin);
    uint32_t close = open + 1;
    while (close < n && kind[close] != kComma)
      close = list_end[close] >= 0 ? static_cast<uint32_t>(list_end[close]) + 1 : close + 1;
    if (close >= n) {
      // The terminal clause: from this comma to the end (a final period stays).
      uint32_t last = n;
      while (last > open + 1 && tok[last - 1].kind == TokenKind::kPunct) --last;
      if (within(words(open + 1, last), c.emin, c.emax)) cut.emplace_back(tok[open].begin, tok[last - 1].end);
      break;
    }
    // An internal clause: from this comma up to the next, which stays.
    if (within(words(open + 1, close), c.min, c.max)) cut.emplace_back(tok[open].begin, tok[close].begin);
    t = close + 1;
  }
  if (cut.empty()) return text;
  std::string out;
  size_t from = 0;
  std::sort(cut.begin(), cut.end());
  for (const auto& [b, e] : cut) {
    const size_t begin = s.begin + b, end_byte = s.begin + e;
    if (begin > from) out += text.substr(from, begin - from);
    from = std::max(from, end_byte);
  }
  out += text.substr(from);
  return out;
}

// The options in force while the suite runs (see tabari_validator.h).
struct OptionState {
  CommaOptions comma;
  bool convert_agent = false;
  int minimum_words = 8;  // TABARI's default (the suite's MINWRD-Cancel record resets to it)
  bool time_shift = false;
  // DEFAULT: SOURCE [X] (PRIOR) TARGET [Y] (AFTER). With PRIOR a missing source is X; without
  // it the first actor of the target moves into the source. With AFTER a missing target is Y;
  // without it a compound source is split (its first member acts on the others), and a
  // single source still takes Y.
  std::string default_source, default_target;
  bool prior = false, after = false;
  bool forward = false;  // FORWARD: a missing source is the first actor of the previous record
  CoderOptions::CodeBy code_by = CoderOptions::CodeBy::kClause;  // TABARI's default
  // COMPLEX: VERBS[n] CONJ[n] NOACTPRIOR (CoderOptions::complex_*); off until a COMPLEX:
  // command sets them.
  int complex_verbs = 0, complex_conjunctions = 0;
  bool complex_no_actor_prior = false;
  // Commands griot does not apply, by family ("COMPLEX", "CODE", "FORWARD", ...).
  std::map<std::string, std::string> not_applied;

  void Apply(const std::string& raw) {
    const std::string command = Upper(raw);
    auto after_colon = [&](size_t n) { return Trim(std::string_view(command).substr(n)); };
    if (command.starts_with("SET:")) {
      const std::string rest = after_colon(4);
      const size_t eq = rest.find('=');
      if (eq == std::string::npos) {
        // SET: CODE BY CLAUSE (TABARI's default) | CODE BY SENTENCE | CODE ALL
        if (rest == "CODE BY CLAUSE") code_by = CoderOptions::CodeBy::kClause;
        else if (rest == "CODE BY SENTENCE") code_by = CoderOptions::CodeBy::kSentence;
        else if (rest == "CODE ALL") code_by = CoderOptions::CodeBy::kAll;
        else not_applied["SET: " + rest] = "SET: " + rest;
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
      prior = after = false;
      if (rest == "OFF") return;
      auto code_after = [&](std::string_view key, std::string_view flag, bool* flagged) -> std::string {
        const size_t at = rest.find(key);
        if (at == std::string::npos) return "";
        const size_t open = rest.find('[', at);
        const size_t close = open == std::string::npos ? open : rest.find(']', open);
        if (close == std::string::npos) return "";
        // The flag (PRIOR / AFTER) must follow this code, before the next keyword.
        const size_t next = rest.find(key == "SOURCE" ? "TARGET" : "SOURCE", close);
        const std::string_view tail = std::string_view(rest).substr(close, next == std::string::npos ? std::string::npos : next - close);
        *flagged = tail.find(flag) != std::string_view::npos;
        return Trim(std::string_view(rest).substr(open + 1, close - open - 1));
      };
      default_source = code_after("SOURCE", "PRIOR", &prior);
      default_target = code_after("TARGET", "AFTER", &after);
      return;
    }
    if (command.starts_with("OUTPUT:") || command.starts_with("LABEL:")) return;
    if (command.starts_with("COMPLEX:")) {
      // "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN": each test named is on, the others off
      // (EXPLAIN only adds TABARI's explanation to its output).
      int verbs = 0, conjunctions = 0;
      bool no_actor_prior = false, ok = true;
      std::string_view rest = std::string_view(command).substr(8);
      while (!rest.empty()) {
        const size_t start = rest.find_first_not_of(" \t");
        if (start == std::string_view::npos) break;
        rest.remove_prefix(start);
        size_t end = rest.find_first_of(" \t");
        const size_t bracket = rest.find('[');
        if (bracket != std::string_view::npos && (end == std::string_view::npos || bracket < end))
          end = rest.find(']', bracket) == std::string_view::npos ? rest.size() : rest.find(']', bracket) + 1;
        const std::string_view word = rest.substr(0, end);
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
        auto number = [&](std::string_view name, int* out) {
          std::string_view w = word;
          if (!w.starts_with(name)) return false;
          w.remove_prefix(name.size());
          w = TrimView(w);
          if (w.size() < 3 || w.front() != '[' || w.back() != ']') return false;
          const std::string_view digits = TrimView(w.substr(1, w.size() - 2));
          const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), *out);
          return ec == std::errc() && ptr == digits.data() + digits.size() && *out > 0;
        };
        if (word == "NOACTPRIOR") no_actor_prior = true;
        else if (word == "EXPLAIN") continue;
        else if (!number("VERBS", &verbs) && !number("CONJ", &conjunctions)) ok = false;
      }
      if (ok) {
        complex_verbs = verbs;
        complex_conjunctions = conjunctions;
        complex_no_actor_prior = no_actor_prior;
        not_applied.erase("COMPLEX");
      } else {
        not_applied["COMPLEX"] = Collapse(raw);
      }
      return;
    }
    if (command.starts_with("COMMA:")) {
      // "COMMA: OFF" or "COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8"
      const std::string rest = after_colon(6);
      if (rest == "OFF") {
        comma.on = false;
        return;
      }
      CommaOptions c;
      std::string name;
      bool ok = true;
      for (size_t i = 0; i < rest.size();) {
        if (std::isspace(static_cast<unsigned char>(rest[i])) || rest[i] == '=' || rest[i] == '}') {
          ++i;
          continue;
        }
        size_t j = i;
        while (j < rest.size() && !std::isspace(static_cast<unsigned char>(rest[j])) && rest[j] != '=' && rest[j] != '}') ++j;
        const std::string word = rest.substr(i, j - i);
        i = j;
        if (std::isdigit(static_cast<unsigned char>(word[0]))) {
          const int v = std::atoi(word.c_str());
          if (name == "MIN") c.min = v;
          else if (name == "MAX") c.max = v;
          else if (name == "EMIN") c.emin = v;
          else if (name == "EMAX") c.emax = v;
          else if (name == "BMIN") c.bmin = v;
          else if (name == "BMAX") c.bmax = v;
          else ok = false;
          name.clear();
        } else {
          name = word;
        }
      }
      if (ok) comma = c;
      else not_applied["COMMA"] = Collapse(raw);
      return;
    }
    const size_t colon = command.find(':');
    if (command.starts_with("FORWARD:")) {
      // The pattern after FORWARD: (which words may be pronouns) is not read: a missing
      // source is forwarded.
      forward = !command.ends_with(" OFF");
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

  const CoderOptions tabari = TabariCoderOptions();
  // One coder per (roles filled in or not) x (DEFAULT: actors or not) x (SET: CODE ...) x
  // (COMPLEX: tests); when DEFAULT: or FORWARD: fill a missing role, events without a dyad are
  // kept.
  std::map<std::tuple<bool, bool, int, int, int, bool, bool>, std::unique_ptr<Coder>> coders;
  auto coder_for = [&](bool fill, bool defaults, const OptionState& st, bool forwarding) -> const Coder& {
    std::unique_ptr<Coder>& c = coders[{fill, defaults, static_cast<int>(st.code_by), st.complex_verbs,
                                        st.complex_conjunctions, st.complex_no_actor_prior, forwarding}];
    if (!c) {
      CoderOptions o = tabari;
      o.require_dyad = !fill;
      o.code_without_actors = defaults;
      o.code_by = st.code_by;
      o.complex_verbs = st.complex_verbs;
      o.complex_conjunctions = st.complex_conjunctions;
      o.complex_no_actor_prior = st.complex_no_actor_prior;
      o.complex_pronoun_forwarded = forwarding;
      c = std::make_unique<Coder>(*dicts, o);
    }
    return *c;
  };
  std::string forwarded;  // FORWARD: the first actor of the previous record coded
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
      // TABARI reads "_" in a text as it reads it in a dictionary: a join between words
      // ("Dol_Amroth" is "Dol Amroth").
      doc.text = DeleteCommaClauses(r.text, state.comma, **dicts, r.date, tabari.mentions);
      std::replace(doc.text.begin(), doc.text.end(), '_', ' ');
      const bool defaults = !state.default_source.empty() || !state.default_target.empty();
      const std::string forward_code = state.forward ? forwarded : "";
      const DocumentResult coded =
          coder_for(defaults || !forward_code.empty(), defaults, state, !forward_code.empty()).CodeDocument(doc);
      {
        // The next record's forwarded actor: this record's first actor, without its agents.
        forwarded.clear();
        for (const Sentence& s : BuildSentences(doc)) {
          for (const ActorMention& m : FindMentions(s, **dicts, doc.date, tabari.mentions))
            if (m.actor_entry >= 0) {
              forwarded = (*dicts)->actors.entry(static_cast<uint32_t>(m.actor_entry)).CodeOn(doc.date);
              break;
            }
          if (!forwarded.empty()) break;
        }
      }
      // An agent named alone while CONVERT AGENT is off is no actor (TABARI does not take it
      // for one): its role is missing.
      auto code_of = [&](const std::optional<ActorRef>& a) -> std::string {
        if (!a || (a->agent_only && !state.convert_agent)) return "";
        return a->agent_only ? "~" + a->code : a->code;
      };
      // Events of one verb (trigger and code) with a missing role: FORWARD: and DEFAULT: fill
      // it (OptionState::default_source says how).
      std::vector<ExpectedCoding> codings;
      std::map<std::tuple<uint32_t, uint32_t, std::string>, std::pair<std::vector<std::string>, std::vector<std::string>>> open_roles;
      auto add_unique = [](std::vector<std::string>* v, const std::string& s) {
        if (!s.empty() && std::find(v->begin(), v->end(), s) == v->end()) v->push_back(s);
      };
      for (const Event& e : coded.events) {
        ExpectedCoding c{code_of(e.source), code_of(e.target), e.cameo};
        if (!c.source.empty() && !c.target.empty()) {
          codings.push_back(std::move(c));
          continue;
        }
        auto& [sources, targets] = open_roles[{e.trigger.begin, e.trigger.end, e.cameo}];
        add_unique(&sources, c.source);
        add_unique(&targets, c.target);
      }
      for (auto& [key, roles] : open_roles) {
        auto& [sources, targets] = roles;
        if (sources.empty()) {
          if (!forward_code.empty()) sources.push_back(forward_code);
          else if (state.prior && !state.default_source.empty()) sources.push_back(state.default_source);
          else if (!state.default_source.empty() && !targets.empty()) {
            sources.push_back(targets.front());
            targets.erase(targets.begin());
          } else if (!state.default_source.empty()) sources.push_back(state.default_source);
        }
        if (targets.empty() && !sources.empty()) {
          if (!state.after && !state.default_target.empty() && sources.size() > 1) {
            targets.assign(sources.begin() + 1, sources.end());
            sources.resize(1);
          } else if (!state.default_target.empty()) {
            targets.push_back(state.default_target);
          }
        }
        for (const std::string& s : sources)
          for (const std::string& t : targets)
            if (s != t) codings.push_back({s, t, std::get<2>(key)});
      }
      std::set<ExpectedCoding> produced;
      std::string special_why;
      for (ExpectedCoding& c : codings) {
        const std::string rule = c.code;
        for (const std::string* f : {&c.source, &c.target, &c.code}) {
          if (f->find("###") != std::string::npos && !outcome.discarded) {
            outcome.discarded = true;
            special_why = fmt::format("discarded: [###] in the coding ({} {} {})", c.source, c.target, rule);
          }
          if (f->find("+++") != std::string::npos && !outcome.complex) {
            outcome.complex = true;
            if (special_why.empty()) special_why = fmt::format("complex: [+++] in the coding ({} {} {})", c.source, c.target, rule);
          }
        }
        produced.insert(std::move(c));
      }
      if (!outcome.discarded) {
        // Discard and complex phrases are looked for in the whole text, deleted clauses too.
        Document whole = doc;
        whole.text = r.text;
        std::replace(whole.text.begin(), whole.text.end(), '_', ' ');
        auto [code, why] = scanner.Scan(BuildSentences(whole), r.date, state.time_shift);
        if (code == "###") outcome.discarded = true;
        if (code == "+++") outcome.complex = true;
        if (!code.empty()) special_why = (code == "###" ? "discarded: " : "complex: ") + why;
      }
      if (!coded.complex.empty() && !outcome.discarded && !outcome.complex) {
        outcome.complex = true;
        special_why = "complex: " + coded.complex;
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

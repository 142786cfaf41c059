#include "dict/actor_dict.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "base/strings.h"
#include "base/utf8.h"

namespace griot {

namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}


// Splits "PHRASE [A] [B c]" into the phrase and its bracketed parts.
bool SplitCodes(std::string_view text, std::string_view* phrase, std::vector<std::string_view>* codes,
                std::string* error) {
  const size_t open = text.find('[');
  *phrase = TrimView(text.substr(0, open == std::string_view::npos ? text.size() : open));
  codes->clear();
  size_t pos = open;
  while (pos != std::string_view::npos && pos < text.size()) {
    const size_t close = text.find(']', pos);
    if (close == std::string_view::npos) {
      *error = "unclosed '[' in code";
      return false;
    }
    codes->push_back(text.substr(pos, close - pos + 1));
    pos = text.find('[', close);
  }
  return true;
}

}  // namespace

std::string ActorIdOf(std::string_view phrase) {
  std::string id;
  for (char c : phrase) {
    if (c == ' ') c = '_';
    id.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  while (!id.empty() && id.back() == '_') id.pop_back();
  return id;
}

std::optional<DatedCode> ParseDatedCode(std::string_view bracketed, std::string* error) {
  std::string_view s = TrimView(bracketed);
  if (s.size() < 2 || s.front() != '[' || s.back() != ']') {
    *error = "code must be in brackets";
    return std::nullopt;
  }
  s = TrimView(s.substr(1, s.size() - 2));
  DatedCode dc;
  size_t sp = s.find_first_of(" \t<>");
  dc.code = Upper(TrimView(s.substr(0, sp)));
  if (dc.code.empty()) {
    *error = "empty code";
    return std::nullopt;
  }
  // "[991201-010114]" (no code) and "[AAA950601-990815]" (no blank before the date).
  if (dc.code != "---" && dc.code.find('-') != std::string::npos &&
      dc.code.find_first_of("0123456789") != std::string::npos) {
    *error = std::isdigit(static_cast<unsigned char>(dc.code.front()))
                 ? fmt::format("code block '{}' has a date but no code", s)
                 : fmt::format("code block '{}': separate the date from the code with a blank", s);
    return std::nullopt;
  }
  if (sp == std::string_view::npos) return dc;
  std::string rest;
  for (char c : s.substr(sp))
    if (c != ' ' && c != '\t') rest.push_back(c);
  if (rest.empty()) return dc;
  auto date = [&](std::string_view d) -> std::optional<Date> {
    auto parsed = ParseCompactDate(d);
    if (!parsed) *error = fmt::format("bad date '{}' (want YYMMDD or YYYYMMDD)", d);
    return parsed;
  };
  if (rest[0] == '<') {
    dc.to = date(std::string_view(rest).substr(1));
    if (!dc.to) return std::nullopt;
  } else if (rest[0] == '>') {
    dc.from = date(std::string_view(rest).substr(1));
    if (!dc.from) return std::nullopt;
  } else {
    const size_t dash = rest.find('-');
    if (dash == std::string::npos) {
      *error = fmt::format("bad date restriction '{}'", rest);
      return std::nullopt;
    }
    dc.from = date(std::string_view(rest).substr(0, dash));
    dc.to = date(std::string_view(rest).substr(dash + 1));
    if (!dc.from || !dc.to) return std::nullopt;
    if (*dc.to < *dc.from) {
      *error = fmt::format("date range '{}' ends before it starts", rest);
      return std::nullopt;
    }
  }
  return dc;
}

std::string ActorEntry::CodeOn(const std::optional<Date>& date) const {
  const DatedCode* undated = nullptr;
  for (const DatedCode& dc : codes) {
    const bool is_dated = dc.from || dc.to;
    if (!is_dated) {
      if (!undated) undated = &dc;
      continue;
    }
    if (date && dc.Covers(*date)) return dc.code;
  }
  if (undated) return undated->code;
  if (!date && !codes.empty()) return codes.front().code;
  return "";
}

const std::vector<std::string_view> kTabariNounStemEndings = {
    "s", "es", "a", "as", "an", "ans", "ia", "ian", "ians", "i", "is",
    "e", "ese", "ish", "n", "ns", "ine", "ines", "on"};

std::vector<std::vector<std::string>> TabariNounVariants(std::string_view phrase) {
  std::string clean;
  for (char c : TrimView(phrase))
    if (c != '~') clean.push_back(c);
  bool exact_only = false;
  while (!clean.empty() && clean.back() == '=') {
    exact_only = true;
    clean.pop_back();
  }
  bool endings = false;
  std::vector<std::string> words = SplitPhrase(clean, &endings);
  std::vector<std::vector<std::string>> out;
  if (words.empty()) return out;
  std::erase(words, "=");
  const std::string last = words.back();
  out.push_back(words);
  const bool alphabetic = !last.empty() && std::isalpha(static_cast<unsigned char>(last.back()));
  if (exact_only || !alphabetic || last == "'s") return out;
  auto add = [&](const std::string& w) {
    if (w == last) return;
    auto v = words;
    v.back() = w;
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
  };
  if (endings) {
    add(last + "s");
    add(RegularPlural(last));
    return out;
  }
  for (std::string_view e : kTabariNounStemEndings) add(last + std::string(e));
  add(RegularPlural(last));
  return out;
}

bool TabariNounFlexible(std::string_view phrase, std::vector<std::string>* words, std::vector<uint8_t>* flags) {
  words->clear();
  flags->clear();
  phrase = TrimView(phrase);
  size_t i = 0;
  bool gap_before = false;
  bool any = false;
  while (i < phrase.size()) {
    const bool blank = phrase[i] == ' ' || phrase[i] == '\t';
    if (blank || phrase[i] == '_') {
      gap_before |= blank && !words->empty();
      ++i;
      continue;
    }
    size_t j = i;
    while (j < phrase.size() && phrase[j] != '_' && phrase[j] != ' ' && phrase[j] != '\t') ++j;
    std::string_view raw = phrase.substr(i, j - i);
    bool stem_mark = false, exact = false;
    while (!raw.empty() && (raw.back() == '~' || raw.back() == '=')) {
      (raw.back() == '~' ? stem_mark : exact) = true;
      raw.remove_suffix(1);
    }
    const bool underscore_after = j < phrase.size() && phrase[j] == '_';
    uint8_t f = gap_before ? PhraseIndex::kGap : 0;
    gap_before = false;
    if (!raw.empty()) {
      std::string possessive;
      if (raw.size() > 2 && (raw.ends_with("'S") || raw.ends_with("'s"))) {
        raw.remove_suffix(2);
        possessive = "'s";
      }
      const bool alphabetic = std::isalpha(static_cast<unsigned char>(raw.back())) != 0;
      if (possessive.empty() && alphabetic && (stem_mark || (!exact && !underscore_after))) f |= PhraseIndex::kStem;
      words->push_back(FoldKey(raw));
      flags->push_back(f);
      if (!possessive.empty()) {
        words->push_back(possessive);
        flags->push_back(0);
      }
      any |= f != 0 && (words->size() > 1 || (f & PhraseIndex::kStem));
    }
    i = j;
  }
  if (!any || words->empty()) {
    words->clear();
    flags->clear();
    return false;
  }
  return true;
}

namespace {

// TABARI section bookkeeping shared by the actor and agent readers: <NOUN> and <ADJECTIVE>
// collect words; any other section is reported once and its lines are skipped.
struct SectionState {
  std::string name;
  int line = 0;
  // Returns true if `text` was a section tag or a line inside a section (consumed).
  bool Consume(std::string_view text, int number, const std::string& file, std::vector<DictIssue>* issues,
               std::vector<std::string>* nouns, std::vector<std::string>* adjectives) {
    std::string tag;
    bool closing = false;
    if (ParseSectionTag(text, &tag, &closing)) {
      if (closing) {
        if (tag != name) issues->push_back({file, number, fmt::format("</{}> closes no open <{}>", tag, tag)});
        name.clear();
      } else {
        if (!name.empty()) issues->push_back({file, line, fmt::format("<{}> is not closed before <{}>", name, tag)});
        name = tag;
        line = number;
        if (tag != "NOUN" && tag != "ADJECTIVE")
          issues->push_back({file, number, fmt::format("unknown section <{}>: its lines are skipped", tag)});
      }
      return true;
    }
    if (name.empty()) return false;
    std::string_view word = TrimView(text.substr(0, text.find('[')));
    if (name == "NOUN" || name == "ADJECTIVE") {
      if (word.empty()) issues->push_back({file, number, fmt::format("<{}> line has no word", name)});
      else (name == "NOUN" ? nouns : adjectives)->emplace_back(word);
    }
    return true;
  }
  void Finish(const std::string& file, std::vector<DictIssue>* issues) {
    if (!name.empty()) issues->push_back({file, line, fmt::format("<{}> is not closed", name)});
    name.clear();
  }
};

std::string WithoutMarks(std::string_view phrase) {
  std::string out;
  for (char c : phrase)
    if (c != '~' && c != '=') out.push_back(c);
  return out;
}

}  // namespace

void ActorDictionary::Load(std::string_view content, const std::string& file,
                           std::vector<DictIssue>* issues) {
  Load(content, file, DetectDictSyntax(file, content), issues);
}

void ActorDictionary::Load(std::string_view content, const std::string& file, DictSyntax syntax,
                           std::vector<DictIssue>* issues) {
  const bool tabari = syntax == DictSyntax::kTabari;
  int current = -1;
  SectionState section;
  // Indexes `phrase` for entry `id`; false if it has no word.
  auto index_phrase = [&](std::string_view phrase, uint32_t id) {
    if (!tabari) {
      auto words = SplitPhrase(phrase);
      if (words.empty()) return false;
      index_.Add(std::move(words), id);
      return true;
    }
    auto variants = TabariNounVariants(phrase);
    // Words joined by "_" only ("AL_GORE") must be consecutive, and a hyphenated token of
    // the text ("Al-Gore") holds them so: the joined form is indexed as one word too.
    std::string_view joined = phrase;
    while (!joined.empty() && (joined.back() == '_' || joined.back() == ' ')) joined.remove_suffix(1);
    const bool consecutive = joined.find('_') != std::string_view::npos &&
                             joined.find_first_of(" \t") == std::string_view::npos;
    for (auto& v : variants) {
      if (consecutive && v.size() >= 2) {
        std::string one = v.front();
        for (size_t k = 1; k < v.size(); ++k) one += "-" + v[k];
        index_.Add({one}, id);
      }
      index_.Add(std::move(v), id);
    }
    std::vector<std::string> words;
    std::vector<uint8_t> flags;
    if (TabariNounFlexible(phrase, &words, &flags)) index_.AddFlexible(words, flags, id);
    return !variants.empty();
  };
  for (const DictLine& line : ReadDictLines(content, syntax)) {
    std::string_view text = line.text;
    auto issue = [&](std::string reason) { issues->push_back({file, line.number, std::move(reason)}); };
    if (tabari && section.Consume(text, line.number, file, issues, &nouns_, &adjectives_)) {
      current = -1;
      continue;
    }
    if (text.front() == '[') {
      if (current < 0) {
        issue("dated code before any actor");
        continue;
      }
      std::string error;
      auto dc = ParseDatedCode(text.substr(0, text.find(']') + 1), &error);
      if (!dc) {
        issue(error);
        continue;
      }
      entries_[static_cast<size_t>(current)].codes.push_back(std::move(*dc));
      continue;
    }
    std::string_view phrase;
    std::vector<std::string_view> codes;
    std::string error;
    if (!SplitCodes(text, &phrase, &codes, &error)) {
      issue(error);
      continue;
    }
    if (text.front() == '+') {
      if (current < 0) {
        issue("synonym before any actor");
        continue;
      }
      phrase = TrimView(phrase.substr(1));
      if (!index_phrase(phrase, static_cast<uint32_t>(current))) issue("empty synonym");
      continue;
    }
    if (SplitPhrase(phrase).empty()) {
      issue("line has no actor phrase");
      continue;
    }
    ActorEntry entry;
    entry.primary = tabari ? WithoutMarks(phrase) : std::string(phrase);
    entry.actor_id = ActorIdOf(entry.primary);
    entry.file = file;
    entry.line = line.number;
    bool bad = false;
    for (std::string_view c : codes) {
      auto dc = ParseDatedCode(c, &error);
      if (!dc) {
        issue(error);
        bad = true;
        break;
      }
      entry.codes.push_back(std::move(*dc));
    }
    if (bad) {
      current = -1;
      continue;
    }
    current = static_cast<int>(entries_.size());
    entries_.push_back(std::move(entry));
    index_phrase(phrase, static_cast<uint32_t>(current));
  }
  if (tabari) section.Finish(file, issues);
}

std::string RegularPlural(std::string_view word) {
  std::string w(word);
  if (w.empty()) return w;
  auto ends = [&](std::string_view s) { return w.size() >= s.size() && w.ends_with(s); };
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return w + "es";
  if (ends("y") && w.size() > 1 && std::string_view("aeiou").find(w[w.size() - 2]) == std::string_view::npos)
    return w.substr(0, w.size() - 1) + "ies";
  if (ends("man")) return w.substr(0, w.size() - 3) + "men";
  return w + "s";
}

void AgentDictionary::Load(std::string_view content, const std::string& file,
                           std::vector<DictIssue>* issues) {
  Load(content, file, DetectDictSyntax(file, content), issues);
}

void AgentDictionary::Load(std::string_view content, const std::string& file, DictSyntax syntax,
                           std::vector<DictIssue>* issues) {
  const bool tabari = syntax == DictSyntax::kTabari;
  std::map<std::string, std::vector<std::string>> sets;  // "!PERSON!" -> members
  SectionState section;
  std::vector<std::string> ignored_nouns, ignored_adjectives;  // agents files have none in practice
  for (const DictLine& line : ReadDictLines(content, syntax)) {
    std::string_view text = line.text;
    auto issue = [&](std::string reason) { issues->push_back({file, line.number, std::move(reason)}); };
    if (tabari && section.Consume(text, line.number, file, issues, &ignored_nouns, &ignored_adjectives)) continue;
    // Substitution set: !NAME! = A, B, C
    if (text.front() == '!' && text.find('=') != std::string_view::npos) {
      const size_t eq = text.find('=');
      std::string name = Upper(TrimView(text.substr(0, eq)));
      std::vector<std::string> members;
      std::string_view rest = text.substr(eq + 1);
      size_t pos = 0;
      while (pos <= rest.size()) {
        size_t comma = rest.find(',', pos);
        if (comma == std::string_view::npos) comma = rest.size();
        std::string_view m = TrimView(rest.substr(pos, comma - pos));
        if (!m.empty()) members.emplace_back(m);
        pos = comma + 1;
      }
      if (members.empty()) issue("substitution set has no members");
      sets[name] = std::move(members);
      continue;
    }
    const size_t open = text.find('[');
    const size_t close = text.find(']', open == std::string_view::npos ? 0 : open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      issue("agent line has no [code]");
      continue;
    }
    std::string code = Upper(TrimView(text.substr(open + 1, close - open - 1)));
    code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
    AgentEntry entry;
    entry.file = file;
    entry.line = line.number;
    if (code.starts_with("~")) {
      entry.code = code.substr(1);
    } else if (code.ends_with("~")) {
      entry.code = code.substr(0, code.size() - 1);
      entry.prefix = true;
    } else {
      issue(fmt::format("agent code '{}' needs '~' before (suffix) or after (prefix)", code));
      continue;
    }
    std::string_view head = TrimView(text.substr(0, open));
    std::vector<std::string> plurals;
    bool explicit_plurals = false;
    const size_t brace = head.find('{');
    if (brace != std::string_view::npos) {
      const size_t brace_close = head.find('}', brace);
      if (brace_close == std::string_view::npos) {
        issue("unclosed '{' in plurals");
        continue;
      }
      explicit_plurals = true;
      for (std::string_view w : SplitSpaces(head.substr(brace + 1, brace_close - brace - 1))) plurals.emplace_back(w);
      head = TrimView(head.substr(0, brace));
    }
    entry.phrase = std::string(head);
    // Expand substitution sets ("!MINST!_OF_X" -> one phrase per member).
    std::vector<std::string> forms = {entry.phrase};
    forms.insert(forms.end(), plurals.begin(), plurals.end());
    std::vector<std::string> expanded;
    for (const std::string& f : forms) {
      std::vector<std::string> pending = {f};
      bool progress = true;
      while (progress) {
        progress = false;
        std::vector<std::string> next;
        for (const std::string& p : pending) {
          const size_t a = p.find('!');
          const size_t b = a == std::string::npos ? a : p.find('!', a + 1);
          if (b == std::string::npos) {
            next.push_back(p);
            continue;
          }
          auto it = sets.find(Upper(p.substr(a, b - a + 1)));
          if (it == sets.end()) {
            issue(fmt::format("unknown substitution set {}", p.substr(a, b - a + 1)));
            continue;
          }
          for (const std::string& m : it->second) next.push_back(p.substr(0, a) + m + p.substr(b + 1));
          progress = true;
        }
        pending = std::move(next);
      }
      expanded.insert(expanded.end(), pending.begin(), pending.end());
    }
    const uint32_t id = static_cast<uint32_t>(entries_.size());
    if (tabari) entry.phrase = WithoutMarks(entry.phrase);
    entries_.push_back(entry);
    for (const std::string& f : expanded) {
      if (tabari && !explicit_plurals) {
        for (auto& v : TabariNounVariants(f)) index_.Add(std::move(v), id);
        std::vector<std::string> words;
        std::vector<uint8_t> flags;
        if (TabariNounFlexible(f, &words, &flags)) index_.AddFlexible(words, flags, id);
        continue;
      }
      auto words = SplitPhrase(tabari ? WithoutMarks(f) : f);
      if (words.empty()) continue;
      if (!explicit_plurals) {
        auto plural = words;
        plural.back() = RegularPlural(plural.back());
        index_.Add(std::move(plural), id);
      }
      index_.Add(std::move(words), id);
    }
  }
  if (tabari) section.Finish(file, issues);
}

}  // namespace griot

#include "dict/verb_dict.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cctype>
#include <functional>
#include <set>
#include <tuple>

#include "base/strings.h"
#include "base/utf8.h"
#include "dict/actor_dict.h"

namespace griot {

namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// "&WEAPON_" -> "WEAPON"
std::string SynsetName(std::string_view raw) {
  if (!raw.empty() && raw.front() == '&') raw.remove_prefix(1);
  std::string name = Upper(raw);
  while (!name.empty() && name.back() == '_') name.pop_back();
  return name;
}

bool IsVowel(char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; }

// Parses "[163]" / "[032:033]" / "[---]" into code and paired code; a final "!" or "?"
// (TABARI's dominant / subordinate marks) goes to `mark` when given.
bool ParseCode(std::string_view bracketed, std::string* code, std::string* paired, std::string* error,
               char* mark = nullptr) {
  std::string_view s = TrimView(bracketed);
  if (s.size() < 3 || s.front() != '[' || s.back() != ']') {
    *error = "missing [code]";
    return false;
  }
  s = TrimView(s.substr(1, s.size() - 2));
  if (mark) *mark = 0;
  if (!s.empty() && (s.back() == '!' || s.back() == '?')) {
    if (mark) *mark = s.back();
    s = TrimView(s.substr(0, s.size() - 1));
  }
  const size_t colon = s.find(':');
  *code = Upper(TrimView(s.substr(0, colon)));
  paired->clear();
  if (colon != std::string_view::npos) *paired = Upper(TrimView(s.substr(colon + 1)));
  if (code->empty()) {
    *error = "empty code";
    return false;
  }
  return true;
}

}  // namespace

std::vector<std::pair<std::string, VerbFormKind>> RegularVerbForms(std::string_view base_view) {
  const std::string base(base_view);
  std::vector<std::pair<std::string, VerbFormKind>> out;
  if (base.empty()) return out;
  auto ends = [&](std::string_view s) { return base.ends_with(s); };
  const char last = base.back();
  // Third person singular.
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") || ends("o"))
    out.emplace_back(base + "es", VerbFormKind::kThirdPerson);
  else if (last == 'y' && base.size() > 1 && !IsVowel(base[base.size() - 2]))
    out.emplace_back(base.substr(0, base.size() - 1) + "ies", VerbFormKind::kThirdPerson);
  else
    out.emplace_back(base + "s", VerbFormKind::kThirdPerson);
  // Past and gerund.
  if (last == 'e') {
    out.emplace_back(base + "d", VerbFormKind::kPast);
    if (ends("ee") || ends("ye") || ends("oe"))
      out.emplace_back(base + "ing", VerbFormKind::kGerund);
    else if (ends("ie"))
      out.emplace_back(base.substr(0, base.size() - 2) + "ying", VerbFormKind::kGerund);
    else
      out.emplace_back(base.substr(0, base.size() - 1) + "ing", VerbFormKind::kGerund);
  } else if (last == 'y' && base.size() > 1 && !IsVowel(base[base.size() - 2])) {
    out.emplace_back(base.substr(0, base.size() - 1) + "ied", VerbFormKind::kPast);
    out.emplace_back(base + "ing", VerbFormKind::kGerund);
  } else {
    out.emplace_back(base + "ed", VerbFormKind::kPast);
    out.emplace_back(base + "ing", VerbFormKind::kGerund);
    // Consonant doubling ("ban" -> "banned") cannot be decided from spelling alone (stress);
    // both spellings are indexed and only real words ever match.
    const size_t n = base.size();
    if (n >= 3 && !IsVowel(last) && last != 'w' && last != 'x' && last != 'y' &&
        IsVowel(base[n - 2]) && !IsVowel(base[n - 3])) {
      out.emplace_back(base + last + "ed", VerbFormKind::kPast);
      out.emplace_back(base + last + "ing", VerbFormKind::kGerund);
    }
  }
  return out;
}

bool ParsePatternLine(std::string_view text, VerbPattern* out, std::string* error) {
  std::string_view s = TrimView(text);
  if (s.empty() || s.front() != '-') {
    *error = "pattern must start with '-'";
    return false;
  }
  s.remove_prefix(1);
  const size_t open = s.rfind('[');
  if (open == std::string_view::npos) {
    *error = "pattern has no [code]";
    return false;
  }
  const size_t close = s.find(']', open);
  if (close == std::string_view::npos) {
    *error = "pattern code has no ']'";
    return false;
  }
  if (!ParseCode(s.substr(open, close - open + 1), &out->code, &out->paired_code, error, &out->mark)) return false;
  std::string body(s.substr(0, open));
  // PETRARCH-2 groups: {NOUN PHRASE} and (PREP PHRASE) are read as consecutive word groups.
  std::string flat;
  int group = 0;
  for (char c : body) {
    if (c == '{' || c == '(') {
      ++group;
      flat.push_back(' ');
      continue;
    }
    if (c == '}' || c == ')') {
      if (group > 0) --group;
      flat.push_back(' ');
      continue;
    }
    flat.push_back(group > 0 && c == ' ' ? '_' : c);
  }
  bool seen_verb = false;
  for (std::string_view chunk : SplitSpaces(flat)) {
    // Split "A_B_*_C" into pieces joined by '_' (consecutive).
    size_t i = 0;
    bool first_piece = true;
    while (i <= chunk.size()) {
      size_t j = chunk.find('_', i);
      if (j == std::string_view::npos) j = chunk.size();
      std::string_view piece = chunk.substr(i, j - i);
      const bool consecutive = !first_piece;
      i = j + 1;
      if (piece.empty()) {
        if (j == chunk.size()) break;
        continue;
      }
      first_piece = false;
      if (piece == "*") {
        if (seen_verb) {
          *error = "pattern has more than one '*'";
          return false;
        }
        seen_verb = true;
        if (consecutive) out->verb_consecutive_pre = true;
        // A following piece in the same chunk is consecutive to the verb.
        if (i <= chunk.size() && j < chunk.size()) out->verb_consecutive_post = true;
        continue;
      }
      PatternElement el;
      el.consecutive = consecutive && !(seen_verb && out->post.empty() && out->verb_consecutive_post);
      if (piece == "$") el.kind = PatternToken::kSource;
      else if (piece == "+") el.kind = PatternToken::kTarget;
      else if (piece == "%") el.kind = PatternToken::kCompound;
      else if (piece == "^") el.kind = PatternToken::kSkip;
      else if (piece.front() == '&') {
        el.kind = PatternToken::kSynset;
        el.key = SynsetName(piece);
      } else {
        el.kind = PatternToken::kWord;
        el.key = FoldKey(piece);
      }
      if (el.kind == PatternToken::kWord || el.kind == PatternToken::kSynset) ++out->literal_words;
      (seen_verb ? out->post : out->pre).push_back(std::move(el));
      if (j == chunk.size()) break;
    }
  }
  if (!seen_verb) {
    *error = "pattern has no '*' for the verb";
    return false;
  }
  return true;
}

void VerbDictionary::AddForms(std::string_view spec, uint32_t block, bool noun,
                              const std::string& file, int line, std::vector<DictIssue>* issues) {
  std::string own_code, paired;
  const size_t code_open = spec.find('[');
  if (code_open != std::string_view::npos) {
    std::string error;
    if (!ParseCode(spec.substr(code_open, spec.find(']', code_open) - code_open + 1), &own_code,
                   &paired, &error)) {
      issues->push_back({file, line, error});
      return;
    }
    spec = TrimView(spec.substr(0, code_open));
  }
  std::vector<std::string_view> listed;
  const size_t brace = spec.find('{');
  if (brace != std::string_view::npos) {
    const size_t brace_close = spec.find('}', brace);
    if (brace_close == std::string_view::npos) {
      issues->push_back({file, line, "unclosed '{' in verb forms"});
      return;
    }
    listed = SplitSpaces(spec.substr(brace + 1, brace_close - brace - 1));
    spec = TrimView(spec.substr(0, brace));
  }
  auto parse_form = [&](std::string_view raw, VerbForm* form) -> bool {
    // "+CORDON_OFF", "WIRE_+TAP", "ATTACK": '+' marks the inflected word (default: first).
    form->words.clear();
    form->verb_word = 0;
    size_t i = 0;
    while (i <= raw.size()) {
      size_t j = raw.find('_', i);
      if (j == std::string_view::npos) j = raw.size();
      std::string_view w = raw.substr(i, j - i);
      if (!w.empty()) {
        if (w.front() == '+') {
          form->verb_word = static_cast<uint32_t>(form->words.size());
          w.remove_prefix(1);
        }
        if (!w.empty()) form->words.push_back(FoldKey(w));
      }
      if (j == raw.size()) break;
      i = j + 1;
    }
    return !form->words.empty() && form->verb_word < form->words.size();
  };
  VerbForm base;
  base.block = block;
  base.code = own_code;
  if (!parse_form(spec, &base)) {
    issues->push_back({file, line, "empty verb form"});
    return;
  }
  base.kind = noun ? VerbFormKind::kNoun : VerbFormKind::kBase;
  std::vector<VerbForm> forms = {base};
  const std::string& stem = base.words[base.verb_word];
  if (!listed.empty()) {
    for (std::string_view raw : listed) {
      VerbForm f;
      f.block = block;
      f.code = own_code;
      std::string_view r = raw;
      if (r.front() != '+' && base.words.size() > 1 && r.find('_') == std::string_view::npos) {
        // "{SHOT}" for "+SHOOT_DEAD": replace the verb word only.
        f.words = base.words;
        f.verb_word = base.verb_word;
        f.words[f.verb_word] = FoldKey(r);
      } else if (!parse_form(r, &f)) {
        issues->push_back({file, line, fmt::format("bad verb form '{}'", raw)});
        continue;
      }
      const std::string& w = f.words[f.verb_word];
      if (noun) f.kind = VerbFormKind::kNoun;
      else if (w.ends_with("ing")) f.kind = VerbFormKind::kGerund;
      else if (w == stem + "s" || w == stem + "es" ||
               (stem.ends_with("y") && w == stem.substr(0, stem.size() - 1) + "ies"))
        f.kind = VerbFormKind::kThirdPerson;
      else f.kind = VerbFormKind::kPast;
      forms.push_back(std::move(f));
    }
  } else if (!noun) {
    for (auto& [word, kind] : RegularVerbForms(stem)) {
      VerbForm f = base;
      f.words[f.verb_word] = word;
      f.kind = kind;
      forms.push_back(std::move(f));
    }
  } else {
    VerbForm f = base;
    f.words[f.verb_word] = RegularVerbForms(stem).front().first;  // plural noun
    forms.push_back(std::move(f));
  }
  for (VerbForm& f : forms) forms_.push_back(std::move(f));
}

void VerbDictionary::Load(std::string_view content, const std::string& file,
                          std::vector<DictIssue>* issues) {
  Load(content, file, DetectDictSyntax(file, content), issues);
}

void VerbDictionary::Load(std::string_view content, const std::string& file, DictSyntax syntax,
                          std::vector<DictIssue>* issues) {
  if (syntax == DictSyntax::kTabari) LoadTabari(content, file, issues);
  else LoadPetrarch(content, file, issues);
}

void VerbDictionary::LoadPetrarch(std::string_view content, const std::string& file,
                                  std::vector<DictIssue>* issues) {
  int block = -1;
  std::string synset;  // the synset being read, if any
  for (const DictLine& line : ReadDictLines(content)) {
    std::string_view text = line.text;
    auto issue = [&](std::string reason) { issues->push_back({file, line.number, std::move(reason)}); };
    if (text.starts_with("---")) {
      // --- NAME [code] ---
      synset.clear();
      std::string_view inner = TrimView(text.substr(3));
      if (inner.ends_with("---")) inner = TrimView(inner.substr(0, inner.size() - 3));
      const size_t open = inner.find('[');
      VerbBlock b;
      b.file = file;
      b.line = line.number;
      b.name = Upper(TrimView(inner.substr(0, open)));
      std::string error;
      if (open == std::string_view::npos ||
          !ParseCode(inner.substr(open, inner.find(']', open) - open + 1), &b.code, &b.paired_code, &error,
                     &b.mark)) {
        issue(open == std::string_view::npos ? "verb block header has no [code]" : error);
        block = -1;
        continue;
      }
      block = static_cast<int>(blocks_.size());
      blocks_.push_back(std::move(b));
      continue;
    }
    if (text.front() == '&') {
      synset = SynsetName(TrimView(text));
      synset_raw_[synset];  // an empty synset is still defined
      continue;
    }
    if (text.front() == '+' && !synset.empty()) {
      synset_raw_[synset].emplace_back(TrimView(text.substr(1)));
      continue;
    }
    synset.clear();
    if (text.front() == '~') {
      ++skipped_transformations_;  // PETRARCH-2 transformations: not applied (documented)
      continue;
    }
    if (block < 0) {
      issue("line outside any verb block");
      continue;
    }
    if (text.front() == '-') {
      VerbPattern p;
      std::string error;
      if (!ParsePatternLine(text, &p, &error)) {
        issue(error);
        continue;
      }
      p.file = file;
      p.line = line.number;
      p.text = std::string(text);
      blocks_[static_cast<size_t>(block)].patterns.push_back(std::move(p));
      continue;
    }
    const bool noun = text.front() == '@';
    AddForms(noun ? text.substr(1) : text, static_cast<uint32_t>(block), noun, file, line.number, issues);
  }
}

std::vector<std::pair<std::string, VerbFormKind>> TabariVerbVariants(std::string_view word_key, char mark) {
  const std::string w(word_key);
  std::vector<std::pair<std::string, VerbFormKind>> out;
  if (w.empty()) return out;
  auto kind_of = [&](const std::string& form) {
    if (form == w) return VerbFormKind::kBase;
    if (form.ends_with("ing")) return VerbFormKind::kGerund;
    if (form.ends_with("ed") || form.ends_with("en")) return VerbFormKind::kPast;
    if (form.ends_with("s")) return VerbFormKind::kThirdPerson;
    return VerbFormKind::kBase;
  };
  auto add = [&](const std::string& form) {
    for (const auto& [f, k] : out)
      if (f == form) return;
    out.emplace_back(form, kind_of(form));
  };
  add(w);
  if (mark == '=') return out;
  // TABARI's regular verb endings, and the spelling rules of RegularVerbForms.
  auto endings = [&](const std::string& base) {
    add(base);
    for (std::string_view e : {"s", "es", "ed", "en", "ing"}) add(base + std::string(e));
    if (base.ends_with("e")) add(base + "d");
    for (auto& [f, k] : RegularVerbForms(base)) add(f);
  };
  endings(w);
  if (mark == '_') return out;
  // A stem: also the forms of the likely whole verbs it begins.
  const bool ends_vowel = IsVowel(w.back()) || w.back() == 'y';
  if (!ends_vowel) endings(w + "e");
  if (!ends_vowel) endings(w + "y");
  endings(w + "ze");
  endings(w + "se");
  return out;
}

namespace {

struct MarkedWord {
  std::string raw;  // as written, without marks
  char mark = 0;    // '=', '_' (regular endings) or 0 (stem)
};

// Splits a TABARI verb phrase ("BURN DOWN", "CALLED_ON", "BAN=", "REAL~_PLEASANT") into words
// with the mark that decides how each matches.
std::vector<MarkedWord> SplitMarked(std::string_view phrase) {
  std::vector<MarkedWord> out;
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && (phrase[i] == ' ' || phrase[i] == '\t' || phrase[i] == '_')) ++i;
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ' && phrase[j] != '\t' && phrase[j] != '_') ++j;
    if (j == i) break;
    MarkedWord w;
    w.raw = std::string(phrase.substr(i, j - i));
    bool stem_mark = false;
    while (!w.raw.empty() && (w.raw.back() == '=' || w.raw.back() == '~')) {
      if (w.raw.back() == '=') w.mark = '=';
      else stem_mark = true;
      w.raw.pop_back();
    }
    if (w.mark != '=' && !stem_mark && j < phrase.size() && phrase[j] == '_') w.mark = '_';
    if (!w.raw.empty()) out.push_back(std::move(w));
    i = j;
  }
  return out;
}

std::string WithoutTabariMarks(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '~' && c != '=') out.push_back(c);
  return out;
}

}  // namespace

void VerbDictionary::AddTabariForms(std::string_view spec, uint32_t block, const std::string& file, int line,
                                    std::vector<DictIssue>* issues) {
  std::vector<std::string_view> listed;
  const size_t brace = spec.find('{');
  if (brace != std::string_view::npos) {
    const size_t brace_close = spec.find('}', brace);
    if (brace_close == std::string_view::npos) {
      issues->push_back({file, line, "unclosed '{' in verb forms"});
      return;
    }
    listed = SplitSpaces(spec.substr(brace + 1, brace_close - brace - 1));
    spec = TrimView(spec.substr(0, brace));
  }
  const std::vector<MarkedWord> words = SplitMarked(spec);
  if (words.empty()) {
    issues->push_back({file, line, "empty verb form"});
    return;
  }
  std::vector<std::string> keys;
  for (const MarkedWord& w : words) keys.push_back(FoldKey(w.raw));
  // The first word is the verb; the words after it follow it, other words between them where
  // the dictionary wrote a blank ("DEATH TOLL RISEN"), none after "_" ("CALLED_ON").
  uint64_t gaps = 0;
  for (size_t k = 1; k < words.size() && k < 64; ++k)
    if (words[k - 1].mark != '_') gaps |= uint64_t{1} << k;
  for (auto& [variant, kind] : TabariVerbVariants(keys[0], words[0].mark)) {
    VerbForm f;
    f.words = keys;
    f.words[0] = variant;
    f.kind = kind;
    f.block = block;
    f.gaps = gaps;
    forms_.push_back(std::move(f));
  }
  // The last word of a phrase joined by "_" takes the regular endings too, as TABARI reads it
  // ("SHOT_AND_WOUND": "shot and wounded").
  if (words.size() > 1 && words[words.size() - 2].mark == '_' && words.back().mark != '=')
    for (auto& [variant, kind] : TabariVerbVariants(keys.back(), '_')) {
      if (variant == keys.back()) continue;
      VerbForm f;
      f.words = keys;
      f.words.back() = variant;
      f.kind = kind;
      f.block = block;
      f.gaps = gaps;
      forms_.push_back(std::move(f));
    }
  // A stem ("RESTOR") matches any word beginning with it, beyond the endings above.
  if (words[0].mark == 0 && !keys[0].empty() && std::isalpha(static_cast<unsigned char>(keys[0].back()))) {
    VerbForm f;
    f.words = keys;
    f.block = block;
    f.stem = true;
    f.gaps = gaps;
    forms_.push_back(std::move(f));
  }
  // Irregular forms, matched as written: "{BROKE_ BROKEN_ BROKEN_DOWN_}".
  for (std::string_view raw : listed) {
    if (raw == "|") continue;
    std::vector<MarkedWord> parts = SplitMarked(raw);
    if (parts.empty()) {
      issues->push_back({file, line, fmt::format("bad verb form '{}'", raw)});
      continue;
    }
    VerbForm f;
    f.block = block;
    if (parts.size() == 1 && keys.size() > 1) {
      f.words = keys;  // "{SHOT}" for a multi-word verb: replace the verb word only
      f.words[0] = FoldKey(parts[0].raw);
    } else {
      for (const MarkedWord& p : parts) f.words.push_back(FoldKey(p.raw));
    }
    const std::string& v = f.words[0];
    f.kind = v.ends_with("ing") ? VerbFormKind::kGerund
             : (v.ends_with("ed") || v.ends_with("en")) ? VerbFormKind::kPast
                                                         : VerbFormKind::kBase;
    // A listed form written bare ("ACTUALITY") is a stem as well.
    const bool stem = parts.size() == 1 && parts[0].mark == 0 && !v.empty() &&
                      std::isalpha(static_cast<unsigned char>(v.back()));
    if (stem) {
      VerbForm s = f;
      s.stem = true;
      forms_.push_back(std::move(f));
      forms_.push_back(std::move(s));
      continue;
    }
    forms_.push_back(std::move(f));
  }
}

bool VerbDictionary::ParseTabariPattern(std::string_view text, VerbPattern* out, std::string* error) {
  // "{ A | B C }" alternatives become an anonymous synset "&|N" in place, so that the words
  // around them keep their "_" joins: "DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS".
  const size_t code_open = text.rfind('[');
  std::string body(text.substr(0, code_open == std::string_view::npos ? text.size() : code_open));
  std::string rewritten;
  size_t i = 0;
  while (i < body.size()) {
    const size_t open = body.find('{', i);
    if (open == std::string::npos) {
      rewritten += body.substr(i);
      break;
    }
    const size_t close = body.find('}', open);
    if (close == std::string::npos) {
      *error = "unclosed '{' in pattern alternatives";
      return false;
    }
    rewritten += body.substr(i, open - i);
    const std::string name = fmt::format("|{}", ++alternative_groups_);
    std::vector<std::string>& members = synset_raw_[name];
    tabari_synset_[name] = true;
    std::string_view inner = std::string_view(body).substr(open + 1, close - open - 1);
    size_t pos = 0;
    while (pos <= inner.size()) {
      size_t bar = inner.find('|', pos);
      if (bar == std::string_view::npos) bar = inner.size();
      std::string_view m = TrimView(inner.substr(pos, bar - pos));
      if (!m.empty() && m != "_") members.emplace_back(m);
      pos = bar + 1;
    }
    if (members.empty()) {
      *error = "empty '{ | }' alternatives";
      return false;
    }
    rewritten += "&" + name;
    i = close + 1;
  }
  if (code_open != std::string_view::npos) rewritten += std::string(text.substr(code_open));
  if (!ParsePatternLine(WithoutTabariMarks(rewritten), out, error)) return false;
  // Which literal words are stems: a word marked "~", or one followed by a blank or ending
  // the pattern, without "=" ("- * RESOLUTION" matches "resolutions"; "SHOW_NO_*" and
  // "RESOLUTION_" match whole words). The words come in the order ParsePatternLine read them.
  std::vector<bool> stems;
  {
    std::string_view rest = TrimView(std::string_view(rewritten).substr(0, rewritten.rfind('[')));
    if (!rest.empty() && rest.front() == '-') rest.remove_prefix(1);
    for (std::string_view chunk : SplitSpaces(rest)) {
      size_t a = 0;
      while (a < chunk.size()) {
        size_t b = chunk.find('_', a);
        if (b == std::string_view::npos) b = chunk.size();
        std::string_view piece = chunk.substr(a, b - a);
        a = b + 1;
        if (piece.empty() || piece == "*" || piece == "$" || piece == "+" || piece == "%" || piece == "^" ||
            piece.front() == '&')
          continue;
        const bool marked = piece.back() == '~';
        const bool exact = piece.back() == '=';
        while (!piece.empty() && (piece.back() == '~' || piece.back() == '=')) piece.remove_suffix(1);
        if (piece.empty()) continue;
        const bool alphabetic = std::isalpha(static_cast<unsigned char>(piece.back())) != 0;
        stems.push_back(alphabetic && (marked || (!exact && b == chunk.size())));
      }
    }
  }
  size_t k = 0;
  for (auto* side : {&out->pre, &out->post})
    for (PatternElement& el : *side)
      if (el.kind == PatternToken::kWord) el.stem = k < stems.size() && stems[k++];
  return true;
}

void VerbDictionary::LoadTabari(std::string_view content, const std::string& file,
                                std::vector<DictIssue>* issues) {
  int block = -1;
  std::string section;  // the open <SECTION>, if any
  int section_line = 0;
  std::string synset;   // the synset being read, if any
  std::string time_phrase;  // the last <TIME> phrase, which pattern lines refine
  bool header_block = false;  // the current block came from a "--- NAME [code] ---" header
  // A verb line's forms may continue on a following "{...}" line, so they are added when the
  // next line that is not a forms line arrives.
  struct Pending {
    std::string spec;
    uint32_t block = 0;
    int line = 0;
    bool active = false;
  } pending;
  auto flush = [&] {
    if (pending.active) AddTabariForms(pending.spec, pending.block, file, pending.line, issues);
    pending.active = false;
  };
  for (const DictLine& line : ReadDictLines(content, DictSyntax::kTabari)) {
    std::string_view text = line.text;
    auto issue = [&](std::string reason) { issues->push_back({file, line.number, std::move(reason)}); };
    std::string tag;
    bool closing = false;
    if (ParseSectionTag(text, &tag, &closing)) {
      flush();
      synset.clear();
      time_phrase.clear();
      block = -1;
      header_block = false;
      if (closing) {
        if (tag != section) issue(fmt::format("</{}> closes no open <{}>", tag, tag));
        section.clear();
      } else {
        if (!section.empty()) issue(fmt::format("<{}> (line {}) is not closed before <{}>", section, section_line, tag));
        section = tag;
        section_line = line.number;
        if (tag != "SYNSETS" && tag != "TIME" && tag != "NOUN" && tag != "ADJECTIVE")
          issue(fmt::format("unknown section <{}>: its lines are skipped", tag));
      }
      continue;
    }
    if (section == "NOUN" || section == "ADJECTIVE") {
      std::string_view word = TrimView(text.substr(0, text.find('[')));
      if (word.empty()) issue(fmt::format("<{}> line has no word", section));
      else (section == "NOUN" ? nouns_ : adjectives_).emplace_back(word);
      continue;
    }
    if (section == "TIME") {
      // "LAST_WEEK [-7]", "KAN_WA_MA_KAN [###]", "FOREVER_AND_A_DAY [- - -]", and pattern
      // lines "- * AND A WEEK [+8]" refining the phrase above them.
      const size_t open = text.rfind('[');
      const size_t close = open == std::string_view::npos ? open : text.find(']', open);
      if (close == std::string_view::npos) {
        issue("time-shift line has no [shift]");
        continue;
      }
      TimeShiftEntry t;
      t.file = file;
      t.line = line.number;
      std::string shift;
      for (char c : text.substr(open + 1, close - open - 1))
        if (c != ' ' && c != '\t') shift.push_back(c);
      std::string_view head = TrimView(text.substr(0, open));
      if (head.starts_with("-")) {
        if (time_phrase.empty()) {
          issue("time-shift pattern before any time phrase");
          continue;
        }
        t.phrase = time_phrase;
        t.pattern = std::string(head);
      } else {
        t.phrase = std::string(head);
        time_phrase = t.phrase;
      }
      if (shift == "###" || shift == "+++" || shift == "---") {
        t.code = shift;
      } else {
        int days = 0;
        const std::string_view digits = std::string_view(shift).substr(shift.starts_with("+") ? 1 : 0);
        const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), days);
        if (ec != std::errc() || ptr != digits.data() + digits.size() || digits.empty()) {
          issue(fmt::format("bad time shift '[{}]' (want [-7], [+30], [###], [+++] or [---])", shift));
          continue;
        }
        t.days = days;
      }
      if (t.phrase.empty()) {
        issue("time-shift line has no phrase");
        continue;
      }
      time_shifts_.push_back(std::move(t));
      continue;
    }
    if (!section.empty() && section != "SYNSETS") continue;  // an unknown section, reported
    if (text.front() == '&') {
      flush();
      block = -1;
      synset = SynsetName(TrimView(text));
      synset_raw_[synset];
      tabari_synset_[synset] = true;
      continue;
    }
    if (text.front() == '+' && !synset.empty()) {
      synset_raw_[synset].emplace_back(TrimView(text.substr(1)));
      continue;
    }
    if (section == "SYNSETS") {
      issue(text.front() == '+' ? "synset member before any &NAME" : "line in <SYNSETS> is neither &NAME nor +MEMBER");
      continue;
    }
    synset.clear();
    if (text.front() == '{') {
      if (!pending.active) {
        issue("verb forms line with no verb line before it");
        continue;
      }
      pending.spec += " ";
      pending.spec += text;
      continue;
    }
    flush();
    if (text.starts_with("---")) {
      // A PETRARCH-style "--- NAME [code] ---" header in a TABARI file: the verb lines after
      // it without a code of their own are its forms.
      std::string_view inner = TrimView(text.substr(3));
      if (inner.ends_with("---")) inner = TrimView(inner.substr(0, inner.size() - 3));
      const size_t open = inner.find('[');
      VerbBlock b;
      b.file = file;
      b.line = line.number;
      b.name = Upper(TrimView(inner.substr(0, open)));
      std::string error;
      if (open == std::string_view::npos ||
          !ParseCode(inner.substr(open, inner.find(']', open) - open + 1), &b.code, &b.paired_code, &error, &b.mark)) {
        issue(open == std::string_view::npos ? "verb block header has no [code]" : error);
        block = -1;
        continue;
      }
      block = static_cast<int>(blocks_.size());
      b.tabari = true;
      blocks_.push_back(std::move(b));
      header_block = true;
      continue;
    }
    if (text.front() == '-') {
      if (block < 0) {
        issue("pattern line before any verb");
        continue;
      }
      VerbPattern p;
      std::string error;
      if (!ParseTabariPattern(text, &p, &error)) {
        issue(error);
        continue;
      }
      p.file = file;
      p.line = line.number;
      p.text = std::string(text);
      blocks_[static_cast<size_t>(block)].patterns.push_back(std::move(p));
      continue;
    }
    if (text.front() == '+' || text.front() == '~' || text.front() == '[' || text.front() == '}') {
      issue(fmt::format("unexpected '{}' line outside a synset or verb entry", text.front()));
      block = -1;
      continue;
    }
    // A verb line: "ABANDON [345]", "BURN DOWN [222]", "ACT_ [100]", "VERB {FORMS} [code]".
    const size_t open = text.rfind('[');
    const size_t close = open == std::string_view::npos ? open : text.find(']', open);
    if (open == std::string_view::npos && header_block && block >= 0) {
      pending = {std::string(text), static_cast<uint32_t>(block), line.number, true};
      continue;
    }
    VerbBlock b;
    b.file = file;
    b.line = line.number;
    std::string error;
    if (close == std::string_view::npos ||
        !ParseCode(text.substr(open, close - open + 1), &b.code, &b.paired_code, &error, &b.mark)) {
      issue(close == std::string_view::npos ? "verb line has no [code]" : error);
      block = -1;
      continue;
    }
    std::string_view spec = TrimView(text.substr(0, open));
    std::string_view head = TrimView(spec.substr(0, spec.find('{')));
    b.name = Upper(WithoutTabariMarks(head));
    std::replace(b.name.begin(), b.name.end(), '_', ' ');
    b.name = std::string(TrimView(b.name));
    if (b.name.empty()) {
      issue("verb line has no verb");
      block = -1;
      continue;
    }
    block = static_cast<int>(blocks_.size());
    b.tabari = true;
    blocks_.push_back(std::move(b));
    header_block = false;
    pending = {std::string(spec), static_cast<uint32_t>(block), line.number, true};
  }
  flush();
  if (!section.empty()) issues->push_back({file, section_line, fmt::format("<{}> is not closed", section)});
}

void VerbDictionary::Finalize() {
  // Synsets: members may themselves name synsets, whole ("+&TIETYPES") or as one of their
  // words ("+&TIETYPES_MEMOS", "+MEMOS_ON_&TIETYPES": every combination); expanded with a
  // depth limit and at most kMaxMembers members per synset.
  constexpr size_t kMaxMembers = 4096;
  synsets_.clear();
  std::function<void(const std::string&, int, std::vector<std::vector<std::string>>*)> expand =
      [&](const std::string& name, int depth, std::vector<std::vector<std::string>>* out) {
        auto it = synset_raw_.find(name);
        if (it == synset_raw_.end() || depth > 8) return;
        const bool tabari = tabari_synset_.count(name) > 0;
        for (const std::string& m : it->second) {
          if (!m.empty() && m.front() == '&' && m.find_first_of(" _\t") == std::string::npos) {
            expand(SynsetName(m), depth + 1, out);
            continue;
          }
          // Word by word: a "&NAME" word stands for each member of that synset.
          std::vector<std::vector<std::string>> combos = {{}};
          bool last_is_synset = false;
          for (std::string_view w : SplitSpaces(m)) {
            size_t i = 0;
            while (i <= w.size()) {
              size_t j = w.find('_', i);
              if (j == std::string_view::npos) j = w.size();
              std::string_view piece = w.substr(i, j - i);
              i = j + 1;
              if (piece.empty()) {
                if (j == w.size()) break;
                continue;
              }
              std::vector<std::vector<std::string>> alternatives;
              if (piece.front() == '&') {
                expand(SynsetName(piece), depth + 1, &alternatives);
                last_is_synset = true;
              } else {
                alternatives.push_back(SplitPhrase(tabari ? WithoutTabariMarks(piece) : std::string(piece)));
                last_is_synset = false;
              }
              std::vector<std::vector<std::string>> next;
              for (const auto& c : combos)
                for (const auto& a : alternatives) {
                  if (next.size() >= kMaxMembers) break;
                  auto joined = c;
                  joined.insert(joined.end(), a.begin(), a.end());
                  next.push_back(std::move(joined));
                }
              combos = std::move(next);
              if (j == w.size()) break;
            }
          }
          for (auto& c : combos) {
            if (c.empty() || out->size() >= kMaxMembers) continue;
            // TABARI members end in a stem or a word with endings ("+DOLLAR" matches "dollars").
            if (tabari && !last_is_synset) {
              std::string last_raw = c.back();
              std::string phrase;
              for (size_t k = 0; k + 1 < c.size(); ++k) phrase += c[k] + " ";
              // Rebuild the member's ending mark from the raw text.
              const std::string_view raw_member = TrimView(m);
              phrase += last_raw;
              if (raw_member.ends_with("=")) phrase += "=";
              else if (raw_member.ends_with("_")) phrase += "_";
              for (auto& v : TabariNounVariants(phrase)) out->push_back(std::move(v));
            } else {
              out->push_back(std::move(c));
            }
          }
        }
      };
  for (const auto& [name, raw] : synset_raw_) expand(name, 0, &synsets_[name]);
  synset_words_.clear();
  for (const auto& [name, members] : synsets_) {
    auto& words = synset_words_[name];
    for (const auto& m : members)
      if (m.size() == 1) words.insert(m[0]);
  }
  // TABARI members with stems or separable words, also through whole nested synsets.
  synsets_flexible_.clear();
  std::function<void(const std::string&, int, std::vector<FlexiblePhrase>*)> flexible =
      [&](const std::string& name, int depth, std::vector<FlexiblePhrase>* out) {
        auto it = synset_raw_.find(name);
        if (it == synset_raw_.end() || depth > 8 || !tabari_synset_.count(name)) return;
        for (const std::string& m : it->second) {
          if (m.find('&') == std::string::npos) {
            FlexiblePhrase f;
            if (TabariNounFlexible(m, &f.words, &f.flags)) out->push_back(std::move(f));
            continue;
          }
          if (m.front() == '&' && m.find_first_of(" _\t") == std::string::npos) {
            flexible(SynsetName(m), depth + 1, out);
            continue;
          }
          // A nested synset as one word of a member ("+&TIETYPES ASSURANCES"): each of its plain
          // members in its place, the member's blanks and "_" kept ("cultural internal
          // assurances" matches).
          std::vector<std::string> texts = {""};
          size_t i = 0;
          while (i < m.size() && texts.size() < kMaxMembers) {
            if (m[i] != '&') {
              for (std::string& t : texts) t += m[i];
              ++i;
              continue;
            }
            size_t j = i + 1;
            while (j < m.size() && m[j] != '_' && m[j] != ' ' && m[j] != '\t') ++j;
            auto nested = synset_raw_.find(SynsetName(std::string_view(m).substr(i, j - i)));
            std::vector<std::string> next;
            if (nested != synset_raw_.end())
              for (const std::string& t : texts)
                for (const std::string& alternative : nested->second)
                  if (alternative.find('&') == std::string::npos && next.size() < kMaxMembers)
                    next.push_back(t + std::string(TrimView(alternative)));
            texts = std::move(next);
            i = j;
          }
          for (const std::string& t : texts) {
            FlexiblePhrase f;
            if (TabariNounFlexible(t, &f.words, &f.flags)) out->push_back(std::move(f));
          }
        }
      };
  for (const auto& [name, raw] : synset_raw_) {
    std::vector<FlexiblePhrase> members;
    flexible(name, 0, &members);
    if (!members.empty()) synsets_flexible_[name] = std::move(members);
  }
  auto synsets_in = [](const VerbPattern& p) {
    size_t n = 0;
    for (const auto* side : {&p.pre, &p.post})
      for (const PatternElement& el : *side) n += el.kind == PatternToken::kSynset ? 1 : 0;
    return n;
  };
  // The words a pattern can match when "{ A | B C }" alternatives count as their longest
  // member: TABARI reads such a pattern as one pattern per alternative, so "RESIST { TO THE
  // END OF THE EARTH | ... }" is tried before an equally specific "RESIST { TO THE END | ... }".
  auto longest_words = [&](const VerbPattern& p) {
    size_t n = 0;
    for (const auto* side : {&p.pre, &p.post})
      for (const PatternElement& el : *side) {
        if (el.kind == PatternToken::kWord) ++n;
        if (el.kind != PatternToken::kSynset) continue;
        size_t most = 1;
        auto it = el.key.starts_with('|') ? synset_raw_.find(el.key) : synset_raw_.end();
        if (it != synset_raw_.end())
          for (const std::string& m : it->second) {
            size_t words = 0;
            bool in_word = false;
            for (char ch : m) {
              const bool sep = ch == ' ' || ch == '_' || ch == '\t';
              if (!sep && !in_word) ++words;
              in_word = !sep;
            }
            most = std::max(most, words);
          }
        n += most;
      }
    return n;
  };
  for (VerbBlock& b : blocks_) {
    std::stable_sort(b.patterns.begin(), b.patterns.end(), [&](const VerbPattern& a, const VerbPattern& c) {
      const size_t la = a.pre.size() + a.post.size(), lc = c.pre.size() + c.post.size();
      if (a.literal_words != c.literal_words) return a.literal_words > c.literal_words;
      if (la != lc || !b.tabari) return la > lc;
      const size_t sa = synsets_in(a), sc = synsets_in(c);
      if (sa != sc) return sa < sc;
      return longest_words(a) > longest_words(c);
    });
    auto word_bits = [](std::vector<PatternElement>& side) {
      uint64_t bits = 0;
      for (PatternElement& e : side) {
        if (e.kind != PatternToken::kWord) continue;
        e.key_hash = PatternKeyHash(e.key);
        if (e.key.size() >= 2) bits |= PatternWordBitOfHash(e.key_hash);
      }
      return bits;
    };
    b.by_line.resize(b.patterns.size());
    for (uint32_t i = 0; i < b.patterns.size(); ++i) {
      b.by_line[i] = i;
      b.patterns[i].pre_words = word_bits(b.patterns[i].pre);
      b.patterns[i].post_words = word_bits(b.patterns[i].post);
    }
    std::stable_sort(b.by_line.begin(), b.by_line.end(),
                     [&b](uint32_t x, uint32_t y) { return b.patterns[x].line < b.patterns[y].line; });
    b.line_filters.clear();
    for (const uint32_t i : b.by_line) {
      const VerbPattern& p = b.patterns[i];
      const std::string_view words = std::string_view(p.text).substr(0, p.text.rfind('['));
      b.line_filters.push_back({p.pre_words, p.post_words, i,
                                words.find('{') != std::string_view::npos || words.find('(') != std::string_view::npos});
    }
  }
  // Deduplicate identical forms of one block, then index.
  std::set<std::tuple<std::vector<std::string>, uint32_t, bool>> seen;
  std::vector<VerbForm> unique;
  for (VerbForm& f : forms_) {
    if (seen.insert({f.words, f.block, f.stem}).second) unique.push_back(std::move(f));
  }
  forms_ = std::move(unique);
  forms_index_ = PhraseIndex();
  for (uint32_t i = 0; i < forms_.size(); ++i) {
    if (!forms_[i].stem && forms_[i].gaps == 0) {
      forms_index_.Add(forms_[i].words, i);
      continue;
    }
    std::vector<uint8_t> flags(forms_[i].words.size(), 0);
    if (forms_[i].stem) flags[forms_[i].verb_word] = PhraseIndex::kStem;
    for (size_t k = 1; k < flags.size() && k < 64; ++k)
      if ((forms_[i].gaps >> k) & 1) flags[k] |= PhraseIndex::kGap;
    forms_index_.AddFlexible(forms_[i].words, flags, i);
  }
  forms_index_.Finalize();
}

uint64_t PatternKeyHash(std::string_view key) { return HashKey(key); }

const std::unordered_set<std::string>& VerbDictionary::synset_words(const std::string& name) const {
  static const std::unordered_set<std::string> kEmpty;
  auto it = synset_words_.find(name);
  return it == synset_words_.end() ? kEmpty : it->second;
}

size_t VerbDictionary::pattern_count() const {
  size_t n = 0;
  for (const VerbBlock& b : blocks_) n += b.patterns.size();
  return n;
}

const std::vector<FlexiblePhrase>& VerbDictionary::synset_flexible(const std::string& name) const {
  static const std::vector<FlexiblePhrase> kEmpty;
  auto it = synsets_flexible_.find(name);
  return it == synsets_flexible_.end() ? kEmpty : it->second;
}

const std::vector<std::vector<std::string>>& VerbDictionary::synset(const std::string& name) const {
  static const std::vector<std::vector<std::string>> kEmpty;
  auto it = synsets_.find(name);
  return it == synsets_.end() ? kEmpty : it->second;
}

}  // namespace griot

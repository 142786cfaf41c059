#include "dict/verb_dict.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>

#include "base/utf8.h"

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

std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Parses "[163]" / "[032:033]" / "[---]" into code and paired code.
bool ParseCode(std::string_view bracketed, std::string* code, std::string* paired, std::string* error) {
  std::string_view s = TrimView(bracketed);
  if (s.size() < 3 || s.front() != '[' || s.back() != ']') {
    *error = "missing [code]";
    return false;
  }
  s = TrimView(s.substr(1, s.size() - 2));
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
  if (!ParseCode(s.substr(open, close - open + 1), &out->code, &out->paired_code, error)) return false;
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
          !ParseCode(inner.substr(open, inner.find(']', open) - open + 1), &b.code, &b.paired_code, &error)) {
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

void VerbDictionary::Finalize() {
  // Synsets: members may themselves name synsets ("+&TIETYPES"); expand with a depth limit.
  synsets_.clear();
  std::function<void(const std::string&, int, std::vector<std::vector<std::string>>*)> expand =
      [&](const std::string& name, int depth, std::vector<std::vector<std::string>>* out) {
        auto it = synset_raw_.find(name);
        if (it == synset_raw_.end() || depth > 8) return;
        for (const std::string& m : it->second) {
          if (!m.empty() && m.front() == '&') {
            expand(SynsetName(m), depth + 1, out);
          } else {
            auto words = SplitPhrase(m);
            if (!words.empty()) out->push_back(std::move(words));
          }
        }
      };
  for (const auto& [name, raw] : synset_raw_) expand(name, 0, &synsets_[name]);
  for (VerbBlock& b : blocks_) {
    std::stable_sort(b.patterns.begin(), b.patterns.end(), [](const VerbPattern& a, const VerbPattern& c) {
      const size_t la = a.pre.size() + a.post.size(), lc = c.pre.size() + c.post.size();
      if (a.literal_words != c.literal_words) return a.literal_words > c.literal_words;
      return la > lc;
    });
  }
  // Deduplicate identical forms of one block, then index.
  std::set<std::pair<std::vector<std::string>, uint32_t>> seen;
  std::vector<VerbForm> unique;
  for (VerbForm& f : forms_) {
    if (seen.insert({f.words, f.block}).second) unique.push_back(std::move(f));
  }
  forms_ = std::move(unique);
  forms_index_ = PhraseIndex();
  for (uint32_t i = 0; i < forms_.size(); ++i) forms_index_.Add(forms_[i].words, i);
  forms_index_.Finalize();
}

size_t VerbDictionary::pattern_count() const {
  size_t n = 0;
  for (const VerbBlock& b : blocks_) n += b.patterns.size();
  return n;
}

const std::vector<std::vector<std::string>>& VerbDictionary::synset(const std::string& name) const {
  static const std::vector<std::vector<std::string>> kEmpty;
  auto it = synsets_.find(name);
  return it == synsets_.end() ? kEmpty : it->second;
}

}  // namespace griot

// PETRARCH-1 coding of one parsed sentence (Semantics::kPetrarch1), stage by stage:
//
//  1. Token list. The parse becomes a flat list of phrase openings, words and closings, the
//     way PETRARCH-1 reads a Treebank string.
//  2. Compounds. A CC whose enclosing phrase holds a clause (an S* or VP* tag) coordinates
//     clauses (renamed CCP). Otherwise, if it is the only CC of an NP holding at least three
//     noun-like tags (N*), that NP is a compound (NEC).
//  3. Named-entity phrases (NE). Relative clauses inside an NP are flattened to their words.
//     An NP with a possessive becomes one NE of all its words but the first possessive
//     marker. An NP whose first PP sits in "(NP (NP x) ... (PP (IN p) (NP y)))" becomes the NE
//     "x p y" and the rest of the NP is dropped. An NP with no inner NP becomes one NE.
//     Other NPs stay as numbered containers and are read inside. A compound lists one NE per
//     noun element; a bare noun element takes the adjectives written before the first noun.
//     VPs are numbered. A root NP flattened into an NE holding a compound is a dateline and
//     the sentence is not coded.
//  4. Comma clauses. The initial clause, the terminal clause and each clause between two
//     commas are deleted (every complete phrase inside them) when their word count falls in
//     the configured window.
//  5. NE codes. A compound written inside an NE ("officials of A and B") is expanded to one
//     NE per element sharing the NE's other words. Each NE takes the first actor phrase found
//     reading left to right (a dated code: the first restriction in file order covering the
//     date, else the last undated code) and its agents, scanned without overlap: a suffix
//     agent is appended, a prefix agent prepended, and the scan stops at an agent already in
//     the code at a three-letter boundary. Agents alone give "---GOV".
//  6. Verbs. Each VP whose first child is a verb tag is a candidate: its verb, or its past
//     participle when the VP is passive (WAS/IS/BEEN before the participle and BY after it),
//     is looked up; multi-word forms are tried before single ones. The upper sequence runs
//     back from the verb to the sentence start or the nearest comma; the lower one runs to
//     the end of the VP.
//  7. Patterns of the verb's block are tried in file order; the first whose both sides match
//     gives the code and its $ (source), + (target) and % (compound) bindings; otherwise the
//     verb's own code. Words joined by "_" must be adjacent, others may have words between;
//     $ + ^ % stand for "the next NE"; ^ skips it.
//  8. Roles. Unbound, the source is the first compound or coded NE reading from the start of
//     the upper sequence (else its first NE); the target is the first coded NE after the verb
//     whose code does not start with the source's, else the first uncoded NE after it, else
//     the same searches before the verb.
//  9. Events: every source code x target code (compound elements, "/" multi-codes), self
//     pairs dropped; a paired code "A:B" adds the reverse event; passive swaps the roles;
//     require_dyad drops events with a null side; duplicates are dropped. Once a VP is coded,
//     the verbs nested in it are not read.
//
// Where PETRARCH-1's own program reads differently, griot keeps these differences:
//  - actor and agent phrases match as griot's dictionaries index them: consecutive words (a
//    blank inside a phrase does not let other words in between), every word checked
//    (PETRARCH-1 leaves the last word of a phrase of three or more words without a final "_"
//    unchecked, so "THE_UNITED_STATES_MILITARY" codes "the United States"), and the same
//    phrase in two entries resolved in file order;
//  - verbs have griot's regular forms and every verb line's base form; nested synsets are
//    expanded; patterns written with PETRARCH-2's phrase groups ("{...}", "(...)") are not
//    read, as PETRARCH-1 cannot match them;
//  - index slips of the original are not reproduced: an extra "---" word and a lost word in
//    expanded compounds, words with "NN" as second and third letters ("ANNAN") left out of
//    NE phrases, a preposition searched from the start of the sentence when an NP has none,
//    a relative clause taken from outside the phrase, bindings left over from a failed
//    pattern, and the role swap of passive verbs with several targets.
// A "[---]" pattern gives way to the verb's own code, as in PETRARCH-1 (TABARI drops the
// event). docs/conformance.md lists what the PETRARCH unit-test suite still expects otherwise.
#include "coding/petrarch1_coder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "coding/mentions.h"
#include "dict/dict_file.h"
#include "structure/treebank.h"

namespace griot {

namespace {

constexpr std::string_view kNull = "---";
// The first two tokens ("(ROOT", "(S") never serve as coding context.
constexpr size_t kParseStart = 2;
// Words a multi-word verb form may have before its inflected word ("WIRE_+TAP").
constexpr size_t kMaxLeadingVerbWords = 6;
// Several compounds inside one NE multiply its elements; a sentence whose token list grows
// past this many items is not coded.
constexpr size_t kMaxItems = 20000;

// ---------------------------------------------------------------------------------------
// 1. The token list.

enum class Kind : uint8_t { kOpen, kClose, kWord };

// The strings one sentence's token list refers to (upper-case words, rewritten labels, NE
// codes), kept until the sentence is coded. Items hold views, so the list's many copies,
// insertions and deletions move plain values instead of strings. Hand-written: a bump
// allocator of a few lines, where std::pmr would still leave Item holding strings.
class StringArena {
 public:
  std::string_view Store(std::string_view s) { return Join(s, {}); }
  // Room for n bytes, to be written by the caller.
  char* Allocate(size_t n) {
    if (n > left_) {
      const size_t size = std::max(kBlock, n);
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
      next_ = blocks_.back().get();
      left_ = size;
    }
    char* out = next_;
    next_ += n;
    left_ -= n;
    return out;
  }
  // a + b, stored. Either may be a view into the arena: blocks never move.
  std::string_view Join(std::string_view a, std::string_view b) {
    const size_t n = a.size() + b.size();
    if (n == 0) return {};
    char* out = Allocate(n);
    if (!a.empty()) std::memcpy(out, a.data(), a.size());
    if (!b.empty()) std::memcpy(out + a.size(), b.data(), b.size());
    return {out, n};
  }

 private:
  static constexpr size_t kBlock = 4096;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
};

struct Item {
  Kind kind = Kind::kWord;
  // kOpen/kClose: the phrase label ("NP", "NE", "VP3", ","); kWord: the word, upper case.
  // Views into literals, the dictionaries, or the sentence's StringArena.
  std::string_view label;
  std::string_view key;   // kWord: its matching key (the Sentence's token key, which outlives the list)
  std::string_view code;  // kOpen "NE": the phrase's code, "---" until one is found
  int token = -1;         // kWord: index in Sentence::tokens
};
using Items = std::vector<Item>;

Item OpenItem(std::string_view label) {
  Item it;
  it.kind = Kind::kOpen;
  it.label = label;
  if (it.label == "NE") it.code = kNull;
  return it;
}

Item CloseItem(std::string_view label) {
  Item it;
  it.kind = Kind::kClose;
  it.label = label;
  return it;
}

// Labels are a few letters: compared in line, byte by byte, rather than by a library call.
inline bool LabelStarts(std::string_view label, std::string_view prefix) {
  if (label.size() < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k)
    if (label[k] != prefix[k]) return false;
  return true;
}
inline bool LabelIs(std::string_view label, std::string_view other) {
  return label.size() == other.size() && LabelStarts(label, other);
}

bool OpenIs(const Item& it, std::string_view label) { return it.kind == Kind::kOpen && LabelIs(it.label, label); }
bool OpenStarts(const Item& it, std::string_view prefix) {
  return it.kind == Kind::kOpen && LabelStarts(it.label, prefix);
}
bool CloseIs(const Item& it, std::string_view label) { return it.kind == Kind::kClose && LabelIs(it.label, label); }
bool CloseStarts(const Item& it, std::string_view prefix) {
  return it.kind == Kind::kClose && LabelStarts(it.label, prefix);
}
bool IsWord(const Item& it) { return it.kind == Kind::kWord; }

// Items of a list referred to in place (ParseListBuilder gathers a phrase's items this way
// and copies each once, into its output).
using Phrase = std::vector<const Item*>;

void Append(const Items& from, size_t first, size_t last, Phrase* to) {  // [first, last]
  for (size_t k = first; k <= last && k < from.size(); ++k) to->push_back(&from[k]);
}

// For every opening the index of its closing and back (-1 for words), and the enclosing
// opening of every item (-1 at the top). False if the brackets do not balance.
bool MatchBrackets(const Items& items, std::vector<int>* match, std::vector<int>* parent) {
  match->assign(items.size(), -1);
  parent->assign(items.size(), -1);
  thread_local std::vector<int> open;
  open.clear();
  for (size_t k = 0; k < items.size(); ++k) {
    (*parent)[k] = open.empty() ? -1 : open.back();
    if (items[k].kind == Kind::kOpen) {
      open.push_back(static_cast<int>(k));
    } else if (items[k].kind == Kind::kClose) {
      if (open.empty()) return false;
      (*match)[k] = open.back();
      (*match)[static_cast<size_t>(open.back())] = static_cast<int>(k);
      open.pop_back();
      (*parent)[k] = open.empty() ? -1 : open.back();
    }
  }
  return open.empty();
}

// Whether the openings and closings of `items` balance (what MatchBrackets checks).
bool Balanced(const Items& items) {
  size_t depth = 0;
  for (const Item& it : items) {
    if (it.kind == Kind::kOpen) {
      ++depth;
    } else if (it.kind == Kind::kClose) {
      if (depth == 0) return false;
      --depth;
    }
  }
  return depth == 0;
}

bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }
char UpperAscii(char c) { return IsLowerAscii(c) ? static_cast<char>(c - 'a' + 'A') : c; }

// `s` in upper case (ASCII letters, as std::toupper in the "C" locale): `s` itself when it
// has no lower-case letter, else a copy in the arena.
std::string_view UpperAscii(std::string_view s, StringArena* arena) {
  if (std::none_of(s.begin(), s.end(), IsLowerAscii)) return s;
  char* out = arena->Allocate(s.size());
  for (size_t k = 0; k < s.size(); ++k) out[k] = UpperAscii(s[k]);
  return {out, s.size()};
}

// The word as the token list spells it: upper case, brackets as -LRB-/-RRB-, "~" (which marks
// closings in PETRARCH's own list) spelled out. A view into the sentence when the word is
// already spelled so, else into the arena.
std::string_view ListWord(const Sentence& s, const Token& t, StringArena* arena) {
  if (t.begin > t.end || t.end > s.text.size()) return "";
  const std::string_view w = s.text.substr(t.begin, t.end - t.begin);
  if (w == "(") return "-LRB-";
  if (w == ")") return "-RRB-";
  const size_t tildes = static_cast<size_t>(std::count(w.begin(), w.end(), '~'));
  if (tildes == 0) return UpperAscii(w, arena);
  constexpr std::string_view kTilde = "-TILDA-";
  const size_t n = w.size() + tildes * (kTilde.size() - 1);
  char* out = arena->Allocate(n);
  size_t o = 0;
  for (const char c : w) {
    if (c == '~') {
      std::memcpy(out + o, kTilde.data(), kTilde.size());
      o += kTilde.size();
    } else {
      out[o++] = UpperAscii(c);
    }
  }
  return {out, n};
}

// The parse as a token list. False if the tree is malformed (a child stored before its
// parent, a word outside the sentence).
bool FlattenParse(const Sentence& s, StringArena* arena, Items* out) {
  const auto& nodes = s.tree->nodes;
  if (nodes.empty()) return false;
  // An opening and a closing per node, and a word per token.
  out->reserve(out->size() + 2 * nodes.size() + s.tokens.size());
  struct Frame {
    size_t node;
    size_t next_child;
    size_t opening;  // index of the node's opening in *out (its label, for the closing)
  };
  std::vector<Frame> stack;
  size_t opened = 0;
  auto open = [&](size_t id) -> bool {
    if (++opened > nodes.size()) return false;
    const ParseNode& n = nodes[id];
    const std::string_view label = UpperAscii(n.label, arena);
    out->push_back(OpenItem(label));
    if (!n.preterminal) {
      stack.push_back({id, 0, out->size() - 1});
      return true;
    }
    if (n.first_token >= s.tokens.size()) return false;
    Item w;
    w.label = ListWord(s, s.tokens[n.first_token], arena);
    w.key = s.tokens[n.first_token].key;
    w.token = static_cast<int>(n.first_token);
    if (w.label.empty()) return false;
    out->push_back(std::move(w));
    out->push_back(CloseItem(label));
    return true;
  };
  if (!open(0)) return false;
  while (!stack.empty()) {
    const size_t node = stack.back().node;
    const size_t next = stack.back().next_child;
    const ParseNode& n = nodes[node];
    if (next < n.children.size()) {
      ++stack.back().next_child;
      const int c = n.children[next];
      // Nodes are stored in reading order, so a child always comes after its parent.
      if (c <= static_cast<int>(node) || static_cast<size_t>(c) >= nodes.size()) return false;
      if (!open(static_cast<size_t>(c))) return false;
    } else {
      out->push_back(CloseItem((*out)[stack.back().opening].label));
      stack.pop_back();
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// 2. Compounds.

void MarkCompounds(Items* items, StringArena* arena) {
  std::vector<int> match, parent;
  if (!MatchBrackets(*items, &match, &parent)) return;
  for (size_t k = 0; k < items->size(); ++k) {
    if (!OpenStarts((*items)[k], "CC")) continue;
    const int e = parent[k];
    if (e < 0) continue;
    const size_t first = static_cast<size_t>(e), last = static_cast<size_t>(match[first]);
    bool clause = false;
    int conjunctions = 0, nouns = 0;
    for (size_t j = first; j <= last; ++j) {
      const Item& it = (*items)[j];
      if (it.kind != Kind::kOpen) continue;
      clause |= LabelStarts(it.label, "VP") || LabelStarts(it.label, "S");
      conjunctions += LabelStarts(it.label, "CC") ? 1 : 0;
      nouns += LabelStarts(it.label, "N") ? 1 : 0;
    }
    Item& enclosing = (*items)[first];
    if (clause) {
      (*items)[k].label = arena->Join("CCP", (*items)[k].label.substr(2));  // clauses, not a compound
    } else if (conjunctions > 1) {
      continue;  // several conjunctions: neither a compound nor a clause coordination
    } else if (enclosing.label.starts_with("NP") && nouns >= 3) {
      enclosing.label = arena->Join("NEC", enclosing.label.substr(2));
    }
  }
}

// ---------------------------------------------------------------------------------------
// 3. Named-entity phrases.

// The NE of a phrase, passed item by item to `emit`: its words, and any compound inside it
// with its markup. The first item of `phrase` (normally the phrase's own opening) is not
// read. False if a compound inside does not close, or if `emit` fails.
template <typename EmitFn>
bool MakeNamedEntity(const Phrase& phrase, EmitFn&& emit) {
  if (!emit(OpenItem("NE"))) return false;
  for (size_t k = 1; k < phrase.size(); ++k) {
    const Item& it = *phrase[k];
    if (OpenIs(it, "NEC")) {
      int depth = 0;
      do {
        if (k >= phrase.size()) return false;
        const Item& c = *phrase[k];
        depth += c.kind == Kind::kOpen ? 1 : c.kind == Kind::kClose ? -1 : 0;
        if (!emit(c)) return false;
        ++k;
      } while (depth > 0);
      --k;
    } else if (IsWord(it)) {
      if (!emit(it)) return false;
    }
  }
  return emit(CloseItem("NE"));
}

class ParseListBuilder {
 public:
  // Rewrites `tree` (which it changes) into `out`.
  ParseListBuilder(Items* tree, StringArena* arena, Items* out) : in_(*tree), arena_(arena), out_(*out) {
    out_.clear();
  }

  // The rewritten list; false if the structure is malformed.
  bool Build() {
    if (!Reindex()) return false;
    out_.reserve(in_.size() + in_.size() / 4);
    size_t i = 0;
    while (i < in_.size()) {
      const Item& it = in_[i];
      bool ok = true;
      if (OpenIs(it, "NP")) {
        ok = NounPhrase(&i);
      } else if (OpenIs(it, "NEC")) {
        ok = Compound(&i);
      } else if (OpenIs(it, "VP")) {
        ok = Emit(OpenItem(Numbered("VP", ++vp_count_)));
        ++i;
      } else {
        ok = Emit(it);
        ++i;
      }
      if (!ok) return false;
    }
    return open_.empty();
  }

 private:
  bool Reindex() { return MatchBrackets(in_, &match_, &parent_); }
  // "VP3": a label with its number, in the arena.
  std::string_view Numbered(std::string_view label, int n) {
    char digits[16];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
    (void)ec;  // an int always fits
    return arena_->Join(label, std::string_view(digits, static_cast<size_t>(end - digits)));
  }
  size_t End(size_t open) const { return static_cast<size_t>(match_[open]); }

  // Appends to the output; a closing takes the label of the phrase it closes.
  bool Emit(Item it) {
    if (it.kind == Kind::kOpen) {
      open_.push_back(it.label);
    } else if (it.kind == Kind::kClose) {
      if (open_.empty()) return false;
      it.label = open_.back();
      open_.pop_back();
    }
    out_.push_back(std::move(it));
    return true;
  }

  // The first opening labelled `prefix`* in [from, to], or -1.
  int FirstOpen(size_t from, size_t to, std::string_view prefix) const {
    for (size_t k = from; k <= to && k < in_.size(); ++k)
      if (OpenStarts(in_[k], prefix)) return static_cast<int>(k);
    return -1;
  }

  // Every relative clause (SBAR) inside the NP at `np` becomes a flat SBR phrase of its words.
  void FlattenRelativeClauses(size_t np) {
    while (true) {
      int sbar = -1;
      for (size_t k = np + 1; k < End(np); ++k)
        if (OpenIs(in_[k], "SBAR")) {
          sbar = static_cast<int>(k);
          break;
        }
      if (sbar < 0) return;
      const size_t first = static_cast<size_t>(sbar), last = End(first);
      Items flat = {OpenItem("SBR")};
      for (size_t k = first; k <= last; ++k)
        if (IsWord(in_[k])) flat.push_back(in_[k]);
      flat.push_back(CloseItem("SBR"));
      in_.erase(in_.begin() + static_cast<std::ptrdiff_t>(first), in_.begin() + static_cast<std::ptrdiff_t>(last + 1));
      in_.insert(in_.begin() + static_cast<std::ptrdiff_t>(first), flat.begin(), flat.end());
      Reindex();  // a balanced phrase was replaced by a balanced phrase
    }
  }

  // The NP at *i: one NE, or a container read inside.
  bool NounPhrase(size_t* i) {
    const size_t np = *i;
    FlattenRelativeClauses(np);
    const size_t end = End(np);
    Phrase phrase;
    bool whole = false;
    if (FirstOpen(np + 1, end, "POS") >= 0) {
      whole = PossessivePhrase(np, &phrase);
    } else if (const int pp = FirstOpen(np + 1, end, "PP"); pp >= 0) {
      whole = PrepositionalPhrase(static_cast<size_t>(pp), &phrase);
    } else if (FirstOpen(np + 1, end, "NP") < 0 && FirstOpen(np + 1, end, "NEC") < 0) {
      Append(in_, np, end, &phrase);
      whole = true;
    }
    if (!whole) {
      ++*i;
      return Emit(OpenItem(Numbered("NP", ++np_count_)));
    }
    *i = end + 1;
    // A malformed phrase fails the whole list, so what was emitted before does not matter.
    return MakeNamedEntity(phrase, [this](const Item& it) { return Emit(it); });
  }

  // A possessive NP: everything in it but the first possessive marker (and the closing of
  // the possessor's phrase right after it). The NP's first child opening is not read.
  bool PossessivePhrase(size_t np, Phrase* phrase) const {
    const size_t end = End(np);
    const size_t pos = static_cast<size_t>(FirstOpen(np + 1, end, "POS"));
    Append(in_, np + 1, pos - 1, phrase);
    size_t resume = End(pos) + 1;
    if (resume < end && in_[resume].kind == Kind::kClose) ++resume;
    Append(in_, resume, end, phrase);
    return true;
  }

  // "(NP (NP x) ... (PP (IN p) (NP y)))": x, p and y. The PP is the NP's first; it must sit
  // in an NP whose first child is an NP or a compound, and the object must be an NP or a
  // compound without a PP of its own. False if the shape does not fit.
  bool PrepositionalPhrase(size_t pp, Phrase* phrase) const {
    static const Item kOpenNp = OpenItem("NP"), kCloseNp = CloseItem("NP");
    const int e = parent_[pp];
    if (e < 0 || !OpenIs(in_[static_cast<size_t>(e)], "NP")) return false;
    const size_t outer = static_cast<size_t>(e), outer_end = End(outer);
    const size_t first = outer + 1;
    if (first >= outer_end || in_[first].kind != Kind::kOpen) return false;
    const size_t first_end = End(first);
    phrase->push_back(&kOpenNp);
    if (OpenStarts(in_[first], "NP")) Append(in_, first + 1, first_end - 1, phrase);
    else if (OpenStarts(in_[first], "NEC")) Append(in_, first, first_end, phrase);
    else return false;
    // The preposition: the first IN after that child.
    int prep = -1;
    for (size_t k = first_end + 1; k < in_.size(); ++k)
      if (OpenIs(in_[k], "IN")) {
        prep = static_cast<int>(k);
        break;
      }
    if (prep < 0) return false;
    Append(in_, static_cast<size_t>(prep), End(static_cast<size_t>(prep)), phrase);
    // Its object: the first NP or compound after it, inside the enclosing NP.
    int object = -1;
    for (size_t k = static_cast<size_t>(prep) + 1; k < outer_end; ++k)
      if (OpenIs(in_[k], "NP") || OpenIs(in_[k], "NEC")) {
        object = static_cast<int>(k);
        break;
      }
    if (object < 0) return false;
    const size_t obj = static_cast<size_t>(object), obj_end = End(obj);
    if (FirstOpen(obj + 1, obj_end, "PP") >= 0) return false;
    if (OpenIs(in_[obj], "NEC")) Append(in_, obj, obj_end, phrase);
    else Append(in_, obj + 1, obj_end - 1, phrase);
    // A relative clause after the object, inside the enclosing NP, joins the phrase.
    for (size_t k = obj_end + 1; k < outer_end; ++k)
      if (OpenIs(in_[k], "SBR")) {
        Append(in_, k, End(k), phrase);
        break;
      }
    phrase->push_back(&kCloseNp);
    return true;
  }

  // A compound at *i: one NE per NP or bare noun element.
  bool Compound(size_t* i) {
    const size_t nec = *i, end = End(nec);
    if (!Emit(OpenItem(Numbered("NEC", ++nec_count_)))) return false;
    Phrase adjectives;
    for (size_t k = nec + 1; k < end; ++k) {
      if (OpenStarts(in_[k], "NP") || OpenStarts(in_[k], "NN")) break;
      if (OpenStarts(in_[k], "JJ")) Append(in_, k, End(k), &adjectives);
    }
    for (size_t k = nec + 1; k < end;) {
      const Item& it = in_[k];
      if (!OpenStarts(it, "NP") && !OpenStarts(it, "NN")) {
        ++k;
        continue;
      }
      if (OpenStarts(it, "NN")) {
        if (!Emit(OpenItem("NE"))) return false;
        for (const Item* a : adjectives)
          if (!Emit(*a)) return false;
        if (k + 1 < end && IsWord(in_[k + 1]) && !Emit(in_[k + 1])) return false;
        if (!Emit(CloseItem("NE"))) return false;
      } else {
        Phrase element;
        Append(in_, k, End(k), &element);
        if (!MakeNamedEntity(element, [this](const Item& e) { return Emit(e); })) return false;
      }
      k = End(k) + 1;
    }
    *i = end + 1;
    return Emit(CloseItem(""));
  }

  Items& in_;
  StringArena* arena_;
  std::vector<int> match_, parent_;
  Items& out_;
  std::vector<std::string_view> open_;  // labels of the phrases open in out_
  int np_count_ = 0, nec_count_ = 0, vp_count_ = 0;
};

// A root NP flattened into one NE that holds a compound: a dateline, not a sentence.
bool IsDateline(const Items& pl) {
  std::vector<const std::string_view*> opens;
  for (const Item& it : pl) {
    if (it.kind != Kind::kOpen) continue;
    opens.push_back(&it.label);
    if (opens.size() == 3) break;
  }
  return opens.size() == 3 && *opens[0] == "ROOT" && *opens[1] == "NE" && *opens[2] == "NEC";
}

// ---------------------------------------------------------------------------------------
// 4. Comma clauses.

bool IsComma(const Item& it) { return OpenIs(it, ","); }

int FindComma(const Items& pl, size_t from) {
  for (size_t k = from; k < pl.size(); ++k)
    if (IsComma(pl[k])) return static_cast<int>(k);
  return -1;
}

// Words in [lo, hi): tokens that begin with a letter (numbers and punctuation do not count).
int CountWords(const Items& pl, size_t lo, size_t hi) {
  int n = 0;
  for (size_t k = lo; k < hi && k < pl.size(); ++k) {
    if (!IsWord(pl[k]) || pl[k].label.empty()) continue;
    const unsigned char c = static_cast<unsigned char>(pl[k].label[0]);
    n += (std::isalpha(c) || c >= 0x80) ? 1 : 0;
  }
  return n;
}

// The item before the last non-closing item (normally the sentence's final "(.").
int FindEnd(const Items& pl) {
  int k = static_cast<int>(pl.size()) - 1;
  while (k >= static_cast<int>(kParseStart) && pl[static_cast<size_t>(k)].kind == Kind::kClose) --k;
  return k - 1;
}

// The last comma before the end found by FindEnd, or -1.
int LastComma(const Items& pl) {
  int k = FindEnd(pl) - 1;
  while (k >= static_cast<int>(kParseStart) && !IsComma(pl[static_cast<size_t>(k)])) --k;
  return k >= 0 && IsComma(pl[static_cast<size_t>(k)]) ? k : -1;
}

// Deletes every complete phrase inside [lo, hi). Phrases that only start or end inside stay.
void DeletePhrases(Items* pl, size_t lo, size_t hi) {
  std::vector<std::string_view> closings;
  for (size_t k = std::min(hi, pl->size()); k-- > lo;) {
    const Item& it = (*pl)[k];
    if (it.kind == Kind::kClose) {
      closings.push_back(it.label);
    } else if (it.kind == Kind::kOpen && !closings.empty() && LabelIs(it.label, closings.back())) {
      size_t j = k + 1;
      while (j < pl->size() && !CloseIs((*pl)[j], it.label)) ++j;
      if (j >= pl->size()) return;
      pl->erase(pl->begin() + static_cast<std::ptrdiff_t>(k), pl->begin() + static_cast<std::ptrdiff_t>(j + 1));
      closings.pop_back();
    }
  }
}

void EraseComma(Items* pl, size_t at) {
  if (at + 2 < pl->size()) pl->erase(pl->begin() + static_cast<std::ptrdiff_t>(at), pl->begin() + static_cast<std::ptrdiff_t>(at + 3));
}

// False if the list no longer balances.
bool DeleteCommaClauses(Items* pl, const CoderOptions& o) {
  int first = FindComma(*pl, 0);
  if (first < 0) return true;
  auto within = [](int n, int lo, int hi) { return lo <= n && n <= hi; };
  if (o.comma_bmax != 0 && within(CountWords(*pl, kParseStart, static_cast<size_t>(first)), o.comma_bmin, o.comma_bmax))
    DeletePhrases(pl, kParseStart, static_cast<size_t>(first));
  if (o.comma_emax != 0) {
    const int last = LastComma(*pl);
    const int end = FindEnd(*pl);
    if (last >= 0 && end > last && within(CountWords(*pl, static_cast<size_t>(last), pl->size()), o.comma_emin, o.comma_emax))
      DeletePhrases(pl, static_cast<size_t>(last) + 3, static_cast<size_t>(end));
  }
  if (o.comma_max != 0) {
    int a = FindComma(*pl, 0);
    while (a >= 0) {
      int b = FindComma(*pl, static_cast<size_t>(a) + 1);
      if (b < 0) break;
      if (within(CountWords(*pl, static_cast<size_t>(a) + 2, static_cast<size_t>(b)), o.comma_min, o.comma_max))
        DeletePhrases(pl, static_cast<size_t>(a), static_cast<size_t>(b));
      // As in PETRARCH-1, the search goes on from b's position before the deletion, so the
      // clause right after a deleted one is not itself deleted.
      a = b;
    }
  }
  // Commas left with no word before (or after) them.
  first = FindComma(*pl, 0);
  if (first >= 0 && CountWords(*pl, kParseStart, static_cast<size_t>(first)) == 0) EraseComma(pl, static_cast<size_t>(first));
  const int last = LastComma(*pl);
  const int end = FindEnd(*pl);
  if (last >= 0 && end > last && CountWords(*pl, static_cast<size_t>(last) + 1, static_cast<size_t>(end)) == 0)
    EraseComma(pl, static_cast<size_t>(last));
  return Balanced(*pl);
}

// ---------------------------------------------------------------------------------------
// 5. NE codes.

// The code of an actor entry on `date`: a single undated code; else the first dated code
// covering the date, in file order; else the last undated code; else "---".
std::string_view ActorCodeOn(const ActorEntry& e, const std::optional<Date>& date) {
  auto dated = [](const DatedCode& c) { return c.from.has_value() || c.to.has_value(); };
  if (e.codes.size() == 1 && !dated(e.codes[0])) return e.codes[0].code;
  if (date)
    for (const DatedCode& c : e.codes)
      if (dated(c) && c.Covers(*date)) return c.code;
  for (auto it = e.codes.rbegin(); it != e.codes.rend(); ++it)
    if (!dated(*it)) return it->code;
  return kNull;
}

// The code of one NE's phrase (its items between the NE's opening and closing); empty if
// neither an actor nor an agent is named. A view into the dictionaries or the arena.
std::string_view PhraseCode(const std::vector<const Item*>& phrase, const DictionarySet& dicts,
                            const std::optional<Date>& date, StringArena* arena) {
  const uint32_t n = static_cast<uint32_t>(phrase.size());
  // Markup matches nothing.
  auto key_at = [&](uint32_t k) { return IsWord(*phrase[k]) ? phrase[k]->key : std::string_view(); };
  thread_local std::vector<PhraseIndex::Match> matches;
  // The first actor, reading left to right.
  std::optional<std::string_view> actor;
  uint32_t actor_begin = 0, actor_end = 0;
  for (uint32_t k = 0; k < n && !actor; ++k) {
    dicts.actors.index().MatchAt(key_at, n, k, &matches);
    if (matches.empty()) continue;
    actor = ActorCodeOn(dicts.actors.entry(matches.front().entry), date);
    actor_begin = k;
    actor_end = k + matches.front().length;
  }
  // Agents, outside the actor's words and without overlapping each other.
  thread_local std::vector<const AgentEntry*> agents;
  agents.clear();
  for (uint32_t k = 0; k < n; ++k) {
    if (actor && k >= actor_begin && k < actor_end) continue;
    dicts.agents.index().MatchAt(key_at, n, k, &matches);
    if (matches.empty()) continue;
    agents.push_back(&dicts.agents.entry(matches.front().entry));
    k += matches.front().length - 1;
  }
  if (agents.empty()) return actor.value_or("");
  std::string code(actor.value_or(kNull));
  for (const AgentEntry* a : agents) {
    // An agent already in the code (at a three-letter boundary) ends the agents.
    bool present = false;
    for (size_t p = 0; p + a->code.size() <= code.size() && !present; p += 3)
      present = code.compare(p, a->code.size(), a->code) == 0;
    if (present) break;
    code = a->prefix ? a->code + code : code + a->code;
  }
  return arena->Store(code);
}

// The NE elements of the compound items (nec_open, nec_close) of `pl`: one NE per N* phrase,
// each with `pre` before and `post` after its words. False if `out` grows past kMaxItems.
bool AppendElements(const Items& pl, size_t nec_open, size_t nec_close, const Items& pre, const Items& post,
                    Items* out) {
  for (size_t k = nec_open + 1; k + 1 < nec_close; ++k) {
    if (!OpenStarts(pl[k], "N")) continue;
    if (out->size() > kMaxItems) return false;
    size_t j = k + 1;
    while (j < pl.size() && !CloseIs(pl[j], pl[k].label)) ++j;
    out->push_back(OpenItem("NE"));
    out->insert(out->end(), pre.begin(), pre.end());
    for (size_t w = k + 1; w < j && w < pl.size(); ++w) out->push_back(pl[w]);
    out->insert(out->end(), post.begin(), post.end());
    out->push_back(CloseItem("NE"));
    k = j;
  }
  return true;
}

// The first compound opening in (from, to) and its first closing after it.
bool FindInnerCompound(const Items& pl, size_t from, size_t to, size_t* open, size_t* close) {
  size_t k = from;
  while (k < to && !OpenIs(pl[k], "NEC")) ++k;
  if (k >= to) return false;
  size_t j = k + 1;
  while (j < to && !CloseIs(pl[j], "NEC")) ++j;
  if (j >= to) return false;
  *open = k;
  *close = j;
  return true;
}

// Replaces the NE element at `ne` (which must hold a compound) by one NE per element of it;
// returns the index after them.
std::optional<size_t> ExpandElement(Items* pl, size_t ne) {
  size_t end = ne + 1;
  while (end < pl->size() && !CloseIs((*pl)[end], "NE")) ++end;
  size_t nec_open = 0, nec_close = 0;
  if (end >= pl->size() || !FindInnerCompound(*pl, ne + 1, end, &nec_open, &nec_close)) return std::nullopt;
  Items pre(pl->begin() + static_cast<std::ptrdiff_t>(ne + 1), pl->begin() + static_cast<std::ptrdiff_t>(nec_open));
  Items post(pl->begin() + static_cast<std::ptrdiff_t>(nec_close + 1), pl->begin() + static_cast<std::ptrdiff_t>(end));
  Items elements;
  if (!AppendElements(*pl, nec_open, nec_close, pre, post, &elements)) return std::nullopt;
  pl->erase(pl->begin() + static_cast<std::ptrdiff_t>(ne), pl->begin() + static_cast<std::ptrdiff_t>(end + 1));
  pl->insert(pl->begin() + static_cast<std::ptrdiff_t>(ne), elements.begin(), elements.end());
  return ne + elements.size();
}

// Replaces the NE [ne, ne_close] holding a compound by a compound of NEs, one per element,
// each with the NE's other words. A second compound in those words multiplies the elements.
bool ExpandCompound(Items* pl, size_t ne, size_t ne_close) {
  size_t nec_open = 0, nec_close = 0;
  if (!FindInnerCompound(*pl, ne + 1, ne_close, &nec_open, &nec_close)) return false;
  Items pre(pl->begin() + static_cast<std::ptrdiff_t>(ne + 1), pl->begin() + static_cast<std::ptrdiff_t>(nec_open));
  Items post(pl->begin() + static_cast<std::ptrdiff_t>(nec_close + 1), pl->begin() + static_cast<std::ptrdiff_t>(ne_close));
  Items compound = {OpenItem("NEC")};
  if (!AppendElements(*pl, nec_open, nec_close, pre, post, &compound)) return false;
  compound.push_back(CloseItem("NEC"));
  bool nested = false;
  for (size_t k = 1; k + 1 < compound.size(); ++k) nested |= OpenIs(compound[k], "NEC");
  pl->erase(pl->begin() + static_cast<std::ptrdiff_t>(ne), pl->begin() + static_cast<std::ptrdiff_t>(ne_close + 1));
  pl->insert(pl->begin() + static_cast<std::ptrdiff_t>(ne), compound.begin(), compound.end());
  if (!nested) return true;
  size_t k = ne + 1;
  size_t stop = ne + compound.size() - 1;  // the compound's closing
  while (k < stop && OpenIs((*pl)[k], "NE")) {
    const size_t before = pl->size();
    const std::optional<size_t> next = ExpandElement(pl, k);
    if (!next || pl->size() > kMaxItems) return false;
    stop = stop + pl->size() - before;
    k = *next;
  }
  return true;
}

// Codes every NE of the list, expanding the compounds written inside NEs first. False on a
// malformed list, or when the compounds multiply beyond kMaxItems.
bool CodeNamedEntities(Items* pl, const DictionarySet& dicts, const std::optional<Date>& date, StringArena* arena) {
  size_t k = kParseStart;
  std::vector<const Item*> phrase;
  while (k < pl->size()) {
    if (pl->size() > kMaxItems) return false;
    if (!OpenIs((*pl)[k], "NE")) {
      ++k;
      continue;
    }
    phrase.clear();
    bool compound = false;
    size_t end = k + 1;
    for (; end < pl->size() && !CloseIs((*pl)[end], "NE"); ++end) {
      const Item& it = (*pl)[end];
      if (!IsWord(it) && LabelStarts(it.label, "NN")) continue;  // stray noun tags
      compound |= OpenIs(it, "NEC");
      phrase.push_back(&it);
    }
    if (end >= pl->size()) return false;
    if (compound) {
      if (!ExpandCompound(pl, k, end)) return false;
      continue;  // the compound's elements are coded next
    }
    const std::string_view code = PhraseCode(phrase, dicts, date, arena);
    if (!code.empty()) (*pl)[k].code = code;
    k = end + 1;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// 6-9. Verbs, patterns, roles and events.

enum class SeqKind : uint8_t { kWord, kNeOpen, kNeClose, kNecOpen, kNecClose };

struct SeqItem {
  SeqKind kind;
  size_t pl;  // index in the token list
};
using Seq = std::vector<SeqItem>;

bool IsBoundary(const SeqItem& s) { return s.kind != SeqKind::kWord; }
bool IsNecBoundary(const SeqItem& s) { return s.kind == SeqKind::kNecOpen || s.kind == SeqKind::kNecClose; }
bool IsOpening(const SeqItem& s) { return s.kind == SeqKind::kNeOpen || s.kind == SeqKind::kNecOpen; }
bool IsClosing(const SeqItem& s) { return s.kind == SeqKind::kNeClose || s.kind == SeqKind::kNecClose; }

// A place in the upper or the lower sequence (a role binding).
struct Loc {
  int index = -1;
  bool upper = false;
  bool set() const { return index >= 0; }
};

struct Bindings {
  Loc source, target;
};

// A code with the NE it comes from (-1: none).
struct CodeRef {
  std::string code;
  int ne = -1;
};

struct Draft {
  CodeRef source, target;
  std::string code;
  size_t trigger_first = 0, trigger_last = 0;  // token-list items of the verb's words
  std::string rule;
};

// How a verb token reads: the form, and where its context sequences start.
struct VerbReading {
  uint32_t form = 0;
  size_t upper_from = 0, lower_from = 0;
  size_t first_word = 0, last_word = 0;
};

// Whether `word` is PETRARCH's plural of the synset member word `member`: Y -> IES, S -> ES,
// else +S.
bool IsSynsetPlural(std::string_view word, std::string_view member) {
  if (member.empty()) return false;
  const char last = member.back();
  const std::string_view stem = last == 'y' || last == 's' ? member.substr(0, member.size() - 1) : member;
  const std::string_view ending = last == 'y' ? "ies" : last == 's' ? "es" : "s";
  return word.size() == stem.size() + ending.size() && word.starts_with(stem) && word.ends_with(ending);
}


class VerbStage {
 public:
  VerbStage(const DictionarySet& dicts, const CoderOptions& options, const Items& pl)
      : dicts_(dicts), options_(options), pl_(pl) {
    std::vector<int> parent;
    MatchBrackets(pl_, &match_, &parent);
    word_pos_.assign(pl_.size(), -1);
    word_bits_.assign(pl_.size(), 0);
    word_hash_.assign(pl_.size(), 0);
    for (size_t k = 0; k < pl_.size(); ++k) {
      if (IsWord(pl_[k])) {
        word_hash_[k] = PatternKeyHash(pl_[k].key);
        word_bits_[k] = PatternWordBitOfHash(word_hash_[k]);
      }
      // Words, and NE openings standing for PETRARCH's code word after "(NE".
      if (IsWord(pl_[k])) {
        word_pos_[k] = static_cast<int>(word_items_.size());
        word_items_.push_back(k);
        word_keys_.push_back(pl_[k].key);
      } else if (OpenIs(pl_[k], "NE")) {
        word_items_.push_back(k);
        word_keys_.emplace_back();
      }
    }
  }

  std::vector<Draft> Run() {
    size_t k = kParseStart;
    while (k + 1 < pl_.size()) {
      if (!OpenStarts(pl_[k], "VP") || !OpenStarts(pl_[k + 1], "VB") || match_[k] < 0) {
        ++k;
        continue;
      }
      const size_t vp_end = static_cast<size_t>(match_[k]);
      size_t tag = k + 1;
      const std::optional<size_t> participle = PassiveParticiple(k);
      if (participle) {
        tag = *participle - 1;
        k = *participle - 2;
      }
      const size_t word = tag + 1;
      std::optional<VerbReading> reading;
      if (word < pl_.size() && IsWord(pl_[word])) reading = ReadVerb(tag, word);
      if (reading && CodeVerb(*reading, vp_end, participle.has_value())) {
        k = vp_end + 1;  // the verbs nested in a coded VP are not read
      } else {
        ++k;
      }
    }
    // require_dyad, then duplicates.
    std::vector<Draft> out;
    for (Draft& d : drafts_) {
      if (options_.require_dyad && (d.source.code == kNull || d.target.code == kNull)) continue;
      bool seen = false;
      for (const Draft& o : out)
        seen |= o.source.code == d.source.code && o.target.code == d.target.code && o.code == d.code;
      if (!seen) out.push_back(std::move(d));
    }
    return out;
  }

 private:
  // The participle of a passive VP at `vp`: a VBN (not the VP's first child) followed by BY,
  // with WAS, IS or BEEN before a verb tag between the VP's start and the VBN.
  std::optional<size_t> PassiveParticiple(size_t vp) const {
    const size_t end = static_cast<size_t>(match_[vp]);
    bool vbn = false;
    for (size_t k = vp + 3; k < end; ++k) vbn |= OpenIs(pl_[k], "VBN");
    if (!vbn) return std::nullopt;
    size_t close = vp + 3;
    while (close < pl_.size() && !CloseIs(pl_[close], "VBN")) ++close;
    if (close >= pl_.size()) return std::nullopt;
    bool by = false;
    for (size_t k = close + 3; k < end; ++k) by |= IsWord(pl_[k]) && pl_[k].key == "by";
    if (!by || close < 3) return std::nullopt;
    for (size_t k = close - 3; k > vp; --k) {
      const Item& prev = pl_[k - 1];
      if (CloseStarts(pl_[k], "VB") && IsWord(prev) && (prev.key == "was" || prev.key == "is" || prev.key == "been"))
        return close - 1;
    }
    return std::nullopt;
  }

  // The verb form of the word at `word` (its tag at `tag`): a multi-word form whose other
  // words surround it (the most recent in the dictionary first), else the single form
  // registered last.
  std::optional<VerbReading> ReadVerb(size_t tag, size_t word) const {
    const int pos = word_pos_[word];
    if (pos < 0) return std::nullopt;
    const auto& index = dicts_.verbs.forms_index();
    const uint32_t n = static_cast<uint32_t>(word_keys_.size());
    auto key_at = [&](uint32_t k) { return word_keys_[k]; };
    std::vector<PhraseIndex::Match> matches;
    std::optional<VerbReading> multi;
    for (size_t lead = 0; lead <= kMaxLeadingVerbWords && lead <= static_cast<size_t>(pos); ++lead) {
      const uint32_t start = static_cast<uint32_t>(static_cast<size_t>(pos) - lead);
      index.MatchAt(key_at, n, start, &matches);
      for (const auto& m : matches) {
        const VerbForm& f = dicts_.verbs.form(m.entry);
        if (f.words.size() < 2 || f.verb_word != lead || (multi && multi->form > m.entry)) continue;
        VerbReading r;
        r.form = m.entry;
        r.first_word = word_items_[start];
        r.last_word = word_items_[start + m.length - 1];
        r.upper_from = lead > 0 && r.first_word > 0 ? r.first_word - 1 : tag;
        r.lower_from = r.last_word + 1;
        multi = r;
      }
    }
    if (multi) return multi;
    index.MatchAt(key_at, n, static_cast<uint32_t>(pos), &matches);
    std::optional<VerbReading> single;
    for (const auto& m : matches) {
      if (dicts_.verbs.form(m.entry).words.size() != 1 || (single && single->form > m.entry)) continue;
      VerbReading r;
      r.form = m.entry;
      r.first_word = r.last_word = word;
      r.upper_from = tag;
      r.lower_from = word + 1;
      single = r;
    }
    return single;
  }

  SeqItem Classify(size_t k, bool* keep) const {
    const Item& it = pl_[k];
    *keep = true;
    if (IsWord(it)) return {SeqKind::kWord, k};
    if (it.label.find("NEC") != std::string::npos) return {it.kind == Kind::kOpen ? SeqKind::kNecOpen : SeqKind::kNecClose, k};
    if (OpenIs(it, "NE")) return {SeqKind::kNeOpen, k};
    if (CloseStarts(it, "NE")) return {SeqKind::kNeClose, k};
    *keep = false;
    return {SeqKind::kWord, k};
  }

  // Back from `from` to the sentence start or the nearest comma, nearest first.
  Seq UpperSequence(size_t from) const {
    Seq seq;
    if (pl_.empty()) return seq;
    for (size_t k = std::min(from, pl_.size() - 1) + 1; k-- > kParseStart;) {
      if (CloseIs(pl_[k], ",")) break;
      bool keep = false;
      const SeqItem s = Classify(k, &keep);
      if (keep) seq.push_back(s);
    }
    return seq;
  }

  // From `from` to the end of the VP.
  Seq LowerSequence(size_t from, size_t vp_end) const {
    Seq seq;
    for (size_t k = from; k < vp_end && k < pl_.size(); ++k) {
      bool keep = false;
      const SeqItem s = Classify(k, &keep);
      if (keep) seq.push_back(s);
    }
    return seq;
  }

  // A synset's members and one-word set. The dictionary's look-ups hash the name; the
  // sentence's patterns name few synsets, each many times, so they are kept here by the
  // address of the pattern's name (stable while the sentence is coded).
  struct Synset {
    const std::string* name;
    const std::vector<std::vector<std::string>>* members;
    const std::unordered_set<std::string>* words;
  };
  Synset FindSynset(const std::string& name) const {
    for (const Synset& c : synsets_)
      if (c.name == &name) return c;
    synsets_.push_back({&name, &dicts_.verbs.synset(name), &dicts_.verbs.synset_words(name)});
    return synsets_.back();
  }

  // Where a synset member starting at seq[s] ends (the last item it covers), or -1. Members
  // match with their plurals; in the upper sequence (nearest first) a member reads backwards.
  int SynsetAt(const std::string& name, const Seq& seq, size_t s, bool upper) const {
    // Every member starts with a word: nothing matches at markup.
    if (s >= seq.size() || seq[s].kind != SeqKind::kWord) return -1;
    const Synset synset = FindSynset(name);
    const auto& members = *synset.members;
    const std::string_view key = pl_[seq[s].pl].key;
    // The word at seq[k] is `member`, or (for a member's last word) its plural.
    auto word_is = [&](size_t k, const std::string& member, bool plural) {
      if (k >= seq.size() || seq[k].kind != SeqKind::kWord) return false;
      const std::string_view word = pl_[seq[k].pl].key;
      return plural ? IsSynsetPlural(word, member) : word == member;
    };
    // A one-word member: the word itself, or the member its plural would come from (the
    // reverse of IsSynsetPlural), looked up in the synset's word set.
    {
      const auto& words = *synset.words;
      auto has = [&](std::string_view stem, char last) {
        std::string member(stem);
        member.push_back(last);
        return words.count(member) != 0;
      };
      if (!words.empty() &&
          (words.count(std::string(key)) != 0 ||
           (key.ends_with("ies") && has(key.substr(0, key.size() - 3), 'y')) ||
           (key.ends_with("es") && has(key.substr(0, key.size() - 2), 's')) ||
           (key.size() >= 2 && key.ends_with('s') && key[key.size() - 2] != 'y' && key[key.size() - 2] != 's' &&
            words.count(std::string(key.substr(0, key.size() - 1))) != 0)))
        return static_cast<int>(s);
    }
    for (const auto& m : members) {
      if (m.size() < 2) continue;
      // The word at seq[s] is the member's first word read (its last one in the upper
      // sequence, which may be plural): checked once here before the loop below.
      const std::string& first = upper ? m.back() : m.front();
      if (key != first && !(upper && IsSynsetPlural(key, first))) continue;
      for (const bool plural : {false, true}) {
        bool ok = true;
        for (size_t i = 0; i < m.size() && ok; ++i) {
          const size_t w = upper ? m.size() - 1 - i : i;
          ok = word_is(s + i, m[w], plural && w + 1 == m.size());
        }
        if (ok) return static_cast<int>(s + m.size() - 1);
      }
    }
    return -1;
  }

  // The NE (or compound) opening around seq[s]: forwards in the upper sequence, backwards in
  // the lower one. -1 if none.
  static int OpeningAround(const Seq& seq, size_t s, bool upper, bool compound_only) {
    for (int k = static_cast<int>(s); k >= 0 && static_cast<size_t>(k) < seq.size(); k += upper ? 1 : -1) {
      const SeqItem& it = seq[static_cast<size_t>(k)];
      if (compound_only ? it.kind == SeqKind::kNecOpen : IsOpening(it)) return k;
    }
    return -1;
  }

  // One side of a pattern against its sequence. `elements` in text order; the upper side is
  // matched from the verb outwards. `verb_joined`: the element next to the verb touches it.
  bool MatchSide(const std::vector<PatternElement>& elements, bool verb_joined, const Seq& seq, bool upper,
                 Bindings* b) const {
    if (elements.empty()) return true;
    if (seq.empty()) return false;
    const size_t n = elements.size();
    bool in_ne = false, in_nec = false;
    size_t p = 0, s = 0;
    // Advances s; false when the sequence runs out.
    auto next = [&]() { return ++s < seq.size(); };
    while (p < n) {
      const PatternElement& e = elements[upper ? n - 1 - p : p];
      const bool joined = p == 0 ? verb_joined : upper ? elements[n - p].consecutive : e.consecutive;
      const SeqItem& t = seq[s];
      if (IsBoundary(t)) {  // NE limits are transparent, even between joined words
        (IsNecBoundary(t) ? in_nec : in_ne) ^= true;
        if (!next()) return false;
        continue;
      }
      const bool token = e.kind != PatternToken::kWord && e.kind != PatternToken::kSynset;
      // A one-letter pattern word is read as a token, as PETRARCH-1 does.
      if (token || (e.kind == PatternToken::kWord && e.key.size() == 1)) {
        if (!in_ne && !in_nec) {
          if (joined || !next()) return false;
          continue;
        }
        if (e.kind == PatternToken::kCompound && (upper ? in_nec : !in_ne)) {
          // "%" before the verb: the compound is both source and target.
          const int c = OpeningAround(seq, s, upper, true);
          if (c < 0) return false;
          b->source = b->target = Loc{c, upper};
        } else if (in_ne && (e.kind == PatternToken::kSource || e.kind == PatternToken::kTarget)) {
          const int ne = OpeningAround(seq, s, upper, false);
          if (ne < 0) return false;
          (e.kind == PatternToken::kSource ? b->source : b->target) = Loc{ne, upper};
        } else if (in_ne && e.kind == PatternToken::kSkip) {
          // Skip the rest of this NE.
          while (!IsClosing(seq[s])) {
            if (upper ? s == 0 : s + 1 >= seq.size()) return false;
            s += upper ? -1 : 1;
          }
          in_ne = upper;
        }
        if (++p >= n) return true;
        if (!next()) return false;
        continue;
      }
      if (e.kind == PatternToken::kSynset) {
        const int last = SynsetAt(e.key, seq, s, upper);
        if (last >= 0) {
          s = static_cast<size_t>(last);
          if (++p >= n) return true;
          if (!next()) return false;
        } else if (joined || !next()) {
          return false;
        }
        continue;
      }
      if (word_hash_[t.pl] != e.key_hash || pl_[t.pl].key != e.key) {
        if (joined || !next()) return false;
        continue;
      }
      if (++p >= n) return true;
      if (!next()) return false;
    }
    return true;
  }

  // The codes at a location: an NE's code, or a compound's element codes (null elements
  // left out); "---" when there is none. Uncoded NEs of at most new_actor_length words give
  // their words in quotes.
  std::vector<CodeRef> CodesAt(const Loc& loc, const Seq& upper, const Seq& lower) const {
    const Seq& seq = loc.upper ? upper : lower;
    std::vector<CodeRef> out;
    if (loc.index < 0 || static_cast<size_t>(loc.index) >= seq.size()) return {{std::string(kNull), -1}};
    auto add = [&](size_t ne) {
      const std::string_view code = pl_[seq[ne].pl].code;
      if (code != kNull) {
        out.push_back({std::string(code), static_cast<int>(seq[ne].pl)});
        return;
      }
      if (options_.new_actor_length <= 0) return;
      std::vector<std::string_view> words;
      for (size_t k = ne; ; ) {
        if (loc.upper ? k == 0 : k + 1 >= seq.size()) break;
        k += loc.upper ? -1 : 1;
        if (seq[k].kind != SeqKind::kWord) break;
        words.push_back(pl_[seq[k].pl].label);
      }
      if (!words.empty() && static_cast<int>(words.size()) <= options_.new_actor_length) {
        std::string text;
        for (const std::string_view w : words) {
          if (!text.empty()) text.push_back(' ');
          text += w;
        }
        out.push_back({"\"" + text + "\"", static_cast<int>(seq[ne].pl)});
      } else {
        out.push_back({std::string(kNull), static_cast<int>(seq[ne].pl)});
      }
    };
    const size_t at = static_cast<size_t>(loc.index);
    if (seq[at].kind == SeqKind::kNecOpen) {
      for (size_t k = at; ; ) {
        if (loc.upper ? k == 0 : k + 1 >= seq.size()) break;
        k += loc.upper ? -1 : 1;
        if (seq[k].kind == SeqKind::kNecClose) break;
        if (seq[k].kind == SeqKind::kNeOpen) add(k);
      }
    } else if (seq[at].kind == SeqKind::kNeOpen) {
      add(at);
    }
    if (out.empty()) out.push_back({std::string(kNull), -1});
    return out;
  }

  bool Coded(const SeqItem& s) const {
    return s.kind == SeqKind::kNecOpen ||
           (s.kind == SeqKind::kNeOpen && pl_[s.pl].code.find(kNull) == std::string::npos);
  }

  // The first compound or coded NE reading from the far end of the upper sequence, else its
  // first NE.
  std::optional<Loc> FindSource(const Seq& upper) const {
    for (size_t k = upper.size(); k-- > 0;)
      if (Coded(upper[k])) return Loc{static_cast<int>(k), true};
    for (size_t k = upper.size(); k-- > 0;)
      if (IsOpening(upper[k])) return Loc{static_cast<int>(k), true};
    return std::nullopt;
  }

  std::optional<Loc> FindTarget(const Seq& upper, const Seq& lower, const Loc& source) const {
    const std::vector<CodeRef> codes = CodesAt(source, upper, lower);
    const std::string* own = codes.size() == 1 ? &codes[0].code : nullptr;
    auto others = [&](const SeqItem& s) {  // a coded NE not starting with the source's code
      return Coded(s) && !(own && s.kind == SeqKind::kNeOpen && pl_[s.pl].code.starts_with(*own));
    };
    auto uncoded = [&](const SeqItem& s) { return s.kind == SeqKind::kNeOpen && !Coded(s); };
    for (size_t k = 0; k < lower.size(); ++k)
      if (others(lower[k])) return Loc{static_cast<int>(k), false};
    for (size_t k = 0; k < lower.size(); ++k)
      if (uncoded(lower[k])) return Loc{static_cast<int>(k), false};
    for (size_t k = 0; k < upper.size(); ++k)
      if (others(upper[k])) return Loc{static_cast<int>(k), true};
    for (size_t k = 0; k < upper.size(); ++k)
      if (uncoded(upper[k]) && !(source.upper && source.index == static_cast<int>(k))) return Loc{static_cast<int>(k), true};
    return std::nullopt;
  }

  static std::vector<CodeRef> SplitMultiCodes(const std::vector<CodeRef>& codes) {
    std::vector<CodeRef> out;
    for (const CodeRef& c : codes) {
      size_t from = 0;
      while (true) {
        const size_t slash = c.code.find('/', from);
        out.push_back({c.code.substr(from, slash == std::string::npos ? std::string::npos : slash - from), c.ne});
        if (slash == std::string::npos) break;
        from = slash + 1;
      }
    }
    return out;
  }

  void AddEvents(const std::vector<CodeRef>& sources, const std::vector<CodeRef>& targets, const std::string& code,
                 bool passive, const Draft& proto) {
    for (const CodeRef& s : sources)
      for (const CodeRef& t : targets) {
        if (s.code == t.code) continue;
        Draft d = proto;
        d.source = passive ? t : s;
        d.target = passive ? s : t;
        d.code = code;
        drafts_.push_back(std::move(d));
      }
  }

  // Codes one verb; false if it gives no code (the scan then goes on inside its VP).
  bool CodeVerb(const VerbReading& r, size_t vp_end, bool passive) {
    const VerbForm& form = dicts_.verbs.form(r.form);
    const VerbBlock& block = dicts_.verbs.block(form.block);
    const Seq upper = UpperSequence(r.upper_from);
    const Seq lower = LowerSequence(r.lower_from, vp_end);
    // The words each side holds, as PatternWordBit bits: a pattern whose words are not all
    // there cannot match and is not tried.
    uint64_t upper_words = 0, lower_words = 0;
    for (const SeqItem& it : upper)
      if (it.kind == SeqKind::kWord) upper_words |= word_bits_[it.pl];
    for (const SeqItem& it : lower)
      if (it.kind == SeqKind::kWord) lower_words |= word_bits_[it.pl];
    auto with_pair = [](const std::string& c, const std::string& pair) { return pair.empty() ? c : c + ":" + pair; };
    Bindings bindings;
    const VerbPattern* matched = nullptr;
    // In file order. PETRARCH-2's phrase groups (VerbBlock::LineFilter::phrase_groups) are not
    // PETRARCH-1 syntax: it skips a line with "{" and reads "(TO" as a word that never matches.
    for (const VerbBlock::LineFilter& f : block.line_filters) {
      if ((f.pre_words & ~upper_words) != 0 || (f.post_words & ~lower_words) != 0 || f.phrase_groups) continue;
      const VerbPattern* p = &block.patterns[f.index];
      Bindings b;
      if (MatchSide(p->pre, p->verb_consecutive_pre, upper, true, &b) &&
          MatchSide(p->post, p->verb_consecutive_post, lower, false, &b)) {
        matched = p;
        bindings = b;
        break;
      }
    }
    Draft proto;
    proto.trigger_first = r.first_word;
    proto.trigger_last = r.last_word;
    std::string code;
    if (matched && matched->code != kNull) {
      code = with_pair(matched->code, matched->paired_code);
      proto.rule = fmt::format("{}:{} {}", matched->file, matched->line, matched->text);
    } else {
      // No pattern, or a "[---]" pattern (whose bindings stay): the verb's own code.
      code = form.code.empty() ? with_pair(block.code, block.paired_code) : form.code;
      if (code == kNull) return false;
      proto.rule = fmt::format("{}:{} --- {} [{}] ---", block.file, block.line, block.name, code);
    }
    const std::optional<Loc> source = bindings.source.set() ? bindings.source : FindSource(upper);
    if (!source) return true;
    const std::optional<Loc> target =
        bindings.target.set() ? bindings.target : FindTarget(upper, lower, *source);
    if (!target) return true;
    std::vector<CodeRef> sources = SplitMultiCodes(CodesAt(*source, upper, lower));
    std::vector<CodeRef> targets = SplitMultiCodes(CodesAt(*target, upper, lower));
    const size_t colon = code.find(':');
    if (colon == std::string::npos) {
      AddEvents(sources, targets, code, passive, proto);
      return true;
    }
    // A paired code: the second half codes the reverse event; a null side takes the other's.
    if (sources[0].code == kNull || targets[0].code == kNull) {
      if (targets[0].code == kNull) targets = sources;
      else sources = targets;
    }
    AddEvents(sources, targets, code.substr(0, colon), passive, proto);
    AddEvents(targets, sources, code.substr(colon + 1), passive, proto);
    return true;
  }

  const DictionarySet& dicts_;
  const CoderOptions& options_;
  const Items& pl_;
  std::vector<int> match_;
  std::vector<size_t> word_items_;     // words and NE openings, in order
  std::vector<std::string_view> word_keys_;  // their keys (empty for NE openings)
  std::vector<int> word_pos_;           // token-list index -> position in word_items_
  std::vector<uint64_t> word_bits_;     // token-list index -> PatternWordBit of a word's key
  std::vector<uint64_t> word_hash_;     // token-list index -> PatternKeyHash of a word's key
  std::vector<Draft> drafts_;
  mutable std::vector<Synset> synsets_;  // FindSynset's cache
};

// ---------------------------------------------------------------------------------------
// Output.

// The sentence span of the words in the NE opening at `ne` (to its closing).
Span NeSpan(const Items& pl, const Sentence& s, int ne) {
  Span span;
  bool any = false;
  if (ne < 0) return span;
  for (size_t k = static_cast<size_t>(ne) + 1; k < pl.size() && !CloseIs(pl[k], "NE"); ++k) {
    if (!IsWord(pl[k]) || pl[k].token < 0 || static_cast<size_t>(pl[k].token) >= s.tokens.size()) continue;
    const Token& t = s.tokens[static_cast<size_t>(pl[k].token)];
    if (!any || t.begin < span.begin) span.begin = t.begin;
    if (!any || t.end > span.end) span.end = t.end;
    any = true;
  }
  return span;
}

std::optional<ActorRef> MakeActor(const DictionarySet& dicts, const Items& pl, const Sentence& s, const CodeRef& c) {
  if (c.code == kNull || c.code.empty()) return std::nullopt;
  ActorRef a;
  a.span = NeSpan(pl, s, c.ne);
  if (a.span.end > a.span.begin && a.span.end <= s.text.size())
    a.text = std::string(s.text.substr(a.span.begin, a.span.end - a.span.begin));
  if (c.code.starts_with(kNull)) {
    a.code = c.code.substr(kNull.size());
    a.agent_only = true;
  } else {
    a.code = c.code;
  }
  if (!a.code.starts_with("\"")) SplitActorCode(dicts, a.code, &a.country, &a.sector);
  return a;
}

Span TriggerSpan(const Items& pl, const Sentence& s, const Draft& d) {
  Span span;
  auto token = [&](size_t item) -> const Token* {
    if (item >= pl.size() || pl[item].token < 0 || static_cast<size_t>(pl[item].token) >= s.tokens.size()) return nullptr;
    return &s.tokens[static_cast<size_t>(pl[item].token)];
  };
  const Token* first = token(d.trigger_first);
  const Token* last = token(d.trigger_last);
  if (first) span = {first->begin, first->end};
  if (last && first) span.end = std::max(first->end, last->end);
  return span;
}

Event MakeEvent(const DictionarySet& dicts, const Document& doc, const Sentence& s, const Items& pl, const Draft& d) {
  Event e;
  e.doc_id = doc.id;
  e.sentence_index = s.index;
  e.sentence = std::string(s.text);
  if (doc.date) e.date = *doc.date;
  e.source = MakeActor(dicts, pl, s, d.source);
  e.target = MakeActor(dicts, pl, s, d.target);
  e.cameo = d.code;
  e.cameo_root = CameoRoot(d.code);
  if (const CameoCode* c = dicts.codes.Find(d.code)) {
    e.quad_class = c->quad_class;
    e.goldstein = c->goldstein;
    e.plover = c->plover_type;
    e.plover_mode = c->plover_mode;
  }
  e.trigger = TriggerSpan(pl, s, d);
  e.rule = d.rule;
  e.title = doc.title;
  e.source_name = doc.source;
  e.url = doc.url;
  e.event_id = MakeEventId(doc.id, s.index, e.trigger.begin,
                           e.source ? fmt::format("{}@{}", e.source->code, e.source->span.begin) : "",
                           e.target ? fmt::format("{}@{}", e.target->code, e.target->span.begin) : "", d.code);
  return e;
}

// Stages 1-5: the coded token list; false if the sentence is rejected (malformed parse,
// dateline).
bool ReadSentence(const DictionarySet& dicts, const CoderOptions& options, const Document& doc, const Sentence& s,
                  StringArena* arena, Items* pl) {
  thread_local Items tree;  // reused: its buffer is as large as a sentence's
  tree.clear();
  if (!s.tree || !FlattenParse(s, arena, &tree)) return false;
  MarkCompounds(&tree, arena);
  if (!ParseListBuilder(&tree, arena, pl).Build()) return false;
  if (IsDateline(*pl)) return false;
  if (!DeleteCommaClauses(pl, options)) return false;
  return CodeNamedEntities(pl, dicts, doc.date, arena);
}

}  // namespace

bool CodePetrarch1Sentence(const DictionarySet& dicts, const CoderOptions& options, const Document& doc,
                           const Sentence& s, std::vector<Event>* out) {
  if (!s.tree || s.tree->nodes.empty()) return false;
  StringArena arena;
  thread_local Items pl;  // reused from sentence to sentence (cleared by ReadSentence)
  if (!ReadSentence(dicts, options, doc, s, &arena, &pl)) return true;  // rejected: no events
  for (const Draft& d : VerbStage(dicts, options, pl).Run()) out->push_back(MakeEvent(dicts, doc, s, pl, d));
  return true;
}

std::string Petrarch1TokenList(const DictionarySet& dicts, const CoderOptions& options, const Document& doc,
                               const Sentence& s) {
  StringArena arena;
  Items pl;
  if (!ReadSentence(dicts, options, doc, s, &arena, &pl)) return "";
  std::string out;
  for (const Item& it : pl) {
    if (!out.empty()) out.push_back(' ');
    if (it.kind == Kind::kOpen) {
      out.push_back('(');
      out += it.label;
      if (it.label == "NE") {
        out.push_back(' ');
        out += it.code;
      }
    } else if (it.kind == Kind::kClose) {
      out.push_back('~');
      out += it.label;
    } else {
      out += it.label;
    }
  }
  return out;
}

bool ApplyPetrarchOption(const std::string& option, const std::string& value, CoderOptions* options) {
  if (option == "require_dyad") {
    std::string v = value;
    for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    options->require_dyad = v.find("false") == std::string::npos;
    return true;
  }
  int* field = option == "new_actor_length" ? &options->new_actor_length
               : option == "comma_min"      ? &options->comma_min
               : option == "comma_max"      ? &options->comma_max
               : option == "comma_bmin"     ? &options->comma_bmin
               : option == "comma_bmax"     ? &options->comma_bmax
               : option == "comma_emin"     ? &options->comma_emin
               : option == "comma_emax"     ? &options->comma_emax
                                            : nullptr;
  if (!field) return false;
  const std::string_view v = TrimView(value);
  int n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size()) return false;
  *field = n;
  return true;
}

}  // namespace griot

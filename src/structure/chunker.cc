#include "structure/chunker.h"

#include "base/strings.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

namespace griot {

namespace {

bool In(std::string_view key, std::initializer_list<std::string_view> set) { return IsOneOf(key, set); }

bool IsFiniteTag(PosTag t) {
  return t == PosTag::kMD || t == PosTag::kVBD || t == PosTag::kVBZ || t == PosTag::kVBP;
}

// Words that open a subordinate clause when a clause follows them.
bool IsSubordinator(std::string_view k) {
  return In(k, {"that", "after", "before", "when", "while", "because", "although", "though", "if", "as", "since",
                "until", "unless", "whether", "once", "where", "whereas"});
}

// Forms of be, have, do and get (and negative contractions): auxiliaries when another verb
// follows ("was attacked", "has sent", "didn't clash").
bool IsAuxiliaryKey(std::string_view k) {
  return In(k, {"be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m", "have", "has", "had",
                "having", "'ve", "'d", "do", "does", "did", "get", "got", "gets", "getting"}) ||
         k.ends_with("n't");
}

// Reporting verbs of a tail "..., the minister said." / "..., said the minister."
bool IsReportingKey(std::string_view k) {
  return In(k, {"said", "says", "say", "told", "added", "stated", "reported", "announced", "claimed", "insisted",
                "warned", "noted", "explained", "confirmed", "declared", "according"});
}

struct Node {
  std::string_view label;  // a phrase label or a tag name (static storage)
  int token = -1;          // pre-terminals: the token
  // Children as a linked list (no allocation per node): first and last child, next sibling.
  int first = -1, last = -1, next = -1;
  int count = 0;
};

class PhraseParser {
 public:
  PhraseParser(const std::vector<Token>& tokens, const std::vector<PosTag>& tags,
               const std::vector<TokenSpan>& keep)
      : toks_(tokens), tags_(tags), n_(static_cast<uint32_t>(std::min(tokens.size(), tags.size()))) {
    Retag();
    keep_end_.assign(n_, 0);
    for (const auto& [f, e] : keep) {
      if (f >= n_ || e <= f + 1) continue;
      const uint32_t end = std::min(e, n_);
      keep_end_[f] = std::max(keep_end_[f], end);
    }
    // Merge overlaps: a span starting inside another extends it.
    uint32_t reach = 0, start = 0;
    for (uint32_t i = 0; i < n_; ++i) {
      if (keep_end_[i] > 0 && i < reach) {
        keep_end_[start] = std::max(keep_end_[start], keep_end_[i]);
        reach = keep_end_[start];
        keep_end_[i] = 0;
      } else if (keep_end_[i] > 0) {
        start = i;
        reach = keep_end_[i];
      }
    }
  }

  // Tagging slips that phrase structure exposes, corrected before parsing:
  //  * after a modal or a negated "do" ("will", "didn't", "did not"), a word tagged as a
  //    noun or a finite verb is the base verb ("didn't clash");
  //  * a present-tense verb right after a name or adjective and right before a past verb is
  //    a plural noun ("Calenardhon crowds burned"), and after a possessive determiner a noun
  //    ("its forces").
  void Retag() {
    for (uint32_t i = 1; i < n_; ++i) {
      uint32_t a = i - 1;
      bool negated = false;
      while (a > 0 && tags_[a] == PosTag::kRB) {
        negated |= toks_[a].key == "not" || toks_[a].key == "n't";
        --a;
      }
      const std::string_view ak = toks_[a].key;
      const bool modal = tags_[a] == PosTag::kMD;
      const bool do_neg = In(ak, {"do", "does", "did"}) ? negated : (ak.ends_with("n't") && IsVerbTag(tags_[a]));
      if ((modal || do_neg) && (tags_[i] == PosTag::kNN || tags_[i] == PosTag::kVBP || tags_[i] == PosTag::kVBD))
        tags_[i] = PosTag::kVB;
      // "its forces", "their troops": after a possessive determiner, a noun.
      if (tags_[i - 1] == PosTag::kPRPS && (tags_[i] == PosTag::kVBZ || tags_[i] == PosTag::kVBP))
        tags_[i] = tags_[i] == PosTag::kVBZ ? PosTag::kNNS : PosTag::kNN;
      if (tags_[i] == PosTag::kVBZ && !IsAuxiliaryKey(toks_[i].key) && i + 1 < n_ &&
          (tags_[i + 1] == PosTag::kVBD || tags_[i + 1] == PosTag::kVBN) &&
          (IsProperNounTag(tags_[i - 1]) || IsAdjectiveTag(tags_[i - 1]) || tags_[i - 1] == PosTag::kNN))
        tags_[i] = PosTag::kNNS;
    }
  }

  std::shared_ptr<ParseTree> Run() {
    nodes_.reserve(3 * static_cast<size_t>(n_) + 8);
    const int root = Make("ROOT");
    const int s = Make("S");
    Add(root, s);
    pos_ = 0;
    Clause(s, /*top=*/true);
    // Whatever the clause rules left: appended under S so that every token is in the tree.
    while (pos_ < n_) {
      const uint32_t before = pos_;
      Clause(s, true);
      if (pos_ == before) Add(s, Leaf(pos_++));
    }
    return Emit(root);
  }

 private:
  // ---- nodes
  int Make(std::string_view label) {
    nodes_.push_back(Node{label, -1});
    return static_cast<int>(nodes_.size() - 1);
  }
  int Leaf(uint32_t t) {
    nodes_.push_back(Node{PosTagName(tags_[t]), static_cast<int>(t)});
    return static_cast<int>(nodes_.size() - 1);
  }
  void Add(int parent, int child) {
    Node& p = nodes_[static_cast<size_t>(parent)];
    if (p.last >= 0) nodes_[static_cast<size_t>(p.last)].next = child;
    else p.first = child;
    p.last = child;
    ++p.count;
  }
  int Count(int id) const { return nodes_[static_cast<size_t>(id)].count; }
  int Wrap(std::string_view label, int child) {
    const int w = Make(label);
    Add(w, child);
    return w;
  }

  // ---- token tests
  PosTag Tag(uint32_t i) const { return i < n_ ? tags_[i] : PosTag::kPeriod; }
  std::string_view Key(uint32_t i) const { return i < n_ ? std::string_view(toks_[i].key) : std::string_view(); }
  bool AtEnd(uint32_t i) const { return i >= n_; }
  bool IsSentenceEnd(uint32_t i) const { return i >= n_ || (Tag(i) == PosTag::kPeriod && i + 1 >= n_); }
  bool IsVerbStart(uint32_t i) const { return i < n_ && (IsVerbTag(Tag(i)) || Tag(i) == PosTag::kMD); }
  // A finite verb at i, after adverbs ("also said").
  bool FiniteAt(uint32_t i) const {
    while (i < n_ && Tag(i) == PosTag::kRB) ++i;
    return i < n_ && IsFiniteTag(Tag(i));
  }
  bool NounStart(uint32_t i) const {
    if (i >= n_) return false;
    if (keep_end_[i] > 0) return true;
    switch (Tag(i)) {
      case PosTag::kDT: case PosTag::kPDT: case PosTag::kPRPS: case PosTag::kPRP: case PosTag::kEX:
      case PosTag::kCD: case PosTag::kNN: case PosTag::kNNS: case PosTag::kNNP: case PosTag::kNNPS:
      case PosTag::kJJ: case PosTag::kJJR: case PosTag::kJJS: case PosTag::kDollar: case PosTag::kHash:
      case PosTag::kFW:
        return true;
      case PosTag::kVBG: case PosTag::kVBN:  // "armed groups"
        return i + 1 < n_ && (IsNounTag(Tag(i + 1)) || keep_end_[i + 1] > 0);
      default:
        return false;
    }
  }
  // A hyphen or underscore written against the word before it and followed by a noun
  // ("anti- Gondor", "Dol_Amroth"): part of the noun phrase.
  bool Joiner(uint32_t i) const {
    if (i == 0 || i + 1 >= n_) return false;
    if (Tag(i) != PosTag::kColon && Tag(i) != PosTag::kSYM) return false;
    if (Key(i) != "-" && Key(i) != "_") return false;
    if (toks_[i - 1].end != toks_[i].begin) return false;
    return NounStart(i + 1) && Tag(i + 1) != PosTag::kDT && Tag(i + 1) != PosTag::kPRP;
  }
  // May token i continue a base noun phrase (not open one)?
  bool NounInner(uint32_t i) const {
    if (i >= n_) return false;
    switch (Tag(i)) {
      case PosTag::kCD: case PosTag::kNN: case PosTag::kNNS: case PosTag::kNNP: case PosTag::kNNPS:
      case PosTag::kJJ: case PosTag::kJJR: case PosTag::kJJS: case PosTag::kFW: case PosTag::kPRPS:
        return true;
      case PosTag::kVBG: case PosTag::kVBN:
        // A participle modifies a noun before it ("the armed groups"); after a noun it is a
        // verb ("police arrested students", "the parade supporting Gondor").
        return i + 1 < n_ && (IsNounTag(Tag(i + 1)) || IsAdjectiveTag(Tag(i + 1))) && i > 0 &&
               !IsNounTag(Tag(i - 1));
      case PosTag::kRB:  // "very large", "a clearly inebriated official"
        return i + 2 < n_ && (IsAdjectiveTag(Tag(i + 1)) || Tag(i + 1) == PosTag::kVBN) &&
               (IsNounTag(Tag(i + 2)) || IsAdjectiveTag(Tag(i + 2)));
      case PosTag::kCC:  // "awful and evil minister" (read as an ADJP by BaseNP)
        return i > 0 && i + 2 < n_ && IsAdjectiveTag(Tag(i - 1)) && IsAdjectiveTag(Tag(i + 1)) &&
               (IsNounTag(Tag(i + 2)) || IsAdjectiveTag(Tag(i + 2)));
      default:
        return Joiner(i);
    }
  }

  // End of the base noun phrase starting at i (i itself if none). A possessive marker ends
  // it (BaseNP reads on after the marker); a dictionary phrase starting inside reaches on.
  uint32_t BaseEnd(uint32_t i) const {
    if (!NounStart(i)) return i;
    uint32_t reach = 0;
    uint32_t j = i;
    auto take = [&](uint32_t k) {
      if (keep_end_[k] > reach) reach = keep_end_[k];
    };
    take(j);
    const PosTag first = Tag(j);
    ++j;
    if (first == PosTag::kPRP || first == PosTag::kEX) return std::max(j, reach);
    // "neither A nor B", "both A and B": the determiner stands alone before the compound.
    if (first == PosTag::kDT && In(Key(i), {"neither", "either", "both"}) && reach == 0 && NounStart(j) &&
        Tag(j) != PosTag::kDT)
      return j;
    if (first == PosTag::kPDT && j < n_ && (Tag(j) == PosTag::kDT || Tag(j) == PosTag::kPRPS)) ++j;
    while (j < n_ && (j < reach || NounInner(j) || (Tag(j) == PosTag::kDT && first == PosTag::kPDT))) {
      take(j);
      ++j;
    }
    return std::max(j, reach);
  }

  // ---- phrases

  // The words [from, to) of a base NP under `np`; coordinated adjectives form an ADJP,
  // "(ADJP (JJ awful) (CC and) (JJ evil))", which is not a compound of the noun phrase.
  void AddWords(int np, uint32_t from, uint32_t to) {
    for (uint32_t k = from; k < to; ++k) {
      if (k + 2 < to && IsAdjectiveTag(Tag(k)) && Tag(k + 1) == PosTag::kCC && keep_end_[k] == 0) {
        const int adjp = Make("ADJP");
        for (uint32_t a = k; a < k + 3; ++a) Add(adjp, Leaf(a));
        Add(np, adjp);
        k += 2;
        continue;
      }
      Add(np, Leaf(k));
    }
  }

  // A base NP at pos_, with possessives: "(NP (NP Arnor 's) new president)".
  int BaseNP() {
    const uint32_t end = BaseEnd(pos_);
    int np = Make("NP");
    AddWords(np, pos_, end);
    pos_ = end;
    while (pos_ < n_ && Tag(pos_) == PosTag::kPOS) {
      Add(np, Leaf(pos_++));
      const int outer = Make("NP");
      Add(outer, np);
      np = outer;
      const uint32_t e = NounStart(pos_) && Tag(pos_) != PosTag::kPRP ? BaseEnd(pos_) : pos_;
      AddWords(np, pos_, e);
      pos_ = e;
    }
    return np;
  }

  // A finite verb from i to the end of the sentence, outside subordinate clauses.
  bool FiniteLater(uint32_t i) const {
    for (; i < n_; ++i) {
      if (IsFiniteTag(Tag(i))) return true;
      if (Tag(i) == PosTag::kWDT || Tag(i) == PosTag::kWP) return false;
    }
    return false;
  }

  // Is there a clause (a noun phrase then a finite verb) at i?
  bool ClauseAt(uint32_t i) const {
    if (!NounStart(i)) return false;
    uint32_t e = BaseEnd(i);
    // Possessives, "of" phrases and coordinated noun phrases inside the subject (a comma
    // only inside a list closed by a conjunction: "A, B and C")
    bool open_list = false;
    for (int guard = 0; guard < 6 && e + 1 < n_; ++guard) {
      if (Tag(e) == PosTag::kPOS) {
        e = std::max(BaseEnd(e + 1), e + 1);
        continue;
      }
      const bool of = Tag(e) == PosTag::kIN && Key(e) == "of";
      const bool conjunction = Tag(e) == PosTag::kCC && In(Key(e), {"and", "or", "nor"});
      const bool comma = Tag(e) == PosTag::kComma && Tag(e + 1) != PosTag::kPRP;
      if (!(of || conjunction || comma) || !NounStart(e + 1)) break;
      open_list = comma || (open_list && !conjunction);
      e = BaseEnd(e + 1);
    }
    return !open_list && FiniteAt(e);
  }

  // NP with its "of" phrases (any prepositional phrase in subject position).
  int NPWithPP(bool subject) {
    int np = BaseNP();
    while (pos_ + 1 < n_ && Tag(pos_) == PosTag::kIN && NounStart(pos_ + 1)) {
      const std::string_view k = Key(pos_);
      const bool of = k == "of";
      if (!of && !subject) break;
      if (!of && (IsSubordinator(k) && ClauseAt(pos_ + 1))) break;
      if (!of && In(k, {"than"})) break;
      const int outer = Make("NP");
      Add(outer, np);
      const int pp = Make("PP");
      Add(pp, Leaf(pos_++));
      Add(pp, Coordination(BaseNP(), subject, false));
      Add(outer, pp);
      np = outer;
    }
    return np;
  }

  // Coordination after the noun phrase `np` just read: "A and B", "A, B and C". Outside
  // the subject, not when the element after the conjunction opens a clause of its own
  // ("... attacked A and B said"). Elements are base NPs, with their "of" phrases when
  // `with_pp`.
  int Coordination(int np, bool subject, bool with_pp) {
    auto element_end = [&](uint32_t i) {
      uint32_t e = BaseEnd(i);
      while (with_pp && e < n_ && Tag(e) == PosTag::kIN && Key(e) == "of" && NounStart(e + 1)) e = BaseEnd(e + 1);
      return e;
    };
    uint32_t j = pos_;
    bool ok = false;
    while (j < n_) {
      if (Tag(j) == PosTag::kComma && NounStart(j + 1) && Tag(j + 1) != PosTag::kPRP) {
        const uint32_t e = element_end(j + 1);
        if (e < n_ && (Tag(e) == PosTag::kCC || Tag(e) == PosTag::kComma)) {
          j = e;
          continue;
        }
        break;
      }
      if (Tag(j) == PosTag::kComma && j + 1 < n_ && Tag(j + 1) == PosTag::kCC) {
        ++j;
        continue;
      }
      if (Tag(j) == PosTag::kCC && In(Key(j), {"and", "or", "nor"}) && NounStart(j + 1) &&
          Tag(j + 1) != PosTag::kPRP && (subject || (!ClauseAt(j + 1) && !IsVerbTag(Tag(j + 1)))))
        ok = true;
      break;
    }
    if (!ok) return np;
    // "Danish media and government": common nouns sharing their modifiers stay one flat
    // phrase, "(NP (JJ danish) (NNS media) (CC and) (NN government))", as a parser gives it.
    if (j == pos_ && Count(np) >= 1 && LeavesOnly(np) &&
        (Tag(pos_ - 1) == PosTag::kNN || Tag(pos_ - 1) == PosTag::kNNS)) {
      const uint32_t e = BaseEnd(pos_ + 1);
      bool common = e > pos_ + 1 && (e >= n_ || Tag(e) != PosTag::kPOS);
      for (uint32_t k = pos_ + 1; k < e && common; ++k)
        common = (Tag(k) == PosTag::kNN || Tag(k) == PosTag::kNNS) && keep_end_[k] == 0;
      if (common) {
        while (pos_ < e) Add(np, Leaf(pos_++));
        return np;
      }
    }
    const int c = Make("NP");
    Add(c, np);
    while (pos_ < n_) {
      if (Tag(pos_) == PosTag::kComma) {
        Add(c, Leaf(pos_++));
        continue;
      }
      if (Tag(pos_) == PosTag::kCC) {
        Add(c, Leaf(pos_++));
        Add(c, with_pp ? NPWithPP(false) : BaseNP());
        break;
      }
      if (NounStart(pos_)) {
        Add(c, with_pp ? NPWithPP(false) : BaseNP());
        continue;
      }
      break;
    }
    return c;
  }

  bool LeavesOnly(int id) const {
    for (int k = nodes_[static_cast<size_t>(id)].first; k >= 0; k = nodes_[static_cast<size_t>(k)].next)
      if (nodes_[static_cast<size_t>(k)].token < 0) return false;
    return true;
  }

  // A full noun phrase: coordination, relative clauses, appositives.
  int FullNP(bool subject) {
    int np = Coordination(NPWithPP(subject), subject, true);
    // "Lawmakers and officials in Fornost and Gondor": a phrase after a coordinated subject.
    while (subject && np >= 0 && Count(np) > 2 && pos_ + 1 < n_ &&
           Tag(pos_) == PosTag::kIN && NounStart(pos_ + 1) && !(IsSubordinator(Key(pos_)) && ClauseAt(pos_ + 1))) {
      const int outer = Make("NP");
      Add(outer, np);
      const int pp = Make("PP");
      Add(pp, Leaf(pos_++));
      Add(pp, Coordination(BaseNP(), true, false));
      Add(outer, pp);
      np = outer;
    }
    // A reduced relative clause: "remarks published on Monday"; in the subject only with
    // "by" and a finite verb after it ("Rebels backed by Y attacked"), as a participle
    // there is more often the main verb ("The leaders called for ...").
    if (pos_ + 1 < n_ && Tag(pos_) == PosTag::kVBN && (Tag(pos_ + 1) == PosTag::kIN || Tag(pos_ + 1) == PosTag::kTO) &&
        (!subject || (Key(pos_ + 1) == "by" && FiniteLater(pos_ + 1)))) {
      const int outer = Make("NP");
      Add(outer, np);
      const int vp = Make("VP");
      Add(vp, Leaf(pos_++));
      const int pp = Make("PP");
      Add(pp, Leaf(pos_++));
      if (NounStart(pos_)) Add(pp, NPWithPP(false));
      Add(vp, pp);
      Add(outer, vp);
      np = outer;
    }
    // Relative clause: "X, who ...", "X which ...", "X that <verb>".
    {
      uint32_t j = pos_;
      if (j < n_ && Tag(j) == PosTag::kComma) ++j;
      const bool wh = j < n_ && (Tag(j) == PosTag::kWDT || Tag(j) == PosTag::kWP || Tag(j) == PosTag::kWPS);
      const bool that = j < n_ && Key(j) == "that" && j == pos_ && FiniteAt(j + 1);
      if (wh || that) {
        const bool had_comma = j > pos_;
        const int outer = Make("NP");
        Add(outer, np);
        if (had_comma) Add(outer, Leaf(pos_++));
        Add(outer, Relative());
        if (had_comma && subject && pos_ < n_ && Tag(pos_) == PosTag::kComma) Add(outer, Leaf(pos_++));
        np = outer;
      }
    }
    // Appositive before the verb: "X, the leader of Y, said".
    if (subject && pos_ < n_ && Tag(pos_) == PosTag::kComma && NounStart(pos_ + 1)) {
      const uint32_t save = pos_;
      uint32_t e = BaseEnd(pos_ + 1);
      while (e < n_ && Tag(e) == PosTag::kIN && NounStart(e + 1)) e = BaseEnd(e + 1);
      if (e < n_ && Tag(e) == PosTag::kComma && FiniteAt(e + 1)) {
        const int outer = Make("NP");
        Add(outer, np);
        Add(outer, Leaf(pos_++));
        Add(outer, NPWithPP(true));
        if (pos_ == e) {
          Add(outer, Leaf(pos_++));
          np = outer;
        } else {
          pos_ = save;  // shapes disagree: drop (nodes stay unreferenced)
        }
      }
    }
    return np;
  }

  // "(SBAR (WHNP (WP who)) (S (VP ...)))" at a wh-word or "that".
  int Relative() {
    const int sbar = Make("SBAR");
    const PosTag t = Tag(pos_);
    const std::string_view wl = t == PosTag::kWRB ? "WHADVP" : "WHNP";
    Add(sbar, Wrap(wl, Leaf(pos_++)));
    const int s = Make("S");
    Add(sbar, s);
    if (IsVerbStart(pos_) || (Tag(pos_) == PosTag::kRB && IsVerbStart(pos_ + 1))) {
      while (Tag(pos_) == PosTag::kRB) Add(s, Wrap("ADVP", Leaf(pos_++)));
      Add(s, VerbPhrase());
    } else {
      Clause(s, false);
    }
    return sbar;
  }

  // A verb group and its complements, with coordination: "(VP (VP ...) (CC and) (VP ...))".
  int VerbPhrase() {
    int vp = VerbGroup();
    // Coordinated verb phrases: "and (then) <verb>", ", and <verb>".
    while (pos_ < n_) {
      uint32_t j = pos_;
      if (Tag(j) == PosTag::kComma) ++j;
      if (!(j < n_ && Tag(j) == PosTag::kCC)) break;
      uint32_t v = j + 1;
      while (v < n_ && Tag(v) == PosTag::kRB) ++v;
      if (!IsVerbStart(v)) break;
      if (Count(vp) == 0) break;
      const int outer = Make("VP");
      Add(outer, vp);
      while (pos_ <= j) Add(outer, Leaf(pos_++));
      while (Tag(pos_) == PosTag::kRB) Add(outer, Wrap("ADVP", Leaf(pos_++)));
      Add(outer, VerbGroup());
      vp = outer;
    }
    return vp;
  }

  // "(VP (MD will) (RB not) (VP (VB meet) ...))": auxiliaries nest; the last verb takes the
  // complements.
  int VerbGroup() {
    const int vp = Make("VP");
    if (pos_ >= n_) return vp;
    Add(vp, Leaf(pos_));
    const uint32_t v = pos_++;
    const bool aux_like = Tag(v) == PosTag::kMD || Tag(v) == PosTag::kTO || IsAuxiliaryKey(Key(v));
    if (aux_like) {
      uint32_t j = pos_;
      while (j < n_ && (Tag(j) == PosTag::kRB)) ++j;
      if (j < n_ && IsVerbTag(Tag(j))) {
        while (pos_ < j) Add(vp, Leaf(pos_++));  // (RB not)
        Add(vp, VerbGroup());
        return vp;
      }
    }
    Complements(vp, v);
    return vp;
  }

  // Complements of the verb in `vp` (token `verb`), up to the end of its clause.
  void Complements(int vp, uint32_t verb) {
    while (pos_ < n_) {
      const PosTag t = Tag(pos_);
      const std::string_view k = Key(pos_);
      if (IsSentenceEnd(pos_)) return;
      switch (t) {
        case PosTag::kRP:
          Add(vp, Wrap("PRT", Leaf(pos_++)));
          continue;
        case PosTag::kColon:
          return;
        case PosTag::kCC:
          return;  // coordination is read by the callers
        case PosTag::kComma: {
          const uint32_t j = pos_ + 1;
          if (j >= n_ || introductory_) return;
          if (Tag(j) == PosTag::kCC) return;
          if (ClauseAt(j)) return;  // ", the minister said" / a new clause
          if (IsReportingKey(Key(j)) && IsVerbTag(Tag(j))) return;  // ", said X"
          if (Key(j) == "according") return;
          if (Tag(j) == PosTag::kWDT || Tag(j) == PosTag::kWP) {
            Add(vp, Leaf(pos_++));
            Add(vp, Relative());
            continue;
          }
          if (Tag(j) == PosTag::kVBG || Tag(j) == PosTag::kIN || Tag(j) == PosTag::kTO || NounStart(j) ||
              Tag(j) == PosTag::kRB || Tag(j) == PosTag::kVBN) {
            Add(vp, Leaf(pos_++));
            continue;
          }
          return;
        }
        case PosTag::kIN: {
          if (k == "according") return;
          if (IsSubordinator(k) && (ClauseAt(pos_ + 1) || (k == "that" && NounStart(pos_ + 1)))) {
            const int sbar = Make("SBAR");
            Add(sbar, Leaf(pos_++));
            const int s = Make("S");
            Clause(s, false);
            Add(sbar, s);
            Add(vp, sbar);
            continue;
          }
          if (k == "that" && IsVerbStart(pos_ + 1)) {
            Add(vp, Relative());
            continue;
          }
          const int pp = Make("PP");
          Add(pp, Leaf(pos_++));
          if (NounStart(pos_)) {
            Add(pp, FullNP(false));
          } else if (Tag(pos_) == PosTag::kVBG) {
            const int s = Make("S");
            Add(s, VerbPhrase());
            Add(pp, s);
          }
          Add(vp, pp);
          continue;
        }
        case PosTag::kTO: {
          if (IsVerbStart(pos_ + 1) || (Tag(pos_ + 1) == PosTag::kRB && IsVerbStart(pos_ + 2))) {
            const int s = Make("S");
            const int inner = Make("VP");
            Add(inner, Leaf(pos_++));
            while (Tag(pos_) == PosTag::kRB) Add(inner, Leaf(pos_++));
            Add(inner, VerbPhrase());
            Add(s, inner);
            Add(vp, s);
            continue;
          }
          const int pp = Make("PP");
          Add(pp, Leaf(pos_++));
          if (NounStart(pos_)) Add(pp, FullNP(false));
          Add(vp, pp);
          continue;
        }
        case PosTag::kWDT: case PosTag::kWP: case PosTag::kWRB:
          Add(vp, Relative());
          continue;
        case PosTag::kRB: case PosTag::kRBR: case PosTag::kRBS:
          if (IsVerbStart(pos_ + 1) && IsFiniteTag(Tag(pos_ + 1))) return;
          Add(vp, Wrap("ADVP", Leaf(pos_++)));
          continue;
        case PosTag::kVBG: case PosTag::kVBN: case PosTag::kVB: {
          if (NounStart(pos_)) break;  // "armed groups"
          const int s = Make("S");
          Add(s, VerbPhrase());
          Add(vp, s);
          continue;
        }
        case PosTag::kVBD: case PosTag::kVBZ: case PosTag::kVBP: case PosTag::kMD:
          // A finite verb with no subject here: a clause of its own (tagging slips).
          return;
        default:
          break;
      }
      if (NounStart(pos_)) {
        // A complement clause: "said (the army attacked ...)"; after a reporting verb a
        // participle may be the clause's verb too ("says its forces killed", tagged VBN).
        const uint32_t e = BaseEnd(pos_);
        if (ClauseAt(pos_) || (IsReportingKey(Key(verb)) && e + 1 < n_ && Tag(e) == PosTag::kVBN &&
                               (NounStart(e + 1) || Tag(e + 1) == PosTag::kIN))) {
          const int sbar = Make("SBAR");
          const int s = Make("S");
          Clause(s, false);
          Add(sbar, s);
          Add(vp, sbar);
          continue;
        }
        // A lone adjective is a predicate ("shot dead"), unless "of" follows ("several of").
        const bool adjective_only = IsAdjectiveTag(t) && BaseEnd(pos_) == pos_ + 1 && Key(pos_ + 1) != "of";
        if (adjective_only) {
          Add(vp, Wrap("ADJP", Leaf(pos_++)));
          continue;
        }
        Add(vp, FullNP(false));
        continue;
      }
      // Anything else (quotes, brackets, symbols): a word of the phrase.
      Add(vp, Leaf(pos_++));
    }
  }

  // A clause into `s`: introductory phrases, subject, verb phrase, reporting tail, and
  // coordinated clauses (when `top`, the final period too).
  void Clause(int s, bool top) {
    const uint32_t start = pos_;
    bool subject_done = false, verb_done = false;
    while (pos_ < n_) {
      const PosTag t = Tag(pos_);
      const std::string_view k = Key(pos_);
      if (top && IsSentenceEnd(pos_)) {
        Add(s, Leaf(pos_++));
        return;
      }
      if (!top && IsSentenceEnd(pos_)) return;
      if (verb_done) {
        // After the verb phrase: a reporting tail, a coordinated clause, or the end.
        if (t == PosTag::kComma && pos_ + 1 < n_ &&
            ((ClauseAt(pos_ + 1) && top) || (IsReportingKey(Key(pos_ + 1)) && IsVerbTag(Tag(pos_ + 1))) ||
             Key(pos_ + 1) == "according")) {
          if (!top) return;
          Add(s, Leaf(pos_++));
          verb_done = subject_done = false;
          // A tail "said X" / "according to X", or a new clause.
          continue;
        }
        if ((t == PosTag::kCC || (t == PosTag::kComma && Tag(pos_ + 1) == PosTag::kCC)) ) {
          uint32_t j = t == PosTag::kComma ? pos_ + 1 : pos_;
          if (ClauseAt(j + 1) || (j + 1 < n_ && (Tag(j + 1) == PosTag::kIN || Tag(j + 1) == PosTag::kRB))) {
            if (!top) return;
            // "(S (S ...) (CC but) (S ...))"
            const int left = Make("S");
            Node& sn = nodes_[static_cast<size_t>(s)];
            Node& ln = nodes_[static_cast<size_t>(left)];
            ln.first = sn.first;
            ln.last = sn.last;
            ln.count = sn.count;
            sn.first = sn.last = -1;
            sn.count = 0;
            Add(s, left);
            while (pos_ <= j) Add(s, Leaf(pos_++));
            const int right = Make("S");
            Clause(right, false);
            Add(s, right);
            continue;
          }
        }
        if (t == PosTag::kColon && top) {
          Add(s, Leaf(pos_++));
          const int right = Make("S");
          Clause(right, false);
          if (Count(right) > 0) Add(s, right);
          continue;
        }
        if (!top) return;
        // Leftovers of the clause.
        if (IsVerbStart(pos_)) {
          Add(s, VerbPhrase());
          continue;
        }
        if (NounStart(pos_)) {
          Add(s, FullNP(false));
          continue;
        }
        Add(s, Leaf(pos_++));
        continue;
      }
      // Before the verb.
      if (t == PosTag::kVBG && k == "according" && Tag(pos_ + 1) == PosTag::kTO) {
        const int pp = Make("PP");
        Add(pp, Leaf(pos_++));
        const int inner = Make("PP");
        Add(inner, Leaf(pos_++));
        if (NounStart(pos_)) Add(inner, FullNP(false));
        Add(pp, inner);
        Add(s, pp);
        continue;
      }
      if (k == "according" && pos_ + 1 < n_ && Key(pos_ + 1) == "to") {
        const int pp = Make("PP");
        Add(pp, Leaf(pos_++));
        const int inner = Make("PP");
        Add(inner, Leaf(pos_++));
        if (NounStart(pos_)) Add(inner, FullNP(false));
        Add(pp, inner);
        Add(s, pp);
        continue;
      }
      if (t == PosTag::kComma || t == PosTag::kOpenQuote || t == PosTag::kCloseQuote ||
          t == PosTag::kLeftBracket || t == PosTag::kRightBracket || t == PosTag::kColon) {
        if (!top && pos_ > start && t == PosTag::kComma && subject_done) return;
        Add(s, Leaf(pos_++));
        continue;
      }
      if (t == PosTag::kCC && !subject_done) {
        Add(s, Leaf(pos_++));
        continue;
      }
      if (t == PosTag::kRB || t == PosTag::kRBR) {
        if (IsVerbStart(pos_ + 1) && subject_done) {
          Add(s, Wrap("ADVP", Leaf(pos_++)));
          continue;
        }
        Add(s, Wrap("ADVP", Leaf(pos_++)));
        continue;
      }
      if (t == PosTag::kIN || (t == PosTag::kWRB && !subject_done)) {
        if ((IsSubordinator(k) || t == PosTag::kWRB) && ClauseAt(pos_ + 1)) {
          const int sbar = Make("SBAR");
          Add(sbar, t == PosTag::kWRB ? Wrap("WHADVP", Leaf(pos_++)) : Leaf(pos_++));
          const int inner = Make("S");
          // An introductory clause ends at its comma: "After rebels attacked, troops ...".
          const bool was = introductory_;
          introductory_ = !subject_done;
          Clause(inner, false);
          introductory_ = was;
          Add(sbar, inner);
          Add(s, sbar);
          continue;
        }
        const int pp = Make("PP");
        Add(pp, Leaf(pos_++));
        if (NounStart(pos_)) Add(pp, FullNP(false));
        else if (Tag(pos_) == PosTag::kVBG) Add(pp, Wrap("S", VerbPhrase()));
        Add(s, pp);
        continue;
      }
      if (t == PosTag::kVBG && !subject_done && !NounStart(pos_)) {
        // "Speaking to reporters, X said": a participial clause.
        Add(s, Wrap("S", VerbPhrase()));
        continue;
      }
      if (IsVerbStart(pos_)) {
        Add(s, VerbPhrase());
        verb_done = true;
        continue;
      }
      if (!subject_done && NounStart(pos_)) {
        Add(s, FullNP(true));
        subject_done = true;
        continue;
      }
      if (subject_done && NounStart(pos_)) {
        // A second noun phrase before any verb ("Arnor, Gondor ..."): read as part of the
        // clause.
        Add(s, FullNP(true));
        continue;
      }
      Add(s, Leaf(pos_++));
    }
  }

  // ---- output: pre-order, children after their parent, token ranges.
  std::shared_ptr<ParseTree> Emit(int root) {
    auto tree = std::make_shared<ParseTree>();
    tree->nodes.reserve(nodes_.size());
    EmitNode(root, -1, tree.get());
    return tree;
  }
  uint32_t EmitNode(int id, int parent, ParseTree* tree) {
    const Node& src = nodes_[static_cast<size_t>(id)];
    const int out = static_cast<int>(tree->nodes.size());
    tree->nodes.emplace_back();
    {
      ParseNode& pn = tree->nodes.back();
      pn.label = std::string(src.label);
      pn.parent = parent;
    }
    if (parent >= 0) tree->nodes[static_cast<size_t>(parent)].children.push_back(out);
    if (src.token >= 0) {
      ParseNode& pn = tree->nodes[static_cast<size_t>(out)];
      pn.preterminal = true;
      pn.first_token = static_cast<uint32_t>(src.token);
      pn.end_token = pn.first_token + 1;
      next_token_ = pn.end_token;
      return pn.end_token;
    }
    uint32_t first = next_token_, end = next_token_;
    tree->nodes[static_cast<size_t>(out)].children.reserve(static_cast<size_t>(src.count));
    for (int kid = src.first; kid >= 0; kid = nodes_[static_cast<size_t>(kid)].next) {
      const uint32_t e = EmitNode(kid, out, tree);
      end = std::max(end, e);
    }
    ParseNode& pn = tree->nodes[static_cast<size_t>(out)];
    pn.first_token = first;
    pn.end_token = end;
    next_token_ = end;
    return end;
  }

  const std::vector<Token>& toks_;
  std::vector<PosTag> tags_;  // the tagger's, with the corrections of Retag
  const uint32_t n_;
  std::vector<uint32_t> keep_end_;
  std::vector<Node> nodes_;
  uint32_t pos_ = 0;
  uint32_t next_token_ = 0;
  bool introductory_ = false;  // inside a clause before the main subject: a comma ends it
};

void AppendTree(const ParseTree& tree, const std::vector<Token>& tokens, int id, std::string* out) {
  const ParseNode& n = tree.nodes[static_cast<size_t>(id)];
  out->push_back('(');
  *out += n.label;
  if (n.preterminal) {
    out->push_back(' ');
    *out += n.first_token < tokens.size() ? tokens[n.first_token].key : std::string("?");
  }
  for (int c : n.children) {
    out->push_back(' ');
    AppendTree(tree, tokens, c, out);
  }
  out->push_back(')');
}

}  // namespace

std::shared_ptr<ParseTree> BuildPhraseTree(const std::vector<Token>& tokens, const std::vector<PosTag>& tags,
                                           const std::vector<TokenSpan>& keep_together) {
  PhraseParser parser(tokens, tags, keep_together);
  return parser.Run();
}

std::string PhraseTreeString(const ParseTree& tree, const std::vector<Token>& tokens) {
  std::string out;
  if (!tree.nodes.empty()) AppendTree(tree, tokens, 0, &out);
  return out;
}

}  // namespace griot

// Coder::CodeDocument is the one entry point. For each sentence it finds actor mentions,
// places and dates (mentions.cc), then every verb of the verb dictionaries, and for each
// verb: the best pattern of its block, the source and target, the modality, and the events
// (one per source x target of compound actors). The procedure follows TABARI's sparse
// parsing: the subject is the nearest actor before the verb in its clause, the object the
// first actor after it, with passive voice, "by" phrases, coordinated verbs and nominal
// triggers handled explicitly. On tagged raw text the clause rules of coding/roles.h refine
// both (inserts between subject and verb, infinitives, reduced passives, object limits).
#include "coding/coder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "base/strings.h"
#include "base/utf8.h"
#include "coding/deep_parse.h"
#include "coding/mentions.h"
#include "coding/petrarch1_coder.h"
#include "coding/raw_structure.h"
#include "coding/references.h"
#include "coding/roles.h"
#include "structure/treebank.h"

namespace griot {

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kReported: return "reported";
    case Modality::kAlleged: return "alleged";
    case Modality::kNegated: return "negated";
    case Modality::kFuture: return "future";
  }
  return "asserted";
}

std::string MakeEventId(const std::string& doc_id, uint32_t sentence, uint32_t trigger_begin,
                        const std::string& source, const std::string& target,
                        const std::string& code) {
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0xFF;
    h *= 1099511628211ULL;
  };
  mix(doc_id);
  std::string number;
  AppendDecimal(&number, sentence);
  mix(number);
  number.clear();
  AppendDecimal(&number, trigger_begin);
  mix(number);
  mix(source);
  mix(target);
  mix(code);
  return Hex16(h);
}

namespace {

bool In(std::string_view key, std::initializer_list<std::string_view> set) { return IsOneOf(key, set); }

// A pattern word the tokenizer may cut into several tokens ("ANTI-"): not a single key.
bool SplitByTokenizer(std::string_view key) { return key.find_first_of("-./") != std::string_view::npos; }

bool IsBoundary(const Token& t) { return In(t.key, {";", ":", "--", "\xE2\x80\x94"}); }

bool IsNounMarker(const Token& t) {
  return In(t.key, {"the", "a", "an", "its", "their", "his", "her", "our", "'s", "this", "these",
                    "those", "every", "each", "any", "no", "such", "first", "latest", "new",
                    "recent", "deadly", "major", "further", "fresh", "of"});
}

bool LooksAdjective(std::string_view k) {
  for (std::string_view suffix : {"al", "ical", "ic", "ous", "ive", "ful", "less", "ary", "ian", "ese", "ish"})
    if (k.size() > suffix.size() + 2 && k.ends_with(suffix)) return true;
  return false;
}

bool IsBeAux(std::string_view k) {
  return In(k, {"was", "were", "been", "being", "is", "are", "be", "'s", "got", "get", "gets"});
}

struct VerbHit {
  uint32_t first = 0, end = 0;  // tokens of the whole (multi-word) form
  uint32_t verb = 0;            // the inflected token
  uint32_t form = 0;
  bool passive = false;
  bool noun = false;
  int source_group = -2;  // resolved later
  int target_group = -2;
};

struct Roles {
  int source = -1;  // mention index
  int target = -1;
  bool source_bound = false, target_bound = false;
};

class SentenceCoder {
 public:
  SentenceCoder(const DictionarySet& dicts, const CoderOptions& options, const Document& doc,
                const Sentence& s, std::vector<ActorMention> mentions,
                const std::unordered_set<std::string>& doc_countries,
                const PatternTables& patterns, std::vector<Event>* out, std::string* complex)
      : dicts_(dicts), options_(options), doc_(doc), s_(s), mentions_(std::move(mentions)),
        patterns_(patterns), out_(out), complex_(complex) {
    places_ = FindPlaces(s_, dicts_, doc_countries, &mentions_);
    if (doc_.date) dates_ = FindDates(s_, *doc_.date);
    covered_.assign(s_.tokens.size(), -1);
    for (size_t m = 0; m < mentions_.size(); ++m) {
      for (uint32_t t = mentions_[m].first; t < mentions_[m].end; ++t) covered_[t] = static_cast<int>(m);
      for (uint32_t k = 0; k < 64; ++k)
        if ((mentions_[m].tail >> k) & 1 && mentions_[m].first + k < n()) covered_[mentions_[m].first + k] = static_cast<int>(m);
    }
    for (const PlaceMention& p : places_)
      for (uint32_t t = p.first; t < p.end; ++t) covered_[t] = -2;
  }

  void Run() {
    token_hashes_.clear();
    for (size_t t = 0; t < s_.tokens.size(); ++t) {
      const uint64_t h = KeyHash(s_, t);
      token_hashes_.push_back(h);
      sentence_signature_ |= WordSignature(h);
    }
    if (group_seen_.size() != patterns_.groups.size()) {
      group_seen_.assign(patterns_.groups.size(), 0);
      group_present_.assign(patterns_.groups.size(), 0);
    }
    if (++sentence_serial_ == 0) {  // wrapped: forget every answer
      std::fill(group_seen_.begin(), group_seen_.end(), 0);
      sentence_serial_ = 1;
    }
    // An open-addressed set of the token hashes, at most a quarter full (HashKey is never 0,
    // the empty mark): the pattern filters ask it many times per verb.
    size_t slots = 64;
    while (slots < token_hashes_.size() * 4) slots *= 2;
    sentence_keys_.assign(slots, 0);
    for (const uint64_t h : token_hashes_) {
      size_t i = h & (slots - 1);
      while (sentence_keys_[i] != 0 && sentence_keys_[i] != h) i = (i + 1) & (slots - 1);
      sentence_keys_[i] = h;
    }
    IndexTree();
    if (!s_.tree && !options_.mentions.compounds_from_and) GroupCoordinatedMentions(s_, &mentions_);
    roles_.emplace(s_, mentions_);  // clause rules for roles on tagged raw text (roles.h)
    FindVerbs();
    if (options_.complex_verbs > 0 || options_.complex_conjunctions > 0 || options_.complex_no_actor_prior) {
      // TABARI's complexity filter: a complex sentence is not coded.
      std::string why = Complexity();
      if (!why.empty()) {
        if (complex_->empty()) *complex_ = std::move(why);
        return;
      }
    }
    const size_t first_event = out_->size();
    size_t coded_verb = SIZE_MAX;  // the last verb that yielded an event (CoderOptions::code_by)
    for (size_t v = 0; v < verbs_.size(); ++v) {
      if (coded_verb != SIZE_MAX && options_.code_by != CoderOptions::CodeBy::kAll &&
          (options_.code_by == CoderOptions::CodeBy::kSentence || !ClauseBreakBetween(coded_verb, v)))
        continue;
      if (options_.skip_short_clauses && InShortClause(verbs_[v])) continue;
      const size_t before = out_->size();
      CodeVerb(v);
      // A verb coded only with a subordinate code ('?') leaves its clause open.
      bool main_event = false;
      for (size_t e = before; e < out_->size(); ++e) main_event |= !subordinate_[e - first_event];
      if (main_event) coded_verb = v;
    }
    // A dominant code ('!') once coded is the sentence's only code.
    if (options_.dominant_codes && out_->size() > first_event) {
      bool dominant = false;
      for (size_t e = first_event; e < out_->size(); ++e) dominant |= dominant_[e - first_event];
      if (dominant) {
        size_t keep = first_event;
        for (size_t e = first_event; e < out_->size(); ++e)
          if (dominant_[e - first_event]) {
            if (keep != e) (*out_)[keep] = std::move((*out_)[e]);
            subordinate_[keep - first_event] = subordinate_[e - first_event];
            ++keep;
          }
        out_->resize(keep);
      }
    }
    // A subordinate code ('?') stands only when nothing else was coded in the sentence.
    if (options_.subordinate_codes && out_->size() > first_event) {
      bool other = false;
      for (size_t e = first_event; e < out_->size(); ++e) other |= !subordinate_[e - first_event];
      if (other) {
        size_t keep = first_event;
        for (size_t e = first_event; e < out_->size(); ++e)
          if (!subordinate_[e - first_event]) {
            if (keep != e) (*out_)[keep] = std::move((*out_)[e]);
            ++keep;
          }
        out_->resize(keep);
      }
    }
  }

 private:
  uint32_t n() const { return static_cast<uint32_t>(s_.tokens.size()); }
  const Token& tok(uint32_t i) const { return s_.tokens[i]; }

  void FindVerbs() {
    thread_local std::vector<PhraseIndex::Match> matches;
    for (uint32_t i = 0; i < n();) {
      if (covered_[i] != -1) {
        ++i;
        continue;
      }
      dicts_.verbs.forms_index().MatchAt([&](uint32_t k) -> const std::string& { return s_.tokens[k].key; },
                                         n(), i, token_hashes_[i], &matches);  // hashed in Run()
      // Among forms of one length, a verb entry written as the word itself ("ATTACKED") comes
      // before another entry's inflection of it ("ATTACK").
      const uint32_t longest = matches.empty() ? 0 : matches.front().length;  // fixed before elements move
      std::stable_partition(matches.begin(), matches.end(), [&](const PhraseIndex::Match& m) {
        if (m.length != longest || m.length != 1) return false;
        const std::string& name = dicts_.verbs.block(dicts_.verbs.form(m.entry).block).name;
        const std::string& key = tok(i).key;
        return name.size() == key.size() && std::equal(name.begin(), name.end(), key.begin(), [](char a, char b) {
                 return std::tolower(static_cast<unsigned char>(a)) == static_cast<unsigned char>(b);
               });
      });
      bool taken = false;
      for (const auto& m : matches) {
        const VerbForm& f = dicts_.verbs.form(m.entry);
        bool overlaps = false;
        for (uint32_t k = i; k < i + m.length; ++k) overlaps |= covered_[k] != -1;
        // Words a TABARI verb phrase lets between its own ("death toll has risen") do not run
        // across a comma or a clause boundary ("brushed, aside reports").
        if (f.gaps)
          for (uint32_t k = i; k < i + m.length; ++k) overlaps |= tok(k).key == "," || IsBoundary(tok(k));
        if (overlaps) continue;
        VerbHit h;
        h.first = i;
        h.end = i + m.length;
        h.verb = i + f.verb_word;
        h.form = m.entry;
        h.noun = f.kind == VerbFormKind::kNoun;
        const Token* prev = i > 0 ? &tok(i - 1) : nullptr;
        VerbFormKind kind = f.kind;
        if (f.stem) {
          // A stem form: the kind from the token's ending.
          const std::string& w = tok(h.verb).key;
          kind = w.ends_with("ing") ? VerbFormKind::kGerund
                 : (w.ends_with("ed") || w.ends_with("en")) ? VerbFormKind::kPast
                 : w.ends_with("s") ? VerbFormKind::kThirdPerson
                                    : VerbFormKind::kBase;
        }
        if (!h.noun && !s_.tags.empty() && options_.verbs_need_verb_tag) {
          // Tagged text (a parse, or the tagger): the verb word must be tagged as a verb.
          const std::string& tag = s_.tags[h.verb];
          if (!tag.starts_with("VB") && tag != "MD") continue;
          // Passive: a be-auxiliary before a past participle.
          if (tag == "VBN") {
            for (uint32_t k = h.first; k > 0 && h.first - k < 4; --k) {
              if (IsBeAux(tok(k - 1).key)) {
                h.passive = tok(k - 1).key != "'s";
                break;
              }
              if (!s_.tags[k - 1].starts_with("RB")) break;
            }
          }
        } else if (!h.noun) {
          // A possessive makes the word a noun ("donate's").
          if (h.end < n() && tok(h.end).key == "'s") continue;
          // A verb word used as a noun ("the attack", "Wagner's presence", "an agreement").
          if (options_.nouns_after_articles_only) {
            if (prev && In(prev->key, {"the", "a", "an"})) continue;
          } else {
            if (prev && IsNounMarker(*prev) && prev->key != "of") continue;
            if (prev && prev->kind == TokenKind::kNumber) continue;
            // A plural noun after a noun ("security issues", "peace talks"), not a verb.
            if (kind == VerbFormKind::kThirdPerson && prev && prev->kind == TokenKind::kWord &&
                !prev->capitalized && covered_[i - 1] == -1 && !IsFunctionWord(prev->key))
              continue;
            // After an adjective ("legal questions", "international support") the word is a noun.
            if (prev && prev->kind == TokenKind::kWord && !prev->capitalized && LooksAdjective(prev->key)) continue;
          }
          // Capitalised mid-sentence verb words are names ("Human Rights Watch").
          if (tok(i).capitalized && i > 0 && !tok(i).all_caps && covered_[i] == -1 && prev &&
              prev->kind == TokenKind::kWord && prev->capitalized)
            continue;
          // Passive: be-auxiliary (with adverbs between) before a past participle.
          if (kind == VerbFormKind::kPast) {
            for (uint32_t k = i, steps = 0; k > 0 && steps < 4; --k, ++steps) {
              const std::string& key = tok(k - 1).key;
              if (IsBeAux(key)) {
                h.passive = key != "'s";
                break;
              }
              // Adverbs may come between ("was fiercely opposed by").
              if (!In(key, {"not", "n't", "never", "reportedly", "allegedly", "also", "already",
                            "recently", "later", "then", "since", "previously", "been", "being",
                            "repeatedly", "now", "once", "all"}) &&
                  !(key.size() > 4 && key.ends_with("ly")))
                break;
            }
          }
        }
        verbs_.push_back(h);
        taken = true;
        i = h.end;
        break;
      }
      if (!taken) ++i;
    }
  }

  // TABARI's clauses (CoderOptions::CodeBy::kClause): two verbs are in different clauses when
  // a conjunction or ';' stands between them, other than one joining two actors ("Gondor and
  // Osgiliath") or two words of the <NOUN> / <ADJECTIVE> lists ("sheep and goats").
  bool ClauseBreakBetween(size_t a, size_t b) const {
    for (uint32_t k = verbs_[a].end; k < verbs_[b].first; ++k) {
      const std::string& key = tok(k).key;
      if (key == ";") return true;
      if (In(key, {"and", "but", "or", "while", "whereas"}) && !JoinsPhrases(k)) return true;
    }
    return false;
  }

  // True if a conjunction at `k` opens a clause (CoderOptions::code_by).
  bool OpensClause(uint32_t k) const {
    return tok(k).key == ";" ||
           (In(tok(k).key, {"and", "but", "or", "while", "whereas"}) && !JoinsPhrases(k));
  }
  // CoderOptions::skip_short_clauses: the verb's clause, between the conjunctions that open it
  // and the next one (none opens a clause as the sentence's first or last word), holds fewer
  // than three words.
  bool InShortClause(const VerbHit& h) const {
    uint32_t last = n();
    while (last > 0 && tok(last - 1).kind == TokenKind::kPunct && tok(last - 1).key != ",") --last;
    uint32_t first = h.first;
    while (first > 0 && !(first > 1 && OpensClause(first - 1))) --first;
    uint32_t end = h.end;
    while (end < last && !(end + 1 < last && OpensClause(end))) ++end;
    int words = 0;
    for (uint32_t k = first; k < end && words < 3; ++k)
      words += tok(k).kind != TokenKind::kPunct || tok(k).key == ",";
    return words < 3;
  }

  // CoderOptions::targets_in_clause: the target of the verb `h` whose source is `source`.
  // The first actor after the verb, up to the conjunction that opens the next clause, other
  // than the source's own (a pronoun standing for it); when none follows, the nearest such
  // actor between the source and the verb in the verb's clause ("Red Cross accepts that
  // Secretary General might affirm or allow ...": UNO for "affirm").
  int ClauseTarget(const VerbHit& h, int source, uint32_t start, uint32_t end) const {
    auto opens_clause = [&](uint32_t k) {
      return In(tok(k).key, {"and", "but", "or", "while", "whereas"}) && !JoinsPhrases(k);
    };
    for (uint32_t k = h.end; k < end; ++k)
      if (opens_clause(k)) {
        end = k;
        break;
      }
    for (uint32_t k = h.first; k > start; --k)
      if (opens_clause(k - 1)) {
        start = k;
        break;
      }
    auto other = [&](size_t m) {
      return !mentions_[m].code.empty() &&
             (source < 0 || (mentions_[m].group != mentions_[static_cast<size_t>(source)].group &&
                             mentions_[m].code != mentions_[static_cast<size_t>(source)].code));
    };
    for (uint32_t k = h.end; k < end; ++k) {
      const int c = covered_[k];
      if (c >= 0 && mentions_[static_cast<size_t>(c)].first == k && other(static_cast<size_t>(c))) return c;
      // CoderOptions::plural_pronouns_for_compounds: "them", "their" stand for the first
      // compound before them (or the first actor), passed over only for the source's own code.
      if (c == -1 && options_.plural_pronouns_for_compounds && In(tok(k).key, {"them", "their"})) {
        const int ref = PluralPronounReference(k);
        if (ref >= 0 &&
            (source < 0 || ActorCodeWithoutAgents(ref) != mentions_[static_cast<size_t>(source)].code))
          return ref;
        continue;
      }
      // An object pronoun ("assist him") stands for the sentence's first actor.
      if (c == -1 && options_.pronouns_for_first_actor && In(tok(k).key, {"it", "him", "her", "them"})) {
        const int first = FirstMentionAfter(0, k);
        if (first >= 0 && other(static_cast<size_t>(first))) return first;
      }
    }
    if (source < 0) return -1;
    int best = -1;
    for (size_t m = 0; m < mentions_.size(); ++m)
      if (mentions_[m].first >= std::max(start, mentions_[static_cast<size_t>(source)].end) &&
          mentions_[m].end <= h.first && other(m))
        best = static_cast<int>(m);
    return best;
  }

  // TABARI's complexity filter (CoderOptions::complex_*): why the sentence is complex, or "".
  std::string Complexity() const {
    int verbs = 0;
    uint32_t first_verb = n();  // the first verb with a code: null-coded verbs ([---]) are skipped
    for (const VerbHit& h : verbs_) {
      if (h.noun) continue;
      ++verbs;
      const VerbForm& form = dicts_.verbs.form(h.form);
      const std::string& code = form.code.empty() ? dicts_.verbs.block(form.block).code : form.code;
      if (code != "---" && !code.empty()) first_verb = std::min(first_verb, h.first);
    }
    if (options_.complex_verbs > 0 && verbs >= options_.complex_verbs)
      return fmt::format("{} verbs (VERBS[{}])", verbs, options_.complex_verbs);
    if (options_.complex_conjunctions > 0) {
      int conjunctions = 0;
      for (uint32_t k = 0; k < n(); ++k) {
        if (covered_[k] != -1 || !In(tok(k).key, {"and", "but", "or"})) continue;
        bool in_verb = false;  // a verb phrase with a conjunction ("shot and killed")
        for (const VerbHit& h : verbs_) in_verb |= k >= h.first && k < h.end;
        if (!in_verb && !JoinsPhrases(k)) ++conjunctions;
      }
      if (conjunctions >= options_.complex_conjunctions)
        return fmt::format("{} conjunctions (CONJ[{}])", conjunctions, options_.complex_conjunctions);
    }
    if (options_.complex_no_actor_prior && first_verb < n()) {
      bool actor = false;
      for (const ActorMention& m : mentions_) actor |= !m.code.empty() && m.first < first_verb;
      // A pronoun standing for a forwarded actor ("He has also asked ...") is one.
      for (uint32_t k = 0; k < first_verb && !actor && options_.complex_pronoun_forwarded; ++k)
        actor = covered_[k] == -1 && In(tok(k).key, {"he", "she", "it", "they"});
      if (!actor) return "no actor before the verb (NOACTPRIOR)";
    }
    return "";
  }

  // True if the conjunction at `k` ("and", "or"; "but" always opens a clause) joins two actors
  // ("Gondor and the Osgiliath", articles skipped) or two words of the <NOUN> / <ADJECTIVE>
  // lists ("sheep and goats"): it joins phrases, not clauses.
  bool JoinsPhrases(uint32_t k) const {
    if (!In(tok(k).key, {"and", "or"})) return false;
    uint32_t next = k + 1;
    while (next < n() && In(tok(next).key, {"the", "a", "an"})) ++next;
    if (k > 0 && next < n() && covered_[k - 1] >= 0 && covered_[next] >= 0) return true;
    // TABARI's lists also take a comma before their conjunction ("the IMF and Red Cross, and
    // Elrond").
    if (k > 1 && next < n() && tok(k - 1).key == "," && covered_[k - 2] >= 0 && covered_[next] >= 0)
      return true;
    // Inside a compound read by word class ("Calenardhon and the evil Arnor awful Gondor").
    if (options_.mentions.compounds_from_and) {
      int before = -1, after = -1;
      for (size_t m = 0; m < mentions_.size() && after < 0; ++m) {
        if (mentions_[m].end <= k) before = static_cast<int>(m);
        else if (mentions_[m].first > k) after = static_cast<int>(m);
      }
      if (before >= 0 && after >= 0 &&
          mentions_[static_cast<size_t>(before)].group == mentions_[static_cast<size_t>(after)].group)
        return true;
    }
    return k > 0 && next < n() && dicts_.IsListedWord(tok(k - 1).key) && dicts_.IsListedWord(tok(next).key);
  }

  // TABARI's source: the first actor after the last conjunction that opens a clause before
  // the verb ("... but Dagolath promised"), unless a preposition other than "of" comes before
  // it; else the first actor from `start` (with skip_short_clauses, while no earlier verb has
  // found a source, the clause's first actor after the verb comes before that).
  int FirstActorOfClause(uint32_t verb, uint32_t start) const {
    for (uint32_t k = verb; k > start; --k) {
      const std::string& key = tok(k - 1).key;
      if (key != ";" && !In(key, {"and", "but", "or", "while", "whereas"})) continue;
      // "Gondor and Osgiliath" (a compound), "awful and evil minister", "sheep and goats"
      // (words of TABARI's <NOUN> / <ADJECTIVE> lists) join within a noun phrase.
      if (JoinsPhrases(k - 1)) continue;
      const int m = FirstMentionAfter(k, verb);
      // A pronoun subject ("and then it requested") stands for the sentence's first actor.
      if (options_.pronouns_for_first_actor)
        for (uint32_t p = k; p < (m >= 0 ? mentions_[static_cast<size_t>(m)].first : verb); ++p)
          if (covered_[p] == -1 && In(tok(p).key, {"he", "she", "it", "they"})) return FirstMentionAfter(start, verb);
      // An actor after a preposition other than "of" ("and shelling offensive against besieged
      // Osgiliath", not "and pigs of Gondor warned") is no subject of the clause.
      if (m >= 0)
        for (uint32_t p = k; p < mentions_[static_cast<size_t>(m)].first; ++p)
          if (In(tok(p).key, {"in", "on", "at", "to", "for", "with", "from", "against", "by", "over", "during",
                              "after", "before", "into", "toward", "towards", "near", "between", "among"}))
            return FirstMentionAfter(start, verb);
      if (m >= 0) return m;
      // TABARI: with no source found by an earlier verb, the clause's first actor, after the
      // verb if none comes before it.
      if (options_.skip_short_clauses && !source_carried_) {
        uint32_t end = verb;
        while (end < n() && !OpensClause(end)) ++end;
        const int after = FirstMentionAfter(verb, end);
        if (after >= 0) return after;
      }
      break;
    }
    return FirstMentionAfter(start, verb);
  }

  // Clause limits for role search around the verb.
  uint32_t ClauseStart(uint32_t v) const {
    for (uint32_t k = v; k > 0; --k)
      if (IsBoundary(tok(k - 1))) return k;
    return 0;
  }
  uint32_t ClauseEnd(size_t verb_index, bool past_verbs = false) const {
    const VerbHit& h = verbs_[verb_index];
    if (s_.tree) {
      // With a parse, objects are found inside the verb's own VP.
      const int vp = LowestAncestor(h.verb, "VP");
      if (vp >= 0) return s_.tree->nodes[static_cast<size_t>(vp)].end_token;
    }
    for (uint32_t k = h.end; k < n(); ++k) {
      if (IsBoundary(tok(k))) return k;
      if (!past_verbs && verb_index + 1 < verbs_.size() && k == verbs_[verb_index + 1].first) {
        // A following verb ends the object search, unless it is a nominal trigger
        // ("led to the expulsion of ...") or a gerund complement.
        if (!verbs_[verb_index + 1].noun) return k;
      }
      if (tok(k).key == "," && k + 1 < n() && In(tok(k + 1).key, {"which", "who", "whom", "while", "but", "according"}))
        return k;
      if (In(tok(k).key, {"said", "says", "told", "according"}) && k > h.end) return k;
    }
    return n();
  }

  // Tree helpers (only with a parse). The pre-terminal node of each token.
  void IndexTree() {
    if (!s_.tree) return;
    preterminal_.assign(n(), -1);
    for (size_t i = 0; i < s_.tree->nodes.size(); ++i) {
      const ParseNode& node = s_.tree->nodes[i];
      if (node.preterminal && node.first_token < n()) preterminal_[node.first_token] = static_cast<int>(i);
    }
  }
  // The lowest node labelled `prefix`* that contains token `t`; -1 if none.
  int LowestAncestor(uint32_t t, std::string_view prefix) const {
    if (!s_.tree || t >= preterminal_.size()) return -1;
    for (int node = preterminal_[t]; node >= 0; node = s_.tree->nodes[static_cast<size_t>(node)].parent) {
      const ParseNode& pn = s_.tree->nodes[static_cast<size_t>(node)];
      if (!pn.preterminal && pn.label.starts_with(prefix)) return node;
    }
    return -1;
  }
  // The subject of the clause that contains token `t`: walking up from `t`, the last NP that
  // precedes it among the children of an S; the first actor mention inside it.
  int TreeSubject(uint32_t t) const {
    if (!s_.tree || t >= preterminal_.size()) return -2;  // -2: no tree, use the flat rule
    const auto& nodes = s_.tree->nodes;
    int child = preterminal_[t];
    for (int node = child >= 0 ? nodes[static_cast<size_t>(child)].parent : -1; node >= 0;
         child = node, node = nodes[static_cast<size_t>(node)].parent) {
      const ParseNode& pn = nodes[static_cast<size_t>(node)];
      if (!(pn.label == "S" || pn.label == "SINV" || pn.label == "SQ" || pn.label.starts_with("S-"))) continue;
      int np = -1;
      for (int c : pn.children) {
        if (c == child) break;
        if (nodes[static_cast<size_t>(c)].label.starts_with("NP")) np = c;
      }
      if (np < 0) continue;
      const ParseNode& npn = nodes[static_cast<size_t>(np)];
      // A pronoun subject ("it would act") refers to the subject of the clause above.
      if (npn.end_token == npn.first_token + 1 && s_.tags.size() > npn.first_token &&
          s_.tags[npn.first_token] == "PRP")
        continue;
      for (size_t m = 0; m < mentions_.size(); ++m)
        if (mentions_[m].first >= npn.first_token && mentions_[m].end <= npn.end_token && !mentions_[m].code.empty())
          return static_cast<int>(m);
      return -1;  // the subject names no actor
    }
    return -1;
  }

  // CoderOptions::plural_pronouns_for_compounds: the mention a plural pronoun at `k` stands
  // for: the first member of the first compound before it, else the first actor; -1 if none.
  int PluralPronounReference(uint32_t k) const {
    int first = -1;
    for (size_t m = 0; m < mentions_.size() && mentions_[m].end <= k; ++m) {
      if (mentions_[m].code.empty()) continue;
      if (GroupSize(static_cast<int>(m)) > 1) return static_cast<int>(m);
      if (first < 0) first = static_cast<int>(m);
    }
    return first;
  }

  // The code of mention `m`'s actor phrase alone, without the agents joined to it
  // ("ambassadors of Arnor": ARN).
  std::string ActorCodeWithoutAgents(int m) const {
    const ActorMention& x = mentions_[static_cast<size_t>(m)];
    if (x.agent_entry < 0 || x.actor_entry < 0) return x.code;
    return dicts_.actors.entry(static_cast<uint32_t>(x.actor_entry)).CodeOn(doc_.date);
  }

  size_t GroupSize(int m) const {
    size_t count = 0;
    for (const ActorMention& x : mentions_)
      count += x.group == mentions_[static_cast<size_t>(m)].group && !x.code.empty() ? 1 : 0;
    return count;
  }

  // Whether every literal word of a pattern occurs in the sentence (PatternWordFilter). Equal
  // hashes of different words only let a pattern through to the matcher, which decides.
  bool WordsPresent(const PatternWordFilter& f) const {
    if ((f.signature & ~sentence_signature_) != 0) return false;
    auto present = [&](uint64_t h) {
      const size_t mask = sentence_keys_.size() - 1;
      for (size_t i = h & mask; sentence_keys_[i] != 0; i = (i + 1) & mask)
        if (sentence_keys_[i] == h) return true;
      return false;
    };
    for (uint32_t w = f.first_word; w < f.first_word + f.words; ++w)
      if (!present(patterns_.words[w])) return false;
    // A synset's answer is kept for the sentence (many patterns share a synset): group_seen_
    // holds the sentence's serial when group_present_ is set for it.
    for (uint32_t r = f.first_group; r < f.first_group + f.groups; ++r) {
      const uint32_t g = patterns_.group_refs[r];
      if (group_seen_[g] != sentence_serial_) {
        const auto [first, count] = patterns_.groups[g];
        bool any = false;
        for (uint32_t w = first; w < first + count && !any; ++w) any = present(patterns_.words[w]);
        group_seen_[g] = sentence_serial_;
        group_present_[g] = any;
      }
      if (!group_present_[g]) return false;
    }
    return true;
  }

  int MentionStartingAt(uint32_t t) const {
    for (size_t m = 0; m < mentions_.size(); ++m)
      if (mentions_[m].first == t) return static_cast<int>(m);
    return -1;
  }
  int NearestMentionBefore(uint32_t limit, uint32_t start) const {
    int best = -1;
    for (size_t m = 0; m < mentions_.size(); ++m) {
      if (mentions_[m].end <= limit && mentions_[m].first >= start && !mentions_[m].code.empty())
        best = static_cast<int>(m);
    }
    return best;
  }
  // True if mention `m` is the source's own: a possessive pronoun ("its", "their", "his")
  // right before it, and no country of its own other than the source's (its country is
  // absent, inferred from the article, or the source's).
  bool OwnedBySource(int m, int source) const {
    if (source < 0) return false;
    const ActorMention& t = mentions_[static_cast<size_t>(m)];
    if (t.first == 0 || !In(tok(t.first - 1).key, {"its", "their", "his"})) return false;
    return SameCountryOrNone(m, source);
  }
  // True if mention `m` names no country of its own other than mention `source`'s.
  bool SameCountryOrNone(int m, int source) const {
    const ActorMention& t = mentions_[static_cast<size_t>(m)];
    const std::string country = dicts_.CountryOf(t.code);
    return country.empty() || t.country_inferred ||
           country == dicts_.CountryOf(mentions_[static_cast<size_t>(source)].code);
  }

  int FirstMentionAfter(uint32_t from, uint32_t end) const {
    for (size_t m = 0; m < mentions_.size(); ++m) {
      if (mentions_[m].first >= from && mentions_[m].end <= end && !mentions_[m].code.empty()) {
        // Skip attributions: "according to X", "X said".
        const uint32_t f = mentions_[m].first;
        if (f >= 2 && tok(f - 1).key == "to" && tok(f - 2).key == "according") continue;
        return static_cast<int>(m);
      }
    }
    return -1;
  }

  // Matches one word or synset element at token `t`; returns the number of tokens matched.
  // A synset member may hold an actor token ("+PESO_$": "peso Bree"): it matches a coded actor
  // there, bound to its role in *roles when roles is given.
  uint32_t MatchLiteral(const PatternElement& el, uint32_t t, uint32_t end, Roles* roles = nullptr) const {
    if (t >= end) return 0;
    if (el.kind == PatternToken::kWord) {
      if (el.stem ? tok(t).key.starts_with(el.key) : tok(t).key == el.key) return 1;
      // A pattern word with punctuation the tokenizer splits off ("ANTI-" for "anti-"):
      // tokens written together make the word.
      if (el.key.size() > tok(t).key.size() && el.key.starts_with(tok(t).key)) {
        std::string joined = tok(t).key;
        uint32_t k = t + 1;
        while (k < end && joined.size() < el.key.size() && tok(k).begin == tok(k - 1).end) joined += tok(k++).key;
        if (joined == el.key) return k - t;
      }
      return 0;
    }
    // The element's synset with its members' first-word hashes (PatternTables); an element
    // not among the patterns indexed is matched member by member.
    const auto found = patterns_.synset_of.find(&el);
    const PatternTables::Synset* syn = found != patterns_.synset_of.end() ? &patterns_.synsets[found->second] : nullptr;
    const std::vector<std::vector<std::string>>& members = syn ? *syn->members : dicts_.verbs.synset(el.key);
    // The members that may match here, in member order: with an index, those whose first word
    // has this token's hash merged with those always tried; without one, all of them.
    thread_local std::vector<uint32_t> candidates;
    candidates.clear();
    if (syn) {
      const auto [lo, hi] = std::equal_range(
          syn->by_first.begin(), syn->by_first.end(), std::pair<uint64_t, uint32_t>(token_hashes_[t], 0),
          [](const auto& a, const auto& b) { return a.first < b.first; });
      auto h = lo;
      auto a = syn->always.begin();
      while (h != hi || a != syn->always.end()) {
        if (a == syn->always.end() || (h != hi && h->second < *a)) candidates.push_back((h++)->second);
        else candidates.push_back(*a++);
      }
    } else {
      for (uint32_t mi = 0; mi < members.size(); ++mi) candidates.push_back(mi);
    }
    for (const uint32_t mi : candidates) {
      const std::vector<std::string>& words = members[mi];
      if (t + words.size() > end) continue;
      bool ok = true;
      uint32_t u = t;
      int actor = -1;
      char role = 0;
      for (size_t k = 0; k < words.size() && ok; ++k) {
        if (u >= end) {
          ok = false;
        } else if (roles && words[k].size() == 1 && (words[k][0] == '$' || words[k][0] == '+')) {
          const int c = covered_[u];
          ok = c >= 0 && mentions_[static_cast<size_t>(c)].first == u &&
               !mentions_[static_cast<size_t>(c)].code.empty();
          if (ok) {
            actor = c;
            role = words[k][0];
            u = mentions_[static_cast<size_t>(c)].end;
          }
        } else {
          ok = tok(u++).key == words[k];
        }
      }
      if (!ok) continue;
      if (actor >= 0) {
        (role == '$' ? roles->source : roles->target) = actor;
        (role == '$' ? roles->source_bound : roles->target_bound) = true;
      }
      return u - t;
    }
    // TABARI members with stems or separable words ("+YUM YENNYEN" in "yum yennyener").
    for (const FlexiblePhrase& p : dicts_.verbs.synset_flexible(el.key)) {
      uint32_t u = t;
      bool ok = true;
      for (size_t k = 0; k < p.words.size() && ok; ++k) {
        auto matches = [&](uint32_t at) {
          return (p.flags[k] & PhraseIndex::kStem) ? tok(at).key.starts_with(p.words[k]) : tok(at).key == p.words[k];
        };
        if (k > 0 && (p.flags[k] & PhraseIndex::kGap))
          while (u < end && !matches(u)) ++u;
        ok = u < end && matches(u);
        ++u;
      }
      if (ok) return u - t;
    }
    return 0;
  }

  // Forward match of `els` from `from` within [from, end); binds roles.
  bool MatchForward(const std::vector<PatternElement>& els, uint32_t from, uint32_t end,
                    bool first_consecutive, Roles* roles) const {
    uint32_t cursor = from;
    for (size_t e = 0; e < els.size(); ++e) {
      const PatternElement& el = els[e];
      const bool consecutive = (e == 0 && first_consecutive) || el.consecutive;
      if (el.kind == PatternToken::kWord || el.kind == PatternToken::kSynset) {
        // A gap may skip a few words of a noun phrase ("reduce the number of troops"), not
        // run across the clause ("reduce reliance on foreign mercenaries" is no troop cut).
        constexpr uint32_t kMaxGap = 4;
        uint32_t t = cursor;
        uint32_t len = 0;
        const bool open = options_.open_pattern_gaps;
        for (; t < end && (open || t <= cursor + kMaxGap); ++t) {
          len = MatchLiteral(el, t, end, roles);
          if (len || consecutive) break;
          if (!open && In(tok(t).key, {"on", "in", "at", "to", "for", "with", "from", "against", "by", "over"})) break;
        }
        if (!len) return false;
        cursor = t + len;
      } else if (el.kind == PatternToken::kSkip) {
        if (options_.open_pattern_gaps) {
          // TABARI: "^" skips the next actor and the words before it ("IFTAR AT ^ ^ +": "Iftar at
          // Osgiliath with the leaders of Gondor in Eriador" binds Eriador).
          const int next = FirstMentionAfter(cursor, end);
          if (next >= 0) {
            cursor = mentions_[static_cast<size_t>(next)].end;
            continue;
          }
          while (cursor < end && In(tok(cursor).key, {"the", "a", "an"})) ++cursor;
        }
        const int m = MentionStartingAt(cursor);
        cursor = m >= 0 ? mentions_[static_cast<size_t>(m)].end : cursor + 1;
        if (cursor > end) return false;
      } else {
        int m = -1;
        if (consecutive) {
          uint32_t t = cursor;
          while (t < end && In(tok(t).key, {"the", "a", "an"})) ++t;
          m = MentionStartingAt(t);
        } else {
          m = FirstMentionAfter(cursor, end);
        }
        if (m < 0) return false;
        if (el.kind == PatternToken::kSource || el.kind == PatternToken::kCompound) {
          roles->source = m;
          roles->source_bound = true;
        }
        if (el.kind == PatternToken::kTarget || el.kind == PatternToken::kCompound) {
          roles->target = m;
          roles->target_bound = true;
        }
        cursor = mentions_[static_cast<size_t>(m)].end;
      }
    }
    return true;
  }

  // Backward match of `els` (in text order) ending before `before`, not earlier than `start`.
  bool MatchBackward(const std::vector<PatternElement>& els, uint32_t before, uint32_t start,
                     bool last_consecutive, Roles* roles) const {
    uint32_t cursor = before;  // elements must end at or before cursor
    for (size_t r = els.size(); r-- > 0;) {
      const PatternElement& el = els[r];
      const bool consecutive = ((r + 1 == els.size()) ? last_consecutive : els[r + 1].consecutive) &&
                               !(options_.synsets_sought_back && el.kind == PatternToken::kSynset);
      if (el.kind == PatternToken::kWord || el.kind == PatternToken::kSynset) {
        bool found = false;
        for (uint32_t t = cursor; t > start;) {
          --t;
          const uint32_t len = MatchLiteral(el, t, cursor);
          if (len && t + len == cursor) {
            cursor = t;
            found = true;
            break;
          }
          if (len && !consecutive) {
            cursor = t;
            found = true;
            break;
          }
          // A consecutive element may span several tokens (a synset member "REALLY_DID_NOT"):
          // it must end at the cursor, so look back as far as its longest member.
          constexpr uint32_t kLongestMember = 8;
          if (consecutive && (el.kind == PatternToken::kWord || cursor - t >= kLongestMember)) break;
        }
        if (!found) return false;
      } else if (el.kind == PatternToken::kSkip) {
        if (cursor <= start) return false;
        --cursor;
      } else {
        // The actor nearest before the cursor: TABARI too matches a pattern's words before the
        // verb backwards from it ("- $ *": the actor nearest before the verb).
        int m = NearestMentionBefore(cursor, start);
        // A pronoun standing for the sentence's first actor fills it where it stands ("SAID $ *":
        // "Falastur said he regretted").
        if (!consecutive && el.kind == PatternToken::kSource && options_.pronouns_for_first_actor) {
          for (uint32_t p = cursor; p > start; --p)
            if (covered_[p - 1] == -1 && In(tok(p - 1).key, {"he", "she", "it", "they"})) {
              const int first = FirstMentionAfter(0, p - 1);
              if (first < 0) break;
              roles->source = first;
              roles->source_bound = true;
              cursor = p - 1;
              m = -2;
              break;
            }
          if (m == -2) continue;
        }
        if (m < 0) return false;
        if (consecutive && mentions_[static_cast<size_t>(m)].end != cursor) return false;
        if (el.kind == PatternToken::kSource || el.kind == PatternToken::kCompound) {
          roles->source = m;
          roles->source_bound = true;
        }
        if (el.kind == PatternToken::kTarget || el.kind == PatternToken::kCompound) {
          roles->target = m;
          roles->target_bound = true;
        }
        cursor = mentions_[static_cast<size_t>(m)].first;
      }
    }
    return true;
  }

  Modality FindModality(const VerbHit& h, uint32_t clause_start) const {
    // Look back over the verb group and the clause.
    bool negated = false, future = false, alleged = false, reported = false;
    for (uint32_t k = h.first, steps = 0; k > clause_start && steps < 5; --k, ++steps) {
      const std::string& key = tok(k - 1).key;
      if (In(key, {"not", "n't", "never", "no", "neither", "nor"})) negated = true;
      if (In(key, {"will", "'ll", "shall", "would"})) future = true;
      if (key == "to" && k >= 2 &&
          In(tok(k - 2).key, {"plans", "planned", "plan", "planning", "intends", "intend", "intended",
                              "aims", "vowed", "vows", "pledged", "threatened", "threatens", "expected",
                              "set", "wants", "want", "wanted", "seeks", "sought", "prepared", "preparing",
                              "ready", "agreed", "promised", "decided", "is", "are", "likely", "could", "going"}))
        future = true;
      if (In(key, {"allegedly", "accused", "accusing", "accuses", "suspected", "alleged", "alleging"})) alleged = true;
      if (In(key, {"denied", "denies", "deny", "denying", "rejected"})) negated = true;
      if (In(key, {"reportedly", "purportedly"})) reported = true;
      if (In(key, {"may", "might", "could"})) future = true;
    }
    for (uint32_t k = 0; k < n(); ++k) {
      const std::string& key = tok(k).key;
      if (key == "according" && k + 1 < n() && tok(k + 1).key == "to") reported = true;
      if (In(key, {"said", "says", "told", "reported", "claimed", "stated"}) && (k < h.first || k >= h.end)) reported = true;
      if (In(key, {"reportedly", "allegedly"})) {
        if (key == "allegedly") alleged = true;
        else reported = true;
      }
      if (In(key, {"accused", "accuses", "accusing", "alleged", "allegations", "accusations"}) && k < h.first)
        alleged = true;
    }
    if (negated) return Modality::kNegated;
    if (future) return Modality::kFuture;
    if (alleged) return Modality::kAlleged;
    if (reported) return Modality::kReported;
    return Modality::kAsserted;
  }

  void CodeVerb(size_t v) {
    VerbHit& h = verbs_[v];
    const VerbForm& form = dicts_.verbs.form(h.form);
    const VerbBlock& block = dicts_.verbs.block(form.block);
    const uint32_t cstart = ClauseStart(h.first);
    // TABARI: a later verb ends neither the pattern's reach nor the object search.
    const uint32_t cend = options_.open_pattern_gaps ? ClauseEnd(v, true) : roles_->ObjectEnd(h.end, ClauseEnd(v));

    // 1. The most specific pattern that matches.
    Roles roles;
    const VerbPattern* pattern = nullptr;
    const std::vector<PatternWordFilter>& filters = patterns_.filters[form.block];
    for (size_t pi = 0; pi < block.patterns.size(); ++pi) {
      const VerbPattern& p = block.patterns[pi];
      // Cheap filter: every literal word of the pattern must occur in the sentence.
      if (!WordsPresent(filters[pi])) continue;
      Roles r;
      if (!MatchBackward(p.pre, h.first, cstart, p.verb_consecutive_pre, &r)) continue;
      if (!MatchForward(p.post, h.end, cend, p.verb_consecutive_post, &r)) continue;
      pattern = &p;
      roles = r;
      break;
    }
    std::string code, paired;
    subordinate_code_ = (pattern ? pattern->mark : block.mark) == '?';
    dominant_code_ = (pattern ? pattern->mark : block.mark) == '!';
    if (pattern) {
      code = pattern->code;
      paired = pattern->paired_code;
    } else {
      code = !form.code.empty() ? form.code : block.code;
      paired = block.paired_code;
    }

    // A reciprocal pattern ("%") bound to a single actor: the other party is the object.
    if (roles_->enabled() && roles.source_bound && roles.target_bound && roles.source == roles.target &&
        roles.source >= 0 && GroupSize(roles.source) == 1) {
      roles.target = -1;
      roles.target_bound = false;
    }
    // A participle with a "by" agent and no auxiliary is passive ("the accord, signed by A").
    if (!h.noun && !h.passive && roles_->ReducedPassive(h.first, h.verb, h.end)) h.passive = true;
    // TABARI: a passive needs its "by" in the clause, unless a pattern binds a role ("Mordor was
    // reported on Friday to have ..." is read as active).
    if (h.passive && options_.passive_needs_by && !roles.source_bound && !roles.target_bound) {
      bool by = false;
      for (uint32_t k = h.end; k < cend && !by; ++k) by = tok(k).key == "by";
      h.passive = by;
    }

    // 2. Default roles.
    if (h.noun) {
      // "Mali's expulsion of X", "the expulsion of X by Y", "attacks on/against X".
      if (!roles.source_bound) {
        if (h.first >= 2 && tok(h.first - 1).key == "'s") {
          const int m = NearestMentionBefore(h.first - 1, cstart);
          if (m >= 0 && mentions_[static_cast<size_t>(m)].end == h.first - 1) roles.source = m;
        }
        for (uint32_t k = h.end; k < cend && k < h.end + 12 && roles.source < 0; ++k)
          if (tok(k).key == "by") roles.source = FirstMentionAfter(k + 1, std::min(cend, k + 6));
      }
      if (!roles.target_bound) {
        for (uint32_t k = h.end; k < cend && k < h.end + 3; ++k) {
          if (In(tok(k).key, {"of", "on", "against", "targeting"})) {
            roles.target = FirstMentionAfter(k + 1, std::min(cend, k + 5));
            break;
          }
        }
      }
    } else if (h.passive) {
      // Patterns are written for the active voice: in a passive clause they choose the code,
      // and the roles come from the clause (subject = target, "by" phrase = source).
      // TABARI: a target the pattern binds ("+ WAS * DEAD") stays, and without a "by" phrase
      // the source is the first actor after the verb; a pattern that binds both roles of a
      // passive ("+ * FROM $": "Ithilen's militia was freed from Barad-dur") keeps them.
      const Roles bound = roles;
      if (!(options_.source_first_in_clause && bound.source_bound && bound.target_bound)) roles = Roles();
      if (!roles.source_bound) {
        int subject = TreeSubject(h.verb);
        if (subject == -2) subject = roles_->Subject(h.first, cstart);
        roles.target = subject != -2 ? subject : NearestMentionBefore(h.first, cstart);
        if (options_.source_first_in_clause && bound.target_bound && !bound.source_bound) roles.target = bound.target;
        roles.source = -1;
        for (uint32_t k = h.end; k < cend; ++k)
          if (tok(k).key == "by") {
            roles.source = FirstMentionAfter(k + 1, cend);
            break;
          }
        if (roles.source < 0 && options_.source_first_in_clause && bound.target_bound && !bound.source_bound)
          roles.source = FirstMentionAfter(h.end, cend);
      }
    } else {
      if (!roles.source_bound) {
        // Coordinated verbs share a subject: "X arrested A and detained B".
        uint32_t k = h.first;
        while (k > cstart && In(tok(k - 1).key, {"also", "then", "later", "reportedly", "allegedly", "have", "has", "had"})) --k;
        if (v > 0 && k > cstart && In(tok(k - 1).key, {"and", ","}) && verbs_[v - 1].source_group != -2 &&
            !verbs_[v - 1].noun && !roles_->BreaksCoordination(k - 1, h.first, cstart)) {
          roles.source = verbs_[v - 1].source_group;
        } else {
          int subject = TreeSubject(h.verb);
          if (subject == -2 && !options_.source_first_in_clause) subject = roles_->Subject(h.first, cstart);
          roles.source = subject != -2                       ? subject
                         : options_.source_first_in_clause ? FirstActorOfClause(h.first, cstart)
                                                           : NearestMentionBefore(h.first, cstart);
        }
        // TABARI: when the pattern's target is the clause's first actor ("+ WAS * DEAD"), the
        // source is the first actor after the verb.
        if (options_.source_first_in_clause && roles.target_bound && roles.source == roles.target)
          roles.source = FirstMentionAfter(h.end, cend);
      }
      if (!roles.target_bound) {
        // Without a parse, a statement's object must follow the verb closely ("told
        // Mali", "said to France"); further on it is inside the reported clause.
        const bool statement = code.starts_with("01") && !s_.tree;
        uint32_t object = h.end;
        if (options_.targets_in_clause) {
          roles.target = ClauseTarget(h, roles.source, cstart, cend);
        } else if (options_.source_first_in_clause && object < cend &&
                   In(tok(object).key, {"it", "him", "her", "them"})) {
          // TABARI: an object pronoun ("assist him") is the sentence's first actor other
          // than the source.
          for (size_t m = 0; m < mentions_.size() && roles.target < 0; ++m)
            if (!mentions_[m].code.empty() && mentions_[m].first < h.first &&
                (roles.source < 0 || mentions_[m].group != mentions_[static_cast<size_t>(roles.source)].group))
              roles.target = static_cast<int>(m);
        }
        if (roles.target < 0 && !options_.targets_in_clause) {
          const uint32_t limit = statement ? std::min(cend, h.end + 3) : cend;
          roles.target = FirstMentionAfter(object, limit);
          // "The junta deployed its soldiers to Kidal": an object the subject owns is not
          // its target; the target is an actor after it, if any ("France withdrew its troops
          // from Mali": Mali).
          if (options_.semantics == Semantics::kGriot)
            while (roles.target >= 0 && OwnedBySource(roles.target, roles.source)) {
              const uint32_t owned_end = mentions_[static_cast<size_t>(roles.target)].end;
              roles.target = FirstMentionAfter(owned_end, limit);
              // Its apposition is the same one ("recall its ambassador, Sylvain Itté").
              if (roles.target >= 0 && mentions_[static_cast<size_t>(roles.target)].first == owned_end + 1 &&
                  tok(owned_end).key == "," && SameCountryOrNone(roles.target, roles.source))
                roles.target = FirstMentionAfter(mentions_[static_cast<size_t>(roles.target)].end, limit);
            }
        }
      }
      // "described the junta as illegitimate and accused it": the object pronoun of a verb that
      // shares the previous verb's subject is that verb's object.
      if (roles.target < 0 && v > 0 && roles.source >= 0 && roles.source == verbs_[v - 1].source_group &&
          verbs_[v - 1].target_group >= 0 && roles_->ObjectPronoun(h.end))
        roles.target = verbs_[v - 1].target_group;
      // "A and B summoned each other's ambassadors": the compound subject's members.
      if (roles_->ReciprocalObject(h.end, cend)) {
        roles.target = -1;
        roles.target_bound = false;
      }
    }
    h.source_group = roles.source;
    h.target_group = roles.target;
    if (code.empty() || code == "---") return;
    source_carried_ |= roles.source >= 0 && !roles.source_bound;
    // The rule events cite, written only for a verb that codes (most found verbs do not).
    std::string rule = pattern ? pattern->file : block.file;
    rule += ':';
    AppendDecimal(&rule, static_cast<uint64_t>(pattern ? pattern->line : block.line));
    if (pattern) {
      rule += ' ';
      rule += pattern->text;
    } else {
      rule += " --- ";
      rule += block.name;
      rule += " [";
      rule += code;
      rule += "] ---";
    }
    // A compound token ('%') binds one actor group to both roles.
    const bool compound_pattern = roles.source_bound && roles.target_bound && roles.source == roles.target;
    // A plural pronoun standing for the source's compound ("presented their credentials").
    const bool pronoun_compound = options_.plural_pronouns_for_compounds && !roles.target_bound &&
                                  roles.source >= 0 && roles.target >= 0 &&
                                  mentions_[static_cast<size_t>(roles.target)].group ==
                                      mentions_[static_cast<size_t>(roles.source)].group;
    if (roles.source == roles.target) roles.target = -1;
    if (roles.source < 0 && roles.target < 0 && !options_.code_without_actors) return;
    // A compound with a direct object that names no actor acts on that object, not on itself
    // ("Mali and Burkina Faso attacked jihadist positions"), unless the code is one of
    // cooperation (roots 03-06: "signed a defence pact", "held talks") or the verb one of
    // exchange ("exchanged fire", "traded accusations"), or the object is reciprocal ("each
    // other's ambassadors").
    auto object_elsewhere = [&] {
      return roles_->NonActorObject(h.end, cend) && !roles_->ReciprocalObject(h.end, cend) &&
             !(code.size() >= 2 && code[0] == '0' && code[1] >= '3' && code[1] <= '6') &&
             !tok(h.verb).key.starts_with("exchang") && !tok(h.verb).key.starts_with("trad");
    };
    // (Asked only of a compound subject with no target: the object is looked at for it alone.)
    const bool self_compound = roles.target < 0 && roles.source >= 0 && GroupSize(roles.source) > 1 &&
                               ((options_.compound_acts_on_itself && !object_elsewhere()) || compound_pattern ||
                                pronoun_compound);
    if (options_.require_dyad && (roles.source < 0 || (roles.target < 0 && !self_compound))) return;
    // (A compound subject acting on itself in cooperation, consultation or agreement, "A and
    // B signed the accord", roots 03-05, is its own target; "A and B announced" is not.)
    if (options_.statements_need_target && roles.target < 0 &&
        !(self_compound && roles_->enabled() && code.size() >= 2 && code[1] >= '3') &&
        code.size() >= 2 && code[0] == '0' && code[1] >= '1' && code[1] <= '5')
      return;

    const Modality modality = FindModality(h, cstart);
    const Date date = EventDate(h);
    const std::optional<Location> location = EventLocation(h);

    // 3. One event per source x target of compound groups.
    auto group_of = [&](int m, bool whole) {
      std::vector<int> out;
      if (m < 0) {
        out.push_back(-1);
        return out;
      }
      for (size_t k = 0; k < mentions_.size(); ++k)
        if (mentions_[k].group == mentions_[static_cast<size_t>(m)].group && !mentions_[k].code.empty())
          out.push_back(static_cast<int>(k));
      // CoderOptions::compounds_whole_from_first_member: a later member stands alone.
      if (!whole && options_.compounds_whole_from_first_member && !out.empty() &&
          mentions_[static_cast<size_t>(out.front())].first != mentions_[static_cast<size_t>(m)].first)
        out.assign(1, m);
      return out;
    };
    int emitted = 0;
    // A compound subject with no object acts on itself: "Gondor and Osgiliath agree",
    // "Gondor and Osgiliath have delayed their meeting": every ordered pair.
    if (self_compound) {
      const std::vector<int> members = group_of(roles.source, true);
      if (members.size() > 1) {
        for (int a : members)
          for (int b : members) {
            if (a == b || mentions_[static_cast<size_t>(a)].code == mentions_[static_cast<size_t>(b)].code) continue;
            if (emitted++ >= options_.max_compound_events) return;
            Emit(h, a, b, code, rule, modality, date, location);
            if (options_.compound_pairs_take_paired_code && compound_pattern && !paired.empty() &&
                paired != "---") {
              Emit(h, b, a, paired, rule, modality, date, location);
              ++emitted;
            }
          }
        return;
      }
    }
    for (int src : group_of(roles.source, false)) {
      for (int tgt : group_of(roles.target, false)) {
        if (emitted >= options_.max_compound_events) return;
        if (src >= 0 && tgt >= 0 && mentions_[static_cast<size_t>(src)].code == mentions_[static_cast<size_t>(tgt)].code)
          continue;
        Emit(h, src, tgt, code, rule, modality, date, location);
        ++emitted;
        if (!paired.empty() && paired != "---" && src >= 0 && tgt >= 0) {
          Emit(h, tgt, src, paired, rule, modality, date, location);
          ++emitted;
        }
      }
    }
  }

  Date EventDate(const VerbHit& h) const {
    const DateMention* best = nullptr;
    uint32_t best_dist = UINT32_MAX;
    for (const DateMention& d : dates_) {
      const uint32_t dist = d.first >= h.end ? d.first - h.end : h.first - d.end;
      if (dist < best_dist) {
        best = &d;
        best_dist = dist;
      }
    }
    if (best) return best->date;
    return doc_.date ? *doc_.date : Date{};
  }

  std::optional<Location> EventLocation(const VerbHit& h) const {
    const PlaceMention* best = nullptr;
    for (const PlaceMention& p : places_) {
      if (p.place < 0) continue;
      if (!best || (best->first < h.first && p.first >= h.end)) best = &p;
    }
    if (!best) return std::nullopt;
    const Place& p = dicts_.places.place(static_cast<uint32_t>(best->place));
    Location loc;
    loc.name = p.name;
    loc.country = p.country;
    loc.admin1 = p.admin1;
    loc.lat = p.lat;
    loc.lon = p.lon;
    loc.precision = p.kind == "country" ? "country" : p.kind == "region" ? "region" : "locality";
    loc.span = {tok(best->first).begin, tok(best->end - 1).end};
    return loc;
  }

  ActorRef MakeActor(int m) const {
    const ActorMention& mention = mentions_[static_cast<size_t>(m)];
    ActorRef a;
    a.span = {tok(mention.first).begin, tok(mention.end - 1).end};
    a.text = std::string(s_.text.substr(a.span.begin, a.span.end - a.span.begin));
    a.code = mention.code;
    a.actor_id = mention.actor_id;
    a.agent_only = mention.actor_entry < 0 && !mention.country_inferred;
    a.country_inferred = mention.country_inferred;
    SplitActorCode(dicts_, a.code, &a.country, &a.sector);
    return a;
  }

  void Emit(const VerbHit& h, int src, int tgt, const std::string& code, const std::string& rule,
            Modality modality, const Date& date, const std::optional<Location>& location) {
    Event e;
    e.doc_id = doc_.id;
    e.sentence_index = s_.index;
    e.sentence = std::string(s_.text);
    e.date = date;
    if (src >= 0) e.source = MakeActor(src);
    if (tgt >= 0) e.target = MakeActor(tgt);
    e.cameo = code;
    e.cameo_root = CameoRoot(code);
    if (const CameoCode* c = dicts_.codes.Find(code)) {
      e.quad_class = c->quad_class;
      e.goldstein = c->goldstein;
      e.plover = c->plover_type;
      e.plover_mode = c->plover_mode;
    }
    e.modality = modality;
    e.location = location;
    e.trigger = {tok(h.first).begin, tok(h.end - 1).end};
    e.rule = rule;
    e.title = doc_.title;
    e.source_name = doc_.source;
    e.url = doc_.url;
    // The actor spans distinguish events of one trigger with compound actors of equal codes.
    auto at = [](const std::optional<ActorRef>& a) {
      std::string out;
      if (!a) return out;
      out = a->code;
      out += '@';
      AppendDecimal(&out, a->span.begin);
      return out;
    };
    e.event_id = MakeEventId(doc_.id, s_.index, e.trigger.begin, at(e.source), at(e.target), code);
    out_->push_back(std::move(e));
    subordinate_.push_back(subordinate_code_);
    dominant_.push_back(dominant_code_);
  }

  const DictionarySet& dicts_;
  const CoderOptions& options_;
  const Document& doc_;
  const Sentence& s_;
  std::vector<ActorMention> mentions_;
  std::vector<PlaceMention> places_;
  std::vector<DateMention> dates_;
  std::vector<int> covered_;  // token -> mention index, -2 place, -1 free
  std::vector<VerbHit> verbs_;
  bool source_carried_ = false;  // CoderOptions::skip_short_clauses: an earlier verb found a source
  std::vector<bool> subordinate_;  // per event emitted by this sentence: its code is marked '?'
  bool subordinate_code_ = false;  // the verb being coded has a '?' code
  std::vector<bool> dominant_;     // per event emitted by this sentence: its code is marked '!'
  bool dominant_code_ = false;     // the verb being coded has a '!' code
  std::vector<int> preterminal_;  // token -> pre-terminal parse node (with a parse)
  std::optional<ClauseRoles> roles_;  // set by Run()
  // The HashKey of every token key of the sentence as an open-addressed set (built by Run;
  // a per-thread buffer: a SentenceCoder lives for one sentence, one at a time per thread).
  static inline thread_local std::vector<uint64_t> sentence_keys_;
  uint64_t sentence_signature_ = 0;
  static inline thread_local std::vector<uint64_t> token_hashes_;  // HashKey per token, in order
  // Per synset group of PatternTables: whether one of its first words is in the sentence,
  // valid where group_seen_ equals sentence_serial_ (per-thread, as the sets above).
  static inline thread_local std::vector<uint32_t> group_seen_;
  static inline thread_local std::vector<uint8_t> group_present_;
  static inline thread_local uint32_t sentence_serial_ = 0;
  const PatternTables& patterns_;
  std::vector<Event>* out_;
  std::string* complex_;  // DocumentResult::complex
};

}  // namespace

uint64_t WordSignature(uint64_t key_hash) { return uint64_t{1} << (key_hash >> 58); }

Coder::Coder(std::shared_ptr<const DictionarySet> dicts, CoderOptions options)
    : dicts_(std::move(dicts)), options_(options) {
  const VerbDictionary& verbs = dicts_->verbs;
  std::vector<uint64_t>& words = patterns_.words;
  std::vector<std::pair<uint32_t, uint32_t>>& groups = patterns_.groups;
  std::unordered_map<std::string, uint32_t> synset_ids, group_ids;
  patterns_.filters.resize(verbs.block_count());
  for (size_t b = 0; b < verbs.block_count(); ++b) {
    for (const VerbPattern& p : verbs.block(b).patterns) {
      // Words written as one key but split by the tokenizer ("ANTI-"), and stems, are not
      // single token keys: the matcher alone decides them.
      PatternWordFilter f;
      f.first_word = static_cast<uint32_t>(words.size());
      for (const auto* side : {&p.pre, &p.post})
        for (const PatternElement& el : *side)
          if (el.kind == PatternToken::kWord && !el.stem && !SplitByTokenizer(el.key)) {
            const uint64_t h = HashKey(el.key);
            f.signature |= WordSignature(h);
            words.push_back(h);
          }
      f.words = static_cast<uint32_t>(words.size()) - f.first_word;
      f.first_group = static_cast<uint32_t>(patterns_.group_refs.size());
      for (const auto* side : {&p.pre, &p.post})
        for (const PatternElement& el : *side) {
          if (el.kind != PatternToken::kSynset || !verbs.synset_flexible(el.key).empty()) continue;
          // A member opening with an actor token ("+$_PESO") needs no word: no filter then.
          std::vector<uint64_t> firsts;
          bool opens_with_actor = false;
          for (const std::vector<std::string>& member : verbs.synset(el.key)) {
            if (member.empty()) continue;
            opens_with_actor |= member.front() == "$" || member.front() == "+";
            firsts.push_back(HashKey(member.front()));
          }
          if (opens_with_actor) continue;
          auto [known, added] = group_ids.emplace(el.key, static_cast<uint32_t>(groups.size()));
          if (added) {
            std::sort(firsts.begin(), firsts.end());
            firsts.erase(std::unique(firsts.begin(), firsts.end()), firsts.end());
            groups.emplace_back(static_cast<uint32_t>(words.size()), static_cast<uint32_t>(firsts.size()));
            words.insert(words.end(), firsts.begin(), firsts.end());
          }
          patterns_.group_refs.push_back(known->second);
        }
      f.groups = static_cast<uint32_t>(patterns_.group_refs.size()) - f.first_group;
      patterns_.filters[b].push_back(f);
      for (const auto* side : {&p.pre, &p.post})
        for (const PatternElement& el : *side) {
          if (el.kind != PatternToken::kSynset) continue;
          auto [it, added] = synset_ids.emplace(el.key, static_cast<uint32_t>(patterns_.synsets.size()));
          if (added) {
            PatternTables::Synset& syn = patterns_.synsets.emplace_back();
            syn.members = &verbs.synset(el.key);
            for (const std::vector<std::string>& member : *syn.members) {
              const bool any = member.empty() || member.front() == "$" || member.front() == "+";
              const uint32_t mi = static_cast<uint32_t>(syn.first.size());
              syn.first.push_back(any ? 0 : HashKey(member.front()));
              if (any) syn.always.push_back(mi);
              else syn.by_first.emplace_back(syn.first.back(), mi);
            }
            std::sort(syn.by_first.begin(), syn.by_first.end());
          }
          patterns_.synset_of.emplace(&el, it->second);
        }
    }
  }
}

namespace {

bool SameActor(const std::optional<ActorRef>& a, const std::optional<ActorRef>& b) {
  return a && b && a->code == b->code && a->actor_id == b->actor_id;
}

}  // namespace

// One sentence often says the same thing twice, verb and noun ("imposed sanctions on X"
// matches the verb pattern with its subject and the nominal trigger without one): an event
// that lacks a source (or a target) is dropped when another event of the same sentence has
// the same code and the same other actor and names the missing one.
void DropSubsumedEvents(std::vector<Event>* events, size_t first) {
  auto subsumed = [&](const Event& e) {
    for (size_t j = first; j < events->size(); ++j) {
      const Event& f = (*events)[j];
      if (&f == &e || f.cameo != e.cameo) continue;
      if (!e.source && f.source && SameActor(e.target, f.target)) return true;
      if (!e.target && f.target && SameActor(e.source, f.source)) return true;
    }
    return false;
  };
  std::vector<bool> drop(events->size(), false);
  for (size_t i = first; i < events->size(); ++i) drop[i] = subsumed((*events)[i]);
  size_t out = first;
  for (size_t i = first; i < events->size(); ++i) {
    if (drop[i]) continue;
    if (out != i) (*events)[out] = std::move((*events)[i]);
    ++out;
  }
  events->resize(out);
}

DocumentResult Coder::CodeDocument(const Document& doc) const {
  if (doc.parses.empty()) {
    // PETRARCH-1 semantics read phrase structure: raw sentences get the tree a pre-parsed
    // record carries from the shallow parser (coding/raw_structure.h, docs/raw-text.md); the
    // deep mode (--parser link) replaces it where Link Grammar finds a complete linkage.
    std::vector<Sentence> sentences =
        BuildRawSentences(doc, *dicts_, options_.semantics == Semantics::kPetrarch1);
    if (options_.deep_parser) options_.deep_parser->ParseSentences(*dicts_, &sentences);
    return CodeSentences(doc, sentences);
  }
  // Pre-parsed: every parse is one sentence; a malformed parse is rejected, the rest coded.
  std::vector<ParsedSentence> parsed;
  std::vector<std::string> errors;
  for (size_t i = 0; i < doc.parses.size(); ++i) {
    auto p = ParseTreebank(doc.parses[i]);
    if (p.ok()) parsed.push_back(std::move(p).value());
    else errors.push_back(fmt::format("sentence {}: malformed parse: {}", i, p.status().message()));
  }
  std::vector<Sentence> sentences;
  for (size_t i = 0; i < parsed.size(); ++i) sentences.push_back(SentenceFromParse(parsed[i], static_cast<uint32_t>(i)));
  DocumentResult result = CodeSentences(doc, sentences);
  result.sentence_errors = std::move(errors);
  return result;
}

DocumentResult Coder::CodeSentences(const Document& doc, const std::vector<Sentence>& sentences) const {
  DocumentResult result;
  result.sentences = static_cast<uint32_t>(sentences.size());
  // Pass 1: mentions, and the countries the document is about (to resolve place names).
  std::vector<std::vector<ActorMention>> mentions(sentences.size());
  std::unordered_set<std::string> countries;
  // Sentences the PETRARCH-1 reading codes from their tree find their own actors.
  auto petrarch1 = [&](const Sentence& s) {
    return options_.semantics == Semantics::kPetrarch1 && s.tree && !s.tree->nodes.empty();
  };
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (petrarch1(sentences[i])) continue;
    mentions[i] = FindMentions(sentences[i], *dicts_, doc.date, options_.mentions);
    for (const ActorMention& m : mentions[i]) {
      const std::string c = dicts_->CountryOf(m.code);
      if (!c.empty()) countries.insert(c);
    }
  }
  // Discards: a story-level phrase anywhere drops the document; a sentence-level one drops
  // its sentence.
  std::vector<bool> discarded(sentences.size(), false);
  if (dicts_->discards.index.size() > 0) {
    thread_local std::vector<PhraseIndex::Match> matches;
    for (size_t i = 0; i < sentences.size(); ++i) {
      const auto& toks = sentences[i].tokens;
      for (uint32_t t = 0; t < toks.size() && !discarded[i]; ++t) {
        dicts_->discards.index.MatchAt([&](uint32_t k) -> const std::string& { return toks[k].key; },
                                       static_cast<uint32_t>(toks.size()), t, &matches);
        if (matches.empty()) continue;
        if (dicts_->discards.story[matches.front().entry]) {
          result.discarded_story = true;
          return result;
        }
        discarded[i] = true;
      }
    }
  }
  // Agents named alone ("the junta", "soldiers") take the document's dominant country when
  // the document is clearly about one: state sectors only, marked as inferred.
  if (options_.infer_agent_country) {
    std::unordered_map<std::string, int> counts;
    int total = 0;
    for (const auto& ms : mentions)
      for (const ActorMention& m : ms) {
        const std::string c = dicts_->CountryOf(m.code);
        if (c.empty()) continue;
        ++counts[c];
        ++total;
      }
    std::string dominant;
    int best = 0;
    for (const auto& [c, k] : counts)
      if (k > best || (k == best && c < dominant)) {
        best = k;
        dominant = c;
      }
    constexpr double kDominantShare = 0.4;
    if (best >= 2 && best >= kDominantShare * total) {
      for (size_t i = 0; i < mentions.size(); ++i)
        for (ActorMention& m : mentions[i]) {
          if (m.actor_entry >= 0 || m.code.size() != 3) continue;
          // "foreign soldiers", "international forces": said not to be the country's own.
          const auto& tokens = sentences[i].tokens;
          if (m.first > 0 && m.first <= tokens.size() &&
              In(tokens[m.first - 1].key, {"foreign", "international", "multinational", "overseas"}))
            continue;
          if (m.code == "GOV" || m.code == "MIL" || m.code == "COP" || m.code == "JUD" || m.code == "LEG" ||
              m.code == "SPY") {
            m.code = dominant + m.code;
            m.country_inferred = true;
          }
        }
    }
  }
  // Pronouns and definite descriptions standing for an actor just named ("he", "it", "the
  // group"), resolved only where safe (coding/references.h).
  if (options_.semantics == Semantics::kGriot) ResolveReferences(sentences, *dicts_, &mentions);
  // Pass 2: code each sentence.
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (discarded[i]) continue;
    if (options_.semantics == Semantics::kPetrarch1 && sentences[i].tree &&
        CodePetrarch1Sentence(*dicts_, options_, doc, sentences[i], &result.events))
      continue;
    const size_t first_event = result.events.size();
    SentenceCoder sc(*dicts_, options_, doc, sentences[i], std::move(mentions[i]), countries, patterns_,
                     &result.events, &result.complex);
    sc.Run();
    DropSubsumedEvents(&result.events, first_event);
  }
  return result;
}

CoderOptions TabariCoderOptions() {
  CoderOptions t;
  t.require_dyad = true;  // TABARI codes an event only with a source and a target
  t.statements_need_target = false;
  t.infer_agent_country = false;  // TABARI codes an agent alone as the agent
  t.subordinate_codes = true;
  t.dominant_codes = true;
  t.source_first_in_clause = true;
  t.open_pattern_gaps = true;
  t.synsets_sought_back = true;
  t.targets_in_clause = true;
  t.skip_short_clauses = true;
  t.passive_needs_by = true;
  t.pronouns_for_first_actor = true;
  t.plural_pronouns_for_compounds = true;
  t.compounds_whole_from_first_member = true;
  t.compound_acts_on_itself = false;
  t.compound_pairs_take_paired_code = true;
  t.verbs_need_verb_tag = false;  // TABARI finds verbs from its dictionary alone
  t.nouns_after_articles_only = true;
  t.code_by = CoderOptions::CodeBy::kClause;
  t.mentions.agent_modifier_words = 0;
  t.mentions.agent_before_noun_is_modifier = false;
  t.mentions.agent_to_whole_list = false;
  t.mentions.agent_extends_sector_codes = true;
  t.mentions.former_agent_code = "ELI";
  t.mentions.verb_words_by_dictionary = true;
  t.mentions.compounds_from_and = true;
  return t;
}

}  // namespace griot

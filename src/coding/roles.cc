// Clause rules for roles on tagged raw text (roles.h lists the constructions). Hand-written
// over the tagger's Penn tags rather than read from the shallow parser's tree: the news coder
// needs only the few decisions below, each tied to one construction, and tuning them against
// annotated news is easier on flat rules than on a tree's shapes.
#include "coding/roles.h"

#include "base/strings.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace griot {

namespace {

bool In(std::string_view key, std::initializer_list<std::string_view> set) { return IsOneOf(key, set); }

// Auxiliaries, modals and the adverbs of a verb group ("has also been", "would not").
bool IsAuxiliary(std::string_view k) {
  return In(k, {"be", "am", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having", "do",
                "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll",
                "'d", "wo", "ca", "not", "n't", "never", "also", "get", "got", "gets"});
}

// Verbs whose object is the subject of the infinitive after it ("urged Mali to release").
bool IsObjectControl(std::string_view k) {
  return In(k, {"urge", "urged", "urges", "urging", "ask", "asked", "asks", "asking", "call", "called", "calls",
                "calling", "order", "ordered", "orders", "ordering", "tell", "told", "tells", "telling", "force",
                "forced", "forces", "forcing", "press", "pressed", "presses", "pressing", "invite", "invited",
                "invites", "inviting", "encourage", "encouraged", "encourages", "encouraging", "allow", "allowed",
                "allows", "allowing", "authorise", "authorised", "authorize", "authorized", "persuade",
                "persuaded", "request", "requested", "requests", "instruct", "instructed", "direct", "directed",
                "appeal", "appealed", "appeals", "appealing", "challenge", "challenged", "push", "pushed",
                "pushing", "compel", "compelled", "permit", "permitted", "demand", "demanded", "demands",
                "enable", "enabled", "help", "helped", "helps", "warn", "warned", "warns", "give", "gave", "given",
                "gives", "giving", "grant", "granted"});
}

// Verbs that report what follows ("X said it would ...").
bool IsReporting(std::string_view k) {
  return In(k, {"said", "says", "say", "saying", "told", "tells", "announced", "announces", "added", "adds",
                "stated", "states", "declared", "declares", "warned", "warns", "insisted", "insists", "claimed",
                "claims", "confirmed", "confirms", "argued", "argues", "noted", "notes", "explained", "vowed",
                "vows", "pledged", "pledges", "promised", "promises", "threatened", "threatens", "acknowledged",
                "admitted", "denied", "denies", "indicated", "reported", "wrote", "affirmed", "maintained",
                "asserted", "alleged", "alleges", "accused", "believes", "believed", "hoped", "hopes", "feared",
                "fears", "expected", "expects", "thought", "knew", "decided", "agreed", "suggested"});
}

// Prepositions that attach a modifier to a noun inside a subject phrase ("the attack on the
// army", "troops from Chad"); subordinators ("after", "because") are not among them: they
// begin a clause.
bool IsNounPreposition(std::string_view k) {
  return In(k, {"of", "in", "on", "at", "from", "for", "with", "against", "near", "by", "over", "across",
                "inside", "outside", "within", "under", "between", "among", "around", "into", "throughout",
                "along", "toward", "towards", "behind", "about"});
}

// Words that begin a subordinate clause ending a verb's object.
bool IsSubordinator(std::string_view k) {
  return In(k, {"after", "before", "because", "since", "until", "although", "though", "whereas", "while",
                "when", "unless", "whenever"});
}

bool IsPronounSubject(std::string_view k) { return In(k, {"it", "they", "he", "she", "we"}); }

constexpr int kMaxDepth = 3;          // nested infinitives / reporting clauses followed
constexpr uint32_t kMaxPhrase = 14;   // words of a subject phrase read backwards

}  // namespace

ClauseRoles::ClauseRoles(const Sentence& s, const std::vector<ActorMention>& mentions)
    : s_(s), mentions_(mentions) {
  enabled_ = !s.tree && !s.tags.empty() && s.tags.size() == s.tokens.size();
  if (!enabled_) return;
  cover_.assign(s.tokens.size(), -1);
  for (size_t m = 0; m < mentions.size(); ++m)
    for (uint32_t t = mentions[m].first; t < mentions[m].end && t < n(); ++t) cover_[t] = static_cast<int>(m);
}

const std::string& ClauseRoles::key(uint32_t t) const { return s_.tokens[t].key; }

bool ClauseRoles::IsVerbTag(uint32_t t) const { return tag(t).starts_with("VB") || tag(t) == "MD"; }

bool ClauseRoles::IsFiniteVerb(uint32_t t) const {
  return In(tag(t), {"VBD", "VBZ", "VBP", "MD"});
}

bool ClauseRoles::CodedMention(int m) const {
  return m >= 0 && !mentions_[static_cast<size_t>(m)].code.empty();
}

int ClauseRoles::MentionEndingAt(uint32_t end) const {
  if (end == 0 || end > n()) return -1;
  const int m = cover_[end - 1];
  return m >= 0 && mentions_[static_cast<size_t>(m)].end == end && CodedMention(m) ? m : -1;
}

int ClauseRoles::MentionCovering(uint32_t t) const { return t < n() ? cover_[t] : -1; }

uint32_t ClauseRoles::VerbGroupStart(uint32_t verb_first, uint32_t clause_start, int* to_pos) const {
  *to_pos = -1;
  uint32_t k = verb_first;
  while (k > clause_start) {
    const uint32_t t = k - 1;
    if (MentionCovering(t) >= 0) break;
    if (key(t) == "to" && tag(t) == "TO") {
      *to_pos = static_cast<int>(t);
      return t;
    }
    if (IsAuxiliary(key(t)) || tag(t) == "MD" || (tag(t).starts_with("RB") && key(t) != "there")) {
      k = t;
      continue;
    }
    break;
  }
  return k;
}

int ClauseRoles::Subject(uint32_t verb_first, uint32_t clause_start) const {
  if (!enabled_ || verb_first > n()) return kUndecided;
  return SubjectAt(verb_first, clause_start, 0);
}

int ClauseRoles::SubjectAt(uint32_t verb_first, uint32_t clause_start, int depth) const {
  if (depth > kMaxDepth) return kUndecided;
  int to_pos = -1;
  const uint32_t k = VerbGroupStart(verb_first, clause_start, &to_pos);
  // An infinitive: its controller.
  if (to_pos >= 0) return InfinitiveSubject(static_cast<uint32_t>(to_pos), clause_start, depth);
  if (k <= clause_start) return kUndecided;
  const uint32_t p = k - 1;
  // A relative pronoun subject stands for the phrase before it: "the junta that seized
  // power", "Barkhane, which fights ...". When that phrase names no actor but is itself an
  // apposition ("Operation Serval, the 2013 intervention that pushed ..."), the phrase before
  // the apposition's comma does.
  if (MentionCovering(p) < 0 && In(key(p), {"who", "which", "that"}) && In(tag(p), {"WDT", "WP", "IN"})) {
    uint32_t j = p;
    if (j > clause_start && key(j - 1) == ",") --j;
    // The actor right before the pronoun ("the vacancy left by N'Daw, who resigned"), else
    // the head of the phrase before it ("a Human Rights Watch report on April 5 that ...").
    if (MentionEndingAt(j) >= 0) return MentionEndingAt(j);
    const int m = NounPhraseBefore(j, clause_start, depth + 1);
    if (m >= 0) return m;
    for (uint32_t c = j, steps = 0; c > clause_start && steps < 8; --c, ++steps) {
      if (key(c - 1) == ",") {
        const int before = NounPhraseBefore(c - 1, clause_start, depth + 1);
        return before >= 0 ? before : kNoActor;
      }
      if (IsVerbTag(c - 1) && MentionCovering(c - 1) < 0) break;
    }
    return kNoActor;
  }
  // An unresolved pronoun subject ("Mali said it would ..."): the subject of the reporting
  // verb that introduces the clause; any other pronoun names no actor here.
  if (MentionCovering(p) < 0 && tag(p) == "PRP" && IsPronounSubject(key(p))) {
    for (uint32_t t = p, steps = 0; t > clause_start && steps < 8; --t, ++steps) {
      const uint32_t u = t - 1;
      if (MentionCovering(u) >= 0) continue;
      if (IsVerbTag(u)) {
        if (IsReporting(key(u))) return SubjectAt(u, clause_start, depth + 1);
        break;
      }
    }
    // After an introductory phrase ("In a statement read on state television, it blamed
    // ..."), the actors of that phrase are not the pronoun's antecedent.
    if (p > clause_start + 1 && key(p - 1) == "," && tag(clause_start) == "IN") {
      bool verb = false;
      for (uint32_t t = clause_start; t + 1 < p; ++t) verb |= MentionCovering(t) < 0 && IsFiniteVerb(t);
      if (!verb) return kNoActor;
    }
    return kUndecided;
  }
  // A participle: after a comma it is an adjunct of the main clause ("..., accusing France
  // of ..."); after a phrase that names no actor it describes the object of the verb before
  // ("published a report blaming X"), whose subject it takes.
  if (k == verb_first && tag(verb_first) == "VBG") {
    if (key(p) == ",") {
      for (uint32_t g = clause_start; g < p; ++g) {
        if (MentionCovering(g) >= 0 || !IsVerbTag(g) || tag(g) == "VBG") continue;
        if (g > clause_start && In(key(g - 1), {"who", "which", "that", "to"})) continue;
        const int r = SubjectAt(g, clause_start, depth + 1);
        return r == kUndecided ? kNoActor : r;
      }
      return kNoActor;
    }
    const int r = NounPhraseBefore(k, clause_start, depth);
    if (r != kNoActor) return r;
    for (uint32_t g = p; g > clause_start; --g)
      if (MentionCovering(g - 1) < 0 && IsFiniteVerb(g - 1)) return SubjectAt(g - 1, clause_start, depth + 1);
    return r;
  }
  return NounPhraseBefore(k, clause_start, depth);
}

int ClauseRoles::InfinitiveSubject(uint32_t to_pos, uint32_t clause_start, int depth) const {
  // The governing word: the nearest verb (or "ready", "able", "due", "likely") before "to".
  for (uint32_t t = to_pos, steps = 0; t > clause_start && steps < 15; --t, ++steps) {
    const uint32_t g = t - 1;
    if (MentionCovering(g) >= 0) continue;
    if (key(g) == "," || key(g) == ";") break;
    // An infinitive completing a noun ("a deal between A and B to strengthen ...", "plans
    // to"): the noun's own actors, which the caller's nearest-actor reading finds.
    if (tag(g).starts_with("NN") &&
        In(key(g), {"deal", "agreement", "accord", "pact", "plan", "plans", "decision", "attempt", "effort",
                    "efforts", "bid", "move", "order", "call", "calls", "pledge", "promise", "threat", "offer",
                    "request", "demand", "push", "campaign", "operation", "mission", "ultimatum", "deadline",
                    "right", "commitment", "proposal", "initiative"}))
      return kUndecided;
    const bool adjective = In(key(g), {"ready", "able", "unable", "due", "likely", "willing", "prepared"});
    if (!IsVerbTag(g) && !adjective) continue;
    // Object control: the object between the verb and "to" is the infinitive's subject when
    // it names an actor ("urged Mali to", "called on the junta to", "gave France a month to").
    if (IsObjectControl(key(g))) {
      for (uint32_t u = g + 1; u < to_pos; ++u) {
        const int m = MentionCovering(u);
        if (CodedMention(m)) return m;
        if (m < 0 && IsVerbTag(u)) break;
      }
    }
    // Subject control and everything else: the subject of the governing verb ("decided to
    // close", "used his speech to accuse", "are expected to negotiate").
    return SubjectAt(g, clause_start, depth + 1);
  }
  return kUndecided;
}

uint32_t ClauseRoles::InsertStart(uint32_t comma, uint32_t clause_start) const {
  for (uint32_t t = comma; t > clause_start; --t)
    if (key(t - 1) == ",") return t;
  return clause_start;
}

bool ClauseRoles::IsInsert(uint32_t first, uint32_t comma) const {
  if (first >= comma) return false;
  const std::string& k0 = key(first);
  // Relative clauses, attributions, "including ..." lists.
  if (In(k0, {"who", "which", "whose", "whom", "where", "according", "including", "citing"})) return true;
  // Participle phrases: "led by X", "backed by Y".
  if (MentionCovering(first) < 0 && (tag(first) == "VBN" || tag(first) == "VBG")) return true;
  // Appositions: a noun phrase ("Mali's junta leader", "the bloc's chairman") with no finite
  // verb. A segment opening with a verb is a coordinated verb phrase, not an insert.
  const std::string& t0 = tag(first);
  if (!(MentionCovering(first) >= 0 || t0.starts_with("NN") || t0.starts_with("JJ") || t0 == "DT" || t0 == "CD" ||
        t0 == "PRP$"))
    return false;
  for (uint32_t t = first; t < comma; ++t)
    if (MentionCovering(t) < 0 && IsFiniteVerb(t)) return false;
  return true;
}

bool ClauseRoles::BreaksCoordination(uint32_t comma, uint32_t verb_first, uint32_t clause_start) const {
  if (!enabled_ || comma >= n() || verb_first >= n() || key(comma) != ",") return false;
  // ", accusing France of ...": a participle adjunct of the main clause.
  if (tag(verb_first) == "VBG") return true;
  const uint32_t first = InsertStart(comma, clause_start);
  return first > clause_start && key(first - 1) == "," && IsInsert(first, comma);
}

int ClauseRoles::NounPhraseBefore(uint32_t end, uint32_t clause_start, int depth) const {
  if (end <= clause_start) return kUndecided;
  // A comma insert between the subject and its verb: the subject is before the insert, or,
  // for an apposition after a phrase that names no actor, in the apposition.
  if (key(end - 1) == ",") {
    const uint32_t comma = end - 1;
    const uint32_t first = InsertStart(comma, clause_start);
    if (!(first > clause_start && key(first - 1) == ",") || !IsInsert(first, comma)) return kUndecided;
    const int before = NounPhraseBefore(first - 1, clause_start, depth + 1);
    if (before >= 0 || depth + 1 > kMaxDepth) return before;
    const bool apposition = !In(key(first), {"who", "which", "whose", "whom", "where", "according",
                                             "including", "citing"}) &&
                            tag(first) != "VBN" && tag(first) != "VBG";
    if (apposition) {
      for (uint32_t t = first; t < comma; ++t) {
        const int m = MentionCovering(t);
        if (CodedMention(m)) return m;
        if (In(tag(t), {"IN", "TO"})) break;
      }
    }
    return before;
  }
  // Read the phrase backwards: nouns, adjectives, determiners, possessives, numbers, actor
  // mentions, prepositional modifiers, parentheses and reduced relatives ("led by X").
  uint32_t t = end;
  uint32_t words = 0;
  bool conjunction = false;  // an "and"/"or" read: a list whose commas belong to the phrase
  while (t > clause_start && words < kMaxPhrase) {
    const uint32_t u = t - 1;
    const int m = MentionCovering(u);
    if (m >= 0) {
      t = std::max(clause_start, mentions_[static_cast<size_t>(m)].first);
      ++words;
      continue;
    }
    const std::string& tg = tag(u);
    const std::string& k = key(u);
    if (k == ")") {  // a parenthesis: "(AQIM)"
      uint32_t open = u;
      while (open > clause_start && key(open) != "(") --open;
      if (key(open) != "(") break;
      t = open;
      ++words;
      continue;
    }
    if (tg.starts_with("NN") || tg.starts_with("JJ") || tg == "CD" || tg == "DT" || tg == "PDT" ||
        tg == "PRP$" || tg == "POS" || tg == "HYPH" || k == "'s" || k == "-") {
      t = u;
      ++words;
      continue;
    }
    // Coordinated phrases: "France, Germany and other European states".
    if ((In(k, {"and", "or"}) || (k == "," && conjunction)) && u > clause_start && u + 1 < end &&
        (MentionCovering(u - 1) >= 0 || tag(u - 1).starts_with("NN")) &&
        (MentionCovering(u + 1) >= 0 || tag(u + 1).starts_with("NN") || tag(u + 1).starts_with("JJ") ||
         tag(u + 1) == "DT" || tag(u + 1) == "PRP$")) {
      conjunction = true;
      t = u;
      ++words;
      continue;
    }
    // A prepositional modifier or a reduced relative ("mediators led by X") inside the phrase:
    // only when a noun or an actor precedes it.
    // "soldiers deployed in Niger", "mediators led by X".
    const bool participle = (tg == "VBN" || tg == "VBD") && u + 1 < end &&
                            (key(u + 1) == "by" || (tg == "VBN" && tag(u + 1) == "IN"));
    if ((tg == "IN" && IsNounPreposition(k)) || participle) {
      auto nominal = [&](uint32_t w) {
        return MentionCovering(w) >= 0 || tag(w).starts_with("NN") || key(w) == ")";
      };
      // After a noun, or after a participle that follows a noun ("led by", "deployed in").
      const bool after_participle = u > clause_start + 1 && (tag(u - 1) == "VBN" || tag(u - 1) == "VBD") &&
                                    MentionCovering(u - 1) < 0 && nominal(u - 2);
      if (u > clause_start && (nominal(u - 1) || after_participle)) {
        t = u;
        ++words;
        continue;
      }
    }
    break;
  }
  if (t == end) return kUndecided;
  // The head's actor: the last coded mention before the first preposition other than "of"
  // ("the UN mission MINUSMA", "the leader of JNIM"), the first of a coordinated list.
  int head = kNoActor;
  for (uint32_t u = t; u < end; ++u) {
    const int m = MentionCovering(u);
    if (m >= 0) {
      if (CodedMention(m) && mentions_[static_cast<size_t>(m)].first >= t) head = m;
      u = mentions_[static_cast<size_t>(m)].end - 1;
      continue;
    }
    if (In(key(u), {"and", "or", ","}) && head >= 0) break;
    if ((tag(u) == "IN" && key(u) != "of") || ((tag(u) == "VBN" || tag(u) == "VBD") && u + 1 < end && key(u + 1) == "by"))
      break;
  }
  return head;
}

uint32_t ClauseRoles::ObjectEnd(uint32_t verb_end, uint32_t limit) const {
  if (!enabled_) return limit;
  limit = std::min(limit, n());
  // A verb inside an opening subordinate clause ("After Goïta took power in May, Paris
  // suspended ...", "When the junta expelled the envoy, France ..."): its object is within
  // that clause, which ends at the first comma after the verb.
  uint32_t clause = verb_end;
  while (clause > 0 && !In(key(clause - 1), {",", ";", ":"})) --clause;
  if (clause < n() && In(key(clause), {"\"", "``"})) ++clause;
  const bool opening_subordinate = clause == 0 || (clause == 1 && In(key(0), {"\"", "``"}));
  if (opening_subordinate && clause < verb_end && IsSubordinator(key(clause)))
    for (uint32_t k = verb_end; k < limit; ++k)
      if (key(k) == "," && MentionCovering(k) < 0) {
        limit = k;
        break;
      }
  for (uint32_t k = verb_end; k < limit; ++k) {
    if (MentionCovering(k) >= 0) continue;
    // A relative clause on the object ends the search: "expelled the envoy who had ...".
    if (k > verb_end && In(key(k), {"who", "which", "where", "whom", "whose", "that"}) &&
        In(tag(k), {"WDT", "WP", "WP$", "WRB"}))
      return k;
    // A subordinate clause with its own subject and finite verb: "... after C began ...".
    if (k > verb_end && IsSubordinator(key(k))) {
      for (uint32_t j = k + 2; j < limit && j < k + 10; ++j) {
        if (key(j) == "," || key(j) == ";") break;
        if (MentionCovering(j) < 0 && IsFiniteVerb(j)) return k;
      }
    }
  }
  return limit;
}

bool ClauseRoles::ReducedPassive(uint32_t verb_first, uint32_t verb, uint32_t verb_end) const {
  if (!enabled_ || verb >= n() || verb_first == 0) return false;
  if (tag(verb) != "VBN") return false;  // "arrived by helicopter" (VBD) is active
  // An auxiliary before the participle makes it a perfect or an ordinary passive.
  for (uint32_t t = verb_first; t > 0 && verb_first - t < 3; --t) {
    const std::string& k = key(t - 1);
    if (IsAuxiliary(k) && !In(k, {"also", "not", "n't", "never"})) return false;
    if (!tag(t - 1).starts_with("RB")) break;
  }
  // After a noun, an actor or a comma: "the agreement, signed ...", "mediators led by".
  const uint32_t prev = verb_first - 1;
  if (!(MentionCovering(prev) >= 0 || tag(prev).starts_with("NN") || key(prev) == ",")) return false;
  // "by" right after the participle, or after a time or place adverbial ("signed in 2015
  // by"); an object between them ("welcomed the adoption by Mali") makes the verb active.
  for (uint32_t t = verb_end; t < n() && t < verb_end + 5; ++t) {
    if (key(t) == "by") return true;
    if (MentionCovering(t) >= 0 || !(tag(t) == "IN" || tag(t) == "CD" || tag(t) == "NNP" || tag(t).starts_with("RB")))
      break;
  }
  return false;
}

bool ClauseRoles::ObjectPronoun(uint32_t verb_end) const {
  return enabled_ && verb_end < n() && MentionCovering(verb_end) < 0 && In(key(verb_end), {"it", "them", "him", "her"});
}

bool ClauseRoles::ReciprocalObject(uint32_t verb_end, uint32_t limit) const {
  if (!enabled_) return false;
  limit = std::min(limit, n());
  for (uint32_t k = verb_end; k + 1 < limit && k < verb_end + 3; ++k)
    if ((key(k) == "each" && key(k + 1) == "other") || (key(k) == "one" && key(k + 1) == "another")) return true;
  return false;
}

bool ClauseRoles::NonActorObject(uint32_t verb_end, uint32_t limit) const {
  if (!enabled_) return false;
  limit = std::min(limit, n());
  uint32_t k = verb_end;
  while (k < limit && (tag(k) == "RB" || tag(k) == "RBR" || tag(k) == "RP")) ++k;
  // A quantity opens the noun phrase: "killed at least 500 people", "more than 30 soldiers".
  if (k + 2 < limit && ((key(k) == "at" && In(key(k + 1), {"least", "most"})) ||
                        (In(key(k), {"more", "fewer", "less"}) && key(k + 1) == "than")))
    k += 2;
  if (k >= limit) return false;
  const std::string& t = tag(k);
  const bool noun_phrase = t == "DT" || t == "PDT" || t == "PRP$" || t == "CD" || t.starts_with("JJ") ||
                           t.starts_with("NN");
  if (!noun_phrase) return false;
  const int m = MentionCovering(k);
  return m < 0 || !CodedMention(m);
}

void GroupCoordinatedMentions(const Sentence& s, std::vector<ActorMention>* mentions) {
  if (s.tags.size() != s.tokens.size()) return;
  auto& ms = *mentions;
  for (size_t b = 1; b < ms.size(); ++b) {
    const size_t a = b - 1;
    if (ms[a].code.empty() || ms[b].code.empty() || ms[a].group == ms[b].group) continue;
    if (ms[b].first != ms[a].end + 1 || s.tokens[ms[a].end].key != ",") continue;
    const uint32_t e = ms[b].end;
    if (e + 1 >= s.tokens.size() || !In(s.tokens[e].key, {"and", "or"})) continue;
    const std::string& next = s.tags[e + 1];
    if (!(next == "DT" || next.starts_with("JJ") || next.starts_with("NN"))) continue;
    // "France, Germany and other European states": the list's actors act together.
    const int from = ms[b].group;
    for (ActorMention& m : ms)
      if (m.group == from) m.group = ms[a].group;
  }
}

}  // namespace griot

// The coding engine: verbs and their patterns, roles (source, target), modality, date and
// place, assembled into event records. Reads only the Sentence structure and the
// dictionaries; knows nothing of files, databases or the network.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "coding/event.h"
#include "coding/mentions.h"
#include "dict/dictionary_set.h"
#include "structure/sentence.h"
#include "text/document.h"

namespace griot {

// How roles and patterns are read. kGriot is griot's own reading, tuned for news text;
// kPetrarch1 reproduces PETRARCH-1/TABARI semantics on parsed sentences (first coded actor
// of the clause as source, patterns in file order, the rest of a coded VP skipped, comma
// clauses deleted), for users of the field's dictionaries and for conformance
// (docs/conformance.md). Sentences without a parse always use kGriot.
enum class Semantics { kGriot, kPetrarch1 };

class DeepParser;  // coding/deep_parse.h

struct CoderOptions {
  Semantics semantics = Semantics::kGriot;
  // PETRARCH options (used by kPetrarch1): unknown-actor phrases of at most this many words
  // are coded as quoted text; comma-clause deletion limits.
  int new_actor_length = 0;
  int comma_min = 2, comma_max = 8, comma_bmin = 0, comma_bmax = 0, comma_emin = 2, comma_emax = 8;
  // Emit an event only when both source and target are known (PETRARCH's require_dyad).
  bool require_dyad = false;
  // Verbal cooperation and statements (CAMEO roots 01-05) are coded only with a target:
  // "X said" or "X supported" alone is not an event.
  bool statements_need_target = true;
  // At most this many events from one verb with compound actors ("A and B attacked C and D").
  int max_compound_events = 64;
  // Agents named without a country ("the junta", "soldiers") take the document's dominant
  // country (at least two mentions and 40% of those naming a country), for state sectors
  // (GOV MIL COP JUD LEG SPY); the actor is marked "country_inferred".
  bool infer_agent_country = true;
  // Raw text: parse each sentence with Link Grammar before coding (`--parser link`); null:
  // the fast path. Shared by all threads.
  std::shared_ptr<const DeepParser> deep_parser;

  // TABARI's reading (the TABARI validation runner sets these; griot's news coding leaves
  // them off). See docs/conformance.md.
  // A code marked '?' ("SAID [023?]") is coded only when its sentence yields no other event.
  bool subordinate_codes = false;
  // A code marked '!' ("ATTEND [031!]"), once coded, is the only code of its sentence: the
  // events of the sentence's other verbs are dropped.
  bool dominant_codes = false;
  // The source is the first actor of the verb's clause rather than the nearest one before
  // the verb (TABARI's clauses start after a conjunction; an actor after a preposition other
  // than "of" is not the clause's, and the sentence's first actor is taken); an object pronoun ("assist him")
  // is the sentence's first actor other than the source; when a pattern's '+' takes the
  // clause's first actor, or the target of a passive without a "by" phrase, the source is the
  // first actor after the verb.
  bool source_first_in_clause = false;
  // Pattern words may be any distance from the verb within the clause (griot: at most four
  // words, not across a preposition), and a later verb does not end the pattern's reach.
  bool open_pattern_gaps = false;
  // Before the verb, a synset element of a pattern is sought back across any words, whatever
  // joins it to the next element: `MOST_CERTAINLY_&NEGATVAUXVRB_EVER *` matches "most certainly
  // really did not even ever clash" (TABARI's matcher). griot: a '_' after it keeps it next to
  // the following word.
  bool synsets_sought_back = false;
  // Which verbs are coded: every verb (griot), the first coded verb of each clause (TABARI's
  // CODE BY CLAUSE: clauses split at conjunctions), or of the sentence (CODE BY SENTENCE).
  enum class CodeBy { kAll, kClause, kSentence };
  CodeBy code_by = CodeBy::kAll;
  // With tagged text, a verb word must carry a verb tag. Off: tags are ignored when finding
  // verbs (TABARI has no tagger).
  bool verbs_need_verb_tag = true;
  // Without tags, a verb word is read as a noun only after an article ("the restore"); griot
  // also reads it so after possessives, numbers, adjectives and nouns ("its presence").
  bool nouns_after_articles_only = false;
  // A compound subject without an object acts on itself ("Gondor and Osgiliath agree": both
  // ordered pairs). TABARI: only through a compound token ('%') of a pattern.
  bool compound_acts_on_itself = true;
  // A compound acting on itself through a '%' pattern with a paired code ("- % * [044:045]")
  // also gets the paired code for each ordered pair, as a source and a target would (TABARI).
  bool compound_pairs_take_paired_code = false;
  // A verb whose clause names no actor is still coded, with neither source nor target (for
  // TABARI's DEFAULT: actors, which fill the empty roles).
  bool code_without_actors = false;
  // The target is sought within the verb's clause only, up to a conjunction that opens the
  // next clause (not one joining two actors or two words of the <NOUN> / <ADJECTIVE> lists);
  // an actor with the source's code (a pronoun standing for it) is passed over; when no actor
  // follows the verb, the nearest actor between the source and the verb is the target
  // (TABARI), and stands alone when it is a later member of a list (TABARI expands a list
  // from its first member only). griot: the first actor after the verb, up to the object's end.
  bool targets_in_clause = false;
  // A passive verb ("was reported") is read as passive only with a "by" phrase after it in its
  // clause, or when a pattern binds one of its roles; otherwise as active (TABARI). griot: the
  // be-auxiliary decides.
  bool passive_needs_by = false;
  // A personal pronoun the reference resolver left open stands for the sentence's first actor:
  // a subject pronoun opening a clause ("... and then it requested") gives the clause its
  // source, an object pronoun after the verb ("assist him") its target, passed over when it
  // stands for the source ("Gondor urged Bree to assist it": Bree). TABARI's pronoun rule;
  // used with targets_in_clause and source_first_in_clause.
  bool pronouns_for_first_actor = false;
  // A clause of fewer than three words ("Gondor alleged and acknowledged that ...": "Gondor
  // alleged") is not coded, and until a verb of the sentence has found a source, a verb whose
  // clause names no actor before it takes the clause's first actor after it (TABARI's clause
  // loop). Used with code_by and source_first_in_clause.
  bool skip_short_clauses = false;
  // A plural pronoun after the verb ("them", "their") stands for the sentence's first compound
  // before it, else for its first actor (TABARI). As a target it is passed over only when the
  // source's code is the code of the actor it stands for without that actor's agents; so "The
  // ambassadors of Arnor, Osgiliath and Gondor presented their credentials" (source ARNGOV,
  // "their" ARN) makes the compound act on itself: every ordered pair of its members. Used
  // with targets_in_clause.
  bool plural_pronouns_for_compounds = false;
  // A compound acts as a whole only in a role found at its first member; a role found at a
  // later member (the nearest actor before the verb, "... with the IMF and Red Cross, and Elrond
  // the chief of military attack intelligence": Elrond) is that member alone (TABARI).
  bool compounds_whole_from_first_member = false;
  // TABARI's complexity filter (its COMPLEX: command): a sentence with at least
  // `complex_verbs` verbs (VERBS[n]), or at least `complex_conjunctions` conjunctions joining
  // clauses (CONJ[n]; "and", "but", "or" between two actors or two words of the <NOUN> /
  // <ADJECTIVE> lists join phrases and are not counted), or, with `complex_no_actor_prior`
  // (NOACTPRIOR), no coded actor before its first verb with a code (null-coded verbs, [---],
  // are skipped), is complex: it yields no event and DocumentResult::complex says why. Verbs
  // are the dictionary verbs the coder reads as verbs (not nouns after an article). 0 / false:
  // the test is off (griot).
  int complex_verbs = 0;
  int complex_conjunctions = 0;
  bool complex_no_actor_prior = false;
  // For NOACTPRIOR: a personal pronoun before the verb stands for an actor named in an earlier
  // record (TABARI's FORWARD:), so it counts as an actor.
  bool complex_pronoun_forwarded = false;
  // How agents combine with actors (mentions.h).
  MentionOptions mentions;
};

// The options that read text as TABARI does, CODE BY CLAUSE (docs/conformance.md, "How griot
// runs it"): what the TABARI suite runner starts from before its `{OPTION:}` switches.
CoderOptions TabariCoderOptions();

struct DocumentResult {
  std::vector<Event> events;
  uint32_t sentences = 0;
  bool discarded_story = false;  // a story-level discard phrase matched: nothing is coded
  // Why a sentence was found complex (CoderOptions::complex_*), e.g. "5 verbs"; empty if none.
  // A complex sentence yields no event.
  std::string complex;
  std::vector<std::string> sentence_errors;  // pre-parsed sentences rejected ("sentence 2: ...")
};

// What a verb pattern needs of a sentence before it is matched: its literal words (as
// HashKey values, a run of `words` in a shared array from `first_word`) must all occur, and
// their 64-bit signature (WordSignature) must be contained in the sentence's, so that most
// patterns are skipped with one AND and the rest with a few hash probes. Each synset
// element needs one of its members' first words: `groups` entries of PatternTables::group_refs
// from `first_group` (synsets with stem or gapped members are left to the matcher).
struct PatternWordFilter {
  uint64_t signature = 0;
  uint32_t first_word = 0;
  uint32_t words = 0;
  uint32_t first_group = 0;
  uint32_t groups = 0;
};

// What the coder derives from the verb dictionary once, for matching patterns fast.
struct PatternTables {
  // Per verb block, per pattern: the literal words' filter.
  std::vector<std::vector<PatternWordFilter>> filters;
  std::vector<uint64_t> words;  // the HashKey of each filter's words, in runs
  std::vector<std::pair<uint32_t, uint32_t>> groups;  // per synset: (first, count) in `words`
  std::vector<uint32_t> group_refs;  // the groups of each filter, in runs (PatternWordFilter)
  // The synset of each synset element of a pattern, with the HashKey of each member's first
  // word (0 for a member opening with an actor token, or empty: always tried), so that a
  // synset is matched at a token by comparing hashes before words, in member order.
  struct Synset {
    const std::vector<std::vector<std::string>>* members = nullptr;
    std::vector<uint64_t> first;
    // (first-word hash, member index) of the members with a hash, sorted: a token's
    // candidates are found by binary search instead of a pass over every member (TABARI's
    // synsets run to hundreds of members). `always`: the members with hash 0, in order.
    std::vector<std::pair<uint64_t, uint32_t>> by_first;
    std::vector<uint32_t> always;
  };
  std::vector<Synset> synsets;
  std::unordered_map<const PatternElement*, uint32_t> synset_of;
};

class Coder {
 public:
  Coder(std::shared_ptr<const DictionarySet> dicts, CoderOptions options = {});

  // Codes every sentence of `doc`. Thread-safe: one Coder serves all threads.
  DocumentResult CodeDocument(const Document& doc) const;
  // Codes sentences already built (from a Treebank parse, say) as part of `doc`: the same
  // engine as CodeDocument, which splits doc.text itself.
  DocumentResult CodeSentences(const Document& doc, const std::vector<Sentence>& sentences) const;

  const DictionarySet& dictionaries() const { return *dicts_; }

 private:
  std::shared_ptr<const DictionarySet> dicts_;
  CoderOptions options_;
  PatternTables patterns_;
};

// Removes from events[first, end) the events that repeat another event of the same sentence
// with one actor missing (same code, same other actor); griot semantics applies it to each
// sentence's events.
void DropSubsumedEvents(std::vector<Event>* events, size_t first);

// One bit (of 64) chosen by a word's hash (HashKey): a sentence's signature is the OR over
// its words, and a pattern can only match if its signature is contained in the sentence's.
uint64_t WordSignature(uint64_t key_hash);

// The stable identifier of an event: 16 hex digits of a 64-bit FNV-1a hash over the
// document id, sentence index, trigger offset, actors (code and offset) and event code.
std::string MakeEventId(const std::string& doc_id, uint32_t sentence, uint32_t trigger_begin,
                        const std::string& source, const std::string& target,
                        const std::string& code);

}  // namespace griot

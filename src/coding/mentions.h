// Actor mentions, place mentions and date expressions found in a sentence from the
// dictionaries — the noun side of coding.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/date.h"
#include "coding/event.h"
#include "dict/dictionary_set.h"
#include "structure/sentence.h"

namespace griot {

// One actor named in a sentence: an actor phrase, an agent, or both combined ("Malian
// soldiers" = MLI + ~MIL; "the president of Mali" = ~GOV of MLI; "Defence Minister Sadio
// Camara" = the person's dated code).
struct ActorMention {
  uint32_t first = 0;  // tokens [first, end)
  uint32_t end = 0;
  std::string code;
  std::string actor_id;
  int actor_entry = -1;
  int agent_entry = -1;
  bool is_country = false;  // a bare country (or seat) phrase: may be a place after "in"
  int group = -1;           // compound group ("X and Y"): mentions sharing a group act together
  bool country_inferred = false;  // country taken from the document, not the phrase
  bool agent_first = false; // built as agent + of/in/from + actor ("the president of Mali")
  // TABARI phrases whose words other words may separate ("PRINCE DOL_AMROTH" in "the Prince
  // of Dol Amroth"): bit k marks token first+k as a word of the phrase after such a gap. The
  // mention spans the words before the gap; these tokens belong to it too.
  uint64_t tail = 0;
};

struct PlaceMention {
  uint32_t first = 0, end = 0;
  int place = -1;  // resolved place id, or -1 when ambiguous
};

struct DateMention {
  uint32_t first = 0, end = 0;
  Date date;
};

// How agents combine with actors. The defaults are griot's reading of news text; the TABARI
// validation runner sets TABARI's (CoderOptions::mentions).
struct MentionOptions {
  // Modifier words that may stand between an actor and its agent ("Malian transitional
  // authorities"); TABARI: none ("Dagolath's first Deputy Prime Minister" stays Dagolath).
  int agent_modifier_words = 2;
  // An agent named alone right before another content word is a modifier, not an actor
  // ("military equipment"); TABARI has no such rule ("the Muslims almost five years").
  bool agent_before_noun_is_modifier = true;
  // An agent before a list of actors applies to every member ("the ambassadors of Arnor,
  // Osgiliath and Gondor"); TABARI: to the first only.
  bool agent_to_whole_list = true;
  // An agent after an actor that already has a sector adds its code unless the code holds
  // it already, read in three-letter steps ("West German" GMWGOV + "world government" ~WGO
  // = GMWGOVWGO; "White House" USAGOV + ~GOV stays USAGOV). griot: only bare actors
  // ("Malian soldiers") take an agent's code. TABARI: true.
  bool agent_extends_sector_codes = false;
  // Code for an agent qualified by "former" ("former security officials", "former Gondor
  // prosecutors"): CAMEO's ELI (elites, including former officials) replaces the agent's own
  // code, and "former" may stand between an actor and its agent. Empty: "former" is an
  // ordinary word. TABARI: "ELI".
  std::string former_agent_code;
  // A word of the verb dictionaries is a verb whatever its POS tag (unless an article comes
  // before it), so it cannot be a modifier between the members of a compound ("Danish shot
  // and wounded Gondor" is no list). griot: the tag decides. TABARI: true (it has no tagger).
  bool verb_words_by_dictionary = false;
  // Compound actors are read around each "and" (or "nor") by word class, as TABARI marks
  // them: after the conjunction, the actors that follow separated only by articles and words
  // of the <ADJECTIVE> lists ("Calenardhon and the evil Arnor awful Gondor": all three);
  // before it, actors each separated from the next by a comma or conjunction (articles and
  // adjectives may stand between too). Any other word ends the compound: an agent ("Arnor and
  // Gondor Defense Ministers Arnor and Gondor" is two compounds), a preposition, a verb. An
  // actor's possessive belongs to it ("Gondor and Arnor's Elrond": three members), and two
  // actors side by side join only through one (TABARI joins any; see mentions.cc). griot: runs
  // of actors whose last gap holds a conjunction, with up to three modifier words (by their
  // tags) in each gap. TABARI: true.
  bool compounds_from_and = false;
};

// Finds actor mentions. `date` selects dated codes.
std::vector<ActorMention> FindMentions(const Sentence& s, const DictionarySet& dicts,
                                  const std::optional<Date>& date, const MentionOptions& options = {});

// Finds places after locative prepositions ("in Moura", "near the town of Boulkessi"), and
// turns country/seat mentions in that position into places (removing them from `mentions`).
// An ambiguous name resolves to the candidate in `doc_countries`, else stays unresolved.
std::vector<PlaceMention> FindPlaces(const Sentence& s, const DictionarySet& dicts,
                                     const std::unordered_set<std::string>& doc_countries,
                                     std::vector<ActorMention>* mentions);

// Finds date expressions and resolves them against the document date `ref`: "on Tuesday",
// "in June", "last year", "on 24 July 2023", "July 24, 2023", "in 2020", "since 2012",
// "yesterday".
std::vector<DateMention> FindDates(const Sentence& s, const Date& ref);

// Closed-class words (prepositions, determiners, auxiliaries, pronouns, common adverbs).
bool IsFunctionWord(std::string_view key);

// Splits an actor code into country (ISO alpha-3, if the dictionaries know it) and sector.
void SplitActorCode(const DictionarySet& dicts, const std::string& code, std::string* country,
                    std::string* sector);

}  // namespace griot

// `griot dict explain`: how griot reads a piece of text — the tokens, the dictionary entries
// that match (actors with the dated code chosen, agents and the combined code, places, date
// expressions, verb forms) and the events the coder produces from it. For dictionary authors
// checking why a sentence codes the way it does.
//
// It reuses the coder's own stages (BuildSentences, FindMentions, FindPlaces, FindDates and
// Coder::CodeDocument), so what it shows is what `griot code` does. The coder does not expose
// its per-verb decisions yet (which pattern was tried, why a verb gave no event); verbs are
// therefore shown with the events they triggered, identified by the trigger's position.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "coding/coder.h"
#include "coding/event.h"

namespace griot {

struct ExplainedMention {
  std::string text;  // the words of the sentence
  uint32_t first = 0, end = 0;
  std::string code;  // the code the mention carries
  bool became_place = false;  // a country or seat after a locative preposition: a place, not an actor
  // The actor entry, if any.
  std::string actor_id, actor_where, actor_code;  // actor_where: "file:line"
  std::string dated_code;   // the code line that applied, as written ("[MLIGOV >20210611]")
  std::string dated_where;  // its "file:line"
  // The agent entry, if any.
  std::string agent_phrase, agent_code, agent_where;
  bool agent_prefix = false;
};

struct ExplainedVerb {
  std::string text;
  uint32_t first = 0, end = 0;  // tokens
  std::string block, block_code, block_where;
  std::string form_kind;  // "base", "3rd person", "past", "gerund", "noun"
  std::string form_code;  // a form's own code, if any
  std::vector<size_t> events;  // events triggered here: indices into Explanation::events
};

struct ExplainedSentence {
  uint32_t index = 0;
  std::string text;
  std::vector<std::string> tokens;  // matching keys
  std::vector<ExplainedMention> mentions;
  std::vector<std::string> places;  // "Moura -> Moura (MLI, locality, 14.2, -4.5)"
  std::vector<std::string> dates;   // "on 24 July 2023 -> 2023-07-24"
  std::vector<ExplainedVerb> verbs;
};

struct Explanation {
  std::optional<Date> date;
  std::vector<ExplainedSentence> sentences;
  std::vector<Event> events;  // as `griot code` produces them
};

// Explains `text` (a document body; no header is read) as coded on `date` (none: dated codes
// use their fallback and date expressions are not resolved).
Explanation Explain(std::string_view text, const std::optional<Date>& date, const Coder& coder);

// The explanation as text for people.
std::string FormatExplanation(const Explanation& explanation);

}  // namespace griot

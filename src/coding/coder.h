// The coding engine: verbs and their patterns, roles (source, target), modality, date and
// place, assembled into event records. Reads only the Sentence structure and the
// dictionaries; knows nothing of files, databases or the network.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "coding/event.h"
#include "dict/dictionary_set.h"
#include "structure/sentence.h"
#include "text/document.h"

namespace griot {

struct CoderOptions {
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
};

struct DocumentResult {
  std::vector<Event> events;
  uint32_t sentences = 0;
  bool discarded_story = false;  // a story-level discard phrase matched: nothing is coded
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
};

// The stable identifier of an event: 16 hex digits of a 64-bit FNV-1a hash over the
// document id, sentence index, trigger offset, actors (code and offset) and event code.
std::string MakeEventId(const std::string& doc_id, uint32_t sentence, uint32_t trigger_begin,
                        const std::string& source, const std::string& target,
                        const std::string& code);

}  // namespace griot

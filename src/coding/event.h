// The coded event record: who did what to whom, when and where, with the sentence that says
// so. Field meanings are documented for users in docs/code-output.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/date.h"

namespace griot {

enum class Modality : uint8_t { kAsserted, kReported, kAlleged, kNegated, kFuture };
const char* ModalityName(Modality m);

struct Span {
  uint32_t begin = 0;  // byte offsets in the sentence
  uint32_t end = 0;
};

struct ActorRef {
  std::string text;      // the words of the sentence naming the actor
  std::string code;      // CAMEO-style actor code, e.g. "MLIGOV", "RUSPMC", "MIL"
  std::string country;   // ISO 3166 alpha-3, or empty
  std::string sector;    // "GOV", "MIL", "PMC", ... or empty
  std::string actor_id;  // dictionary entry id ("wagner_group"), or empty for agents alone
  bool agent_only = false;  // only an agent was named ("soldiers"): `code` is a sector
  bool country_inferred = false;  // the country comes from the document, not the phrase
  Span span;
};

struct Location {
  std::string name;
  std::string country;
  std::string admin1;
  std::optional<double> lat, lon;
  std::string precision;  // "locality", "region", "country"
  Span span;
};

struct Event {
  std::string event_id;  // stable: a hash of document, sentence, trigger and coding
  std::string doc_id;
  uint32_t sentence_index = 0;
  std::string sentence;
  Date date;
  std::optional<ActorRef> source, target;
  std::string cameo, cameo_root;
  int quad_class = 0;
  double goldstein = 0;
  std::string plover, plover_mode;
  Modality modality = Modality::kAsserted;
  std::optional<Location> location;
  Span trigger;
  std::string rule;  // "griot.verbs.txt:120 - * + [190]"
  std::string title, source_name, url;  // of the document, for outputs
};

}  // namespace griot

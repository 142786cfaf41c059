// Dictionary readers (actors, agents, verbs, code table, gazetteer) on arbitrary bytes:
// malformed lines become issues, never crashes.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dict/actor_dict.h"
#include "dict/code_table.h"
#include "dict/gazetteer.h"
#include "dict/verb_dict.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<griot::DictIssue> issues;
  griot::ActorDictionary actors;
  actors.Load(text, "f", &issues);
  actors.Finalize();
  griot::AgentDictionary agents;
  agents.Load(text, "f", &issues);
  agents.Finalize();
  griot::VerbDictionary verbs;
  verbs.Load(text, "f", &issues);
  verbs.Finalize();
  griot::CodeTable codes;
  codes.Load(text, "f", &issues);
  griot::Gazetteer places;
  places.Load(text, "f", &issues);
  places.Finalize();
  return 0;
}

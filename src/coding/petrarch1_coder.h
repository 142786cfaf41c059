// PETRARCH-1 / TABARI coding semantics over a parsed sentence (CoderOptions::semantics ==
// Semantics::kPetrarch1). Same dictionaries, same Sentence structure and the same Event
// record as the griot reading in coder.cc; only the rules for roles and patterns differ.
#pragma once

#include <vector>

#include "coding/coder.h"

namespace griot {

// Codes one parsed sentence (s.tree and s.tags set) of `doc` with PETRARCH-1 semantics and
// appends its events to `out`. Returns false (coding nothing) if the sentence has no parse.
bool CodePetrarch1Sentence(const DictionarySet& dicts, const CoderOptions& options, const Document& doc,
                           const Sentence& s, std::vector<Event>* out);

}  // namespace griot

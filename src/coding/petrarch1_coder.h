// PETRARCH-1 / TABARI coding semantics over a parsed sentence (CoderOptions::semantics ==
// Semantics::kPetrarch1). Same dictionaries, same Sentence structure and the same Event
// record as the griot reading in coder.cc; only the rules for roles and patterns differ.
// The rules are summarised at the top of petrarch1_coder.cc.
#pragma once

#include <string>
#include <vector>

#include "coding/coder.h"

namespace griot {

// Codes one parsed sentence (s.tree and s.tags set) of `doc` with PETRARCH-1 semantics and
// appends its events to `out`. Returns false (coding nothing) if the sentence has no parse.
// A parse PETRARCH-1 rejects (a dateline, a malformed tree) codes nothing and returns true.
// Thread-safe: reads only its arguments.
bool CodePetrarch1Sentence(const DictionarySet& dicts, const CoderOptions& options, const Document& doc,
                           const Sentence& s, std::vector<Event>* out);

// The sentence as PETRARCH-1 reads it before its verbs are coded: the token list after the
// noun-phrase rewrite, comma-clause deletion and NE coding, e.g. "(ROOT (S (NE ARN ARNOR ~NE
// (VP1 (VBZ IS ~VBZ ...". Empty if the sentence is rejected. For tests and diagnosis.
std::string Petrarch1TokenList(const DictionarySet& dicts, const CoderOptions& options, const Document& doc,
                               const Sentence& s);

// Applies one PETRARCH configuration option (a PETR_config.ini key or a unit-test suite's
// <Config option= value=>): require_dyad ("false" in any case turns it off), new_actor_length
// and comma_min/max, comma_bmin/bmax, comma_emin/emax (integers). Returns false, changing
// nothing, for an unknown option or a value that is not an integer.
bool ApplyPetrarchOption(const std::string& option, const std::string& value, CoderOptions* options);

}  // namespace griot

// English verb phrases for CAMEO event codes, used to turn a coded event back into a clause
// of prose ("clashed with JNIM", "imposed sanctions on Mali"). The wording is griot's own; the
// code names it paraphrases are in data/cameo/cameo_codes.tsv.
#pragma once

#include <string>
#include <string_view>

namespace griot::brief {

// The phrases of one code. "{t}" stands for the target's name.
struct VerbPhrase {
  const char* code;
  const char* past_target;     // "clashed with {t}"
  const char* past;            // no target: "fought"
  const char* base_target;     // after "to": "clash with {t}"
  const char* base;            // "fight"
  const char* noun;            // for an event with no known source: "fighting"
};

// The phrase for `cameo`: the code itself, else its nearest listed ancestor (three digits,
// then the root). Never null: unknown codes get a neutral "was involved in an event with".
const VerbPhrase& FindVerbPhrase(std::string_view cameo);

// Replaces "{t}" in `pattern` by `target`.
std::string FillTarget(std::string_view pattern, std::string_view target);

}  // namespace griot::brief

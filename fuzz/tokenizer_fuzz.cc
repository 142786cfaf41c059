// Tokenizer and sentence splitter on arbitrary bytes: no crash, offsets stay in bounds and
// sentences are ordered and non-overlapping.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/sentence_splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto tokens = griot::Tokenize(text);
  for (const auto& t : tokens)
    if (t.begin > t.end || t.end > size) std::abort();
  uint32_t last = 0;
  for (const auto& s : griot::SplitSentences(text, tokens)) {
    if (s.begin < last || s.end > size || s.first_token >= s.end_token || s.end_token > tokens.size()) std::abort();
    last = s.end;
  }
  return 0;
}

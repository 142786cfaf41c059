// Tokenizer, sentence splitter and sentence builder on arbitrary bytes: no crash, offsets
// stay in bounds, sentences are ordered and non-overlapping, and no built sentence holds more
// than kMaxSentenceTokens tokens (run-on input is cut, see structure/sentence.h).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "structure/sentence.h"
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
  griot::Document doc;
  doc.text.assign(text);
  last = 0;
  for (const griot::Sentence& s : griot::BuildSentences(doc)) {
    if (s.begin < last || s.end > size || s.tokens.size() > griot::kMaxSentenceTokens) std::abort();
    for (const auto& t : s.tokens)
      if (t.end > s.text.size()) std::abort();
    last = s.end;
  }
  return 0;
}

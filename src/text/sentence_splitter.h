// Sentence boundaries in news text, found over the tokens of a document.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace griot {

struct SentenceSpan {
  uint32_t begin = 0;        // byte offsets in the document text; text[begin, end) is the
  uint32_t end = 0;          // exact sentence
  uint32_t first_token = 0;  // tokens [first_token, end_token) of the document
  uint32_t end_token = 0;
};

// Splits `tokens` (from Tokenize(text)) into sentences.
//  - A sentence ends at ".", "!", "?" or "..." (with any closing quotes and brackets) when the
//    next token can start a sentence, and always before a new paragraph.
//  - Abbreviations ("Gen.", "Lt. Col.", "Jan.", initials) do not end a sentence; "U.S." and
//    similar do when a typical sentence opener follows ("... by the U.S. The move ...").
//  - A dateline opening a paragraph ("BAMAKO, Mali (AP) —", "BAMAKO, Aug 19 —") is left out
//    of the sentence that follows it.
std::vector<SentenceSpan> SplitSentences(std::string_view text, const std::vector<Token>& tokens);

}  // namespace griot

// Tokens of news text, with byte offsets into the document.
//
// Rules (news English): words keep inner hyphens and apostrophes ("al-Qaida", "N'Daw",
// "d'Ivoire"); a possessive "'s"/"’s" (and a bare trailing "'" after a plural) is its own token;
// a period stays on abbreviations ("U.S.", "Gen.", "Lt.", "Jan.", single initials "J.") and
// becomes a token of its own otherwise; numbers keep inner "," and "." ("1,200", "3.5");
// every other punctuation mark is a token. Invalid UTF-8 bytes become one-byte tokens, so the
// tokenizer never fails and never loses text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace griot {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  uint32_t begin = 0;  // byte offset of the token in the tokenized text
  uint32_t end = 0;
  std::string key;     // FoldKey(text): lower-case, accent-free matching form
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;      // first letter is upper case
  bool all_caps = false;         // every letter is upper case (and there are at least two)
  bool abbreviation = false;     // ends with a period kept as part of the token
  bool paragraph_start = false;  // first token after a blank line (or of the text)
  bool line_start = false;       // first token after a line break (or of the text)
};

// Splits `text` into tokens. Offsets are relative to `text`.
std::vector<Token> Tokenize(std::string_view text);

// True for abbreviations that keep their period: titles (Gen., Lt., Col., Mr.), months (Jan.),
// and common news forms (No., St., Inc., Corp., vs., approx.). `key` is a FoldKey without the
// final period.
bool IsKnownAbbreviation(std::string_view key);

}  // namespace griot

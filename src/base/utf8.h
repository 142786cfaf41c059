// UTF-8 validation and the text normalisation used for dictionary matching.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace griot {

// Returns the byte offset of the first invalid UTF-8 sequence, or nullopt if `text` is valid.
// Overlong forms, surrogates and code points above U+10FFFF are invalid.
std::optional<size_t> FindInvalidUtf8(std::string_view text);

// The matching key of a word: Unicode case-folded, accents stripped, compatibility forms
// decomposed (NFKC), typographic apostrophes and dashes mapped to ASCII. "Goïta" -> "goita",
// "Côte d’Ivoire" -> "cote d'ivoire", "U.S." -> "u.s.". ASCII input takes a fast path.
// Invalid UTF-8 is passed through byte for byte (callers validate documents first).
std::string FoldKey(std::string_view word);

// Decodes one code point at text[*pos] and advances *pos; returns U+FFFD on a bad byte.
char32_t DecodeUtf8(std::string_view text, size_t* pos);

}  // namespace griot

#include "text/tokenizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>

#include "base/utf8.h"

namespace griot {

namespace {

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
         cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LM ||
         cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_MN ||
         cat == UTF8PROC_CATEGORY_MC;
}
bool IsDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LU;
}
bool IsSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
         cat == UTF8PROC_CATEGORY_ZP || cp == 0x200B || cp == 0xFEFF;
}
// DecodeUtf8 with the ASCII case inline (most of news text): the same code point and
// advance, without the library call.
inline char32_t Decode(std::string_view text, size_t* pos) {
  const auto c = static_cast<unsigned char>(text[*pos]);
  if (c < 0x80) {
    ++*pos;
    return c;
  }
  return DecodeUtf8(text, pos);
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == U'\u2019' || cp == U'\u02BC'; }
bool IsHyphen(char32_t cp) { return cp == '-' || cp == U'\u2010' || cp == U'\u2011'; }

// Sorted list of abbreviations that keep their period (FoldKey form, no period).
constexpr std::array<std::string_view, 62> kAbbreviations = {
    "adm", "apr", "approx", "aug", "brig", "capt", "cdr", "cmdr", "co", "col", "corp", "cpl",
    "dec", "dept", "dr", "e.g", "esp", "est", "etc", "feb", "fig", "fr", "ft", "gen", "gov",
    "hon", "i.e", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mme",
    "mmes", "mr", "mrs", "ms", "mt", "no", "nos", "nov", "oct", "pres", "prof", "pvt", "rep",
    "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "vol", "vs", "wed"};

}  // namespace

bool IsKnownAbbreviation(std::string_view key) {
  return std::binary_search(kAbbreviations.begin(), kAbbreviations.end(), key);
}

namespace {

// ASCII byte classes for the tokenizer's fast path: most of English news is runs of ASCII
// letters and digits, scanned here by table instead of by decoding.
constexpr uint8_t kLower = 1, kUpper = 2, kDigit = 4;
constexpr std::array<uint8_t, 256> kAsciiClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<size_t>(c)] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<size_t>(c)] = kUpper;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<size_t>(c)] = kDigit;
  return t;
}();

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 1);
  const size_t n = text.size();
  size_t pos = 0;
  bool paragraph_start = true;
  int newlines_seen = 0;

  auto peek = [&](size_t at, size_t* next) -> char32_t {
    *next = at;
    if (at >= n) return 0;
    return Decode(text, next);
  };

  while (pos < n) {
    if (text[pos] == ' ') {  // the most common byte of all
      ++pos;
      continue;
    }
    size_t next = pos;
    const char32_t cp = peek(pos, &next);
    if (IsSpace(cp)) {
      if (cp == '\n') ++newlines_seen;
      pos = next;
      continue;
    }
    if (newlines_seen >= 2) paragraph_start = true;
    const bool line_start = newlines_seen >= 1 || tokens.empty();
    newlines_seen = 0;

    // Every branch below ends with this token filled in: it is built in place.
    const bool after_token = !tokens.empty() && tokens.back().end == pos;
    Token& tok = tokens.emplace_back();
    tok.begin = static_cast<uint32_t>(pos);
    tok.paragraph_start = paragraph_start;
    tok.line_start = line_start;
    paragraph_start = false;

    if (IsLetter(cp) || IsDigit(cp)) {
      // A word or a number: letters/digits joined by inner hyphens, apostrophes, periods
      // (abbreviations, decimals) and commas between digits.
      bool has_letter = false, has_digit = false, inner_period = false;
      size_t end = pos;
      size_t scan = pos;
      char32_t prev = 0;
      // An ASCII word (most of English news) has its letters and capitals counted while it is
      // scanned, and its key is its bytes lowered (FoldKey's result for ASCII): every byte from
      // its start to its end is kept. A word with another character is keyed by FoldKey.
      bool ascii = true;
      size_t letters = 0, upper = 0;
      auto keep = [&](char32_t c) {
        if (c >= 0x80) ascii = false;
      };
      while (scan < n) {
        // A run of ASCII letters and digits, most of a news word: classed by table.
        size_t run = scan;
        uint8_t classes = 0;
        size_t run_upper = 0, run_digits = 0;
        for (; run < n; ++run) {
          const uint8_t c = kAsciiClass[static_cast<unsigned char>(text[run])];
          if (c == 0) break;
          classes |= c;
          run_upper += c >> 1 & 1;
          run_digits += c >> 2;
        }
        if (run > scan) {
          has_letter |= (classes & (kLower | kUpper)) != 0;
          has_digit |= (classes & kDigit) != 0;
          letters += run - scan - run_digits;
          upper += run_upper;
          prev = static_cast<unsigned char>(text[run - 1]);
          end = scan = run;
          continue;
        }
        // Only a hyphen, slash, apostrophe, period or comma among ASCII marks can join a word
        // to what follows: any other (a space, most often) ends it without decoding further.
        if (const auto byte = static_cast<unsigned char>(text[scan]);
            byte < 0x80 && byte != '-' && byte != '/' && byte != '\'' && byte != '.' && byte != ',')
          break;
        size_t after = scan;
        const char32_t c = peek(scan, &after);
        if (IsLetter(c) || IsDigit(c)) {
          ascii = false;  // decoded: not ASCII (the branch above takes ASCII letters and digits)
          has_letter |= IsLetter(c);
          has_digit |= IsDigit(c);
          prev = c;
          scan = after;
          end = scan;
          continue;
        }
        size_t after2 = after;
        const char32_t c2 = peek(after, &after2);
        const bool joins_letters = (IsLetter(prev) || IsDigit(prev)) && (IsLetter(c2) || IsDigit(c2));
        if ((IsHyphen(c) || c == '/') && joins_letters) {
          keep(c);
          prev = c;
          scan = after;
          continue;
        }
        if (IsApostrophe(c) && joins_letters) {
          // "Mali's" -> Mali + 's ; "N'Daw", "d'Ivoire", "al-Qa'ida" stay whole.
          size_t after3 = after2;
          const char32_t c3 = peek(after2, &after3);
          const bool possessive = (c2 == 's' || c2 == 'S') && !(IsLetter(c3) || IsDigit(c3));
          if (possessive) break;
          keep(c);
          prev = c;
          scan = after;
          continue;
        }
        if ((c == '.' || c == ',') && IsDigit(prev) && IsDigit(c2)) {
          keep(c);
          prev = c;
          scan = after;
          continue;
        }
        if (c == '.' && IsLetter(prev) && IsLetter(c2)) {
          // "U.S", "e.g" : a period between letters with no space, only for short segments.
          size_t seg_start = end;
          while (seg_start > pos && text[seg_start - 1] != '.') --seg_start;
          if (end - seg_start <= 3) {
            inner_period = true;
            keep(c);
            prev = c;
            scan = after;
            continue;
          }
        }
        break;
      }
      tok.end = static_cast<uint32_t>(end);
      tok.kind = (has_digit && !has_letter) ? TokenKind::kNumber : TokenKind::kWord;
      std::string& key = tok.key;
      if (ascii) {
        key.assign(text.data() + pos, end - pos);
        if (upper > 0)
          for (char& c : key)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      }
      // A final period: part of the token for abbreviations and initials.
      if (end < n && text[end] == '.') {
        size_t first = pos;
        const char32_t first_cp = Decode(text, &first);
        const bool initial = first == end && IsUpper(first_cp);
        if (inner_period || initial ||
            (ascii ? IsKnownAbbreviation(key) : IsKnownAbbreviation(FoldKey(text.substr(pos, end - pos))))) {
          tok.end = static_cast<uint32_t>(end + 1);
          tok.abbreviation = true;
          key.push_back('.');
        }
      }
      // Capitalisation flags; the key of a word with a non-ASCII character.
      const std::string_view word = text.substr(pos, tok.end - pos);
      if (ascii) {
        tok.capitalized = word.front() >= 'A' && word.front() <= 'Z';
      } else {
        letters = upper = 0;
        size_t p = pos;
        tok.capitalized = IsUpper(Decode(text, &p));
        for (size_t q = pos; q < tok.end;) {
          const char32_t c = Decode(text, &q);
          if (IsLetter(c)) {
            ++letters;
            upper += IsUpper(c) ? 1 : 0;
          }
        }
        tok.key = FoldKey(word);
      }
      tok.all_caps = letters >= 2 && letters == upper;
      pos = tok.end;
      continue;
    }

    // Possessive 's / ’s standing alone after a word.
    if (IsApostrophe(cp)) {
      size_t after = next;
      const char32_t c2 = peek(next, &after);
      size_t after2 = after;
      const char32_t c3 = peek(after, &after2);
      if ((c2 == 's' || c2 == 'S') && !(IsLetter(c3) || IsDigit(c3)) && after_token) {
        tok.end = static_cast<uint32_t>(after);
        tok.kind = TokenKind::kWord;
        tok.key = "'s";
        pos = after;
        continue;
      }
    }
    // Everything else is one punctuation token; runs of the same dash or dot stay together
    // ("--", "...").
    size_t end = next;
    while (end < n && (cp == '-' || cp == '.') && static_cast<char32_t>(text[end]) == cp) ++end;
    tok.end = static_cast<uint32_t>(end);
    tok.kind = TokenKind::kPunct;
    // An ASCII mark is its own key (FoldKey changes only letters and non-ASCII marks).
    if (cp < 0x80) tok.key.assign(text.substr(pos, end - pos));
    else tok.key = FoldKey(text.substr(pos, end - pos));
    pos = end;
  }
  return tokens;
}

}  // namespace griot

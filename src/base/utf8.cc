#include "base/utf8.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace griot {

std::optional<size_t> FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    char32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
                          (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::nullopt;
}

char32_t DecodeUtf8(std::string_view text, size_t* pos) {
  utf8proc_int32_t cp = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + *pos);
  const utf8proc_ssize_t n = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(text.size() - *pos), &cp);
  if (n <= 0) {
    *pos += 1;
    return U'\uFFFD';
  }
  *pos += static_cast<size_t>(n);
  return static_cast<char32_t>(cp);
}

namespace {

void AppendUtf8(char32_t cp, std::string* out) {
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// Typographic punctuation that news text uses in place of ASCII.
char32_t AsciiPunct(char32_t cp) {
  switch (cp) {
    case U'\u2018': case U'\u2019': case U'\u201B': case U'\u2032': case U'\u02BC':
      return U'\'';
    case U'\u201C': case U'\u201D': case U'\u201E': case U'\u00AB': case U'\u00BB':
      return U'"';
    case U'\u2010': case U'\u2011': case U'\u2012': case U'\u2013': case U'\u2014':
    case U'\u2212':
      return U'-';
    default:
      return cp;
  }
}

}  // namespace

std::string FoldKey(std::string_view word) {
  bool ascii = true;
  for (unsigned char c : word) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  std::string out;
  if (ascii) {
    // Sized once and written in place: a push_back per byte showed up in coding profiles.
    out.resize(word.size());
    for (size_t i = 0; i < word.size(); ++i) {
      const auto c = static_cast<unsigned char>(word[i]);
      out[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return out;
  }
  out.reserve(word.size());
  // utf8proc does the Unicode work (decomposition, case folding, mark stripping): it is the
  // maintained implementation of exactly these tables.
  std::string mapped;
  mapped.reserve(word.size());
  size_t pos = 0;
  while (pos < word.size()) AppendUtf8(AsciiPunct(DecodeUtf8(word, &pos)), &mapped);
  utf8proc_uint8_t* result = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                      UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(mapped.data()),
                                          static_cast<utf8proc_ssize_t>(mapped.size()), &result,
                                          options);
  if (n < 0 || result == nullptr) return mapped;
  out.assign(reinterpret_cast<const char*>(result), static_cast<size_t>(n));
  std::free(result);
  return out;
}

}  // namespace griot

// Small string helpers shared by the readers of outside formats.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace griot {

// Runs of whitespace become one space; leading and trailing whitespace is dropped
// ("  Arnor is \n about " -> "Arnor is about").
std::string CollapseWhitespace(std::string_view s);

// The blank-separated (space or tab) words of `s`, as views into it.
std::vector<std::string_view> SplitSpaces(std::string_view s);

// The tab-separated fields of `line`, as views into it; empty fields kept ("a\t\tb" ->
// {"a", "", "b"}).
std::vector<std::string_view> SplitTabs(std::string_view line);

// Display width in code points (UTF-8 continuation bytes not counted): enough to align the
// Latin-script names and sentences of terminal tables.
size_t DisplayWidth(std::string_view s);
// `s` cut to at most `width` (>= 1) code points, the last one "…" when it was cut.
std::string FitWidth(const std::string& s, size_t width);

// Whether `key` is one of the words of `set` (a short list written at the call site, as in
// IsOneOf(key, {"and", "or"})). Length and first byte are compared before the bytes: most
// keys differ there, and calling memcmp for every item was a measurable share of coding.
inline bool IsOneOf(std::string_view key, std::initializer_list<std::string_view> set) {
  for (const std::string_view s : set)
    if (s.size() == key.size() && (s.empty() || (s[0] == key[0] && std::memcmp(s.data(), key.data(), s.size()) == 0)))
      return true;
  return false;
}

// Whether two keys (words) are equal, written for the short strings of the per-token tables:
// a call to memcmp per probe was the largest single cost left in coding, and most keys are
// under 16 bytes, decided here by two word-sized loads or a short loop.
inline bool SameKey(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  if (n < 8) {
    for (size_t i = 0; i < n; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  uint64_t x, y;
  std::memcpy(&x, a.data(), 8);
  std::memcpy(&y, b.data(), 8);
  if (x != y) return false;
  if (n <= 16) {
    std::memcpy(&x, a.data() + n - 8, 8);
    std::memcpy(&y, b.data() + n - 8, 8);
    return x == y;
  }
  return std::memcmp(a.data() + 8, b.data() + 8, n - 8) == 0;
}

// A 64-bit hash of a short key (a word), for the in-memory tables looked up per token. Eight
// bytes at a time with a multiply-xorshift step, then a final mix so that every bit depends
// on every byte: a word costs one or two steps, where a byte-at-a-time hash waited on one
// multiply per byte. Never 0, so tables may use 0 for an empty slot. Not stable across
// versions: nothing stored may depend on it.
inline uint64_t HashKey(std::string_view key) {
  const char* p = key.data();
  size_t n = key.size();
  uint64_t h = 0x9e3779b97f4a7c15ull ^ (n * 0xff51afd7ed558ccdull);
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    uint64_t w = 0;
    for (size_t i = 0; i < n; ++i) w |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
    h ^= h >> 29;
  }
  h *= 0x94d049bb133111ebull;
  h ^= h >> 32;
  return h | 1;
}

// `v` in decimal appended to `out`: for strings made per event or per record ("file:12",
// rule citations), where fmt::format's general machinery cost more than the text.
inline void AppendDecimal(std::string* out, uint64_t v) {
  char buf[20];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  out->append(buf, static_cast<size_t>(end - buf));
}

// `v` as sixteen lower-case hexadecimal digits (fmt's "{:016x}").
inline std::string Hex16(uint64_t v) {
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<size_t>(i)] = "0123456789abcdef"[v & 15];
  return out;
}

}  // namespace griot

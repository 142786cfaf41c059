// Small string helpers shared by the readers of outside formats.
#pragma once

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

// Whether `key` is one of the words of `set` (a short list written at the call site, as in
// IsOneOf(key, {"and", "or"})). Length and first byte are compared before the bytes: most
// keys differ there, and calling memcmp for every item was a measurable share of coding.
inline bool IsOneOf(std::string_view key, std::initializer_list<std::string_view> set) {
  for (const std::string_view s : set)
    if (s.size() == key.size() && (s.empty() || (s[0] == key[0] && std::memcmp(s.data(), key.data(), s.size()) == 0)))
      return true;
  return false;
}

// A 64-bit hash of a short key (a word): FNV-1a over its bytes, then a final mix so that
// every bit depends on every byte. Never 0, so tables may use 0 for an empty slot. Hash
// tables over token keys use it instead of std::hash, whose value is not stable across
// standard libraries and whose low bits are weak for short strings.
inline uint64_t HashKey(std::string_view key) {
  uint64_t h = 14695981039346656037ull;
  for (const char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ull;
  h ^= h >> 32;
  return h | 1;
}

}  // namespace griot

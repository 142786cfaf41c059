// Fingerprints of documents: an exact content hash (SHA-256) and a near-duplicate
// fingerprint (64-bit simhash over word shingles).
//
// SHA-256 is used for exact identity because feeds are untrusted input: with a 64-bit hash a
// crafted article could be made to collide with an earlier one and be silently dropped as a
// "duplicate"; SHA-256 has no known collisions. It is hand-written here (FIPS 180-4, ~100
// lines, checked against the standard's test vectors) so the store needs no crypto library.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace griot {

// The SHA-256 digest of `data` as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view data);

// The text a content hash is taken over: the body with every run of whitespace collapsed to
// one space and both ends trimmed, so the same article read from a text file, a JSON line or
// a web page hashes alike.
std::string NormalizeForHash(std::string_view text);

// The content hash griot stores for a document body: Sha256Hex(NormalizeForHash(text)).
std::string ContentHash(std::string_view text);

struct SimHash {
  uint64_t value = 0;
  uint32_t shingles = 0;  // how many 3-word shingles it was built from
};

// Charikar's simhash over 3-word shingles of the lower-cased words of `text` (letters and
// digits, bytes >= 0x80 count as letters). Two texts whose hashes differ in few bits share
// most of their shingles.
SimHash ComputeSimHash(std::string_view text);

inline int HammingDistance(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }

// The 16-bit band `i` (0..3) of a simhash. Two hashes within Hamming distance 3 agree on at
// least one band (pigeonhole), which is how the store finds candidates with an index.
inline uint32_t SimHashBand(uint64_t h, int i) { return static_cast<uint32_t>((h >> (16 * i)) & 0xFFFF); }

}  // namespace griot

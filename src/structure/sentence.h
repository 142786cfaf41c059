// The structure the coding engine reads: a sentence's tokens with their offsets. The
// raw-text front end builds it from text; later stages add tags, phrases and clauses here,
// and a Treebank parse fills the same structure, so one engine codes both.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "text/document.h"
#include "text/tokenizer.h"

namespace griot {

struct ParseTree;  // structure/treebank.h

struct Sentence {
  uint32_t index = 0;   // 0-based position in the document
  uint32_t begin = 0;   // byte offsets of the sentence in Document::text
  uint32_t end = 0;
  std::string_view text;      // Document::text[begin, end)
  std::vector<Token> tokens;  // offsets relative to the sentence
  std::vector<std::string> tags;   // Penn POS tag per token, when known (parse or tagger)
  std::shared_ptr<const ParseTree> tree;  // constituency tree, when pre-parsed
  // HashKey of each token's key, when filled (HashTokenKeys): the tagger, the mention finder
  // and the coder each look every token up, and hashing it once serves them all. Whoever
  // changes `tokens` afterwards refills it (or clears it: KeyHash then hashes on demand).
  std::vector<uint64_t> key_hashes;
};

// Fills s->key_hashes from s->tokens.
inline void HashTokenKeys(Sentence* s) {
  s->key_hashes.resize(s->tokens.size());
  for (size_t i = 0; i < s->tokens.size(); ++i) s->key_hashes[i] = HashKey(s->tokens[i].key);
}

// HashKey(s.tokens[i].key), from s.key_hashes when it is filled.
inline uint64_t KeyHash(const Sentence& s, size_t i) {
  return s.key_hashes.size() == s.tokens.size() ? s.key_hashes[i] : HashKey(s.tokens[i].key);
}

// The most tokens one Sentence holds. News sentences rarely pass 80 tokens; a longer "sentence"
// (an unpunctuated dump, a table flattened to one line, a hostile input) is cut into pieces of
// at most this many tokens, each after its last ";", ":" or "," when there is one in the
// second half, and each piece is coded as a sentence of its own.
inline constexpr uint32_t kMaxSentenceTokens = 200;

// Splits a document's text into sentences of tokens (text stage: tokenizer + splitter), run-on
// sentences cut as kMaxSentenceTokens says.
std::vector<Sentence> BuildSentences(const Document& doc);

}  // namespace griot

// An index of multi-word dictionary phrases over matching keys, for longest-match lookup in
// a token sequence.
//
// Phrases come from TABARI/PETRARCH-style dictionaries ("WAGNER_GROUP_", "U.S._TREASURY_").
// The index is a word trie: a hash table for the first word (dictionaries have tens of
// thousands of distinct first words) and sorted child lists below it (few children per
// node), so a lookup costs one hash probe plus a binary search per further word, whatever
// the dictionary size. The first-word table is open-addressed with each word's hash stored
// beside it: most probes are misses (a token that starts no phrase), decided by one hash
// and one cache line instead of a bucket chain. Hand-written because the match is over
// token keys, not bytes (the byte-level automaton libraries such as vectorscan suit
// raw-text scanning instead).
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>  // kept for the headers that rely on it
#include <utility>
#include <vector>

namespace griot {

// Splits a dictionary phrase into matching keys: "WAGNER_GROUP_" -> {"wagner", "group"};
// "MALI'S_ARMY" -> {"mali", "'s", "army"}; spaces and underscores both separate words.
// `exact` is set when the phrase ends with "_" (TABARI: the last word must match whole).
std::vector<std::string> SplitPhrase(std::string_view phrase, bool* exact = nullptr);

class PhraseIndex {
 public:
  struct Match {
    uint32_t entry = 0;   // the id given to Add()
    uint32_t length = 0;  // number of tokens matched
  };

  // Adds `words` (already keys) for entry `id`. Empty phrases are ignored.
  void Add(const std::vector<std::string>& words, uint32_t id);
  // Like Add, but a phrase already in the index keeps its first id and gains none: returns
  // that first id, or `id` when the phrase is new. Empty phrases are ignored (returns `id`).
  uint32_t AddIfNew(const std::vector<std::string>& words, uint32_t id);
  // Must be called after the last Add() and before lookups: sorts child lists.
  void Finalize();

  // All phrases matching the tokens starting at `pos`, longest first (for equal lengths, in
  // the order added). `key_at(i)` returns the key of token i; `n` is the number of tokens.
  template <typename KeyAt>
  void MatchAt(const KeyAt& key_at, uint32_t n, uint32_t pos, std::vector<Match>* out) const {
    out->clear();
    if (pos >= n) return;
    uint32_t node = Root(std::string_view(key_at(pos)));
    if (node == kNone) return;
    uint32_t length = 1;
    while (true) {
      const Node& nd = nodes_[node];
      for (uint32_t e : nd.entries) out->push_back({e, length});
      if (pos + length >= n || nd.children.empty()) break;
      const uint32_t child = Child(nd, key_at(pos + length));
      if (child == kNone) break;
      node = child;
      ++length;
    }
    // Longest first, keeping insertion order among equal lengths. The matches were found in
    // increasing length, so reversing the list and then each run of equal length back gives
    // that order without sorting (and without the temporary buffer of a stable sort).
    if (out->size() < 2 || out->front().length == out->back().length) return;
    std::reverse(out->begin(), out->end());
    for (auto run = out->begin(); run != out->end();) {
      auto end = run;
      while (end != out->end() && end->length == run->length) ++end;
      std::reverse(run, end);
      run = end;
    }
  }

  size_t size() const { return phrases_; }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Node {
    std::vector<std::pair<std::string, uint32_t>> children;  // sorted by word after Finalize
    std::vector<uint32_t> entries;
  };
  // A slot of the first-word table: the word's hash (never 0; 0 marks an empty slot), its
  // trie node and its index in root_words_.
  struct Slot {
    uint64_t hash = 0;
    uint32_t node = kNone;
    uint32_t word = 0;
  };
  static uint64_t HashWord(std::string_view word);
  // The trie node of a first word, or kNone.
  uint32_t Root(std::string_view word) const {
    if (slots_.empty()) return kNone;
    const uint64_t h = HashWord(word);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return kNone;
      if (s.hash == h && root_words_[s.word] == word) return s.node;
    }
  }
  uint32_t RootForInsert(const std::string& word);
  uint32_t Child(const Node& nd, std::string_view word) const;
  uint32_t ChildForInsert(uint32_t node, const std::string& word);

  std::vector<Node> nodes_;
  std::vector<Slot> slots_;              // open addressing, a power of two, at most half full
  std::vector<std::string> root_words_;  // the distinct first words
  size_t phrases_ = 0;
  bool finalized_ = false;
};

}  // namespace griot

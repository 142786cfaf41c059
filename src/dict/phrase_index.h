// An index of multi-word dictionary phrases over matching keys, for longest-match lookup in
// a token sequence.
//
// Phrases come from TABARI/PETRARCH-style dictionaries ("WAGNER_GROUP_", "U.S._TREASURY_").
// The index is a word trie: a hash map for the first word (dictionaries have tens of
// thousands of distinct first words) and sorted child lists below it (few children per
// node), so a lookup costs one hash probe plus a binary search per further word, whatever
// the dictionary size. Hand-written because the match is over token keys, not bytes (the
// byte-level automaton libraries such as vectorscan suit raw-text scanning instead).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
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
  // Must be called after the last Add() and before lookups: sorts child lists.
  void Finalize();

  // All phrases matching the tokens starting at `pos`, longest first (for equal lengths, in
  // the order added). `key_at(i)` returns the key of token i; `n` is the number of tokens.
  template <typename KeyAt>
  void MatchAt(const KeyAt& key_at, uint32_t n, uint32_t pos, std::vector<Match>* out) const {
    out->clear();
    if (pos >= n) return;
    auto it = roots_.find(std::string_view(key_at(pos)));
    if (it == roots_.end()) return;
    uint32_t node = it->second;
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
    // Longest first, keeping insertion order among equal lengths.
    std::stable_sort(out->begin(), out->end(), [](const Match& a, const Match& b) { return a.length > b.length; });
  }

  size_t size() const { return phrases_; }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Node {
    std::vector<std::pair<std::string, uint32_t>> children;  // sorted by word after Finalize
    std::vector<uint32_t> entries;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  uint32_t Child(const Node& nd, std::string_view word) const;
  uint32_t ChildForInsert(uint32_t node, const std::string& word);

  std::vector<Node> nodes_;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> roots_;
  size_t phrases_ = 0;
  bool finalized_ = false;
};

}  // namespace griot

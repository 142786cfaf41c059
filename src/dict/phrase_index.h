// An index of multi-word dictionary phrases over matching keys, for longest-match lookup in
// a token sequence.
//
// Phrases come from TABARI/PETRARCH-style dictionaries ("WAGNER_GROUP_", "U.S._TREASURY_").
// The index is a hash of the first word to the phrases starting with it, longest first;
// dictionaries of a few hundred thousand phrases look up in well under a microsecond per
// token, which is why no automaton library is used here (vectorscan is for the raw-text
// front end, where patterns are scanned over bytes).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
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
  void Add(std::vector<std::string> words, uint32_t id);
  // Must be called after the last Add() and before lookups: orders candidates longest first.
  void Finalize();

  // All phrases matching `keys` starting at `pos`, longest first. `key_at(i)` returns the key
  // of token i; `n` is the number of tokens.
  template <typename KeyAt>
  void MatchAt(const KeyAt& key_at, uint32_t n, uint32_t pos, std::vector<Match>* out) const {
    out->clear();
    if (pos >= n) return;
    auto it = by_first_.find(std::string_view(key_at(pos)));
    if (it == by_first_.end()) return;
    for (uint32_t idx : it->second) {
      const Phrase& p = phrases_[idx];
      if (pos + p.words.size() > n) continue;
      bool ok = true;
      for (size_t k = 1; k < p.words.size() && ok; ++k) ok = key_at(pos + k) == p.words[k];
      if (ok) out->push_back({p.entry, static_cast<uint32_t>(p.words.size())});
    }
  }

  size_t size() const { return phrases_.size(); }

 private:
  struct Phrase {
    std::vector<std::string> words;
    uint32_t entry;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, std::vector<uint32_t>, Hash, std::equal_to<>> by_first_;
};

}  // namespace griot

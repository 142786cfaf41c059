// An index of multi-word dictionary phrases over matching keys, for longest-match lookup in
// a token sequence.
//
// Phrases come from TABARI/PETRARCH-style dictionaries ("WAGNER_GROUP_", "U.S._TREASURY_").
// The index is a word trie: a hash table for the first word (dictionaries have tens of
// thousands of distinct first words) and sorted child lists below it (few children per
// node), so a lookup costs one hash probe plus a binary search per further word, whatever
// the dictionary size. The first-word table is open-addressed with each word's hash stored
// beside it: most probes are misses (a token that starts no phrase), decided by one hash
// and one cache line instead of a bucket chain. Finalize lays the child lists and the
// entries out in two flat arrays (a node is four integers) and the words live in one arena:
// the gazetteer's ~170,000 nodes load without a heap allocation each. Hand-written because
// the match is over token keys, not bytes (the byte-level automaton libraries such as
// vectorscan suit raw-text scanning instead).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/snapshot.h"
#include "base/strings.h"

namespace griot {

// Splits a dictionary phrase into matching keys: "WAGNER_GROUP_" -> {"wagner", "group"};
// "MALI'S_ARMY" -> {"mali", "'s", "army"}; spaces and underscores both separate words.
// `exact` is set when the phrase ends with "_" (TABARI: the last word must match whole).
std::vector<std::string> SplitPhrase(std::string_view phrase, bool* exact = nullptr);
// The same into `words` (resized to the phrase's words). The strings are reused from call to
// call, so a loader splitting many phrases into one buffer rarely allocates.
void SplitPhraseInto(std::string_view phrase, std::vector<std::string>* words, bool* exact = nullptr);

class PhraseIndex {
 public:
  struct Match {
    uint32_t entry = 0;   // the id given to Add()
    uint32_t length = 0;  // number of tokens from `pos` to the last token matched
    uint32_t words = 0;   // phrase words matched (== length unless other tokens came between)
    uint32_t head = 0;    // tokens matched before the first skipped token (== length if none)
    uint64_t tail = 0;    // bit k: token pos+k matched a word after a skipped token
  };

  // Word flags of AddFlexible (TABARI's dialect).
  static constexpr uint8_t kStem = 1;  // the word matches any token that begins with it
  static constexpr uint8_t kGap = 2;   // other tokens may come between the previous word and this one

  // Adds `words` (already keys) for entry `id`. Empty phrases are ignored.
  void Add(const std::vector<std::string>& words, uint32_t id);
  // Adds a phrase whose words carry kStem / kGap flags (`flags[k]` for `words[k]`; the first
  // word's kGap is ignored). A phrase with no flag set is added as Add() does. Flexible
  // phrases are kept apart from the trie and tried one by one at each position: they come
  // from TABARI files, which are small. A skipped stretch may not exceed 63 tokens.
  void AddFlexible(const std::vector<std::string>& words, const std::vector<uint8_t>& flags, uint32_t id);
  // Like Add, but a phrase already in the index keeps its first id and gains none: returns
  // that first id, or `id` when the phrase is new. Empty phrases are ignored (returns `id`).
  uint32_t AddIfNew(const std::vector<std::string>& words, uint32_t id);
  // Must be called after the last Add() and before lookups: sorts child lists.
  void Finalize();

  // All phrases matching the tokens starting at `pos`, those of most words first (for equal
  // counts, trie phrases in the order added, then flexible ones). `key_at(i)` returns the key
  // of token i; `n` is the number of tokens.
  template <typename KeyAt>
  void MatchAt(const KeyAt& key_at, uint32_t n, uint32_t pos, std::vector<Match>* out) const {
    if (pos >= n) {
      out->clear();
      return;
    }
    MatchAt(key_at, n, pos, HashKey(std::string_view(key_at(pos))), out);
  }
  // The same with `first_hash`, the HashKey of token `pos`'s key, made once by a caller that
  // looks the token up in several indexes.
  template <typename KeyAt>
  void MatchAt(const KeyAt& key_at, uint32_t n, uint32_t pos, uint64_t first_hash, std::vector<Match>* out) const {
    out->clear();
    if (pos >= n) return;
    // Most words start no phrase: the first-word filter turns them away here, inline, before
    // the look-up's call (its frame cost more than the filter).
    if (!MayMatchAt(first_hash)) return;
    MatchAtUnfiltered(key_at, n, pos, first_hash, out);
  }
  // False when MatchAt would find nothing at a token of key hash `first_hash` because no
  // phrase starts with that word (the first-word filter; indexes with flexible phrases always
  // say true): a caller may skip its look-up.
  bool MayMatchAt(uint64_t first_hash) const { return !flexible_.empty() || FirstWordMayMatch(first_hash); }

  size_t size() const { return phrases_; }

  // Snapshots (base/snapshot.h). Save writes the tables of a finalized index that holds no
  // flexible phrase (Unsupported otherwise). Restore replaces this index's tables with those
  // read and returns false, leaving the index empty, when the snapshot is broken. A restored
  // index answers look-ups only: nothing may be added to it.
  Status Save(SnapshotWriter* out) const;
  bool Restore(SnapshotReader* in);
  // A fingerprint of the code a snapshot's tables depend on (phrase splitting, word folding,
  // key hashing): part of every snapshot's key, so that a snapshot made by other code is not
  // read.
  static uint64_t CodeFingerprint();
  // True when every entry id is below `limit` (a check of a restored index against the
  // tables its ids point into).
  bool EntriesBelow(uint32_t limit) const {
    return std::all_of(entries_.begin(), entries_.end(), [&](uint32_t e) { return e < limit; });
  }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  // A trie node: its children in children_ (sorted by word) and its entries in entries_ (in
  // the order added), both as laid out by Finalize.
  struct Node {
    uint32_t first_child = 0, child_count = 0;
    uint32_t first_entry = 0, entry_count = 0;
  };
  struct Edge {
    std::string_view word;  // in the arena
    uint32_t child = 0;
  };
  // While adding: every edge in the order made, found again through edge_slots_.
  struct PendingEdge {
    uint32_t parent = 0;
    uint32_t child = 0;
    std::string_view word;  // in the arena
  };
  // A slot of the first-word table: the word's hash (never 0; 0 marks an empty slot), its
  // trie node and its index in root_words_.
  struct Slot {
    uint64_t hash = 0;
    uint32_t node = kNone;
    uint32_t word = 0;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  struct Flexible {
    std::vector<std::string> words;
    std::vector<uint8_t> flags;
    uint32_t id = 0;
  };
  static bool WordMatches(const std::string& word, uint8_t flags, std::string_view key) {
    return (flags & kStem) ? key.starts_with(word) : key == word;
  }
  static void SortMatches(std::vector<Match>* out) {
    std::stable_sort(out->begin(), out->end(), [](const Match& a, const Match& b) { return a.words > b.words; });
  }
  template <typename KeyAt>
  void MatchFlexible(const KeyAt& key_at, uint32_t n, uint32_t pos, uint64_t first_hash, std::vector<Match>* out) const {
    const std::string_view first = key_at(pos);
    auto try_phrase = [&](const Flexible& p) {
      if (!WordMatches(p.words[0], p.flags[0], first)) return;
      Match m{p.id, 1, 1, 1, 0};
      bool skipped = false;
      uint32_t t = pos + 1;
      for (size_t k = 1; k < p.words.size(); ++k) {
        uint32_t u = t;
        if (p.flags[k] & kGap)
          while (u < n && u - pos < 64 && !WordMatches(p.words[k], p.flags[k], key_at(u))) ++u;
        if (u >= n || u - pos >= 64 || !WordMatches(p.words[k], p.flags[k], key_at(u))) return;
        skipped |= u != t;
        if (skipped) m.tail |= uint64_t{1} << (u - pos);
        else m.head = u - pos + 1;
        t = u + 1;
      }
      m.length = t - pos;
      m.words = static_cast<uint32_t>(p.words.size());
      out->push_back(m);
    };
    // By the first word's hash: a list may hold another word of the same hash, which
    // try_phrase turns away; each list is in the order the phrases were added.
    if (auto it = flexible_first_.find(first_hash); it != flexible_first_.end())
      for (uint32_t f : it->second) try_phrase(flexible_[f]);
    // Phrases whose first word is a stem: those sharing the token's first kStemPrefix bytes,
    // and the few shorter stems, tried in the order they were added (merged by index).
    const std::vector<uint32_t>* bucket = nullptr;
    if (first.size() >= kStemPrefix)
      if (auto b = flexible_stem_prefix_.find(first.substr(0, kStemPrefix)); b != flexible_stem_prefix_.end())
        bucket = &b->second;
    size_t a = 0, b = 0;
    const size_t na = flexible_stem_short_.size(), nb = bucket ? bucket->size() : 0;
    while (a < na || b < nb) {
      if (b >= nb || (a < na && flexible_stem_short_[a] < (*bucket)[b])) try_phrase(flexible_[flexible_stem_short_[a++]]);
      else try_phrase(flexible_[(*bucket)[b++]]);
    }
  }
  static uint64_t HashWord(std::string_view word) { return HashKey(word); }  // never 0: 0 marks an empty slot
  // The trie node of a first word, or kNone.
  uint32_t Root(std::string_view word) const { return Root(word, HashWord(word)); }
  // The same for a look-up in text, where most words start no phrase: a bit per hash value
  // (first_filter_, built by Finalize, a small fraction of the slot table's size and so
  // mostly in cache) turns most such words away before the slot table is read.
  // False when no phrase starts with a word of HashKey `h` (the first-word filter of a
  // finalized index); true when the filter cannot tell.
  bool FirstWordMayMatch(uint64_t h) const {
    if (!finalized_ || first_filter_.empty()) return true;
    const uint64_t bit = h >> first_filter_shift_;
    return ((first_filter_[bit >> 6] >> (bit & 63)) & 1) != 0;
  }
  // MatchAt after the filter; `out` is empty and pos < n. Kept out of line so that the
  // wrapper, asked at nearly every token, stays small enough to inline.
  template <typename KeyAt>
  __attribute__((noinline)) void MatchAtUnfiltered(const KeyAt& key_at, uint32_t n, uint32_t pos, uint64_t first_hash,
                                                   std::vector<Match>* out) const {
    if (!flexible_.empty()) MatchFlexible(key_at, n, pos, first_hash, out);
    uint32_t node = RootFiltered(std::string_view(key_at(pos)), first_hash);
    if (node == kNone) {
      if (out->size() > 1) SortMatches(out);
      return;
    }
    uint32_t length = 1;
    const size_t flexible_found = out->size();
    while (true) {
      const Node& nd = nodes_[node];
      for (uint32_t i = 0; i < nd.entry_count; ++i)
        out->push_back({entries_[nd.first_entry + i], length, length, length, 0});
      if (pos + length >= n || nd.child_count == 0) break;
      const uint32_t child = Child(nd, key_at(pos + length));
      if (child == kNone) break;
      node = child;
      ++length;
    }
    if (flexible_found > 0) {
      // Trie phrases before flexible ones of the same word count; a flexible match that the trie
      // also found (same entry, same tokens) is dropped.
      std::rotate(out->begin(), out->begin() + static_cast<std::ptrdiff_t>(flexible_found), out->end());
      const auto trie_end = out->end() - static_cast<std::ptrdiff_t>(flexible_found);
      out->erase(std::remove_if(trie_end, out->end(),
                                [&](const Match& f) {
                                  return f.tail == 0 && std::any_of(out->begin(), trie_end, [&](const Match& t) {
                                           return t.entry == f.entry && t.length == f.length;
                                         });
                                }),
                 out->end());
      SortMatches(out);
      return;
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

  uint32_t RootFiltered(std::string_view word, uint64_t h) const {
    if (finalized_ && !first_filter_.empty()) {
      const uint64_t bit = h >> first_filter_shift_;
      if (((first_filter_[bit >> 6] >> (bit & 63)) & 1) == 0) return kNone;
    }
    return Root(word, h);
  }
  uint32_t Root(std::string_view word, uint64_t h) const {
    if (slots_.empty()) return kNone;
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return kNone;
      if (s.hash == h && SameKey(root_words_[s.word], word)) return s.node;
    }
  }
  uint32_t RootForInsert(std::string_view word);
  uint32_t Child(const Node& nd, std::string_view word) const {
    const Edge* begin = children_.data() + nd.first_child;
    const Edge* end = begin + nd.child_count;
    const Edge* it = std::lower_bound(begin, end, word, [](const Edge& c, std::string_view w) { return c.word < w; });
    return it != end && it->word == word ? it->child : kNone;
  }
  uint32_t ChildForInsert(uint32_t node, std::string_view word);
  uint32_t NewNode();
  void AddEntry(uint32_t node, uint32_t id);
  // A copy of `word` in the arena, valid as long as the index (moves included).
  std::string_view Intern(std::string_view word);

  std::vector<Node> nodes_;
  std::vector<Edge> children_;                  // by parent, each parent's sorted by word
  std::vector<uint32_t> entries_;               // by node, each node's in the order added
  std::vector<PendingEdge> edges_;
  std::vector<uint64_t> edge_slots_;            // (hash << 32 | edges_ index + 1); 0: empty
  std::vector<std::pair<uint32_t, uint32_t>> pending_entries_;  // (node, id) in the order added
  std::vector<uint32_t> first_id_;              // per node: the first id added, or kNone
  std::vector<std::unique_ptr<char[]>> arena_;  // blocks of word bytes
  char* arena_next_ = nullptr;
  size_t arena_left_ = 0;
  std::vector<Slot> slots_;                     // open addressing, a power of two, at most half full
  std::vector<std::string_view> root_words_;    // the distinct first words (in the arena)
  std::vector<uint64_t> first_filter_;          // bit (hash >> first_filter_shift_) set for each first word
  uint32_t first_filter_shift_ = 64;
  std::vector<Flexible> flexible_;
  // Flexible phrases by the HashKey of their first word (matched whole): the token's hash,
  // made once, finds them.
  std::unordered_map<uint64_t, std::vector<uint32_t>> flexible_first_;
  // Flexible phrases whose first word is a stem, by the stem's first kStemPrefix bytes; stems
  // shorter than that apart (a stem can only match tokens that begin with its bytes).
  static constexpr size_t kStemPrefix = 3;
  std::unordered_map<std::string, std::vector<uint32_t>, Hash, std::equal_to<>> flexible_stem_prefix_;
  std::vector<uint32_t> flexible_stem_short_;
  size_t phrases_ = 0;
  bool finalized_ = false;
  bool restored_ = false;  // read from a snapshot: the tables for adding are not there
};

}  // namespace griot

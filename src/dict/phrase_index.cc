#include "dict/phrase_index.h"

#include <algorithm>

#include "base/utf8.h"

namespace griot {

std::vector<std::string> SplitPhrase(std::string_view phrase, bool* exact) {
  std::vector<std::string> words;
  if (exact) *exact = !phrase.empty() && phrase.back() == '_';
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && (phrase[i] == '_' || phrase[i] == ' ' || phrase[i] == '\t')) ++i;
    size_t j = i;
    while (j < phrase.size() && phrase[j] != '_' && phrase[j] != ' ' && phrase[j] != '\t') ++j;
    if (j > i) {
      std::string_view word = phrase.substr(i, j - i);
      // A possessive written into a phrase ("MALI'S") is two tokens in text.
      if (word.size() > 2 && (word.ends_with("'S") || word.ends_with("'s"))) {
        words.push_back(FoldKey(word.substr(0, word.size() - 2)));
        words.push_back("'s");
      } else {
        words.push_back(FoldKey(word));
      }
    }
    i = j;
  }
  return words;
}

void PhraseIndex::Add(const std::vector<std::string>& words, uint32_t id) {
  if (words.empty()) return;
  uint32_t node = RootForInsert(words[0]);
  for (size_t k = 1; k < words.size(); ++k) node = ChildForInsert(node, words[k]);
  nodes_[node].entries.push_back(id);
  ++phrases_;
  finalized_ = false;
}

void PhraseIndex::AddFlexible(const std::vector<std::string>& words, const std::vector<uint8_t>& flags, uint32_t id) {
  if (words.empty()) return;
  bool any = false;
  for (size_t k = 0; k < words.size() && k < flags.size(); ++k) any |= (flags[k] & kStem) || (k > 0 && (flags[k] & kGap));
  if (!any) {
    Add(words, id);
    return;
  }
  Flexible f;
  f.words = words;
  f.flags = flags;
  f.flags.resize(words.size(), 0);
  f.id = id;
  const uint32_t index = static_cast<uint32_t>(flexible_.size());
  if (!(f.flags[0] & kStem)) flexible_first_[f.words[0]].push_back(index);
  else if (f.words[0].size() < kStemPrefix) flexible_stem_short_.push_back(index);
  else flexible_stem_prefix_[f.words[0].substr(0, kStemPrefix)].push_back(index);
  flexible_.push_back(std::move(f));
  ++phrases_;
}

uint32_t PhraseIndex::AddIfNew(const std::vector<std::string>& words, uint32_t id) {
  if (words.empty()) return id;
  uint32_t node = RootForInsert(words[0]);
  for (size_t k = 1; k < words.size(); ++k) node = ChildForInsert(node, words[k]);
  if (!nodes_[node].entries.empty()) return nodes_[node].entries.front();
  nodes_[node].entries.push_back(id);
  ++phrases_;
  finalized_ = false;
  return id;
}

uint64_t PhraseIndex::HashWord(std::string_view word) {
  // FNV-1a over the word's bytes, then a final mix (words are short: a few bytes each).
  uint64_t h = 14695981039346656037ull;
  for (const char c : word) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ull;
  h ^= h >> 32;
  return h | 1;  // 0 marks an empty slot
}

uint32_t PhraseIndex::RootForInsert(const std::string& word) {
  if (const uint32_t node = Root(word); node != kNone) return node;
  // Grow to keep the table at most half full: probes stay short, and misses end early.
  if ((root_words_.size() + 1) * 2 > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, old.size() * 2), Slot{});
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.hash == 0) continue;
      size_t i = s.hash & mask;
      while (slots_[i].hash != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  const uint64_t h = HashWord(word);
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].hash != 0) i = (i + 1) & mask;
  const uint32_t node = static_cast<uint32_t>(nodes_.size());
  nodes_.emplace_back();
  slots_[i] = Slot{h, node, static_cast<uint32_t>(root_words_.size())};
  root_words_.push_back(word);
  return node;
}

uint32_t PhraseIndex::ChildForInsert(uint32_t node, const std::string& word) {
  // Before Finalize the child lists are unsorted: a linear scan (dictionary load only).
  for (const auto& [w, child] : nodes_[node].children)
    if (w == word) return child;
  const uint32_t child = static_cast<uint32_t>(nodes_.size());
  nodes_.emplace_back();
  nodes_[node].children.emplace_back(word, child);
  return child;
}

void PhraseIndex::Finalize() {
  for (Node& nd : nodes_) std::sort(nd.children.begin(), nd.children.end());
  finalized_ = true;
}

uint32_t PhraseIndex::Child(const Node& nd, std::string_view word) const {
  auto it = std::lower_bound(nd.children.begin(), nd.children.end(), word,
                             [](const std::pair<std::string, uint32_t>& c, std::string_view w) { return c.first < w; });
  return it != nd.children.end() && it->first == word ? it->second : kNone;
}

}  // namespace griot

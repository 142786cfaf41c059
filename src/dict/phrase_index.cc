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
  auto [it, inserted] = roots_.try_emplace(words[0], static_cast<uint32_t>(nodes_.size()));
  if (inserted) nodes_.emplace_back();
  uint32_t node = it->second;
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
  if (f.flags[0] & kStem) flexible_stem_first_.push_back(index);
  else flexible_first_[f.words[0]].push_back(index);
  flexible_.push_back(std::move(f));
  ++phrases_;
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

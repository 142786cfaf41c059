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

void PhraseIndex::Add(std::vector<std::string> words, uint32_t id) {
  if (words.empty()) return;
  const uint32_t idx = static_cast<uint32_t>(phrases_.size());
  by_first_[words[0]].push_back(idx);
  phrases_.push_back({std::move(words), id});
}

void PhraseIndex::Finalize() {
  for (auto& [first, list] : by_first_) {
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return phrases_[a].words.size() > phrases_[b].words.size();
    });
  }
}

}  // namespace griot

#include "dict/phrase_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/utf8.h"

namespace griot {
namespace {

std::string Utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    s.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    s.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return s;
}

// A one-word phrase's key is FoldKey's, whichever way SplitPhrase folds it.
void ExpectFoldKey(const std::string& word) {
  const std::vector<std::string> words = SplitPhrase(word);
  ASSERT_EQ(words.size(), 1u) << word;
  EXPECT_EQ(words[0], FoldKey(word)) << word;
}

TEST(SplitPhraseTest, WordsAndPossessives) {
  bool exact = false;
  EXPECT_EQ(SplitPhrase("WAGNER_GROUP_", &exact), (std::vector<std::string>{"wagner", "group"}));
  EXPECT_TRUE(exact);
  EXPECT_EQ(SplitPhrase("MALI'S_ARMY", &exact), (std::vector<std::string>{"mali", "'s", "army"}));
  EXPECT_FALSE(exact);
  EXPECT_EQ(SplitPhrase("  Ménaka  Région "), (std::vector<std::string>{"menaka", "region"}));
  EXPECT_TRUE(SplitPhrase("__").empty());
}

TEST(SplitPhraseTest, IntoReusesTheBuffer) {
  std::vector<std::string> words;
  SplitPhraseInto("AL_QAEDA_IN_THE_ISLAMIC_MAGHREB", &words);
  EXPECT_EQ(words.size(), 6u);
  SplitPhraseInto("Tombouctou", &words);
  EXPECT_EQ(words, (std::vector<std::string>{"tombouctou"}));
  SplitPhraseInto("", &words);
  EXPECT_TRUE(words.empty());
}

TEST(SplitPhraseTest, FoldsAsFoldKeyDoes) {
  // Every code point below U+0530 (folded from a table) and a few beyond (FoldKey itself),
  // alone, after a letter, and before a combining mark or another letter.
  for (char32_t cp = 0x21; cp < 0x600; ++cp) {
    if (cp == '_') continue;
    const std::string c = Utf8(cp);
    ExpectFoldKey(c);
    ExpectFoldKey("A" + c);
    for (char32_t next : {0x301, 0x308, 0x327, 0x345, 0x3B1, 0x41B, 0x627, 0xE9, 0x2019})
      ExpectFoldKey(c + Utf8(next));
  }
  ExpectFoldKey("Ségou");
  ExpectFoldKey("Gao\xE2\x80\x99s");          // typographic apostrophe, not a possessive split
  ExpectFoldKey("\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1");  // Greek
  ExpectFoldKey("\xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2");          // Cyrillic
  ExpectFoldKey("\xD8\xA8\xD8\xA7\xD9\x85\xD8\xA7\xD9\x83\xD9\x88");  // Arabic
  ExpectFoldKey("bad\xC3");                   // not UTF-8
}

TEST(PhraseIndexTest, LongestFirstAndIfNew) {
  PhraseIndex index;
  index.Add(SplitPhrase("UNITED_NATIONS"), 0);
  index.Add(SplitPhrase("UNITED"), 1);
  index.Add(SplitPhrase("UNITED_NATIONS_SECURITY_COUNCIL"), 2);
  index.Add(SplitPhrase("UNITED_NATIONS"), 3);
  EXPECT_EQ(index.AddIfNew(SplitPhrase("UNITED_NATIONS"), 9), 0u);
  EXPECT_EQ(index.AddIfNew(SplitPhrase("UNITED_STATES"), 4), 4u);
  index.Finalize();
  const std::vector<std::string> keys = {"united", "nations", "security", "council", "said"};
  std::vector<PhraseIndex::Match> m;
  index.MatchAt([&](uint32_t k) -> const std::string& { return keys[k]; }, 5, 0, &m);
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0].entry, 2u);
  EXPECT_EQ(m[0].length, 4u);
  EXPECT_EQ(m[1].entry, 0u);
  EXPECT_EQ(m[2].entry, 3u);
  EXPECT_EQ(m[3].entry, 1u);
  index.MatchAt([&](uint32_t k) -> const std::string& { return keys[k]; }, 5, 1, &m);
  EXPECT_TRUE(m.empty());
  // Phrases added after Finalize are found once it is called again.
  index.Add(SplitPhrase("NATIONS"), 5);
  index.Finalize();
  index.MatchAt([&](uint32_t k) -> const std::string& { return keys[k]; }, 5, 1, &m);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].entry, 5u);
  EXPECT_EQ(index.size(), 6u);
}

}  // namespace
}  // namespace griot

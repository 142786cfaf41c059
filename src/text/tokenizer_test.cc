#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace griot {
namespace {

std::vector<std::string> Keys(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.push_back(t.key);
  return out;
}

TEST(TokenizerTest, NewsAbbreviationsPossessivesAndNames) {
  EXPECT_EQ(Keys("The U.S. Treasury sanctioned Mali's Gen. Camara."),
            (std::vector<std::string>{"the", "u.s.", "treasury", "sanctioned", "mali", "'s", "gen.",
                                      "camara", "."}));
  EXPECT_EQ(Keys("Lt. Col. Assimi Goïta met N'Daw in Ménaka"),
            (std::vector<std::string>{"lt.", "col.", "assimi", "goita", "met", "n'daw", "in", "menaka"}));
  EXPECT_EQ(Keys("al-Qaida\xE2\x80\x99s fighters, 1,200 of them"),
            (std::vector<std::string>{"al-qaida", "'s", "fighters", ",", "1,200", "of", "them"}));
}

TEST(TokenizerTest, OffsetsCoverTheText) {
  const std::string text = "“Wagner” left — in June.";
  for (const Token& t : Tokenize(text)) {
    ASSERT_LE(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
  }
  auto toks = Tokenize(text);
  EXPECT_EQ(text.substr(toks[1].begin, toks[1].end - toks[1].begin), "Wagner");
}

TEST(TokenizerTest, InvalidBytesNeverFail) {
  const std::string text = "ab\xFF\xFE cd \xC3";
  auto toks = Tokenize(text);
  EXPECT_FALSE(toks.empty());
}

TEST(TokenizerTest, AbbreviationTableIsSorted) {
  // IsKnownAbbreviation binary-searches; spot-check entries at both ends.
  EXPECT_TRUE(IsKnownAbbreviation("adm"));
  EXPECT_TRUE(IsKnownAbbreviation("gen"));
  EXPECT_TRUE(IsKnownAbbreviation("wed"));
  EXPECT_FALSE(IsKnownAbbreviation("mali"));
}

}  // namespace
}  // namespace griot

#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

std::vector<std::string> Split(const std::string& text) {
  auto tokens = Tokenize(text);
  std::vector<std::string> out;
  for (const SentenceSpan& s : SplitSentences(text, tokens)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(SentenceSplitterTest, AbbreviationsDoNotEndSentences) {
  auto s = Split("The U.S. Treasury sanctioned Gen. Camara on Jan. 5. Lt. Col. Goïta denied it.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "The U.S. Treasury sanctioned Gen. Camara on Jan. 5.");
  EXPECT_EQ(s[1], "Lt. Col. Goïta denied it.");
}

TEST(SentenceSplitterTest, UsEndsASentenceBeforeAnOpener) {
  auto s = Split("The sanctions were imposed by the U.S. The junta rejected them.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[1], "The junta rejected them.");
}

TEST(SentenceSplitterTest, QuotesAndParagraphs) {
  auto s = Split("He said: \"We will leave.\" Then they left\n\nA title without a period\n\nNext one.");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], "He said: \"We will leave.\"");
  EXPECT_EQ(s[1], "Then they left");
  EXPECT_EQ(s[2], "A title without a period");
}

TEST(SentenceSplitterTest, DatelinesAreLeftOut) {
  auto s = Split("BAMAKO, Mali (AP) \xE2\x80\x94 Soldiers detained the president. Crowds cheered.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "Soldiers detained the president.");
  s = Split("BAMAKO, Aug 19 \xE2\x80\x94 Mutinous soldiers seized power.");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0], "Mutinous soldiers seized power.");
}

TEST(SentenceSplitterTest, HeadingLines) {
  auto s = Split("What's Happening?\nA report was published.\nBeyond the Headlines\nThe involvement of\nprivate firms grew.");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[2], "Beyond the Headlines");
  EXPECT_EQ(s[3], "The involvement of\nprivate firms grew.");
}

}  // namespace
}  // namespace griot

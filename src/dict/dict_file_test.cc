#include "dict/dict_file.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

std::vector<std::string> Texts(const std::vector<DictLine>& lines) {
  std::vector<std::string> out;
  for (const DictLine& l : lines) out.push_back(l.text);
  return out;
}

TEST(DictFileTest, DetectsTheDialectByNameThenContent) {
  EXPECT_EQ(DetectDictSyntax("TABARI.Demo.actors", ""), DictSyntax::kTabari);
  EXPECT_EQ(DetectDictSyntax("dir/x.verbs", ""), DictSyntax::kTabari);
  EXPECT_EQ(DetectDictSyntax("Validate.agents", ""), DictSyntax::kTabari);
  EXPECT_EQ(DetectDictSyntax("griot.actors.txt", "A_ [B]\n"), DictSyntax::kPetrarch);
  EXPECT_EQ(DetectDictSyntax("griot.verbs.txt", "--- A [1] ---\n"), DictSyntax::kPetrarch);
  EXPECT_EQ(DetectDictSyntax("old.txt", "A [B]\n  <NOUN>\nX\n</NOUN>\n"), DictSyntax::kTabari);
  EXPECT_EQ(DetectDictSyntax("old.txt", "<SYNSETS>\n"), DictSyntax::kTabari);
  EXPECT_EQ(DetectDictSyntax("old.txt", "A [B]\n~~FINISH 16:47\n"), DictSyntax::kTabari);
  // A tag inside a line, or an unknown tag, is not a marker.
  EXPECT_EQ(DetectDictSyntax("old.txt", "A [B] <NOUN>\n<!-- x -->\n<FOO>\n"), DictSyntax::kPetrarch);
}

TEST(DictFileTest, TabariCommentsAndFinishStamp) {
  const std::string content =
      "AL_GORE  [AGR] ;  pas 26 apr 03\n"
      "#ALBRIGHZ  [991201-010114] [---] ; commented out\n"
      "   # indented commented entry\n"
      "NASGUL  [###]\n"
      "\t[ZBW];jw 9/30/91\n"
      "; a whole-line comment\n"
      "~~FINISH 16:47 CDT Thu 05 May 2005\n"
      "AFTER_FINISH [X]\n";
  const auto lines = ReadDictLines(content, DictSyntax::kTabari);
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"AL_GORE  [AGR]", "NASGUL  [###]", "[ZBW]"}));
  EXPECT_EQ(lines[0].number, 1);
  EXPECT_EQ(lines[1].number, 4);
  EXPECT_TRUE(lines[2].indented);
}

TEST(DictFileTest, PetrarchCommentsUnchanged) {
  const auto lines = ReadDictLines("A_ [B] # note; more\nC_ ;[D]\n<!-- x\ny -->E_ [###]\n", DictSyntax::kPetrarch);
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"A_ [B]", "C_ ;[D]", "E_ [###]"}));
  EXPECT_EQ(lines[2].number, 4);
}

TEST(DictFileTest, SectionTags) {
  std::string name;
  bool closing = true;
  ASSERT_TRUE(ParseSectionTag(" <Noun> ", &name, &closing));
  EXPECT_EQ(name, "NOUN");
  EXPECT_FALSE(closing);
  ASSERT_TRUE(ParseSectionTag("</SYNSETS>", &name, &closing));
  EXPECT_EQ(name, "SYNSETS");
  EXPECT_TRUE(closing);
  EXPECT_FALSE(ParseSectionTag("<!-- x -->", &name, &closing));
  EXPECT_FALSE(ParseSectionTag("<NOUN> X", &name, &closing));
  EXPECT_FALSE(ParseSectionTag("<>", &name, &closing));
}

TEST(TabariWordListTest, WholeWordsStemsAndPhrases) {
  const std::vector<std::string> words = {"EVIL", "FORCES_", "AWFUL=", "REAL~_PLEASANT", "  "};
  EXPECT_TRUE(InTabariWordList(words, "evil"));
  EXPECT_TRUE(InTabariWordList(words, "evils"));     // a bare word is a stem
  EXPECT_TRUE(InTabariWordList(words, "forces"));
  EXPECT_FALSE(InTabariWordList(words, "forcesx"));  // "_" and "=": whole words
  EXPECT_TRUE(InTabariWordList(words, "awful"));
  EXPECT_FALSE(InTabariWordList(words, "awfully"));
  EXPECT_FALSE(InTabariWordList(words, "real"));     // a phrase is no single word
  EXPECT_FALSE(InTabariWordList(words, ""));
  EXPECT_FALSE(InTabariWordList({}, "evil"));
}

}  // namespace
}  // namespace griot

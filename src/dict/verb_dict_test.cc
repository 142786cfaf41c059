#include "dict/verb_dict.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

TEST(VerbDictTest, RegularForms) {
  auto forms = RegularVerbForms("seize");
  std::vector<std::string> words;
  for (auto& [w, k] : forms) words.push_back(w);
  EXPECT_EQ(words, (std::vector<std::string>{"seizes", "seized", "seizing"}));
  words.clear();
  for (auto& [w, k] : RegularVerbForms("deny")) words.push_back(w);
  EXPECT_EQ(words, (std::vector<std::string>{"denies", "denied", "denying"}));
}

TEST(VerbDictTest, ParsesPatternTokens) {
  VerbPattern p;
  std::string error;
  ASSERT_TRUE(ParsePatternLine("- $ * + WITH &WEAPON [195:196]", &p, &error)) << error;
  ASSERT_EQ(p.pre.size(), 1u);
  EXPECT_EQ(p.pre[0].kind, PatternToken::kSource);
  ASSERT_EQ(p.post.size(), 3u);
  EXPECT_EQ(p.post[0].kind, PatternToken::kTarget);
  EXPECT_EQ(p.post[1].key, "with");
  EXPECT_EQ(p.post[2].kind, PatternToken::kSynset);
  EXPECT_EQ(p.post[2].key, "WEAPON");
  EXPECT_EQ(p.code, "195");
  EXPECT_EQ(p.paired_code, "196");
  EXPECT_EQ(p.literal_words, 2);

  VerbPattern q;
  ASSERT_TRUE(ParsePatternLine("- SO IN_AND_*_OUT_AGAIN NOW [074]", &q, &error)) << error;
  EXPECT_TRUE(q.verb_consecutive_pre);
  EXPECT_TRUE(q.verb_consecutive_post);
  EXPECT_TRUE(q.pre[2].consecutive);   // AND follows IN
  EXPECT_TRUE(q.post[1].consecutive);  // AGAIN follows OUT
  EXPECT_FALSE(q.post[2].consecutive); // NOW may have a gap

  VerbPattern bad;
  EXPECT_FALSE(ParsePatternLine("- + WITH [195]", &bad, &error));
  EXPECT_FALSE(ParsePatternLine("- * + WITH", &bad, &error));
}

TEST(VerbDictTest, LoadsBlocksFormsAndReportsBadLines) {
  VerbDictionary d;
  std::vector<DictIssue> issues;
  d.Load("&WEAPON\n+ARTILLERY\n+DRONE_STRIKE\n\n--- KILL [190] ---\nKILL\nSLAY {SLAYS SLEW SLAIN SLAYING}\n"
         "+SHOOT_DEAD {+SHOT_DEAD}\n- * + WITH &WEAPON [195]\n- broken line\n@MASSACRE {MASSACRES}\n",
         "t.verbs.txt", &issues);
  d.Finalize();
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].line, 10);
  EXPECT_EQ(d.block_count(), 1u);
  EXPECT_EQ(d.pattern_count(), 1u);
  EXPECT_EQ(d.synset("WEAPON").size(), 2u);
  // kill + 4 regular forms, slay + 4, shoot dead + shot dead, massacre + massacres
  std::vector<PhraseIndex::Match> m;
  std::vector<std::string> toks = {"shot", "dead"};
  d.forms_index().MatchAt([&](uint32_t i) -> const std::string& { return toks[i]; }, 2, 0, &m);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].length, 2u);
  EXPECT_EQ(d.form(m[0].entry).kind, VerbFormKind::kPast);
}

}  // namespace
}  // namespace griot

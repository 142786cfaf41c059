#include "dict/verb_dict.h"

#include <gtest/gtest.h>

#include <algorithm>

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

// The block of the longest form matching all of `toks`, or -1.
int BlockOf(const VerbDictionary& d, std::vector<std::string> toks) {
  std::vector<PhraseIndex::Match> m;
  d.forms_index().MatchAt([&](uint32_t i) -> const std::string& { return toks[i]; }, static_cast<uint32_t>(toks.size()),
                          0, &m);
  if (m.empty() || m[0].length != toks.size()) return -1;
  return static_cast<int>(d.form(m[0].entry).block);
}

TEST(VerbDictTest, TabariSynsetsNestedAndStemmed) {
  VerbDictionary d;
  std::vector<DictIssue> issues;
  d.Load("<SYNSETS>\n&CURRENCY \n+DOLLAR\n+KRONER_\n+YUM YENNYEN \n&TIETYPES\n+MILITARY\n+ECONOMIC\n"
         "&TIEPHRASE\n+&TIETYPES_MEMOS\n+MEMOS_ON_&TIETYPES\n</SYNSETS>\nWELCOME  [041]\n- * &TIEPHRASE [912]\n",
         "t.verbs", &issues);
  d.Finalize();
  EXPECT_TRUE(issues.empty()) << issues[0].ToString();
  const auto& currency = d.synset("CURRENCY");
  auto has = [](const std::vector<std::vector<std::string>>& set, std::vector<std::string> m) {
    return std::find(set.begin(), set.end(), m) != set.end();
  };
  EXPECT_TRUE(has(currency, {"dollar"}));
  EXPECT_TRUE(has(currency, {"dollars"}));  // a stem
  EXPECT_TRUE(has(currency, {"kroner"}));
  EXPECT_TRUE(has(currency, {"kroners"}));  // "_": with its plural
  EXPECT_TRUE(has(currency, {"yum", "yennyen"}));
  const auto& phrase = d.synset("TIEPHRASE");
  EXPECT_TRUE(has(phrase, {"military", "memos"}));
  EXPECT_TRUE(has(phrase, {"memos", "on", "economic"}));
  EXPECT_EQ(d.pattern_count(), 1u);
}

// The words of the longest verb form matching `words` from their first, 0 if none.
uint32_t LongestFormMatch(const VerbDictionary& d, const std::vector<std::string>& words) {
  std::vector<PhraseIndex::Match> m;
  d.forms_index().MatchAt([&](uint32_t k) -> const std::string& { return words[k]; },
                          static_cast<uint32_t>(words.size()), 0, &m);
  return m.empty() ? 0u : m.front().length;
}

TEST(VerbDictTest, TabariBlanksLetWordsBetween) {
  VerbDictionary d;
  std::vector<DictIssue> issues;
  d.Load("<SYNSETS>\n&TIETYPES\n+CULTURAL\n&OPEN\n+&TIETYPES ASSURANCES\n&CLOSED\n+&TIETYPES_MEMOS\n</SYNSETS>\n"
         "DEATH TOLL RISEN  [223]\nCALLED_ON  [094]\n",
         "t.verbs", &issues);
  d.Finalize();
  EXPECT_TRUE(issues.empty()) << issues[0].ToString();
  // A multi-word verb: words may come where the dictionary wrote a blank, not after "_".
  EXPECT_EQ(LongestFormMatch(d, {"death", "toll", "has", "risen"}), 4u);
  EXPECT_EQ(LongestFormMatch(d, {"called", "on"}), 2u);
  EXPECT_EQ(LongestFormMatch(d, {"called", "upon", "on"}), 0u);
  // A nested synset followed by a blank: its members with the gap ("cultural internal
  // assurances"); followed by "_", none.
  auto gap_member = [&](const std::string& synset, const std::vector<std::string>& words) {
    for (const FlexiblePhrase& f : d.synset_flexible(synset))
      if (f.words == words && f.flags.size() == words.size() && (f.flags[1] & PhraseIndex::kGap)) return true;
    return false;
  };
  EXPECT_TRUE(gap_member("OPEN", {"cultural", "assurances"}));
  EXPECT_FALSE(gap_member("CLOSED", {"cultural", "memos"}));
}

TEST(VerbDictTest, TabariInflectsTheLastWordOfJoinedPhrases) {
  VerbDictionary d;
  std::vector<DictIssue> issues;
  d.Load("SHOT_AND_WOUND  [223]\nCALLED_ON=  [094]\n", "t.verbs", &issues);
  d.Finalize();
  EXPECT_TRUE(issues.empty()) << issues[0].ToString();
  // TABARI's regular endings on the last word of a phrase joined by "_".
  EXPECT_EQ(LongestFormMatch(d, {"shot", "and", "wound"}), 3u);
  EXPECT_EQ(LongestFormMatch(d, {"shot", "and", "wounded"}), 3u);
  EXPECT_EQ(LongestFormMatch(d, {"shot", "and", "wounding"}), 3u);
  // "=" keeps the word as written.
  EXPECT_EQ(LongestFormMatch(d, {"called", "on"}), 2u);
  EXPECT_EQ(LongestFormMatch(d, {"called", "ons"}), 0u);
}

TEST(VerbDictTest, TabariTimeSection) {
  VerbDictionary d;
  std::vector<DictIssue> issues;
  d.Load("<TIME>\nFOREVER_AND_A_DAY [- - -]\nKAN_WA_MA_KAN [###]\nLAST_WEEK [-7]\nTOMORROW [+1]\n"
         "- * AND A WEEK [+8]\nWHEN_PEACE_COMES [+++]\nSOMEDAY [soon]\n</TIME>\n",
         "t.verbs", &issues);
  d.Finalize();
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].line, 8);  // "[soon]" is no shift
  const auto& t = d.time_shifts();
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].code, "---");
  EXPECT_EQ(t[1].code, "###");
  EXPECT_EQ(t[2].phrase, "LAST_WEEK");
  EXPECT_EQ(t[2].days, -7);
  EXPECT_EQ(t[3].days, 1);
  EXPECT_EQ(t[4].phrase, "TOMORROW");
  EXPECT_EQ(t[4].pattern, "- * AND A WEEK");
  EXPECT_EQ(t[4].days, 8);
  EXPECT_EQ(t[5].code, "+++");
  EXPECT_EQ(d.block_count(), 0u);  // time phrases are not verbs
}

TEST(VerbDictTest, TabariVerbEntriesWithoutHeaders) {
  VerbDictionary d;
  std::vector<DictIssue> issues;
  d.Load("ABANDON  [345] ;pas 15 Jul 2003\n- * EFFORT  [987] ;pas\n- * DIPLOMATIC TIES [901]\n"
         "ACT_ [100]\n{ ACTING_ ACTXD_ ACTUALITY  }\n- SAID WOULD * NOW  [101]\n"
         "BAN= [191]\nDEPART_ [032]\nRESTOR  [064]\nBURN DOWN  [222]\nATTEND  [031!]\nREPORT  [025?]\n"
         "LEFT_ [032:033]\n",
         "t.verbs", &issues);
  d.Finalize();
  EXPECT_TRUE(issues.empty()) << issues[0].ToString();
  ASSERT_EQ(d.block_count(), 9u);
  EXPECT_EQ(d.block(0).name, "ABANDON");
  EXPECT_EQ(d.block(0).code, "345");
  EXPECT_EQ(d.block(0).patterns.size(), 2u);
  EXPECT_EQ(d.block(1).name, "ACT");
  EXPECT_EQ(d.block(1).patterns.size(), 1u);
  EXPECT_EQ(BlockOf(d, {"abandoned"}), 0);
  EXPECT_EQ(BlockOf(d, {"act"}), 1);
  EXPECT_EQ(BlockOf(d, {"acting"}), 1);
  EXPECT_EQ(BlockOf(d, {"actxd"}), 1);      // listed form
  EXPECT_EQ(BlockOf(d, {"actuality"}), 1);  // listed form
  EXPECT_EQ(BlockOf(d, {"ban"}), 2);
  EXPECT_EQ(BlockOf(d, {"baning"}), -1);  // "=": exactly
  EXPECT_EQ(BlockOf(d, {"baned"}), -1);
  EXPECT_EQ(BlockOf(d, {"departs"}), 3);  // "_": regular endings
  EXPECT_EQ(BlockOf(d, {"departes"}), 3);
  EXPECT_EQ(BlockOf(d, {"departed"}), 3);
  EXPECT_EQ(BlockOf(d, {"departen"}), 3);
  EXPECT_EQ(BlockOf(d, {"departing"}), 3);
  EXPECT_EQ(BlockOf(d, {"departx"}), -1);
  EXPECT_EQ(BlockOf(d, {"restore"}), 4);  // a stem
  EXPECT_EQ(BlockOf(d, {"restored"}), 4);
  EXPECT_EQ(BlockOf(d, {"restoring"}), 4);
  EXPECT_EQ(BlockOf(d, {"burned", "down"}), 5);
  EXPECT_EQ(BlockOf(d, {"burn", "down"}), 5);
  EXPECT_EQ(d.block(6).code, "031");
  EXPECT_EQ(d.block(6).mark, '!');
  EXPECT_EQ(d.block(7).mark, '?');
  EXPECT_EQ(d.block(8).paired_code, "033");
  EXPECT_EQ(BlockOf(d, {"left"}), 8);
}

TEST(VerbDictTest, TabariPatternAlternativesAndStemMarks) {
  VerbDictionary d;
  std::vector<DictIssue> issues;
  d.Load("CALL  [---]\n- * FOR { ECONOMIC_SANCTIONS | TOTAL_BOYCOTT | EMBARGO }  [172]\n"
         "- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS  [111]\n"
         "ALLOW  [060]\n- * REAL~_PLEASANT  [024]\n- RECENT~_*  [025]\n",
         "t.verbs", &issues);
  d.Finalize();
  EXPECT_TRUE(issues.empty()) << issues[0].ToString();
  ASSERT_EQ(d.block_count(), 2u);
  const VerbPattern* sanctions = nullptr;
  for (const VerbPattern& p : d.block(0).patterns)
    if (p.code == "172") sanctions = &p;
  ASSERT_NE(sanctions, nullptr);
  ASSERT_EQ(sanctions->post.size(), 2u);
  EXPECT_EQ(sanctions->post[1].kind, PatternToken::kSynset);
  auto has = [](const std::vector<std::vector<std::string>>& set, std::vector<std::string> m) {
    return std::find(set.begin(), set.end(), m) != set.end();
  };
  const auto& alternatives = d.synset(sanctions->post[1].key);
  EXPECT_TRUE(has(alternatives, {"total", "boycott"}));
  EXPECT_TRUE(has(alternatives, {"economic", "sanctions"}));
  EXPECT_TRUE(has(alternatives, {"embargo"}));
  EXPECT_FALSE(has(alternatives, {"|"}));
  bool seen = false;
  for (const VerbPattern& p : d.block(0).patterns) {
    if (p.code != "111") continue;
    seen = true;
    ASSERT_EQ(p.post.size(), 3u);
    EXPECT_TRUE(p.post[1].consecutive);  // DEMAND_{...}
    EXPECT_TRUE(p.post[2].consecutive);  // {...}_CONVENTIONS
    EXPECT_TRUE(has(d.synset(p.post[1].key), {"geneva"}));
    EXPECT_TRUE(has(d.synset(p.post[1].key), {"genevas"}));  // "GENEVA_": with its plural
    EXPECT_TRUE(has(d.synset(p.post[1].key), {"international"}));
  }
  EXPECT_TRUE(seen);
  const VerbPattern& real = d.block(1).patterns[0];
  ASSERT_EQ(real.post.size(), 2u);
  EXPECT_EQ(real.post[0].key, "real");  // "~" dropped
  EXPECT_TRUE(real.post[1].consecutive);
}

TEST(VerbDictTest, TabariStemsInPatternsVerbsAndSynsets) {
  VerbDictionary d;
  std::vector<DictIssue> issues;
  d.Load("<SYNSETS>\n&CURRENCY\n+DOLLAR\n+YUM YENNYEN\n</SYNSETS>\n"
         "RESTOR [064]\n- * RELATION [112]\n- * TIES_ [064]\n"
         "CONTRIBUT [070]\n- * &CURRENCY [903]\n- * DOLLAR [071]\n",
         "t.verbs", &issues);
  d.Finalize();
  EXPECT_TRUE(issues.empty()) << issues[0].ToString();
  ASSERT_EQ(d.block_count(), 2u);
  for (const VerbPattern& p : d.block(0).patterns) {
    ASSERT_EQ(p.post.size(), 1u);
    EXPECT_EQ(p.post[0].stem, p.code == "112") << p.text;  // "RELATION" a stem, "TIES_" whole
  }
  // Equally specific: the literal word before the synset that also holds it.
  ASSERT_EQ(d.block(1).patterns.size(), 2u);
  EXPECT_EQ(d.block(1).patterns[0].code, "071");
  const std::string& currency = d.block(1).patterns[1].post[0].key;
  bool yum = false;
  for (const FlexiblePhrase& f : d.synset_flexible(currency))
    yum |= f.words == std::vector<std::string>{"yum", "yennyen"} && (f.flags[1] & PhraseIndex::kGap) &&
           (f.flags[1] & PhraseIndex::kStem);
  EXPECT_TRUE(yum);
  // The verb stem matches words beyond the expanded endings.
  std::vector<std::string> toks = {"restorative"};
  std::vector<PhraseIndex::Match> m;
  d.forms_index().MatchAt([&](uint32_t i) -> const std::string& { return toks[i]; }, 1, 0, &m);
  ASSERT_FALSE(m.empty());
  EXPECT_TRUE(d.form(m[0].entry).stem);
}

TEST(VerbDictTest, TabariFileWithPetrarchHeaders) {
  VerbDictionary d;
  std::vector<DictIssue> issues;
  d.Load("--- KILL [190] ---\nKILL_\nSLAY {SLEW SLAIN}\n- * + WITH KNIFE [195]\nATTACK  [223]\n", "t.verbs", &issues);
  d.Finalize();
  EXPECT_TRUE(issues.empty()) << issues[0].ToString();
  ASSERT_EQ(d.block_count(), 2u);
  EXPECT_EQ(d.block(0).name, "KILL");
  EXPECT_EQ(d.block(0).patterns.size(), 1u);
  EXPECT_EQ(BlockOf(d, {"killed"}), 0);
  EXPECT_EQ(BlockOf(d, {"slew"}), 0);
  EXPECT_EQ(BlockOf(d, {"attacked"}), 1);
}

TEST(VerbDictTest, TabariMalformedLinesAreIssues) {
  VerbDictionary d;
  std::vector<DictIssue> issues;
  d.Load("- * ORPHAN [001]\nNOCODE\n{ FORMS_ }\nGOOD [010]\n- * { A | B  [011]\n- BAD PATTERN [012]\n"
         "<SYNSETS>\n+MEMBER\nJUNK\n</SYNSETS>\n</TIME>\n<TIME>\n",
         "t.verbs", &issues);
  d.Finalize();
  std::vector<int> lines;
  for (const DictIssue& i : issues) lines.push_back(i.line);
  // 1 pattern before a verb, 2 no code, 3 forms without a verb, 5 unclosed "{", 6 no "*",
  // 8 member before &NAME, 9 junk in <SYNSETS>, 11 </TIME> closes nothing, 12 <TIME> open.
  EXPECT_EQ(lines, (std::vector<int>{1, 2, 3, 5, 6, 8, 9, 11, 12}));
  EXPECT_EQ(d.block_count(), 1u);
}

}  // namespace
}  // namespace griot

#include "dict/actor_dict.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

TEST(ActorDictTest, DatedCodesAndSynonyms) {
  ActorDictionary d;
  std::vector<DictIssue> issues;
  d.Load("SADIO_CAMARA_\n+COLONEL_SADIO_CAMARA_\n\t[MLIMIL <20201004]\n\t[MLIGOV 20201005-20210524]\n"
         "\t[MLIGOV >20210611]\n\t[MLIMIL]\nWAGNER_GROUP_ [RUSPMC]\nBAD_ [MLI 2020-xx]\n",
         "t.actors.txt", &issues);
  d.Finalize();
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].line, 8);
  ASSERT_EQ(d.size(), 2u);
  const ActorEntry& camara = d.entry(0);
  EXPECT_EQ(camara.actor_id, "sadio_camara");
  EXPECT_EQ(camara.CodeOn(ParseIsoDate("2019-01-01")), "MLIMIL");
  EXPECT_EQ(camara.CodeOn(ParseIsoDate("2023-07-24")), "MLIGOV");
  EXPECT_EQ(camara.CodeOn(ParseIsoDate("2021-06-01")), "MLIMIL");  // the gap: undated fallback
  std::vector<std::string> toks = {"colonel", "sadio", "camara"};
  std::vector<PhraseIndex::Match> m;
  d.index().MatchAt([&](uint32_t i) -> const std::string& { return toks[i]; }, 3, 0, &m);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].entry, 0u);
}

TEST(ActorDictTest, AgentsWithSetsPluralsAndPrefixes) {
  AgentDictionary d;
  std::vector<DictIssue> issues;
  d.Load("!MINST! = MINISTER, MINISTERS, MINISTRY\nSOLDIER [~MIL]\nPOLICE {} [ ~COP]\nDEFENCE_!MINST! [~GOV]\n"
         "MSF {} [NGO~]\nNOCODE [MIL]\n",
         "t.agents.txt", &issues);
  d.Finalize();
  ASSERT_EQ(issues.size(), 1u);
  auto lookup = [&](std::vector<std::string> toks) -> int {
    std::vector<PhraseIndex::Match> m;
    d.index().MatchAt([&](uint32_t i) -> const std::string& { return toks[i]; }, static_cast<uint32_t>(toks.size()), 0, &m);
    return m.empty() ? -1 : static_cast<int>(m[0].entry);
  };
  EXPECT_EQ(lookup({"soldiers"}), 0);
  EXPECT_EQ(lookup({"police"}), 1);
  EXPECT_EQ(lookup({"polices"}), -1);
  EXPECT_EQ(lookup({"defence", "ministry"}), 2);
  EXPECT_EQ(d.entry(1).code, "COP");
  EXPECT_TRUE(d.entry(3).prefix);
  EXPECT_EQ(RegularPlural("militia"), "militias");
  EXPECT_EQ(RegularPlural("authority"), "authorities");
}

int Lookup(const PhraseIndex& index, std::vector<std::string> toks) {
  std::vector<PhraseIndex::Match> m;
  index.MatchAt([&](uint32_t i) -> const std::string& { return toks[i]; }, static_cast<uint32_t>(toks.size()), 0, &m);
  return m.empty() || m[0].length != toks.size() ? -1 : static_cast<int>(m[0].entry);
}

TEST(ActorDictTest, TabariNounAndAdjectiveSections) {
  ActorDictionary d;
  std::vector<DictIssue> issues;
  d.Load("<NOUN>\nBEES   ;pas 26 Feb 2002\nFORCES_  ;JW\n</NOUN>\n<ADJECTIVE>\nAWFUL\nBAD ;x\n</ADJECTIVE>\n"
         "ARNOR  [ARN]\n",
         "t.actors", &issues);
  d.Finalize();
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(d.nouns(), (std::vector<std::string>{"BEES", "FORCES_"}));
  EXPECT_EQ(d.adjectives(), (std::vector<std::string>{"AWFUL", "BAD"}));
  ASSERT_EQ(d.size(), 1u);  // section words are not actors
  EXPECT_EQ(Lookup(d.index(), {"bees"}), -1);
}

TEST(ActorDictTest, TabariSeveralCodesOnALineAndSpecialCodes) {
  ActorDictionary d;
  std::vector<DictIssue> issues;
  d.Load("ALBRIGHT  [USAGOV 991201-010114] [---] ;ems 02 Feb 2001\n"
         "#ALBRIGHZ  [991201-010114] [---] ; commented out\n"
         "NASGUL  [###]\n"
         "ONODOHER  [ONO <911226] [###]\n"
         "ISILDUR  [+++]\n"
         "GOLLUM  ; pas 27 Apr 03\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 950601 - 990815]\n"
         "#\t[950601-990815]  incorrect code block check\n\t[HOBREB > 990816]\n",
         "t.actors", &issues);
  d.Finalize();
  EXPECT_TRUE(issues.empty()) << issues[0].ToString();
  ASSERT_EQ(d.size(), 5u);
  EXPECT_EQ(d.entry(0).CodeOn(ParseCompactDate("000101")), "USAGOV");
  EXPECT_EQ(d.entry(0).CodeOn(ParseCompactDate("020101")), "---");
  EXPECT_EQ(d.entry(1).CodeOn(ParseCompactDate("950101")), "###");
  EXPECT_EQ(d.entry(2).CodeOn(ParseCompactDate("900101")), "ONO");
  EXPECT_EQ(d.entry(2).CodeOn(ParseCompactDate("950101")), "###");
  EXPECT_EQ(d.entry(3).CodeOn(std::nullopt), "+++");
  EXPECT_EQ(d.entry(4).CodeOn(ParseCompactDate("970101")), "HOBGOV");
  EXPECT_EQ(d.entry(4).CodeOn(ParseCompactDate("000101")), "HOBREB");
  EXPECT_EQ(Lookup(d.index(), {"smeagol"}), 4);
}

TEST(ActorDictTest, TabariWordEndings) {
  ActorDictionary d;
  std::vector<DictIssue> issues;
  d.Load("MOUSE= [MUS]\nESTONIA_  [EST]\nERIADOR  [ERI]\nITHILEN_GOVERNMENT_RADIO_  [ITHRAD]\nAL GORE  [TEN]\n",
         "t.actors", &issues);
  d.Finalize();
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(d.entry(0).primary, "MOUSE");
  EXPECT_EQ(d.entry(0).actor_id, "mouse");
  EXPECT_EQ(Lookup(d.index(), {"mouse"}), 0);
  EXPECT_EQ(Lookup(d.index(), {"mouses"}), -1);  // "=": exactly
  EXPECT_EQ(Lookup(d.index(), {"estonia"}), 1);
  EXPECT_EQ(Lookup(d.index(), {"estonias"}), 1);  // "_": with its plural
  EXPECT_EQ(Lookup(d.index(), {"estoniab"}), -1);
  EXPECT_EQ(Lookup(d.index(), {"eriador"}), 2);  // a stem: its usual endings and any other
  EXPECT_EQ(Lookup(d.index(), {"eriadori"}), 2);
  EXPECT_EQ(Lookup(d.index(), {"eriadorian"}), 2);
  EXPECT_EQ(Lookup(d.index(), {"eriadorxyz"}), 2);  // any word the stem begins, as in TABARI
  EXPECT_EQ(Lookup(d.index(), {"ithilen", "government", "radios"}), 3);
  EXPECT_EQ(Lookup(d.index(), {"al", "gore"}), 4);
  EXPECT_EQ(TabariNounVariants("GROUP OF 77").size(), 1u);  // no endings after a number
}

TEST(ActorDictTest, TabariStemsAndSeparableWords) {
  std::vector<std::string> words;
  std::vector<uint8_t> flags;
  EXPECT_FALSE(TabariNounFlexible("ESTONIA_", &words, &flags));  // whole word: the variants say all
  ASSERT_TRUE(TabariNounFlexible("PRINCE DOL_AMROTH", &words, &flags));
  EXPECT_EQ(words, (std::vector<std::string>{"prince", "dol", "amroth"}));
  EXPECT_EQ(flags, (std::vector<uint8_t>{PhraseIndex::kStem, PhraseIndex::kGap, PhraseIndex::kStem}));

  ActorDictionary d;
  std::vector<DictIssue> issues;
  d.Load("ERIADOR [ERI]\nPRINCE DOL_AMROTH [DOL]\nAL_GORE [AGR]\nAL GORE [TEN]\n", "t.actors", &issues);
  d.Finalize();
  EXPECT_TRUE(issues.empty());
  auto match = [&](std::vector<std::string> toks) {
    std::vector<PhraseIndex::Match> m;
    d.index().MatchAt([&](uint32_t i) -> const std::string& { return toks[i]; }, static_cast<uint32_t>(toks.size()), 0, &m);
    return m;
  };
  auto code = [&](const PhraseIndex::Match& m) { return d.entry(m.entry).CodeOn(std::nullopt); };
  auto m = match({"eriadorians"});  // a stem matches any word it begins
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(code(m[0]), "ERI");
  m = match({"eriador"});  // found by the trie and the stem: listed once
  EXPECT_EQ(m.size(), 1u);
  m = match({"prince", "of", "dol", "amroth", "left"});
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(code(m[0]), "DOL");
  EXPECT_EQ(m[0].length, 4u);
  EXPECT_EQ(m[0].words, 3u);
  EXPECT_EQ(m[0].head, 1u);
  EXPECT_EQ(m[0].tail, (uint64_t{1} << 2) | (uint64_t{1} << 3));
  m = match({"al", "gore"});  // the consecutive phrase first
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(code(m[0]), "AGR");
  m = match({"al", "the", "weasel", "gore"});
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(code(m[0]), "TEN");
  EXPECT_TRUE(match({"dol", "amroth"}).empty());
}

TEST(ActorDictTest, TabariMalformedLinesAreIssues) {
  ActorDictionary d;
  std::vector<DictIssue> issues;
  d.Load("ALBRIGHZ  [991201-010114]\nALBRIGHY  [AAA950601-990815]\nOPEN  [ABC\n\t[XYZ]\n"
         "</NOUN>\n<NOUN>\nBEES\n<VERBS>\nX\n",
         "t.actors", &issues);
  d.Finalize();
  ASSERT_EQ(issues.size(), 8u);
  EXPECT_EQ(issues[0].line, 1);
  EXPECT_NE(issues[0].reason.find("has a date but no code"), std::string::npos);
  EXPECT_EQ(issues[1].line, 2);
  EXPECT_NE(issues[1].reason.find("separate the date"), std::string::npos);
  EXPECT_EQ(issues[2].line, 3);  // unclosed '['
  EXPECT_EQ(issues[3].line, 4);  // dated code with no actor before it
  EXPECT_EQ(issues[4].line, 5);  // </NOUN> closes nothing
  EXPECT_EQ(issues[5].line, 6);  // <NOUN> not closed before <VERBS>
  EXPECT_EQ(issues[6].line, 8);  // unknown section
  EXPECT_EQ(issues[7].line, 8);  // <VERBS> never closed
  EXPECT_EQ(d.size(), 0u);
  EXPECT_EQ(d.nouns(), std::vector<std::string>{"BEES"});
}

TEST(ActorDictTest, TabariAgents) {
  AgentDictionary d;
  std::vector<DictIssue> issues;
  d.Load("PRESIDENT_  [ ~GOVPRS] ;ns 6/26/01\nHUMAN_RIGHTS_BODY_   [  NGO~] ;BNL\nCLERIC_   [  ~MOS]\n"
         "~~FINISH 16:47\nAFTER_  [~X]\n",
         "t.agents", &issues);
  d.Finalize();
  EXPECT_TRUE(issues.empty());
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d.entry(0).code, "GOVPRS");
  EXPECT_TRUE(d.entry(1).prefix);
  EXPECT_EQ(Lookup(d.index(), {"presidents"}), 0);
  EXPECT_EQ(Lookup(d.index(), {"clerics"}), 2);
  EXPECT_EQ(Lookup(d.index(), {"human", "rights", "bodies"}), 1);
}

}  // namespace
}  // namespace griot

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

}  // namespace
}  // namespace griot

#include "coding/roles.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace griot {
namespace {

// A sentence written as "word/TAG word/TAG ...": the words joined by spaces are tokenized
// and each token takes its tag; actors are given as (first word, word count, code).
struct Tagged {
  Document doc;
  Sentence s;
  std::vector<ActorMention> mentions;

  Tagged(const std::string& tagged, const std::vector<std::tuple<std::string, uint32_t, std::string>>& actors) {
    std::istringstream in(tagged);
    std::string item, text;
    std::vector<std::string> tags;
    while (in >> item) {
      const size_t slash = item.rfind('/');
      // A clitic ("'s") is written as its own item and attached to the word before.
      text += (text.empty() || item[0] == '\'' ? "" : " ") + item.substr(0, slash);
      tags.push_back(item.substr(slash + 1));
    }
    doc.id = "t";
    doc.text = text;
    std::vector<Sentence> sentences = BuildSentences(doc);
    EXPECT_EQ(sentences.size(), 1u);
    s = std::move(sentences.front());
    EXPECT_EQ(s.tokens.size(), tags.size()) << tagged;
    s.tags = tags;
    s.tags.resize(s.tokens.size(), "NN");
    int group = 0;
    for (const auto& [word, length, code] : actors) {
      ActorMention m;
      m.first = Index(word);
      m.end = m.first + length;
      m.code = code;
      m.group = group++;
      mentions.push_back(m);
    }
    std::sort(mentions.begin(), mentions.end(),
              [](const ActorMention& a, const ActorMention& b) { return a.first < b.first; });
  }
  // The first token whose key is `word` (lower case).
  uint32_t Index(const std::string& word, uint32_t from = 0) const {
    for (uint32_t i = from; i < s.tokens.size(); ++i)
      if (s.tokens[i].key == word) return i;
    ADD_FAILURE() << "no token " << word;
    return 0;
  }
  // The code of the subject of the verb `word`, "-" for none, "?" when undecided.
  std::string SubjectOf(const std::string& word) const {
    ClauseRoles roles(s, mentions);
    const int m = roles.Subject(Index(word), 0);
    if (m == ClauseRoles::kUndecided) return "?";
    if (m == ClauseRoles::kNoActor) return "-";
    return mentions[static_cast<size_t>(m)].code;
  }
};

TEST(ClauseRolesTest, SubjectIsTheActorBeforeTheVerbGroup) {
  Tagged t("JNIM/NNP has/VBZ also/RB attacked/VBN the/DT army/NN ./.", {{"jnim", 1, "JNM"}, {"army", 1, "MLIMIL"}});
  EXPECT_EQ(t.SubjectOf("attacked"), "JNM");
}

TEST(ClauseRolesTest, AppositionIsSkipped) {
  // "Assimi Goita, Mali's junta leader, ordered ...": the apposition names Mali too.
  Tagged t("Goita/NNP ,/, Mali/NNP 's/POS junta/NN leader/NN ,/, ordered/VBD the/DT arrest/NN ./.",
           {{"goita", 1, "MLIGOV"}, {"mali", 1, "MLI"}});
  EXPECT_EQ(t.SubjectOf("ordered"), "MLIGOV");
}

TEST(ClauseRolesTest, AppositionNamesTheSubjectWhenTheHeadDoesNot) {
  Tagged t("The/DT bloc/NN 's/POS chairman/NN ,/, Tinubu/NNP ,/, warned/VBD Niger/NNP ./.",
           {{"tinubu", 1, "NGAGOV"}, {"niger", 1, "NER"}});
  EXPECT_EQ(t.SubjectOf("warned"), "NGAGOV");
}

TEST(ClauseRolesTest, RelativeClauseIsSkippedAndItsPronounIsItsAntecedent) {
  Tagged t("ECOWAS/NNP ,/, which/WDT imposed/VBD sanctions/NNS on/IN Mali/NNP ,/, lifted/VBD them/PRP ./.",
           {{"ecowas", 1, "WAS"}, {"mali", 1, "MLI"}});
  EXPECT_EQ(t.SubjectOf("lifted"), "WAS");
  EXPECT_EQ(t.SubjectOf("imposed"), "WAS");
  ClauseRoles roles(t.s, t.mentions);
  EXPECT_TRUE(roles.BreaksCoordination(t.Index(",", 3), t.Index("lifted"), 0));
}

TEST(ClauseRolesTest, ActorBehindAPrepositionIsNotTheSubject) {
  // "The attack on the army killed ...": the subject names no actor.
  Tagged t("The/DT attack/NN on/IN the/DT army/NN killed/VBD ten/CD soldiers/NNS ./.",
           {{"army", 1, "MLIMIL"}, {"soldiers", 1, "MIL"}});
  EXPECT_EQ(t.SubjectOf("killed"), "-");
  // "The leader of JNIM" does name one.
  Tagged u("The/DT leader/NN of/IN JNIM/NNP threatened/VBD Mali/NNP ./.", {{"jnim", 1, "JNM"}, {"mali", 1, "MLI"}});
  EXPECT_EQ(u.SubjectOf("threatened"), "JNM");
}

TEST(ClauseRolesTest, HeadOfANounCompoundIsItsLastActor) {
  Tagged t("The/DT UN/NNP mission/NN MINUSMA/NNP condemned/VBD the/DT attack/NN ./.",
           {{"un", 1, "UNO"}, {"minusma", 1, "UNOPKO"}});
  EXPECT_EQ(t.SubjectOf("condemned"), "UNOPKO");
}

TEST(ClauseRolesTest, ReducedRelativeInsideTheSubjectIsSkipped) {
  Tagged t("ECOWAS/NNP mediators/NNS led/VBN by/IN Jonathan/NNP are/VBP expected/VBN to/TO negotiate/VB ./.",
           {{"ecowas", 2, "WAS"}, {"jonathan", 1, "NGAELI"}});
  EXPECT_EQ(t.SubjectOf("negotiate"), "WAS");
}

TEST(ClauseRolesTest, InfinitiveTakesTheSubjectOfASubjectControlVerb) {
  Tagged t("Maiga/NNP used/VBD his/PRP$ speech/NN at/IN the/DT UN/NNP on/IN Saturday/NNP to/TO accuse/VB "
           "France/NNP ./.",
           {{"maiga", 1, "MLIGOV"}, {"un", 1, "UNO"}, {"france", 1, "FRA"}});
  EXPECT_EQ(t.SubjectOf("accuse"), "MLIGOV");
}

TEST(ClauseRolesTest, InfinitiveTakesTheObjectOfAnObjectControlVerb) {
  Tagged t("ECOWAS/NNP urged/VBD the/DT junta/NN to/TO release/VB Bazoum/NNP ./.",
           {{"ecowas", 1, "WAS"}, {"junta", 1, "NERGOV"}, {"bazoum", 1, "NERELI"}});
  EXPECT_EQ(t.SubjectOf("release"), "NERGOV");
  Tagged u("RSF/NNP called/VBD on/IN the/DT authorities/NNS to/TO reverse/VB it/PRP ./.",
           {{"rsf", 1, "NGO"}, {"authorities", 1, "MLIGOV"}});
  EXPECT_EQ(u.SubjectOf("reverse"), "MLIGOV");
}

TEST(ClauseRolesTest, UnresolvedPronounTakesTheReportingSubject) {
  Tagged t("Mali/NNP said/VBD on/IN Monday/NNP it/PRP expelled/VBD the/DT envoy/NN ./.",
           {{"mali", 1, "MLI"}, {"envoy", 1, "FRAGOV"}});
  EXPECT_EQ(t.SubjectOf("expelled"), "MLI");
}

TEST(ClauseRolesTest, ParticipleAdjunctTakesTheMainSubject) {
  Tagged t("Mali/NNP ended/VBD the/DT accords/NNS that/WDT govern/VBP French/JJ troops/NNS ,/, accusing/VBG "
           "France/NNP ./.",
           {{"mali", 1, "MLI"}, {"french", 2, "FRAMIL"}, {"france", 1, "FRA"}});
  EXPECT_EQ(t.SubjectOf("accusing"), "MLI");
  ClauseRoles roles(t.s, t.mentions);
  EXPECT_TRUE(roles.BreaksCoordination(t.Index(","), t.Index("accusing"), 0));
}

TEST(ClauseRolesTest, ReducedPassiveNeedsAByAgentAndNoObject) {
  Tagged t("The/DT accord/NN ,/, signed/VBN in/IN 2015/CD by/IN Mali/NNP and/CC the/DT CMA/NNP ,/, held/VBD ./.",
           {{"mali", 1, "MLI"}, {"cma", 1, "MLISEP"}});
  ClauseRoles roles(t.s, t.mentions);
  const uint32_t v = t.Index("signed");
  EXPECT_TRUE(roles.ReducedPassive(v, v, v + 1));
  Tagged u("The/DT summit/NN welcomed/VBD the/DT adoption/NN by/IN Mali/NNP ./.", {{"mali", 1, "MLI"}});
  ClauseRoles roles_u(u.s, u.mentions);
  const uint32_t w = u.Index("welcomed");
  EXPECT_FALSE(roles_u.ReducedPassive(w, w, w + 1));
  // "had signed ... by": a perfect, not a reduced passive.
  Tagged x("Mali/NNP had/VBD signed/VBN by/IN then/RB ./.", {{"mali", 1, "MLI"}});
  ClauseRoles roles_x(x.s, x.mentions);
  const uint32_t y = x.Index("signed");
  EXPECT_FALSE(roles_x.ReducedPassive(y, y, y + 1));
}

TEST(ClauseRolesTest, ActiveVerbWithAByPhraseIsNotAReducedPassive) {
  // "Soldiers arrived by helicopter": a finite verb (VBD), not a participle.
  Tagged t("Soldiers/NNS arrived/VBD by/IN helicopter/NN ./.", {{"soldiers", 1, "MIL"}});
  ClauseRoles roles(t.s, t.mentions);
  const uint32_t v = t.Index("arrived");
  EXPECT_FALSE(roles.ReducedPassive(v, v, v + 1));
}

TEST(ClauseRolesTest, CoordinatedSubjectWithAPossessive) {
  // "France and its European partners announced that they would withdraw": the pronoun is the
  // speaker, whose phrase is headed by France.
  Tagged t("France/NNP and/CC its/PRP$ European/JJ partners/NNS announced/VBD that/IN they/PRP would/MD "
           "withdraw/VB ./.",
           {{"france", 1, "FRA"}});
  EXPECT_EQ(t.SubjectOf("withdraw"), "FRA");
}

TEST(ClauseRolesTest, ObjectSearchEndsAtASubordinateClause) {
  Tagged t("Fighting/NN resumed/VBD between/IN the/DT army/NN and/CC rebels/NNS after/IN MINUSMA/NNP began/VBD "
           "leaving/VBG ./.",
           {{"army", 1, "MLIMIL"}, {"rebels", 1, "REB"}, {"minusma", 1, "UNOPKO"}});
  ClauseRoles roles(t.s, t.mentions);
  EXPECT_EQ(roles.ObjectEnd(t.Index("resumed") + 1, static_cast<uint32_t>(t.s.tokens.size())), t.Index("after"));
  // "after the coup" is a prepositional phrase, not a clause.
  Tagged u("ECOWAS/NNP lifted/VBD sanctions/NNS on/IN Mali/NNP after/IN the/DT coup/NN ./.",
           {{"ecowas", 1, "WAS"}, {"mali", 1, "MLI"}});
  ClauseRoles roles_u(u.s, u.mentions);
  EXPECT_EQ(roles_u.ObjectEnd(u.Index("lifted") + 1, 8), 8u);
}

TEST(ClauseRolesTest, ObjectEndsWithAnOpeningSubordinateClause) {
  // The verb of "After X took power in May," has no object past the comma.
  Tagged t("After/IN Goita/NNP took/VBD full/JJ power/NN in/IN May/NNP ,/, Paris/NNP suspended/VBD "
           "operations/NNS ./.",
           {{"goita", 1, "MLIGOV"}, {"paris", 1, "FRAGOV"}});
  ClauseRoles roles(t.s, t.mentions);
  const uint32_t n = static_cast<uint32_t>(t.s.tokens.size());
  EXPECT_EQ(roles.ObjectEnd(t.Index("took") + 1, n), t.Index(","));
  // The main clause's verb is not limited; nor is a verb whose clause opens otherwise.
  EXPECT_EQ(roles.ObjectEnd(t.Index("suspended") + 1, n), n);
  Tagged u("Mali/NNP expelled/VBD the/DT envoy/NN ,/, France/NNP said/VBD ./.",
           {{"mali", 1, "MLI"}, {"france", 1, "FRA"}});
  ClauseRoles roles_u(u.s, u.mentions);
  EXPECT_EQ(roles_u.ObjectEnd(u.Index("expelled") + 1, static_cast<uint32_t>(u.s.tokens.size())),
            static_cast<uint32_t>(u.s.tokens.size()));
}

TEST(ClauseRolesTest, ReciprocalObject) {
  Tagged t("Mali/NNP and/CC Algeria/NNP summoned/VBD each/DT other/JJ 's/POS ambassadors/NNS ./.",
           {{"mali", 1, "MLI"}, {"algeria", 1, "DZA"}});
  ClauseRoles roles(t.s, t.mentions);
  EXPECT_TRUE(roles.ReciprocalObject(t.Index("summoned") + 1, 9));
  EXPECT_FALSE(roles.ReciprocalObject(t.Index("mali") + 1, 3));
}

TEST(ClauseRolesTest, ListEndingInAPhraseIsOneCompound) {
  Tagged t("France/NNP ,/, Germany/NNP and/CC other/JJ European/JJ states/NNS warned/VBD ./.",
           {{"france", 1, "FRA"}, {"germany", 1, "DEU"}});
  GroupCoordinatedMentions(t.s, &t.mentions);
  EXPECT_EQ(t.mentions[0].group, t.mentions[1].group);
  EXPECT_EQ(t.SubjectOf("warned"), "FRA");
  // An apposition is not a list: "Goita, Mali's leader, and ..." keeps its groups apart
  // unless a conjunction follows the second actor directly.
  Tagged u("Goita/NNP ,/, Mali/NNP 's/POS leader/NN ,/, arrived/VBD ./.", {{"goita", 1, "MLIGOV"}, {"mali", 1, "MLI"}});
  GroupCoordinatedMentions(u.s, &u.mentions);
  EXPECT_NE(u.mentions[0].group, u.mentions[1].group);
}

TEST(ClauseRolesTest, UntaggedSentencesAreLeftToTheCaller) {
  Tagged t("Mali/NNP expelled/VBD France/NNP ./.", {{"mali", 1, "MLI"}, {"france", 1, "FRA"}});
  t.s.tags.clear();
  ClauseRoles roles(t.s, t.mentions);
  EXPECT_FALSE(roles.enabled());
  EXPECT_EQ(roles.Subject(1, 0), ClauseRoles::kUndecided);
  EXPECT_EQ(roles.ObjectEnd(2, 4), 4u);
}

}  // namespace
}  // namespace griot

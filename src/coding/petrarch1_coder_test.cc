#include "coding/petrarch1_coder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dict/dictionary_set.h"
#include "structure/treebank.h"

namespace griot {
namespace {

constexpr char kActors[] =
    "ARNOR_ [ARN]\n"
    "GONDOR_ [GON]\n"
    "MORDOR_ [MOR]\n"
    "ROHAN_ [ROH]\n"
    "OSGILIATH_ [OSG]\n"
    "ERIADOR_ [ERI]\n"
    "DENETHOR_\n"
    "\t[GONELI <20000101]\n"
    "\t[GONGOV 20000102-20101231]\n"
    "\t[GONELI]\n";

constexpr char kAgents[] =
    "POLICE {} [~COP]\n"
    "OFFICIAL [~GOV]\n"
    "MSF [NGO~]\n";

constexpr char kVerbs[] =
    "--- ATTACK [190] ---\n"
    "ATTACK\n"
    "--- LEFT [032:033] ---\n"
    "LEFT\n"
    "--- HOST [040] ---\n"
    "HOST\n"
    "- * ^ + [044]\n"
    "--- RESTORE [030] ---\n"
    "RESTORE\n"
    "- * FULL_TIES [064]\n"
    "--- SAY [010] ---\n"
    "SAID\n";

std::shared_ptr<DictionarySet> TestDictionaries() {
  auto d = std::make_shared<DictionarySet>();
  std::vector<DictIssue> issues;
  d->actors.Load(kActors, "test.actors.txt", &issues);
  d->agents.Load(kAgents, "test.agents.txt", &issues);
  d->verbs.Load(kVerbs, "test.verbs.txt", &issues);
  d->actors.Finalize();
  d->agents.Finalize();
  d->verbs.Finalize();
  EXPECT_TRUE(issues.empty()) << issues.front().ToString();
  return d;
}

class Petrarch1Test : public ::testing::Test {
 protected:
  Petrarch1Test() : dicts_(TestDictionaries()) {
    options_.semantics = Semantics::kPetrarch1;
    options_.require_dyad = true;
    doc_.id = "t";
    doc_.date = ParseCompactDate("20050601");
  }

  // "SOURCE TARGET CODE" for each event of the parse, sorted.
  std::vector<std::string> Code(const std::string& parse) {
    auto parsed = ParseTreebank(parse);
    EXPECT_TRUE(parsed.ok()) << parse;
    if (!parsed.ok()) return {};
    const Sentence s = SentenceFromParse(*parsed, 0);
    std::vector<Event> events;
    EXPECT_TRUE(CodePetrarch1Sentence(*dicts_, options_, doc_, s, &events));
    std::vector<std::string> out;
    for (const Event& e : events) {
      auto code = [](const std::optional<ActorRef>& a) {
        return !a ? std::string("---") : a->agent_only ? "---" + a->code : a->code;
      };
      out.push_back(code(e.source) + " " + code(e.target) + " " + e.cameo);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::string TokenList(const std::string& parse) {
    auto parsed = ParseTreebank(parse);
    EXPECT_TRUE(parsed.ok()) << parse;
    if (!parsed.ok()) return "";
    return Petrarch1TokenList(*dicts_, options_, doc_, SentenceFromParse(*parsed, 0));
  }

  std::shared_ptr<DictionarySet> dicts_;
  CoderOptions options_;
  Document doc_;
};

using Events = std::vector<std::string>;

TEST_F(Petrarch1Test, SourceIsTheFirstCodedActorFromTheSentenceStart) {
  // NOTED is not a verb of the dictionary; "crowds" is nearer ATTACKED but uncoded: the
  // source is Arnor.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Arnor)) (VP (VBD noted) (SBAR (S (NP (NNS crowds)) "
                 "(VP (VBD attacked) (NP (NNP Gondor)))))) (. .)))"),
            Events({"ARN GON 190"}));
}

TEST_F(Petrarch1Test, AgentsJoinTheActorOfTheirPhrase) {
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Arnor) (NN police)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))"),
            Events({"ARNCOP GON 190"}));
  // A prefix agent goes before the actor's code; "police of Gondor" is one phrase.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP MSF) (NNP Arnor)) (VP (VBD attacked) (NP (NP (NN police)) "
                 "(PP (IN of) (NP (NNP Gondor))))) (. .)))"),
            Events({"NGOARN GONCOP 190"}));
}

TEST_F(Petrarch1Test, DatedActorCodes) {
  const std::string parse = "(ROOT (S (NP (NNP Denethor)) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))";
  EXPECT_EQ(Code(parse), Events({"GONGOV MOR 190"}));
  doc_.date = ParseCompactDate("19990101");
  EXPECT_EQ(Code(parse), Events({"GONELI MOR 190"}));
  doc_.date = ParseCompactDate("20150101");
  EXPECT_EQ(Code(parse), Events({"GONELI MOR 190"}));
}

TEST_F(Petrarch1Test, UnderscoreNeedsAdjacentWords) {
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (JJ full) (NNS ties)) "
                 "(PP (IN with) (NP (NNP Gondor)))) (. .)))"),
            Events({"ARN GON 064"}));
  // A word between FULL and TIES: the pattern fails and the verb's own code applies.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (JJ full) (JJ diplomatic) (NNS ties)) "
                 "(PP (IN with) (NP (NNP Gondor)))) (. .)))"),
            Events({"ARN GON 030"}));
}

TEST_F(Petrarch1Test, CaretSkipsOneEntity) {
  // "- * ^ + [044]": Osgiliath is skipped, Eriador is the target.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Mordor)) (VP (VBD hosted) (NP (NNP Osgiliath)) "
                 "(PP (IN with) (NP (NNP Eriador)))) (. .)))"),
            Events({"MOR ERI 044"}));
}

TEST_F(Petrarch1Test, PassiveWithBySwapsTheRoles) {
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Gondor)) (VP (VBD was) (VP (VBN attacked) "
                 "(PP (IN by) (NP (NNP Mordor))))) (. .)))"),
            Events({"MOR GON 190"}));
  // Without BY the VP is not passive.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Gondor)) (VP (VBD was) (VP (VBN attacked) "
                 "(PP (IN in) (NP (NNP Mordor))))) (. .)))"),
            Events({"GON MOR 190"}));
}

TEST_F(Petrarch1Test, PairedCodesGiveTheReverseEvent) {
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (PP (IN for) (NP (NNP Gondor)))) (. .)))"),
            Events({"ARN GON 032", "GON ARN 033"}));
}

TEST_F(Petrarch1Test, CompoundsGiveEveryPairButSelfPairs) {
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD attacked) "
                 "(NP (NNP Gondor) (CC and) (NNP Mordor))) (. .)))"),
            Events({"ARN GON 190", "ARN MOR 190", "GON MOR 190"}));
  // A compound inside an "of" phrase shares the phrase's agent.
  EXPECT_EQ(Code("(ROOT (S (NP (NP (NN police)) (PP (IN of) (NP (NNP Arnor) (CC and) (NNP Rohan)))) "
                 "(VP (VBD attacked) (NP (NNP Mordor))) (. .)))"),
            Events({"ARNCOP MOR 190", "ROHCOP MOR 190"}));
}

TEST_F(Petrarch1Test, TerminalCommaClauseIsDeleted) {
  const std::string parse =
      "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))) (, ,) "
      "(NP (DT an) (NN official)) (VP (VBD said)) (. .)))";
  EXPECT_EQ(TokenList(parse).find("SAID"), std::string::npos);
  EXPECT_EQ(Code(parse), Events({"ARN GON 190"}));
  // Terminal deletion off: the clause stays (SAID finds no target before the comma).
  options_.comma_emax = 0;
  EXPECT_NE(TokenList(parse).find("(NE ---GOV AN OFFICIAL ~NE (VP2 (VBD SAID"), std::string::npos);
  options_.require_dyad = false;
  EXPECT_EQ(Code(parse), Events({"ARN GON 190"}));
}

TEST_F(Petrarch1Test, CodedVerbPhraseHidesItsNestedVerbs) {
  // SAID is coded (no target: require_dyad drops it) and ATTACKED inside its VP is not read.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (NNP Rohan)) "
                 "(VP (VBD attacked) (NP (NNP Gondor)))))) (. .)))"),
            Events({"ARN ROH 010"}));
}

TEST_F(Petrarch1Test, DatelineIsNotCoded) {
  // A root NP flattened into one NE holding a compound.
  const std::string parse =
      "(ROOT (NP (NP (NNP Minas) (NNP Tirith)) (: --) (NP (NP (NNP Arnor) (CC and) (NP (NP (DT the) "
      "(NN town) (POS 's)) (NN police))) (VP (VBD attacked) (NP (NNP Gondor)))) (. .)))";
  EXPECT_EQ(TokenList(parse), "");
  EXPECT_TRUE(Code(parse).empty());
}

TEST_F(Petrarch1Test, NoParseFallsBack) {
  Sentence s;
  std::vector<Event> events;
  EXPECT_FALSE(CodePetrarch1Sentence(*dicts_, options_, doc_, s, &events));
}

// Random trees from a small label set must never crash the coder (run under ASan/UBSan in
// the debug preset).
TEST_F(Petrarch1Test, RandomTreesAreSafe) {
  const std::vector<std::string> phrases = {"S", "NP", "VP", "PP", "SBAR", "NP-TMP", "ADJP", "NEC"};
  const std::vector<std::pair<std::string, std::string>> leaves = {
      {"NNP", "Arnor"}, {"NNP", "Gondor"}, {"NN", "police"}, {"VBD", "attacked"}, {"VBN", "attacked"},
      {"VBD", "was"},   {"IN", "by"},      {"IN", "of"},     {"CC", "and"},      {",", ","},
      {"POS", "'s"},    {"JJ", "full"},    {"NNS", "ties"},  {"VBD", "left"},    {"DT", "the"}};
  uint64_t state = 12345;
  auto next = [&](uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  for (int round = 0; round < 300; ++round) {
    std::string parse = "(ROOT (S ";
    int depth = 1, words = 0;
    while (words < 25) {
      const uint64_t r = next(10);
      if (r < 3 && depth < 12) {
        parse += "(" + phrases[next(phrases.size())] + " ";
        ++depth;
      } else if (r < 5 && depth > 1) {
        parse += ") ";
        --depth;
      } else {
        const auto& [tag, word] = leaves[next(leaves.size())];
        parse += "(" + tag + " " + word + ") ";
        ++words;
      }
    }
    while (depth-- > 0) parse += ") ";
    parse += ")";
    auto parsed = ParseTreebank(parse);
    ASSERT_TRUE(parsed.ok()) << parse;
    const Sentence s = SentenceFromParse(*parsed, 0);
    std::vector<Event> events;
    for (int commas = 0; commas < 2; ++commas) {
      options_.comma_bmax = commas ? 6 : 0;
      options_.new_actor_length = commas ? 3 : 0;
      EXPECT_TRUE(CodePetrarch1Sentence(*dicts_, options_, doc_, s, &events));
      Petrarch1TokenList(*dicts_, options_, doc_, s);
    }
  }
}

TEST(ApplyPetrarchOptionTest, ReadsTheSuiteOptions) {
  CoderOptions o;
  EXPECT_TRUE(ApplyPetrarchOption("new_actor_length", "4", &o));
  EXPECT_EQ(o.new_actor_length, 4);
  EXPECT_TRUE(ApplyPetrarchOption("comma_emax", " 0 ", &o));
  EXPECT_EQ(o.comma_emax, 0);
  EXPECT_TRUE(ApplyPetrarchOption("require_dyad", "False", &o));
  EXPECT_FALSE(o.require_dyad);
  EXPECT_TRUE(ApplyPetrarchOption("require_dyad", "True", &o));
  EXPECT_TRUE(o.require_dyad);
  EXPECT_FALSE(ApplyPetrarchOption("comma_min", "two", &o));
  EXPECT_EQ(o.comma_min, 2);
  EXPECT_FALSE(ApplyPetrarchOption("stop_on_error", "True", &o));
}

}  // namespace
}  // namespace griot

#include "structure/chunker.h"

#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "text/tokenizer.h"

namespace griot {
namespace {

struct Tagged {
  std::vector<Token> tokens;
  std::vector<PosTag> tags;
};

// "Arnor/NNP accused/VBD ..." -> one token (key: the word in lower case) and tag per item.
Tagged Make(std::string_view text) {
  Tagged out;
  std::istringstream in{std::string(text)};
  std::string item;
  while (in >> item) {
    const size_t slash = item.rfind('/');
    const std::string word = item.substr(0, slash);
    const auto tag = ParsePosTag(item.substr(slash + 1));
    EXPECT_TRUE(tag.has_value()) << item;
    Token tok;
    tok.begin = out.tokens.empty() ? 0 : out.tokens.back().end + 1;
    tok.end = tok.begin + static_cast<uint32_t>(word.size());
    tok.key = word;
    for (char& c : tok.key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.tokens.push_back(tok);
    out.tags.push_back(tag.value_or(PosTag::kNN));
  }
  return out;
}

std::string Tree(std::string_view text, const std::vector<TokenSpan>& keep = {}) {
  const Tagged t = Make(text);
  return PhraseTreeString(*BuildPhraseTree(t.tokens, t.tags, keep), t.tokens);
}

// Every token under exactly one pre-terminal, in order; children stored after their parent;
// each phrase spans its children's tokens.
void CheckWellFormed(const ParseTree& tree, size_t token_count) {
  ASSERT_FALSE(tree.nodes.empty());
  EXPECT_EQ(tree.nodes[0].label, "ROOT");
  uint32_t next = 0;
  for (size_t i = 0; i < tree.nodes.size(); ++i) {
    const ParseNode& n = tree.nodes[i];
    if (n.preterminal) {
      EXPECT_EQ(n.first_token, next);
      EXPECT_EQ(n.end_token, n.first_token + 1);
      EXPECT_TRUE(n.children.empty());
      ++next;
    }
    uint32_t at = n.first_token;
    for (int c : n.children) {
      ASSERT_GT(c, static_cast<int>(i));
      ASSERT_LT(static_cast<size_t>(c), tree.nodes.size());
      EXPECT_EQ(tree.nodes[static_cast<size_t>(c)].parent, static_cast<int>(i));
      EXPECT_EQ(tree.nodes[static_cast<size_t>(c)].first_token, at);
      at = tree.nodes[static_cast<size_t>(c)].end_token;
    }
    if (!n.preterminal) {
      EXPECT_EQ(at, n.end_token);
    }
  }
  EXPECT_EQ(next, token_count);
  EXPECT_EQ(tree.nodes[0].end_token, token_count);
}

TEST(ChunkerTest, SubjectVerbObjectWithPrepositionalClause) {
  EXPECT_EQ(Tree("Arnor/NNP accused/VBD Gondor/NNP of/IN attacking/VBG the/DT border/NN ./."),
            "(ROOT (S (NP (NNP arnor)) (VP (VBD accused) (NP (NNP gondor)) (PP (IN of) (S (VP (VBG attacking) "
            "(NP (DT the) (NN border)))))) (. .)))");
}

TEST(ChunkerTest, AuxiliariesNestAndPassiveKeepsBy) {
  EXPECT_EQ(Tree("The/DT embassy/NN was/VBD attacked/VBN by/IN rebels/NNS ./."),
            "(ROOT (S (NP (DT the) (NN embassy)) (VP (VBD was) (VP (VBN attacked) (PP (IN by) (NP (NNS rebels))))) "
            "(. .)))");
  EXPECT_EQ(Tree("Arnor/NNP will/MD not/RB meet/VB Gondor/NNP ./."),
            "(ROOT (S (NP (NNP arnor)) (VP (MD will) (RB not) (VP (VB meet) (NP (NNP gondor)))) (. .)))");
}

TEST(ChunkerTest, PossessiveAndOfPhrases) {
  EXPECT_EQ(Tree("Arnor/NNP 's/POS president/NN met/VBD officials/NNS of/IN Gondor/NNP ./."),
            "(ROOT (S (NP (NP (NNP arnor) (POS 's)) (NN president)) (VP (VBD met) (NP (NP (NNS officials)) (PP (IN "
            "of) (NP (NNP gondor))))) (. .)))");
}

TEST(ChunkerTest, CoordinatedNounsAndVerbs) {
  EXPECT_EQ(Tree("Arnor/NNP and/CC Gondor/NNP signed/VBD a/DT pact/NN and/CC expelled/VBD envoys/NNS ./."),
            "(ROOT (S (NP (NP (NNP arnor)) (CC and) (NP (NNP gondor))) (VP (VP (VBD signed) (NP (DT a) (NN pact))) "
            "(CC and) (VP (VBD expelled) (NP (NNS envoys)))) (. .)))");
}

TEST(ChunkerTest, ReportedSpeechAndReportingTail) {
  EXPECT_EQ(Tree("The/DT minister/NN said/VBD rebels/NNS attacked/VBD the/DT town/NN ./."),
            "(ROOT (S (NP (DT the) (NN minister)) (VP (VBD said) (SBAR (S (NP (NNS rebels)) (VP (VBD attacked) (NP "
            "(DT the) (NN town)))))) (. .)))");
  EXPECT_EQ(Tree("Rebels/NNS attacked/VBD the/DT town/NN ,/, the/DT minister/NN said/VBD ./."),
            "(ROOT (S (NP (NNS rebels)) (VP (VBD attacked) (NP (DT the) (NN town))) (, ,) (NP (DT the) (NN "
            "minister)) (VP (VBD said)) (. .)))");
}

TEST(ChunkerTest, SubordinateAndRelativeClauses) {
  EXPECT_EQ(Tree("After/IN rebels/NNS attacked/VBD ,/, troops/NNS who/WP arrived/VBD fired/VBD ./."),
            "(ROOT (S (SBAR (IN after) (S (NP (NNS rebels)) (VP (VBD attacked)))) (, ,) (NP (NP (NNS troops)) (SBAR "
            "(WHNP (WP who)) (S (VP (VBD arrived))))) (VP (VBD fired)) (. .)))");
}

TEST(ChunkerTest, InfinitiveAndAccordingTo) {
  EXPECT_EQ(Tree("Arnor/NNP agreed/VBD to/TO free/VB prisoners/NNS ,/, according/VBG to/TO officials/NNS ./."),
            "(ROOT (S (NP (NNP arnor)) (VP (VBD agreed) (S (VP (TO to) (VP (VB free) (NP (NNS prisoners)))))) (, ,) "
            "(PP (VBG according) (PP (TO to) (NP (NNS officials)))) (. .)))");
}

TEST(ChunkerTest, DictionaryPhraseStaysInOneNounPhrase) {
  // The tagger read "Minister" as a verb; the actor phrase keeps "Prime Minister Telemar" whole.
  EXPECT_EQ(Tree("Prime/NNP Minister/VB Telemar/NNP visited/VBD Arnor/NNP ./.", {{0, 3}}),
            "(ROOT (S (NP (NNP prime) (VB minister) (NNP telemar)) (VP (VBD visited) (NP (NNP arnor))) (. .)))");
}

TEST(ChunkerTest, TaggingSlipsCorrected) {
  // After a negated "do", the base verb; after a possessive determiner, a noun; after a
  // reporting verb, a clause whose verb was tagged as a participle.
  EXPECT_EQ(Tree("Arnor/NNP did/VBD n't/RB clash/NN with/IN Gondor/NNP ./."),
            "(ROOT (S (NP (NNP arnor)) (VP (VBD did) (RB n't) (VP (VB clash) (PP (IN with) (NP (NNP gondor))))) (. "
            ".)))");
  EXPECT_EQ(Tree("France/NNP says/VBZ its/PRP$ forces/VBZ killed/VBN Droukdel/NNP ./."),
            "(ROOT (S (NP (NNP france)) (VP (VBZ says) (SBAR (S (NP (PRP$ its) (NNS forces)) (VP (VBN killed) (NP (NNP "
            "droukdel)))))) (. .)))");
  EXPECT_EQ(Tree("Russian/JJ police/NNS arrested/VBN students/NNS ./."),
            "(ROOT (S (NP (JJ russian) (NNS police)) (VP (VBN arrested) (NP (NNS students))) (. .)))");
}

TEST(ChunkerTest, AnyTagSequenceGivesAWellFormedTree) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> tag(0, kPosTagCount - 1), len(0, 40);
  const std::vector<Token> pool = Tokenize("word");
  for (int round = 0; round < 3000; ++round) {
    const int n = len(rng);
    std::vector<Token> tokens(static_cast<size_t>(n), pool.front());
    std::vector<PosTag> tags;
    for (int i = 0; i < n; ++i) tags.push_back(static_cast<PosTag>(tag(rng)));
    std::vector<TokenSpan> keep;
    if (n > 3) keep.push_back({static_cast<uint32_t>(n / 3), static_cast<uint32_t>(n / 3 + 3)});
    const auto tree = BuildPhraseTree(tokens, tags, keep);
    CheckWellFormed(*tree, tokens.size());
    if (testing::Test::HasFailure()) {
      std::string seq;
      for (PosTag t : tags) seq += std::string(PosTagName(t)) + " ";
      FAIL() << seq;
    }
  }
}

}  // namespace
}  // namespace griot

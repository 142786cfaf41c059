#include "structure/link_parser.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "text/tokenizer.h"

namespace griot {
namespace {

// The tokens [first, end) of each node labelled `label`, as "first-end".
std::vector<std::string> Spans(const ParseTree& tree, std::string_view label) {
  std::vector<std::string> out;
  for (const ParseNode& n : tree.nodes)
    if (n.label == label) out.push_back(fmt::format("{}-{}", n.first_token, n.end_token));
  return out;
}

// The tree back as Treebank text, "(ROOT (S (NP (NNP a)) ...))", with token numbers as words.
std::string Show(const ParseTree& tree, int id = 0) {
  const ParseNode& n = tree.nodes[static_cast<size_t>(id)];
  std::string out = "(";
  out += n.label;
  if (n.preterminal) {
    out += ' ';
    out += std::to_string(n.first_token);
  }
  for (int c : n.children) {
    out += ' ';
    out += Show(tree, c);
  }
  out += ')';
  return out;
}

TEST(TreeFromLinkConstituents, OneLeafPerToken) {
  // "Rebels attacked the town ."
  auto tree = TreeFromLinkConstituents("(S (NP rebels.n) (VP attacked.v-d (NP the town.n)) .)",
                                       {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}}, {"NNS", "VBD", "DT", "NN", "."});
  ASSERT_TRUE(tree.ok()) << tree.status().message();
  EXPECT_EQ(Show(**tree), "(ROOT (S (NP (NNS 0)) (VP (VBD 1) (NP (DT 2) (NN 3))) (. 4)))");
  EXPECT_EQ(Spans(**tree, "VP"), std::vector<std::string>{"1-4"});
  EXPECT_EQ(Spans(**tree, "ROOT"), std::vector<std::string>{"0-5"});
  // Parents before children, and each child points back to its parent.
  for (size_t i = 0; i < (*tree)->nodes.size(); ++i)
    for (int c : (*tree)->nodes[i].children) {
      EXPECT_GT(static_cast<size_t>(c), i);
      EXPECT_EQ((*tree)->nodes[static_cast<size_t>(c)].parent, static_cast<int>(i));
    }
}

TEST(TreeFromLinkConstituents, JoinedNameIsSplitBack) {
  // "Wagner Group fighters attacked Moura ." with "Wagner_Group" one word.
  auto tree = TreeFromLinkConstituents("(S (NP Wagner_Group fighters.n) (VP attacked.v-d (NP Moura)) .)",
                                       {{0, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}},
                                       {"NNP", "NNP", "NNS", "VBD", "NNP", "."});
  ASSERT_TRUE(tree.ok()) << tree.status().message();
  EXPECT_EQ(Show(**tree), "(ROOT (S (NP (NNP 0) (NNP 1) (NNS 2)) (VP (VBD 3) (NP (NNP 4))) (. 5)))");
}

TEST(TreeFromLinkConstituents, SplitTokenIsOneLeafAndEmptyNodesGo) {
  // "30km" is one token, two words for Link Grammar; the second sits in a node of its own.
  auto tree = TreeFromLinkConstituents("(S (NP (QP 30) (NP km.u)) (VP left.v-d))", {{0, 1}, {0, 1}, {1, 2}},
                                       {"CD", "VBD"});
  ASSERT_TRUE(tree.ok()) << tree.status().message();
  EXPECT_EQ(Show(**tree), "(ROOT (S (NP (QP (CD 0))) (VP (VBD 1))))");
}

TEST(TreeFromLinkConstituents, TokensLeftOutAreAttachedInOrder) {
  // "Mali ( Bamako ) voted ." without the brackets.
  auto tree = TreeFromLinkConstituents("(S (NP Mali (NP Bamako)) (VP voted.v-d) .)", {{0, 1}, {2, 3}, {4, 5}, {5, 6}},
                                       {"NNP", "-LRB-", "NNP", "-RRB-", "VBD", "."});
  ASSERT_TRUE(tree.ok()) << tree.status().message();
  EXPECT_EQ(Show(**tree), "(ROOT (S (NP (NNP 0) (NP (-LRB- 1) (NNP 2))) (VP (-RRB- 3) (VBD 4)) (. 5)))");
  // A final token after the last word.
  auto tail = TreeFromLinkConstituents("(S (NP Mali) (VP voted.v-d))", {{0, 1}, {1, 2}}, {"NNP", "VBD", "-RRB-"});
  ASSERT_TRUE(tail.ok());
  EXPECT_EQ(Show(**tail), "(ROOT (S (NP (NNP 0)) (VP (VBD 1)) (-RRB- 2)))");
}

TEST(TreeFromLinkConstituents, FlatNounPhrasesGetNodes) {
  // "(PP with Gondor police)": the words after the preposition become an NP.
  auto pp = TreeFromLinkConstituents("(S (NP Arnor) (VP restored.v-d (NP ties.n) (PP with Gondor police.n-u)))",
                                     {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}},
                                     {"NNP", "VBD", "NNS", "IN", "NNP", "NN"});
  ASSERT_TRUE(pp.ok()) << pp.status().message();
  EXPECT_EQ(Show(**pp), "(ROOT (S (NP (NNP 0)) (VP (VBD 1) (NP (NNS 2)) (PP (IN 3) (NP (NNP 4) (NN 5))))))");
  // A bare subject before the VP, coordination kept inside, a final period left out.
  auto s = TreeFromLinkConstituents("(S Fornost and.j-n Gondor (VP welcomed.v-d (NP talks.n)) .)",
                                    {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}},
                                    {"NNP", "CC", "NNP", "VBD", "NNS", "."});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(Show(**s), "(ROOT (S (NP (NNP 0) (CC 1) (NNP 2)) (VP (VBD 3) (NP (NNS 4))) (. 5)))");
  // "the village of (NP Moura)" -> (NP (NP the village) (PP of (NP Moura))).
  auto of = TreeFromLinkConstituents("(S (NP rebels.n) (VP attacked.v-d (NP the village.n of (NP Moura))))",
                                     {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}},
                                     {"NNS", "VBD", "DT", "NN", "IN", "NNP"});
  ASSERT_TRUE(of.ok());
  EXPECT_EQ(Show(**of),
            "(ROOT (S (NP (NNS 0)) (VP (VBD 1) (NP (NP (DT 2) (NN 3)) (PP (IN 4) (NP (NNP 5)))))))");
}

TEST(TreeFromLinkConstituents, BareVerbsGetVerbPhrases) {
  // "(S (NP Ethiopia) has broken relations (PP with (NP Libya)) .)"
  auto tree = TreeFromLinkConstituents("(S (NP Ethiopia) has.v broken.v relations.n (PP with (NP Libya)) .)",
                                       {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 7}},
                                       {"NNP", "VBZ", "VBN", "NNS", "IN", "NNP", "."});
  ASSERT_TRUE(tree.ok()) << tree.status().message();
  EXPECT_EQ(Show(**tree),
            "(ROOT (S (NP (NNP 0)) (VP (VBZ 1) (VP (VBN 2) (NP (NNS 3)) (PP (IN 4) (NP (NNP 5))))) (. 6)))");
  // A subject and its verbs inside an NP make a clause; "to" heads a VP over its verb.
  auto np = TreeFromLinkConstituents("(S (NP (NP Arnor) will.v contribute.v aid.n) (VP to.r restore.v (NP ties.n)))",
                                     {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 7}},
                                     {"NNP", "MD", "VB", "NN", "TO", "VB", "NNS"});
  ASSERT_TRUE(np.ok());
  EXPECT_EQ(Show(**np),
            "(ROOT (S (S (NP (NNP 0)) (VP (MD 1) (VP (VB 2) (NP (NN 3))))) (VP (TO 4) (VP (VB 5) (NP (NNS 6))))))");
}

TEST(TreeFromLinkConstituents, UnaryChainsCollapse) {
  auto tree = TreeFromLinkConstituents("(S (NP Arnor) (VP met.v-d (NP (PP with (NP Gondor)))))",
                                       {{0, 1}, {1, 2}, {2, 3}, {3, 4}}, {"NNP", "VBD", "IN", "NNP"});
  ASSERT_TRUE(tree.ok()) << tree.status().message();
  EXPECT_EQ(Show(**tree), "(ROOT (S (NP (NNP 0)) (VP (VBD 1) (PP (IN 2) (NP (NNP 3))))))");
}

TEST(TreeFromLinkConstituents, ClauseInsideASubjectIsLifted) {
  // "Arnor left , an official said": Link Grammar puts the first clause inside the subject.
  auto tree = TreeFromLinkConstituents("(S (NP (S (NP Arnor) (VP left.v-d)) , an official.n) (VP said.v-d))",
                                       {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}},
                                       {"NNP", "VBD", ",", "DT", "NN", "VBD"});
  ASSERT_TRUE(tree.ok()) << tree.status().message();
  EXPECT_EQ(Show(**tree),
            "(ROOT (S (S (NP (NNP 0)) (VP (VBD 1))) (, 2) (NP (DT 3) (NN 4)) (VP (VBD 5))))");
}

TEST(TreeFromLinkConstituents, Errors) {
  EXPECT_FALSE(TreeFromLinkConstituents("(S (NP a)", {{0, 1}}, {"NN"}).ok());
  EXPECT_FALSE(TreeFromLinkConstituents("(S a))", {{0, 1}}, {"NN"}).ok());
  EXPECT_FALSE(TreeFromLinkConstituents("", {}, {"NN"}).ok());
  EXPECT_FALSE(TreeFromLinkConstituents("(S a b)", {{0, 1}}, {"NN", "NN"}).ok());        // 2 words, 1 span
  EXPECT_FALSE(TreeFromLinkConstituents("(S a b)", {{0, 1}, {1, 3}}, {"NN", "NN"}).ok());  // outside
  EXPECT_FALSE(TreeFromLinkConstituents("(S a b)", {{1, 2}, {0, 1}}, {"NN", "NN"}).ok());  // out of order
}

TEST(LinkTokenTag, KeepsGriotTagsUnlessVerbAndNounDisagree) {
  EXPECT_EQ(LinkTokenTag("VBD", "attacked.v-d", "attacked", false, "NNS"), "VBD");
  EXPECT_EQ(LinkTokenTag("NN", "attack.v", "attack", false, "MD"), "VB");
  EXPECT_EQ(LinkTokenTag("NNS", "attacks.v", "attacks", false, "NNP"), "VBZ");
  EXPECT_EQ(LinkTokenTag("NN", "attack.v", "attack", false, "NNS"), "VBP");
  EXPECT_EQ(LinkTokenTag("JJ", "wounded.v-d", "wounded", false, "VBD"), "VBN");
  EXPECT_EQ(LinkTokenTag("NNP", "Sanctioned.v-d", "sanctioned", true, ""), "VBD");
  EXPECT_EQ(LinkTokenTag("NN", "killing.g", "killing", false, "IN"), "VBG");
  EXPECT_EQ(LinkTokenTag("VBZ", "talks.n", "talks", false, "DT"), "NNS");
  EXPECT_EQ(LinkTokenTag("VB", "Attack.n", "attack", true, "DT"), "NNP");
  EXPECT_EQ(LinkTokenTag("MD", "will.v", "will", false, "PRP"), "MD");
  EXPECT_EQ(LinkTokenTag("NNP", "U.S.[!<INITIALS>]", "u.s.", true, "DT"), "NNP");
  EXPECT_EQ(LinkTokenTag("NNP", "al-Qaeda[!<HYPHENATED-WORDS>].n", "al-qaeda", false, "IN"), "NNP");
  EXPECT_EQ(LinkTokenTag("", ",", ",", false, "NN"), ",");
  EXPECT_EQ(LinkTokenTag("", "fought.v-d", "fought", false, "NN"), "VBD");
}

// ---- with Link Grammar -------------------------------------------------------------------

struct Text {
  std::string text;
  Sentence sentence;
  explicit Text(std::string t, std::vector<std::string> tags = {}) : text(std::move(t)) {
    sentence.text = text;
    sentence.end = static_cast<uint32_t>(text.size());
    sentence.tokens = Tokenize(text);
    sentence.tags = std::move(tags);
  }
};

// A generous limit: these tests check parsing, not speed (a loaded or sanitized build is slow).
std::shared_ptr<const LinkParser> Parser(int seconds = 60) {
  LinkParserOptions options;
  options.max_parse_seconds = seconds;
  auto p = LinkParser::Create(options);
  EXPECT_TRUE(p.ok()) << p.status().message();
  return p.ok() ? *p : nullptr;
}

TEST(LinkParser, WithoutLinkGrammarCreateSaysWhatToInstall) {
  if (LinkParser::Available()) GTEST_SKIP() << "built with Link Grammar";
  auto p = LinkParser::Create();
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("liblink-grammar-dev"), std::string::npos);
}

TEST(LinkParser, ParsesAndKeepsTokenSpans) {
  if (!LinkParser::Available()) GTEST_SKIP() << "built without Link Grammar";
  auto parser = Parser();
  ASSERT_TRUE(parser);
  Text t("Wagner Group fighters attacked the village of Moura.",
         {"NNP", "NNP", "NNS", "VBD", "DT", "NN", "IN", "NNP", "."});
  ASSERT_EQ(t.sentence.tokens.size(), 9u);
  EXPECT_EQ(parser->Parse(&t.sentence, {{0, 2}}), LinkOutcome::kParsed);
  ASSERT_TRUE(t.sentence.tree);
  const ParseTree& tree = *t.sentence.tree;
  EXPECT_EQ(tree.nodes[0].label, "ROOT");
  EXPECT_EQ(tree.nodes[0].end_token, 9u);
  // One pre-terminal per token, in order, labelled with the tags.
  std::vector<uint32_t> leaves;
  for (const ParseNode& n : tree.nodes)
    if (n.preterminal) {
      leaves.push_back(n.first_token);
      EXPECT_EQ(n.label, t.sentence.tags[n.first_token]);
    }
  EXPECT_EQ(leaves, (std::vector<uint32_t>{0, 1, 2, 3, 4, 5, 6, 7, 8}));
  // The subject NP holds the name and "fighters"; the VP starts at the verb.
  EXPECT_FALSE(Spans(tree, "VP").empty());
  EXPECT_EQ(Spans(tree, "VP").front(), "3-8");
  EXPECT_EQ(Spans(tree, "NP").front(), "0-3");
}

TEST(LinkParser, CorrectsAVerbTheTaggerMissed) {
  if (!LinkParser::Available()) GTEST_SKIP() << "built without Link Grammar";
  auto parser = Parser();
  ASSERT_TRUE(parser);
  Text t("Soldiers attacked the camp.", {"NNS", "NN", "DT", "NN", "."});
  ASSERT_EQ(parser->Parse(&t.sentence), LinkOutcome::kParsed);
  EXPECT_EQ(t.sentence.tags[1], "VBD");
  EXPECT_EQ(t.sentence.tags[3], "NN");
}

TEST(LinkParser, TimeoutLeavesTheSentenceAsItWas) {
  if (!LinkParser::Available()) GTEST_SKIP() << "built without Link Grammar";
  auto parser = Parser(0);
  ASSERT_TRUE(parser);
  Text t("Soldiers attacked the camp.", {"NNS", "VBD", "DT", "NN", "."});
  EXPECT_EQ(parser->Parse(&t.sentence), LinkOutcome::kTimeout);
  EXPECT_FALSE(t.sentence.tree);
  EXPECT_EQ(t.sentence.tags, (std::vector<std::string>{"NNS", "VBD", "DT", "NN", "."}));
}

TEST(LinkParser, NoCompleteLinkageAndTooLong) {
  if (!LinkParser::Available()) GTEST_SKIP() << "built without Link Grammar";
  auto parser = Parser();
  ASSERT_TRUE(parser);
  Text garbage("the of the of the of.");
  EXPECT_EQ(parser->Parse(&garbage.sentence), LinkOutcome::kNoLinkage);
  EXPECT_FALSE(garbage.sentence.tree);
  LinkParserOptions options;
  options.max_tokens = 3;
  auto short_parser = LinkParser::Create(options);
  ASSERT_TRUE(short_parser.ok());
  Text t("Soldiers attacked the camp.");
  EXPECT_EQ((*short_parser)->Parse(&t.sentence), LinkOutcome::kTooLong);
  Text empty("");
  EXPECT_EQ(parser->Parse(&empty.sentence), LinkOutcome::kNoLinkage);
}

TEST(LinkParser, BracketsAndSplitTokens) {
  if (!LinkParser::Available()) GTEST_SKIP() << "built without Link Grammar";
  auto parser = Parser();
  ASSERT_TRUE(parser);
  Text t("Gunmen (suspected jihadists) killed 12 people 30km from Gao.");
  ASSERT_EQ(parser->Parse(&t.sentence), LinkOutcome::kParsed);
  ASSERT_TRUE(t.sentence.tree);
  size_t preterminals = 0;
  for (const ParseNode& n : t.sentence.tree->nodes) preterminals += n.preterminal ? 1 : 0;
  EXPECT_EQ(preterminals, t.sentence.tokens.size());
  EXPECT_EQ(t.sentence.tags.size(), t.sentence.tokens.size());
}

TEST(LinkParser, OneParserServesThreads) {
  if (!LinkParser::Available()) GTEST_SKIP() << "built without Link Grammar";
  auto parser = Parser();
  ASSERT_TRUE(parser);
  std::vector<int> parsed(4, 0);
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k)
    threads.emplace_back([&, k] {
      for (int i = 0; i < 20; ++i) {
        Text t(i % 2 ? "The junta expelled the French ambassador." : "Rebels seized the town of Kidal on Tuesday.");
        parsed[static_cast<size_t>(k)] += parser->Parse(&t.sentence) == LinkOutcome::kParsed ? 1 : 0;
      }
    });
  for (auto& th : threads) th.join();
  for (int p : parsed) EXPECT_EQ(p, 20);
}

}  // namespace
}  // namespace griot

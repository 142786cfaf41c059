#include "coding/deep_parse.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "coding/coder.h"
#include "text/document.h"

namespace griot {
namespace {

std::shared_ptr<DictionarySet> TestDictionaries() {
  auto d = std::make_shared<DictionarySet>();
  std::vector<DictIssue> issues;
  d->actors.Load("WAGNER_GROUP_ [RUSPMC]\nHUMAN_RIGHTS_WATCH_ [NGO]\nMALI_ [MLI]\nFRANCE_ [FRA]\n",
                 "test.actors.txt", &issues);
  d->agents.Load("SECURITY_FORCES [~MIL]\nSOLDIER [~MIL]\n", "test.agents.txt", &issues);
  d->verbs.Load("--- ACCUSE [112] ---\nACCUSE\n--- EXPEL [1663] ---\nEXPEL\n", "test.verbs.txt", &issues);
  d->actors.Finalize();
  d->agents.Finalize();
  d->verbs.Finalize();
  EXPECT_TRUE(issues.empty()) << issues.front().ToString();
  return d;
}

std::vector<std::string> Names(const std::string& text, const DictionarySet& dicts) {
  Document doc;
  doc.text = text;
  std::vector<Sentence> sentences = BuildSentences(doc);
  std::vector<std::string> out;
  for (const TokenRange& span : DictionaryNameSpans(sentences.at(0), dicts)) {
    const Sentence& s = sentences[0];
    out.emplace_back(s.text.substr(s.tokens[span.first].begin, s.tokens[span.end - 1].end - s.tokens[span.first].begin));
  }
  return out;
}

TEST(DictionaryNameSpans, CapitalisedMultiWordNamesOnly) {
  auto dicts = TestDictionaries();
  EXPECT_EQ(Names("Human Rights Watch accused the Wagner Group and security forces in Mali.", *dicts),
            (std::vector<std::string>{"Human Rights Watch", "Wagner Group"}));
  // Sentence-initial "Security" is capitalised, but the phrase does not end with a name.
  EXPECT_TRUE(Names("Security forces left.", *dicts).empty());
  EXPECT_TRUE(Names("the wagner group left.", *dicts).empty());
}

TEST(MakeDeepParser, Names) {
  auto fast = MakeDeepParser("fast", 1);
  ASSERT_TRUE(fast.ok());
  EXPECT_EQ(*fast, nullptr);
  EXPECT_FALSE(MakeDeepParser("deep", 1).ok());
  auto link = MakeDeepParser("link", 1);
  EXPECT_EQ(link.ok(), LinkParser::Available());
}

TEST(DeepParser, CodesFromTheParseAndCountsFallbacks) {
  if (!LinkParser::Available()) GTEST_SKIP() << "built without Link Grammar";
  auto dicts = TestDictionaries();
  Document doc;
  doc.id = "d";
  doc.text = "Human Rights Watch accused the Wagner Group. Mali expelled France.";
  auto deep = MakeDeepParser("link", 60);  // generous: a test of parsing, not of speed
  ASSERT_TRUE(deep.ok()) << deep.status().message();
  CoderOptions options;
  options.deep_parser = *deep;
  Coder coder(dicts, options);
  DocumentResult result = coder.CodeDocument(doc);
  std::vector<std::string> coded;
  for (const Event& e : result.events) coded.push_back(e.cameo);
  EXPECT_EQ(coded, (std::vector<std::string>{"112", "1663"}));
  DeepParseCounts c = (*deep)->counts();
  EXPECT_EQ(c.sentences, 2u);
  EXPECT_EQ(c.parsed, 2u);
  EXPECT_EQ(c.names_joined, 2u);
  EXPECT_EQ(c.fallbacks(), 0u);

  // Every sentence over the time limit: the fast path codes them all the same.
  auto timed_out = MakeDeepParser("link", 0);
  ASSERT_TRUE(timed_out.ok());
  options.deep_parser = *timed_out;
  Coder fallback(dicts, options);
  DocumentResult again = fallback.CodeDocument(doc);
  EXPECT_EQ(again.events.size(), result.events.size());
  EXPECT_EQ((*timed_out)->counts().timeouts, 2u);
  EXPECT_EQ((*timed_out)->counts().parsed, 0u);
}

}  // namespace
}  // namespace griot

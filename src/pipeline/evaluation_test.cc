#include "pipeline/evaluation.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

EvalSentence MakeSentence(std::string text, std::vector<EvalMention> mentions = {}) {
  EvalSentence s;
  s.text = std::move(text);
  s.tokens = Tokenize(s.text);
  s.mentions = std::move(mentions);
  return s;
}

EvalEvent MakeEvent(uint32_t sentence, std::string source, std::string target, std::string cameo,
                    Modality modality = Modality::kAsserted) {
  EvalEvent e;
  e.sentence = sentence;
  e.source = std::move(source);
  e.target = std::move(target);
  e.cameo = std::move(cameo);
  e.modality = modality;
  return e;
}

TEST(GoldCodesTest, PrefixesAlternativesAndAny) {
  GoldCodes mli{{"MLI"}};
  EXPECT_TRUE(mli.Matches("MLIGOV"));
  EXPECT_TRUE(mli.Matches("MLI"));
  EXPECT_FALSE(mli.Matches("GOV"));
  EXPECT_FALSE(mli.Matches(""));
  GoldCodes alternatives{{"IMGMOS", "MLIINS"}};
  EXPECT_TRUE(alternatives.Matches("MLIINSMOS"));
  EXPECT_TRUE(alternatives.Matches("IMGMOSJNM"));
  EXPECT_FALSE(alternatives.Matches("INSMOS"));
  EXPECT_EQ(alternatives.ToString(), "IMGMOS|MLIINS");
  GoldCodes any;
  EXPECT_TRUE(any.Matches(""));
  EXPECT_TRUE(any.Matches("USA"));
  EXPECT_EQ(any.ToString(), "-");
  GoldCodes cameo{{"0253", "19"}};
  EXPECT_TRUE(cameo.Matches("193"));
  EXPECT_FALSE(cameo.Matches("025"));  // less specific than annotated
  EXPECT_TRUE(cameo.MatchesRoot("020"));
  EXPECT_TRUE(cameo.MatchesRoot("195"));
  EXPECT_FALSE(cameo.MatchesRoot("173"));
}

TEST(ParseGoldTest, EventsAndMentions) {
  auto gold = ParseGold(
      "{\"doc_id\":\"a\",\"sentence\":\"X hit Y\",\"source\":\"MLI\",\"target\":[\"FRA\",\"FRAMIL\"],"
      "\"cameo\":\"19\",\"modality\":\"reported\"}\n"
      "\n"
      "{\"doc_id\":\"a\",\"sentence\":\"Z\",\"source\":null,\"target\":\"USA\",\"cameo\":[\"173\",\"18\"]}\n"
      "{\"doc_id\":\"b\",\"mentions\":[{\"text\":\"Mali\",\"code\":\"MLI\"},{\"text\":\"JNIM\",\"code\":[\"IMGMOS\"]}]}\n",
      "g.jsonl");
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  ASSERT_EQ(gold->events.size(), 2u);
  EXPECT_EQ(gold->events[0].line, 1);
  EXPECT_EQ(gold->events[0].target.alternatives.size(), 2u);
  EXPECT_EQ(gold->events[0].modality, Modality::kReported);
  EXPECT_EQ(gold->events[1].line, 3);
  EXPECT_TRUE(gold->events[1].source.any());
  EXPECT_FALSE(gold->events[1].modality.has_value());
  ASSERT_EQ(gold->mentions.size(), 2u);
  EXPECT_EQ(gold->mentions[1].doc_id, "b");
  EXPECT_EQ(gold->documents.size(), 2u);
}

TEST(ParseGoldTest, ErrorsNameTheLine) {
  struct Case {
    const char* content;
    const char* expected;
  };
  const Case cases[] = {
      {"{broken\n", "g.jsonl:1: not a JSON object"},
      {"\n{\"sentence\":\"x\"}\n", "g.jsonl:2: missing string field \"doc_id\""},
      {"{\"doc_id\":\"a\",\"sentence\":\"x\",\"target\":null,\"cameo\":\"19\"}", "g.jsonl:1: missing field \"source\""},
      {"{\"doc_id\":\"a\",\"sentence\":\"x\",\"source\":\"mli\",\"target\":null,\"cameo\":\"19\"}",
       "g.jsonl:1: \"source\" 'mli' is not an actor code (A-Z)"},
      {"{\"doc_id\":\"a\",\"sentence\":\"x\",\"source\":null,\"target\":null,\"cameo\":null}",
       "g.jsonl:1: \"cameo\" must not be null"},
      {"{\"doc_id\":\"a\",\"sentence\":\"x\",\"source\":null,\"target\":null,\"cameo\":\"1a\"}",
       "g.jsonl:1: \"cameo\" '1a' is not a CAMEO code (digits)"},
      {"{\"doc_id\":\"a\",\"sentence\":\"x\",\"source\":null,\"target\":null,\"cameo\":\"19\",\"modality\":\"maybe\"}",
       "g.jsonl:1: unknown modality 'maybe'"},
      {"{\"doc_id\":\"a\",\"mentions\":[{\"text\":\"Mali\"}]}", "g.jsonl:1: mention 1 \"code\" is missing"},
      {"\n\n", "g.jsonl: no annotations"},
  };
  for (const Case& c : cases) {
    auto gold = ParseGold(c.content, "g.jsonl");
    ASSERT_FALSE(gold.ok()) << c.content;
    EXPECT_EQ(gold.status().code(), StatusCode::kParseError);
    EXPECT_NE(gold.status().message().find(c.expected), std::string::npos) << gold.status().message();
  }
}

TEST(EvaluateTest, LevelsMissedSpuriousAndMentions) {
  auto gold = ParseGold(
      // Matches in full.
      "{\"doc_id\":\"d\",\"sentence\":\"soldiers detained the president\",\"source\":\"MLIMIL\","
      "\"target\":\"MLIGOV\",\"cameo\":\"173\",\"modality\":\"asserted\"}\n"
      // Right root and actors, wrong code: root and dyad only.
      "{\"doc_id\":\"d\",\"sentence\":\"ECOWAS  condemned\",\"source\":\"IGOWAFWAS\",\"target\":\"MLI\","
      "\"cameo\":\"111\"}\n"
      // Nothing coded there: missed at every level.
      "{\"doc_id\":\"d\",\"sentence\":\"France left\",\"source\":\"FRA\",\"target\":\"MLI\",\"cameo\":\"166\"}\n"
      // Not in the document: a problem, not a score.
      "{\"doc_id\":\"d\",\"sentence\":\"no such words\",\"source\":null,\"target\":null,\"cameo\":\"19\"}\n"
      // A document that was not coded.
      "{\"doc_id\":\"other\",\"sentence\":\"x\",\"source\":null,\"target\":null,\"cameo\":\"19\"}\n"
      "{\"doc_id\":\"d\",\"mentions\":[{\"text\":\"soldiers\",\"code\":\"MLIMIL\"},"
      "{\"text\":\"ECOWAS\",\"code\":\"IGOWAFWAS\"},{\"text\":\"France\",\"code\":\"FRA\"},"
      "{\"text\":\"Bamako\",\"code\":\"MLI\"}]}\n",
      "g.jsonl");
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  EvalDocument doc;
  doc.doc_id = "d";
  doc.sentences.push_back(MakeSentence("Malian soldiers detained the president.", {{0, 2, "MLIMIL"}}));
  doc.sentences.push_back(MakeSentence("ECOWAS condemned the coup.", {{0, 1, "IGOWAFWAS"}}));
  doc.sentences.push_back(MakeSentence("France left Mali.", {{0, 1, "MIL"}}));
  doc.events.push_back(MakeEvent(0, "MLIMIL", "MLIGOV", "173", Modality::kReported));
  doc.events.push_back(MakeEvent(1, "IGOWAFWAS", "MLIMIL", "112"));
  doc.events.push_back(MakeEvent(1, "IGOWAFWAS", "", "010"));
  EvalReport r = Evaluate(*gold, {doc});
  EXPECT_EQ(r.gold_documents, 2u);
  EXPECT_EQ(r.evaluated_documents, 1u);
  ASSERT_EQ(r.not_coded.size(), 1u);
  EXPECT_EQ(r.not_coded[0], "other");
  EXPECT_EQ(r.full.gold, 3u);
  EXPECT_EQ(r.full.system, 3u);
  EXPECT_EQ(r.full.matched, 1u);
  EXPECT_EQ(r.root.matched, 2u);
  EXPECT_EQ(r.dyad.matched, 2u);
  EXPECT_EQ(r.modality_compared, 1u);
  EXPECT_EQ(r.modality_agree, 0u);
  ASSERT_EQ(r.missed.size(), 2u);
  EXPECT_EQ(r.missed[0].gold.line, 2);
  ASSERT_EQ(r.missed[0].coded_in_sentence.size(), 2u);
  EXPECT_EQ(r.missed[0].coded_in_sentence[0], "IGOWAFWAS -> MLIMIL 112 [asserted]");
  EXPECT_TRUE(r.missed[1].coded_in_sentence.empty());
  EXPECT_EQ(r.spurious.size(), 2u);
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_NE(r.problems[0].find("g.jsonl:4: sentence \"no such words\" not found"), std::string::npos);
  EXPECT_NE(r.problems[1].find("mention \"Bamako\" not found in d"), std::string::npos);
  EXPECT_EQ(r.mentions, 3u);
  EXPECT_EQ(r.mentions_right, 2u);
  EXPECT_EQ(r.mentions_wrong_code, 1u);
  EXPECT_EQ(r.mentions_missed, 0u);
  const std::string text = FormatReport(r, {true, true});
  EXPECT_NE(text.find("full (source, target, CAMEO code)"), std::string::npos);
  EXPECT_NE(text.find("\"France\": expected FRA, found MIL"), std::string::npos);
  EXPECT_EQ(text, FormatReport(Evaluate(*gold, {doc}), {true, true}));  // deterministic
}

TEST(EvaluateTest, MatchingIsOneToOneAndMaximal) {
  // Two gold events in one sentence; the first could take either system event, the second
  // only one of them: the matching must still pair both.
  auto gold = ParseGold(
      "{\"doc_id\":\"d\",\"sentence\":\"A and B\",\"source\":\"MLI\",\"target\":null,\"cameo\":\"19\"}\n"
      "{\"doc_id\":\"d\",\"sentence\":\"A and B\",\"source\":\"MLIMIL\",\"target\":null,\"cameo\":\"19\"}\n",
      "g.jsonl");
  ASSERT_TRUE(gold.ok());
  EvalDocument doc;
  doc.doc_id = "d";
  doc.sentences.push_back(MakeSentence("A and B fought."));
  doc.events.push_back(MakeEvent(0, "MLIMIL", "", "190"));
  doc.events.push_back(MakeEvent(0, "MLIGOV", "", "190"));
  EvalReport r = Evaluate(*gold, {doc});
  EXPECT_EQ(r.full.matched, 2u);
  EXPECT_TRUE(r.missed.empty());
  EXPECT_TRUE(r.spurious.empty());
}

}  // namespace
}  // namespace griot

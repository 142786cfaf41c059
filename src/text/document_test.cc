#include "text/document.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace griot {
namespace {

TEST(DocumentTest, ReadsHeaderAndBody) {
  auto doc = ParseTextDocument("Title: Coup in Mali\nDate: 2020-08-19\nSource: desk\n\nSoldiers seized power.\n",
                               "a", "a.txt", std::nullopt);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->title, "Coup in Mali");
  EXPECT_EQ(doc->date->ToString(), "2020-08-19");
  EXPECT_EQ(doc->text, "Soldiers seized power.\n");
}

TEST(DocumentTest, NoHeaderUsesFallbackDate) {
  auto doc = ParseTextDocument("Soldiers seized power.", "a", "a.txt", ParseIsoDate("2021-05-24"));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->date->ToString(), "2021-05-24");
  EXPECT_EQ(doc->text, "Soldiers seized power.");
}

TEST(DocumentTest, RejectsBadInputWithReasons) {
  EXPECT_NE(ParseTextDocument("bad \xFF byte", "a", "a", std::nullopt).status().message().find("invalid UTF-8"),
            std::string::npos);
  EXPECT_EQ(ParseTextDocument("Title: x\n\n   \n", "a", "a", std::nullopt).status().message(), "empty text");
  EXPECT_FALSE(ParseTextDocument("Date: yesterday\n\ntext", "a", "a", std::nullopt).ok());
}

TEST(DocumentTest, Jsonl) {
  auto doc = ParseJsonlDocument(R"({"id":"x1","text":"Troops left.","date":"2022-08-15","title":"t"})", "f:1",
                                std::nullopt);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->id, "x1");
  EXPECT_EQ(doc->date->ToString(), "2022-08-15");
  EXPECT_EQ(ParseJsonlDocument("{broken", "f:2", std::nullopt).status().message(), "not a JSON object (broken JSON)");
  EXPECT_EQ(ParseJsonlDocument(R"({"id":"x"})", "f:3", std::nullopt).status().message(), "missing field \"text\"");
  EXPECT_EQ(ParseJsonlDocument(R"({"id":"x","text":""})", "f:4", std::nullopt).status().message(), "empty text");
}

TEST(DocumentTest, JsonlInvalidUtf8IsNamedWithItsPlace) {
  // Inside a string of otherwise valid JSON, in a key, and in a line that is broken JSON too.
  for (const auto& [line, at] : std::vector<std::pair<std::string, size_t>>{
           {"{\"id\":\"a\",\"text\":\"bad \xFF byte\"}", 22},
           {"{\"i\xC0\xAF\":\"a\",\"text\":\"x\"}", 3},
           {"{\"id\":\"a\",\"text\":\"\xED\xA0\x80\"", 18},
           // A surrogate, an overlong form and a code point past U+10FFFF in valid JSON.
           {"{\"id\":\"a\",\"text\":\"\xED\xA0\x80\"}", 18},
           {"{\"id\":\"a\",\"text\":\"x\xE0\x80\xAF\"}", 19},
           {"{\"id\":\"a\",\"text\":\"\xF4\x90\x80\x80\"}", 18}}) {
    auto doc = ParseJsonlDocument(line, "f:1", std::nullopt);
    ASSERT_FALSE(doc.ok()) << line;
    EXPECT_EQ(doc.status().message(), "invalid UTF-8 at byte " + std::to_string(at)) << line;
  }
  EXPECT_TRUE(ParseJsonlDocument("{\"id\":\"a\",\"text\":\"Go\xC3\xAFta \xE2\x80\x94 Bamako\"}", "f:1", std::nullopt).ok());
}

TEST(DocumentTest, JsonlFieldsAndErrors) {
  // Escapes are decoded, an integer id is written in decimal, unknown fields and null values
  // are ignored, and a repeated key keeps its last value.
  auto doc = ParseJsonlDocument(
      R"({"id":4200000001,"text":"Go\u00efta said \"no\".\nEnd.","source":null,"extra":[1,{"a":2}],"title":"a","title":"b"})",
      "f:1", std::nullopt);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->id, "4200000001");
  EXPECT_EQ(doc->text, "Go\xC3\xAFta said \"no\".\nEnd.");
  EXPECT_EQ(doc->title, "b");
  EXPECT_TRUE(doc->source.empty());
  EXPECT_EQ(ParseJsonlDocument(R"({"id":-7,"text":"x y"})", "f:2", std::nullopt)->id, "-7");
  EXPECT_EQ(ParseJsonlDocument(R"(["id","text"])", "f:3", std::nullopt).status().message(),
            "JSON value is not an object");
  EXPECT_EQ(ParseJsonlDocument(R"({"id":"x","text":5})", "f:4", std::nullopt).status().message(),
            "field \"text\" is not a string");
  EXPECT_EQ(ParseJsonlDocument(R"({"id":1.5,"text":"t"})", "f:5", std::nullopt).status().message(),
            "field \"id\" is not a string");
  EXPECT_EQ(ParseJsonlDocument(R"({"text":"t"})", "f:6", std::nullopt).status().message(), "missing field \"id\"");
  EXPECT_EQ(ParseJsonlDocument(R"({"id":"x","text":"t"} trailing)", "f:7", std::nullopt).status().message(),
            "not a JSON object (broken JSON)");
  EXPECT_EQ(ParseJsonlDocument(R"({"id":"x","text":"t","date":"June"})", "f:8", std::nullopt).status().message(),
            "field \"date\" 'June' is not YYYY-MM-DD");
  // A fallback date stands unless the record has its own.
  const auto fallback = Date::Make(2024, 1, 2);
  EXPECT_EQ(ParseJsonlDocument(R"({"id":"x","text":"t"})", "f:9", fallback)->date->ToString(), "2024-01-02");
}

}  // namespace
}  // namespace griot

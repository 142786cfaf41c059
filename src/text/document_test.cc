#include "text/document.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace griot

#include "store/export.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace griot {
namespace {

StoredEvent Sample() {
  StoredEvent se;
  Event& e = se.record;
  e.event_id = "00000000000000aa";
  e.doc_id = "d1";
  e.sentence = "JNIM fighters attacked Malian troops in Boulkessi, officials said.";
  e.date = *ParseIsoDate("2022-03-09");
  e.source.emplace();
  e.source->text = "JNIM fighters";
  e.source->code = "IMGMOSJNM";
  e.source->actor_id = "jnim";
  e.source->span = {0, 13};
  e.target.emplace();
  e.target->text = "Malian troops";
  e.target->code = "MLIMIL";
  e.target->country = "MLI";
  e.target->span = {23, 36};
  e.trigger = {14, 22};
  e.location.emplace();
  e.location->name = "Boulkessi";
  e.location->span = {40, 49};
  e.cameo = "190";
  e.cameo_root = "19";
  e.quad_class = 4;
  e.plover = "ASSAULT";
  e.rule = "griot.verbs.txt:1";
  se.mentions = 3;
  se.documents = 2;
  se.doc_ids = {"d1", "d7"};
  return se;
}

TEST(Export, JsonAddsStoreFieldsToTheCodeRecord) {
  auto j = nlohmann::json::parse(StoredEventToJson(Sample()));
  EXPECT_EQ(j["event_id"], "00000000000000aa");
  EXPECT_EQ(j["cameo"], "190");
  EXPECT_EQ(j["mentions"], 3);
  EXPECT_EQ(j["documents"], 2);
  EXPECT_EQ(j["doc_ids"], nlohmann::json::array({"d1", "d7"}));
}

TEST(Export, PloverFieldNames) {
  auto j = nlohmann::json::parse(StoredEventToPlover(Sample()));
  EXPECT_EQ(j["event_type"], "ASSAULT");
  EXPECT_EQ(j["actor"]["code"], "IMGMOSJNM");
  EXPECT_EQ(j["recipient"]["country"], "MLI");
  EXPECT_TRUE(j["mode"].is_null());
  EXPECT_TRUE(j["context"].is_array());
  EXPECT_EQ(j["story_id"], "d1");
}

TEST(Export, CsvQuotesFields) {
  const std::string row = StoredEventToCsv(Sample());
  EXPECT_NE(row.find("\"JNIM fighters attacked Malian troops in Boulkessi, officials said.\""), std::string::npos);
  EXPECT_EQ(row.substr(row.size() - 2), "\r\n");
  // As many fields as the header.
  auto fields = [](const std::string& line) {
    int n = 1;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      else if (c == ',' && !quoted) ++n;
    }
    return n;
  };
  EXPECT_EQ(fields(row), fields(EventsCsvHeader()));
}

TEST(Export, Highlight) {
  EXPECT_EQ(HighlightSentence(Sample().record, false),
            "[S: JNIM fighters] [V: attacked] [T: Malian troops] in [P: Boulkessi], officials said.");
  const std::string ansi = HighlightSentence(Sample().record, true);
  EXPECT_NE(ansi.find("\x1b[7mattacked\x1b[0m"), std::string::npos);
  Event bad = Sample().record;
  bad.trigger = {5, 200};  // out of the sentence: not marked
  EXPECT_EQ(HighlightSentence(bad, false).find("[V: "), std::string::npos);
}

TEST(Export, TableAligns) {
  const std::string t = EventsTable({Sample(), Sample()});
  EXPECT_EQ(t.substr(0, 5), "EVENT");
  size_t first_nl = t.find('\n');
  EXPECT_NE(t.find("IMGMOSJNM"), std::string::npos);
  EXPECT_EQ(t.find("DATE"), t.find("2022-03-09") - first_nl - 1);
}

}  // namespace
}  // namespace griot

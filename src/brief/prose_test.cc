#include "brief/prose.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "brief/render.h"
#include "brief/verbs.h"

namespace griot::brief {
namespace {

CountryNames Countries() {
  CountryNames c;
  c.Add("MLI", "Mali", "Malian");
  c.Add("DZA", "Algeria", "Algerian");
  c.Add("USA", "United States", "American");
  c.Add("RUS", "Russia", "Russian");
  return c;
}

ActorRef Ref(const char* text, const char* code, const char* country, const char* sector, const char* id = "") {
  ActorRef a;
  a.text = text;
  a.code = code;
  a.country = country;
  a.sector = sector;
  a.actor_id = id;
  return a;
}

TEST(ActorNameTest, UsesTheReportsWordsTidied) {
  const CountryNames c = Countries();
  EXPECT_EQ(ActorName(Ref("army", "MLIMIL", "MLI", "MIL"), c), "the Malian army");
  EXPECT_EQ(ActorName(Ref("soldiers", "MLIMIL", "MLI", "MIL"), c), "Malian soldiers");
  EXPECT_EQ(ActorName(Ref("the army", "MLIMIL", "MLI", "MIL"), c), "the Malian army");
  EXPECT_EQ(ActorName(Ref("Malian", "MLI", "MLI", ""), c), "Mali");
  EXPECT_EQ(ActorName(Ref("Mali's army", "MLIMIL", "MLI", "MIL"), c), "Mali's army");
  EXPECT_EQ(ActorName(Ref("JNIM", "IMGMOSJNM", "", "", "jnim"), c), "JNIM");
  EXPECT_EQ(ActorName(Ref("The Wagner Group", "RUSPMC", "RUS", "PMC", "wagner_group"), c), "the Wagner Group");
  EXPECT_EQ(ActorName(Ref("United States embassy", "USAGOV", "USA", "GOV"), c), "the United States embassy");
  EXPECT_EQ(ActorName(Ref("U.S.", "USA", "USA", ""), c), "the United States");
  EXPECT_EQ(ActorName(Ref("Côte d'Ivoire", "CIV", "CIV", ""), c), "Côte d'Ivoire");
  // An overlong description of a known actor gives way to its registry name.
  EXPECT_EQ(ActorName(Ref("Russian private military company Wagner Group", "RUSPMC", "RUS", "PMC", "wagner_group"), c,
                      "the Wagner Group"),
            "the Wagner Group");
  // No usable words: the code's country and sector.
  EXPECT_EQ(ActorName(Ref("", "MLIGOV", "MLI", "GOV"), c), "the Malian government");
  EXPECT_EQ(ActorName(Ref("August", "MLIGOV", "MLI", "GOV"), c), "the Malian government");
  // A pronoun or "the group" the coder resolved to an actor is no name for it.
  EXPECT_EQ(ActorName(Ref("it", "RUSPMC", "RUS", "PMC", "wagner_group"), c, "the Wagner Group"), "the Wagner Group");
  EXPECT_EQ(ActorName(Ref("He", "MLIGOV", "MLI", "GOV", "assimi_goita"), c, "Assimi Goïta"), "Assimi Goïta");
  EXPECT_EQ(ActorName(Ref("the group", "IMGMOSJNM", "", "IMG", "jnim"), c, "JNIM"), "JNIM");
  EXPECT_NE(ActorName(Ref("it", "RUSPMC", "RUS", "PMC"), c), "it");
}

TEST(ActorNameTest, ArticlesForInstitutions) {
  EXPECT_EQ(WithArticle("Economic Community of West African States"), "the Economic Community of West African States");
  EXPECT_EQ(WithArticle("African Union"), "the African Union");
  EXPECT_EQ(WithArticle("United Nations"), "the United Nations");
  EXPECT_EQ(WithArticle("Africa Corps"), "Africa Corps");
  EXPECT_EQ(WithArticle("ECOWAS"), "ECOWAS");
}

TEST(ProseTest, PluralNames) {
  EXPECT_TRUE(IsPluralName("Malian soldiers"));
  EXPECT_TRUE(IsPluralName("Mali's transitional authorities"));
  EXPECT_FALSE(IsPluralName("Algiers"));
  EXPECT_FALSE(IsPluralName("the United States"));
  EXPECT_FALSE(IsPluralName("JNIM"));
  EXPECT_TRUE(IsPluralName("Malians"));
}

TEST(ProseTest, DatesKeepTheirPrecision) {
  EXPECT_EQ(DateClause(*Date::Make(2025, 4, 8)), "on 8 April 2025");
  EXPECT_EQ(DateClause(*Date::Make(2024, 7, 1, Date::Precision::kMonth)), "in July 2024");
  EXPECT_EQ(DateClause(*Date::Make(2022, 1, 1, Date::Precision::kYear)), "in 2022");
  EXPECT_EQ(RangeClause(*Date::Make(2025, 4, 3), *Date::Make(2025, 4, 9)), "between 3 and 9 April 2025");
  EXPECT_EQ(RangeClause(*Date::Make(2025, 4, 3), *Date::Make(2025, 5, 9)), "between 3 April and 9 May 2025");
  EXPECT_EQ(FormatRange(*Date::Make(2024, 10, 31), *Date::Make(2025, 10, 30)), "31 October 2024 to 30 October 2025");
}

TEST(ProseTest, ListsAndNumbers) {
  EXPECT_EQ(JoinList({"a"}), "a");
  EXPECT_EQ(JoinList({"a", "b"}), "a and b");
  EXPECT_EQ(JoinList({"a", "b", "c"}), "a, b and c");
  EXPECT_EQ(Count(1, "event", "events"), "one event");
  EXPECT_EQ(Count(12, "event", "events"), "12 events");
  EXPECT_EQ(Capitalize("the army"), "The army");
}

TEST(VerbsTest, MostSpecificCodeThenParentThenRoot) {
  EXPECT_STREQ(FindVerbPhrase("195").past_target, "carried out air strikes against {t}");
  EXPECT_STREQ(FindVerbPhrase("1952").past_target, "carried out drone strikes against {t}");
  EXPECT_STREQ(FindVerbPhrase("1953").past_target, "carried out air strikes against {t}");  // parent
  EXPECT_STREQ(FindVerbPhrase("039").past_target, "pledged cooperation with {t}");          // root
  EXPECT_EQ(FillTarget(FindVerbPhrase("163").past_target, "Mali"), "imposed sanctions or an embargo on Mali");
  EXPECT_STREQ(FindVerbPhrase("99").past, "was involved in an event");
}

Brief HandMade() {
  Brief b;
  b.title = "Mali, 1 to 31 March 2025";
  b.subject = "Mali";
  b.subject_kind = "country";
  b.subject_value = "MLI";
  b.window = analysis::Window{*Date::Make(2025, 3, 1), *Date::Make(2025, 3, 31)};
  b.events_in_window = 2;
  Citation c{"e1", "d1", "Title <1>", "Wire & Co", "https://example.org/1", "2025-03-12",
             "Soldiers \"clashed\" with <fighters> near Ménaka."};
  for (const char* t : kSectionTitles) b.sections.push_back({t, {}});
  b.sections[0].sentences.push_back({"Malian soldiers attacked JNIM near Ménaka on 12 March 2025.", {c}, SentenceKind::kEvent});
  b.sections[1].sentences.push_back({"Conflict events rose from 1 to 2.", {c}, SentenceKind::kAggregate});
  b.sections[2].sentences.push_back({"No forward-looking statements are on record.", {}, SentenceKind::kAbsence});
  b.sections[3].sentences.push_back({"The network links <3> actors.", {c}, SentenceKind::kContext});
  analysis::SeriesPoint p;
  p.start = *Date::Make(2025, 3, 3);
  p.events = 2;
  p.by_quad[4] = 2;
  b.series = {p};
  b.network.nodes = {{"MLIMIL", "soldiers", "MLIMIL", "MLI", "MIL", 2}, {"jnim", "JNIM", "IMGMOSJNM", "", "", 2}};
  b.network.edges = {{"MLIMIL", "jnim", 2, 0, 2, -20, {"e1"}}};
  return b;
}

TEST(RenderTest, MarkdownNumbersEachReportOnce) {
  const std::string md = RenderMarkdown(HandMade());
  EXPECT_NE(md.find("near Ménaka on 12 March 2025.[^1]\n"), std::string::npos) << md;
  EXPECT_EQ(md.find("[^2]"), std::string::npos) << md;  // the same report is one footnote
  EXPECT_NE(md.find("[^1]: Wire & Co, \"Title \\<1\\>\", 2025-03-12: \"Soldiers \"clashed\" with \\<fighters\\> near Ménaka.\""),
            std::string::npos)
      << md;
}

TEST(RenderTest, JsonShape) {
  const auto j = nlohmann::json::parse(RenderJson(HandMade()));
  EXPECT_EQ(j["title"], "Mali, 1 to 31 March 2025");
  EXPECT_EQ(j["window"]["from"], "2025-03-01");
  EXPECT_EQ(j["sections"][0]["title"], "What's Happening?");
  const auto& c = j["sections"][0]["sentences"][0]["citations"][0];
  EXPECT_EQ(c["event_id"], "e1");
  EXPECT_EQ(c["doc_id"], "d1");
  EXPECT_EQ(c["source"], "Wire & Co");
  EXPECT_EQ(c["date"], "2025-03-12");
  EXPECT_EQ(c["footnote"], 1);
  EXPECT_EQ(j["sections"][2]["sentences"][0]["kind"], "absence");
}

TEST(RenderTest, HtmlEscapesAndDrawsCharts) {
  const std::string html = RenderHtml(HandMade());
  EXPECT_EQ(html.find("<fighters>"), std::string::npos);
  EXPECT_NE(html.find("&lt;fighters&gt;"), std::string::npos);
  EXPECT_NE(html.find("The network links &lt;3&gt; actors."), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
  size_t svgs = 0;
  for (size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++svgs;
  EXPECT_EQ(svgs, 2u);
  EXPECT_NE(html.find("stroke=\"#c62828\""), std::string::npos);  // a conflictual edge is red
}

}  // namespace
}  // namespace griot::brief

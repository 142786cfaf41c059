#include "brief/brief.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "brief/render.h"
#include "dict/dictionary_set.h"
#include "store/ingest.h"
#include "store/ingest_sources.h"
#include "store/sqlite_store.h"

namespace griot::brief {
namespace {

// The demo corpus in an in-memory store, built once for the suite.
class BriefTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto opened = SqliteStore::Open(":memory:", StoreMode::kReadWrite);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = opened->release();
    DictionaryOptions options;
    options.data_dir = GRIOT_SOURCE_DATA_DIR;
    auto dicts = LoadDictionaries(options);
    ASSERT_TRUE(dicts.ok()) << dicts.status().message();
    auto coder = std::make_shared<Coder>(*dicts);
    IngestOptions ingest;
    ingest.threads = 1;
    Ingester ingester(store_, coder, ingest);
    IngestSource source(IngestFormat::kAuto, {std::string(GRIOT_SOURCE_DATA_DIR) + "/../examples/sahel"}, std::nullopt);
    auto summary = ingester.Run(source, [](const std::string&, const std::string&) {}, [](const IngestSummary&) {});
    ASSERT_TRUE(summary.ok()) << summary.status().message();
    ASSERT_GT(summary->events, 100);
  }
  static void TearDownTestSuite() {
    delete store_;
    store_ = nullptr;
  }

  static Brief Make(analysis::Subject::Kind kind, const std::string& value, std::optional<analysis::Window> w = {}) {
    BriefOptions options;
    options.data_dir = GRIOT_SOURCE_DATA_DIR;
    auto b = BuildBrief(*store_, {kind, value}, w, options);
    EXPECT_TRUE(b.ok()) << b.status().message();
    return b.ok() ? *b : Brief{};
  }

  // Every citation resolves to a stored event, and its sentence is the sentence of one of
  // that event's reports in that document.
  static void ExpectCitationsResolve(const Brief& b) {
    for (const auto& section : b.sections)
      for (const auto& s : section.sentences) {
        if (s.kind == SentenceKind::kAbsence) {
          EXPECT_TRUE(s.citations.empty()) << s.text;
          continue;
        }
        EXPECT_FALSE(s.citations.empty()) << "uncited: " << s.text;
        for (const auto& c : s.citations) {
          auto ev = store_->FindEvent(c.event_id);
          ASSERT_TRUE(ev.ok());
          ASSERT_TRUE(ev->has_value()) << "no event " << c.event_id << " behind: " << s.text;
          auto mentions = store_->GetMentions((**ev).key);
          ASSERT_TRUE(mentions.ok());
          bool found = false;
          for (const auto& m : *mentions) found = found || (m.record.doc_id == c.doc_id && m.record.sentence == c.sentence);
          EXPECT_TRUE(found) << "citation sentence is not a report of " << c.event_id << ": " << c.sentence;
        }
      }
  }

  static void ExpectSectionsInOrder(const Brief& b) {
    ASSERT_EQ(b.sections.size(), 4u);
    EXPECT_EQ(b.sections[0].title, "What's Happening?");
    EXPECT_EQ(b.sections[1].title, "Why It's Important?");
    EXPECT_EQ(b.sections[2].title, "What's Next?");
    EXPECT_EQ(b.sections[3].title, "Beyond the Headlines");
    for (const auto& s : b.sections) EXPECT_FALSE(s.sentences.empty()) << s.title;
  }

  static Store* store_;
};

Store* BriefTest::store_ = nullptr;

analysis::Window W(const char* from, const char* to) { return {*ParseIsoDate(from), *ParseIsoDate(to)}; }

TEST_F(BriefTest, MaliBriefCitesStoredEventsAndSentences) {
  const Brief b = Make(analysis::Subject::Kind::kCountry, "MLI", W("2025-01-01", "2025-10-31"));
  ExpectSectionsInOrder(b);
  ExpectCitationsResolve(b);
  EXPECT_GT(b.events_in_window, 0);
  ASSERT_TRUE(b.window.has_value());
  EXPECT_NE(b.title.find("Mali"), std::string::npos);
  // No sentence is written twice.
  std::set<std::string> seen;
  for (const auto& section : b.sections)
    for (const auto& s : section.sentences) EXPECT_TRUE(seen.insert(s.text).second) << "repeated: " << s.text;
}

TEST_F(BriefTest, DefaultWindowBriefIsCited) {
  const Brief b = Make(analysis::Subject::Kind::kCountry, "MLI");
  ExpectSectionsInOrder(b);
  ExpectCitationsResolve(b);
  ASSERT_TRUE(b.window.has_value());
  EXPECT_EQ(b.window->Days(), 90);
}

TEST_F(BriefTest, ActorBriefCitesStoredEvents) {
  const Brief b = Make(analysis::Subject::Kind::kActor, "wagner_group", W("2021-01-01", "2025-10-31"));
  ExpectSectionsInOrder(b);
  ExpectCitationsResolve(b);
  // A succession to Africa Corps is told only with a cited report naming it.
  for (const auto& section : b.sections)
    for (const auto& s : section.sentences)
      if (s.text.find("Africa Corps") != std::string::npos) {
        bool cited = false;
        for (const auto& c : s.citations) cited = cited || c.sentence.find("Africa Corps") != std::string::npos;
        EXPECT_TRUE(cited) << s.text;
      }
}

TEST_F(BriefTest, ProjectionsAreMarked) {
  const Brief b = Make(analysis::Subject::Kind::kCountry, "MLI", W("2021-01-01", "2025-10-31"));
  for (const auto& s : b.sections[2].sentences) {
    if (s.kind == SentenceKind::kAbsence) continue;
    EXPECT_EQ(s.kind, SentenceKind::kProjection) << s.text;
    EXPECT_EQ(s.text.rfind("Projection:", 0), 0u) << s.text;
  }
}

TEST_F(BriefTest, EmptyWindowSaysSoAndCitesNothing) {
  const Brief b = Make(analysis::Subject::Kind::kCountry, "MLI", W("1990-01-01", "1990-03-31"));
  ExpectSectionsInOrder(b);
  EXPECT_EQ(b.events_in_window, 0);
  ASSERT_FALSE(b.sections[0].sentences.empty());
  EXPECT_EQ(b.sections[0].sentences[0].text, "No events on record for Mali between 1 January and 31 March 1990.")
      << "(wording check)";
  for (const auto& section : b.sections)
    for (const auto& s : section.sentences) {
      EXPECT_EQ(s.kind, SentenceKind::kAbsence) << s.text;
      EXPECT_TRUE(s.citations.empty()) << s.text;
    }
  const std::string md = RenderMarkdown(b);
  EXPECT_EQ(md.find("[^"), std::string::npos) << md;
}

TEST_F(BriefTest, UnknownActorIsAnError) {
  auto b = BuildBrief(*store_, {analysis::Subject::Kind::kActor, "no_such_actor_xyz"}, std::nullopt, {});
  EXPECT_FALSE(b.ok());
}

TEST_F(BriefTest, JsonHasTheDocumentedShape) {
  const Brief b = Make(analysis::Subject::Kind::kCountry, "MLI", W("2025-01-01", "2025-10-31"));
  const auto j = nlohmann::json::parse(RenderJson(b));
  ASSERT_TRUE(j.contains("title"));
  ASSERT_TRUE(j.contains("window"));
  EXPECT_TRUE(j["window"].contains("from"));
  EXPECT_TRUE(j["window"].contains("to"));
  ASSERT_TRUE(j["sections"].is_array());
  ASSERT_EQ(j["sections"].size(), 4u);
  for (const auto& s : j["sections"]) {
    EXPECT_TRUE(s["title"].is_string());
    for (const auto& t : s["sentences"]) {
      EXPECT_TRUE(t["text"].is_string());
      for (const auto& c : t["citations"])
        for (const char* key : {"event_id", "doc_id", "title", "source", "date", "sentence"})
          EXPECT_TRUE(c.contains(key) && c[key].is_string()) << key;
    }
  }
}

TEST_F(BriefTest, HtmlIsSelfContained) {
  const Brief b = Make(analysis::Subject::Kind::kCountry, "MLI", W("2024-01-01", "2025-10-31"));
  const std::string html = RenderHtml(b);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  // No reference outside the file: no links, sources, imports or namespaces to fetch.
  EXPECT_FALSE(std::regex_search(html, std::regex(R"((href|src)\s*=\s*["']?\s*(https?:)?//)")));
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(url\(|@import|<script|<link|<img|<iframe)")));
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(xmlns\s*=\s*["']https?:)")));
  EXPECT_EQ(html.find("<b>"), std::string::npos);
}

TEST_F(BriefTest, MarkdownFootnotesAreDefined) {
  const Brief b = Make(analysis::Subject::Kind::kCountry, "MLI", W("2025-01-01", "2025-10-31"));
  const std::string md = RenderMarkdown(b);
  std::set<std::string> used, defined;
  const std::regex ref(R"(\[\^(\d+)\](:?))");
  for (auto it = std::sregex_iterator(md.begin(), md.end(), ref); it != std::sregex_iterator(); ++it)
    ((*it)[2].length() ? defined : used).insert((*it)[1]);
  EXPECT_FALSE(used.empty());
  for (const auto& n : used) EXPECT_TRUE(defined.count(n)) << "footnote " << n << " undefined";
  size_t at = 0;
  for (const char* h : kSectionTitles) {
    const size_t next = md.find(std::string("## ") + h, at);
    ASSERT_NE(next, std::string::npos) << h;
    at = next;
  }
}

}  // namespace
}  // namespace griot::brief

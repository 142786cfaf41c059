#include "store/ingest_sources.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace griot {
namespace {

TEST(IngestSources, FormatsByExtension) {
  EXPECT_EQ(FormatOfPath("a/b.txt"), IngestFormat::kText);
  EXPECT_EQ(FormatOfPath("feed.JSONL"), IngestFormat::kJsonl);
  EXPECT_EQ(FormatOfPath("page.htm"), IngestFormat::kHtml);
  EXPECT_EQ(FormatOfPath("news.rss"), IngestFormat::kFeed);
  EXPECT_EQ(FormatOfPath("atom.xml"), IngestFormat::kFeed);
  EXPECT_FALSE(FormatOfPath("image.png"));
  EXPECT_EQ(ParseIngestFormat("atom"), IngestFormat::kFeed);
  EXPECT_FALSE(ParseIngestFormat("pdf"));
}

TEST(IngestSources, FeedDates) {
  EXPECT_EQ(ParseFeedDate("Tue, 25 Jul 2023 10:00:00 GMT")->ToString(), "2023-07-25");
  EXPECT_EQ(ParseFeedDate("25 July 2023")->ToString(), "2023-07-25");
  EXPECT_EQ(ParseFeedDate("2023-07-25T23:30:00-05:00")->ToString(), "2023-07-25");
  EXPECT_EQ(ParseFeedDate("Mon, 3 Jan 22 08:00 +0000")->ToString(), "2022-01-03");
  EXPECT_FALSE(ParseFeedDate("yesterday"));
  EXPECT_FALSE(ParseFeedDate("Tue, 31 Feb 2023 10:00:00 GMT"));
}

TEST(IngestSources, HtmlMainText) {
  if (!HtmlSupported()) GTEST_SKIP() << "built without gumbo";
  const char* html = R"(<!doctype html><html><head><title>Wire | Mali</title>
<meta property="og:title" content="Troops leave &amp; return">
<meta property="og:site_name" content="Demo Wire">
<meta name="date" content="2022-08-15">
<link rel="canonical" href="https://example.org/a"></head><body>
<header><p>Subscribe now</p></header><nav><ul><li>Home</li></ul></nav>
<div class="teaser"><article><p>Short teaser.</p></article></div>
<article><h1>Troops leave</h1><p>France withdrew its last troops from Mali on Monday.</p>
<p>The   withdrawal<br>ended a nine-year deployment.</p><script>alert("no")</script>
<aside><p>Related: other news</p></aside></article>
<footer><p>Contact us</p></footer></body></html>)";
  auto doc = ParseHtmlDocument(html, "a", "a.html", std::nullopt);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->title, "Troops leave & return");
  EXPECT_EQ(doc->source, "Demo Wire");
  EXPECT_EQ(doc->url, "https://example.org/a");
  ASSERT_TRUE(doc->date);
  EXPECT_EQ(doc->date->ToString(), "2022-08-15");
  EXPECT_EQ(doc->text,
            "Troops leave\n\nFrance withdrew its last troops from Mali on Monday.\n\nThe withdrawal ended a "
            "nine-year deployment.");
}

TEST(IngestSources, HtmlErrors) {
  if (!HtmlSupported()) GTEST_SKIP() << "built without gumbo";
  EXPECT_FALSE(ParseHtmlDocument("<html><body><nav>menu</nav></body></html>", "x", "x.html", std::nullopt).ok());
  auto bad = ParseHtmlDocument("<p>caf\xe9</p>", "x", "x.html", std::nullopt);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("invalid UTF-8"), std::string::npos);
  auto bare = ParseHtmlDocument("Just text, no tags.", "x", "x.html", *ParseIsoDate("2020-01-02"));
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->text, "Just text, no tags.");
  EXPECT_EQ(bare->date->ToString(), "2020-01-02");
}

TEST(IngestSources, Rss) {
  if (!FeedSupported()) GTEST_SKIP() << "built without pugixml";
  const char* rss = R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Demo Wire</title>
<item><title>One</title><link>https://example.org/1</link><guid isPermaLink="false">id-1</guid>
<pubDate>Tue, 25 Jul 2023 10:00:00 GMT</pubDate><description>Short summary.</description>
<content:encoded><![CDATA[<p>Full text one.</p><p>Second paragraph.</p>]]></content:encoded></item>
<item><title>Two</title><link>https://example.org/2</link><description>&lt;b&gt;Bold&lt;/b&gt; text two.</description></item>
<item><title>Three</title></item>
</channel></rss>)";
  auto items = ParseFeed(rss, "wire.rss", *ParseIsoDate("2020-01-01"));
  ASSERT_EQ(items.size(), 3u);
  ASSERT_TRUE(items[0].doc);
  EXPECT_EQ(items[0].origin, "wire.rss#1");
  EXPECT_EQ(items[0].doc->id, "id-1");
  EXPECT_EQ(items[0].doc->source, "Demo Wire");
  EXPECT_EQ(items[0].doc->date->ToString(), "2023-07-25");
  EXPECT_EQ(items[0].doc->text, "Full text one.\n\nSecond paragraph.");
  ASSERT_TRUE(items[1].doc);
  EXPECT_EQ(items[1].doc->id, "https://example.org/2");
  EXPECT_EQ(items[1].doc->date->ToString(), "2020-01-01");
  EXPECT_NE(items[1].doc->text.find("Bold text two."), std::string::npos);
  EXPECT_FALSE(items[2].doc);
  EXPECT_NE(items[2].error.message().find("empty text"), std::string::npos);
}

TEST(IngestSources, Atom) {
  if (!FeedSupported()) GTEST_SKIP() << "built without pugixml";
  const char* atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>A</title><id>urn:a</id><link rel="alternate" href="https://example.org/a"/>
<published>2022-03-09T08:00:00Z</published><summary>JNIM fighters attacked Malian troops.</summary></entry>
</feed>)";
  auto items = ParseFeed(atom, "a.atom", std::nullopt);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].doc);
  EXPECT_EQ(items[0].doc->id, "urn:a");
  EXPECT_EQ(items[0].doc->url, "https://example.org/a");
  EXPECT_EQ(items[0].doc->date->ToString(), "2022-03-09");
  EXPECT_EQ(items[0].doc->text, "JNIM fighters attacked Malian troops.");
  auto broken = ParseFeed("<rss><channel><item>", "b.rss", std::nullopt);
  ASSERT_EQ(broken.size(), 1u);
  EXPECT_FALSE(broken[0].doc);
  EXPECT_NE(broken[0].error.message().find("not a well-formed feed"), std::string::npos);
}

TEST(IngestSources, DirectoriesMixFormats) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("griot_sources_" + std::to_string(::getpid()));
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "a.txt") << "France withdrew its troops from Mali.\n";
  std::ofstream(dir / "sub" / "b.jsonl") << R"({"id":"b1","text":"One."})" << "\n" << R"({"id":"b2","text":"Two."})" << "\n";
  std::ofstream(dir / "notes.md") << "ignored\n";
  IngestSource source(IngestFormat::kAuto, {dir.string()}, std::nullopt);
  EXPECT_EQ(source.file_count(), 2u);
  std::vector<std::string> ids;
  InputItem item;
  while (source.Next(&item)) {
    ASSERT_TRUE(item.doc) << item.origin << ": " << item.error.message();
    ids.push_back(item.doc->id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b1", "b2"}));
  IngestSource only_text(IngestFormat::kText, {dir.string()}, std::nullopt);
  EXPECT_EQ(only_text.file_count(), 1u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace griot

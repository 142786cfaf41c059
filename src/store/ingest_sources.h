// The inputs of `griot ingest`: everything `griot code` reads (text files, JSON lines,
// standard input; pipeline/sources.h does the reading) plus web pages (HTML: the main text,
// title, date and URL of an article) and news feeds (RSS 2.0, RSS 1.0 and Atom: one document
// per item). Formats are chosen by file extension or forced with IngestFormat.
//
// HTML is parsed with gumbo when griot is built with it (GRIOT_HAVE_GUMBO) and feeds with
// pugixml (always there: griot_core links it); without gumbo, web pages are rejected with a
// message saying so.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "pipeline/sources.h"
#include "text/document.h"

namespace griot {

enum class IngestFormat { kAuto, kText, kJsonl, kHtml, kFeed };

// "auto", "text", "jsonl", "html", "feed" (also "rss", "atom"); nullopt otherwise.
std::optional<IngestFormat> ParseIngestFormat(std::string_view name);

// The format of a file by its extension: .txt/.text -> text, .jsonl/.ndjson -> jsonl,
// .html/.htm/.xhtml -> html, .rss/.atom/.xml -> feed; nullopt for other extensions.
std::optional<IngestFormat> FormatOfPath(std::string_view path);

bool HtmlSupported();
bool FeedSupported();

// The article in a web page: title (og:title, else <title>), date (article:published_time,
// other date metas or the first <time datetime>, else `fallback_date`), URL (canonical link or
// og:url), publisher (og:site_name), and the text of its paragraphs and headings — taken from
// the <article> with the most text, else <main>, else <body>, leaving out navigation,
// headers, footers, asides, forms, scripts and styles. Paragraphs are separated by blank
// lines. Errors: invalid UTF-8, no text found, or HTML support not built in.
Result<Document> ParseHtmlDocument(std::string_view html, std::string id, std::string origin,
                                   std::optional<Date> fallback_date);

// The items of an RSS or Atom feed, one InputItem each (origin "feed.xml#3"; rejected items
// name the reason). The document id is the item's guid/id, else its link, else the origin;
// the text is the item's full content (content:encoded, Atom content) else its description or
// summary, HTML stripped; the date is pubDate/published/updated/dc:date.
std::vector<InputItem> ParseFeed(std::string_view xml, const std::string& origin,
                                 std::optional<Date> fallback_date);

// Parses a feed date: RFC 822 ("Mon, 27 Jun 2022 10:00:00 GMT", "27 Jun 2022") or ISO 8601
// ("2022-06-27T10:00:00Z"). The calendar date as written (no time-zone shift).
std::optional<Date> ParseFeedDate(std::string_view text);

class IngestSource : public DocumentSource {
 public:
  // Paths may be files or directories (read recursively, sorted by path; with kAuto every
  // file of a known extension, else the files of the forced format's extensions). A file
  // named explicitly with an unknown extension is read as text under kAuto. "-" or no
  // paths: standard input in the given format (text under kAuto).
  IngestSource(IngestFormat format, std::vector<std::string> paths, std::optional<Date> fallback_date);
  ~IngestSource() override;
  bool Next(InputItem* item) override;

  size_t file_count() const { return files_.size(); }
  size_t files_opened() const { return next_; }

 private:
  struct File {
    std::string path;
    IngestFormat format;
  };
  std::vector<File> files_;
  std::vector<InputItem> pending_;
  size_t pending_next_ = 0;
  size_t next_ = 0;
  std::unique_ptr<DocumentSource> current_;
  std::optional<Date> date_;
};

}  // namespace griot

#include "store/ingest_sources.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/utf8.h"

#ifdef GRIOT_HAVE_GUMBO
#include <gumbo.h>
#endif
// pugixml is a required dependency of griot_core (which griot_store links), so its header
// being present means it is linked.
#if !defined(GRIOT_HAVE_PUGIXML) && __has_include(<pugixml.hpp>)
#define GRIOT_HAVE_PUGIXML 1
#endif
#ifdef GRIOT_HAVE_PUGIXML
#include <pugixml.hpp>
#endif

namespace griot {

namespace fs = std::filesystem;

std::optional<IngestFormat> ParseIngestFormat(std::string_view name) {
  if (name == "auto") return IngestFormat::kAuto;
  if (name == "text") return IngestFormat::kText;
  if (name == "jsonl") return IngestFormat::kJsonl;
  if (name == "html") return IngestFormat::kHtml;
  if (name == "feed" || name == "rss" || name == "atom") return IngestFormat::kFeed;
  return std::nullopt;
}

std::optional<IngestFormat> FormatOfPath(std::string_view path) {
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".txt" || ext == ".text") return IngestFormat::kText;
  if (ext == ".jsonl" || ext == ".ndjson") return IngestFormat::kJsonl;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return IngestFormat::kHtml;
  if (ext == ".rss" || ext == ".atom" || ext == ".xml") return IngestFormat::kFeed;
  return std::nullopt;
}

bool HtmlSupported() {
#ifdef GRIOT_HAVE_GUMBO
  return true;
#else
  return false;
#endif
}

bool FeedSupported() {
#ifdef GRIOT_HAVE_PUGIXML
  return true;
#else
  return false;
#endif
}

namespace {

// Collapses whitespace runs to one space and trims.
std::string Squeeze(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// "2022-06-27T10:00:00Z", "2022-06-27" -> the date.
std::optional<Date> IsoPrefixDate(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  if (s.size() < 10) return std::nullopt;
  return ParseIsoDate(s.substr(0, 10));
}

#ifdef GRIOT_HAVE_GUMBO

const char* Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool Skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_FIGURE: case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_LI: case GUMBO_TAG_PRE:
      return true;
    default:
      return false;
  }
}

// All text under `n` (skipping scripts and the like), whitespace not yet squeezed.
void InnerText(const GumboNode* n, std::string* out) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
    out->append(n->v.text.text);
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT) return;
  if (Skipped(n->v.element.tag)) return;
  if (n->v.element.tag == GUMBO_TAG_BR) {
    out->push_back(' ');
    return;
  }
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) InnerText(static_cast<const GumboNode*>(kids.data[i]), out);
}

// Paragraph-like blocks under `n`; a block inside a block counts once (the outer one).
void Blocks(const GumboNode* n, std::vector<std::string>* out, size_t* chars) {
  if (n->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = n->v.element.tag;
  if (Skipped(tag)) return;
  if (IsBlock(tag)) {
    std::string text;
    InnerText(n, &text);
    text = Squeeze(text);
    if (!text.empty()) {
      *chars += text.size();
      out->push_back(std::move(text));
    }
    return;
  }
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) Blocks(static_cast<const GumboNode*>(kids.data[i]), out, chars);
}

struct PageInfo {
  std::string title, og_title, date, url, site;
  std::vector<const GumboNode*> articles, mains;
  const GumboNode* body = nullptr;
  std::string first_time;
};

void Scan(const GumboNode* n, PageInfo* info) {
  if (n->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = n->v.element.tag;
  switch (tag) {
    case GUMBO_TAG_TITLE:
      if (info->title.empty()) {
        std::string t;
        InnerText(n, &t);
        info->title = Squeeze(t);
      }
      break;
    case GUMBO_TAG_META: {
      const char* key = Attr(n, "property");
      if (!key) key = Attr(n, "name");
      if (!key) key = Attr(n, "itemprop");
      const char* content = Attr(n, "content");
      if (key && content) {
        std::string k = key;
        for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (k == "og:title" && info->og_title.empty()) info->og_title = Squeeze(content);
        else if (k == "og:url" && info->url.empty()) info->url = content;
        else if (k == "og:site_name" && info->site.empty()) info->site = Squeeze(content);
        else if ((k == "article:published_time" || k == "datepublished" || k == "date" || k == "pubdate" ||
                  k == "dc.date" || k == "dc.date.issued" || k == "publish-date") &&
                 info->date.empty())
          info->date = content;
      }
      break;
    }
    case GUMBO_TAG_LINK: {
      const char* rel = Attr(n, "rel");
      const char* href = Attr(n, "href");
      if (rel && href && std::string_view(rel) == "canonical") info->url = href;
      break;
    }
    case GUMBO_TAG_TIME:
      if (info->first_time.empty())
        if (const char* dt = Attr(n, "datetime")) info->first_time = dt;
      break;
    case GUMBO_TAG_ARTICLE: info->articles.push_back(n); break;
    case GUMBO_TAG_MAIN: info->mains.push_back(n); break;
    case GUMBO_TAG_BODY: info->body = n; break;
    default: break;
  }
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) Scan(static_cast<const GumboNode*>(kids.data[i]), info);
}

// The paragraphs of the main text of a parsed page.
std::vector<std::string> MainText(const PageInfo& info) {
  std::vector<std::string> best;
  size_t best_chars = 0;
  auto consider = [&](const std::vector<const GumboNode*>& nodes) {
    for (const GumboNode* n : nodes) {
      std::vector<std::string> blocks;
      size_t chars = 0;
      Blocks(n, &blocks, &chars);
      if (chars > best_chars) {
        best = std::move(blocks);
        best_chars = chars;
      }
    }
  };
  consider(info.articles);
  if (best.empty()) consider(info.mains);
  if (best.empty() && info.body) consider({info.body});
  if (best.empty() && info.body) {  // a page of bare text without paragraph tags
    std::string text;
    InnerText(info.body, &text);
    text = Squeeze(text);
    if (!text.empty()) best.push_back(std::move(text));
  }
  return best;
}

// The plain text of an HTML fragment (feed descriptions), paragraphs separated by blank lines.
std::string FragmentText(std::string_view html) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  PageInfo info;
  Scan(out->root, &info);
  std::vector<std::string> blocks;
  size_t chars = 0;
  if (info.body) Blocks(info.body, &blocks, &chars);
  std::string all;
  if (info.body) InnerText(info.body, &all);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  // Text outside any paragraph (common in descriptions) is kept when it is most of the text.
  all = Squeeze(all);
  if (chars * 2 < all.size()) return all;
  std::string text;
  for (const std::string& b : blocks) {
    if (!text.empty()) text += "\n\n";
    text += b;
  }
  return text;
}

#else

// Without gumbo: tags removed and the common entities decoded (a fallback for feed
// descriptions only; pages are rejected).
std::string FragmentText(std::string_view html) {
  std::string out;
  bool in_tag = false;
  for (size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (in_tag) {
      if (c == '>') {
        in_tag = false;
        out += ' ';
      }
      continue;
    }
    if (c == '<') {
      in_tag = true;
      continue;
    }
    if (c == '&') {
      static const std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"},
          {"&nbsp;", " "}};
      bool done = false;
      for (const auto& [name, value] : kEntities) {
        if (html.substr(i, name.size()) == name) {
          out += value;
          i += name.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += c;
  }
  return Squeeze(out);
}

#endif

}  // namespace

Result<Document> ParseHtmlDocument(std::string_view html, std::string id, std::string origin,
                                   std::optional<Date> fallback_date) {
#ifdef GRIOT_HAVE_GUMBO
  if (auto bad = FindInvalidUtf8(html))
    return Status::InvalidInput(fmt::format("invalid UTF-8 at byte {} (web pages must be UTF-8)", *bad));
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  PageInfo info;
  Scan(out->root, &info);
  std::vector<std::string> blocks = MainText(info);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  Document doc;
  doc.id = std::move(id);
  doc.origin = std::move(origin);
  doc.title = !info.og_title.empty() ? info.og_title : info.title;
  doc.url = info.url;
  doc.source = info.site;
  doc.date = IsoPrefixDate(info.date);
  if (!doc.date && !info.first_time.empty()) doc.date = IsoPrefixDate(info.first_time);
  if (!doc.date) doc.date = fallback_date;
  for (const std::string& b : blocks) {
    if (!doc.text.empty()) doc.text += "\n\n";
    doc.text += b;
  }
  if (doc.text.empty()) return Status::InvalidInput("no article text found in the page");
  return doc;
#else
  (void)html;
  (void)id;
  (void)origin;
  (void)fallback_date;
  return Status::Unsupported("HTML input needs griot built with gumbo (libgumbo-dev)");
#endif
}

std::optional<Date> ParseFeedDate(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  if (text.size() >= 10 && std::isdigit(static_cast<unsigned char>(text[0])) && text[4] == '-')
    return IsoPrefixDate(text);
  // RFC 822: [Day, ] DD Mon YYYY ...
  if (size_t comma = text.find(','); comma != std::string_view::npos && comma < 10) text.remove_prefix(comma + 1);
  std::istringstream in{std::string(text)};
  std::string day, mon, year;
  in >> day >> mon >> year;
  if (day.empty() || mon.size() < 3 || year.empty()) return std::nullopt;
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string m3 = mon.substr(0, 3);
  for (char& c : m3) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  unsigned month = 0;
  for (unsigned i = 0; i < 12; ++i)
    if (m3 == kMonths[i]) month = i + 1;
  if (!month) return std::nullopt;
  int y = 0;
  unsigned d = 0;
  try {
    d = static_cast<unsigned>(std::stoi(day));
    y = std::stoi(year);
  } catch (...) {
    return std::nullopt;
  }
  if (year.size() == 2) y += y < 30 ? 2000 : 1900;
  return Date::Make(y, month, d);
}

std::vector<InputItem> ParseFeed(std::string_view xml, const std::string& origin,
                                 std::optional<Date> fallback_date) {
  std::vector<InputItem> items;
#ifdef GRIOT_HAVE_PUGIXML
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_cdata);
  if (!parsed) {
    InputItem bad;
    bad.origin = origin;
    bad.error = Status::InvalidInput(fmt::format("not a well-formed feed: {} at byte {}", parsed.description(),
                                                 static_cast<long long>(parsed.offset)));
    items.push_back(std::move(bad));
    return items;
  }
  auto local = [](const pugi::xml_node& n) {
    std::string_view name = n.name();
    if (size_t colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
    return name;
  };
  auto child = [&](const pugi::xml_node& n, std::initializer_list<std::string_view> names) -> pugi::xml_node {
    for (std::string_view want : names)
      for (pugi::xml_node c : n.children())
        if (std::string_view(c.name()) == want) return c;
    for (std::string_view want : names)
      for (pugi::xml_node c : n.children())
        if (local(c) == want) return c;
    return pugi::xml_node();
  };
  std::string channel_title;
  std::vector<pugi::xml_node> entries;
  bool atom = false;
  // Items are <item> (RSS 2.0 under <channel>, RSS 1.0 under <rdf:RDF>) or <entry> (Atom).
  struct Walker : pugi::xml_tree_walker {
    std::vector<pugi::xml_node>* out;
    bool* atom;
    std::string* title;
    bool for_each(pugi::xml_node& n) override {
      std::string_view name = n.name();
      if (size_t colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
      if (name == "item") out->push_back(n);
      else if (name == "entry") {
        out->push_back(n);
        *atom = true;
      } else if ((name == "channel" || name == "feed") && title->empty()) {
        *title = n.child_value("title");
      }
      return true;
    }
  } walker;
  walker.out = &entries;
  walker.atom = &atom;
  walker.title = &channel_title;
  doc.traverse(walker);
  if (entries.empty()) {
    InputItem bad;
    bad.origin = origin;
    bad.error = Status::InvalidInput("no <item> or <entry> elements: not an RSS or Atom feed");
    items.push_back(std::move(bad));
    return items;
  }
  channel_title = Squeeze(channel_title);
  for (size_t i = 0; i < entries.size(); ++i) {
    const pugi::xml_node& e = entries[i];
    InputItem item;
    item.origin = fmt::format("{}#{}", origin, i + 1);
    Document d;
    d.origin = item.origin;
    d.source = channel_title;
    d.title = Squeeze(FragmentText(child(e, {"title"}).text().as_string()));
    pugi::xml_node link = child(e, {"link"});
    if (link) {
      d.url = link.attribute("href") ? link.attribute("href").as_string() : link.text().as_string();
      for (pugi::xml_node l : e.children())
        if (local(l) == "link" && std::string_view(l.attribute("rel").as_string("alternate")) == "alternate" &&
            l.attribute("href"))
          d.url = l.attribute("href").as_string();
    }
    d.url = Squeeze(d.url);
    std::string guid = Squeeze(child(e, {"guid", "id"}).text().as_string());
    d.id = !guid.empty() ? guid : !d.url.empty() ? d.url : item.origin;
    pugi::xml_node date = child(e, {"pubDate", "published", "dc:date", "updated", "date"});
    if (date) d.date = ParseFeedDate(date.text().as_string());
    if (!d.date) d.date = fallback_date;
    pugi::xml_node body = child(e, {"content:encoded", "content", "encoded"});
    if (!body || std::string_view(body.text().as_string()).find_first_not_of(" \t\r\n") == std::string_view::npos)
      body = child(e, {"description", "summary"});
    std::string raw = body.text().as_string();
    if (atom && std::string_view(body.attribute("type").as_string()) == "xhtml") {
      std::ostringstream ss;
      for (pugi::xml_node c : body.children()) c.print(ss, "", pugi::format_raw);
      raw = ss.str();
    }
    if (auto bad = FindInvalidUtf8(raw)) {
      item.error = Status::InvalidInput(fmt::format("invalid UTF-8 at byte {} of the item text", *bad));
    } else {
      d.text = raw.find('<') != std::string::npos || raw.find('&') != std::string::npos ? FragmentText(raw)
                                                                                          : Squeeze(raw);
      if (d.text.empty()) item.error = Status::InvalidInput("empty text (the item has no content or description)");
      else item.doc = std::move(d);
    }
    items.push_back(std::move(item));
  }
#else
  (void)xml;
  (void)fallback_date;
  InputItem bad;
  bad.origin = origin;
  bad.error = Status::Unsupported("RSS/Atom input needs griot built with pugixml (libpugixml-dev)");
  items.push_back(std::move(bad));
#endif
  return items;
}

// ---- the source ---------------------------------------------------------------------------

namespace {

bool Accepts(IngestFormat forced, IngestFormat of_file) {
  return forced == IngestFormat::kAuto || forced == of_file;
}

std::string ReadStream(std::istream& in) {
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

IngestSource::IngestSource(IngestFormat format, std::vector<std::string> paths, std::optional<Date> fallback_date)
    : date_(fallback_date) {
  if (paths.empty()) paths.push_back("-");
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p == "-") {
      files_.push_back({p, format == IngestFormat::kAuto ? IngestFormat::kText : format});
    } else if (fs::is_directory(p, ec)) {
      std::vector<File> found;
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        auto f = FormatOfPath(it->path().string());
        if (f && Accepts(format, *f)) found.push_back({it->path().string(), *f});
      }
      std::sort(found.begin(), found.end(), [](const File& a, const File& b) { return a.path < b.path; });
      files_.insert(files_.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      IngestFormat f = format;
      if (f == IngestFormat::kAuto) f = FormatOfPath(p).value_or(IngestFormat::kText);
      files_.push_back({p, f});
    } else {
      InputItem item;
      item.origin = p;
      item.error = Status::NotFound("no such file or directory");
      pending_.push_back(std::move(item));
    }
  }
}

IngestSource::~IngestSource() = default;

bool IngestSource::Next(InputItem* item) {
  while (true) {
    if (pending_next_ < pending_.size()) {
      *item = std::move(pending_[pending_next_++]);
      if (pending_next_ == pending_.size()) {
        pending_.clear();
        pending_next_ = 0;
      }
      return true;
    }
    if (current_) {
      if (current_->Next(item)) return true;
      current_.reset();
    }
    if (next_ >= files_.size()) return false;
    const File file = files_[next_++];
    switch (file.format) {
      case IngestFormat::kAuto:
      case IngestFormat::kText:
        current_ = MakeSource(InputFormat::kText, {file.path}, date_);
        break;
      case IngestFormat::kJsonl:
        current_ = MakeSource(InputFormat::kJsonl, {file.path}, date_);
        break;
      case IngestFormat::kHtml:
      case IngestFormat::kFeed: {
        std::string content;
        std::string origin = file.path == "-" ? "stdin" : file.path;
        if (file.path == "-") {
          content = ReadStream(std::cin);
        } else {
          std::ifstream in(file.path, std::ios::binary);
          if (!in) {
            InputItem bad;
            bad.origin = origin;
            bad.error = Status::IoError("cannot open file");
            pending_.push_back(std::move(bad));
            break;
          }
          content = ReadStream(in);
        }
        if (file.format == IngestFormat::kFeed) {
          pending_ = ParseFeed(content, origin, date_);
        } else {
          InputItem it;
          it.origin = origin;
          auto doc = ParseHtmlDocument(content, file.path == "-" ? "stdin" : fs::path(file.path).stem().string(),
                                       origin, date_);
          if (doc.ok()) it.doc = std::move(doc).value();
          else it.error = doc.status();
          pending_.push_back(std::move(it));
        }
        break;
      }
    }
  }
}

}  // namespace griot

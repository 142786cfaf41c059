#include "pipeline/petrarch_xml_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace griot {

namespace {

constexpr size_t kNpos = std::string_view::npos;

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsNameStart(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u == '_' || u == ':' || u >= 0x80;
}

// Where the markup starting at buf[lt] ('<') ends (one past its last byte), or kNpos if the
// buffer ends first. Comments, CDATA sections, processing instructions and declarations end
// at their own terminators, tags at the first '>' outside a quoted attribute value. A '<' that
// starts none of these (stray text, invalid XML) is one byte long.
size_t MarkupEnd(std::string_view buf, size_t lt) {
  const std::string_view rest = buf.substr(lt);
  auto until = [&](size_t from, std::string_view close) -> size_t {
    const size_t e = rest.find(close, from);
    return e == kNpos ? kNpos : lt + e + close.size();
  };
  if (rest.size() < 2) return kNpos;
  if (rest[1] == '!') {
    constexpr std::string_view kComment = "<!--", kCdata = "<![CDATA[";
    if (rest.starts_with(kComment)) return until(kComment.size(), "-->");
    if (rest.starts_with(kCdata)) return until(kCdata.size(), "]]>");
    if (kComment.starts_with(rest) || kCdata.starts_with(rest)) return kNpos;  // undecided yet
    return until(2, ">");  // <!DOCTYPE ...>; an internal subset is not read
  }
  if (rest[1] == '?') return until(2, "?>");
  if (rest[1] != '/' && !IsNameStart(rest[1])) return lt + 1;
  char quote = 0;
  for (size_t k = 1; k < rest.size(); ++k) {
    const char c = rest[k];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return lt + k + 1;
    }
  }
  return kNpos;
}

// The element name of a start or end tag ("<Sentence id='1'>", "</Sentence>"); empty for
// other markup. `closing` tells which.
std::string_view TagName(std::string_view markup, bool* closing) {
  *closing = markup.size() > 1 && markup[1] == '/';
  const size_t from = *closing ? 2 : 1;
  if (markup.size() <= from || !IsNameStart(markup[from])) return {};
  size_t to = from;
  while (to < markup.size() && !IsXmlSpace(markup[to]) && markup[to] != '/' && markup[to] != '>') ++to;
  return markup.substr(from, to - from);
}

// The raw value of attribute `name` in a start tag, or empty (for messages about records
// pugixml could not read).
std::string AttributeOf(std::string_view tag, std::string_view name) {
  size_t k = 1;
  while (k < tag.size() && !IsXmlSpace(tag[k]) && tag[k] != '>' && tag[k] != '/') ++k;  // the element name
  while (k < tag.size()) {
    while (k < tag.size() && (IsXmlSpace(tag[k]) || tag[k] == '/')) ++k;
    const size_t a = k;
    while (k < tag.size() && !IsXmlSpace(tag[k]) && tag[k] != '=' && tag[k] != '>' && tag[k] != '/') ++k;
    const std::string_view attribute = tag.substr(a, k - a);
    while (k < tag.size() && IsXmlSpace(tag[k])) ++k;
    if (attribute.empty() || k >= tag.size() || tag[k] != '=') return "";
    ++k;
    while (k < tag.size() && IsXmlSpace(tag[k])) ++k;
    if (k >= tag.size() || (tag[k] != '"' && tag[k] != '\'')) return "";
    const size_t close = tag.find(tag[k], k + 1);
    if (close == kNpos) return "";
    if (attribute == name) return std::string(tag.substr(k + 1, close - k - 1));
    k = close + 1;
  }
  return "";
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
           return lower(x) == lower(y);
         });
}

}  // namespace

PetrarchXmlReader::PetrarchXmlReader(std::istream* in, std::string name, std::optional<Date> fallback_date,
                                     size_t chunk_bytes)
    : in_(in),
      name_(std::move(name)),
      date_(fallback_date),
      chunk_bytes_(std::max<size_t>(chunk_bytes, 1)),
      sentences_("//Sentence") {}

bool PetrarchXmlReader::Fill() {
  if (eof_) return false;
  if (head_ > 0) {  // compact: what was read before head_ is no longer needed
    buf_.erase(0, head_);
    base_ += head_;
    scan_ -= head_;
    if (in_record_ && !oversized_) record_start_ -= head_;
    head_ = 0;
  }
  const size_t old = buf_.size();
  buf_.resize(old + chunk_bytes_);
  in_->read(buf_.data() + old, static_cast<std::streamsize>(chunk_bytes_));
  const size_t got = static_cast<size_t>(in_->gcount());
  buf_.resize(old + got);
  if (got == 0) eof_ = true;
  return got > 0;
}

void PetrarchXmlReader::Discard(size_t pos) {
  if (pos <= head_) return;
  line_ += static_cast<size_t>(std::count(buf_.begin() + static_cast<std::ptrdiff_t>(head_),
                                          buf_.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
  head_ = pos;
}

void PetrarchXmlReader::NoteDeclaration(std::string_view pi) {
  // <?xml version="1.0" encoding="ISO-8859-1"?>: the attributes read like a start tag's.
  const std::string encoding = AttributeOf(pi.substr(1, pi.size() - 2), "encoding");
  if (EqualsIgnoreCase(encoding, "ISO-8859-1") || EqualsIgnoreCase(encoding, "latin1") ||
      EqualsIgnoreCase(encoding, "latin-1"))
    encoding_ = pugi::encoding_latin1;
}

void PetrarchXmlReader::Reject(std::string_view start_tag, size_t line, std::string message) {
  const std::string id = AttributeOf(start_tag, "id");
  InputItem bad;
  bad.origin = id.empty() ? fmt::format("{}:{}", name_, line) : fmt::format("{}#{}", name_, id);
  bad.error = Status::InvalidInput(std::move(message));
  pending_.push_back(std::move(bad));
}

void PetrarchXmlReader::ReadRecord(std::string_view record, size_t line, size_t offset) {
  pugi::xml_document xml;
  const pugi::xml_parse_result r = xml.load_buffer(record.data(), record.size(), pugi::parse_default, encoding_);
  if (!r) {
    const size_t at = std::min(static_cast<size_t>(std::max<ptrdiff_t>(r.offset, 0)), record.size());
    const size_t error_line =
        line + static_cast<size_t>(std::count(record.begin(), record.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    const size_t tag_end = MarkupEnd(record, 0);
    Reject(record.substr(0, tag_end == kNpos ? record.size() : tag_end), line,
           fmt::format("not well-formed XML: {} at line {} (byte {})", r.description(), error_line, offset + at));
    return;
  }
  // Every <Sentence>, as the whole-document reading found them (one, unless they nest).
  for (pugi::xpath_node node : sentences_.evaluate_node_set(xml)) {
    pugi::xml_node sn = node.node();
    InputItem item;
    const std::string id = sn.attribute("id").value();
    item.origin = id.empty() ? fmt::format("{}:{}", name_, line) : fmt::format("{}#{}", name_, id);
    Document doc;
    doc.id = id;
    doc.origin = item.origin;
    doc.source = sn.attribute("source").value();
    doc.date = date_;
    if (auto d = ParseCompactDate(sn.attribute("date").value())) doc.date = d;
    doc.text = sn.child_value("Text");
    std::string parse = sn.child_value("Parse");
    if (parse.find_first_not_of(" \t\r\n") == std::string::npos) {
      item.error = Status::InvalidInput("sentence has no <Parse>");
    } else if (id.empty()) {
      item.error = Status::InvalidInput("sentence has no id");
    } else {
      doc.parses.push_back(std::move(parse));
      item.doc = std::move(doc);
    }
    pending_.push_back(std::move(item));
  }
}

bool PetrarchXmlReader::Next(InputItem* item) {
  while (pending_.empty() && !finished_) {
    const size_t lt = buf_.find('<', scan_);
    const size_t end = lt == kNpos ? kNpos : MarkupEnd(buf_, lt);
    if (end == kNpos) {
      // The markup (or the text) goes on past what was read: read on.
      const size_t keep = lt == kNpos ? buf_.size() : lt;
      if (in_record_ && !oversized_ && keep - record_start_ > kMaxRecordBytes) oversized_ = true;
      if (!in_record_ || oversized_) Discard(keep);
      scan_ = keep;
      if (Fill()) continue;
      finished_ = true;
      if (in_record_) {
        Reject(record_tag_, record_line_,
               oversized_ ? fmt::format("sentence longer than {} bytes", kMaxRecordBytes)
                          : std::string("no </Sentence> before the end of the input"));
      } else if (!seen_element_) {
        InputItem bad;
        bad.origin = name_;
        bad.error = Status::InvalidInput("not well-formed XML: no element found");
        pending_.push_back(std::move(bad));
      }
      break;
    }
    scan_ = end;
    const std::string_view markup(buf_.data() + lt, end - lt);
    bool closing = false;
    const std::string_view name = TagName(markup, &closing);
    if (name.empty()) {
      if (!seen_element_ && markup.starts_with("<?xml") && markup.size() > 5 && IsXmlSpace(markup[5]))
        NoteDeclaration(markup);
      continue;
    }
    seen_element_ = true;
    if (name != "Sentence") continue;
    const bool empty_element = !closing && markup.ends_with("/>");
    if (in_record_) {
      if (!closing) {
        depth_ += empty_element ? 0 : 1;
        continue;
      }
      if (--depth_ > 0) continue;
      in_record_ = false;
      if (oversized_ || end - record_start_ > kMaxRecordBytes) {
        oversized_ = false;
        Reject(record_tag_, record_line_, fmt::format("sentence longer than {} bytes", kMaxRecordBytes));
      } else {
        ReadRecord(std::string_view(buf_.data() + record_start_, end - record_start_), record_line_, record_offset_);
      }
      Discard(end);
      continue;
    }
    if (closing) continue;  // a stray </Sentence>
    Discard(lt);
    record_start_ = lt;
    record_line_ = line_;
    record_offset_ = base_ + lt;
    if (empty_element) {
      ReadRecord(markup, record_line_, record_offset_);
      Discard(end);
      continue;
    }
    in_record_ = true;
    depth_ = 1;
    record_tag_ = std::string(markup);
  }
  if (pending_.empty()) return false;
  *item = std::move(pending_.front());
  pending_.pop_front();
  return true;
}

}  // namespace griot

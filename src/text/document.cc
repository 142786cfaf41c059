#include "text/document.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "base/utf8.h"

namespace griot {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

constexpr std::array<std::string_view, 5> kHeaderKeys = {"title", "date", "source", "url", "id"};

bool IsHeaderLine(std::string_view line, std::string* key, std::string_view* value) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 16) return false;
  *key = Lower(Trim(line.substr(0, colon)));
  if (std::find(kHeaderKeys.begin(), kHeaderKeys.end(), *key) == kHeaderKeys.end()) return false;
  *value = Trim(line.substr(colon + 1));
  return true;
}

bool IsBlank(std::string_view s) { return Trim(s).empty(); }

}  // namespace

Result<Document> ParseTextDocument(std::string_view content, std::string id, std::string origin,
                                   std::optional<Date> fallback_date) {
  if (auto bad = FindInvalidUtf8(content)) {
    return Status::InvalidInput(fmt::format("invalid UTF-8 at byte {}", *bad));
  }
  Document doc;
  doc.id = std::move(id);
  doc.origin = std::move(origin);
  doc.date = fallback_date;
  // Skip a UTF-8 byte-order mark.
  size_t pos = content.starts_with("\xEF\xBB\xBF") ? 3 : 0;

  // Header: consecutive "Key: value" lines from the top, ended by a blank line.
  size_t scan = pos;
  bool header = false;
  while (scan < content.size()) {
    const size_t eol = std::min(content.find('\n', scan), content.size());
    std::string_view line = content.substr(scan, eol - scan);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string key;
    std::string_view value;
    if (IsBlank(line)) {
      if (header) pos = std::min(eol + 1, content.size());
      break;
    }
    if (!IsHeaderLine(line, &key, &value)) {
      if (header) {
        // A header must end with a blank line; a non-header line right after header lines
        // means the text simply starts with "Word: ..." — keep the header read so far.
        pos = scan;
      }
      break;
    }
    header = true;
    if (key == "title") doc.title = value;
    if (key == "source") doc.source = value;
    if (key == "url") doc.url = value;
    if (key == "id" && !value.empty()) doc.id = value;
    if (key == "date") {
      // Accept "2023-07-24" and "2023-07-24T10:00:00Z" (the time is ignored).
      auto d = ParseIsoDate(value.substr(0, std::min<size_t>(10, value.size())));
      if (!d) return Status::InvalidInput(fmt::format("header Date '{}' is not YYYY-MM-DD", value));
      doc.date = d;
    }
    scan = eol + 1;
    pos = std::min(scan, content.size());
  }
  if (!header) pos = content.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  doc.text_offset = pos;
  doc.text = std::string(content.substr(pos));
  if (IsBlank(doc.text)) return Status::InvalidInput("empty text");
  return doc;
}

Result<Document> ParseJsonlDocument(std::string_view line, std::string origin,
                                    std::optional<Date> fallback_date) {
  // simdjson's DOM parser validates the whole line, its UTF-8 included (unlike its on-demand API, which reads
  // only what is asked for) and is several times faster than building an nlohmann tree,
  // which was a tenth of the coding time on short documents. The parser keeps its buffers
  // between lines; the input must carry SIMDJSON_PADDING readable bytes past its end.
  thread_local simdjson::dom::parser parser;
  thread_local std::string padded;
  padded.assign(line);
  padded.resize(line.size() + simdjson::SIMDJSON_PADDING, '\0');
  simdjson::dom::element root;
  if (parser.parse(padded.data(), line.size(), false).get(root) != simdjson::SUCCESS) {
    // A line it refuses is searched for a bad byte, so that invalid UTF-8 is named as such
    // (with its place) whatever else is wrong with the line.
    if (auto bad = FindInvalidUtf8(line)) return Status::InvalidInput(fmt::format("invalid UTF-8 at byte {}", *bad));
    return Status::InvalidInput("not a JSON object (broken JSON)");
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return Status::InvalidInput("JSON value is not an object");
  Document doc;
  doc.origin = std::move(origin);
  doc.date = fallback_date;
  std::string date;
  bool has_text = false;
  // Fields are read in file order; a repeated key keeps its last value.
  for (const simdjson::dom::key_value_pair field : object) {
    std::string* out = nullptr;
    if (field.key == "id") out = &doc.id;
    else if (field.key == "text") out = &doc.text, has_text = true;
    else if (field.key == "title") out = &doc.title;
    else if (field.key == "source") out = &doc.source;
    else if (field.key == "url") out = &doc.url;
    else if (field.key == "date") out = &date;
    else continue;
    const simdjson::dom::element value = field.value;
    switch (value.type()) {
      case simdjson::dom::element_type::NULL_VALUE:
        out->clear();
        break;
      case simdjson::dom::element_type::STRING:
        out->assign(std::string_view(value));
        break;
      case simdjson::dom::element_type::INT64:
        if (out != &doc.id) return Status::InvalidInput(fmt::format("field \"{}\" is not a string", field.key));
        *out = std::to_string(int64_t(value));
        break;
      case simdjson::dom::element_type::UINT64:
        if (out != &doc.id) return Status::InvalidInput(fmt::format("field \"{}\" is not a string", field.key));
        *out = std::to_string(uint64_t(value));
        break;
      default:
        return Status::InvalidInput(fmt::format("field \"{}\" is not a string", field.key));
    }
  }
  if (!has_text) return Status::InvalidInput("missing field \"text\"");
  if (doc.id.empty()) return Status::InvalidInput("missing field \"id\"");
  if (!date.empty()) {
    auto d = ParseIsoDate(date.substr(0, std::min<size_t>(10, date.size())));
    if (!d) return Status::InvalidInput(fmt::format("field \"date\" '{}' is not YYYY-MM-DD", date));
    doc.date = d;
  }
  if (IsBlank(doc.text)) return Status::InvalidInput("empty text");
  return doc;
}

}  // namespace griot

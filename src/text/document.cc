#include "text/document.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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
  if (auto bad = FindInvalidUtf8(line)) {
    return Status::InvalidInput(fmt::format("invalid UTF-8 at byte {}", *bad));
  }
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidInput("not a JSON object (broken JSON)");
  if (!j.is_object()) return Status::InvalidInput("JSON value is not an object");
  Document doc;
  doc.origin = std::move(origin);
  doc.date = fallback_date;
  auto get_string = [&](const char* key, std::string* out) -> Status {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return Status::Ok();
    if (it->is_string()) {
      *out = std::move(it->get_ref<std::string&>());  // the parsed value is not read again
      return Status::Ok();
    }
    if (it->is_number_integer() && std::string_view(key) == "id") {
      *out = std::to_string(it->get<long long>());
      return Status::Ok();
    }
    return Status::InvalidInput(fmt::format("field \"{}\" is not a string", key));
  };
  std::string date;
  for (auto [key, out] : {std::pair{"id", &doc.id}, {"text", &doc.text}, {"title", &doc.title},
                          {"source", &doc.source}, {"url", &doc.url}, {"date", &date}}) {
    if (Status s = get_string(key, out); !s.ok()) return s;
  }
  if (!j.contains("text")) return Status::InvalidInput("missing field \"text\"");
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

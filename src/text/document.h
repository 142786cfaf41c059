// A news document as griot reads it, and the readers of griot's plain-text and JSONL inputs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"

namespace griot {

struct Document {
  std::string id;       // stable identifier: the JSONL "id", or the file name for text files
  std::string origin;   // where it came from, for messages: "examples/a.txt", "stdin:12"
  std::string title;
  std::string source;   // publisher
  std::string url;
  std::optional<Date> date;  // publication date; events default to it
  std::string text;     // the body, exactly as given (after any header)
  size_t text_offset = 0;  // byte offset of `text` in the original file (after the header)
  // Pre-parsed input (PETRARCH XML): one Penn Treebank parse per sentence. When present the
  // coder reads these instead of splitting `text`.
  std::vector<std::string> parses;
};

// Parses a text document: an optional header of "Key: value" lines (Title, Date, Source, URL,
// Id) ended by a blank line, then the body. A header is recognised only if the first line is
// such a pair with a known key. `fallback_date` applies when the header gives no date.
// Errors: invalid UTF-8 (with its byte offset), an empty body, or an unreadable Date value.
Result<Document> ParseTextDocument(std::string_view content, std::string id, std::string origin,
                                   std::optional<Date> fallback_date);

// Parses one JSONL line: {"id", "text", optional "date", "title", "source", "url"}.
// Errors name the problem (not JSON, missing "text", non-string field, bad date, empty text).
Result<Document> ParseJsonlDocument(std::string_view line, std::string origin,
                                    std::optional<Date> fallback_date);

}  // namespace griot

// Renderers of a Brief: Markdown (citations as numbered footnotes giving publisher, date and
// the exact sentence), one self-contained HTML file (inline CSS and SVG charts, no external
// reference) and JSON. Pure functions of the Brief.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brief/brief.h"

namespace griot::brief {

enum class Format { kMarkdown, kHtml, kJson };
std::optional<Format> ParseFormat(std::string_view name);  // "md", "markdown", "html", "json"

std::string RenderMarkdown(const Brief& brief);
// {"title", "subject", "window": {"from", "to", "days"} | null, "events_in_window",
//  "sections": [{"title", "sentences": [{"text", "kind", "citations": [{"event_id", "doc_id",
//  "title", "source", "url", "date", "sentence", "footnote"}]}]}]}
std::string RenderJson(const Brief& brief);
std::string RenderHtml(const Brief& brief);
std::string Render(const Brief& brief, Format format);

// The footnote numbers of a brief: each distinct report (event, document, sentence) gets one
// number, in order of first use. Shared by the Markdown and HTML renderers and the JSON
// "footnote" field.
class Footnotes {
 public:
  explicit Footnotes(const Brief& brief);
  int Number(const Citation& c) const;
  const std::vector<const Citation*>& InOrder() const { return order_; }

 private:
  std::map<std::string, int> numbers_;
  std::vector<const Citation*> order_;
};

std::string HtmlEscape(std::string_view s);

}  // namespace griot::brief

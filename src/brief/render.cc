#include "brief/render.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "brief/prose.h"

namespace griot::brief {

namespace {

std::string CitationKey(const Citation& c) { return c.event_id + "\x1f" + c.doc_id + "\x1f" + c.sentence; }

std::string MarkdownEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' || c == '>' || c == '`') out += '\\';
    out += c;
  }
  return out;
}

std::string WindowText(const Brief& b) {
  if (!b.window) return "no events on record";
  return fmt::format("{} to {} ({} days)", b.window->from.ToString(), b.window->to.ToString(), b.window->Days());
}

std::string Publisher(const Citation& c) {
  if (!c.source.empty()) return c.source;
  return "";
}

}  // namespace

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "md" || name == "markdown") return Format::kMarkdown;
  if (name == "html") return Format::kHtml;
  if (name == "json") return Format::kJson;
  return std::nullopt;
}

Footnotes::Footnotes(const Brief& brief) {
  for (const auto& s : brief.sections)
    for (const auto& sentence : s.sentences)
      for (const auto& c : sentence.citations) {
        auto [it, fresh] = numbers_.emplace(CitationKey(c), static_cast<int>(order_.size()) + 1);
        if (fresh) order_.push_back(&c);
      }
}

int Footnotes::Number(const Citation& c) const {
  auto it = numbers_.find(CitationKey(c));
  return it == numbers_.end() ? 0 : it->second;
}

// ---- Markdown -------------------------------------------------------------------------------

std::string RenderMarkdown(const Brief& brief) {
  const Footnotes notes(brief);
  std::string out = fmt::format("# {}\n\n", MarkdownEscape(brief.title));
  out += fmt::format(
      "*A brief from the griot record — {}; {} in the window. Every sentence cites the reports it rests on "
      "(footnotes give publisher, date and the exact sentence); sentences marked \"Projection:\" are not facts.*\n",
      WindowText(brief), Count(brief.events_in_window, "event", "events"));
  for (const auto& section : brief.sections) {
    out += fmt::format("\n## {}\n\n", section.title);
    for (const auto& sentence : section.sentences) {
      out += MarkdownEscape(sentence.text);
      std::vector<int> nums;
      for (const auto& c : sentence.citations) {
        const int n = notes.Number(c);
        if (std::find(nums.begin(), nums.end(), n) == nums.end()) nums.push_back(n);
      }
      for (int n : nums) out += fmt::format("[^{}]", n);
      out += "\n\n";
    }
  }
  if (!notes.InOrder().empty()) {
    out += "## Sources\n\n";
    int n = 0;
    for (const Citation* c : notes.InOrder()) {
      ++n;
      std::string where = Publisher(*c);
      if (!c->title.empty()) where += (where.empty() ? "" : ", ") + std::string("\"") + MarkdownEscape(c->title) + "\"";
      if (where.empty()) where = "document";
      out += fmt::format("[^{}]: {}, {}: \"{}\" (document `{}`, event `{}`{})\n", n, where,
                         c->date.empty() ? "undated" : c->date, MarkdownEscape(c->sentence), c->doc_id, c->event_id,
                         c->url.empty() ? "" : ", <" + c->url + ">");
    }
  }
  return out;
}

// ---- JSON -----------------------------------------------------------------------------------

std::string RenderJson(const Brief& brief) {
  const Footnotes notes(brief);
  nlohmann::ordered_json j;
  j["title"] = brief.title;
  j["subject"] = {{"kind", brief.subject_kind}, {"value", brief.subject_value}, {"name", brief.subject}};
  if (brief.window)
    j["window"] = {{"from", brief.window->from.ToString()}, {"to", brief.window->to.ToString()},
                   {"days", brief.window->Days()}};
  else
    j["window"] = nullptr;
  j["events_in_window"] = brief.events_in_window;
  auto sections = nlohmann::ordered_json::array();
  for (const auto& section : brief.sections) {
    nlohmann::ordered_json js;
    js["title"] = section.title;
    auto sentences = nlohmann::ordered_json::array();
    for (const auto& sentence : section.sentences) {
      nlohmann::ordered_json jt;
      jt["text"] = sentence.text;
      jt["kind"] = SentenceKindName(sentence.kind);
      auto cites = nlohmann::ordered_json::array();
      for (const auto& c : sentence.citations)
        cites.push_back({{"event_id", c.event_id},
                         {"doc_id", c.doc_id},
                         {"title", c.title},
                         {"source", c.source},
                         {"url", c.url},
                         {"date", c.date},
                         {"sentence", c.sentence},
                         {"footnote", notes.Number(c)}});
      jt["citations"] = std::move(cites);
      sentences.push_back(std::move(jt));
    }
    js["sentences"] = std::move(sentences);
    sections.push_back(std::move(js));
  }
  j["sections"] = std::move(sections);
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// ---- HTML -----------------------------------------------------------------------------------

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// QuadClass colours: verbal and material cooperation in greens, verbal and material conflict
// in orange and red.
constexpr const char* kQuadColour[5] = {"#999999", "#9ccc65", "#2e7d32", "#ffa726", "#c62828"};
constexpr const char* kQuadName[5] = {"", "verbal cooperation", "material cooperation", "verbal conflict",
                                      "material conflict"};

std::string TimelineSvg(const Brief& brief) {
  const auto& series = brief.series;
  if (series.empty()) return "";
  const double width = 720, height = 220, left = 40, bottom = 30, top = 10;
  int64_t max = 1;
  for (const auto& p : series) max = std::max<int64_t>(max, p.by_quad[1] + p.by_quad[2] + p.by_quad[3] + p.by_quad[4]);
  const double plot_w = width - left - 10, plot_h = height - bottom - top;
  const double bar_w = plot_w / static_cast<double>(series.size());
  std::string svg = fmt::format(
      "<svg viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"Events per {} by QuadClass\">\n",
      width, height, width, height, analysis::BucketName(brief.bucket));
  svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#555\"/>\n", left, top + plot_h,
                     width - 10, top + plot_h);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>\n", left - 4, top + 10, max);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">0</text>\n", left - 4, top + plot_h);
  for (size_t i = 0; i < series.size(); ++i) {
    const auto& p = series[i];
    double y = top + plot_h;
    const double x = left + bar_w * static_cast<double>(i) + 1;
    for (int q = 1; q <= 4; ++q) {
      if (p.by_quad[q] == 0) continue;
      const double h = plot_h * static_cast<double>(p.by_quad[q]) / static_cast<double>(max);
      y -= h;
      svg += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{}: {} {}</title></rect>\n",
          x, y, std::max(1.0, bar_w - 2), h, kQuadColour[q], HtmlEscape(p.start.ToString()), p.by_quad[q],
          kQuadName[q]);
    }
  }
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>\n", left, height - 8,
                     HtmlEscape(series.front().start.ToString()));
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>\n", width - 10, height - 8,
                     HtmlEscape(series.back().start.ToString()));
  svg += "</svg>\n";
  return svg;
}

std::string NetworkSvg(const Brief& brief) {
  const auto& net = brief.network;
  if (net.nodes.size() < 2) return "";
  const double size = 520, cx = size / 2, cy = size / 2, radius = 170;
  std::map<std::string, std::pair<double, double>> pos;
  int64_t max_node = 1, max_edge = 1;
  for (const auto& n : net.nodes) max_node = std::max(max_node, n.events);
  for (const auto& e : net.edges) max_edge = std::max(max_edge, e.events);
  for (size_t i = 0; i < net.nodes.size(); ++i) {
    const double a = 2 * M_PI * static_cast<double>(i) / static_cast<double>(net.nodes.size()) - M_PI / 2;
    pos[net.nodes[i].key] = {cx + radius * std::cos(a), cy + radius * std::sin(a)};
  }
  std::string svg = fmt::format(
      "<svg viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"Interaction network\">\n",
      size, size, size, size);
  for (const auto& e : net.edges) {
    auto a = pos.find(e.source), b = pos.find(e.target);
    if (a == pos.end() || b == pos.end()) continue;
    const double w = 1 + 5 * static_cast<double>(e.events) / static_cast<double>(max_edge);
    const char* colour = e.conflict > e.cooperation ? "#c62828" : e.cooperation > e.conflict ? "#2e7d32" : "#8d6e63";
    svg += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"{:.1f}\" "
        "stroke-opacity=\"0.6\"><title>{} - {}: {} events ({} cooperative, {} conflictual)</title></line>\n",
        a->second.first, a->second.second, b->second.first, b->second.second, colour, w, HtmlEscape(e.source),
        HtmlEscape(e.target), e.events, e.cooperation, e.conflict);
  }
  for (const auto& n : net.nodes) {
    const auto [x, y] = pos[n.key];
    const double r = 4 + 10 * std::sqrt(static_cast<double>(n.events) / static_cast<double>(max_node));
    const std::string label = n.label.empty() ? n.key : n.label;
    const bool right = x >= cx;
    svg += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"#37474f\"><title>{} ({}): {} events</title></circle>\n",
        x, y, r, HtmlEscape(label), HtmlEscape(n.code), n.events);
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"{}\">{}</text>\n",
                       x + (right ? r + 3 : -r - 3), y + 4, right ? "start" : "end", HtmlEscape(label));
  }
  svg += "</svg>\n";
  return svg;
}

constexpr const char* kCss = R"(body{font-family:Georgia,'Times New Roman',serif;max-width:860px;margin:2em auto;padding:0 1em;color:#212121;line-height:1.55}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
p.meta{color:#555;font-style:italic}p.s{margin:.5em 0}p.projection{border-left:3px solid #ffa726;padding-left:.6em}
p.absence{color:#555}sup a{text-decoration:none;color:#1565c0}figure{margin:1em 0}figcaption{font-size:.9em;color:#555}
ol.notes{font-size:.88em}ol.notes li{margin:.3em 0}.legend span{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 1em;vertical-align:middle}
code{font-size:.9em;color:#555})";

}  // namespace

std::string RenderHtml(const Brief& brief) {
  const Footnotes notes(brief);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += fmt::format("<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n", HtmlEscape(brief.title), kCss);
  out += fmt::format("<h1>{}</h1>\n", HtmlEscape(brief.title));
  out += fmt::format(
      "<p class=\"meta\">A brief from the griot record — {}; {} in the window. Every sentence cites the reports it "
      "rests on; sentences marked “Projection:” are not facts.</p>\n",
      HtmlEscape(WindowText(brief)), HtmlEscape(Count(brief.events_in_window, "event", "events")));
  for (const auto& section : brief.sections) {
    out += fmt::format("<section>\n<h2>{}</h2>\n", HtmlEscape(section.title));
    for (const auto& sentence : section.sentences) {
      out += fmt::format("<p class=\"s {}\">{}", SentenceKindName(sentence.kind), HtmlEscape(sentence.text));
      std::vector<int> nums;
      for (const auto& c : sentence.citations) {
        const int n = notes.Number(c);
        if (std::find(nums.begin(), nums.end(), n) == nums.end()) nums.push_back(n);
      }
      for (int n : nums) out += fmt::format("<sup><a href=\"#fn{0}\">[{0}]</a></sup>", n);
      out += "</p>\n";
    }
    out += "</section>\n";
  }
  const std::string timeline = TimelineSvg(brief);
  const std::string network = NetworkSvg(brief);
  if (!timeline.empty() || !network.empty()) {
    out += "<section>\n<h2>Charts</h2>\n";
    if (!timeline.empty()) {
      out += "<figure>\n" + timeline;
      out += fmt::format("<figcaption>Events per {} in the window, by QuadClass:", analysis::BucketName(brief.bucket));
      out += "<span class=\"legend\">";
      for (int q = 1; q <= 4; ++q)
        out += fmt::format("<span style=\"background:{}\"></span>{}", kQuadColour[q], kQuadName[q]);
      out += "</span></figcaption>\n</figure>\n";
    }
    if (!network.empty()) {
      out += "<figure>\n" + network;
      out += "<figcaption>The window's interaction network: the busiest actors on a circle (size: events), edges "
             "weighted by events, green where cooperation dominates, red where conflict does.</figcaption>\n</figure>\n";
    }
    out += "</section>\n";
  }
  if (!notes.InOrder().empty()) {
    out += "<section>\n<h2>Sources</h2>\n<ol class=\"notes\">\n";
    int n = 0;
    for (const Citation* c : notes.InOrder()) {
      ++n;
      std::string where = HtmlEscape(Publisher(*c));
      if (!c->title.empty()) where += (where.empty() ? "" : ", ") + std::string("<cite>") + HtmlEscape(c->title) + "</cite>";
      // URLs are shown as text, not links: the file makes no reference outside itself.
      out += fmt::format("<li id=\"fn{}\">{}{}{}: “{}” <code>document {}, event {}</code>{}</li>\n", n, where,
                         where.empty() ? "" : ", ", HtmlEscape(c->date.empty() ? "undated" : c->date),
                         HtmlEscape(c->sentence), HtmlEscape(c->doc_id), HtmlEscape(c->event_id),
                         c->url.empty() ? "" : " <code>" + HtmlEscape(c->url) + "</code>");
    }
    out += "</ol>\n</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

std::string Render(const Brief& brief, Format format) {
  switch (format) {
    case Format::kHtml: return RenderHtml(brief);
    case Format::kJson: return RenderJson(brief);
    case Format::kMarkdown: break;
  }
  return RenderMarkdown(brief);
}

}  // namespace griot::brief

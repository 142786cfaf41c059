#include "conformance/tabari_suite.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "base/strings.h"

#include "dict/dict_file.h"

namespace griot {

namespace {

namespace fs = std::filesystem;

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string_view> Lines(std::string_view content) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    if (eol == content.size()) break;
    pos = eol + 1;
  }
  return out;
}

// Reads the blocks of one comment: "{ A / B / C }", "{---}", "-{ ... }", "{ OPTION: ... }".
// An OPTION block may lack its "}" (a few do); it then ends at the end of its line.
void ReadBlocks(std::string_view comment, int first_line, TabariRecord* r) {
  size_t pos = 0;
  while (true) {
    const size_t open = comment.find('{', pos);
    if (open == std::string_view::npos) return;
    const int line = first_line + static_cast<int>(std::count(comment.begin(), comment.begin() + open, '\n'));
    const bool partial = open > 0 && comment[open - 1] == '-';
    size_t close = comment.find('}', open);
    const size_t eol = comment.find('\n', open);
    std::string_view inner;
    std::string_view probe = TrimView(comment.substr(open + 1, (eol == std::string_view::npos ? comment.size() : eol) - open - 1));
    const bool option = Upper(probe.substr(0, std::min<size_t>(probe.size(), 7))) == "OPTION:";
    if (option && (close == std::string_view::npos || (eol != std::string_view::npos && close > eol))) {
      // "{ OPTION: SET: MINIMUM WORDS = 4  */": up to the comment's end on this line.
      std::string_view rest = probe;
      if (const size_t end = rest.find("*/"); end != std::string_view::npos) rest = rest.substr(0, end);
      inner = rest;
      close = eol == std::string_view::npos ? comment.size() : eol;
    } else if (close == std::string_view::npos) {
      r->problems.push_back(fmt::format("line {}: '{{' without '}}'", line));
      return;
    } else {
      inner = comment.substr(open + 1, close - open - 1);
    }
    pos = close + (close < comment.size() ? 1 : 0);
    std::string_view body = TrimView(inner);
    if (Upper(body.substr(0, std::min<size_t>(body.size(), 7))) == "OPTION:") {
      r->options.push_back(CollapseWhitespace(TrimView(body.substr(7))));
      continue;
    }
    if (body.empty()) continue;  // "{}" in a remark ("... coded in {}]")
    if (partial) {
      // "-{": this block and every later one are not checked.
      r->partial = true;
      return;
    }
    std::string compact;
    for (char c : body)
      if (!std::isspace(static_cast<unsigned char>(c))) compact.push_back(c);
    if (compact == "---") {
      r->expect_none = true;
      continue;
    }
    if (compact == "###") {
      r->expect_discard = true;
      continue;
    }
    if (compact == "+++") {
      r->expect_complex = true;
      continue;
    }
    std::vector<std::string> fields;
    size_t start = 0;
    while (start <= body.size()) {
      size_t slash = body.find('/', start);
      if (slash == std::string_view::npos) slash = body.size();
      fields.emplace_back(TrimView(body.substr(start, slash - start)));
      start = slash + 1;
    }
    if (fields.size() != 3 || fields[0].empty() || fields[1].empty() || fields[2].empty()) {
      r->problems.push_back(fmt::format("line {}: unreadable expectation '{{{}}}'", line, body));
      continue;
    }
    r->expected.push_back({Upper(fields[0]), Upper(fields[1]), Upper(fields[2])});
  }
}

// The ID's first word with a letter ("950101 AGENTS-11" -> "AGENTS-11"), up to its '-'.
std::string CategoryOf(std::string_view id) {
  std::string_view word = id.substr(0, id.find(' '));
  size_t pos = 0;
  while (pos < id.size()) {
    size_t end = id.find(' ', pos);
    if (end == std::string_view::npos) end = id.size();
    std::string_view w = id.substr(pos, end - pos);
    if (std::any_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
      word = w;
      break;
    }
    pos = end + 1;
  }
  return std::string(word.substr(0, word.find('-')));
}

}  // namespace

std::vector<TabariRecord> ParseTabariRecords(std::string_view content, const std::string& file,
                                             std::vector<TabariRecord>* after_final,
                                             std::vector<std::string>* problems) {
  std::vector<TabariRecord> records;
  const std::vector<std::string_view> lines = Lines(content);
  bool past_final = false;
  size_t i = 0;
  while (i < lines.size()) {
    std::string_view header = lines[i];
    if (header.empty() || !std::isdigit(static_cast<unsigned char>(header.front()))) {
      ++i;
      continue;
    }
    TabariRecord r;
    r.line = static_cast<int>(i) + 1;
    size_t d = 0;
    while (d < header.size() && std::isdigit(static_cast<unsigned char>(header[d]))) ++d;
    r.date_text = std::string(header.substr(0, d));
    r.id = CollapseWhitespace(header.substr(d));
    r.category = CategoryOf(r.id);
    // TABARI reads a fixed-width date (6 digits, 8 with SET: YYYY): a 7- or 9-digit run, a
    // typing slip the suite has twice, is read by its first 6 or 8 digits.
    const size_t width = r.date_text.size() == 7 ? 6 : r.date_text.size() == 9 ? 8 : r.date_text.size();
    r.date = ParseCompactDate(std::string_view(r.date_text).substr(0, width));
    if (!r.date) {
      problems->push_back(fmt::format("{}:{}: record {}: bad date '{}' (want YYMMDD or YYYYMMDD)", file, r.line, r.id, r.date_text));
    } else if (width != r.date_text.size()) {
      problems->push_back(fmt::format("{}:{}: record {}: date '{}' has {} digits; read as '{}'", file, r.line, r.id,
                                      r.date_text, r.date_text.size(), r.date_text.substr(0, width)));
    }
    if (r.id.empty()) problems->push_back(fmt::format("{}:{}: record header has no ID", file, r.line));
    // The body runs to the next empty line; the text stops at "/*".
    ++i;
    std::string text;
    std::string comment;
    int comment_line = 0;
    bool in_comment = false;
    for (; i < lines.size() && !TrimView(lines[i]).empty(); ++i) {
      std::string_view l = lines[i];
      if (!in_comment) {
        const size_t open = l.find("/*");
        if (open == std::string_view::npos) {
          if (!text.empty()) text.push_back(' ');
          text.append(l);
          continue;
        }
        if (!text.empty()) text.push_back(' ');
        text.append(l.substr(0, open));
        in_comment = true;
        comment_line = static_cast<int>(i) + 1;
        l = l.substr(open + 2);
      }
      comment.append(l);
      comment.push_back('\n');
    }
    r.text = CollapseWhitespace(text);
    if (const size_t end = comment.rfind("*/"); end != std::string::npos) comment.resize(end);
    if (in_comment) ReadBlocks(comment, comment_line, &r);
    for (const std::string& p : r.problems) problems->push_back(fmt::format("{}: record {}: {}", file, r.id, p));
    const bool final = r.id == "FINAL-01";
    (past_final ? *after_final : records).push_back(std::move(r));
    if (final) past_final = true;
  }
  return records;
}

Result<TabariSuite> LoadTabariSuite(const std::string& path, const std::string& dict_dir) {
  TabariSuite suite;
  const fs::path given(path);
  std::string project_content;
  if (path.ends_with(".project")) {
    auto content = ReadFile(path);
    if (!content.ok()) return content.status();
    suite.project_path = path;
    project_content = std::move(*content);
  } else {
    // A .text file: use the .project beside it that names it.
    suite.text_path = path;
    std::error_code ec;
    const fs::path dir = given.has_parent_path() ? given.parent_path() : fs::path(".");
    std::vector<fs::path> projects;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".project") projects.push_back(e.path());
    std::sort(projects.begin(), projects.end());
    for (const fs::path& p : projects) {
      auto content = ReadFile(p.string());
      if (!content.ok()) continue;
      for (std::string_view l : Lines(*content)) {
        if (!TrimView(l).starts_with("<textfile>")) continue;
        if (CollapseWhitespace(TrimView(l).substr(10)) == given.filename().string()) {
          suite.project_path = p.string();
          project_content = std::move(*content);
        }
        break;
      }
      if (!suite.project_path.empty()) break;
    }
  }
  const fs::path base = !dict_dir.empty()                  ? fs::path(dict_dir)
                        : !suite.project_path.empty()       ? fs::path(suite.project_path).parent_path()
                        : given.has_parent_path()           ? given.parent_path()
                                                            : fs::path(".");
  int number = 0;
  for (std::string_view l : Lines(project_content)) {
    ++number;
    l = TrimView(l);
    if (!l.starts_with("<")) continue;
    const size_t close = l.find('>');
    if (close == std::string_view::npos) continue;
    const std::string tag = Upper(l.substr(1, close - 1));
    const std::string value = CollapseWhitespace(l.substr(close + 1));
    if (tag == "ACTORSFILE" || tag == "AGENTSFILE" || tag == "VERBSFILE" || tag == "OPTIONSFILE" || tag == "TEXTFILE") {
      if (value.empty()) {
        suite.problems.push_back(fmt::format("{}:{}: <{}> names no file", suite.project_path, number, tag));
        continue;
      }
      const std::string resolved = (base / value).string();
      if (tag == "ACTORSFILE") suite.actor_files.push_back(resolved);
      else if (tag == "AGENTSFILE") suite.agent_files.push_back(resolved);
      else if (tag == "VERBSFILE") suite.verb_files.push_back(resolved);
      else if (tag == "OPTIONSFILE") suite.options_path = resolved;
      else if (suite.text_path.empty()) {
        const fs::path text_dir = fs::path(suite.project_path).parent_path();
        suite.text_path = (text_dir / value).string();
      }
    }
  }
  if (suite.text_path.empty())
    return Status::InvalidInput(fmt::format("{}: the project names no <textfile>", suite.project_path));
  if (suite.actor_files.empty() && suite.verb_files.empty())
    suite.problems.push_back(fmt::format("{}: no .project names the dictionaries of this suite", suite.text_path));

  if (!suite.options_path.empty()) {
    auto content = ReadFile(suite.options_path);
    if (!content.ok()) return content.status();
    for (std::string_view l : Lines(*content)) {
      l = TrimView(l);
      if (l.empty() || l.starts_with("//") || l.starts_with("~~")) continue;
      if (Upper(l.substr(0, std::min<size_t>(l.size(), 6))) == "LABEL:") {
        ++suite.labels;
        continue;
      }
      suite.options.push_back(CollapseWhitespace(l));
    }
  }

  auto text = ReadFile(suite.text_path);
  if (!text.ok()) return text.status();
  suite.records = ParseTabariRecords(*text, suite.text_path, &suite.after_final, &suite.problems);
  if (suite.records.empty()) return Status::InvalidInput(fmt::format("{}: no records", suite.text_path));
  return suite;
}

bool LooksLikeTabariSuite(const std::string& path) {
  if (path.ends_with(".project") || path.ends_with(".text")) return true;
  if (path.ends_with(".xml")) return false;
  auto content = ReadFile(path);
  if (!content.ok()) return false;
  for (char c : *content) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    return c != '<';
  }
  return false;
}

}  // namespace griot

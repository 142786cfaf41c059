#include "dict/dict_file.h"

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "base/utf8.h"

namespace griot {

std::string DictIssue::ToString() const { return fmt::format("{}:{}: {}", file, line, reason); }

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

DictSyntax DetectDictSyntax(std::string_view file, std::string_view content) {
  for (std::string_view ext : {".actors", ".verbs", ".agents"})
    if (file.ends_with(ext)) return DictSyntax::kTabari;
  // Content markers, only at the start of a line.
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = TrimView(content.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.starts_with("~~FINISH")) return DictSyntax::kTabari;
    std::string name;
    bool closing = false;
    if (ParseSectionTag(line, &name, &closing) &&
        (name == "NOUN" || name == "ADJECTIVE" || name == "SYNSETS" || name == "TIME"))
      return DictSyntax::kTabari;
  }
  return DictSyntax::kPetrarch;
}

bool ParseSectionTag(std::string_view text, std::string* name, bool* closing) {
  text = TrimView(text);
  if (text.size() < 3 || text.front() != '<' || text.back() != '>') return false;
  std::string_view inner = text.substr(1, text.size() - 2);
  *closing = !inner.empty() && inner.front() == '/';
  if (*closing) inner.remove_prefix(1);
  if (inner.empty()) return false;
  name->clear();
  for (char c : inner) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    name->push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return true;
}

std::vector<DictLine> ReadDictLines(std::string_view content, DictSyntax syntax) {
  std::vector<DictLine> out;
  bool in_comment = false;
  int number = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view raw = content.substr(pos, eol - pos);
    ++number;
    pos = eol + 1;
    std::string line;
    // Remove <!-- ... --> blocks, which may span lines.
    size_t i = 0;
    while (i < raw.size()) {
      if (in_comment) {
        const size_t close = raw.find("-->", i);
        if (close == std::string_view::npos) {
          i = raw.size();
        } else {
          in_comment = false;
          i = close + 3;
        }
        continue;
      }
      const size_t open = raw.find("<!--", i);
      if (open == std::string_view::npos) {
        line.append(raw.substr(i));
        break;
      }
      line.append(raw.substr(i, open - i));
      in_comment = true;
      i = open + 4;
    }
    if (syntax == DictSyntax::kTabari) {
      // ";" starts a comment; a line starting with "#" is a commented-out entry; "~~" (the
      // "~~FINISH" stamp TABARI writes when it saves a dictionary) ends the file.
      if (const size_t semi = line.find(';'); semi != std::string::npos) line.resize(semi);
      const std::string_view head = TrimView(line);
      if (head.starts_with("#")) line.clear();
      if (head.starts_with("~~")) break;
    } else {
      // "#" starts a comment unless it is inside a code bracket ("[###]").
      int depth = 0;
      for (size_t k = 0; k < line.size(); ++k) {
        if (line[k] == '[') ++depth;
        if (line[k] == ']' && depth > 0) --depth;
        if (line[k] == '#' && depth == 0) {
          line.resize(k);
          break;
        }
      }
    }
    const bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    std::string_view trimmed = TrimView(line);
    if (!trimmed.empty()) out.push_back({number, indented, std::string(trimmed)});
    if (eol == content.size()) break;
  }
  return out;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(fmt::format("{}: read failed", path));
  return ss.str();
}

bool InTabariWordList(const std::vector<std::string>& words, std::string_view key) {
  for (const std::string& raw : words) {
    std::string w = FoldKey(raw);
    const bool whole = !w.empty() && (w.back() == '_' || w.back() == '=');
    while (!w.empty() && (w.back() == '_' || w.back() == '=' || w.back() == '~')) w.pop_back();
    if (w.empty() || w.find('_') != std::string::npos) continue;
    if (whole ? key == w : key.starts_with(w)) return true;
  }
  return false;
}

}  // namespace griot

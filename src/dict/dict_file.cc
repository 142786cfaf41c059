#include "dict/dict_file.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace griot {

std::string DictIssue::ToString() const { return fmt::format("{}:{}: {}", file, line, reason); }

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<DictLine> ReadDictLines(std::string_view content) {
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

}  // namespace griot

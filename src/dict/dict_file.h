// Reading TABARI/PETRARCH-family dictionary files: logical lines with their line numbers,
// comments removed, and the problems found on the way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace griot {

// One problem in a dictionary file, reported as "file:line: reason". Loading goes on.
struct DictIssue {
  std::string file;
  int line = 0;
  std::string reason;
  std::string ToString() const;
};

struct DictLine {
  int number = 0;         // 1-based line number in the file
  bool indented = false;  // the raw line started with a space or tab
  std::string text;       // the line without comments, trimmed
};

// Splits `content` into non-empty logical lines, dropping "#" comments and <!-- --> blocks.
std::vector<DictLine> ReadDictLines(std::string_view content);

// Reads a whole file; NotFound / IoError on failure.
Result<std::string> ReadFile(const std::string& path);

std::string_view TrimView(std::string_view s);

}  // namespace griot

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

// The two dialects of the dictionary format.
//   kPetrarch: griot's own files and PETRARCH's (*.txt). "#" starts a comment anywhere outside
//              a code bracket ("[###]" is a code); <!-- --> blocks are comments.
//   kTabari:   TABARI's files (*.actors, *.verbs, *.agents, no ".txt"). ";" starts a comment
//              anywhere; a line whose first non-blank character is "#" is a commented-out
//              entry; a line starting with "~~" (TABARI's "~~FINISH" stamp) ends the file.
//              Section tags such as <NOUN>, <ADJECTIVE>, <SYNSETS> and <TIME> are lines of
//              their own, read by each dictionary.
enum class DictSyntax { kPetrarch, kTabari };

// The dialect of a dictionary file: kTabari for a name ending in ".actors", ".verbs" or
// ".agents" (without ".txt"), or for content with a TABARI section tag (<NOUN>, <ADJECTIVE>,
// <SYNSETS>, <TIME> at the start of a line) or the "~~FINISH" stamp; kPetrarch otherwise.
DictSyntax DetectDictSyntax(std::string_view file, std::string_view content);

// Splits `content` into non-empty logical lines with the comments of `syntax` removed.
std::vector<DictLine> ReadDictLines(std::string_view content, DictSyntax syntax = DictSyntax::kPetrarch);

// A TABARI section tag ("<NOUN>", "</TIME>"): the upper-cased name ("NOUN") and whether it
// closes the section; false if `text` is not a lone tag.
bool ParseSectionTag(std::string_view text, std::string* name, bool* closing);

// Reads a whole file; NotFound / IoError on failure.
Result<std::string> ReadFile(const std::string& path);

std::string_view TrimView(std::string_view s);

// True if `key` (a FoldKey) is a word of `words`, a TABARI <NOUN> or <ADJECTIVE> list: an
// entry ending in "_" or "=" matches the word whole ("FORCES_"), a bare one as a stem
// ("EVIL" matches "evils"); entries of several words are not single words and never match.
bool InTabariWordList(const std::vector<std::string>& words, std::string_view key);

}  // namespace griot

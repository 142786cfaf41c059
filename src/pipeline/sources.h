// Where documents come from: text files (one document each, optional header), directories
// of them, JSON lines, or standard input. Every item is either a document or a rejection
// naming the input and the reason; a source never stops on bad input.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "text/document.h"

namespace griot {

struct InputItem {
  std::string origin;              // "path/file.txt", "stdin", "feed.jsonl:12"
  std::optional<Document> doc;     // set when the input was read
  Status error;                    // set when it was rejected
};

class DocumentSource {
 public:
  virtual ~DocumentSource() = default;
  // Fills `item` with the next input; false at the end.
  virtual bool Next(InputItem* item) = 0;
};

enum class InputFormat { kText, kJsonl, kPetrarchXml };

// PETRARCH XML: every <Sentence> (with <Text> and a Treebank <Parse>) is one document whose
// id is the sentence id, read one at a time (memory does not grow with the file); a sentence
// that is not well-formed XML is one rejected input, and the file reads on
// (pipeline/petrarch_xml_reader.h).
// Paths may be files or directories (read recursively: *.txt for text, *.jsonl for JSONL, in
// sorted order); "-" or an empty list means standard input.
std::unique_ptr<DocumentSource> MakeSource(InputFormat format, std::vector<std::string> paths,
                                           std::optional<Date> fallback_date);

}  // namespace griot

// PETRARCH XML read as a stream: one <Sentence> element at a time, so memory stays flat
// whatever the size of the file. The input is read in chunks; each complete
// <Sentence>...</Sentence> element (comments, CDATA sections and quoted attribute values
// taken into account when looking for its end) is handed to pugixml alone. What lies between
// sentences (the <Sentences> root, other elements, text) is skipped unread.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <deque>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "pipeline/sources.h"

namespace griot {

class PetrarchXmlReader {
 public:
  // The longest <Sentence> element read; a longer one is rejected and skipped (a parse is a
  // few kilobytes; this bounds the memory a hostile or broken file can take).
  static constexpr size_t kMaxRecordBytes = size_t{16} << 20;

  // Reads `in` (which must outlive the reader), named `name` in origins and messages: every
  // <Sentence> (with <Text> and a Treebank <Parse>) is one document whose id is the sentence
  // id, origin "name#id". Rejected, each alone, with the reason: a sentence that is not
  // well-formed XML (with its line and byte offset), has no <Parse> or no id, is longer than
  // kMaxRecordBytes, or is cut off by the end of the input (those without a readable id are
  // named "name:line"); an input holding no XML element at all is one rejection. A file
  // declared ISO-8859-1 (<?xml ... encoding="ISO-8859-1"?>) is read as such; otherwise UTF-8.
  // `chunk_bytes` is the read size (small values are for tests).
  PetrarchXmlReader(std::istream* in, std::string name, std::optional<Date> fallback_date,
                    size_t chunk_bytes = size_t{1} << 16);

  // Fills `item` with the next sentence or rejection; false at the end of the input.
  bool Next(InputItem* item);

 private:
  bool Fill();                     // reads a chunk; false at the end of the input
  void Discard(size_t pos);        // drops buf_[head_, pos), counting its lines
  void NoteDeclaration(std::string_view pi);
  void ReadRecord(std::string_view record, size_t line, size_t offset);
  void Reject(std::string_view start_tag, size_t line, std::string message);

  std::istream* in_;
  std::string name_;
  std::optional<Date> date_;
  size_t chunk_bytes_;
  pugi::xml_encoding encoding_ = pugi::encoding_utf8;
  pugi::xpath_query sentences_;  // "//Sentence", compiled once

  std::string buf_;        // unread input from head_ on (compacted when a chunk is read)
  size_t head_ = 0;        // first byte still needed
  size_t base_ = 0;        // file offset of buf_[0]
  size_t line_ = 1;        // line of buf_[head_]
  size_t scan_ = 0;        // where the search for the next markup resumes
  bool eof_ = false;
  bool seen_element_ = false;
  bool finished_ = false;

  // The <Sentence> element being read.
  bool in_record_ = false;
  bool oversized_ = false;  // longer than kMaxRecordBytes: skipped to its end, then rejected
  size_t record_start_ = 0;
  size_t record_line_ = 0;
  size_t record_offset_ = 0;
  std::string record_tag_;  // its start tag, kept for messages when the record is skipped
  int depth_ = 0;           // open <Sentence> elements inside the record

  std::deque<InputItem> pending_;
};

}  // namespace griot

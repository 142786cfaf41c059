// The deep parsing mode on raw text (`--parser link`): each sentence the raw-text front end
// built (tokens, tagger tags) is parsed by Link Grammar (structure/link_parser.h) before it
// is coded, with the dictionaries' multi-word names joined into single words first. A
// sentence the parser cannot structure in time, or at all, keeps the fast path's structure;
// every outcome is counted.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dict/dictionary_set.h"
#include "structure/link_parser.h"
#include "structure/sentence.h"

namespace griot {

// Multi-word names the dictionaries know in `s`: the longest actor or agent phrase at each
// position, of two tokens or more, all words (no punctuation, no possessive), starting and
// ending with a capitalised word ("Wagner Group", "Human Rights Watch", "Islamic State in
// the Greater Sahara"; not "security forces"). In order, not overlapping.
std::vector<TokenRange> DictionaryNameSpans(const Sentence& s, const DictionarySet& dicts);

struct DeepParseCounts {
  uint64_t sentences = 0;    // sentences given to the parser
  uint64_t parsed = 0;       // coded from Link Grammar's tree
  uint64_t timeouts = 0;     // over the time limit: fast path
  uint64_t no_linkage = 0;   // no complete linkage: fast path
  uint64_t too_long = 0;     // longer than LinkParserOptions::max_tokens: fast path
  uint64_t unmapped = 0;     // linkage not mappable to the tokens: fast path
  uint64_t names_joined = 0; // dictionary names joined before parsing
  double parse_seconds = 0;  // time inside the parser, summed over threads
  uint64_t fallbacks() const { return timeouts + no_linkage + too_long + unmapped; }
  // "120 sentences: 95 parsed, 3 timed out, 22 without a complete linkage ... (41.2 sentences/s)"
  std::string ToString() const;
};

class DeepParser {
 public:
  explicit DeepParser(std::shared_ptr<const LinkParser> parser) : parser_(std::move(parser)) {}

  // Parses each sentence; on success its tree and tags are Link Grammar's, otherwise it is
  // left as it was. Thread-safe.
  void ParseSentences(const DictionarySet& dicts, std::vector<Sentence>* sentences) const;

  DeepParseCounts counts() const;
  const LinkParser& parser() const { return *parser_; }

 private:
  std::shared_ptr<const LinkParser> parser_;
  mutable std::atomic<uint64_t> sentences_{0}, parsed_{0}, timeouts_{0}, no_linkage_{0}, too_long_{0},
      unmapped_{0}, names_joined_{0}, parse_microseconds_{0};
};

// The parser for a `--parser` value: "fast" gives null (no deep parse), "link" loads Link
// Grammar with `max_parse_seconds` per sentence. Errors: another name, or Link Grammar
// unavailable (the message says how to install it).
Result<std::shared_ptr<const DeepParser>> MakeDeepParser(std::string_view name, int max_parse_seconds);

}  // namespace griot

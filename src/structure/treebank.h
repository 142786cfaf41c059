// Penn Treebank constituency parses ("(ROOT (S (NP (NNP Arnor)) (VP ...)))"), as PETRARCH
// input carries them, read into the Sentence structure the coding engine reads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "structure/sentence.h"

namespace griot {

struct ParseNode {
  std::string label;        // "NP", "VP", "S", ... or the POS tag of a leaf's pre-terminal
  int parent = -1;
  std::vector<int> children;
  uint32_t first_token = 0;  // tokens [first_token, end_token) under this node
  uint32_t end_token = 0;
  bool preterminal = false;  // (TAG word)
};

struct ParseTree {
  std::vector<ParseNode> nodes;  // nodes[0] is the root
};

struct ParsedSentence {
  std::string text;                 // the words joined by single spaces
  std::vector<std::string> words;   // as in the parse, with -LRB-/-RRB- restored to ( )
  std::vector<std::string> tags;    // one per word
  std::shared_ptr<ParseTree> tree;
};

// Reads one parse. Errors (with the byte offset): unbalanced parentheses, an empty parse, a
// node without a label, text after the root.
Result<ParsedSentence> ParseTreebank(std::string_view parse);

// The Sentence (tokens with offsets into `parsed.text`, tags and tree) for the engine.
Sentence SentenceFromParse(const ParsedSentence& parsed, uint32_t index);

}  // namespace griot

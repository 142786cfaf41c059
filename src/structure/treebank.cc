#include "structure/treebank.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "base/utf8.h"

namespace griot {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view RestoreBracket(std::string_view word) {
  if (word.empty() || (word[0] != '-' && word[0] != '`' && word[0] != '\'')) return word;
  if (word == "-LRB-" || word == "-LCB-" || word == "-LSB-") return "(";
  if (word == "-RRB-" || word == "-RCB-" || word == "-RSB-") return ")";
  if (word == "``" || word == "''") return "\"";
  return word;
}

}  // namespace

// A hand-written reader: the format is a tiny s-expression grammar with no library in Debian
// worth a dependency, and errors must name the offset of the problem.
Result<ParsedSentence> ParseTreebank(std::string_view s) {
  ParsedSentence out;
  out.tree = std::make_shared<ParseTree>();
  auto& nodes = out.tree->nodes;
  // One node per '(' at most: sized once, not grown. Words (one per word node) are usually
  // fewer than half the nodes, and their vectors small enough to come from the allocator's
  // per-thread cache.
  const size_t opens = static_cast<size_t>(std::count(s.begin(), s.end(), '('));
  nodes.reserve(opens);
  out.words.reserve(opens / 2 + 1);
  out.tags.reserve(opens / 2 + 1);
  // Children are listed once the tree is read (see below); this counts them meanwhile.
  std::vector<uint32_t> child_count;
  child_count.reserve(opens);
  std::vector<int> stack;
  size_t i = 0;
  bool done = false;
  while (i < s.size()) {
    const char c = s[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (done) return Status::InvalidInput(fmt::format("text after the end of the parse at byte {}", i));
    if (c == '(') {
      ++i;
      while (i < s.size() && IsSpace(s[i])) ++i;
      size_t j = i;
      while (j < s.size() && !IsSpace(s[j]) && s[j] != '(' && s[j] != ')') ++j;
      std::string_view label = s.substr(i, j - i);
      if (label.empty() && stack.empty() && j < s.size() && s[j] == '(') label = "ROOT";
      if (label.empty()) return Status::InvalidInput(fmt::format("node without a label at byte {}", i));
      if (stack.empty() && !nodes.empty())
        return Status::InvalidInput(fmt::format("more than one tree at byte {}", i - 1));
      const int id = static_cast<int>(nodes.size());
      ParseNode& node = nodes.emplace_back();
      node.label = label;
      node.parent = stack.empty() ? -1 : stack.back();
      node.first_token = static_cast<uint32_t>(out.words.size());
      child_count.push_back(0);
      if (node.parent >= 0) ++child_count[static_cast<size_t>(node.parent)];
      stack.push_back(id);
      i = j;
      // A word directly inside: "(NNP Arnor)".
      while (i < s.size() && IsSpace(s[i])) ++i;
      if (i < s.size() && s[i] != '(' && s[i] != ')') {
        size_t k = i;
        while (k < s.size() && !IsSpace(s[k]) && s[k] != ')' && s[k] != '(') ++k;
        ParseNode& pre = nodes[static_cast<size_t>(id)];
        pre.preterminal = true;
        out.words.emplace_back(RestoreBracket(s.substr(i, k - i)));
        out.tags.push_back(pre.label);
        i = k;
        while (i < s.size() && IsSpace(s[i])) ++i;
        if (i >= s.size() || s[i] != ')')
          return Status::InvalidInput(fmt::format("word node '{}' has more than one word at byte {}", pre.label, i));
      }
      continue;
    }
    if (c == ')') {
      if (stack.empty()) return Status::InvalidInput(fmt::format("unbalanced ')' at byte {}", i));
      nodes[static_cast<size_t>(stack.back())].end_token = static_cast<uint32_t>(out.words.size());
      stack.pop_back();
      if (stack.empty()) done = true;
      ++i;
      continue;
    }
    return Status::InvalidInput(fmt::format("word outside a node at byte {}", i));
  }
  if (nodes.empty()) return Status::InvalidInput("empty parse");
  if (!stack.empty()) return Status::InvalidInput(fmt::format("{} unclosed '('", stack.size()));
  if (out.words.empty()) return Status::InvalidInput("parse has no words");
  // Nodes are stored in reading order, so listing each under its parent in turn keeps the
  // children in order.
  for (size_t n = 0; n < nodes.size(); ++n) nodes[n].children.reserve(child_count[n]);
  for (size_t n = 1; n < nodes.size(); ++n)
    nodes[static_cast<size_t>(nodes[n].parent)].children.push_back(static_cast<int>(n));
  size_t length = out.words.size();
  for (const std::string& w : out.words) length += w.size();
  out.text.reserve(length);
  for (size_t w = 0; w < out.words.size(); ++w) {
    if (w) out.text.push_back(' ');
    out.text += out.words[w];
  }
  return out;
}

Sentence SentenceFromParse(const ParsedSentence& parsed, uint32_t index) {
  Sentence s;
  s.index = index;
  s.begin = 0;
  s.end = static_cast<uint32_t>(parsed.text.size());
  s.text = parsed.text;
  s.tags = parsed.tags;
  s.tree = parsed.tree;
  uint32_t offset = 0;
  s.tokens.reserve(parsed.words.size());
  for (const std::string& w : parsed.words) {
    Token t;
    t.begin = offset;
    t.end = offset + static_cast<uint32_t>(w.size());
    offset = t.end + 1;
    t.key = FoldKey(w);
    const unsigned char c0 = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
    const bool alnum = std::isalnum(c0) || c0 >= 0x80;
    t.kind = !alnum ? TokenKind::kPunct
             : (w.find_first_not_of("0123456789.,") == std::string::npos) ? TokenKind::kNumber
                                                                          : TokenKind::kWord;
    t.capitalized = c0 >= 'A' && c0 <= 'Z';
    int letters = 0, upper = 0;
    for (unsigned char ch : w) {  // ASCII letters, as std::isalpha/isupper in the "C" locale
      const bool is_upper = ch >= 'A' && ch <= 'Z';
      if (is_upper || (ch >= 'a' && ch <= 'z')) {
        ++letters;
        upper += is_upper ? 1 : 0;
      }
    }
    t.all_caps = letters >= 2 && letters == upper;
    t.abbreviation = w.size() > 1 && w.back() == '.';
    s.tokens.push_back(std::move(t));
  }
  return s;
}

}  // namespace griot

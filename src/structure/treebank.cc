#include "structure/treebank.h"

#include <cctype>

#include <fmt/format.h>

#include "base/utf8.h"

namespace griot {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string RestoreBracket(std::string word) {
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
      ParseNode node;
      node.label = std::string(s.substr(i, j - i));
      node.parent = stack.empty() ? -1 : stack.back();
      node.first_token = static_cast<uint32_t>(out.words.size());
      if (node.label.empty() && stack.empty() && j < s.size() && s[j] == '(') node.label = "ROOT";
      if (node.label.empty()) return Status::InvalidInput(fmt::format("node without a label at byte {}", i));
      if (stack.empty() && !nodes.empty())
        return Status::InvalidInput(fmt::format("more than one tree at byte {}", i - 1));
      const int id = static_cast<int>(nodes.size());
      if (node.parent >= 0) nodes[static_cast<size_t>(node.parent)].children.push_back(id);
      nodes.push_back(std::move(node));
      stack.push_back(id);
      i = j;
      // A word directly inside: "(NNP Arnor)".
      while (i < s.size() && IsSpace(s[i])) ++i;
      if (i < s.size() && s[i] != '(' && s[i] != ')') {
        size_t k = i;
        while (k < s.size() && !IsSpace(s[k]) && s[k] != ')' && s[k] != '(') ++k;
        ParseNode& pre = nodes[static_cast<size_t>(id)];
        pre.preterminal = true;
        out.words.push_back(RestoreBracket(std::string(s.substr(i, k - i))));
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
    for (unsigned char ch : w) {
      if (std::isalpha(ch)) {
        ++letters;
        upper += std::isupper(ch) ? 1 : 0;
      }
    }
    t.all_caps = letters >= 2 && letters == upper;
    t.abbreviation = w.size() > 1 && w.back() == '.';
    s.tokens.push_back(std::move(t));
  }
  return s;
}

}  // namespace griot

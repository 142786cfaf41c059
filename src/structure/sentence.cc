#include "structure/sentence.h"

#include <algorithm>

#include "text/sentence_splitter.h"

namespace griot {

namespace {

// Where to cut a run-on span of tokens [first, end) that is longer than kMaxSentenceTokens:
// after the last ";", ":" or "," in the second half of the window, else at the window's end.
// Cutting keeps coding linear in the length of the input (the role search is quadratic in the
// tokens of one sentence) while still coding the words of a table or an unpunctuated dump.
uint32_t RunOnCut(const std::vector<Token>& tokens, std::string_view text, uint32_t first, uint32_t end) {
  const uint32_t limit = std::min<uint32_t>(end, first + kMaxSentenceTokens);
  if (limit == end) return end;
  for (uint32_t i = limit; i > first + kMaxSentenceTokens / 2; --i) {
    const Token& t = tokens[i - 1];
    const std::string_view w = text.substr(t.begin, t.end - t.begin);
    if (w == ";" || w == ":" || w == ",") return i;
  }
  return limit;
}

}  // namespace

std::vector<Sentence> BuildSentences(const Document& doc) {
  std::vector<Token> tokens = Tokenize(doc.text);
  std::vector<SentenceSpan> spans = SplitSentences(doc.text, tokens);
  std::vector<Sentence> out;
  out.reserve(spans.size());
  for (const SentenceSpan& whole : spans) {
    for (uint32_t first = whole.first_token; first < whole.end_token;) {
      const uint32_t cut = RunOnCut(tokens, doc.text, first, whole.end_token);
      SentenceSpan span = whole;
      if (first != whole.first_token) span.begin = tokens[first].begin;
      if (cut != whole.end_token) span.end = tokens[cut - 1].end;
      span.first_token = first;
      span.end_token = cut;
      first = cut;

      Sentence s;
      s.index = static_cast<uint32_t>(out.size());
      s.begin = span.begin;
      s.end = span.end;
      s.text = std::string_view(doc.text).substr(span.begin, span.end - span.begin);
      s.tokens.assign(std::make_move_iterator(tokens.begin() + span.first_token),
                      std::make_move_iterator(tokens.begin() + span.end_token));
      for (Token& t : s.tokens) {
        t.begin -= span.begin;
        t.end -= span.begin;
      }
      HashTokenKeys(&s);
      out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace griot

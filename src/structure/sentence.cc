#include "structure/sentence.h"

#include "text/sentence_splitter.h"

namespace griot {

std::vector<Sentence> BuildSentences(const Document& doc) {
  std::vector<Token> tokens = Tokenize(doc.text);
  std::vector<SentenceSpan> spans = SplitSentences(doc.text, tokens);
  std::vector<Sentence> out;
  out.reserve(spans.size());
  for (const SentenceSpan& span : spans) {
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
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace griot

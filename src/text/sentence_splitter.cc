#include "text/sentence_splitter.h"

#include <algorithm>
#include <array>

namespace griot {

namespace {

bool IsTerminal(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (t.key == "." || t.key == "!" || t.key == "?" || t.key == "..." || t.key == "\xE2\x80\xA6");
}
bool IsCloser(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (t.key == "\"" || t.key == "'" || t.key == ")" || t.key == "]" || t.key == "\xE2\x80\x9D");
}
bool IsDash(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.key == "-" || t.key == "--" || t.key == "\xE2\x80\x94" ||
                                         t.key == "\xE2\x80\x93");
}
bool CanStartSentence(const Token& t) {
  if (t.kind == TokenKind::kNumber) return true;
  if (t.kind == TokenKind::kWord) return t.capitalized;
  return t.key == "\"" || t.key == "(" || t.key == "'" || IsDash(t);
}

// Abbreviations that also end sentences: country and organisation initials, company suffixes.
bool CanEndSentence(const Token& t) {
  if (!t.abbreviation) return false;
  static constexpr std::array<std::string_view, 14> kEnders = {
      "u.s.", "u.n.", "u.k.", "e.u.", "inc.", "ltd.", "co.", "corp.", "jr.", "sr.", "etc.",
      "a.m.", "p.m.", "d.c."};
  return std::find(kEnders.begin(), kEnders.end(), t.key) != kEnders.end();
}

// Words that typically open a sentence: after "U.S." they signal a boundary.
bool IsSentenceOpener(const Token& t) {
  static constexpr std::array<std::string_view, 40> kOpeners = {
      "a",     "after", "although", "an",    "and",     "as",   "at",     "but",
      "by",    "despite", "during", "for",   "he",      "her",  "his",    "however",
      "i",     "if",    "in",       "it",    "its",     "last", "meanwhile", "on",
      "one",   "others", "she",     "since", "some",    "that", "the",    "their",
      "there", "these", "they",     "this",  "those",   "we",   "when",   "while"};
  return t.kind == TokenKind::kWord && t.capitalized &&
         std::find(kOpeners.begin(), kOpeners.end(), t.key) != kOpeners.end();
}

// If a paragraph opens with a dateline, returns the index of the first token after its dash.
uint32_t SkipDateline(const std::vector<Token>& tokens, uint32_t start) {
  constexpr uint32_t kMaxDatelineTokens = 14;
  if (start >= tokens.size() || !tokens[start].all_caps) return start;
  for (uint32_t i = start + 1; i < tokens.size() && i < start + kMaxDatelineTokens; ++i) {
    if (tokens[i].paragraph_start || IsTerminal(tokens[i])) return start;
    if (IsDash(tokens[i])) {
      // Require "PLACE," right after the first word(s): "BAMAKO, Mali —" / "BAMAKO (Reuters) —".
      bool comma_or_paren = false;
      for (uint32_t k = start + 1; k < i; ++k)
        comma_or_paren |= tokens[k].key == "," || tokens[k].key == "(";
      if (!comma_or_paren && i != start + 1) return start;
      return i + 1 < tokens.size() ? i + 1 : start;
    }
  }
  return start;
}

// A heading on a line of its own ("Beyond the Headlines"): a short line without final
// punctuation whose words are capitalised, followed by a line starting with a capital.
bool EndsHeadingLine(const std::vector<Token>& tokens, uint32_t start, uint32_t i) {
  constexpr uint32_t kMaxHeadingTokens = 10;
  if (i + 1 >= tokens.size() || !tokens[i + 1].line_start || !CanStartSentence(tokens[i + 1])) return false;
  uint32_t line_begin = i;
  while (line_begin > start && !tokens[line_begin].line_start) --line_begin;
  if (!tokens[line_begin].line_start || i + 1 - line_begin > kMaxHeadingTokens) return false;
  if (tokens[i].kind == TokenKind::kPunct) return false;
  uint32_t words = 0, capitalised = 0;
  for (uint32_t k = line_begin; k <= i; ++k) {
    if (tokens[k].kind != TokenKind::kWord) continue;
    ++words;
    capitalised += tokens[k].capitalized || tokens[k].key.size() <= 3 ? 1 : 0;  // "of", "the"
  }
  return words > 0 && tokens[line_begin].capitalized && capitalised == words;
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<SentenceSpan> out;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  uint32_t start = 0;
  auto emit = [&](uint32_t first, uint32_t end_tok) {
    if (first >= end_tok) return;
    SentenceSpan s;
    s.first_token = first;
    s.end_token = end_tok;
    s.begin = tokens[first].begin;
    s.end = tokens[end_tok - 1].end;
    out.push_back(s);
  };
  uint32_t i = 0;
  while (i < n) {
    if (i == start && tokens[i].paragraph_start) {
      start = SkipDateline(tokens, i);
      i = start;
      if (i >= n) break;
    }
    const Token& t = tokens[i];
    uint32_t end_tok = 0;  // one past the sentence's last token, if it ends here
    if (IsTerminal(t) || CanEndSentence(t)) {
      uint32_t j = i + 1;
      while (j < n && IsCloser(tokens[j]) && !tokens[j].paragraph_start) ++j;
      if (j >= n || tokens[j].paragraph_start) {
        end_tok = j;
      } else if (IsTerminal(t) && CanStartSentence(tokens[j])) {
        end_tok = j;
      } else if (!IsTerminal(t) && IsSentenceOpener(tokens[j])) {
        end_tok = j;
      }
    }
    if (end_tok == 0 && i + 1 < n && tokens[i + 1].paragraph_start) end_tok = i + 1;
    if (end_tok == 0 && EndsHeadingLine(tokens, start, i)) end_tok = i + 1;
    if (end_tok == 0 && i + 1 == n) end_tok = n;
    if (end_tok != 0) {
      emit(start, end_tok);
      start = end_tok;
      i = end_tok;
      continue;
    }
    ++i;
  }
  (void)text;
  return out;
}

}  // namespace griot

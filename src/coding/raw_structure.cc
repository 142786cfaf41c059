#include "coding/raw_structure.h"

#include "coding/mentions.h"

namespace griot {

std::vector<TokenSpan> DictionaryPhraseSpans(const Sentence& s, const DictionarySet& dicts, const Document& doc) {
  std::vector<TokenSpan> spans;
  for (const ActorMention& m : FindMentions(s, dicts, doc.date))
    if (!m.agent_first) spans.emplace_back(m.first, m.end);  // "the president of Mali": two phrases
  return spans;
}

namespace {

// Token normalisation for the phrase-structure path. Splits negative contractions the way
// Treebank parses write them ("didn't" -> "did" "n't",
// "won't" -> "wo" "n't", "can't" -> "ca" "n't"), the forms PETRARCH dictionaries spell
// ("+DID N'T"). The first part keeps the word's tag, "n't" is an adverb (RB).
void NormalizeTokens(Sentence* s, std::vector<PosTag>* tags) {
  bool any = false;
  for (const Token& t : s->tokens) any |= (t.key.size() > 3 && t.key.ends_with("n't")) || t.key == "_";
  if (!any) return;
  std::vector<Token> tokens;
  std::vector<PosTag> out_tags;
  tokens.reserve(s->tokens.size() + 2);
  for (size_t i = 0; i < s->tokens.size(); ++i) {
    const Token& t = s->tokens[i];
    const std::string_view text = s->text.substr(t.begin, t.end - t.begin);
    // An underscore joining two words ("Dol_Amroth", a dictionary's way of writing a
    // phrase) is dropped: the words are read as one phrase.
    if (t.key == "_" && i > 0 && i + 1 < s->tokens.size() && s->tokens[i - 1].end == t.begin &&
        s->tokens[i + 1].begin == t.end)
      continue;
    size_t suffix = 0;  // bytes of "n't" in the text: 3, or 5 with a curly apostrophe
    if (text.size() > 3 && text.substr(text.size() - 3) == "n't") suffix = 3;
    else if (text.size() > 5 && text.substr(text.size() - 5) == "n\xE2\x80\x99t") suffix = 5;
    if (t.key.size() <= 3 || !t.key.ends_with("n't") || suffix == 0 || (!IsVerbTag((*tags)[i]) &&
        (*tags)[i] != PosTag::kMD)) {
      tokens.push_back(t);
      out_tags.push_back((*tags)[i]);
      continue;
    }
    Token head = t, neg = t;
    head.end = t.end - static_cast<uint32_t>(suffix);
    head.key = t.key.substr(0, t.key.size() - 3);
    neg.begin = head.end;
    neg.key = "n't";
    neg.capitalized = false;
    neg.paragraph_start = neg.line_start = false;
    tokens.push_back(std::move(head));
    out_tags.push_back((*tags)[i]);
    tokens.push_back(std::move(neg));
    out_tags.push_back(PosTag::kRB);
  }
  s->tokens = std::move(tokens);
  HashTokenKeys(s);
  *tags = std::move(out_tags);
}

}  // namespace

std::vector<Sentence> BuildRawSentences(const Document& doc, const DictionarySet& dicts, bool phrase_structure) {
  std::vector<Sentence> sentences = BuildSentences(doc);
  if (!dicts.tagger) return sentences;
  for (Sentence& s : sentences) {
    std::vector<PosTag> tags = dicts.tagger->TagSentence(s.tokens, s.text, s.key_hashes);
    if (phrase_structure) NormalizeTokens(&s, &tags);
    s.tags.reserve(tags.size());
    for (PosTag t : tags) s.tags.emplace_back(PosTagName(t));
    if (phrase_structure) s.tree = BuildPhraseTree(s.tokens, tags, DictionaryPhraseSpans(s, dicts, doc));
  }
  return sentences;
}

}  // namespace griot

#include "structure/sentence.h"

#include <gtest/gtest.h>

#include <string>

#include "coding/coder.h"
#include "dict/dictionary_set.h"

namespace griot {
namespace {

Document MakeDoc(std::string text) {
  Document d;
  d.id = "doc";
  d.text = std::move(text);
  return d;
}

// A run-on "sentence" of `bytes` bytes: news words, no full stop, a comma now and then.
std::string RunOn(size_t bytes) {
  const char* words[] = {"the", "Malian", "army", "attacked", "Wagner", "fighters", "near", "Gao",
                         "and",  "said",   "Goïta", "—",       "U.S.",   "officials", "in", "Ménaka,"};
  std::string out;
  for (size_t i = 0; out.size() < bytes; ++i) {
    out += words[(i * 7 + i / 16) % 16];
    out += ' ';
  }
  return out;
}

TEST(BuildSentences, OrdinarySentencesAreKeptWhole) {
  Document d = MakeDoc("Mali's army attacked rebels near Kidal. The United States imposed sanctions on Sadio Camara.");
  auto s = BuildSentences(d);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].text, "Mali's army attacked rebels near Kidal.");
  EXPECT_EQ(s[1].index, 1u);
  EXPECT_EQ(s[1].text.substr(0, 17), "The United States");
}

TEST(BuildSentences, KeyHashesAreTheTokensHashes) {
  Document d = MakeDoc("Mali's army attacked rebels near Kidal. " + RunOn(3000));
  for (Sentence& s : BuildSentences(d)) {
    ASSERT_EQ(s.key_hashes.size(), s.tokens.size());
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      ASSERT_EQ(s.key_hashes[i], HashKey(s.tokens[i].key)) << s.tokens[i].key;
      ASSERT_EQ(KeyHash(s, i), HashKey(s.tokens[i].key));
    }
    // Tokens changed without the hashes refilled: KeyHash hashes them itself.
    s.tokens.pop_back();
    for (size_t i = 0; i < s.tokens.size(); ++i) ASSERT_EQ(KeyHash(s, i), HashKey(s.tokens[i].key));
  }
}

TEST(BuildSentences, TenMegabyteSentenceIsCutIntoBoundedContiguousPieces) {
  Document d = MakeDoc(RunOn(10u << 20));
  auto sentences = BuildSentences(d);
  ASSERT_GT(sentences.size(), 1000u);
  uint32_t last_end = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    ASSERT_EQ(s.index, i);
    ASSERT_LE(s.tokens.size(), kMaxSentenceTokens);
    ASSERT_FALSE(s.tokens.empty());
    ASSERT_GE(s.begin, last_end);
    ASSERT_LE(s.end, d.text.size());
    // Token offsets are relative to the piece and point at the same bytes as in the text.
    const Token& t = s.tokens.back();
    ASSERT_LE(t.end, s.text.size());
    ASSERT_EQ(s.text.substr(t.begin, t.end - t.begin),
              std::string_view(d.text).substr(s.begin + t.begin, t.end - t.begin));
    last_end = s.end;
  }
  // Pieces end after a comma when one is available in the second half of the window.
  EXPECT_EQ(sentences[0].text.back(), ',');
}

TEST(BuildSentences, RunOnTextIsCodedPieceByPiece) {
  DictionaryOptions options;
  options.data_dir = GRIOT_SOURCE_DATA_DIR;
  options.load_gazetteer = false;
  auto dicts = LoadDictionaries(options);
  ASSERT_TRUE(dicts.ok()) << dicts.status().message();
  Coder coder(*dicts);
  Document d = MakeDoc(RunOn(1u << 20));
  DocumentResult r = coder.CodeDocument(d);
  EXPECT_GT(r.sentences, 100u);
  EXPECT_FALSE(r.events.empty());
  for (const Event& e : r.events) ASSERT_LT(e.sentence_index, r.sentences);
}

}  // namespace
}  // namespace griot

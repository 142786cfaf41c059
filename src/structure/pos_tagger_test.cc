#include "structure/pos_tagger.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "base/snapshot.h"
#include "text/tokenizer.h"

namespace griot {
namespace {

// ---- a tiny hand-made model: the decoder and the file format ----------------------------
// Classes 0 DT, 1 NN, 2 VBP, 3 PRP, 4 PUNC. Counts: DT is followed by NN, PRP by VBP.
constexpr std::string_view kTinyModel =
    "# comment\n"
    "griot-pos-model\t1\n"
    "classes\tDT NN VBP PRP PUNC\n"
    "t\t4\t4\t0\t10\n"
    "t\t4\t4\t3\t10\n"
    "t\t4\t0\t1\t10\n"
    "t\t4\t3\t2\t10\n"
    "t\t0\t1\t4\t10\n"
    "t\t3\t2\t0\t10\n"
    "t\t2\t0\t1\t10\n"
    "t\t1\t4\t4\t20\n"
    "w\tthe\tDT=20\n"
    "w\tthey\tPRP=10\n"
    "w\tattack\tNN=5 VBP=5\n"
    "w\tbase\tNN=10\n"
    "w\t.\tPUNC=20\n"
    "n\tattack\tnv\n"
    "x\tattacks\tv\tattack\n"
    "end\n";

std::vector<std::string> Tags(const PosTagger& tagger, std::string_view text) {
  std::vector<std::string> out;
  for (PosTag t : tagger.TagSentence(Tokenize(text), text)) out.emplace_back(PosTagName(t));
  return out;
}

TEST(PosTagNames, RoundTrip) {
  for (int i = 0; i < kPosTagCount; ++i) {
    const auto tag = static_cast<PosTag>(i);
    ASSERT_EQ(ParsePosTag(PosTagName(tag)), tag) << PosTagName(tag);
  }
  EXPECT_EQ(PosTagName(PosTag::kPRPS), "PRP$");
  EXPECT_EQ(PosTagName(PosTag::kLeftBracket), "-LRB-");
  EXPECT_FALSE(ParsePosTag("AUXZ").has_value());
  EXPECT_TRUE(IsVerbTag(PosTag::kVBD));
  EXPECT_FALSE(IsVerbTag(PosTag::kMD));
  EXPECT_TRUE(IsNounTag(PosTag::kNNPS));
  EXPECT_TRUE(IsProperNounTag(PosTag::kNNP));
  EXPECT_FALSE(IsProperNounTag(PosTag::kNN));
  EXPECT_TRUE(IsAdjectiveTag(PosTag::kJJS));
}

TEST(PosTaggerTinyModel, ContextDecidesAmbiguousWord) {
  auto tagger = PosTagger::LoadFromString(kTinyModel, "tiny");
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  EXPECT_EQ(tagger->lexicon_size(), 5u);
  EXPECT_TRUE(tagger->IsKnownWord("attack"));
  EXPECT_FALSE(tagger->IsKnownWord("attacks"));
  EXPECT_EQ(Tags(*tagger, "the attack."), (std::vector<std::string>{"DT", "NN", "."}));
  EXPECT_EQ(Tags(*tagger, "they attack the base."), (std::vector<std::string>{"PRP", "VBP", "DT", "NN", "."}));
  EXPECT_TRUE(tagger->TagSentence({}).empty());
}

TEST(PosTaggerTinyModel, SnapshotGivesTheSameTags) {
  namespace fs = std::filesystem;
  const fs::path path = fs::temp_directory_path() / ("griot_tiny_model_" + std::to_string(::getpid()) + ".txt");
  const fs::path snapshot = SnapshotPathFor(path.string());
  std::ofstream(path, std::ios::binary) << kTinyModel;
  fs::remove(snapshot);
  const std::vector<std::string> sentences = {"They attack the base .", "The attack .", "They attacks .", "Who knows ?"};
  auto parsed = PosTagger::LoadFile(path.string());
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_FALSE(fs::exists(snapshot));  // written only when asked for

  auto first = PosTagger::LoadFile(path.string(), {}, true);  // derives and writes
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(fs::exists(snapshot));
  auto second = PosTagger::LoadFile(path.string(), {}, true);  // reads the snapshot
  ASSERT_TRUE(second.ok());
  for (const std::string& s : sentences) {
    EXPECT_EQ(Tags(*first, s), Tags(*parsed, s)) << s;
    EXPECT_EQ(Tags(*second, s), Tags(*parsed, s)) << s;
    EXPECT_EQ(second->ExplainSentence(Tokenize(s), s), parsed->ExplainSentence(Tokenize(s), s)) << s;
  }
  EXPECT_EQ(second->lexicon_size(), parsed->lexicon_size());
  EXPECT_EQ(second->wordnet_lemma_count(), parsed->wordnet_lemma_count());

  // Other options derive other tables: the snapshot is not read for them.
  PosTaggerOptions other;
  other.prune_ratio = 0.5;
  auto with_other = PosTagger::LoadFile(path.string(), other, true);
  auto other_parsed = PosTagger::LoadFile(path.string(), other);
  ASSERT_TRUE(with_other.ok() && other_parsed.ok());
  for (const std::string& s : sentences)
    EXPECT_EQ(with_other->ExplainSentence(Tokenize(s), s), other_parsed->ExplainSentence(Tokenize(s), s)) << s;

  // A damaged snapshot is passed over: the model is derived from the file again.
  fs::resize_file(snapshot, fs::file_size(snapshot) / 2);
  auto after_damage = PosTagger::LoadFile(path.string(), {}, true);
  ASSERT_TRUE(after_damage.ok());
  for (const std::string& s : sentences) EXPECT_EQ(Tags(*after_damage, s), Tags(*parsed, s)) << s;
  fs::remove(path);
  fs::remove(snapshot);
}

TEST(PosTaggerTinyModel, ErrorsNameTheLine) {
  auto bad_header = PosTagger::LoadFromString("hello\n", "m.txt");
  ASSERT_FALSE(bad_header.ok());
  EXPECT_EQ(bad_header.status().code(), StatusCode::kParseError);
  EXPECT_NE(bad_header.status().message().find("m.txt:1:"), std::string::npos) << bad_header.status().message();

  auto bad_class = PosTagger::LoadFromString("griot-pos-model\t1\nclasses\tNN XYZ PUNC\nend\n", "m.txt");
  ASSERT_FALSE(bad_class.ok());
  EXPECT_NE(bad_class.status().message().find("m.txt:2: unknown class 'XYZ'"), std::string::npos)
      << bad_class.status().message();

  auto bad_count = PosTagger::LoadFromString("griot-pos-model\t1\nclasses\tNN PUNC\nw\tx\tNN=abc\nend\n", "m.txt");
  ASSERT_FALSE(bad_count.ok());
  EXPECT_NE(bad_count.status().message().find("m.txt:3:"), std::string::npos) << bad_count.status().message();

  std::string truncated(kTinyModel.substr(0, kTinyModel.size() - 4));  // no "end"
  auto cut = PosTagger::LoadFromString(truncated, "m.txt");
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().message().find("truncated"), std::string::npos);

  auto missing = PosTagger::LoadFile("/nonexistent/pos_model.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("setup.sh"), std::string::npos);
}

// ---- the generated model (data/generated, made by scripts/setup.sh) -----------------------

const PosTagger* RealTagger() {
  static const auto* tagger = []() -> const PosTagger* {
    const std::string path = std::string(GRIOT_SOURCE_DATA_DIR) + "/" + std::string(PosTagger::kModelRelativePath);
    if (!std::filesystem::exists(path)) return nullptr;
    auto loaded = PosTagger::LoadFile(path);
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().ToString();
      return nullptr;
    }
    return new PosTagger(std::move(loaded).value());
  }();
  return tagger;
}

#define REQUIRE_MODEL()                                                              \
  const PosTagger* tagger = RealTagger();                                            \
  if (!tagger) GTEST_SKIP() << "no data/generated/pos_model.txt: run scripts/setup.sh"

// Tag of the token with key `key` (first occurrence).
std::string TagOf(const PosTagger& tagger, std::string_view text, std::string_view key) {
  const auto tokens = Tokenize(text);
  const auto tags = tagger.TagSentence(tokens, text);
  for (size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].key == key) return std::string(PosTagName(tags[i]));
  return "(no token " + std::string(key) + ")";
}

TEST(PosTaggerModel, NewsSentence) {
  REQUIRE_MODEL();
  const std::string_view s = "The U.S. Treasury sanctioned Mali's Defense Minister Sadio Camara on Friday.";
  EXPECT_EQ(Tags(*tagger, s), (std::vector<std::string>{"DT", "NNP", "NNP", "VBD", "NNP", "POS", "NNP", "NNP",
                                                        "NNP", "NNP", "IN", "NNP", "."}));
}

TEST(PosTaggerModel, VerbOrNounByContext) {
  REQUIRE_MODEL();
  EXPECT_EQ(TagOf(*tagger, "The attack killed 12 soldiers.", "attack"), "NN");
  EXPECT_EQ(TagOf(*tagger, "Militants attack army posts every week.", "attack"), "VBP");
  EXPECT_EQ(TagOf(*tagger, "The talks addressed security issues in the region.", "issues"), "NNS");
  EXPECT_EQ(TagOf(*tagger, "The army reports heavy losses.", "reports"), "VBZ");
  EXPECT_EQ(TagOf(*tagger, "The army controls the town.", "controls"), "VBZ");
  EXPECT_EQ(TagOf(*tagger, "Lawyers raised legal questions about the trial.", "questions"), "NNS");
  EXPECT_EQ(TagOf(*tagger, "Gunmen killed 30 villagers near Bandiagara.", "killed"), "VBD");
  EXPECT_EQ(TagOf(*tagger, "Thirty villagers were killed near Bandiagara.", "killed"), "VBN");
}

TEST(PosTaggerModel, UnknownNamesAndWords) {
  REQUIRE_MODEL();
  const std::string_view s = "Colonel Assimi Goïta met JNIM envoys in Ménaka.";
  EXPECT_EQ(TagOf(*tagger, s, "goita"), "NNP");
  EXPECT_EQ(TagOf(*tagger, s, "jnim"), "NNP");
  EXPECT_EQ(TagOf(*tagger, s, "menaka"), "NNP");
  // Words the lexicon lacks, decided by suffixes and WordNet.
  EXPECT_EQ(TagOf(*tagger, "Mali expels the French ambassador.", "expels"), "VBZ");
  EXPECT_EQ(TagOf(*tagger, "The junta detained two jihadists.", "jihadists"), "NNS");
  EXPECT_EQ(TagOf(*tagger, "Soldiers overthrew the president.", "overthrew"), "VBD");
  EXPECT_EQ(TagOf(*tagger, "The fighters of al-Qaeda retreated.", "al-qaeda"), "NNP");
  EXPECT_EQ(TagOf(*tagger, "He arrived on 12 March with 1,200 troops.", "1,200"), "CD");
}

TEST(PosTaggerModel, HeadlineCapitalisation) {
  REQUIRE_MODEL();
  EXPECT_EQ(TagOf(*tagger, "Mali Junta Expels French Ambassador", "expels"), "VBZ");
}

TEST(PosTaggerModel, TokenizationQuirks) {
  REQUIRE_MODEL();
  // Curly quotes arrive as '"'; spacing says open or close.
  EXPECT_EQ(Tags(*tagger, "\u201cWe will fight,\u201d he said."),
            (std::vector<std::string>{"``", "PRP", "MD", "VB", ",", "''", "PRP", "VBD", "."}));
  // A bare apostrophe after a plural marks possession.
  EXPECT_EQ(TagOf(*tagger, "The soldiers' families protested.", "'"), "POS");
  // Contractions stay one token and take their verb's tag.
  EXPECT_EQ(TagOf(*tagger, "The army didn't comment.", "didn't"), "VBD");
  EXPECT_EQ(TagOf(*tagger, "The army can't comment.", "can't"), "MD");
  // "'s" after a pronoun is the verb.
  EXPECT_EQ(TagOf(*tagger, "He said it's over.", "'s"), "VBZ");
  // Possessive pronouns.
  EXPECT_EQ(TagOf(*tagger, "The army and its allies advanced.", "its"), "PRP$");
  EXPECT_EQ(TagOf(*tagger, "Gunmen killed her husband.", "her"), "PRP$");
  EXPECT_EQ(TagOf(*tagger, "Gunmen abducted her.", "her"), "PRP");
  // Brackets and dashes.
  EXPECT_EQ(Tags(*tagger, "JNIM (an alliance) killed ten soldiers \u2014 again."),
            (std::vector<std::string>{"NNP", "-LRB-", "DT", "NN", "-RRB-", "VBD", "CD", "NNS", ":", "RB", "."}));
}

TEST(PosTaggerModel, ConcurrentTaggingIsConsistent) {
  REQUIRE_MODEL();
  const std::vector<std::string> sentences = {
      "Gunmen killed 132 civilians in attacks on the village of Diallassagou.",
      "ECOWAS lifted the sanctions it imposed on Mali in January.",
      "The junta said it would consult political parties and civil society.",
  };
  std::vector<std::vector<PosTag>> expected;
  for (const auto& s : sentences) expected.push_back(tagger->TagSentence(Tokenize(s), s));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round)
        for (size_t i = 0; i < sentences.size(); ++i)
          if (tagger->TagSentence(Tokenize(sentences[i]), sentences[i]) != expected[i]) ++mismatches[t];
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace griot

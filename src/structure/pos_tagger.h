// Part-of-speech tags for griot's tokens: a second-order (trigram) hidden Markov model
// decoded with Viterbi, in the manner of TnT (Brants 2000).
//
// Model (built at set-up time by tools/tagger/build_model.mjs into data/generated/; format
// and sources in docs/tagger.md):
//  * tag transitions: P(t3 | t1, t2) from the festlex-poslex tag trigram counts (Penn
//    Treebank WSJ), linear interpolation of unigram, bigram and trigram estimates with
//    weights found by deleted interpolation;
//  * known words: tag counts recovered from the festlex-poslex lexicon (~33k words), smoothed
//    with the unknown-word model so that a rare word can take a tag its few occurrences
//    never showed ("sanctioned" as VBD, not only VBN);
//  * unknown words: a suffix model (tags of rare lexicon words by their final letters,
//    longer suffixes backing off to shorter ones with Witten-Bell weights; separate for
//    words with digits, hyphenated words and others), softly restricted
//    to the parts of speech WordNet allows for the word or its inflected base ("expels" ->
//    expel, a verb only -> VBZ), and capitalisation (a capitalised word inside a sentence
//    is most often a proper noun: Goïta, Ménaka, JNIM).
//
// griot's tokenization is handled as it comes: possessive "'s" and a bare "'" after a plural
// are tokens (POS when they mark possession), abbreviations keep their period ("u.s.",
// "gen."), curly quotes arrive as '"' (open or close is read from the spacing), contractions
// stay one token ("didn't" is tagged as its verb: VBD; "they're" as its pronoun: PRP).
//
// Thread-safety: a loaded PosTagger is immutable; TagSentence is const and may be called
// from any number of threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "text/tokenizer.h"

namespace griot {

// Penn Treebank part-of-speech tags (the punctuation tags included).
enum class PosTag : uint8_t {
  kNN, kNNS, kNNP, kNNPS,                     // nouns: common, plural, proper, plural proper
  kVB, kVBD, kVBG, kVBN, kVBP, kVBZ,          // verbs: base, past, gerund, participle, present
  kMD,                                        // modal
  kIN, kTO, kDT, kPDT, kCC, kCD, kEX, kRP,    // preposition, to, determiner, predeterminer...
  kJJ, kJJR, kJJS,                            // adjectives
  kRB, kRBR, kRBS,                            // adverbs
  kPRP, kPRPS, kWDT, kWP, kWPS, kWRB,         // pronouns (PRP$, WP$), wh-words
  kPOS, kFW, kUH, kSYM, kLS,                  // possessive 's, foreign word, interjection...
  kComma, kPeriod, kColon,                    // , . (also ? !) : (also ; - -- ...)
  kOpenQuote, kCloseQuote,                    // `` ''
  kLeftBracket, kRightBracket,                // -LRB- -RRB-
  kDollar, kHash,                             // $ #
};
inline constexpr int kPosTagCount = static_cast<int>(PosTag::kHash) + 1;

// The Penn name: "NN", "PRP$", ",", "``", "-LRB-"...
std::string_view PosTagName(PosTag tag);
// Inverse of PosTagName; nullopt for anything else.
std::optional<PosTag> ParsePosTag(std::string_view name);

// VB VBD VBG VBN VBP VBZ (not MD).
bool IsVerbTag(PosTag tag);
// NN NNS NNP NNPS.
bool IsNounTag(PosTag tag);
// NNP NNPS.
bool IsProperNounTag(PosTag tag);
// JJ JJR JJS.
bool IsAdjectiveTag(PosTag tag);

// Tuning of the word models. The defaults are the measured best on the development set
// (docs/tagger.md); callers normally leave them alone.
struct PosTaggerOptions {
  // Weight, in counts, of the unknown-word model inside a known word's tag distribution:
  // P(t|w) = (c(w,t) + known_smoothing * P_unknown(t|w)) / (c(w) + known_smoothing).
  double known_smoothing = 1.0;
  // Suffix model: lexicon words seen at most this often train it; longest suffix used.
  int rare_word_max_count = 10;
  int max_suffix_length = 8;
  // Factor on the suffix model for a tag WordNet does not allow for a word it knows (proper
  // nouns and numbers are never restricted).
  double wordnet_outside_factor = 0.05;
  // Capitalisation inside a sentence. The lexicon is lower-cased, so capitalisation enters
  // as a factor P(capitalised | tag) on each tag of a capitalised word: 1 for NNP/NNPS, and
  // for adjectives (nationalities are capitalised), common nouns and all other tags:
  double capitalized_adjective_factor = 0.1;
  double capitalized_noun_factor = 0.01;
  double capitalized_other_factor = 0.001;
  // An all-capitals word (acronyms: JNIM, ECOWAS) takes this further factor on non-proper tags.
  double all_caps_factor = 0.1;
  // A lower-case word: factor on NNP/NNPS.
  double lowercase_proper_factor = 0.005;
  // A capitalised word opening the sentence counts only when it is unknown to the lexicon and
  // not an ordinary (lower-case) WordNet word; then the factors above apply raised to this
  // power (1: as inside a sentence).
  double initial_unknown_exponent = 1.0;
  // A capitalised known word inside a sentence: P(NNP | word) is at least this.
  double capitalized_proper_floor = 0.05;
  // Candidate tags of a word whose probability is below this fraction of its best tag's
  // are dropped before decoding (speed).
  double prune_ratio = 1e-3;
};

class PosTagger {
 public:
  // The model's path inside griot's data directory.
  static constexpr std::string_view kModelRelativePath = "generated/pos_model.txt";

  // Reads a model file written by tools/tagger/build_model.mjs. Errors name the file and
  // line; a missing file says how to generate it.
  // With `use_snapshot`, the tables derived from the file are read from its snapshot beside
  // it (PATH.griot-snapshot, base/snapshot.h) when one matches the file and these options,
  // and a snapshot is written when none does: later loads skip deriving them.
  static Result<PosTagger> LoadFile(const std::string& path, const PosTaggerOptions& options = {},
                                    bool use_snapshot = false);
  // Same from text in memory; `name` stands for the file in messages.
  static Result<PosTagger> LoadFromString(std::string_view text, std::string_view name,
                                          const PosTaggerOptions& options = {});

  PosTagger(PosTagger&&) noexcept;
  PosTagger& operator=(PosTagger&&) noexcept;
  ~PosTagger();

  // One tag per token, for the tokens of one sentence (as Tokenize or BuildSentences make
  // them). An empty sentence gives an empty vector. `text`, when given, is the text the
  // token offsets refer to (Sentence::text): it lets the tagger see capitals inside a word
  // ("al-Qaeda"), which the lower-cased keys lose. `key_hashes`, when it has one entry per
  // token, holds HashKey of each key (Sentence::key_hashes), made once for every stage.
  std::vector<PosTag> TagSentence(const std::vector<Token>& tokens, std::string_view text = {},
                                  std::span<const uint64_t> key_hashes = {}) const;

  // Diagnostics: each token's candidate tags with their emission scores (log P(t|w) -
  // log P(t) plus capitalisation factors; higher is likelier), as the decoder sees them.
  // PUNC candidates show as ".", OF as IN.
  std::vector<std::vector<std::pair<PosTag, float>>> ExplainSentence(const std::vector<Token>& tokens,
                                                                     std::string_view text = {}) const;

  // True if `key` (a FoldKey) is in the lexicon, i.e. its tags come from observed counts.
  bool IsKnownWord(std::string_view key) const;
  // Sizes, for reports.
  size_t lexicon_size() const;
  size_t wordnet_lemma_count() const;

  struct Model;  // defined in pos_tagger.cc

 private:
  explicit PosTagger(std::unique_ptr<const Model> model);
  std::unique_ptr<const Model> model_;
};

}  // namespace griot

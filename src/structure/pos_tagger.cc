// The trigram HMM tagger: model loading (counts -> probabilities), the word models and
// Viterbi decoding. docs/tagger.md describes the model and its measured accuracy.
//
// Hand-written rather than taken from a library: Debian ships no C++ tagger with an English
// model (see docs/tagger.md), and the decoder is ~100 lines.
#include "structure/pos_tagger.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <span>
#include <sstream>
#include <unordered_map>

#include "base/snapshot.h"
#include "base/strings.h"

namespace griot {
namespace {

constexpr std::array<std::string_view, kPosTagCount> kTagNames = {
    "NN", "NNS", "NNP", "NNPS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "IN", "TO",
    "DT", "PDT", "CC", "CD", "EX", "RP", "JJ", "JJR", "JJS", "RB", "RBR", "RBS", "PRP",
    "PRP$", "WDT", "WP", "WP$", "WRB", "POS", "FW", "UH", "SYM", "LS", ",", ".", ":", "``",
    "''", "-LRB-", "-RRB-", "$", "#"};

// Deliberately not noexcept: libstdc++ then stores each key's hash in its node, so a probe
// compares stored hashes instead of rehashing every string along the bucket chain.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

// An open-addressed string table for the look-ups made per token: one hash and (nearly
// always) one slot instead of a bucket chain. Filled key by key while the model loads; each
// key's bytes must outlive the table (the model keeps its file's text for them).
template <typename T>
class FlatStringTable {
 public:
  // Room for `n` keys without growing.
  void Reserve(size_t n) {
    if (n * 2 > slots_.size()) Rehash(n * 2);
  }
  // The value of `key`, added (value-initialized; *inserted set) if missing. The reference is
  // valid until the next Insert.
  T& Insert(std::string_view key, bool* inserted = nullptr) {
    if ((size_ + 1) * 2 > slots_.size()) Rehash((size_ + 1) * 2);
    if (key.data() == nullptr) key = std::string_view("", 0);  // a null key marks an empty slot
    if (inserted) *inserted = false;
    const uint64_t h = Hash(key);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (!s.key) {
        s = Slot{h, key.data(), static_cast<uint32_t>(key.size()), T{}};
        ++size_;
        if (inserted) *inserted = true;
        return s.value;
      }
      if (s.hash == h && std::string_view(s.key, s.size) == key) return s.value;
    }
  }
  // Starts fetching the slot where `key` would be (a hint for an Insert or Find soon after:
  // filling a table of ~100,000 keys otherwise waits on memory at nearly every key).
  void Prefetch(std::string_view key) const { PrefetchHash(Hash(key)); }
  void PrefetchHash(uint64_t h) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & (slots_.size() - 1)]);
  }
  const T* Find(std::string_view key) const { return Find(key, Hash(key)); }
  // The same with `h`, the key's HashKey, made by the caller (who may have fetched its slot
  // ahead with PrefetchHash).
  const T* Find(std::string_view key, uint64_t h) const {
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.key) return nullptr;
      if (s.hash == h && SameKey(std::string_view(s.key, s.size), key)) return &s.value;
    }
  }
  size_t size() const { return size_; }
  // True when every value is below `limit` (a check of a restored table's indexes).
  bool ValuesBelow(T limit) const {
    return std::all_of(slots_.begin(), slots_.end(), [&](const Slot& s) { return !s.key || s.value < limit; });
  }

  // Snapshots: the slots, each key as its offset in `base`, which holds every key's bytes
  // (the model's text). Save returns false if a key lies outside it; Restore returns false
  // on a broken snapshot.
  bool Save(std::string_view base, SnapshotWriter* out) const {
    std::vector<SavedSlot> saved(slots_.size());
    for (size_t i = 0; i < slots_.size(); ++i) {
      const Slot& s = slots_[i];
      if (!s.key) continue;
      if (s.size > 0 && (s.key < base.data() || s.key + s.size > base.data() + base.size())) return false;
      saved[i] = SavedSlot{s.hash, s.size > 0 ? static_cast<uint32_t>(s.key - base.data()) : 0, s.size, 1, s.value};
    }
    out->Array(saved);
    return true;
  }
  bool Restore(std::string_view base, SnapshotReader* in) {
    std::vector<SavedSlot> saved;
    if (!in->Array(&saved) || (saved.size() & (saved.size() - 1)) != 0) return false;
    SnapshotReader::SizeForFill(&slots_, saved.size());
    size_ = 0;
    for (size_t i = 0; i < saved.size(); ++i) {
      const SavedSlot& s = saved[i];
      if (!s.used) continue;
      if (s.offset > base.size() || s.size > base.size() - s.offset) return false;
      slots_[i] = Slot{s.hash, base.data() + s.offset, s.size, s.value};
      ++size_;
    }
    return true;
  }

 private:
  struct SavedSlot {
    uint64_t hash = 0;
    uint32_t offset = 0, size = 0;
    uint8_t used = 0;
    T value{};
  };
  struct Slot {
    uint64_t hash = 0;
    const char* key = nullptr;  // null: empty slot
    uint32_t size = 0;
    T value{};
  };
  static uint64_t Hash(std::string_view key) { return HashKey(key); }
  // Adds a key known to be missing.
  void Put(uint64_t h, std::string_view key, const T& value) {
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].key) i = (i + 1) & mask;
    slots_[i] = Slot{h, key.data(), static_cast<uint32_t>(key.size()), value};
    ++size_;
  }
  // A power of two of at least max(64, `min_slots`) slots, the keys moved over.
  void Rehash(size_t min_slots) {
    size_t size = 64;
    while (size < min_slots) size *= 2;
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(size, Slot{});
    size_ = 0;
    for (const Slot& s : old)
      if (s.key) Put(s.hash, std::string_view(s.key, s.size), s.value);
  }
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

// Lists of lists laid out flat: list i is items[start[i] .. start[i + 1]). One allocation for
// all of them instead of one per list (the lexicon has ~50,000 words), written to a snapshot
// as two arrays.
template <typename T>
struct FlatLists {
  std::vector<uint32_t> start{0};
  std::vector<T> items;
  size_t size() const { return start.size() - 1; }
  std::span<const T> operator[](size_t i) const { return {items.data() + start[i], start[i + 1] - start[i]}; }
  void Append(std::span<const T> list) {
    items.insert(items.end(), list.begin(), list.end());
    start.push_back(static_cast<uint32_t>(items.size()));
  }
  // True when the offsets are those of lists over `items` (a check of a snapshot's).
  bool Consistent() const {
    if (start.empty() || start.front() != 0 || start.back() != items.size()) return false;
    for (size_t i = 1; i < start.size(); ++i)
      if (start[i - 1] > start[i]) return false;
    return true;
  }
};
// A word class and its count in the lexicon or a suffix model.
struct ClassCount {
  uint8_t cls = 0;
  double n = 0;
};
struct ClassWeight {
  uint8_t cls = 0;
  float n = 0;
};

constexpr float kNegInf = -std::numeric_limits<float>::infinity();
constexpr size_t kMaxCandidates = 12;  // per token, after pruning (bounds Viterbi's cost)

// WordNet part-of-speech bits.
constexpr uint8_t kWnNoun = 1, kWnVerb = 2, kWnAdj = 4, kWnAdv = 8;
constexpr uint8_t kWnProperAdjective = 16;  // WordNet writes the adjective with a capital
constexpr uint8_t kWnLowerCase = 32;        // WordNet writes the lemma in lower case somewhere

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool HasLetterOrDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || u >= 0x80;
  });
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::string_view PosTagName(PosTag tag) { return kTagNames[static_cast<size_t>(tag)]; }

std::optional<PosTag> ParsePosTag(std::string_view name) {
  for (size_t i = 0; i < kTagNames.size(); ++i)
    if (kTagNames[i] == name) return static_cast<PosTag>(i);
  return std::nullopt;
}

bool IsVerbTag(PosTag t) { return t >= PosTag::kVB && t <= PosTag::kVBZ; }
bool IsNounTag(PosTag t) { return t >= PosTag::kNN && t <= PosTag::kNNPS; }
bool IsProperNounTag(PosTag t) { return t == PosTag::kNNP || t == PosTag::kNNPS; }
bool IsAdjectiveTag(PosTag t) { return t >= PosTag::kJJ && t <= PosTag::kJJS; }

// ---------------------------------------------------------------------------------------
struct PosTagger::Model {
  PosTaggerOptions options;
  // Unique per loaded model in the process: keys the per-thread unknown-word cache.
  uint64_t serial = 0;

  // HMM classes: Penn tags, plus PUNC (all punctuation; the output tag is read from the
  // word) and OF (the word "of"; output IN). At most 64 so that a class set is a bitmask.
  int k = 0;
  std::vector<std::string> class_names;
  std::vector<PosTag> class_tag;
  int punc = -1, nnp = -1, nnps = -1, cd = -1, prp = -1, wp = -1;
  uint64_t proper_mask = 0;     // NNP NNPS
  uint64_t adjective_mask = 0;  // JJ JJR JJS
  uint64_t unrestricted = 0;    // never restricted by WordNet: NNP NNPS CD
  std::array<int, kPosTagCount> class_of_tag{};  // -1 when the model lacks the tag

  std::vector<float> trans;     // log P(c | a, b) at (a*k + b)*k + c
  std::vector<float> start;     // log P(c) for the first token (after a virtual PUNC)
  std::vector<double> prior;    // P(c)
  std::vector<float> log_prior;

  struct Candidate {
    uint8_t cls;
    float score;  // log P(t|w) - log P(t): the emission up to a per-token constant
  };
  FlatStringTable<uint32_t> word_table;  // key -> lexicon index (keys in `text`)
  // Per lexicon word: its tag counts as read, and its key.
  FlatLists<ClassCount> word_counts;
  std::vector<std::string_view> word_keys;  // in `text`

  // Suffix models, one per word shape: P(t | suffix) estimated from the rare lexicon words
  // ending in the suffix, each suffix length backing off to the next shorter one with
  // Witten-Bell weights (the number of distinct tags seen with the suffix).
  struct SuffixModel {
    FlatStringTable<uint32_t> nodes;                            // suffix -> node (keys in `text`)
    FlatLists<ClassWeight> counts;                              // node -> (class, count)
    std::vector<float> totals;
  };
  enum Shape { kDigits = 0, kHyphenated = 1, kPlain = 2 };
  std::array<SuffixModel, 3> suffix;

  // The model file's text: the keys of word_table, lemma_table and the suffix models point
  // into it.
  std::string text;
  FlatStringTable<uint8_t> lemma_table;  // WordNet lemma -> kWn* bits
  StringMap<uint64_t> irregular;  // WordNet irregular form -> allowed classes

  // Capitalisation factors (logs) per class: inside a sentence for a capitalised word, for
  // an all-capitals word, for a capitalised unknown word opening the sentence, and for a
  // lower-case word.
  std::vector<float> log_cap, log_all_caps, log_initial_cap, log_lower;
  float log_proper_floor = 0;
  float log_prune = 0;

  uint64_t Bit(PosTag t) const {
    const int c = class_of_tag[static_cast<size_t>(t)];
    return c < 0 ? 0 : (uint64_t{1} << c);
  }
  static Shape ShapeOf(std::string_view key) {
    if (HasDigit(key)) return kDigits;
    if (key.find('-') != std::string_view::npos) return kHyphenated;
    return kPlain;
  }

  uint8_t LemmaBits(std::string_view w) const {
    const uint8_t* bits = lemma_table.Find(w);
    return bits ? *bits : 0;
  }
  // The same with `h`, w's HashKey (the lexicon's hash: a token hashed once serves both).
  uint8_t LemmaBits(std::string_view w, uint64_t h) const {
    const uint8_t* bits = lemma_table.Find(w, h);
    return bits ? *bits : 0;
  }

  // The classes WordNet allows for `key`, from the lemma itself, the irregular forms and
  // WordNet's regular detachment rules (plus doubled final consonants). 0 = no opinion.
  // *common: the word or its base is a lower-case WordNet lemma (an ordinary English word).
  uint64_t WordNetClasses(std::string_view key, bool* common = nullptr) const {
    uint64_t allowed = 0;
    const uint8_t direct = LemmaBits(key);
    bool lower = (direct & kWnLowerCase) != 0;
    if (direct & kWnNoun) allowed |= Bit(PosTag::kNN);
    if (direct & kWnVerb) allowed |= Bit(PosTag::kVB) | Bit(PosTag::kVBP);
    if (direct & kWnAdj) allowed |= Bit(PosTag::kJJ);
    if (direct & kWnAdv) allowed |= Bit(PosTag::kRB);
    if (auto it = irregular.find(key); it != irregular.end()) allowed |= it->second;

    std::string base;
    auto try_base = [&](std::string_view ending, std::string_view replacement, uint8_t pos) {
      if (key.size() <= ending.size() + 1 || !EndsWith(key, ending)) return false;
      base.assign(key.substr(0, key.size() - ending.size()));
      base += replacement;
      const uint8_t bits = LemmaBits(base);
      if ((bits & pos) == 0) return false;
      lower |= (bits & kWnLowerCase) != 0;
      return true;
    };
    // "controlled" -> "control", "bigger" -> "big": a doubled consonant before the ending.
    auto try_doubled = [&](std::string_view ending, uint8_t pos) {
      if (key.size() < ending.size() + 3 || !EndsWith(key, ending)) return false;
      const size_t stem = key.size() - ending.size();
      if (key[stem - 1] != key[stem - 2] || IsVowel(key[stem - 1])) return false;
      base.assign(key.substr(0, stem - 1));
      const uint8_t bits = LemmaBits(base);
      if ((bits & pos) == 0) return false;
      lower |= (bits & kWnLowerCase) != 0;
      return true;
    };
    // Plural nouns.
    if (try_base("ies", "y", kWnNoun) || try_base("ses", "s", kWnNoun) || try_base("xes", "x", kWnNoun) ||
        try_base("zes", "z", kWnNoun) || try_base("ches", "ch", kWnNoun) || try_base("shes", "sh", kWnNoun) ||
        try_base("men", "man", kWnNoun) || (!EndsWith(key, "ss") && try_base("s", "", kWnNoun)))
      allowed |= Bit(PosTag::kNNS);
    // Verbs: third person, past, gerund.
    if (try_base("ies", "y", kWnVerb) || try_base("es", "e", kWnVerb) || try_base("es", "", kWnVerb) ||
        (!EndsWith(key, "ss") && try_base("s", "", kWnVerb)))
      allowed |= Bit(PosTag::kVBZ);
    if (try_base("ied", "y", kWnVerb) || try_base("ed", "e", kWnVerb) || try_base("ed", "", kWnVerb) ||
        try_doubled("ed", kWnVerb))
      allowed |= Bit(PosTag::kVBD) | Bit(PosTag::kVBN);
    if (try_base("ying", "ie", kWnVerb) || try_base("ing", "e", kWnVerb) || try_base("ing", "", kWnVerb) ||
        try_doubled("ing", kWnVerb))
      allowed |= Bit(PosTag::kVBG);
    // Comparative and superlative adjectives.
    if (try_base("ier", "y", kWnAdj) || try_base("er", "", kWnAdj) || try_base("er", "e", kWnAdj) ||
        try_doubled("er", kWnAdj))
      allowed |= Bit(PosTag::kJJR);
    if (try_base("iest", "y", kWnAdj) || try_base("est", "", kWnAdj) || try_base("est", "e", kWnAdj) ||
        try_doubled("est", kWnAdj))
      allowed |= Bit(PosTag::kJJS);
    if (common) *common = lower || (allowed != 0 && irregular.count(key) != 0);
    return allowed;
  }

  // P(t | w) for a word the lexicon does not decide: suffix model, softened by WordNet.
  // `held_out`: the word's own lexicon counts when it trained the suffix model (a rare known
  // word being smoothed); they are left out so that the word does not predict itself.
  // *common: see WordNetClasses.
  void UnknownDistribution(std::string_view key, std::array<double, 64>* p,
                           std::span<const ClassCount> held_out = {}, bool* common = nullptr) const {
    const SuffixModel& m = suffix[ShapeOf(key)];
    std::fill(p->begin(), p->begin() + k, 0.0);
    double held_total = 0;
    for (const auto& [c, n] : held_out) held_total += n;
    // Returns false when nothing is left of the node once the held-out word is removed.
    auto apply = [&](uint32_t node, bool first) {
      std::array<double, 64> local{};
      double total = m.totals[node] - held_total;
      if (total <= 1e-9) return false;
      double types = 0;  // distinct tags seen with this suffix
      for (const auto& [c, n] : m.counts[node]) local[c] = n;
      for (const auto& [c, n] : held_out) local[c] = std::max(0.0, local[c] - n);
      for (int c = 0; c < k; ++c) types += local[c] > 0 ? 1 : 0;
      if (first) {
        for (int c = 0; c < k; ++c) (*p)[c] = local[c] / total;
      } else {
        for (int c = 0; c < k; ++c) (*p)[c] = (local[c] + types * (*p)[c]) / (total + types);
      }
      return true;
    };
    const uint32_t* root = m.nodes.Find(std::string_view());
    if (root == nullptr || !apply(*root, true)) {
      for (int c = 0; c < k; ++c) (*p)[c] = prior[c];
    } else {
      const size_t max_len = std::min<size_t>(key.size(), static_cast<size_t>(options.max_suffix_length));
      for (size_t len = 1; len <= max_len; ++len) {
        const uint32_t* node = m.nodes.Find(key.substr(key.size() - len));
        if (node == nullptr || !apply(*node, false)) break;
      }
    }
    // Every class keeps a little mass so that context can still choose it.
    for (int c = 0; c < k; ++c) (*p)[c] = std::max((*p)[c], 1e-6 * prior[c]);
    const uint64_t allowed = WordNetClasses(key, common);
    if (allowed != 0) {
      for (int c = 0; c < k; ++c)
        if (!((allowed | unrestricted) >> c & 1)) (*p)[c] *= options.wordnet_outside_factor;
    }
    double sum = 0;
    for (int c = 0; c < k; ++c) sum += (*p)[c];
    for (int c = 0; c < k; ++c) (*p)[c] /= sum;
  }

  // The lexicon index of `key`, or null.
  const uint32_t* Find(std::string_view key) const { return word_table.Find(key); }

  // The candidates of lexicon word `index`: its smoothed P(t|w) (the counts blended with the
  // unknown-word model), pruned, as emission scores. Computed at first use in each thread
  // and kept: a run reads a few thousand of the lexicon's words, and smoothing all of them
  // was most of the model's load time. The span stays valid until the next call.
  std::span<const Candidate> KnownCandidates(uint32_t index) const;
};

namespace {

using Model = PosTagger::Model;

Status LineError(std::string_view name, size_t line, std::string_view what) {
  return Status::ParseError(std::string(name) + ":" + std::to_string(line) + ": " + std::string(what));
}

// The tab-separated fields of a model line: the first kMaxFields kept, all counted (a line
// with more fields than its kind allows is an error). Without allocation: the model has
// ~130,000 lines.
struct Fields {
  static constexpr size_t kMaxFields = 5;
  std::array<std::string_view, kMaxFields> field;
  size_t count = 0;
  size_t size() const { return count; }
  std::string_view operator[](size_t i) const { return field[i]; }
};

void SplitTabs(std::string_view line, Fields* out) {
  out->count = 0;
  size_t pos = 0;
  while (true) {
    const size_t tab = line.find('\t', pos);
    if (out->count < Fields::kMaxFields)
      out->field[out->count] = line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos);
    ++out->count;
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
}

template <typename T>
bool ParseNumber(std::string_view s, T* out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// Deleted interpolation (Brants 2000): each trigram votes, with its count, for the estimate
// (uni-, bi- or trigram) that best predicts it when that one occurrence is left out.
std::array<double, 3> DeletedInterpolation(int k, const std::vector<double>& f3, const std::vector<double>& f_ab,
                                           const std::vector<double>& f_bc, const std::vector<double>& f_b,
                                           const std::vector<double>& f_c, double total) {
  std::array<double, 3> lambda{0, 0, 0};
  for (int a = 0; a < k; ++a)
    for (int b = 0; b < k; ++b)
      for (int c = 0; c < k; ++c) {
        const double n = f3[(a * k + b) * k + c];
        if (n <= 0) continue;
        const double c3 = f_ab[a * k + b] > 1 ? (n - 1) / (f_ab[a * k + b] - 1) : 0;
        const double c2 = f_b[b] > 1 ? (f_bc[b * k + c] - 1) / (f_b[b] - 1) : 0;
        const double c1 = total > 1 ? (f_c[c] - 1) / (total - 1) : 0;
        if (c3 >= c2 && c3 >= c1) lambda[2] += n;
        else if (c2 >= c1) lambda[1] += n;
        else lambda[0] += n;
      }
  const double sum = lambda[0] + lambda[1] + lambda[2];
  if (sum <= 0) return {1.0, 0.0, 0.0};
  for (double& l : lambda) l /= sum;
  return lambda;
}

// `model_text` is kept by the model (its tables' keys point into it).
// Unique per loaded model in the process (Model::serial).
uint64_t NextModelSerial() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1);
}

Result<std::unique_ptr<Model>> ParseModel(std::string model_text, std::string_view name,
                                          const PosTaggerOptions& options) {
  auto model = std::make_unique<Model>();
  Model& m = *model;
  m.text = std::move(model_text);
  const std::string_view text = m.text;
  m.options = options;
  m.serial = NextModelSerial();
  m.class_of_tag.fill(-1);

  bool header = false, ended = false;
  std::vector<double> f3;
  struct RawWord {
    std::string_view key;  // in m.text
    std::vector<ClassCount> counts;
  };
  std::vector<RawWord> raw_words;
  std::vector<std::pair<std::string_view, std::pair<char, std::string_view>>> raw_irregular;

  // Size the tables once (the model has ~130k lines).
  const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  std::vector<std::pair<std::string_view, uint8_t>> raw_lemmas;  // in m.text
  raw_lemmas.reserve(lines);
  raw_words.reserve(lines / 3);
  // Class name -> index, the first of a repeated name (as a search of class_names finds).
  FlatStringTable<uint8_t> class_index;

  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (ended) return LineError(name, line_no, "text after 'end'");
    Fields f;
    SplitTabs(line, &f);
    if (!header) {
      if (f.size() != 2 || f[0] != "griot-pos-model" || f[1] != "1")
        return LineError(name, line_no, "not a griot POS model (expected 'griot-pos-model<TAB>1')");
      header = true;
      continue;
    }
    const std::string_view kind = f[0];
    if (kind == "classes") {
      if (f.size() != 2 || m.k != 0) return LineError(name, line_no, "bad or repeated 'classes' line");
      std::string_view rest = f[1];
      while (!rest.empty()) {
        const size_t sp = rest.find(' ');
        const std::string_view cls = rest.substr(0, sp);
        rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
        if (cls.empty()) continue;
        const int index = static_cast<int>(m.class_names.size());
        PosTag out;
        if (cls == "PUNC") {
          out = PosTag::kPeriod;  // decided per word on output
          m.punc = index;
        } else if (cls == "OF") {
          out = PosTag::kIN;
        } else if (auto t = ParsePosTag(cls)) {
          out = *t;
          m.class_of_tag[static_cast<size_t>(out)] = index;
        } else {
          return LineError(name, line_no, "unknown class '" + std::string(cls) + "'");
        }
        m.class_names.emplace_back(cls);
        bool added = false;
        uint8_t& slot = class_index.Insert(cls, &added);
        if (added) slot = static_cast<uint8_t>(index);
        m.class_tag.push_back(out);
      }
      m.k = static_cast<int>(m.class_names.size());
      if (m.k == 0 || m.k > 64) return LineError(name, line_no, "between 1 and 64 classes expected");
      if (m.punc < 0) return LineError(name, line_no, "the PUNC class is missing");
      f3.assign(static_cast<size_t>(m.k) * m.k * m.k, 0.0);
      continue;
    }
    if (m.k == 0 && kind != "end") return LineError(name, line_no, "'classes' must come first");
    if (kind == "t") {
      int a, b, c;
      double n;
      if (f.size() != 5 || !ParseNumber(f[1], &a) || !ParseNumber(f[2], &b) || !ParseNumber(f[3], &c) ||
          !ParseNumber(f[4], &n) || a < 0 || b < 0 || c < 0 || a >= m.k || b >= m.k || c >= m.k || n < 0)
        return LineError(name, line_no, "bad trigram line");
      f3[(a * m.k + b) * m.k + c] += n;
    } else if (kind == "w") {
      if (f.size() != 3 || f[1].empty()) return LineError(name, line_no, "bad word line");
      RawWord w;
      w.key = f[1];
      std::string_view rest = f[2];
      w.counts.reserve(static_cast<size_t>(std::count(rest.begin(), rest.end(), ' ')) + 1);
      while (!rest.empty()) {
        const size_t sp = rest.find(' ');
        const std::string_view item = rest.substr(0, sp);
        rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
        if (item.empty()) continue;
        const size_t eq = item.find('=');
        double n;
        if (eq == std::string_view::npos || !ParseNumber(item.substr(eq + 1), &n) || n <= 0)
          return LineError(name, line_no, "bad tag count '" + std::string(item) + "'");
        const uint8_t* cls = class_index.Find(item.substr(0, eq));
        if (cls == nullptr) return LineError(name, line_no, "unknown class in '" + std::string(item) + "'");
        w.counts.push_back({*cls, n});
      }
      if (w.counts.empty()) return LineError(name, line_no, "word without tags");
      raw_words.push_back(std::move(w));
    } else if (kind == "n") {
      if (f.size() != 3 || f[1].empty()) return LineError(name, line_no, "bad lemma line");
      uint8_t bits = 0;
      for (char c : f[2]) {
        switch (c) {
          case 'n': bits |= kWnNoun; break;
          case 'v': bits |= kWnVerb; break;
          case 'a': bits |= kWnAdj; break;
          case 'r': bits |= kWnAdv; break;
          case 'A': bits |= kWnProperAdjective; break;
          case 'L': bits |= kWnLowerCase; break;
          default: return LineError(name, line_no, "bad part of speech '" + std::string(f[2]) + "'");
        }
      }
      raw_lemmas.emplace_back(f[1], bits);
    } else if (kind == "x") {
      if (f.size() != 4 || f[1].empty() || f[2].size() != 1 || std::string_view("nva").find(f[2][0]) == std::string_view::npos)
        return LineError(name, line_no, "bad irregular-form line");
      raw_irregular.push_back({f[1], {f[2][0], f[3]}});
    } else if (kind == "end") {
      ended = true;
    } else {
      return LineError(name, line_no, "unknown line kind '" + std::string(kind) + "'");
    }
  }
  if (!header) return Status::ParseError(std::string(name) + ": empty model");
  if (!ended) return Status::ParseError(std::string(name) + ": truncated model (no 'end' line)");
  if (m.k == 0) return Status::ParseError(std::string(name) + ": no classes");
  // The lemma table, filled a few keys ahead of the memory it waits on.
  constexpr size_t kAhead = 8;
  m.lemma_table.Reserve(raw_lemmas.size());
  for (size_t i = 0; i < raw_lemmas.size(); ++i) {
    if (i + kAhead < raw_lemmas.size()) m.lemma_table.Prefetch(raw_lemmas[i + kAhead].first);
    m.lemma_table.Insert(raw_lemmas[i].first) |= raw_lemmas[i].second;
  }

  const int k = m.k;
  m.prp = m.class_of_tag[static_cast<size_t>(PosTag::kPRP)];
  m.wp = m.class_of_tag[static_cast<size_t>(PosTag::kWP)];
  m.nnp = m.class_of_tag[static_cast<size_t>(PosTag::kNNP)];
  m.nnps = m.class_of_tag[static_cast<size_t>(PosTag::kNNPS)];
  m.cd = m.class_of_tag[static_cast<size_t>(PosTag::kCD)];
  m.proper_mask = m.Bit(PosTag::kNNP) | m.Bit(PosTag::kNNPS);
  m.adjective_mask = m.Bit(PosTag::kJJ) | m.Bit(PosTag::kJJR) | m.Bit(PosTag::kJJS);
  m.unrestricted = m.proper_mask | m.Bit(PosTag::kCD);

  // ---- transitions ----
  std::vector<double> f_ab(k * k, 0.0), f_bc(k * k, 0.0), f_b(k, 0.0), f_c(k, 0.0);
  double total = 0;
  for (int a = 0; a < k; ++a)
    for (int b = 0; b < k; ++b)
      for (int c = 0; c < k; ++c) {
        const double n = f3[(a * k + b) * k + c];
        f_ab[a * k + b] += n;
        f_bc[b * k + c] += n;
        f_b[b] += n;
        f_c[c] += n;
        total += n;
      }
  if (total <= 0) return Status::ParseError(std::string(name) + ": no tag trigram counts");
  const auto lambda = DeletedInterpolation(k, f3, f_ab, f_bc, f_b, f_c, total);
  m.prior.resize(k);
  m.log_prior.resize(k);
  for (int c = 0; c < k; ++c) {
    // A class never seen in the trigrams keeps a tiny prior so that logs stay finite.
    m.prior[c] = std::max(f_c[c], 0.5) / total;
    m.log_prior[c] = static_cast<float>(std::log(m.prior[c]));
  }
  m.trans.resize(static_cast<size_t>(k) * k * k);
  for (int a = 0; a < k; ++a)
    for (int b = 0; b < k; ++b) {
      const double l3 = f_ab[a * k + b] > 0 ? lambda[2] : 0.0;
      const double l2 = f_b[b] > 0 ? lambda[1] : 0.0;
      const double norm = lambda[0] + l2 + l3;
      for (int c = 0; c < k; ++c) {
        double p = lambda[0] * m.prior[c];
        if (l2 > 0) p += l2 * f_bc[b * k + c] / f_b[b];
        if (l3 > 0) p += l3 * f3[(a * k + b) * k + c] / f_ab[a * k + b];
        m.trans[(a * k + b) * k + c] = static_cast<float>(std::log(p / norm));
      }
    }
  m.start.resize(k);
  {
    const int b = m.punc;
    const double l2 = f_b[b] > 0 ? lambda[1] + lambda[2] : 0.0;
    for (int c = 0; c < k; ++c) {
      double p = lambda[0] * m.prior[c];
      if (l2 > 0) p += l2 * f_bc[b * k + c] / f_b[b];
      m.start[c] = static_cast<float>(std::log(p / (lambda[0] + l2)));
    }
  }

  // ---- WordNet irregular forms ----
  for (const auto& [form, what] : raw_irregular) {
    const auto& [pos_letter, lemma] = what;
    if (form == lemma) continue;
    uint64_t bits = 0;
    if (pos_letter == 'n') bits = m.Bit(PosTag::kNNS);
    else if (pos_letter == 'a') bits = EndsWith(form, "st") ? m.Bit(PosTag::kJJS) : m.Bit(PosTag::kJJR);
    else if (EndsWith(form, "ing")) bits = m.Bit(PosTag::kVBG);
    else if (EndsWith(form, "s") && !EndsWith(form, "ss")) bits = m.Bit(PosTag::kVBZ);
    else bits = m.Bit(PosTag::kVBD) | m.Bit(PosTag::kVBN);
    m.irregular[std::string(form)] |= bits;
  }

  // ---- suffix models, from rare lexicon words ----
  std::vector<const RawWord*> rare;
  std::array<size_t, 3> rare_by_shape{};
  for (const RawWord& w : raw_words) {
    double n = 0;
    for (const auto& [c, x] : w.counts) n += x;
    if (n > options.rare_word_max_count || !HasLetterOrDigit(w.key)) continue;
    rare.push_back(&w);
    ++rare_by_shape[Model::ShapeOf(w.key)];
  }
  // Each suffix node's counts while the models are built (flattened after).
  std::array<std::vector<std::vector<ClassWeight>>, 3> suffix_counts;
  // Room for ~2.5 distinct suffixes per rare word (as in the plain words of the WSJ lexicon;
  // a table grows past it if need be), and each word's suffixes fetched a few words ahead.
  for (size_t shape = 0; shape < 3; ++shape) {
    const size_t expected = rare_by_shape[shape] * 5 / 2;
    m.suffix[shape].nodes.Reserve(expected);
    suffix_counts[shape].reserve(expected);
    m.suffix[shape].totals.reserve(expected);
  }
  const size_t max_suffix = static_cast<size_t>(std::max(options.max_suffix_length, 0));
  constexpr size_t kWordsAhead = 4;
  for (size_t i = 0; i < rare.size(); ++i) {
    if (i + kWordsAhead < rare.size()) {
      const std::string_view ahead = rare[i + kWordsAhead]->key;
      const Model::SuffixModel& ahead_sm = m.suffix[Model::ShapeOf(ahead)];
      for (size_t len = 1; len <= std::min(ahead.size(), max_suffix); ++len)
        ahead_sm.nodes.Prefetch(ahead.substr(ahead.size() - len));
    }
    const RawWord& w = *rare[i];
    double n = 0;
    for (const auto& [c, x] : w.counts) n += x;
    Model::SuffixModel& sm = m.suffix[Model::ShapeOf(w.key)];
    std::vector<std::vector<ClassWeight>>& sm_counts = suffix_counts[Model::ShapeOf(w.key)];
    const size_t max_len = std::min<size_t>(w.key.size(), static_cast<size_t>(options.max_suffix_length));
    for (size_t len = 0; len <= max_len; ++len) {
      const std::string_view suf = w.key.substr(w.key.size() - len);
      bool added = false;
      uint32_t& slot_node = sm.nodes.Insert(suf, &added);
      if (added) {
        slot_node = static_cast<uint32_t>(sm_counts.size());
        sm_counts.emplace_back();
        sm.totals.push_back(0);
      }
      const uint32_t node = slot_node;
      auto& counts = sm_counts[node];
      for (const auto& [c, x] : w.counts) {
        const auto tag = c;  // a copy: lambdas may not capture structured bindings before C++20's DR (clang 15)
        auto slot = std::find_if(counts.begin(), counts.end(), [&](const auto& e) { return e.cls == tag; });
        if (slot == counts.end()) counts.push_back({tag, static_cast<float>(x)});
        else slot->n += static_cast<float>(x);
      }
      sm.totals[node] += static_cast<float>(n);
    }
  }
  for (size_t shape = 0; shape < 3; ++shape)
    for (const auto& counts : suffix_counts[shape]) m.suffix[shape].counts.Append(counts);

  const uint64_t common_nouns = m.Bit(PosTag::kNN) | m.Bit(PosTag::kNNS);
  for (int c = 0; c < k; ++c) {
    double cap = options.capitalized_other_factor;
    if (m.proper_mask >> c & 1) cap = 1.0;
    else if (m.adjective_mask >> c & 1) cap = options.capitalized_adjective_factor;
    else if (common_nouns >> c & 1) cap = options.capitalized_noun_factor;
    const bool proper = m.proper_mask >> c & 1;
    m.log_cap.push_back(static_cast<float>(std::log(cap)));
    m.log_all_caps.push_back(static_cast<float>(std::log(proper ? 1.0 : cap * options.all_caps_factor)));
    m.log_initial_cap.push_back(static_cast<float>(options.initial_unknown_exponent * std::log(cap)));
    m.log_lower.push_back(static_cast<float>(proper ? std::log(options.lowercase_proper_factor) : 0.0));
  }
  m.log_proper_floor = static_cast<float>(std::log(options.capitalized_proper_floor));
  m.log_prune = static_cast<float>(std::log(options.prune_ratio));

  // ---- known words: their counts; the smoothed scores are made at first use ----
  m.word_table.Reserve(raw_words.size());
  m.word_counts.start.reserve(raw_words.size() + 1);
  m.word_keys.reserve(raw_words.size());
  for (size_t i = 0; i < raw_words.size(); ++i) {
    RawWord& w = raw_words[i];
    if (i + kAhead < raw_words.size()) m.word_table.Prefetch(raw_words[i + kAhead].key);
    bool inserted = false;
    m.word_table.Insert(w.key, &inserted) = static_cast<uint32_t>(m.word_counts.size());
    if (!inserted) return Status::ParseError(std::string(name) + ": word '" + std::string(w.key) + "' listed twice");
    m.word_keys.push_back(w.key);
    m.word_counts.Append(w.counts);
  }
  return model;
}

// ---- snapshots ---------------------------------------------------------------------------

// The layout of the sections SaveModel writes; raise it when they change.
constexpr uint32_t kModelSnapshotVersion = 2;

SnapshotKey ModelSnapshotKey(std::string_view text, const PosTaggerOptions& o) {
  // The derived tables depend on the options and on the hash the string tables store.
  const std::string code =
      fmt::format("{} {} {} {} {} {} {} {} {} {} {} {}", o.known_smoothing, o.rare_word_max_count,
                  o.max_suffix_length, o.wordnet_outside_factor, o.capitalized_adjective_factor,
                  o.capitalized_noun_factor, o.capitalized_other_factor, o.all_caps_factor,
                  o.lowercase_proper_factor, o.initial_unknown_exponent, o.capitalized_proper_floor, o.prune_ratio);
  return SnapshotKey{"pos-model", kModelSnapshotVersion, text.size(), HashBytes(text),
                     HashKey(code) ^ (HashKey("griot pos-model probe") * 31)};
}

struct SavedKey {
  uint32_t offset = 0, size = 0;
};

bool SaveModel(const PosTagger::Model& m, SnapshotWriter* out) {
  const std::string_view text = m.text;
  out->Value(m.k);
  out->Value(static_cast<uint64_t>(m.class_names.size()));
  for (const std::string& name : m.class_names) out->Bytes(name);
  out->Array(m.class_tag);
  for (int v : {m.punc, m.nnp, m.nnps, m.cd, m.prp, m.wp}) out->Value(v);
  for (uint64_t v : {m.proper_mask, m.adjective_mask, m.unrestricted}) out->Value(v);
  out->Value(m.class_of_tag);
  out->Array(m.trans);
  out->Array(m.start);
  out->Array(m.prior);
  out->Array(m.log_prior);
  if (!m.word_table.Save(text, out)) return false;
  out->Array(m.word_counts.start);
  out->Array(m.word_counts.items);
  std::vector<SavedKey> keys;
  for (const std::string_view key : m.word_keys) {
    if (key.data() < text.data() || key.data() + key.size() > text.data() + text.size()) return false;
    keys.push_back({static_cast<uint32_t>(key.data() - text.data()), static_cast<uint32_t>(key.size())});
  }
  out->Array(keys);
  for (const auto& sm : m.suffix) {
    if (!sm.nodes.Save(text, out)) return false;
    out->Array(sm.counts.start);
    out->Array(sm.counts.items);
    out->Array(sm.totals);
  }
  if (!m.lemma_table.Save(text, out)) return false;
  out->Value(static_cast<uint64_t>(m.irregular.size()));
  for (const auto& [form, bits] : m.irregular) {
    out->Bytes(form);
    out->Value(bits);
  }
  out->Array(m.log_cap);
  out->Array(m.log_all_caps);
  out->Array(m.log_initial_cap);
  out->Array(m.log_lower);
  out->Value(m.log_proper_floor);
  out->Value(m.log_prune);
  return true;
}

// The model from its snapshot, taking `*text` (the model file's text the snapshot was made
// from) on success; null, leaving `*text`, when the snapshot is broken.
std::unique_ptr<PosTagger::Model> RestoreModel(SnapshotReader* in, std::string* text, const PosTaggerOptions& options) {
  auto model = std::make_unique<PosTagger::Model>();
  PosTagger::Model& m = *model;
  // The string tables point into the text: it moves into the model first, and back if the
  // snapshot proves broken (a moved std::string keeps its heap buffer).
  m.text = std::move(*text);
  const std::string_view base = m.text;
  auto fail = [&]() -> std::unique_ptr<PosTagger::Model> {
    *text = std::move(m.text);
    return nullptr;
  };
  uint64_t classes = 0;
  if (!in->Value(&m.k) || !in->Value(&classes) || m.k <= 0 || m.k > 64 || classes != static_cast<uint64_t>(m.k))
    return fail();
  m.class_names.resize(classes);
  for (std::string& name : m.class_names)
    if (!in->Bytes(&name)) return fail();
  bool ok = in->Array(&m.class_tag) && m.class_tag.size() == classes;
  for (int* v : {&m.punc, &m.nnp, &m.nnps, &m.cd, &m.prp, &m.wp}) ok = ok && in->Value(v) && *v < m.k;
  for (uint64_t* v : {&m.proper_mask, &m.adjective_mask, &m.unrestricted}) ok = ok && in->Value(v);
  ok = ok && in->Value(&m.class_of_tag) && m.punc >= 0;
  for (const int c : m.class_of_tag) ok = ok && c < m.k;
  const size_t k = static_cast<size_t>(m.k);
  ok = ok && in->Array(&m.trans) && m.trans.size() == k * k * k && in->Array(&m.start) && m.start.size() == k &&
       in->Array(&m.prior) && m.prior.size() == k && in->Array(&m.log_prior) && m.log_prior.size() == k;
  ok = ok && m.word_table.Restore(base, in) &&
       in->Array(&m.word_counts.start) && in->Array(&m.word_counts.items) && m.word_counts.Consistent();
  std::vector<SavedKey> keys;
  ok = ok && in->Array(&keys) && keys.size() == m.word_counts.size();
  for (size_t i = 0; ok && i < keys.size(); ++i) ok = keys[i].offset <= base.size() && keys[i].size <= base.size() - keys[i].offset;
  if (!ok) return fail();
  m.word_keys.reserve(keys.size());
  for (const SavedKey& key : keys) m.word_keys.push_back(base.substr(key.offset, key.size));
  for (auto& sm : m.suffix) {
    ok = ok && sm.nodes.Restore(base, in) &&
         in->Array(&sm.counts.start) && in->Array(&sm.counts.items) && sm.counts.Consistent() &&
         in->Array(&sm.totals) && sm.totals.size() == sm.counts.size();
  }
  uint64_t irregular = 0;
  ok = ok && m.lemma_table.Restore(base, in) && in->Value(&irregular);
  for (uint64_t i = 0; ok && i < irregular; ++i) {
    std::string form;
    uint64_t bits = 0;
    ok = in->Bytes(&form) && in->Value(&bits);
    if (ok) m.irregular.emplace(std::move(form), bits);
  }
  ok = ok && in->Array(&m.log_cap) && in->Array(&m.log_all_caps) && in->Array(&m.log_initial_cap) &&
       in->Array(&m.log_lower) && m.log_cap.size() == k && m.log_all_caps.size() == k &&
       m.log_initial_cap.size() == k && m.log_lower.size() == k && in->Value(&m.log_proper_floor) &&
       in->Value(&m.log_prune) && in->AtEnd();
  // Every class a table names must be one of the model's.
  for (const ClassCount& c : m.word_counts.items) ok = ok && c.cls < k;
  ok = ok && m.word_table.ValuesBelow(static_cast<uint32_t>(m.word_counts.size()));
  for (const auto& sm : m.suffix) ok = ok && sm.nodes.ValuesBelow(static_cast<uint32_t>(sm.counts.size()));
  for (const auto& sm : m.suffix)
    for (const ClassWeight& c : sm.counts.items) ok = ok && c.cls < k;
  if (!ok) return fail();
  m.options = options;
  m.serial = NextModelSerial();
  return model;
}

// ---- tagging ----------------------------------------------------------------------------

bool IsOpeningPunct(std::string_view key) {
  if (key.size() == 1) {
    const char c = key[0];
    return c == '"' || c == '(' || c == '[' || c == '{' || c == '`' || c == ':';
  }
  return key == "``";
}

// The Penn tag of a punctuation token. Quotes: open or close from the spacing around them.
PosTag PunctTag(const std::vector<Token>& tokens, size_t i, int* open_quotes) {
  const Token& t = tokens[i];
  const std::string_view key = t.key;
  // One-character marks (nearly all) by a switch; the same answers as the lists below.
  if (key.size() == 1) {
    switch (key[0]) {
      case ',': return PosTag::kComma;
      case '.': case '?': case '!': return PosTag::kPeriod;
      case ':': case ';': case '-': return PosTag::kColon;
      case '(': case '[': case '{': case '<': return PosTag::kLeftBracket;
      case ')': case ']': case '}': case '>': return PosTag::kRightBracket;
      case '$': return PosTag::kDollar;
      case '#': return PosTag::kHash;
      case '`': return PosTag::kOpenQuote;
      case '"': case '\'': break;  // open or close: below
      default: return PosTag::kSYM;
    }
  }
  if (key == ",") return PosTag::kComma;
  if (key == "." || key == "?" || key == "!" || key == "?!" || key == "!?") return PosTag::kPeriod;
  if (key == ":" || key == ";" || key == "-" || key == "--" || key == "..." || key == "---") return PosTag::kColon;
  if (key == "(" || key == "[" || key == "{" || key == "<") return PosTag::kLeftBracket;
  if (key == ")" || key == "]" || key == "}" || key == ">") return PosTag::kRightBracket;
  if (key == "$" || key == "\u00a3" || key == "\u20ac" || key == "\u00a5") return PosTag::kDollar;
  if (key == "#") return PosTag::kHash;
  if (key == "`" || key == "``") return PosTag::kOpenQuote;
  if (key == "''") return PosTag::kCloseQuote;
  if (key == "\"" || key == "'") {
    const bool glued_left = i > 0 && tokens[i - 1].end == t.begin;
    const bool glued_right = i + 1 < tokens.size() && tokens[i + 1].begin == t.end;
    bool open;
    if (glued_right && !glued_left) open = true;
    else if (glued_left && !glued_right) open = false;
    else if (i == 0) open = true;
    else if (i + 1 == tokens.size()) open = false;
    else open = *open_quotes == 0;
    if (key == "\"") *open_quotes = open ? *open_quotes + 1 : std::max(0, *open_quotes - 1);
    return open ? PosTag::kOpenQuote : PosTag::kCloseQuote;
  }
  return PosTag::kSYM;
}

bool IsPossessivePronoun(std::string_view key) {
  return key == "my" || key == "your" || key == "his" || key == "its" || key == "our" || key == "their" ||
         key == "thy";
}

}  // namespace

// ---------------------------------------------------------------------------------------
PosTagger::PosTagger(std::unique_ptr<const Model> model) : model_(std::move(model)) {}
PosTagger::PosTagger(PosTagger&&) noexcept = default;
PosTagger& PosTagger::operator=(PosTagger&&) noexcept = default;
PosTagger::~PosTagger() = default;

Result<PosTagger> PosTagger::LoadFromString(std::string_view text, std::string_view name,
                                            const PosTaggerOptions& options) {
  auto model = ParseModel(std::string(text), name, options);
  if (!model.ok()) return model.status();
  return PosTagger(std::unique_ptr<const Model>(std::move(model).value()));
}

Result<PosTagger> PosTagger::LoadFile(const std::string& path, const PosTaggerOptions& options, bool use_snapshot) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Status::NotFound(path + ": part-of-speech model not found (generate it with scripts/setup.sh, or "
                                   "node tools/tagger/build_model.mjs " + path + ")");
  // Read into a string sized once (the model is ~2 MB), handed over to the model.
  std::string text;
  in.seekg(0, std::ios::end);
  if (const std::streamoff size = in.tellg(); size > 0) text.resize(static_cast<size_t>(size));
  in.seekg(0, std::ios::beg);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  // The file may have grown since it was measured: read on to its end.
  char chunk[1 << 14];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) text.append(chunk, static_cast<size_t>(in.gcount()));
  if (in.bad()) return Status::IoError(path + ": read error");
  if (!use_snapshot) {
    auto model = ParseModel(std::move(text), path, options);
    if (!model.ok()) return model.status();
    return PosTagger(std::unique_ptr<const Model>(std::move(model).value()));
  }
  const SnapshotKey key = ModelSnapshotKey(text, options);
  const std::string snapshot = SnapshotPathFor(path);
  if (auto reader = SnapshotReader::Open(snapshot, key); reader.ok())
    if (auto model = RestoreModel(&*reader, &text, options)) return PosTagger(std::move(model));
  auto model = ParseModel(std::move(text), path, options);
  if (!model.ok()) return model.status();
  // A snapshot that cannot be written (a read-only data directory) only costs the next load.
  SnapshotWriter out(key);
  if (SaveModel(**model, &out)) (void)out.Commit(snapshot);
  return PosTagger(std::unique_ptr<const Model>(std::move(model).value()));
}

bool PosTagger::IsKnownWord(std::string_view key) const { return model_->Find(key) != nullptr; }
size_t PosTagger::lexicon_size() const { return model_->word_counts.size(); }

std::span<const PosTagger::Model::Candidate> PosTagger::Model::KnownCandidates(uint32_t index) const {
  struct Cache {
    uint64_t model = 0;
    std::vector<uint32_t> first;  // per lexicon word: its first candidate, UINT32_MAX until made
    std::vector<uint8_t> size;
    std::vector<Candidate> candidates;
  };
  thread_local Cache cache;
  if (cache.model != serial) {
    cache.model = serial;
    cache.first.assign(word_counts.size(), UINT32_MAX);
    cache.size.assign(word_counts.size(), 0);
    cache.candidates.clear();
  }
  if (cache.first[index] == UINT32_MAX) {
    const std::span<const ClassCount> counts = word_counts[index];
    const std::string_view key = word_keys[index];
    double n = 0;
    std::array<double, 64> p{};
    for (const auto& [c, x] : counts) {
      p[c] += x;
      n += x;
    }
    if (HasLetterOrDigit(key) && options.known_smoothing > 0) {
      std::array<double, 64> unk{};
      UnknownDistribution(key, &unk, n <= options.rare_word_max_count ? counts : std::span<const ClassCount>());
      for (int c = 0; c < k; ++c) p[c] += options.known_smoothing * unk[c];
      n += options.known_smoothing;
    }
    double best = 0;
    for (int c = 0; c < k; ++c) best = std::max(best, p[c] / n);
    std::vector<std::pair<double, int>> dist;
    for (int c = 0; c < k; ++c)
      if (p[c] > 0 && p[c] / n >= best * options.prune_ratio) dist.emplace_back(p[c] / n, c);
    std::sort(dist.begin(), dist.end(), std::greater<>());
    if (dist.size() > kMaxCandidates) dist.resize(kMaxCandidates);
    cache.first[index] = static_cast<uint32_t>(cache.candidates.size());
    cache.size[index] = static_cast<uint8_t>(dist.size());
    for (const auto& [prob, c] : dist)
      cache.candidates.push_back({static_cast<uint8_t>(c), static_cast<float>(std::log(prob)) - log_prior[c]});
  }
  return {cache.candidates.data() + cache.first[index], cache.size[index]};
}
size_t PosTagger::wordnet_lemma_count() const { return model_->lemma_table.size(); }

namespace {

// The scores an unknown word's candidates start from (before capitalisation), cached per
// thread: news text repeats its unknown words (names, places), and each costs a suffix-model
// walk and some thirty WordNet look-ups. The scores depend only on the model and the key.
struct UnknownScores {
  std::vector<std::pair<float, int>> scores;  // (log P(t|w) - log P(t), class), class order
  bool common_word = false;
  // The pruned candidates after capitalisation, per capitalisation mode met so far (see
  // BuildCandidates): sorting the ~45 classes of an unknown word was most of its cost, and a
  // name recurs in the same few positions (inside a sentence, opening it).
  struct ForMode {
    uint32_t mode = 0;
    std::vector<PosTagger::Model::Candidate> candidates;
  };
  std::vector<ForMode> by_mode;
};

UnknownScores& CachedUnknownScores(const Model& m, std::string_view key) {
  struct Cache {
    uint64_t model = 0;
    std::unordered_map<std::string, UnknownScores, StringHash, std::equal_to<>> entries;
  };
  // Bounded: a long run over varied text clears it now and then instead of growing.
  constexpr size_t kMaxEntries = 1 << 16;
  thread_local Cache cache;
  if (cache.model != m.serial || cache.entries.size() >= kMaxEntries) {
    cache.entries.clear();
    cache.model = m.serial;
  }
  if (auto it = cache.entries.find(key); it != cache.entries.end()) return it->second;
  UnknownScores u;
  std::array<double, 64> unk{};
  m.UnknownDistribution(key, &unk, {}, &u.common_word);
  u.scores.reserve(static_cast<size_t>(m.k));
  for (int c = 0; c < m.k; ++c) u.scores.emplace_back(static_cast<float>(std::log(unk[c])) - m.log_prior[c], c);
  return cache.entries.emplace(std::string(key), std::move(u)).first->second;
}

// The candidate tags of every token with their emission scores (lexicon or unknown-word
// model, capitalisation, pruning): token i owns (*cands)[(*first)[i] .. (*first)[i+1]).
void BuildCandidates(const Model& m, const std::vector<Token>& tokens, std::string_view text,
                     std::span<const uint64_t> key_hashes, std::vector<Model::Candidate>* out_cands,
                     std::vector<uint32_t>* out_first) {
  const size_t n = tokens.size();
  // Words with a capital after their first letter ("al-Qaeda", "wal-Muslimin") count as
  // capitalised; this needs the text, which tokens do not carry.
  thread_local std::vector<bool> inner_caps;  // per-thread buffers: no allocation per sentence
  inner_caps.clear();
  if (!text.empty()) {
    inner_caps.assign(n, false);
    for (size_t i = 0; i < n; ++i) {
      const Token& t = tokens[i];
      if (t.kind != TokenKind::kWord || t.capitalized || t.end > text.size() || t.begin >= t.end) continue;
      for (uint32_t b = t.begin + 1; b < t.end; ++b)
        if (text[b] >= 'A' && text[b] <= 'Z') inner_caps[i] = true;
    }
  }

  // Headline mode: every longer word inside the sentence is capitalised ("Mali Junta Expels
  // French Ambassador"), or the whole sentence is in capitals. Capitalisation then says
  // nothing about proper nouns.
  size_t long_words = 0, long_capitalized = 0, words = 0, caps_words = 0;
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::kWord) continue;
    ++words;
    caps_words += t.all_caps ? 1 : 0;
    if (i > 0 && t.end - t.begin >= 4) {
      ++long_words;
      long_capitalized += t.capitalized ? 1 : 0;
    }
  }
  const bool headline = (long_words >= 3 && long_capitalized == long_words) || (words >= 3 && caps_words == words);

  std::vector<Model::Candidate>& cands = *out_cands;
  std::vector<uint32_t>& first = *out_first;
  cands.clear();
  first.assign(n + 1, 0);
  cands.reserve(n * 4);
  thread_local std::vector<std::pair<float, int>> scratch;
  struct KnownByMode {
    struct Slot {  // per lexicon word, in one place: a look-up touches one cache line
      uint32_t first = 0;
      uint8_t mode = 0;  // the mode cached (0: none)
      uint8_t size = 0;
    };
    uint64_t model = 0;
    std::vector<Slot> slots;
    std::vector<Model::Candidate> pool;
  };
  thread_local KnownByMode known_cache;
  // Each token's lexicon slot, fetched for the whole sentence before the first look-up: the
  // lexicon is larger than the cache, and a look-up otherwise waits on memory at most words.
  thread_local std::vector<uint64_t> hashes;
  hashes.resize(n);
  for (size_t i = 0; i < n; ++i) {
    hashes[i] = key_hashes.size() == n ? key_hashes[i] : HashKey(tokens[i].key);
    m.word_table.PrefetchHash(hashes[i]);
  }
  bool initial = true;  // the next word opens the sentence (or a quotation)
  for (size_t i = 0; i < n; ++i) {
    first[i] = static_cast<uint32_t>(cands.size());
    const Token& t = tokens[i];
    const std::string_view key = t.key;
    if (t.kind == TokenKind::kNumber && m.cd >= 0) {
      cands.push_back({static_cast<uint8_t>(m.cd), 0.0f});
      initial = false;
      continue;
    }
    if (t.kind == TokenKind::kPunct) {
      if (const uint32_t* e = m.word_table.Find(key, hashes[i])) {
        for (const Model::Candidate& c : m.KnownCandidates(*e)) cands.push_back(c);
      } else {
        cands.push_back({static_cast<uint8_t>(m.punc), 0.0f});
      }
      // A word after an opening quote, bracket or colon opens a quotation or a list item.
      if (IsOpeningPunct(key)) {
        const bool glued_right = i + 1 < n && tokens[i + 1].begin == t.end;
        const bool glued_left = i > 0 && tokens[i - 1].end == t.begin;
        if (key != "\"" || (glued_right && !glued_left)) initial = true;
      }
      continue;
    }
    const bool word_initial = initial;
    initial = false;
    const uint32_t* e = m.word_table.Find(key, hashes[i]);
    if (!e) {
      // Contractions griot keeps whole: "didn't" -> did, "can't" -> ca, "won't" -> wo,
      // "cannot" -> can, "they're" -> they. The host word's tags stand for the token.
      std::string_view host;
      if (key == "cannot") host = "can";
      else if (EndsWith(key, "n't") && key.size() > 3) host = key.substr(0, key.size() - 3);
      else if (const size_t ap = key.rfind('\''); ap != std::string_view::npos && ap > 0) {
        const std::string_view tail = key.substr(ap + 1);
        if (tail == "re" || tail == "ve" || tail == "ll" || tail == "d" || tail == "m") host = key.substr(0, ap);
      }
      if (!host.empty()) {
        e = m.Find(host);
        if (!e && host == "can") e = m.Find("ca");
      }
    }
    const bool known = e != nullptr;
    bool common_word = false;  // an unknown word WordNet knows in lower case
    const bool is_upper = t.capitalized || t.all_caps || (i < inner_caps.size() && inner_caps[i]);
    const bool proper_adjective = !headline && is_upper && (m.LemmaBits(key, hashes[i]) & kWnProperAdjective) != 0;
    // Everything below depends on the word and on this mode only: an unknown word's result
    // is kept per mode.
    const uint32_t mode = headline ? 1u
                                   : 2u | (word_initial ? 4u : 0u) | (t.all_caps && key.size() >= 2 ? 8u : 0u) |
                                         (is_upper ? 16u : 0u) | (proper_adjective ? 32u : 0u);
    UnknownScores* unknown = nullptr;
    if (known) {
      // A lexicon word's result for the mode it was last met in (most words keep one mode:
      // lower case inside sentences). Per thread; cleared when the model changes or the pool
      // grows large.
      if (known_cache.model != m.serial || known_cache.pool.size() > (1u << 20)) {
        known_cache.model = m.serial;
        known_cache.slots.assign(m.word_counts.size(), {});
        known_cache.pool.clear();
      }
      if (const auto& slot = known_cache.slots[*e]; slot.mode == mode) {
        const Model::Candidate* c = known_cache.pool.data() + slot.first;
        cands.insert(cands.end(), c, c + slot.size);
        continue;
      }
    } else {
      unknown = &CachedUnknownScores(m, key);
      const auto it = std::find_if(unknown->by_mode.begin(), unknown->by_mode.end(),
                                   [&](const UnknownScores::ForMode& f) { return f.mode == mode; });
      if (it != unknown->by_mode.end()) {
        cands.insert(cands.end(), it->candidates.begin(), it->candidates.end());
        continue;
      }
    }
    scratch.clear();
    if (known) {
      bool has_proper = false;
      for (const Model::Candidate& c : m.KnownCandidates(*e)) {
        scratch.emplace_back(c.score, c.cls);
        has_proper |= c.cls == m.nnp;
      }
      // A known common word capitalised inside a sentence is most often part of a name
      // ("Africa Command", "Operation Barkhane"): NNP keeps at least a floor probability.
      if (!headline && !word_initial && is_upper && m.nnp >= 0) {
        const float floor_score = m.log_proper_floor - m.log_prior[m.nnp];
        if (!has_proper) scratch.emplace_back(floor_score, m.nnp);
        for (auto& [score, c] : scratch)
          if (c == m.nnp) score = std::max(score, floor_score);
      }
    } else {
      common_word = unknown->common_word;
      scratch.assign(unknown->scores.begin(), unknown->scores.end());
    }
    // Capitalisation. A proper adjective ("Algerian", "Islamic") is as much at home
    // capitalised as a proper noun.
    if (!headline) {
      for (auto& [score, c] : scratch) {
        if (proper_adjective && (m.adjective_mask >> c & 1)) continue;
        if (word_initial) {
          // Opening the sentence, capitals are expected: they count only for a word that
          // is neither in the lexicon nor an ordinary WordNet word.
          if (!known && !common_word && is_upper) score += m.log_initial_cap[c];
        } else if (t.all_caps && key.size() >= 2) {
          score += m.log_all_caps[c];
        } else if (is_upper) {
          score += m.log_cap[c];
        } else {
          score += m.log_lower[c];
        }
      }
    }
    // Prune: best first, drop what is far below the best. Only the first kMaxCandidates are
    // kept, so only they are sorted ((score, class) pairs are all distinct: the same order).
    std::partial_sort(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(std::min(scratch.size(), kMaxCandidates)),
                      scratch.end(), std::greater<>());
    const float floor = scratch.front().first + m.log_prune;
    const size_t token_first = cands.size();
    for (size_t c = 0; c < scratch.size() && c < kMaxCandidates; ++c) {
      if (scratch[c].first < floor) break;
      cands.push_back({static_cast<uint8_t>(scratch[c].second), scratch[c].first});
    }
    if (unknown) {
      unknown->by_mode.push_back({mode, {cands.begin() + static_cast<std::ptrdiff_t>(token_first), cands.end()}});
    } else {
      auto& slot = known_cache.slots[*e];
      slot.mode = static_cast<uint8_t>(mode);
      slot.first = static_cast<uint32_t>(known_cache.pool.size());
      slot.size = static_cast<uint8_t>(cands.size() - token_first);
      known_cache.pool.insert(known_cache.pool.end(), cands.begin() + static_cast<std::ptrdiff_t>(token_first), cands.end());
    }
  }
  first[n] = static_cast<uint32_t>(cands.size());
}

}  // namespace

std::vector<std::vector<std::pair<PosTag, float>>> PosTagger::ExplainSentence(const std::vector<Token>& tokens,
                                                                              std::string_view text) const {
  const Model& m = *model_;
  std::vector<Model::Candidate> cands;
  std::vector<uint32_t> first;
  BuildCandidates(m, tokens, text, {}, &cands, &first);
  std::vector<std::vector<std::pair<PosTag, float>>> out(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i)
    for (uint32_t c = first[i]; c < first[i + 1]; ++c) out[i].emplace_back(m.class_tag[cands[c].cls], cands[c].score);
  return out;
}

std::vector<PosTag> PosTagger::TagSentence(const std::vector<Token>& tokens, std::string_view text,
                                           std::span<const uint64_t> key_hashes) const {
  const Model& m = *model_;
  const size_t n = tokens.size();
  std::vector<PosTag> out(n, PosTag::kNN);
  if (n == 0) return out;
  const int k = m.k;
  using Candidate = Model::Candidate;
  // Per-thread buffers, reused from sentence to sentence.
  thread_local std::vector<Candidate> cands;
  thread_local std::vector<uint32_t> first, layer_first;
  thread_local std::vector<float> delta;
  thread_local std::vector<uint8_t> back, choice;
  BuildCandidates(m, tokens, text, key_hashes, &cands, &first);
  auto count = [&](size_t i) { return first[i + 1] - first[i]; };

  // ---- Viterbi over pairs (previous tag, tag) ----
  // Layer i holds one score per (j, c): j a candidate of token i-1 (a single virtual PUNC
  // for i = 0), c a candidate of token i; back[i] the best candidate of token i-2.
  layer_first.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) layer_first[i + 1] = layer_first[i] + (i == 0 ? 1 : count(i - 1)) * count(i);
  delta.assign(layer_first[n], kNegInf);
  back.assign(layer_first[n], 0);
  for (uint32_t c = 0; c < count(0); ++c) {
    const Candidate& x = cands[first[0] + c];
    delta[c] = m.start[x.cls] + x.score;
  }
  const size_t plane = static_cast<size_t>(k) * static_cast<size_t>(k);  // trans[h][.][.]
  for (size_t i = 1; i < n; ++i) {
    const uint32_t nh = i == 1 ? 1 : count(i - 2);
    const uint32_t nj = count(i - 1), nc = count(i);
    const float* prev = &delta[layer_first[i - 1]];
    float* cur = &delta[layer_first[i]];
    uint8_t* bp = &back[layer_first[i]];
    const Candidate* cj_cands = &cands[first[i - 1]];
    const Candidate* c_cands = &cands[first[i]];
    // Where each candidate h of token i-2 starts its plane of the transition table, and its
    // column of scores in the previous layer gathered (prev[h * nj + j] for this j).
    std::array<size_t, kMaxCandidates> h_plane;
    std::array<float, kMaxCandidates> prev_j;
    h_plane[0] = 0;
    prev_j[0] = kNegInf;  // a token without candidates scores -infinity, as the scan would
    if (i == 1) h_plane[0] = static_cast<size_t>(m.punc) * plane;
    else
      for (uint32_t h = 0; h < nh; ++h) h_plane[h] = static_cast<size_t>(cands[first[i - 2] + h].cls) * plane;
    for (uint32_t j = 0; j < nj; ++j) {
      const float* trans_j = &m.trans[static_cast<size_t>(cj_cands[j].cls) * static_cast<size_t>(k)];
      for (uint32_t h = 0; h < nh; ++h) prev_j[h] = prev[h * nj + j];
      for (uint32_t c = 0; c < nc; ++c) {
        const Candidate& x = c_cands[c];
        const float* t = trans_j + x.cls;
        // The first strictly better h wins, as in a scan from -infinity.
        float best = prev_j[0] + t[h_plane[0]];
        uint8_t arg = 0;
        for (uint32_t h = 1; h < nh; ++h) {
          const float v = prev_j[h] + t[h_plane[h]];
          if (v > best) {
            best = v;
            arg = static_cast<uint8_t>(h);
          }
        }
        cur[j * nc + c] = best + x.score;
        bp[j * nc + c] = arg;
      }
    }
  }
  // Best final state, then back.
  choice.assign(n, 0);
  {
    const size_t i = n - 1;
    const uint32_t nj = i == 0 ? 1 : count(i - 1), nc = count(i);
    float best = kNegInf;
    uint32_t bj = 0, bc = 0;
    for (uint32_t j = 0; j < nj; ++j)
      for (uint32_t c = 0; c < nc; ++c)
        if (delta[layer_first[i] + j * nc + c] > best) {
          best = delta[layer_first[i] + j * nc + c];
          bj = j;
          bc = c;
        }
    choice[i] = static_cast<uint8_t>(bc);
    if (i > 0) choice[i - 1] = static_cast<uint8_t>(bj);
    for (size_t p = i; p >= 2; --p) {
      const uint32_t nc_p = count(p);
      choice[p - 2] = back[layer_first[p] + choice[p - 1] * nc_p + choice[p]];
    }
  }

  // ---- classes -> Penn tags ----
  int open_quotes = 0;
  for (size_t i = 0; i < n; ++i) {
    const int c = cands[first[i] + choice[i]].cls;
    PosTag tag = m.class_tag[c];
    const std::string_view key = tokens[i].key;
    if (c == m.punc) {
      tag = PunctTag(tokens, i, &open_quotes);
    } else if (c == m.prp) {
      if (IsPossessivePronoun(key)) {
        tag = PosTag::kPRPS;
      } else if (key == "her" && i + 1 < n) {
        const PosTag next = m.class_tag[cands[first[i + 1] + choice[i + 1]].cls];
        if (IsNounTag(next) || IsAdjectiveTag(next) || next == PosTag::kCD || next == PosTag::kVBG ||
            next == PosTag::kVBN)
          tag = PosTag::kPRPS;
      }
    } else if (c == m.wp && key == "whose") {
      tag = PosTag::kWPS;
    }
    out[i] = tag;
  }
  return out;
}

}  // namespace griot

#include "dict/phrase_index.h"

#include <algorithm>
#include <array>
#include <cassert>

#include "base/utf8.h"

namespace griot {

namespace {

// Code points below kTableEnd (Latin, IPA, modifier letters, combining marks, Greek and
// Cyrillic) fold one by one: FoldKey's decomposition, case folding and mark stripping leave
// nothing for composition to join, so a word's key is its code points' keys in a row. The
// table holds each one's FoldKey, made once; it spares utf8proc's allocations for the
// gazetteer's ~25,000 accented names. Other scripts go through FoldKey whole.
constexpr char32_t kTableEnd = 0x530;

const std::array<std::string, kTableEnd>& FoldTable() {
  static const auto* table = [] {
    auto* t = new std::array<std::string, kTableEnd>();
    for (char32_t cp = 0; cp < kTableEnd; ++cp) {
      std::string utf8;
      if (cp < 0x80) {
        utf8.push_back(static_cast<char>(cp));
      } else if (cp < 0x800) {
        utf8.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        utf8.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      }
      (*t)[cp] = FoldKey(utf8);
    }
    return t;
  }();
  return *table;
}

// `word` as a matching key into `out`, reusing its capacity: FoldKey's own lower-casing for
// plain ASCII (most dictionary words), the table above for the scripts it covers, FoldKey
// itself otherwise.
void FoldInto(std::string_view word, std::string* out) {
  bool ascii = true;
  for (const char c : word) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    out->resize(word.size());
    for (size_t i = 0; i < word.size(); ++i) {
      const char c = word[i];
      (*out)[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    }
    return;
  }
  const auto& table = FoldTable();
  out->clear();
  size_t pos = 0;
  while (pos < word.size()) {
    const char32_t cp = DecodeUtf8(word, &pos);
    if (cp >= kTableEnd) {  // another script, or a byte that is not UTF-8 (U+FFFD)
      *out = FoldKey(word);
      return;
    }
    *out += table[cp];
  }
}

}  // namespace

std::vector<std::string> SplitPhrase(std::string_view phrase, bool* exact) {
  std::vector<std::string> words;
  SplitPhraseInto(phrase, &words, exact);
  return words;
}

void SplitPhraseInto(std::string_view phrase, std::vector<std::string>* words, bool* exact) {
  size_t n = 0;
  auto next = [&]() -> std::string& {
    if (n == words->size()) words->emplace_back();
    return (*words)[n++];
  };
  if (exact) *exact = !phrase.empty() && phrase.back() == '_';
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && (phrase[i] == '_' || phrase[i] == ' ' || phrase[i] == '\t')) ++i;
    size_t j = i;
    while (j < phrase.size() && phrase[j] != '_' && phrase[j] != ' ' && phrase[j] != '\t') ++j;
    if (j > i) {
      std::string_view word = phrase.substr(i, j - i);
      // A possessive written into a phrase ("MALI'S") is two tokens in text.
      if (word.size() > 2 && (word.ends_with("'S") || word.ends_with("'s"))) {
        FoldInto(word.substr(0, word.size() - 2), &next());
        next() = "'s";
      } else {
        FoldInto(word, &next());
      }
    }
    i = j;
  }
  words->resize(n);
}

void PhraseIndex::Add(const std::vector<std::string>& words, uint32_t id) {
  assert(!restored_ && "a restored PhraseIndex is read-only");
  if (words.empty()) return;
  uint32_t node = RootForInsert(words[0]);
  for (size_t k = 1; k < words.size(); ++k) node = ChildForInsert(node, words[k]);
  AddEntry(node, id);
  ++phrases_;
  finalized_ = false;
}

void PhraseIndex::AddFlexible(const std::vector<std::string>& words, const std::vector<uint8_t>& flags, uint32_t id) {
  assert(!restored_ && "a restored PhraseIndex is read-only");
  if (words.empty()) return;
  bool any = false;
  for (size_t k = 0; k < words.size() && k < flags.size(); ++k) any |= (flags[k] & kStem) || (k > 0 && (flags[k] & kGap));
  if (!any) {
    Add(words, id);
    return;
  }
  Flexible f;
  f.words = words;
  f.flags = flags;
  f.flags.resize(words.size(), 0);
  f.id = id;
  const uint32_t index = static_cast<uint32_t>(flexible_.size());
  if (!(f.flags[0] & kStem)) flexible_first_[HashKey(f.words[0])].push_back(index);
  else if (f.words[0].size() < kStemPrefix) flexible_stem_short_.push_back(index);
  else flexible_stem_prefix_[f.words[0].substr(0, kStemPrefix)].push_back(index);
  flexible_.push_back(std::move(f));
  ++phrases_;
}

uint32_t PhraseIndex::AddIfNew(const std::vector<std::string>& words, uint32_t id) {
  assert(!restored_ && "a restored PhraseIndex is read-only");
  if (words.empty()) return id;
  uint32_t node = RootForInsert(words[0]);
  for (size_t k = 1; k < words.size(); ++k) node = ChildForInsert(node, words[k]);
  if (first_id_[node] != kNone) return first_id_[node];
  AddEntry(node, id);
  ++phrases_;
  finalized_ = false;
  return id;
}

uint32_t PhraseIndex::NewNode() {
  nodes_.emplace_back();
  first_id_.push_back(kNone);
  return static_cast<uint32_t>(nodes_.size() - 1);
}

void PhraseIndex::AddEntry(uint32_t node, uint32_t id) {
  pending_entries_.emplace_back(node, id);
  if (first_id_[node] == kNone) first_id_[node] = id;
}

std::string_view PhraseIndex::Intern(std::string_view word) {
  constexpr size_t kBlock = 64 * 1024;
  if (word.size() > arena_left_) {
    const size_t size = std::max(kBlock, word.size());
    arena_.push_back(std::make_unique<char[]>(size));
    arena_next_ = arena_.back().get();
    arena_left_ = size;
  }
  char* at = arena_next_;
  std::copy(word.begin(), word.end(), at);
  arena_next_ += word.size();
  arena_left_ -= word.size();
  return {at, word.size()};
}

uint32_t PhraseIndex::RootForInsert(std::string_view word) {
  if (const uint32_t node = Root(word); node != kNone) return node;
  // Grow to keep the table at most half full: probes stay short, and misses end early.
  if ((root_words_.size() + 1) * 2 > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, old.size() * 2), Slot{});
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.hash == 0) continue;
      size_t i = s.hash & mask;
      while (slots_[i].hash != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  const uint64_t h = HashWord(word);
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].hash != 0) i = (i + 1) & mask;
  const uint32_t node = NewNode();
  slots_[i] = Slot{h, node, static_cast<uint32_t>(root_words_.size())};
  root_words_.push_back(Intern(word));
  return node;
}

uint32_t PhraseIndex::ChildForInsert(uint32_t node, std::string_view word) {
  // Edges are found through their own open-addressed table of (parent, word) while adding;
  // Finalize sorts them into the child lists lookups search.
  const uint64_t h = (HashWord(word) ^ (uint64_t{node} * 0x9e3779b97f4a7c15ull)) >> 32;
  if ((edges_.size() + 1) * 2 > edge_slots_.size()) {
    std::vector<uint64_t> old = std::move(edge_slots_);
    edge_slots_.assign(std::max<size_t>(64, old.size() * 2), 0);
    const size_t mask = edge_slots_.size() - 1;
    for (const uint64_t s : old) {
      if (s == 0) continue;
      size_t i = (s >> 32) & mask;
      while (edge_slots_[i] != 0) i = (i + 1) & mask;
      edge_slots_[i] = s;
    }
  }
  const size_t mask = edge_slots_.size() - 1;
  size_t i = h & mask;
  for (; edge_slots_[i] != 0; i = (i + 1) & mask) {
    const uint64_t s = edge_slots_[i];
    if ((s >> 32) != h) continue;
    const PendingEdge& e = edges_[(s & 0xffffffffu) - 1];
    if (e.parent == node && e.word == word) return e.child;
  }
  const uint32_t child = NewNode();
  edges_.push_back({node, child, Intern(word)});
  edge_slots_[i] = h << 32 | edges_.size();
  return child;
}

void PhraseIndex::Finalize() {
  // Child lists: the edges sorted by parent, then word.
  std::vector<uint32_t> order(edges_.size());
  for (uint32_t e = 0; e < order.size(); ++e) order[e] = e;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const PendingEdge& x = edges_[a];
    const PendingEdge& y = edges_[b];
    return x.parent != y.parent ? x.parent < y.parent : x.word < y.word;
  });
  for (Node& nd : nodes_) nd = Node{};
  children_.resize(order.size());
  for (size_t j = 0; j < order.size(); ++j) {
    const PendingEdge& e = edges_[order[j]];
    Node& parent = nodes_[e.parent];
    if (parent.child_count++ == 0) parent.first_child = static_cast<uint32_t>(j);
    children_[j] = Edge{e.word, e.child};
  }
  // Entries: by node, each node's in the order added (a counting sort).
  for (const auto& [node, id] : pending_entries_) ++nodes_[node].entry_count;
  uint32_t at = 0;
  for (Node& nd : nodes_) {
    nd.first_entry = at;
    at += nd.entry_count;
  }
  entries_.resize(pending_entries_.size());
  std::vector<uint32_t> filled(nodes_.size(), 0);
  for (const auto& [node, id] : pending_entries_) entries_[nodes_[node].first_entry + filled[node]++] = id;
  // The first-word filter: some 16 bits per first word (few false positives), at least 4096.
  uint32_t log_bits = 12;
  while ((size_t{1} << log_bits) < root_words_.size() * 16 && log_bits < 30) ++log_bits;
  first_filter_.assign((size_t{1} << log_bits) / 64, 0);
  first_filter_shift_ = 64 - log_bits;
  for (const Slot& slot : slots_)
    if (slot.hash != 0) {
      const uint64_t bit = slot.hash >> first_filter_shift_;
      first_filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
    }
  finalized_ = true;
}

namespace {

// Words of the trie as (offset, size) in one byte string: the arena's string_views cannot be
// written as they are.
struct SavedWord {
  uint32_t offset = 0, size = 0;
};
struct SavedEdge {
  SavedWord word;
  uint32_t child = 0;
};

SavedWord SaveWord(std::string_view word, std::string* blob) {
  const SavedWord w{static_cast<uint32_t>(blob->size()), static_cast<uint32_t>(word.size())};
  blob->append(word);
  return w;
}

}  // namespace

Status PhraseIndex::Save(SnapshotWriter* out) const {
  if (!finalized_) return Status::Internal("PhraseIndex::Save before Finalize");
  if (!flexible_.empty()) return Status::Unsupported("an index with flexible phrases has no snapshot");
  std::string blob;
  std::vector<SavedEdge> edges;
  edges.reserve(children_.size());
  for (const Edge& e : children_) edges.push_back({SaveWord(e.word, &blob), e.child});
  std::vector<SavedWord> roots;
  roots.reserve(root_words_.size());
  for (const std::string_view w : root_words_) roots.push_back(SaveWord(w, &blob));
  if (blob.size() > UINT32_MAX) return Status::Unsupported("phrase index too large for a snapshot");
  out->Bytes(blob);
  out->Array(nodes_);
  out->Array(edges);
  out->Array(entries_);
  out->Array(slots_);
  out->Array(roots);
  out->Array(first_filter_);
  out->Value(first_filter_shift_);
  out->Value(static_cast<uint64_t>(phrases_));
  return Status::Ok();
}

bool PhraseIndex::Restore(SnapshotReader* in) {
  *this = PhraseIndex();
  std::string blob;
  std::vector<SavedEdge> edges;
  std::vector<SavedWord> roots;
  uint64_t phrases = 0;
  bool ok = in->Bytes(&blob) && in->Array(&nodes_) && in->Array(&edges) && in->Array(&entries_) &&
            in->Array(&slots_) && in->Array(&roots) && in->Array(&first_filter_) &&
            in->Value(&first_filter_shift_) && in->Value(&phrases);
  // Every stored offset must land inside the tables read, so that a damaged snapshot fails
  // here instead of in a look-up.
  auto word_ok = [&](const SavedWord& w) { return w.offset <= blob.size() && w.size <= blob.size() - w.offset; };
  const size_t node_count = nodes_.size();
  // The filter holds 2^(64 - shift) bits (at least 64: one word).
  if (ok) ok = (slots_.size() & (slots_.size() - 1)) == 0 &&
               (first_filter_.empty() ? first_filter_shift_ == 64
                                      : first_filter_shift_ >= 1 && first_filter_shift_ <= 58 &&
                                            (uint64_t{1} << (64 - first_filter_shift_)) == first_filter_.size() * 64);
  for (size_t i = 0; ok && i < node_count; ++i) {
    const Node& nd = nodes_[i];
    ok = nd.first_child <= edges.size() && nd.child_count <= edges.size() - nd.first_child &&
         nd.first_entry <= entries_.size() && nd.entry_count <= entries_.size() - nd.first_entry;
  }
  for (size_t i = 0; ok && i < edges.size(); ++i) ok = word_ok(edges[i].word) && edges[i].child < node_count;
  for (size_t i = 0; ok && i < roots.size(); ++i) ok = word_ok(roots[i]);
  for (size_t i = 0; ok && i < slots_.size(); ++i)
    ok = slots_[i].hash == 0 || (slots_[i].node < node_count && slots_[i].word < roots.size());
  if (!ok) {
    *this = PhraseIndex();
    return false;
  }
  arena_.push_back(std::make_unique<char[]>(std::max<size_t>(blob.size(), 1)));
  char* base = arena_.back().get();
  std::copy(blob.begin(), blob.end(), base);
  SnapshotReader::SizeForFill(&children_, edges.size());
  for (size_t i = 0; i < edges.size(); ++i)
    children_[i] = Edge{std::string_view(base + edges[i].word.offset, edges[i].word.size), edges[i].child};
  SnapshotReader::SizeForFill(&root_words_, roots.size());
  for (size_t i = 0; i < roots.size(); ++i) root_words_[i] = std::string_view(base + roots[i].offset, roots[i].size);
  phrases_ = static_cast<size_t>(phrases);
  finalized_ = true;
  restored_ = true;
  return true;
}

uint64_t PhraseIndex::CodeFingerprint() {
  // Phrases that go through every path of SplitPhraseInto and FoldInto (plain ASCII, the
  // Latin table, another script, a possessive), hashed with the hash the tables use.
  static const uint64_t fingerprint = [] {
    std::string all;
    std::vector<std::string> words;
    for (const char* phrase : {"WAGNER_GROUP_", "MALI'S ARMY", "Ménaka Tombouctou Ségou", "São_Tomé ÅLAND Œuvre",
                               "Москва Київ", "القاهرة", "東京", "a-b c.d"}) {
      SplitPhraseInto(phrase, &words);
      for (const std::string& w : words) all += w + '\x1f';
      all += '\x1e';
    }
    return HashKey(all) ^ (HashKey("griot") * 31);
  }();
  return fingerprint;
}

}  // namespace griot

#include "dict/gazetteer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <utility>

namespace griot {

namespace {

constexpr size_t kColumns = 10;

// The first kColumns tab-separated columns of `line` into `cols`; returns the number of
// columns in the line (more than kColumns are counted, not kept).
size_t SplitTabs(std::string_view line, std::array<std::string_view, kColumns>* cols) {
  size_t count = 0, start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    const size_t end = tab == std::string_view::npos ? line.size() : tab;
    if (count < kColumns) (*cols)[count] = line.substr(start, end - start);
    ++count;
    if (tab == std::string_view::npos) return count;
    start = tab + 1;
  }
}

std::optional<double> ParseCoord(std::string_view s, double limit) {
  if (s.empty()) return std::nullopt;
  // from_chars reads the plain decimals of the generated table without a copy; anything it
  // does not read whole ("+1.5", " 2") goes through strtod as before.
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) {
    std::string buf(s);
    char* end = nullptr;
    v = std::strtod(buf.c_str(), &end);
    if (end != buf.c_str() + buf.size()) return std::nullopt;
  }
  if (v < -limit || v > limit) return std::nullopt;
  return v;
}

long ParsePopulation(std::string_view s) {
  long v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc() && ptr == s.data() + s.size()) return v;
  return std::atol(std::string(s).c_str());
}

// A row Load accepted (at least kColumns columns, a name) as a Place.
Place MakePlace(std::string_view row) {
  std::array<std::string_view, kColumns> cols;
  SplitTabs(row, &cols);
  Place p;
  p.name = std::string(cols[0]);
  p.country = std::string(cols[2]);
  p.admin1 = std::string(cols[3]);
  p.admin1_name = std::string(cols[4]);
  p.lat = ParseCoord(cols[5], 90);
  p.lon = ParseCoord(cols[6], 180);
  p.population = ParsePopulation(cols[7]);
  p.kind = std::string(cols[8]);
  p.id = std::string(cols[9]);
  return p;
}

}  // namespace

Gazetteer::Gazetteer(Gazetteer&& other) noexcept { *this = std::move(other); }

Gazetteer& Gazetteer::operator=(Gazetteer&& other) noexcept {
  if (this == &other) return *this;
  for (size_t i = 0; i < made_size_; ++i) delete made_[i].load(std::memory_order_relaxed);
  texts_ = std::move(other.texts_);
  rows_ = std::move(other.rows_);
  made_ = std::move(other.made_);
  made_size_ = std::exchange(other.made_size_, 0);
  group_pairs_ = std::move(other.group_pairs_);
  groups_ = std::exchange(other.groups_, 0);
  group_start_ = std::move(other.group_start_);
  group_places_ = std::move(other.group_places_);
  words_ = std::move(other.words_);
  index_ = std::move(other.index_);
  return *this;
}

Gazetteer::~Gazetteer() {
  for (size_t i = 0; i < made_size_; ++i) delete made_[i].load(std::memory_order_relaxed);
}

void Gazetteer::Load(std::string_view content, const std::string& file, std::vector<DictIssue>* issues) {
  Load(std::string(content), file, issues);
}

void Gazetteer::Load(std::string&& content, const std::string& file, std::vector<DictIssue>* issues) {
  auto text = std::make_unique<Text>();
  text->owned = std::move(content);
  text->bytes = text->owned;
  LoadText(std::move(text), file, issues);
}

void Gazetteer::Load(MappedFile&& content, const std::string& file, std::vector<DictIssue>* issues) {
  auto text = std::make_unique<Text>();
  text->mapped = std::move(content);
  text->bytes = text->mapped.bytes();
  LoadText(std::move(text), file, issues);
}

void Gazetteer::LoadText(std::unique_ptr<Text> text, const std::string& file, std::vector<DictIssue>* issues) {
  texts_.push_back(std::move(text));
  LoadRows(texts_.back()->bytes, file, issues);
  // Room for the places of this file (those made already, if any, are kept).
  auto made = std::make_unique<std::atomic<const Place*>[]>(rows_.size());
  for (size_t i = 0; i < made_size_; ++i) made[i].store(made_[i].load(std::memory_order_relaxed), std::memory_order_relaxed);
  made_ = std::move(made);
  made_size_ = rows_.size();
}

void Gazetteer::LoadRows(std::string_view content, const std::string& file, std::vector<DictIssue>* issues) {
  int number = 0;
  size_t pos = 0;
  std::array<std::string_view, kColumns> cols;
  // Size the per-place tables once (one place per line, nearly).
  const size_t lines = static_cast<size_t>(std::count(content.begin(), content.end(), '\n')) + 1;
  rows_.reserve(rows_.size() + lines);
  group_pairs_.reserve(group_pairs_.size() + lines + lines / 8);
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#' || line.starts_with("name\t")) continue;
    const size_t count = SplitTabs(line, &cols);
    if (count < kColumns) {
      issues->push_back({file, number, fmt::format("expected 10 tab-separated columns, got {}", count)});
      continue;
    }
    if (cols[0].empty()) {
      issues->push_back({file, number, "place has no name"});
      continue;
    }
    const uint32_t id = static_cast<uint32_t>(rows_.size());
    rows_.push_back(line);
    // The ascii column repeats the name for most places: the same phrase adds nothing.
    const size_t names = cols[1] == cols[0] ? 1 : 2;
    for (size_t k = 0; k < names; ++k) {
      SplitPhraseInto(cols[k], &words_);
      if (words_.empty()) continue;
      // One group per distinct phrase: the index gives the phrase's group if it has one.
      const uint32_t group_id = index_.AddIfNew(words_, groups_);
      if (group_id == groups_) ++groups_;
      // A place whose two names make the same phrase is listed once.
      if (group_pairs_.empty() || group_pairs_.back() != std::pair(group_id, id))
        group_pairs_.emplace_back(group_id, id);
    }
  }
}

void Gazetteer::Finalize() {
  index_.Finalize();
  // Counting sort of the (group, place) pairs by group; within a group, in the order found.
  group_start_.assign(static_cast<size_t>(groups_) + 1, 0);
  for (const auto& [group, place] : group_pairs_) ++group_start_[group + 1];
  for (size_t g = 1; g < group_start_.size(); ++g) group_start_[g] += group_start_[g - 1];
  group_places_.resize(group_pairs_.size());
  std::vector<uint32_t> next(group_start_.begin(), group_start_.end() - 1);
  for (const auto& [group, place] : group_pairs_) group_places_[next[group]++] = place;
}

const Place& Gazetteer::place(uint32_t id) const {
  std::atomic<const Place*>& slot = made_[id];
  if (const Place* p = slot.load(std::memory_order_acquire)) return *p;
  // Two threads may make the same place at once: the first to publish wins, the other's
  // copy is dropped.
  auto made = std::make_unique<const Place>(MakePlace(rows_[id]));
  const Place* expected = nullptr;
  if (slot.compare_exchange_strong(expected, made.get(), std::memory_order_acq_rel, std::memory_order_acquire))
    return *made.release();
  return *expected;
}

namespace {

// The layout of the sections Gazetteer::Save writes; raise it when they change.
constexpr uint32_t kSnapshotVersion = 1;

struct SavedRow {
  uint32_t offset = 0, size = 0;  // in the file's text
};

}  // namespace

SnapshotKey Gazetteer::SnapshotKeyFor(std::string_view content) {
  return SnapshotKey{"gazetteer", kSnapshotVersion, content.size(), HashBytes(content), PhraseIndex::CodeFingerprint()};
}

SnapshotKey Gazetteer::SnapshotKeyFor(const MappedFile& file) {
  constexpr size_t kSample = 64 * 1024;
  const std::string_view bytes = file.bytes();
  const uint64_t head = HashBytes(bytes.substr(0, kSample));
  const uint64_t tail = HashBytes(bytes.substr(bytes.size() > kSample ? bytes.size() - kSample : 0));
  const uint64_t hash = head ^ (tail * 0x9e3779b97f4a7c15ull) ^ (static_cast<uint64_t>(file.mtime_ns()) * 0xff51afd7ed558ccdull);
  // A kind of its own: a key made this way never matches one made from the whole text.
  return SnapshotKey{"gazetteer-file", kSnapshotVersion, bytes.size(), hash, PhraseIndex::CodeFingerprint()};
}

Status Gazetteer::Save(SnapshotWriter* out, const std::vector<DictIssue>& issues) const {
  if (texts_.size() != 1) return Status::Unsupported("only a gazetteer loaded from one file has a snapshot");
  const std::string_view text = texts_.front()->bytes;
  if (text.size() > UINT32_MAX) return Status::Unsupported("gazetteer too large for a snapshot");
  std::vector<SavedRow> rows;
  rows.reserve(rows_.size());
  for (const std::string_view r : rows_) rows.push_back({static_cast<uint32_t>(r.data() - text.data()), static_cast<uint32_t>(r.size())});
  out->Array(rows);
  out->Value(groups_);
  out->Array(group_start_);
  out->Array(group_places_);
  out->Value(static_cast<uint64_t>(issues.size()));
  for (const DictIssue& issue : issues) {
    out->Value(static_cast<int64_t>(issue.line));
    out->Bytes(issue.reason);
  }
  return index_.Save(out);
}

bool Gazetteer::Restore(SnapshotReader* in, std::string&& content, const std::string& file,
                        std::vector<DictIssue>* issues) {
  auto text = std::make_unique<Text>();
  text->owned = std::move(content);
  text->bytes = text->owned;
  if (RestoreText(in, &text, file, issues)) return true;
  content = std::move(text->owned);  // given back as it came
  return false;
}

bool Gazetteer::Restore(SnapshotReader* in, MappedFile&& content, const std::string& file,
                        std::vector<DictIssue>* issues) {
  auto text = std::make_unique<Text>();
  text->mapped = std::move(content);
  text->bytes = text->mapped.bytes();
  if (RestoreText(in, &text, file, issues)) return true;
  content = std::move(text->mapped);
  return false;
}

bool Gazetteer::RestoreText(SnapshotReader* in, std::unique_ptr<Text>* text_in, const std::string& file,
                            std::vector<DictIssue>* issues) {
  *this = Gazetteer();
  const std::string_view content = (*text_in)->bytes;
  std::vector<SavedRow> rows;
  uint64_t issue_count = 0;
  bool ok = in->Array(&rows) && in->Value(&groups_) && in->Array(&group_start_) && in->Array(&group_places_) &&
            in->Value(&issue_count);
  std::vector<DictIssue> saved;
  for (uint64_t i = 0; ok && i < issue_count; ++i) {
    int64_t line = 0;
    DictIssue issue{file, 0, {}};
    ok = in->Value(&line) && in->Bytes(&issue.reason);
    issue.line = static_cast<int>(line);
    saved.push_back(std::move(issue));
  }
  ok = ok && index_.Restore(in) && in->AtEnd() && index_.EntriesBelow(groups_);
  // The tables must agree with each other and with the text, so that a damaged snapshot
  // fails here and not in Candidates() or place().
  ok = ok && group_start_.size() == static_cast<size_t>(groups_) + 1 && group_start_.front() == 0 &&
       group_start_.back() == group_places_.size();
  for (size_t g = 1; ok && g < group_start_.size(); ++g) ok = group_start_[g - 1] <= group_start_[g];
  for (size_t i = 0; ok && i < group_places_.size(); ++i) ok = group_places_[i] < rows.size();
  for (size_t i = 0; ok && i < rows.size(); ++i)
    ok = rows[i].offset <= content.size() && rows[i].size <= content.size() - rows[i].offset;
  if (!ok) {
    *this = Gazetteer();
    return false;
  }
  texts_.push_back(std::move(*text_in));
  const std::string_view text = texts_.front()->bytes;
  SnapshotReader::SizeForFill(&rows_, rows.size());
  for (size_t i = 0; i < rows.size(); ++i) rows_[i] = text.substr(rows[i].offset, rows[i].size);
  made_ = std::make_unique<std::atomic<const Place*>[]>(rows_.size());
  made_size_ = rows_.size();
  issues->insert(issues->end(), std::make_move_iterator(saved.begin()), std::make_move_iterator(saved.end()));
  return true;
}

}  // namespace griot

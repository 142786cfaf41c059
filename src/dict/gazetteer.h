// Places: localities, first-level regions and countries with coordinates, from the gazetteer
// generated at set-up (data/generated/places.tsv) and griot's authored Sahel places.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/mapped_file.h"
#include "base/snapshot.h"
#include "dict/dict_file.h"
#include "dict/phrase_index.h"

namespace griot {

struct Place {
  std::string name;
  std::string country;      // ISO 3166 alpha-3
  std::string admin1;       // first-level region code (ISO 3166-2 where known)
  std::string admin1_name;
  std::optional<double> lat, lon;
  long population = 0;
  std::string kind;  // "locality", "region", "country", "site"
  std::string id;
};

// Loading reads each row's names into the phrase index and keeps the file's text; a Place
// is made from its row the first time it is asked for. The generated gazetteer has ~140,000
// rows and a run looks at a few hundred of them, so making them all was most of the
// dictionaries' start-up time and memory.
//
// Thread-safety: after loading, every const member may be called from any number of threads
// at once (a place made on first use is published atomically).
class Gazetteer {
 public:
  Gazetteer() = default;
  Gazetteer(Gazetteer&& other) noexcept;
  Gazetteer& operator=(Gazetteer&& other) noexcept;
  ~Gazetteer();

  // Loads rows with the columns name, ascii, country, admin1, admin1_name, lat, lon,
  // population, kind, id (a header row is skipped). The first form copies `content`; the
  // second keeps it without a copy.
  void Load(std::string_view content, const std::string& file, std::vector<DictIssue>* issues);
  void Load(std::string&& content, const std::string& file, std::vector<DictIssue>* issues);
  // The same from the file mapped into memory, kept mapped for the rows.
  void Load(MappedFile&& content, const std::string& file, std::vector<DictIssue>* issues);
  // Must be called after the last Load() and before Candidates() and lookups.
  void Finalize();
  const PhraseIndex& index() const { return index_; }
  // All places sharing the phrase of match `entry` (a name is ambiguous across countries),
  // in the order loaded.
  std::span<const uint32_t> Candidates(uint32_t entry) const {
    return {group_places_.data() + group_start_[entry], group_start_[entry + 1] - group_start_[entry]};
  }
  const Place& place(uint32_t id) const;
  size_t size() const { return rows_.size(); }

  // Snapshots (base/snapshot.h) of a gazetteer loaded from one file and finalized: Save
  // writes its tables and `issues`, the problems loading the file raised. Restore is Load
  // and Finalize from the snapshot of `content` (the file's text): it appends the saved
  // issues, takes `content` and returns true, or returns false when the snapshot is broken,
  // leaving the gazetteer empty and `content` as it was. A restored gazetteer takes no
  // further Load.
  Status Save(SnapshotWriter* out, const std::vector<DictIssue>& issues) const;
  bool Restore(SnapshotReader* in, std::string&& content, const std::string& file, std::vector<DictIssue>* issues);
  bool Restore(SnapshotReader* in, MappedFile&& content, const std::string& file, std::vector<DictIssue>* issues);
  // The key of the snapshot of a gazetteer whose text is `content`: its size and a hash of
  // all its bytes.
  static SnapshotKey SnapshotKeyFor(std::string_view content);
  // The key of the snapshot of a mapped gazetteer file, made without reading the whole file
  // (which a restored gazetteer never needs): its size, its modification time and a hash of
  // its first and last 64 KiB. The files are generated at set-up, and a new one is written
  // whole (a new modification time).
  static SnapshotKey SnapshotKeyFor(const MappedFile& file);

 private:
  void LoadRows(std::string_view content, const std::string& file, std::vector<DictIssue>* issues);
  // A loaded file's text, in memory or mapped, at a stable address.
  struct Text {
    std::string owned;
    MappedFile mapped;
    std::string_view bytes;
  };
  void LoadText(std::unique_ptr<Text> text, const std::string& file, std::vector<DictIssue>* issues);
  bool RestoreText(SnapshotReader* in, std::unique_ptr<Text>* text, const std::string& file,
                   std::vector<DictIssue>* issues);

  // The loaded files' text and each place's row in it.
  std::vector<std::unique_ptr<const Text>> texts_;
  std::vector<std::string_view> rows_;
  // Per place: the Place once made (null before), owned by the gazetteer.
  std::unique_ptr<std::atomic<const Place*>[]> made_;
  size_t made_size_ = 0;
  // (phrase group, place) in the order found while loading; Finalize lays them out by group.
  std::vector<std::pair<uint32_t, uint32_t>> group_pairs_;
  uint32_t groups_ = 0;
  std::vector<uint32_t> group_start_;   // group -> first index in group_places_; one past the end last
  std::vector<uint32_t> group_places_;
  std::vector<std::string> words_;      // SplitPhraseInto's buffer while loading
  PhraseIndex index_;
};

}  // namespace griot

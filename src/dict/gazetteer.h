// Places: localities, first-level regions and countries with coordinates, from the gazetteer
// generated at set-up (data/generated/places.tsv) and griot's authored Sahel places.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

class Gazetteer {
 public:
  // Loads rows with the columns name, ascii, country, admin1, admin1_name, lat, lon,
  // population, kind, id (a header row is skipped).
  void Load(std::string_view content, const std::string& file, std::vector<DictIssue>* issues);
  void Finalize() { index_.Finalize(); }
  const PhraseIndex& index() const { return index_; }
  // All places sharing the phrase of match `entry` (a name is ambiguous across countries).
  const std::vector<uint32_t>& Candidates(uint32_t entry) const { return groups_[entry]; }
  const Place& place(uint32_t id) const { return places_[id]; }
  size_t size() const { return places_.size(); }

 private:
  std::vector<Place> places_;
  std::vector<std::vector<uint32_t>> groups_;  // phrase group -> place ids
  PhraseIndex index_;
};

}  // namespace griot

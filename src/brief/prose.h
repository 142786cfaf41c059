// The words of a brief: actor names as the reports give them, dates, lists, and the clause
// that tells one coded event ("Mali's army carried out air strikes against the attackers on
// 30 October 2025").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "coding/event.h"

namespace griot::brief {

// Country names from data/generated/countries.tsv (iso3, iso2, name, adjective,
// demonym_plural, ...). Missing file: no names (codes are used as they are).
class CountryNames {
 public:
  void Load(const std::string& path);
  void Add(const std::string& iso3, const std::string& name, const std::string& adjective);
  // "Mali"; the code itself if unknown.
  std::string Name(const std::string& iso3) const;
  // "Malian"; empty if unknown.
  std::string Adjective(const std::string& iso3) const;
  // Whether `word` is a country adjective or plural demonym ("Malian", "Malians").
  bool IsDemonym(std::string_view word) const;

 private:
  struct Entry { std::string name, adjective; };
  std::map<std::string, Entry> by_code_;
  std::map<std::string, std::string> demonyms_;  // folded word -> iso3
};

// "the United States", "the Central African Republic"; other names unchanged.
std::string WithArticle(const std::string& name);

// How an actor is named in prose, from the words of the report: "Mali's army" for a bare
// "army" coded MLIMIL, "Mali" for the adjective "Malian" coded MLI, the report's own name
// otherwise ("the Wagner Group", "JNIM"). `fallback` (a registry name) is used when the
// report's words are unusable (empty or overlong).
std::string ActorName(const ActorRef& actor, const CountryNames& countries, const std::string& fallback = "");

// Whether a name takes a plural verb ("Malian soldiers were").
bool IsPluralName(std::string_view name);

// "8 April 2025", "April 2025" or "2025", by the date's precision.
std::string FormatDate(const Date& d);
// "on 8 April 2025", "in April 2025", "in 2025".
std::string DateClause(const Date& d);
// "between 3 and 9 April 2025", "between 3 April and 9 May 2025", "on 3 April 2025".
std::string RangeClause(const Date& from, const Date& to);
// "2 August to 30 October 2025".
std::string FormatRange(const Date& from, const Date& to);

// "a", "a and b", "a, b and c".
std::string JoinList(const std::vector<std::string>& items);
// Upper-cases the first letter (ASCII letters; names starting otherwise are left alone).
std::string Capitalize(std::string s);
// "1 event", "3 events".
std::string Count(int64_t n, std::string_view singular, std::string_view plural);
// Numbers up to ten as words ("three"), larger as digits.
std::string NumberWord(int64_t n);

}  // namespace griot::brief

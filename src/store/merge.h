// When two reports describe the same happening. A new mention joins a stored event when all
// of these hold (docs/store.md, "De-duplication"):
//   - the same CAMEO root (event family);
//   - the same source and the same target: equal actor codes, and equal dictionary actor ids
//     when both sides have one (two officials coded MLIGOV are different actors); an absent
//     actor matches only an absent actor;
//   - the same place when both name one (matching keys of the names, or coordinates within
//     `place_km`); a place named by only one side does not block unless `require_place`;
//   - dates within `window_days` when both are day-precise; month- or year-precise dates
//     only with the same precision and the same date; undated reports never merge;
//   - compatible modality: negated reports merge only with negated ones, future ones only
//     with future ones (asserted, reported and alleged merge together).
// Pure functions: no store, no I/O.
#pragma once

#include <optional>
#include <string>

#include "coding/event.h"

namespace griot {

struct MergeRules {
  bool enabled = true;
  int window_days = 3;
  bool require_place = false;
  double place_km = 10;
};

// Why `mention` reports the same happening as `event`, as a sentence for `griot explain`
// ("same source MLIMIL, same target (none), CAMEO root 19, same place Moura, dates 2022-03-27
// and 2022-03-29: 2 days apart (window 3)"); nullopt when they must stay apart.
std::optional<std::string> MergeReason(const MergeRules& rules, const Event& event, const Event& mention);

// Days between the two events' dates (absolute); a large number if either is undated.
int DayDistance(const Event& a, const Event& b);

// What two mergeable events share exactly: "19|IMGMOSJNM|MLIMIL" (CAMEO root, source code,
// target code; "-" for an absent actor). The store indexes it to find merge candidates.
std::string MergeKey(const Event& e);

}  // namespace griot

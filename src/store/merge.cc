#include "store/merge.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "base/utf8.h"

namespace griot {

namespace {

int ModalityClass(Modality m) {
  switch (m) {
    case Modality::kNegated: return 1;
    case Modality::kFuture: return 2;
    default: return 0;
  }
}

// How two actor slots match: "MLIMIL", "MLIGOV (assimi_goita)", "(none)"; nullopt if they
// differ.
std::optional<std::string> ActorMatch(const std::optional<ActorRef>& a, const std::optional<ActorRef>& b) {
  if (!a && !b) return "(none)";
  if (!a || !b) return std::nullopt;
  if (a->code != b->code || a->code.empty()) return std::nullopt;
  if (!a->actor_id.empty() && !b->actor_id.empty()) {
    if (a->actor_id != b->actor_id) return std::nullopt;
    return fmt::format("{} ({})", a->code, a->actor_id);
  }
  return a->code;
}

double KmBetween(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthKm = 6371.0;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace

std::string MergeKey(const Event& e) {
  return fmt::format("{}|{}|{}", e.cameo_root, e.source ? e.source->code : "-", e.target ? e.target->code : "-");
}

int DayDistance(const Event& a, const Event& b) {
  if (!a.date.valid() || !b.date.valid()) return 1 << 30;
  return std::abs(a.date.DayNumber() - b.date.DayNumber());
}

std::optional<std::string> MergeReason(const MergeRules& rules, const Event& event, const Event& mention) {
  if (!rules.enabled) return std::nullopt;
  if (!event.date.valid() || !mention.date.valid()) return std::nullopt;
  if (event.cameo_root != mention.cameo_root || event.cameo_root.empty()) return std::nullopt;
  if (ModalityClass(event.modality) != ModalityClass(mention.modality)) return std::nullopt;

  std::string dates;
  const int days = DayDistance(event, mention);
  if (event.date.precision == Date::Precision::kDay && mention.date.precision == Date::Precision::kDay) {
    if (days > rules.window_days) return std::nullopt;
    dates = days == 0 ? fmt::format("same day {}", event.date.ToString())
                      : fmt::format("dates {} and {}: {} day{} apart (window {})", event.date.ToString(),
                                    mention.date.ToString(), days, days == 1 ? "" : "s", rules.window_days);
  } else {
    if (event.date.precision != mention.date.precision || days != 0) return std::nullopt;
    dates = fmt::format("same {} {}", event.date.PrecisionName(), event.date.ToString());
  }

  auto source = ActorMatch(event.source, mention.source);
  if (!source) return std::nullopt;
  auto target = ActorMatch(event.target, mention.target);
  if (!target) return std::nullopt;

  std::string place;
  if (event.location && mention.location) {
    const Location& a = *event.location;
    const Location& b = *mention.location;
    if (FoldKey(a.name) == FoldKey(b.name)) {
      place = fmt::format("same place {}", a.name);
    } else if (a.lat && a.lon && b.lat && b.lon && KmBetween(*a.lat, *a.lon, *b.lat, *b.lon) <= rules.place_km) {
      place = fmt::format("places {} and {} within {:g} km", a.name, b.name, rules.place_km);
    } else {
      return std::nullopt;
    }
  } else if (rules.require_place) {
    return std::nullopt;
  } else if (event.location || mention.location) {
    place = fmt::format("place {} named by one report only",
                        event.location ? event.location->name : mention.location->name);
  } else {
    place = "no place named";
  }
  return fmt::format("same source {}, same target {}, CAMEO root {}, {}, {}", *source, *target, event.cameo_root,
                     place, dates);
}

}  // namespace griot

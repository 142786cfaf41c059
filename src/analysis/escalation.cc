// Escalation signals: a bucket against the trailing baseline of the same series
// (docs/analysis.md, "Signals").
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "analysis/analysis.h"
#include "analysis/internal.h"

namespace griot::analysis {

const char* DirectionName(Signal::Direction d) {
  return d == Signal::Direction::kEscalation ? "escalation" : "de-escalation";
}

const char* MeasureName(Signal::Measure m) {
  switch (m) {
    case Signal::Measure::kConflictEvents: return "conflict_events";
    case Signal::Measure::kMaterialConflict: return "material_conflict";
    case Signal::Measure::kGoldsteinMean: return "goldstein_mean";
    case Signal::Measure::kAllEvents: return "all_events";
  }
  return "?";
}

namespace internal {

double Severity(double goldstein, int quad_class) {
  const double weight = (quad_class == 2 || quad_class == 4) ? 1.0 : 0.6;
  return std::min(1.0, std::fabs(goldstein) / 10.0) * weight;
}

}  // namespace internal

namespace {

// The value of `measure` for one bucket; nullopt when undefined (a Goldstein mean of an
// empty bucket).
std::optional<double> MeasureOf(const SeriesPoint& p, Signal::Measure measure) {
  switch (measure) {
    case Signal::Measure::kConflictEvents: return static_cast<double>(p.Conflict());
    case Signal::Measure::kMaterialConflict: return static_cast<double>(p.by_quad[4]);
    case Signal::Measure::kAllEvents: return static_cast<double>(p.events);
    case Signal::Measure::kGoldsteinMean:
      if (p.events == 0) return std::nullopt;
      return p.GoldsteinMean();
  }
  return std::nullopt;
}

}  // namespace

std::vector<Signal> DetectSignals(const std::vector<SeriesPoint>& series, Bucket bucket,
                                  const EscalationOptions& options) {
  std::vector<Signal> out;
  std::vector<Signal::Measure> measures = {Signal::Measure::kConflictEvents, Signal::Measure::kMaterialConflict,
                                           Signal::Measure::kGoldsteinMean};
  if (options.all_events) measures.push_back(Signal::Measure::kAllEvents);
  const int base = std::max(2, options.baseline);
  for (size_t i = static_cast<size_t>(base); i < series.size(); ++i) {
    for (Signal::Measure measure : measures) {
      const std::optional<double> value = MeasureOf(series[i], measure);
      if (!value) continue;
      std::vector<double> history;
      for (size_t k = i - static_cast<size_t>(base); k < i; ++k)
        if (auto v = MeasureOf(series[k], measure)) history.push_back(*v);
      const bool goldstein = measure == Signal::Measure::kGoldsteinMean;
      // A mean of means needs enough non-empty buckets to say anything.
      if (goldstein && (history.size() < static_cast<size_t>((base + 1) / 2) || series[i].events < options.min_events))
        continue;
      if (history.size() < 2) continue;
      double mean = 0;
      for (double v : history) mean += v;
      mean /= static_cast<double>(history.size());
      double var = 0;
      for (double v : history) var += (v - mean) * (v - mean);
      const double sd = std::sqrt(var / static_cast<double>(history.size() - 1));  // sample SD
      const double z = (*value - mean) / std::max(sd, options.sd_floor);
      if (std::fabs(z) < options.threshold) continue;
      const double change = std::fabs(*value - mean);
      if (goldstein ? change < options.min_goldstein_change : change < static_cast<double>(options.min_events))
        continue;
      Signal s;
      s.measure = measure;
      // More conflict, or a lower (more hostile) Goldstein mean, is an escalation.
      const bool up = *value > mean;
      s.direction = (goldstein ? !up : up) ? Signal::Direction::kEscalation : Signal::Direction::kDeEscalation;
      s.start = series[i].start;
      s.bucket = bucket;
      s.value = *value;
      s.baseline_mean = mean;
      s.baseline_sd = sd;
      s.z = z;
      out.push_back(std::move(s));
    }
  }
  return out;
}

Date SignalHistoryStart(const Window& window, Bucket bucket, const EscalationOptions& options) {
  return internal::BucketsBefore(BucketStart(window.from, bucket), bucket, std::max(2, options.baseline));
}

Result<std::vector<Signal>> EscalationSignals(Store& store, const EventQuery& query, const Window& window,
                                              Bucket bucket, const EscalationOptions& options) {
  if (!window.from.valid() || !window.to.valid() || window.to < window.from)
    return Status::InvalidInput("the window is empty (its end is before its start)");
  auto series = EventSeries(store, query, Window{SignalHistoryStart(window, bucket, options), window.to}, bucket);
  if (!series.ok()) return series.status();
  return EscalationSignals(store, query, window, bucket, *series, options);
}

Result<std::vector<Signal>> EscalationSignals(Store& store, const EventQuery& query, const Window& window,
                                              Bucket bucket, const std::vector<SeriesPoint>& series_in,
                                              const EscalationOptions& options) {
  if (!window.from.valid() || !window.to.valid() || window.to < window.from)
    return Status::InvalidInput("the window is empty (its end is before its start)");
  const Date first = BucketStart(window.from, bucket);
  const std::vector<SeriesPoint>* series = &series_in;
  // The last bucket may be cut short by the window's end: fewer events there are not a
  // de-escalation.
  const bool last_partial = !series->empty() && internal::NextBucket(series->back().start, bucket).DayNumber() - 1 >
                                                     window.to.DayNumber();
  std::vector<Signal> out;
  for (Signal& s : DetectSignals(*series, bucket, options)) {
    if (s.start < first) continue;
    if (last_partial && s.start == series->back().start && s.direction == Signal::Direction::kDeEscalation) continue;
    out.push_back(std::move(s));
  }
  // Examples: the most severe events of each signalled bucket (conflict events for the
  // conflict measures).
  for (Signal& s : out) {
    const Date end = Date::FromDayNumber(
        std::min(internal::NextBucket(s.start, bucket).DayNumber() - 1, window.to.DayNumber()));
    auto events = store.SummarizeEvents(internal::InWindow(query, Window{s.start, end}));
    if (!events.ok()) return events.status();
    std::vector<const EventSummary*> pool;
    const bool conflict_only =
        s.measure == Signal::Measure::kConflictEvents || s.measure == Signal::Measure::kMaterialConflict;
    for (const EventSummary& e : *events) {
      if (conflict_only && e.quad_class < (s.measure == Signal::Measure::kMaterialConflict ? 4 : 3)) continue;
      pool.push_back(&e);
    }
    std::stable_sort(pool.begin(), pool.end(), [](const EventSummary* a, const EventSummary* b) {
      const double sa = internal::Severity(a->goldstein, a->quad_class);
      const double sb = internal::Severity(b->goldstein, b->quad_class);
      if (sa != sb) return sa > sb;
      return a->documents > b->documents;
    });
    for (size_t i = 0; i < pool.size() && i < 3; ++i) s.example_event_ids.push_back(pool[i]->event_id);
  }
  return out;
}

}  // namespace griot::analysis

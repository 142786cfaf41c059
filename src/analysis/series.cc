// Buckets and event series, counted by the store (Store::CountEvents).
#include <fmt/format.h>

#include <algorithm>

#include "analysis/analysis.h"
#include "analysis/internal.h"

namespace griot::analysis {

const char* BucketName(Bucket b) {
  switch (b) {
    case Bucket::kDay: return "day";
    case Bucket::kWeek: return "week";
    case Bucket::kMonth: return "month";
  }
  return "?";
}

std::optional<Bucket> ParseBucket(std::string_view name) {
  if (name == "day") return Bucket::kDay;
  if (name == "week") return Bucket::kWeek;
  if (name == "month") return Bucket::kMonth;
  return std::nullopt;
}

Date BucketStart(const Date& d, Bucket b) {
  switch (b) {
    case Bucket::kDay: return Date::FromDayNumber(d.DayNumber());
    case Bucket::kWeek: {
      // Day 0 (1970-01-01) was a Thursday: (n + 3) mod 7 is 0 on Mondays.
      const int n = d.DayNumber();
      const int since_monday = ((n + 3) % 7 + 7) % 7;
      return Date::FromDayNumber(n - since_monday);
    }
    case Bucket::kMonth: return *Date::Make(d.year(), d.month(), 1);
  }
  return d;
}

namespace internal {

Date NextBucket(const Date& start, Bucket b) {
  switch (b) {
    case Bucket::kDay: return Date::FromDayNumber(start.DayNumber() + 1);
    case Bucket::kWeek: return Date::FromDayNumber(start.DayNumber() + 7);
    case Bucket::kMonth:
      return start.month() == 12 ? *Date::Make(start.year() + 1, 1, 1) : *Date::Make(start.year(), start.month() + 1, 1);
  }
  return start;
}

Date BucketsBefore(const Date& start, Bucket b, int n) {
  switch (b) {
    case Bucket::kDay: return Date::FromDayNumber(start.DayNumber() - n);
    case Bucket::kWeek: return Date::FromDayNumber(start.DayNumber() - 7 * n);
    case Bucket::kMonth: {
      int months = start.year() * 12 + static_cast<int>(start.month()) - 1 - n;
      return *Date::Make(months / 12, static_cast<unsigned>(months % 12 + 1), 1);
    }
  }
  return start;
}

EventGrouping::Period PeriodOf(Bucket b) {
  switch (b) {
    case Bucket::kDay: return EventGrouping::Period::kDay;
    case Bucket::kWeek: return EventGrouping::Period::kWeek;
    case Bucket::kMonth: return EventGrouping::Period::kMonth;
  }
  return EventGrouping::Period::kNone;
}

EventQuery InWindow(const EventQuery& query, const Window& window) {
  EventQuery q = query;
  q.from = q.from ? std::max(*q.from, window.from) : window.from;
  q.to = q.to ? std::min(*q.to, window.to) : window.to;
  q.limit = 0;
  q.offset = 0;
  q.newest_first = false;
  q.with_doc_ids = false;
  return q;
}

}  // namespace internal

Result<std::vector<SeriesPoint>> EventSeries(Store& store, const EventQuery& query, const Window& window,
                                             Bucket bucket) {
  if (!window.from.valid() || !window.to.valid() || window.to < window.from)
    return Status::InvalidInput("the window is empty (its end is before its start)");
  std::vector<SeriesPoint> points;
  for (Date d = BucketStart(window.from, bucket); d <= window.to; d = internal::NextBucket(d, bucket)) {
    SeriesPoint p;
    p.start = d;
    points.push_back(p);
  }
  EventGrouping g;
  g.period = internal::PeriodOf(bucket);
  auto rows = store.CountEvents(internal::InWindow(query, window), g);
  if (!rows.ok()) return rows.status();
  for (const EventCount& row : *rows) {
    if (!row.period) continue;
    auto it = std::lower_bound(points.begin(), points.end(), *row.period,
                               [](const SeriesPoint& p, const Date& d) { return p.start < d; });
    if (it == points.end() || !(it->start == *row.period)) continue;
    it->events += row.events;
    it->mentions += row.mentions;
    for (int k = 1; k <= 4; ++k) it->by_quad[k] += row.by_quad[k];
    it->goldstein_sum += row.goldstein_sum;
  }
  return points;
}

Result<SeriesPoint> Totals(Store& store, const EventQuery& query, const Window& window) {
  if (!window.from.valid() || !window.to.valid() || window.to < window.from)
    return Status::InvalidInput("the window is empty (its end is before its start)");
  auto rows = store.CountEvents(internal::InWindow(query, window), EventGrouping{});
  if (!rows.ok()) return rows.status();
  SeriesPoint p;
  p.start = window.from;
  for (const EventCount& row : *rows) {
    p.events += row.events;
    p.mentions += row.mentions;
    for (int k = 1; k <= 4; ++k) p.by_quad[k] += row.by_quad[k];
    p.goldstein_sum += row.goldstein_sum;
  }
  return p;
}

std::vector<SeriesPoint> Rebucket(const std::vector<SeriesPoint>& daily, const Window& window, Bucket bucket) {
  std::vector<SeriesPoint> points;
  if (!window.from.valid() || !window.to.valid() || window.to < window.from) return points;
  for (Date d = BucketStart(window.from, bucket); d <= window.to; d = internal::NextBucket(d, bucket)) {
    SeriesPoint p;
    p.start = d;
    points.push_back(p);
  }
  // `daily` is in date order: the days of the window, then each into its bucket.
  auto day = std::lower_bound(daily.begin(), daily.end(), window.from,
                              [](const SeriesPoint& p, const Date& d) { return p.start < d; });
  auto it = points.begin();
  for (; day != daily.end() && day->start <= window.to; ++day) {
    const Date start = BucketStart(day->start, bucket);
    while (it != points.end() && it->start < start) ++it;
    if (it == points.end()) break;
    it->events += day->events;
    it->mentions += day->mentions;
    for (int k = 1; k <= 4; ++k) it->by_quad[k] += day->by_quad[k];
    it->goldstein_sum += day->goldstein_sum;
  }
  return points;
}

SeriesPoint TotalsOf(const std::vector<SeriesPoint>& daily, const Window& window) {
  SeriesPoint p;
  p.start = window.from;
  auto day = std::lower_bound(daily.begin(), daily.end(), window.from,
                              [](const SeriesPoint& q, const Date& d) { return q.start < d; });
  for (; day != daily.end() && day->start <= window.to; ++day) {
    p.events += day->events;
    p.mentions += day->mentions;
    for (int k = 1; k <= 4; ++k) p.by_quad[k] += day->by_quad[k];
    p.goldstein_sum += day->goldstein_sum;
  }
  return p;
}

}  // namespace griot::analysis

// Significant events (severity, independent sources, novelty) and forward-looking
// statements (docs/analysis.md, "Significant events").
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/analysis.h"
#include "analysis/internal.h"

namespace griot::analysis {

namespace {

// Weights of the score; the components are each in [0, 1], so the score is too.
constexpr double kSeverityWeight = 0.5;
constexpr double kSourcesWeight = 0.3;
constexpr double kNoveltyWeight = 0.2;
// Documents at which the sources component saturates.
constexpr double kSourcesFull = 8;

// Negated reports ("did not attack") are not happenings; future ones are statements, listed
// by ForwardStatements.
bool Rankable(Modality m) { return m != Modality::kNegated && m != Modality::kFuture; }

// The dyad as Store::LastDyadEvent compares it: keys, codes and CAMEO root.
std::string DyadKey(const EventSummary& e) {
  return e.source + '\x1f' + e.target + '\x1f' + e.source_code + '\x1f' + e.target_code + '\x1f' + e.cameo_root;
}

}  // namespace

Result<std::vector<RankedEvent>> SignificantEvents(Store& store, const EventQuery& query, const Window& window,
                                                   const RankOptions& options) {
  if (!window.from.valid() || !window.to.valid() || window.to < window.from)
    return Status::InvalidInput("the window is empty (its end is before its start)");
  auto events = store.SummarizeEvents(internal::InWindow(query, window));
  if (!events.ok()) return events.status();
  const int novelty_days = std::max(0, options.novelty_days);

  // Severity and sources for every event; novelty is known at once when an earlier event of
  // the same dyad and root is in the window (summaries come oldest first), else it depends on
  // the history before the window, read only for events that can still make the list.
  struct Candidate {
    const EventSummary* e;
    double base = 0, severity = 0, sources = 0;
    int novel = -1;  // 1, 0, or -1: ask the store
    double Bound() const { return base + (novel != 0 ? kNoveltyWeight : 0); }
    double Score() const { return base + (novel == 1 ? kNoveltyWeight : 0); }
  };
  std::vector<Candidate> candidates;
  std::map<std::string, int> last_in_window;
  for (const EventSummary& e : *events) {
    if (!Rankable(e.modality) || !e.date) continue;
    Candidate c;
    c.e = &e;
    c.severity = internal::Severity(e.goldstein, e.quad_class);
    c.sources = std::min(1.0, std::log2(1.0 + std::max(1, e.documents)) / std::log2(1.0 + kSourcesFull));
    c.base = kSeverityWeight * c.severity + kSourcesWeight * c.sources;
    const int day = e.date->DayNumber();
    if (novelty_days == 0) {
      c.novel = 0;
    } else {
      auto [it, first] = last_in_window.try_emplace(DyadKey(e), day);
      if (!first) {
        c.novel = day - it->second > novelty_days ? 1 : 0;
        it->second = day;
      }
    }
    candidates.push_back(c);
  }
  auto better = [](const Candidate& a, const Candidate& b, double sa, double sb) {
    if (sa != sb) return sa > sb;
    if (a.e->date != b.e->date) return *b.e->date < *a.e->date;  // newer first
    return a.e->event_id < b.e->event_id;
  };
  std::stable_sort(candidates.begin(), candidates.end(),
                   [&](const Candidate& a, const Candidate& b) { return better(a, b, a.Bound(), b.Bound()); });
  // Resolve novelty in bound order until no later candidate can beat the limit-th score.
  std::vector<Candidate> chosen;
  for (Candidate& c : candidates) {
    if (chosen.size() >= options.limit && options.limit > 0) {
      const Candidate& worst = chosen.back();
      if (!better(c, worst, c.Bound(), worst.Score())) break;
    }
    if (options.limit == 0) break;
    if (c.novel < 0) {
      const Date since = Date::FromDayNumber(c.e->date->DayNumber() - novelty_days);
      auto last = store.LastDyadEvent(*c.e, since, window.from);
      if (!last.ok()) return last.status();
      c.novel = last->has_value() ? 0 : 1;
    }
    auto at = std::upper_bound(chosen.begin(), chosen.end(), c, [&](const Candidate& x, const Candidate& y) {
      return better(x, y, x.Score(), y.Score());
    });
    chosen.insert(at, c);
    if (chosen.size() > options.limit) chosen.pop_back();
  }

  std::vector<RankedEvent> ranked;
  for (const Candidate& c : chosen) {
    auto found = store.FindEvent(c.e->event_id);
    if (!found.ok()) return found.status();
    if (!found->has_value()) continue;
    RankedEvent r;
    r.event = std::move(**found);
    auto mentions = store.GetMentions(r.event.key);  // the documents to cite, in report order
    if (!mentions.ok()) return mentions.status();
    for (const StoredMention& m : *mentions)
      if (std::find(r.event.doc_ids.begin(), r.event.doc_ids.end(), m.record.doc_id) == r.event.doc_ids.end())
        r.event.doc_ids.push_back(m.record.doc_id);
    r.score = c.Score();
    r.severity = c.severity;
    r.sources = c.sources;
    r.novel = c.novel == 1;
    r.novelty = r.novel ? 1.0 : 0.0;
    ranked.push_back(std::move(r));
  }
  return ranked;
}

Result<std::vector<StoredEvent>> ForwardStatements(Store& store, const EventQuery& query, const Window& window,
                                                   size_t limit) {
  if (!window.from.valid() || !window.to.valid() || window.to < window.from)
    return Status::InvalidInput("the window is empty (its end is before its start)");
  if (!query.modality.empty() && query.modality != "future") return std::vector<StoredEvent>();
  EventQuery q = internal::InWindow(query, window);
  q.modality = "future";
  q.newest_first = true;
  q.limit = static_cast<int64_t>(limit);
  q.with_doc_ids = true;
  if (limit == 0) return std::vector<StoredEvent>();
  return store.QueryEvents(q);
}

}  // namespace griot::analysis

// The analysis stage: what the record says about a country, an actor or a search over time.
// Counts and Goldstein/QuadClass series, escalation signals against an actor's own history,
// the interaction network, actor timelines (with successor links such as Wagner -> Africa
// Corps), significant events and forward-looking statements. The brief (src/brief), `griot
// stats` and the web UI share it. It reads only the Store interface (store/store.h): counts
// are aggregated by the store (Store::CountEvents), so the cost of a call grows with the number
// of groups asked for, not with the number of events stored.
//
// Every figure is traceable: series points, network edges and signals carry the ids of
// example events so a sentence written from them can cite its evidence.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "store/store.h"

namespace griot::analysis {

// ---- what is analysed ----------------------------------------------------------------------

// The subject of a brief or of `griot stats`: a country (ISO alpha-3, as source, target or
// place), an actor (a dictionary actor id such as "wagner_group", a name resolved through the
// store's registry, or an actor code prefix such as "RUSPMC"), or a full-text search over the
// reporting sentences.
struct Subject {
  enum class Kind { kCountry, kActor, kQuery };
  Kind kind = Kind::kCountry;
  std::string value;  // as the user gave it
};

// A subject resolved against a store: the event filter that selects its events, and a
// display name for prose ("Mali", "the Wagner Group", "events matching \"gold mine\"").
struct ResolvedSubject {
  Subject subject;
  EventQuery query;           // no date bounds; callers add the window
  std::string display_name;
  std::vector<std::string> actor_ids;  // for actors: the ids it resolved to
  std::string country;                 // for countries: ISO alpha-3
};

// Resolves `subject`; an unknown country or actor is an error naming it ("no actor 'X' in
// the store; try `griot events --actor X`").
Result<ResolvedSubject> ResolveSubject(Store& store, const Subject& subject);

// Country names by ISO alpha-3 code ("MLI" -> "Mali"), read from data/generated/countries.tsv
// (header line; columns iso3, iso2, name, ...).
using CountryNames = std::map<std::string, std::string>;
Result<CountryNames> LoadCountryNames(const std::string& path);

// As above; with `names`, a country may also be given by name ("Mali") and is displayed by
// name. Errors: an empty store ("the store has no events"), a country, actor or code with no
// event in the store, a malformed full-text query (kInvalidInput); all name the subject.
Result<ResolvedSubject> ResolveSubject(Store& store, const Subject& subject, const CountryNames& names);

// An inclusive date window.
struct Window {
  Date from, to;
  int Days() const { return to.DayNumber() - from.DayNumber() + 1; }
  // The window of the same length that ends the day before this one starts.
  Window Previous() const;
};

// The window users get when they give no dates: the `days` days ending at the latest event
// date matching `query` (not today: a store of last year's news still gets a brief). Empty
// if no event matches.
Result<std::optional<Window>> DefaultWindow(Store& store, const EventQuery& query, int days = 90);

// ---- series --------------------------------------------------------------------------------

enum class Bucket { kDay, kWeek, kMonth };  // weeks start on Monday
const char* BucketName(Bucket b);
std::optional<Bucket> ParseBucket(std::string_view name);  // "day", "week", "month"
// The first day of the bucket that holds `d`.
Date BucketStart(const Date& d, Bucket b);

struct SeriesPoint {
  Date start;                 // first day of the bucket
  int64_t events = 0;
  int64_t mentions = 0;
  int64_t by_quad[5] = {0, 0, 0, 0, 0};  // index 1..4 = QuadClass
  double goldstein_sum = 0;   // over events
  double GoldsteinMean() const { return events ? goldstein_sum / static_cast<double>(events) : 0; }
  int64_t Cooperation() const { return by_quad[1] + by_quad[2]; }
  int64_t Conflict() const { return by_quad[3] + by_quad[4]; }
};

// Event counts per bucket for the events matching `query` within `window`; every bucket of
// the window is present, empty ones with zeros, in date order.
Result<std::vector<SeriesPoint>> EventSeries(Store& store, const EventQuery& query, const Window& window,
                                             Bucket bucket);

// Totals over a window (one point spanning it).
Result<SeriesPoint> Totals(Store& store, const EventQuery& query, const Window& window);

// One daily series, read once, serves several figures (the brief reads the window, the
// previous window, the signal history and the long run from the same days): the series
// EventSeries would return for `window` and `bucket`, and the totals Totals would return,
// computed from `daily` (EventSeries with Bucket::kDay over a span covering `window`; days
// outside the window are left out). Pure functions; no store access.
std::vector<SeriesPoint> Rebucket(const std::vector<SeriesPoint>& daily, const Window& window, Bucket bucket);
SeriesPoint TotalsOf(const std::vector<SeriesPoint>& daily, const Window& window);

// ---- escalation ----------------------------------------------------------------------------

// A change in a series against its own history. Method (docs/analysis.md): for each bucket
// after the first `baseline` buckets, the mean and standard deviation of the preceding
// `baseline` buckets; z = (value - mean) / max(sd, floor). A signal is raised when |z| >=
// threshold and the value differs from the mean by at least `min_events` events.
struct EscalationOptions {
  int baseline = 8;           // buckets of history
  double threshold = 2.0;     // |z|
  double sd_floor = 1.0;      // avoids infinite z on flat histories
  int64_t min_events = 3;
  // Also test the count of all events (a rise in reporting, which may be cooperation): off
  // by default, so that an escalation signal always concerns conflict.
  bool all_events = false;
  // Goldstein-mean signals need the mean to move by at least this much (scale -10..+10).
  double min_goldstein_change = 1.0;
};

struct Signal {
  enum class Direction { kEscalation, kDeEscalation };
  enum class Measure { kConflictEvents, kMaterialConflict, kGoldsteinMean, kAllEvents };
  Direction direction = Direction::kEscalation;
  Measure measure = Measure::kConflictEvents;
  Date start;                 // the bucket that changed
  Bucket bucket = Bucket::kWeek;
  double value = 0, baseline_mean = 0, baseline_sd = 0, z = 0;
  std::vector<std::string> example_event_ids;  // the most severe events of that bucket
};
const char* DirectionName(Signal::Direction d);
const char* MeasureName(Signal::Measure m);

// Signals over a computed series (pure function; no store access).
std::vector<Signal> DetectSignals(const std::vector<SeriesPoint>& series, Bucket bucket,
                                  const EscalationOptions& options = {});

// Signals for the events matching `query` whose bucket starts within `window`, the history
// before the window included as baseline; example events filled from the store.
Result<std::vector<Signal>> EscalationSignals(Store& store, const EventQuery& query, const Window& window,
                                              Bucket bucket, const EscalationOptions& options = {});

// The first day of the history EscalationSignals reads before `window`.
Date SignalHistoryStart(const Window& window, Bucket bucket, const EscalationOptions& options = {});

// As above over a series already computed: `series` is EventSeries(store, query,
// {SignalHistoryStart(window, bucket, options), window.to}, bucket) (Rebucket of a daily
// series gives it); the store is read only for the example events of the signals raised.
Result<std::vector<Signal>> EscalationSignals(Store& store, const EventQuery& query, const Window& window,
                                              Bucket bucket, const std::vector<SeriesPoint>& series,
                                              const EscalationOptions& options = {});

// ---- network -------------------------------------------------------------------------------

// An actor as a node: a dictionary actor id when the reports named a known entity, else its
// code ("MLIMIL").
struct Node {
  std::string key;            // actor_id or code
  std::string label;          // the name most often used in reports, else the code
  std::string code, country, sector;
  int64_t events = 0;         // as source or target
};

struct Edge {
  std::string source, target;  // node keys
  int64_t events = 0;
  int64_t cooperation = 0, conflict = 0;  // QuadClass 1-2 / 3-4
  double goldstein_sum = 0;
  double GoldsteinMean() const { return events ? goldstein_sum / static_cast<double>(events) : 0; }
  std::vector<std::string> example_event_ids;  // up to 3, most severe first
};

struct Network {
  std::vector<Node> nodes;     // most events first
  std::vector<Edge> edges;     // most events first; self-loops excluded
};

// The directed interaction network of the events matching `query` in `window`, limited to
// the `max_nodes` busiest actors (edges among them).
Result<Network> InteractionNetwork(Store& store, const EventQuery& query, const Window& window, int max_nodes = 25);

// ---- actor timelines -----------------------------------------------------------------------

// A dated relation between two actors (data/dict/actor_links.tsv).
struct ActorLink {
  std::string from, to;        // actor ids
  std::string relation;        // succeeded_by, component_of, member_of, leader_of, allied_with, split_from
  std::optional<Date> start, end;
  std::string note;
};

// Reads actor_links.tsv (header line; columns from, to, relation, start, end, note; dates
// YYYYMMDD or empty). Malformed lines are errors naming file:line.
Result<std::vector<ActorLink>> LoadActorLinks(const std::string& path);

struct ActorTimeline {
  std::string actor_id;
  std::string label;
  std::optional<Date> first_seen, last_seen;  // over the whole store
  int64_t events = 0;
  // The codes the actor was coded with, each with the first and last date seen ("MLIGOV"
  // then "MLIMIL" as an official changes post).
  struct Role { std::string code; Date first, last; int64_t events = 0; };
  std::vector<Role> roles;
  std::vector<ActorLink> links;  // links from or to this actor
  std::string first_event_id, last_event_id;
};

// The timeline of each actor id (unknown ids give an entry with no dates and no events).
Result<std::vector<ActorTimeline>> ActorTimelines(Store& store, const std::vector<std::string>& actor_ids,
                                                  const std::vector<ActorLink>& links);

// ---- events worth reporting ----------------------------------------------------------------

// An event ranked for a brief. Score (docs/analysis.md): severity (|Goldstein| / 10, material
// conflict and cooperation weighted up), independent sources (distinct documents, log-scaled)
// and novelty (no event of the same dyad and CAMEO root in the `novelty_days` before it).
struct RankedEvent {
  StoredEvent event;
  double score = 0, severity = 0, sources = 0, novelty = 0;
  bool novel = false;
};

struct RankOptions {
  int novelty_days = 365;
  size_t limit = 10;
};

// The most significant events matching `query` in `window`, best first.
Result<std::vector<RankedEvent>> SignificantEvents(Store& store, const EventQuery& query, const Window& window,
                                                   const RankOptions& options = {});

// Forward-looking statements: events with modality "future" (threats, plans, promises)
// matching `query` in `window`, newest first.
Result<std::vector<StoredEvent>> ForwardStatements(Store& store, const EventQuery& query, const Window& window,
                                                   size_t limit = 10);

}  // namespace griot::analysis

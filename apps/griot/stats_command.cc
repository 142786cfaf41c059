// `griot stats`: what the record says about a country, an actor or a search over time —
// series, escalation signals, the interaction network, actor timelines, significant events
// and forward-looking statements. A thin adapter over src/analysis; user documentation:
// docs/analysis.md.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "analysis/analysis.h"
#include "apps/griot/commands.h"
#include "base/strings.h"
#include "base/utf8.h"
#include "dict/dictionary_set.h"
#include "store/export.h"
#include "store/sqlite_store.h"

namespace griot::cli {

namespace {

namespace fs = std::filesystem;
using analysis::Bucket;
using nlohmann::json;

struct StatsCliOptions {
  std::string view;
  std::string db;
  std::string country, actor, query;
  std::string from, to;
  int days = 90;
  std::string by = "week";
  std::string format = "table";
  int limit = 10;
  int nodes = 25;
  std::string data_dir;
  std::string links;
};

// Everything a view may show, computed on demand.
struct Report {
  analysis::ResolvedSubject subject;
  analysis::Window window;
  Bucket bucket = Bucket::kWeek;
  std::optional<analysis::SeriesPoint> totals, previous;
  std::vector<analysis::SeriesPoint> series;
  std::vector<analysis::Signal> signals;
  analysis::Network network;
  std::vector<analysis::ActorTimeline> timelines;
  std::vector<analysis::RankedEvent> top;
  std::vector<StoredEvent> outlook;
};

// ---- small formatting helpers ----

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvRow(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + Csv(cells[i]);
  return out + "\n";
}


// An aligned table; the last column is not padded.
std::string Table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> w(header.size());
  for (size_t i = 0; i < header.size(); ++i) w[i] = DisplayWidth(header[i]);
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size() && i < w.size(); ++i) w[i] = std::max(w[i], DisplayWidth(r[i]));
  auto line = [&](const std::vector<std::string>& r) {
    std::string out;
    for (size_t i = 0; i < r.size(); ++i) {
      out += r[i];
      if (i + 1 < r.size()) out += std::string(w[i] - DisplayWidth(r[i]) + 2, ' ');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(header);
  for (const auto& r : rows) out += line(r);
  return out;
}

std::string Num(double v, int decimals = 2) { return fmt::format("{:.{}f}", v, decimals); }
std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : "-"; }

std::string Joined(const std::vector<std::string>& v, const char* sep = " ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string ActorText(const std::optional<ActorRef>& a) {
  if (!a) return "-";
  return a->actor_id.empty() ? a->code : fmt::format("{} [{}]", a->code, a->actor_id);
}

std::string LinkText(const analysis::ActorLink& l) {
  std::string dates;
  if (l.start || l.end) dates = fmt::format(" ({}..{})", l.start ? l.start->ToString() : "", l.end ? l.end->ToString() : "");
  return fmt::format("{} {} {}{}", l.from, l.relation, l.to, dates);
}

// ---- JSON ----

json SeriesJson(const analysis::SeriesPoint& p) {
  return {{"start", p.start.ToString()}, {"events", p.events}, {"mentions", p.mentions},
          {"q1", p.by_quad[1]},          {"q2", p.by_quad[2]},  {"q3", p.by_quad[3]},
          {"q4", p.by_quad[4]},          {"goldstein_mean", p.GoldsteinMean()}};
}

json SignalJson(const analysis::Signal& s) {
  return {{"start", s.start.ToString()},
          {"bucket", analysis::BucketName(s.bucket)},
          {"measure", analysis::MeasureName(s.measure)},
          {"direction", analysis::DirectionName(s.direction)},
          {"value", s.value},
          {"baseline_mean", s.baseline_mean},
          {"baseline_sd", s.baseline_sd},
          {"z", s.z},
          {"example_event_ids", s.example_event_ids}};
}

json NetworkJson(const analysis::Network& n) {
  json nodes = json::array(), edges = json::array();
  for (const auto& v : n.nodes)
    nodes.push_back({{"key", v.key}, {"label", v.label}, {"code", v.code}, {"country", v.country},
                     {"sector", v.sector}, {"events", v.events}});
  for (const auto& e : n.edges)
    edges.push_back({{"source", e.source}, {"target", e.target}, {"events", e.events},
                     {"cooperation", e.cooperation}, {"conflict", e.conflict},
                     {"goldstein_mean", e.GoldsteinMean()}, {"example_event_ids", e.example_event_ids}});
  return {{"nodes", nodes}, {"edges", edges}};
}

json LinkJson(const analysis::ActorLink& l) {
  return {{"from", l.from},
          {"to", l.to},
          {"relation", l.relation},
          {"start", l.start ? json(l.start->ToString()) : json(nullptr)},
          {"end", l.end ? json(l.end->ToString()) : json(nullptr)},
          {"note", l.note}};
}

json TimelineJson(const analysis::ActorTimeline& t) {
  json roles = json::array(), links = json::array();
  for (const auto& r : t.roles)
    roles.push_back({{"code", r.code}, {"first", r.first.ToString()}, {"last", r.last.ToString()}, {"events", r.events}});
  for (const auto& l : t.links) links.push_back(LinkJson(l));
  return {{"actor_id", t.actor_id},
          {"label", t.label},
          {"first_seen", t.first_seen ? json(t.first_seen->ToString()) : json(nullptr)},
          {"last_seen", t.last_seen ? json(t.last_seen->ToString()) : json(nullptr)},
          {"events", t.events},
          {"first_event_id", t.first_event_id},
          {"last_event_id", t.last_event_id},
          {"roles", roles},
          {"links", links}};
}

json EventJson(const StoredEvent& e) { return json::parse(StoredEventToJson(e)); }

json RankedJson(const analysis::RankedEvent& r) {
  return {{"score", r.score},       {"severity", r.severity}, {"sources", r.sources},
          {"novelty", r.novelty},   {"novel", r.novel},       {"event", EventJson(r.event)}};
}

// ---- tables ----

std::string SeriesTable(const Report& r) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : r.series)
    rows.push_back({p.start.ToString(), std::to_string(p.events), std::to_string(p.by_quad[1]),
                    std::to_string(p.by_quad[2]), std::to_string(p.by_quad[3]), std::to_string(p.by_quad[4]),
                    p.events ? Num(p.GoldsteinMean()) : "-"});
  return Table({analysis::BucketName(r.bucket), "events", "Q1", "Q2", "Q3", "Q4", "goldstein"}, rows);
}

std::string SignalsTable(const Report& r) {
  if (r.signals.empty()) return "(no signal: no bucket departs from its baseline by the threshold)\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : r.signals)
    rows.push_back({s.start.ToString(), analysis::DirectionName(s.direction), analysis::MeasureName(s.measure),
                    Num(s.value), Num(s.baseline_mean), Num(s.baseline_sd), Num(s.z), Joined(s.example_event_ids)});
  return Table({analysis::BucketName(r.bucket), "direction", "measure", "value", "baseline", "sd", "z", "examples"},
               rows);
}

std::string NetworkTable(const Report& r, size_t max_edges) {
  if (r.network.nodes.empty()) return "(no actors)\n";
  std::vector<std::vector<std::string>> nodes, edges;
  for (const auto& n : r.network.nodes)
    nodes.push_back({n.key, FitWidth(n.label, 30), n.code, n.country.empty() ? "-" : n.country, std::to_string(n.events)});
  for (size_t i = 0; i < r.network.edges.size() && i < max_edges; ++i) {
    const auto& e = r.network.edges[i];
    edges.push_back({e.source, e.target, std::to_string(e.events), std::to_string(e.cooperation),
                     std::to_string(e.conflict), Num(e.GoldsteinMean()), Joined(e.example_event_ids)});
  }
  std::string out = Table({"actor", "name", "code", "country", "events"}, nodes);
  out += "\n";
  if (edges.empty()) return out + "(no interactions between these actors)\n";
  out += Table({"source", "target", "events", "coop", "conflict", "goldstein", "examples"}, edges);
  if (r.network.edges.size() > max_edges)
    out += fmt::format("({} more interactions; `griot stats network` lists all)\n", r.network.edges.size() - max_edges);
  return out;
}

std::string TimelineTable(const Report& r) {
  if (r.timelines.empty()) return "(no dictionary actors)\n";
  std::string out;
  for (const auto& t : r.timelines) {
    out += fmt::format("{} ({}): ", t.label, t.actor_id);
    if (t.events == 0) out += "not seen in the store\n";
    else
      out += fmt::format("{} events, first seen {} ({}), last seen {} ({})\n", t.events, DateText(t.first_seen),
                         t.first_event_id, DateText(t.last_seen), t.last_event_id);
    for (const auto& role : t.roles)
      out += fmt::format("  coded {:<12} {} .. {}  {} event{}\n", role.code, role.first.ToString(),
                         role.last.ToString(), role.events, role.events == 1 ? "" : "s");
    for (const auto& l : t.links)
      out += fmt::format("  link  {}{}\n", LinkText(l), l.note.empty() ? "" : " — " + l.note);
  }
  return out;
}

std::string TopTable(const Report& r) {
  if (r.top.empty()) return "(no events)\n";
  std::vector<std::vector<std::string>> rows;
  int i = 0;
  for (const auto& t : r.top) {
    const Event& e = t.event.record;
    rows.push_back({std::to_string(++i), Num(t.score), e.date.valid() ? e.date.ToString() : "-", ActorText(e.source),
                    ActorText(e.target), e.cameo, Num(e.goldstein, 1), std::to_string(t.event.documents),
                    t.novel ? "new" : "", e.event_id, FitWidth(e.sentence, 80)});
  }
  return Table({"#", "score", "date", "source", "target", "cameo", "gold", "docs", "novel", "event", "sentence"}, rows);
}

std::string OutlookTable(const Report& r) {
  if (r.outlook.empty()) return "(no forward-looking statements)\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& ev : r.outlook) {
    const Event& e = ev.record;
    rows.push_back({e.date.valid() ? e.date.ToString() : "-", ActorText(e.source), ActorText(e.target), e.cameo,
                    e.event_id, FitWidth(e.sentence, 90)});
  }
  return Table({"date", "source", "target", "cameo", "event", "sentence"}, rows);
}

// ---- CSV ----

std::string ViewCsv(const std::string& view, const Report& r) {
  std::string out;
  if (view == "series") {
    out = CsvRow({"start", "events", "mentions", "q1", "q2", "q3", "q4", "goldstein_mean"});
    for (const auto& p : r.series)
      out += CsvRow({p.start.ToString(), std::to_string(p.events), std::to_string(p.mentions),
                     std::to_string(p.by_quad[1]), std::to_string(p.by_quad[2]), std::to_string(p.by_quad[3]),
                     std::to_string(p.by_quad[4]), Num(p.GoldsteinMean(), 3)});
  } else if (view == "signals") {
    out = CsvRow({"start", "bucket", "measure", "direction", "value", "baseline_mean", "baseline_sd", "z",
                  "example_event_ids"});
    for (const auto& s : r.signals)
      out += CsvRow({s.start.ToString(), analysis::BucketName(s.bucket), analysis::MeasureName(s.measure),
                     analysis::DirectionName(s.direction), Num(s.value, 3), Num(s.baseline_mean, 3),
                     Num(s.baseline_sd, 3), Num(s.z, 3), Joined(s.example_event_ids)});
  } else if (view == "network") {
    std::map<std::string, std::string> labels;
    for (const auto& n : r.network.nodes) labels[n.key] = n.label;
    out = CsvRow({"source", "source_label", "target", "target_label", "events", "cooperation", "conflict",
                  "goldstein_mean", "example_event_ids"});
    for (const auto& e : r.network.edges)
      out += CsvRow({e.source, labels[e.source], e.target, labels[e.target], std::to_string(e.events),
                     std::to_string(e.cooperation), std::to_string(e.conflict), Num(e.GoldsteinMean(), 3),
                     Joined(e.example_event_ids)});
  } else if (view == "timeline") {
    out = CsvRow({"actor_id", "record", "code_or_relation", "from", "to", "first", "last", "events", "note"});
    for (const auto& t : r.timelines) {
      out += CsvRow({t.actor_id, "actor", "", "", "", DateText(t.first_seen), DateText(t.last_seen),
                     std::to_string(t.events), t.label});
      for (const auto& role : t.roles)
        out += CsvRow({t.actor_id, "role", role.code, "", "", role.first.ToString(), role.last.ToString(),
                       std::to_string(role.events), ""});
      for (const auto& l : t.links)
        out += CsvRow({t.actor_id, "link", l.relation, l.from, l.to, l.start ? l.start->ToString() : "",
                       l.end ? l.end->ToString() : "", "", l.note});
    }
  } else if (view == "top") {
    out = CsvRow({"rank", "score", "severity", "sources", "novelty", "event_id", "date", "source", "target", "cameo",
                  "quad_class", "goldstein", "documents", "sentence"});
    int i = 0;
    for (const auto& t : r.top) {
      const Event& e = t.event.record;
      out += CsvRow({std::to_string(++i), Num(t.score, 3), Num(t.severity, 3), Num(t.sources, 3), Num(t.novelty, 0),
                     e.event_id, e.date.valid() ? e.date.ToString() : "", e.source ? e.source->code : "",
                     e.target ? e.target->code : "", e.cameo, std::to_string(e.quad_class), Num(e.goldstein, 1),
                     std::to_string(t.event.documents), e.sentence});
    }
  } else if (view == "outlook") {
    out = EventsCsvHeader();
    for (const auto& e : r.outlook) out += StoredEventToCsv(e);
  }
  return out;
}

// ---- running ----

int Fail(const Status& s, int code = 1) {
  fmt::print(stderr, "griot stats: {}\n", s.message());
  return code;
}

int RunStats(const StatsCliOptions& o) {
  // Usage checks first (exit 2).
  const int subjects = !o.country.empty() + !o.actor.empty() + !o.query.empty();
  if (subjects != 1) {
    fmt::print(stderr, "griot stats: give exactly one of --country CODE, --actor CODE_OR_ID_OR_NAME, --query TEXT\n");
    return 2;
  }
  auto bucket = analysis::ParseBucket(o.by);
  if (!bucket) {
    fmt::print(stderr, "griot stats: --by '{}' is not day, week or month\n", o.by);
    return 2;
  }
  std::optional<Date> from, to;
  for (auto [arg, out, name] : {std::tuple{&o.from, &from, "--from"}, std::tuple{&o.to, &to, "--to"}}) {
    if (arg->empty()) continue;
    *out = ParseIsoDate(*arg);
    if (!*out) {
      fmt::print(stderr, "griot stats: {} '{}' is not a date (YYYY-MM-DD)\n", name, *arg);
      return 2;
    }
  }
  if (from && to && *to < *from) {
    fmt::print(stderr, "griot stats: --to {} is before --from {}\n", to->ToString(), from->ToString());
    return 2;
  }
  if (o.format == "csv" && o.view.empty()) {
    fmt::print(stderr, "griot stats: --format csv needs a view (series, signals, network, timeline, top, outlook)\n");
    return 2;
  }

  const std::string path = ResolveStorePath(o.db);
  auto opened = SqliteStore::Open(path, StoreMode::kReadOnly);
  if (!opened.ok()) return Fail(opened.status(), 2);
  Store& store = **opened;
  const std::string data_dir = ResolveDataDir(o.data_dir);
  analysis::CountryNames names;
  if (auto loaded = analysis::LoadCountryNames((fs::path(data_dir) / "generated" / "countries.tsv").string());
      loaded.ok())
    names = std::move(*loaded);  // without it countries are shown by code

  analysis::Subject subject;
  subject.kind = !o.country.empty() ? analysis::Subject::Kind::kCountry
                 : !o.actor.empty() ? analysis::Subject::Kind::kActor
                                    : analysis::Subject::Kind::kQuery;
  subject.value = !o.country.empty() ? o.country : !o.actor.empty() ? o.actor : o.query;
  auto resolved = analysis::ResolveSubject(store, subject, names);
  if (!resolved.ok()) {
    const Status& s = resolved.status();
    fmt::print(stderr, "griot stats: {} ({})\n", s.message(), path);
    return s.code() == StatusCode::kInvalidInput ? 2 : 1;
  }
  Report r;
  r.subject = std::move(*resolved);
  r.bucket = *bucket;

  // The window: both dates given, or `days` ending at --to, or at the latest event.
  if (from && to) {
    r.window = {*from, *to};
  } else if (to) {
    r.window = {Date::FromDayNumber(to->DayNumber() - o.days + 1), *to};
  } else {
    auto w = analysis::DefaultWindow(store, r.subject.query, o.days);
    if (!w.ok()) return Fail(w.status());
    if (!w->has_value()) {
      fmt::print(stderr, "griot stats: no dated events for {} in {}\n", r.subject.display_name, path);
      return 1;
    }
    r.window = **w;
    if (from) {
      if (r.window.to < *from) {
        fmt::print(stderr, "griot stats: --from {} is after the latest event for {} ({})\n", from->ToString(),
                   r.subject.display_name, r.window.to.ToString());
        return 1;
      }
      r.window.from = *from;
    }
  }

  const std::string& view = o.view;
  const bool all = view.empty();
  const auto& q = r.subject.query;
  if (all || view == "series") {
    auto s = analysis::EventSeries(store, q, r.window, r.bucket);
    if (!s.ok()) return Fail(s.status());
    r.series = std::move(*s);
  }
  if (all) {
    auto t = analysis::Totals(store, q, r.window);
    if (!t.ok()) return Fail(t.status());
    r.totals = *t;
    auto p = analysis::Totals(store, q, r.window.Previous());
    if (!p.ok()) return Fail(p.status());
    r.previous = *p;
  }
  if (all || view == "signals") {
    auto s = analysis::EscalationSignals(store, q, r.window, r.bucket);
    if (!s.ok()) return Fail(s.status());
    r.signals = std::move(*s);
  }
  if (all || view == "network" || view == "timeline") {
    auto n = analysis::InteractionNetwork(store, q, r.window, o.nodes);
    if (!n.ok()) return Fail(n.status());
    r.network = std::move(*n);
  }
  if (all || view == "timeline") {
    // The subject's actors, or the busiest dictionary actors of the network; then the
    // actors they are linked to.
    std::vector<std::string> ids = r.subject.actor_ids;
    if (ids.empty())
      for (const auto& n : r.network.nodes)
        if (n.key != n.code && ids.size() < 5) ids.push_back(n.key);
    const std::string links_path =
        !o.links.empty() ? o.links : (fs::path(data_dir) / "dict" / "actor_links.tsv").string();
    std::vector<analysis::ActorLink> links;
    auto loaded = analysis::LoadActorLinks(links_path);
    if (loaded.ok()) links = std::move(*loaded);
    else if (!o.links.empty()) return Fail(loaded.status(), 2);
    else fmt::print(stderr, "griot stats: warning: {} (timelines without links)\n", loaded.status().message());
    if (!r.subject.actor_ids.empty()) {
      std::set<std::string> seen(ids.begin(), ids.end());
      for (const auto& l : links)
        for (const std::string& id : r.subject.actor_ids) {
          const std::string other = l.from == id ? l.to : l.to == id ? l.from : "";
          if (!other.empty() && seen.insert(other).second) ids.push_back(other);
        }
    }
    auto t = analysis::ActorTimelines(store, ids, links);
    if (!t.ok()) return Fail(t.status());
    r.timelines = std::move(*t);
  }
  if (all || view == "top") {
    analysis::RankOptions ro;
    ro.limit = static_cast<size_t>(o.limit);
    auto t = analysis::SignificantEvents(store, q, r.window, ro);
    if (!t.ok()) return Fail(t.status());
    r.top = std::move(*t);
  }
  if (all || view == "outlook") {
    auto f = analysis::ForwardStatements(store, q, r.window, static_cast<size_t>(o.limit));
    if (!f.ok()) return Fail(f.status());
    r.outlook = std::move(*f);
  }

  std::string out;
  if (o.format == "json") {
    json j;
    const auto& s = r.subject;
    const char* kind = s.subject.kind == analysis::Subject::Kind::kCountry ? "country"
                       : s.subject.kind == analysis::Subject::Kind::kActor ? "actor"
                                                                           : "query";
    j["subject"] = {{"kind", kind}, {"value", s.subject.value}, {"display_name", s.display_name},
                    {"country", s.country}, {"actor_ids", s.actor_ids}};
    j["window"] = {{"from", r.window.from.ToString()}, {"to", r.window.to.ToString()}, {"days", r.window.Days()}};
    j["bucket"] = analysis::BucketName(r.bucket);
    if (r.totals) {
      j["totals"] = SeriesJson(*r.totals);
      j["previous"] = SeriesJson(*r.previous);
    }
    if (all || view == "series") {
      j["series"] = json::array();
      for (const auto& p : r.series) j["series"].push_back(SeriesJson(p));
    }
    if (all || view == "signals") {
      j["signals"] = json::array();
      for (const auto& x : r.signals) j["signals"].push_back(SignalJson(x));
    }
    if (all || view == "network") j["network"] = NetworkJson(r.network);
    if (all || view == "timeline") {
      j["timeline"] = json::array();
      for (const auto& t : r.timelines) j["timeline"].push_back(TimelineJson(t));
    }
    if (all || view == "top") {
      j["top"] = json::array();
      for (const auto& t : r.top) j["top"].push_back(RankedJson(t));
    }
    if (all || view == "outlook") {
      j["outlook"] = json::array();
      for (const auto& e : r.outlook) j["outlook"].push_back(EventJson(e));
    }
    out = j.dump(2) + "\n";
  } else if (o.format == "csv") {
    out = ViewCsv(view, r);
  } else {
    out = fmt::format("{}: {} .. {} ({} days){}\n", r.subject.display_name, r.window.from.ToString(),
                      r.window.to.ToString(), r.window.Days(),
                      r.subject.country.empty() || r.subject.display_name == r.subject.country
                          ? ""
                          : fmt::format(" [{}]", r.subject.country));
    auto section = [&](const char* title, const std::string& body) {
      out += fmt::format("\n== {} ==\n{}", title, body);
    };
    if (r.totals) {
      const auto& t = *r.totals;
      const auto& p = *r.previous;
      out += fmt::format(
          "{} events ({} reports): cooperation {} (verbal {}, material {}), conflict {} (verbal {}, material {}); "
          "Goldstein mean {}\n",
          t.events, t.mentions, t.Cooperation(), t.by_quad[1], t.by_quad[2], t.Conflict(), t.by_quad[3], t.by_quad[4],
          t.events ? Num(t.GoldsteinMean()) : "-");
      out += fmt::format("previous {} days: {} events, conflict {}, Goldstein mean {}\n", r.window.Days(), p.events,
                         p.Conflict(), p.events ? Num(p.GoldsteinMean()) : "-");
    }
    if (all || view == "series") section(fmt::format("series by {}", analysis::BucketName(r.bucket)).c_str(), SeriesTable(r));
    if (all || view == "signals") section("signals", SignalsTable(r));
    if (all || view == "top") section("significant events", TopTable(r));
    if (all || view == "outlook") section("outlook (forward-looking statements)", OutlookTable(r));
    if (all || view == "network") section("network", NetworkTable(r, all ? 10 : r.network.edges.size()));
    if (all || view == "timeline") section("timeline", TimelineTable(r));
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

void AddStatsCommand(CLI::App& app, std::vector<Command>* commands) {
  auto o = std::make_shared<StatsCliOptions>();
  auto* stats = app.add_subcommand(
      "stats",
      "What the record says about a country, an actor or a search over time.\n"
      "Views: series (events per day/week/month by QuadClass, Goldstein mean), signals (escalation\n"
      "against the subject's own history), network (who acts on whom), timeline (an actor's codes,\n"
      "first and last appearance, links such as successor organisations), top (significant events),\n"
      "outlook (forward-looking statements). Without a view: a summary of all of them.\n"
      "Default window: the 90 days ending at the subject's latest event. Methods: docs/analysis.md.");
  stats->add_option("view", o->view, "series, signals, network, timeline, top or outlook (default: all)")
      ->check(CLI::IsMember({"series", "signals", "network", "timeline", "top", "outlook"}));
  stats->add_option("--db", o->db, "The store (default: $GRIOT_DB, else ./griot.db)");
  stats->add_option("--country", o->country, "ISO 3166 alpha-3 code (MLI) or country name: source, target or place");
  stats->add_option("--actor", o->actor, "Actor id (wagner_group), name seen in reports, or code prefix (RUSPMC)");
  stats->add_option("--query", o->query, "Full-text search over the reporting sentences");
  stats->add_option("--from", o->from, "First day, YYYY-MM-DD (default: --days before --to)");
  stats->add_option("--to", o->to, "Last day, YYYY-MM-DD (default: the subject's latest event)");
  stats->add_option("--days", o->days, "Window length when a date is missing (default 90)")->check(CLI::Range(1, 36600));
  stats->add_option("--by", o->by, "Series buckets: day, week (Monday to Sunday; default) or month");
  stats->add_option("--format", o->format, "table (default), json or csv (csv needs a view)")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  stats->add_option("--limit", o->limit, "Significant events and statements to show (default 10)")
      ->check(CLI::Range(0, 10000));
  stats->add_option("--nodes", o->nodes, "Actors in the network (default 25)")->check(CLI::Range(1, 10000));
  stats->add_option("--data-dir", o->data_dir, "griot data directory (default: $GRIOT_DATA or the build's data/)");
  stats->add_option("--links", o->links, "Actor links file (default: DATA/dict/actor_links.tsv)");
  commands->push_back({stats, [o] { return RunStats(*o); }});
}

}  // namespace griot::cli

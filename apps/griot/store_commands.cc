// `griot ingest`, `griot events` and `griot explain`: the record kept in a store
// (src/store). Thin adapters: option parsing, progress and printing; the work is in the
// store library. User documentation: docs/store.md.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "apps/griot/commands.h"
#include "coding/coder.h"
#include "dict/dictionary_set.h"
#include "pipeline/formats.h"
#include "store/export.h"
#include "store/ingest.h"
#include "store/ingest_sources.h"
#include "store/sqlite_store.h"

namespace griot::cli {

namespace {

// ---- ingest -------------------------------------------------------------------------------

struct IngestCliOptions {
  std::string db;
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string date;
  std::string data_dir;
  std::vector<std::string> dict_files;
  bool no_default_dicts = false;
  bool require_dyad = false;
  int threads = 0;
  int merge_window = 3;
  bool no_merge = false;
  bool merge_require_place = false;
  int near_distance = 3;
  bool quiet = false;
  bool strict = false;
  bool progress = false;
  bool no_progress = false;
};

class ProgressBar {
 public:
  ProgressBar(bool enabled, const IngestSource* source) : enabled_(enabled), source_(source) {}
  void Update(const IngestSummary& s, bool force = false) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const size_t files = source_->file_count();
    std::string bar;
    if (files > 1) {
      const double f = static_cast<double>(source_->files_opened()) / static_cast<double>(files);
      const int filled = static_cast<int>(f * 30);
      bar = fmt::format("[{}{}] {}/{} files  ", std::string(static_cast<size_t>(filled), '#'),
                        std::string(static_cast<size_t>(30 - filled), '.'), source_->files_opened(), files);
    }
    const double rate = s.seconds > 0 ? static_cast<double>(s.read) / s.seconds : 0;
    fmt::print(stderr, "\r\x1b[K{}{} read, {} new, {} dup, {} near-dup, {} rejected, {} events  {:.0f} docs/s", bar,
               s.read, s.added, s.duplicates, s.near_duplicates, s.rejected, s.events, rate);
    std::fflush(stderr);
    shown_ = true;
  }
  void Clear() {
    if (shown_) fmt::print(stderr, "\r\x1b[K");
    shown_ = false;
  }

 private:
  bool enabled_;
  const IngestSource* source_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

int RunIngest(const IngestCliOptions& o) {
  std::optional<Date> fallback;
  if (!ParseDateOption("ingest", o.date, &fallback)) return 2;
  auto format = ParseIngestFormat(o.input_format);
  if (!format) {
    fmt::print(stderr, "griot ingest: unknown --input '{}' (auto, text, jsonl, html, feed)\n", o.input_format);
    return 2;
  }
  const std::string path = ResolveStorePath(o.db);
  auto store = SqliteStore::Open(path, StoreMode::kReadWrite);
  if (!store.ok()) {
    fmt::print(stderr, "griot ingest: {}\n", store.status().message());
    return 2;
  }
  DictionaryOptions dict_options;
  dict_options.data_dir = o.data_dir;
  dict_options.extra_files = o.dict_files;
  dict_options.load_default_dictionaries = !o.no_default_dicts;
  auto dicts = LoadDictionariesFor("ingest", dict_options);
  if (!dicts.ok()) return 2;
  if (!o.quiet)
    for (const DictIssue& issue : (*dicts)->issues) fmt::print(stderr, "griot: dictionary: {}\n", issue.ToString());
  CoderOptions coder_options;
  coder_options.require_dyad = o.require_dyad;
  auto coder = std::make_shared<Coder>(*dicts, coder_options);

  IngestOptions options;
  options.merge.enabled = !o.no_merge;
  options.merge.window_days = o.merge_window;
  options.merge.require_place = o.merge_require_place;
  options.near_duplicate_distance = o.near_distance;
  options.threads = o.threads;
  options.command = "griot ingest";
  for (const std::string& input : o.inputs) options.command += " " + input;
  options.command += fmt::format(" --input {} --merge-window {}{}{} --near-distance {}", o.input_format,
                                 o.merge_window, o.no_merge ? " --no-merge" : "",
                                 o.merge_require_place ? " --merge-require-place" : "", o.near_distance);
  Ingester ingester(store->get(), coder, options);

  IngestSource source(*format, o.inputs, fallback);
  const bool tty = isatty(STDERR_FILENO) != 0;
  ProgressBar bar(!o.quiet && !o.no_progress && (tty || o.progress), &source);
  auto summary = ingester.Run(
      source,
      [&](const std::string& origin, const std::string& reason) {
        bar.Clear();
        fmt::print(stderr, "griot: rejected {}: {}\n", origin, reason);
      },
      [&](const IngestSummary& s) { bar.Update(s); });
  bar.Clear();
  if (!summary.ok()) {
    fmt::print(stderr, "griot ingest: {} (documents stored so far are kept; run again to resume)\n",
               summary.status().message());
    return 2;
  }
  if (!o.quiet) fmt::print(stderr, "griot: {} ({})\n", summary->ToString(), path);
  if (o.strict && summary->rejected > 0) return 1;
  return 0;
}

// ---- events -------------------------------------------------------------------------------

struct EventsCliOptions {
  std::string db;
  std::string actor, source, target, country, cameo, root, plover, from, to, place, modality, search;
  int quad = 0;
  std::string output;
  int64_t limit = -1;
  int64_t offset = 0;
  bool newest = false;
  bool plan = false;
};

// A code ("MLI", "RUSPMC", "IGOUNO") is upper-case letters and digits; anything else is a
// name or an actor id, resolved through the store's actor registry.
bool LooksLikeCode(const std::string& s) {
  if (s.empty() || s.size() > 15) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return s;
}

int RunEvents(const EventsCliOptions& o) {
  const std::string path = ResolveStorePath(o.db);
  auto store = SqliteStore::Open(path, StoreMode::kReadOnly);
  if (!store.ok()) {
    fmt::print(stderr, "griot events: {}\n", store.status().message());
    return 2;
  }
  EventQuery q;
  auto actor = [&](const std::string& arg, std::string* code, std::vector<std::string>* ids) -> bool {
    if (arg.empty()) return true;
    if (LooksLikeCode(arg)) {
      *code = arg;
      return true;
    }
    auto found = (*store)->ResolveActor(arg);
    if (!found.ok()) {
      fmt::print(stderr, "griot events: {}\n", found.status().message());
      return false;
    }
    if (found->empty()) {
      fmt::print(stderr, "griot events: no actor called '{}' in {} (give an actor id, a name seen in reports, "
                         "or a code such as MLIGOV)\n", arg, path);
      return false;
    }
    *ids = *found;
    return true;
  };
  if (!actor(o.actor, &q.actor_code, &q.actor_ids) || !actor(o.source, &q.source_code, &q.source_ids) ||
      !actor(o.target, &q.target_code, &q.target_ids))
    return 1;
  q.country = Upper(o.country);
  q.cameo = !o.cameo.empty() ? o.cameo : o.root;
  if (!o.root.empty() && o.root.size() != 2) {
    fmt::print(stderr, "griot events: --root takes a two-digit CAMEO root such as 19\n");
    return 2;
  }
  q.plover = Upper(o.plover);
  q.quad_class = o.quad;
  for (auto [arg, out, name] : {std::tuple{&o.from, &q.from, "--from"}, std::tuple{&o.to, &q.to, "--to"}}) {
    if (arg->empty()) continue;
    *out = ParseIsoDate(*arg);
    if (!*out) {
      fmt::print(stderr, "griot events: {} '{}' is not YYYY-MM-DD\n", name, *arg);
      return 2;
    }
  }
  q.place = o.place;
  q.modality = o.modality;
  q.text = o.search;
  q.newest_first = o.newest;
  q.offset = o.offset;
  const bool tty = isatty(STDOUT_FILENO) != 0;
  const std::string output = !o.output.empty() ? o.output : tty ? "table" : "jsonl";
  // A terminal table shows 100 rows unless asked; files and pipes get everything.
  q.limit = o.limit >= 0 ? o.limit : output == "table" ? 100 : 0;
  q.with_doc_ids = output == "jsonl";
  if (o.plan) {
    auto plan = (*store)->QueryPlan(q);
    if (!plan.ok()) {
      fmt::print(stderr, "griot events: {}\n", plan.status().message());
      return 2;
    }
    fmt::print("{}", *plan);
    return 0;
  }
  auto events = (*store)->QueryEvents(q);
  if (!events.ok()) {
    fmt::print(stderr, "griot events: {}\n", events.status().message());
    return events.status().code() == StatusCode::kInvalidInput ? 2 : 1;
  }
  std::string out;
  if (output == "table") {
    out = EventsTable(*events);
    if (o.limit < 0 && static_cast<int64_t>(events->size()) == q.limit)
      out += fmt::format("(first {} events; --limit 0 shows all)\n", q.limit);
  } else if (output == "csv") {
    out = EventsCsvHeader();
    for (const auto& e : *events) out += StoredEventToCsv(e);
  } else if (output == "tsv") {
    out = TsvHeader();
    for (const auto& e : *events) out += EventToTsv(e.record);
  } else if (output == "petrarch") {
    for (const auto& e : *events) out += EventToPetrarch(e.record);
  } else if (output == "plover") {
    for (const auto& e : *events) out += StoredEventToPlover(e) + '\n';
  } else {
    for (const auto& e : *events) out += StoredEventToJson(e) + '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

// ---- explain ------------------------------------------------------------------------------

struct ExplainCliOptions {
  std::string db;
  std::string id;
  bool color = false;
  bool no_color = false;
};

std::string ActorLine(const std::optional<ActorRef>& a) {
  if (!a) return "(none)";
  std::string s = fmt::format("{} \"{}\"", a->code, a->text);
  if (!a->actor_id.empty()) s += fmt::format(" [{}]", a->actor_id);
  return s;
}

int RunExplain(const ExplainCliOptions& o) {
  const std::string path = ResolveStorePath(o.db);
  auto opened = SqliteStore::Open(path, StoreMode::kReadOnly);
  if (!opened.ok()) {
    fmt::print(stderr, "griot explain: {}\n", opened.status().message());
    return 2;
  }
  Store& store = **opened;
  auto found = store.FindEvent(o.id);
  if (!found.ok()) {
    fmt::print(stderr, "griot explain: {}\n", found.status().message());
    return 2;
  }
  if (!found->has_value()) {
    fmt::print(stderr, "griot explain: no event or report with id '{}' in {}\n", o.id, path);
    return 1;
  }
  const StoredEvent& ev = **found;
  const Event& e = ev.record;
  const bool ansi = !o.no_color && (o.color || isatty(STDOUT_FILENO) != 0);
  const char* bold = ansi ? "\x1b[1m" : "";
  const char* reset = ansi ? "\x1b[0m" : "";
  std::string out;
  out += fmt::format("{}Event {}{}  {} ({})\n", bold, e.event_id, reset, e.date.valid() ? e.date.ToString() : "undated",
                     e.date.valid() ? e.date.PrecisionName() : "no date");
  out += fmt::format("  source:   {}\n  target:   {}\n", ActorLine(e.source), ActorLine(e.target));
  out += fmt::format("  code:     CAMEO {} (root {}), QuadClass {}, Goldstein {:.1f}, PLOVER {}{}\n", e.cameo,
                     e.cameo_root, e.quad_class, e.goldstein, e.plover.empty() ? "-" : e.plover,
                     e.plover_mode.empty() ? "" : "/" + e.plover_mode);
  out += fmt::format("  modality: {}\n", ModalityName(e.modality));
  if (e.location) {
    const Location& l = *e.location;
    out += fmt::format("  place:    {}{}{}{}\n", l.name, l.admin1.empty() ? "" : ", " + l.admin1,
                       l.country.empty() ? "" : ", " + l.country,
                       l.lat && l.lon ? fmt::format(" ({:.4f}, {:.4f}, {})", *l.lat, *l.lon, l.precision) : "");
  } else {
    out += "  place:    (none named)\n";
  }
  out += fmt::format("  reported: {} time{} in {} document{}\n", ev.mentions, ev.mentions == 1 ? "" : "s",
                     ev.documents, ev.documents == 1 ? "" : "s");
  for (const auto* a : {&e.source, &e.target}) {
    if (!*a || (*a)->actor_id.empty()) continue;
    auto info = store.GetActor((*a)->actor_id);
    if (info.ok() && info->has_value() && (**info).aliases.size() > 1) {
      std::string names;
      for (size_t i = 0; i < (**info).aliases.size() && i < 8; ++i)
        names += (i ? "; " : "") + (**info).aliases[i];
      out += fmt::format("  {} is also called: {}\n", (*a)->actor_id, names);
    }
  }

  auto mentions = store.GetMentions(ev.key);
  if (!mentions.ok()) {
    fmt::print(stderr, "griot explain: {}\n", mentions.status().message());
    return 2;
  }
  int n = 0;
  std::vector<int64_t> shown_docs;
  for (const StoredMention& m : *mentions) {
    const Event& r = m.record;
    out += fmt::format("\n{}Report {}{} ({}{})\n", bold, ++n, reset, r.event_id,
                       r.event_id == e.event_id ? ", first report" : "");
    out += fmt::format("  document: {}", r.doc_id);
    if (!r.title.empty()) out += fmt::format(" \"{}\"", r.title);
    if (!r.source_name.empty()) out += fmt::format(", {}", r.source_name);
    out += '\n';
    if (!r.url.empty()) out += fmt::format("  url:      {}\n", r.url);
    out += fmt::format("  sentence {}: {}\n", r.sentence_index, HighlightSentence(r, ansi));
    out += fmt::format("  coded:    {} -> {}, CAMEO {}, {}, {}{}\n", r.source ? r.source->code : "-",
                       r.target ? r.target->code : "-", r.cameo, r.date.valid() ? r.date.ToString() : "undated",
                       ModalityName(r.modality), r.location ? ", at " + r.location->name : "");
    out += fmt::format("  rule:     {}\n", r.rule);
    if (!m.merge_reason.empty()) out += fmt::format("  merged:   {}\n", m.merge_reason);
    if (std::find(shown_docs.begin(), shown_docs.end(), m.document_key) == shown_docs.end()) {
      shown_docs.push_back(m.document_key);
      auto copies = store.GetCopies(m.document_key);
      if (copies.ok())
        for (const StoredDocument& c : *copies)
          out += fmt::format("  copy:     {} \"{}\"{} (near-duplicate, {} of 64 fingerprint bits differ; not coded)\n",
                             c.doc_id, c.title, c.source.empty() ? "" : ", " + c.source, c.distance);
    }
  }
  out += fmt::format("\n{}\n", ansi ? "(source blue, target red, verb reversed, place underlined)"
                                    : "([S: source] [T: target] [V: verb or trigger] [P: place])");
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

void AddStoreCommands(CLI::App& app, std::vector<Command>* commands) {
  const std::string db_help = "The store (default: $GRIOT_DB, else ./griot.db)";

  // ingest
  auto in = std::make_shared<IngestCliOptions>();
  auto* ingest = app.add_subcommand(
      "ingest",
      "Code documents and keep the events in the store.\n"
      "Reads text files, JSON lines, web pages (.html) and RSS/Atom feeds (.rss, .atom, .xml), or\n"
      "directories of them (recursively), or stdin. Each document is stored with its events in one\n"
      "transaction; documents already stored are skipped, syndicated near-copies are linked to the\n"
      "original, and reports of the same happening are merged into one event. A killed ingest can\n"
      "simply be run again.");
  ingest->add_option("inputs", in->inputs, "Files or directories; '-' or none for stdin");
  ingest->add_option("--db", in->db, db_help);
  ingest->add_option("--input", in->input_format,
                     "Input format: auto (default: by extension), text, jsonl, html, feed")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "html", "feed", "rss", "atom"}));
  ingest->add_option("--date", in->date, "Document date (YYYY-MM-DD) when a document gives none");
  ingest->add_option("--threads", in->threads, "Coding threads (default: all cores)")->check(CLI::NonNegativeNumber);
  ingest->add_option("--merge-window", in->merge_window,
                     "Reports of the same happening merge when their dates are at most this many days apart "
                     "(default 3)")
      ->check(CLI::Range(0, 365));
  ingest->add_flag("--no-merge", in->no_merge, "Keep every report as its own event");
  ingest->add_flag("--merge-require-place", in->merge_require_place,
                   "Merge only reports that both name the same place");
  ingest->add_option("--near-distance", in->near_distance,
                     "Near-duplicate threshold: differing simhash bits of 64 (0-3, default 3; -1 turns the check off)")
      ->check(CLI::Range(-1, 3));
  ingest->add_option("--data-dir", in->data_dir, "griot data directory (default: $GRIOT_DATA or the build's data/)");
  ingest->add_option("--dict", in->dict_files, "Extra dictionary file; repeatable");
  ingest->add_flag("--no-default-dicts", in->no_default_dicts, "Use only the --dict files");
  ingest->add_flag("--require-dyad", in->require_dyad, "Keep only events with both source and target");
  ingest->add_flag("--strict", in->strict, "Exit with status 1 if any input was rejected");
  ingest->add_flag("--progress", in->progress, "Show the progress line even when stderr is not a terminal");
  ingest->add_flag("--no-progress", in->no_progress, "No progress line");
  ingest->add_flag("-q,--quiet", in->quiet, "No progress, dictionary warnings or summary on stderr");
  commands->push_back({ingest, [in] { return RunIngest(*in); }});

  // events
  auto ev = std::make_shared<EventsCliOptions>();
  auto* events = app.add_subcommand(
      "events",
      "List the events in the store, filtered.\n"
      "Actors are codes (MLI, MLIGOV, RUSPMC: a prefix) or names and actor ids (wagner_group,\n"
      "\"Sadio Camara\") as seen in reports. All filters must hold. Output: an aligned table on a\n"
      "terminal, else JSON lines; or --output csv, tsv, petrarch, plover.");
  events->add_option("--db", ev->db, db_help);
  events->add_option("--actor", ev->actor, "Source or target: code prefix, actor id or name");
  events->add_option("--source", ev->source, "Source actor: code prefix, actor id or name");
  events->add_option("--target", ev->target, "Target actor: code prefix, actor id or name");
  events->add_option("--country", ev->country, "ISO 3166 alpha-3 country of the source, target or place");
  events->add_option("--cameo", ev->cameo, "CAMEO code or prefix (19, 190, 1823)");
  events->add_option("--root", ev->root, "CAMEO root (two digits)");
  events->add_option("--plover", ev->plover, "PLOVER event type (ASSAULT, PROTEST, ...)");
  events->add_option("--quad", ev->quad, "QuadClass 1-4")->check(CLI::Range(1, 4));
  events->add_option("--from", ev->from, "First date, YYYY-MM-DD (inclusive)");
  events->add_option("--to", ev->to, "Last date, YYYY-MM-DD (inclusive)");
  events->add_option("--place", ev->place, "Place name (case- and accent-insensitive)");
  events->add_option("--modality", ev->modality, "asserted, reported, alleged, negated or future")
      ->check(CLI::IsMember({"asserted", "reported", "alleged", "negated", "future"}));
  events->add_option("-s,--search", ev->search,
                     "Full-text search over the reporting sentences (words, \"phrases\", prefix*, OR, NOT)");
  events->add_option("--output", ev->output, "table, jsonl, csv, tsv, petrarch or plover")
      ->check(CLI::IsMember({"table", "jsonl", "csv", "tsv", "petrarch", "plover"}));
  events->add_option("--limit", ev->limit, "At most N events (0: all; default: all, 100 for a terminal table)");
  events->add_option("--offset", ev->offset, "Skip the first N events")->check(CLI::NonNegativeNumber);
  events->add_flag("--newest", ev->newest, "Newest first (default: oldest first)");
  events->add_flag("--plan", ev->plan, "Print SQLite's query plan instead of the events");
  commands->push_back({events, [ev] { return RunEvents(*ev); }});

  // explain
  auto ex = std::make_shared<ExplainCliOptions>();
  auto* explain = app.add_subcommand(
      "explain",
      "Show why an event is in the record: each report's sentence with source, target, verb and\n"
      "place marked, its document, the dictionary rule that fired and why reports were merged.");
  explain->add_option("id", ex->id, "Event id (or the id of one of its reports)")->required();
  explain->add_option("--db", ex->db, db_help);
  explain->add_flag("--color", ex->color, "ANSI colours even when not on a terminal");
  explain->add_flag("--no-color", ex->no_color, "Brackets instead of colours");
  commands->push_back({explain, [ex] { return RunExplain(*ex); }});
}

}  // namespace griot::cli

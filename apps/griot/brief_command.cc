// `griot brief`: a four-section brief with citations on a country, an actor or a search over
// a date window, from the store (src/brief). User documentation: docs/brief.md.
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <string>

#include "analysis/analysis.h"
#include "apps/griot/brief_cli.h"
#include "apps/griot/commands.h"
#include "brief/brief.h"
#include "brief/render.h"
#include "store/sqlite_store.h"

namespace griot::cli {

int WriteBriefOutput(const std::string& command, const std::string& text, const std::string& output) {
  if (output.empty() || output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::ferror(stdout) ? 1 : 0;
  }
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  if (!out) {
    fmt::print(stderr, "griot {}: cannot write {}\n", command, output);
    return 2;
  }
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) {
    fmt::print(stderr, "griot {}: error writing {}\n", command, output);
    return 2;
  }
  return 0;
}

int RunBriefOn(const std::string& command, Store& store, const BriefCliOptions& o) {
  auto format = brief::ParseFormat(o.format);
  if (!format) {
    fmt::print(stderr, "griot {}: unknown --format '{}' (md, html, json)\n", command, o.format);
    return 2;
  }
  analysis::Subject subject;
  int given = 0;
  if (!o.country.empty()) {
    ++given;
    subject.kind = analysis::Subject::Kind::kCountry;
    subject.value = o.country;
    for (char& c : subject.value)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  if (!o.actor.empty()) {
    ++given;
    subject.kind = analysis::Subject::Kind::kActor;
    subject.value = o.actor;
  }
  if (!o.query.empty()) {
    ++given;
    subject.kind = analysis::Subject::Kind::kQuery;
    subject.value = o.query;
  }
  if (given != 1) {
    fmt::print(stderr, "griot {}: give exactly one of --country CODE, --actor NAME or --query TEXT\n", command);
    return 2;
  }
  std::optional<Date> from, to;
  for (auto [arg, out, name] : {std::tuple{&o.from, &from, "--from"}, std::tuple{&o.to, &to, "--to"}}) {
    if (arg->empty()) continue;
    *out = ParseIsoDate(*arg);
    if (!*out) {
      fmt::print(stderr, "griot {}: {} '{}' is not YYYY-MM-DD\n", command, name, *arg);
      return 2;
    }
  }
  brief::BriefOptions options;
  options.data_dir = o.data_dir;
  options.default_days = o.days;
  options.long_run_years = o.long_run_years;
  std::optional<analysis::Window> window;
  if (from || to) {
    if (from && to) {
      window = analysis::Window{*from, *to};
    } else {
      // One bound given: the other is `days` away from it.
      if (from) window = analysis::Window{*from, Date::FromDayNumber(from->DayNumber() + o.days - 1)};
      else window = analysis::Window{Date::FromDayNumber(to->DayNumber() - o.days + 1), *to};
    }
    if (window->to < window->from) {
      fmt::print(stderr, "griot {}: --to {} is before --from {}\n", command, window->to.ToString(),
                 window->from.ToString());
      return 2;
    }
  }
  auto built = brief::BuildBrief(store, subject, window, options);
  if (!built.ok()) {
    fmt::print(stderr, "griot {}: {}\n", command, built.status().message());
    const auto code = built.status().code();
    return code == StatusCode::kNotFound || code == StatusCode::kInvalidInput ? 1 : 2;
  }
  for (const std::string& w : built->warnings) fmt::print(stderr, "griot {}: warning: {}\n", command, w);
  return WriteBriefOutput(command, brief::Render(*built, *format), o.output);
}

void AddBriefOptions(CLI::App* app, BriefCliOptions* o, bool subject_options) {
  if (subject_options) {
    app->add_option("--country", o->country, "Brief on a country: ISO 3166 alpha-3 code (MLI)");
    app->add_option("--actor", o->actor, "Brief on an actor: actor id (wagner_group), a name seen in reports, or a code prefix");
    app->add_option("--query", o->query, "Brief on a full-text search over the reporting sentences");
  }
  app->add_option("--from", o->from, "First day of the window, YYYY-MM-DD");
  app->add_option("--to", o->to, "Last day of the window, YYYY-MM-DD");
  app->add_option("--days", o->days, "Window length when --from or --to is missing (default: 90 for brief, 365 for demo)")
      ->check(CLI::Range(1, 36500));
  app->add_option("--long-run-years", o->long_run_years,
                  "Years of monthly series behind the long-run sentence of Beyond the Headlines (default: 1 for brief, 20 for demo; 0: none)")
      ->check(CLI::Range(0, 100));
  app->add_option("--format", o->format, "md (default), html or json")->check(CLI::IsMember({"md", "markdown", "html", "json"}));
  app->add_option("-o,--output", o->output, "Write the brief to FILE (default: standard output)");
  app->add_option("--data-dir", o->data_dir, "griot data directory (default: $GRIOT_DATA or the build's data/)");
}

namespace {

int RunBrief(const BriefCliOptions& o) {
  const std::string path = ResolveStorePath(o.db);
  auto store = SqliteStore::Open(path, StoreMode::kReadOnly);
  if (!store.ok()) {
    fmt::print(stderr, "griot brief: {}\n", store.status().message());
    return 2;
  }
  return RunBriefOn("brief", **store, o);
}

}  // namespace

void AddBriefCommand(CLI::App& app, std::vector<Command>* commands) {
  auto o = std::make_shared<BriefCliOptions>();
  auto* cmd = app.add_subcommand(
      "brief",
      "Write a brief on a country, an actor or a search: four sections (What's Happening?, Why It's\n"
      "Important?, What's Next?, Beyond the Headlines) where every sentence cites the stored events and\n"
      "reporting sentences it rests on. Default window: the last 90 days of data for the subject.");
  cmd->add_option("--db", o->db, "The store (default: $GRIOT_DB, else ./griot.db)");
  AddBriefOptions(cmd, o.get(), true);
  commands->push_back({cmd, [o] { return RunBrief(*o); }});
}

}  // namespace griot::cli

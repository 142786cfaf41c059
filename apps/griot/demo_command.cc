// `griot demo`: the main job on the bundled demo corpus in one command. Codes examples/sahel
// into a fresh store and prints the Mali brief (src/brief). User documentation: docs/brief.md.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "apps/griot/brief_cli.h"
#include "apps/griot/commands.h"
#include "coding/coder.h"
#include "dict/dictionary_set.h"
#include "store/ingest.h"
#include "store/ingest_sources.h"
#include "store/sqlite_store.h"

namespace griot::cli {

namespace {

namespace fs = std::filesystem;

struct DemoCliOptions {
  BriefCliOptions brief;
  std::string corpus;
  bool quiet = false;
};

// A store made by `griot demo` carries a marker file beside it, so that a later demo replaces
// only what an earlier demo made, never a store of the user's.
std::string MarkerPath(const std::string& db) { return db + ".griot-demo"; }

Status RemoveOldDemoStore(const std::string& db) {
  std::error_code ec;
  if (!fs::exists(db, ec)) return Status::Ok();
  if (!fs::exists(MarkerPath(db), ec))
    return Status::InvalidInput(fmt::format(
        "{} exists and was not made by `griot demo`; refusing to replace it (give another --db or remove it)", db));
  if (Status st = CheckStoreFile(db); !st.ok()) return st;
  for (const std::string& p : {db, db + "-wal", db + "-shm", db + "-journal"}) fs::remove(p, ec);
  if (fs::exists(db)) return Status::IoError(fmt::format("cannot remove the old demo store {}", db));
  return Status::Ok();
}

int RunDemo(DemoCliOptions o) {
  const std::string data_dir = ResolveDataDir(o.brief.data_dir);
  const std::string corpus = !o.corpus.empty() ? o.corpus : data_dir + "/../examples/sahel";
  std::error_code ec;
  if (!fs::is_directory(corpus, ec)) {
    fmt::print(stderr, "griot demo: no demo corpus at {} (give --corpus DIR)\n", corpus);
    return 2;
  }
  const std::string db = !o.brief.db.empty() ? o.brief.db : "build/demo.db";
  if (Status st = RemoveOldDemoStore(db); !st.ok()) {
    fmt::print(stderr, "griot demo: {}\n", st.message());
    return 2;
  }
  const fs::path parent = fs::path(db).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  {
    std::ofstream marker(MarkerPath(db));
    marker << "Made by `griot demo`; the next `griot demo` replaces " << db << ".\n";
  }
  auto store = SqliteStore::Open(db, StoreMode::kReadWrite);
  if (!store.ok()) {
    fmt::print(stderr, "griot demo: {}\n", store.status().message());
    return 2;
  }
  DictionaryOptions dict_options;
  dict_options.data_dir = o.brief.data_dir;
  auto dicts = LoadDictionariesFor("demo", dict_options);
  if (!dicts.ok()) return 2;
  auto coder = std::make_shared<Coder>(*dicts, CoderOptions{});
  IngestOptions options;
  options.command = "griot demo " + corpus;
  Ingester ingester(store->get(), coder, options);
  IngestSource source(IngestFormat::kAuto, {corpus}, std::nullopt);
  auto summary = ingester.Run(
      source, [&](const std::string& origin, const std::string& reason) {
        fmt::print(stderr, "griot: rejected {}: {}\n", origin, reason);
      },
      [](const IngestSummary&) {});
  if (!summary.ok()) {
    fmt::print(stderr, "griot demo: {}\n", summary.status().message());
    return 2;
  }
  if (!o.quiet) fmt::print(stderr, "griot demo: {} ({})\n", summary->ToString(), db);
  if (o.brief.country.empty() && o.brief.actor.empty() && o.brief.query.empty()) o.brief.country = "MLI";
  return RunBriefOn("demo", **store, o.brief);
}

}  // namespace

void AddDemoCommand(CLI::App& app, std::vector<Command>* commands) {
  auto o = std::make_shared<DemoCliOptions>();
  // The demo corpus is thin in any one quarter: its brief covers the last year of data.
  o->brief.days = 365;
  o->brief.long_run_years = 20;  // the whole record of the small corpus
  auto* cmd = app.add_subcommand(
      "demo",
      "The main job on the bundled demo corpus: code examples/sahel into a fresh store (default\n"
      "build/demo.db, replaced on each run) and print the brief on Mali over the last year of data\n"
      "(or --actor/--country/--query, --from/--to/--days).");
  cmd->add_option("--db", o->brief.db, "The demo store (default build/demo.db; an earlier demo store there is replaced)");
  cmd->add_option("--corpus", o->corpus, "The corpus to ingest (default: the bundled examples/sahel)");
  AddBriefOptions(cmd, &o->brief, true);
  cmd->add_flag("-q,--quiet", o->quiet, "No ingest summary on stderr");
  commands->push_back({cmd, [o] { return RunDemo(*o); }});
}

}  // namespace griot::cli

// Options and runner shared by `griot brief` and `griot demo` (brief_command.cc).
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "store/store.h"

namespace griot::cli {

struct BriefCliOptions {
  std::string db;
  std::string country, actor, query;
  std::string from, to;
  int days = 90;
  int long_run_years = 1;
  std::string format = "md";
  std::string output;
  std::string data_dir;
};

// Adds --from, --to, --days, --format, -o, --data-dir (and --country, --actor, --query when
// `subject_options`) to `app`.
void AddBriefOptions(CLI::App* app, BriefCliOptions* options, bool subject_options);

// Builds and writes the brief `options` ask for from `store`; returns the exit code (0 ok,
// 1 unknown subject or bad window, 2 usage or I/O error). `command` names the command in
// error messages.
int RunBriefOn(const std::string& command, Store& store, const BriefCliOptions& options);

// Writes `text` to `output` (standard output when empty or "-"); returns an exit code.
int WriteBriefOutput(const std::string& command, const std::string& text, const std::string& output);

}  // namespace griot::cli

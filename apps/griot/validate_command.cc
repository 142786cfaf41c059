#include <fmt/format.h>

#include <memory>

#include "apps/griot/commands.h"
#include "conformance/petrarch_suite.h"
#include "conformance/validator.h"

namespace griot::cli {

namespace {

struct ValidateOptions {
  std::string file;
  std::string dict_dir;
  bool raw = false;
  bool quiet = false;
};

int RunValidate(const ValidateOptions& o) {
  auto suite = LoadPetrarchSuite(o.file);
  if (!suite.ok()) {
    fmt::print(stderr, "griot validate: {}\n", suite.status().message());
    return 2;
  }
  ValidationOptions options;
  options.dict_dir = o.dict_dir;
  options.raw = o.raw;
  auto report = ValidatePetrarchSuite(*suite, options);
  if (!report.ok()) {
    fmt::print(stderr, "griot validate: {}\n", report.status().message());
    return 2;
  }
  fmt::print("{}", FormatReport(*report, !o.quiet));
  return report->failed == 0 ? 0 : 1;
}

}  // namespace

void AddValidateCommand(CLI::App& app, std::vector<Command>* commands) {
  auto o = std::make_shared<ValidateOptions>();
  auto* cmd = app.add_subcommand(
      "validate",
      "Run a conformance suite (PETRARCH unit-test XML) through griot's coding engine.\n"
      "Uses the suite's <Environment> dictionaries and inline <Config> options; prints\n"
      "per-category pass counts, each failing record with expected vs produced events, and\n"
      "ends with 'N passed, M failed'. Exit status 1 if any record fails.");
  cmd->add_option("file", o->file, "Suite file (PETR.UnitTest.records.xml)")->required();
  cmd->add_option("--dict-dir", o->dict_dir, "Directory of the suite's dictionaries (default: beside the file)");
  cmd->add_flag("--raw", o->raw, "Code each record's text with the raw-text front end, ignoring <Parse>");
  cmd->add_flag("-q,--quiet", o->quiet, "Only the per-category counts and the summary line");
  commands->push_back({cmd, [o] { return RunValidate(*o); }});
}

}  // namespace griot::cli

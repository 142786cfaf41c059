#include <fmt/format.h>

#include <memory>
#include <optional>

#include "apps/griot/commands.h"
#include "coding/deep_parse.h"
#include "conformance/petrarch_suite.h"
#include "conformance/tabari_suite.h"
#include "conformance/tabari_validator.h"
#include "conformance/validator.h"

namespace griot::cli {

namespace {

struct ValidateOptions {
  std::string file;
  std::string dict_dir;
  bool raw = false;
  std::string parser = "fast";  // fast | link (with --raw)
  int parse_time_limit = 1;
  bool no_tagger = false;
  bool quiet = false;
};

// The suites outlive the report, whose results point into them.
struct Suites {
  std::optional<PetrarchSuite> petrarch;
  std::optional<TabariSuite> tabari;
};

Result<ValidationReport> RunSuite(const ValidateOptions& o, Suites* suites,
                                  const std::shared_ptr<const DeepParser>& deep_parser) {
  if (LooksLikeTabariSuite(o.file)) {
    if (deep_parser) return Status::Unsupported("--parser link applies to PETRARCH suites with --raw");
    auto suite = LoadTabariSuite(o.file, o.dict_dir);
    if (!suite.ok()) return suite.status();
    suites->tabari = std::move(*suite);
    TabariValidationOptions options;
    options.tagger = !o.no_tagger;
    return ValidateTabariSuite(*suites->tabari, options);
  }
  auto suite = LoadPetrarchSuite(o.file);
  if (!suite.ok()) return suite.status();
  suites->petrarch = std::move(*suite);
  ValidationOptions options;
  options.dict_dir = o.dict_dir;
  options.raw = o.raw;
  options.deep_parser = deep_parser;
  return ValidatePetrarchSuite(*suites->petrarch, options);
}

int RunValidate(const ValidateOptions& o) {
  auto deep_parser = MakeDeepParser(o.parser, o.parse_time_limit);
  if (!deep_parser.ok()) {
    fmt::print(stderr, "griot validate: --parser {}: {}\n", o.parser, deep_parser.status().message());
    return 2;
  }
  if (*deep_parser && !o.raw) {
    fmt::print(stderr, "griot validate: --parser link applies to --raw\n");
    return 2;
  }
  Suites suites;
  auto report = RunSuite(o, &suites, *deep_parser);
  if (!report.ok()) {
    fmt::print(stderr, "griot validate: {}\n", report.status().message());
    return 2;
  }
  fmt::print("{}", FormatReport(*report, !o.quiet));
  if (*deep_parser && !o.quiet) fmt::print(stderr, "griot: link parser: {}\n", (*deep_parser)->counts().ToString());
  return report->failed == 0 ? 0 : 1;
}

}  // namespace

void AddValidateCommand(CLI::App& app, std::vector<Command>* commands) {
  auto o = std::make_shared<ValidateOptions>();
  auto* cmd = app.add_subcommand(
      "validate",
      "Run a conformance suite through griot's coding engine: PETRARCH's unit-test records\n"
      "(PETR.UnitTest.records.xml) or TABARI's validation suite (Validate.project or\n"
      "Validate.text). Uses the suite's own dictionaries and options; prints per-category\n"
      "pass counts, each failing record with expected vs produced events, notes on what was\n"
      "not scored, and ends with 'N passed, M failed'. Exit status 1 if any record fails.\n"
      "See docs/conformance.md.");
  cmd->add_option("file", o->file, "Suite file (PETR.UnitTest.records.xml, Validate.project, Validate.text)")
      ->required();
  cmd->add_option("--dict-dir", o->dict_dir, "Directory of the suite's dictionaries (default: beside the file)");
  cmd->add_flag("--raw", o->raw, "PETRARCH: code each record's text with the raw-text front end, ignoring <Parse>");
  cmd->add_option("--parser", o->parser,
                  "With --raw: fast (default) or link (deep mode: Link Grammar, fast path as fallback)")
      ->check(CLI::IsMember({"fast", "link"}));
  cmd->add_option("--parse-time-limit", o->parse_time_limit, "--parser link: seconds per sentence (default 1)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--no-tagger", o->no_tagger,
                "TABARI: code the records without griot's POS tagger (shows what the tagger changes)");
  cmd->add_flag("-q,--quiet", o->quiet, "Only the per-category counts, the notes and the summary line");
  commands->push_back({cmd, [o] { return RunValidate(*o); }});
}

}  // namespace griot::cli

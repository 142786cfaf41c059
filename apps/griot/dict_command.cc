// `griot dict check` and `griot dict explain`: tools for dictionary authors.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "apps/griot/commands.h"
#include "coding/coder.h"
#include "dict/dict_check.h"
#include "dict/dict_explain.h"
#include "dict/dictionary_set.h"

namespace griot::cli {

namespace {

struct CheckOptions {
  std::vector<std::string> files;
  std::string data_dir;
  bool strict = false;
  bool quiet = false;
};

struct ExplainOptions {
  std::string text;
  std::string date;
  std::string data_dir;
  std::vector<std::string> dict_files;
  bool no_default_dicts = false;
};

int RunCheck(const CheckOptions& options) {
  auto ref = LoadCodeReference(options.data_dir);
  if (!ref.ok()) {
    fmt::print(stderr, "griot dict check: cannot read the CAMEO code table: {}\n", ref.status().message());
    return 2;
  }
  std::vector<std::string> files = options.files;
  if (files.empty()) {
    // griot's own files, named relative to the working directory when they are below it.
    std::error_code ec;
    const std::filesystem::path cwd = std::filesystem::current_path(ec);
    for (const std::string& f : DefaultDictionaryFiles(options.data_dir)) {
      const std::filesystem::path rel = std::filesystem::path(f).lexically_relative(cwd);
      const bool below = !ec && !rel.empty() && *rel.begin() != "..";
      files.push_back(below ? rel.string() : f);
    }
  }
  if (files.empty()) {
    fmt::print(stderr, "griot dict check: no dictionary files found in {}\n", ResolveDataDir(options.data_dir));
    return 2;
  }
  CheckReport report = CheckDictionaryFiles(files, *ref);
  if (ref->countries.empty())
    fmt::print(stderr, "griot dict check: no country table (data/generated/countries.tsv; run scripts/setup.sh): "
                       "country codes cannot be checked\n");
  for (const CheckFinding& f : report.findings) {
    if (options.quiet && f.severity == CheckSeverity::kWarning && !options.strict) continue;
    fmt::print("{}\n", f.ToString());
  }
  const size_t errors = report.errors(), warnings = report.warnings();
  fmt::print(stderr, "griot dict check: {} error{}, {} warning{} in {} file{}\n", errors, errors == 1 ? "" : "s",
             warnings, warnings == 1 ? "" : "s", report.files.size(), report.files.size() == 1 ? "" : "s");
  if (errors > 0 || (options.strict && warnings > 0)) return 1;
  return 0;
}

int RunExplain(const ExplainOptions& options) {
  std::optional<Date> date;
  if (!ParseDateOption("dict explain", options.date, &date)) return 2;
  DictionaryOptions dict_options;
  dict_options.data_dir = options.data_dir;
  dict_options.extra_files = options.dict_files;
  dict_options.load_default_dictionaries = !options.no_default_dicts;
  auto dicts = LoadDictionariesFor("dict explain", dict_options);
  if (!dicts.ok()) return 2;
  Coder coder(*dicts);
  std::fputs(FormatExplanation(Explain(options.text, date, coder)).c_str(), stdout);
  return 0;
}

}  // namespace

void AddDictCommand(CLI::App& app, std::vector<Command>* commands) {
  auto* dict = app.add_subcommand("dict", "Dictionary tools: check files, explain how a text is read.");
  dict->require_subcommand(1);

  auto check = std::make_shared<CheckOptions>();
  auto* check_cmd = dict->add_subcommand(
      "check",
      "Check dictionary files and report problems as file:line.\n"
      "Reports malformed lines, phrases listed in two entries (within or across files), dated\n"
      "codes giving one actor two codes on the same day, actor codes outside griot's scheme,\n"
      "event codes missing from the CAMEO table, patterns naming undefined synsets and actor\n"
      "links to unknown actors. Without FILES, checks griot's dictionaries (data/dict and the\n"
      "generated country dictionary). Exit status 1 if there are errors (or, with --strict,\n"
      "warnings).");
  check_cmd->add_option("files", check->files,
                        "Files to check together (*.actors.txt, *.agents.txt, *.verbs.txt, *links.tsv)");
  check_cmd->add_option("--data-dir", check->data_dir, "griot data directory (default: $GRIOT_DATA or the build's data/)");
  check_cmd->add_flag("--strict", check->strict, "Treat warnings as errors");
  check_cmd->add_flag("-q,--quiet", check->quiet, "Print errors only (warnings are still counted)");

  auto explain = std::make_shared<ExplainOptions>();
  auto* explain_cmd = dict->add_subcommand(
      "explain",
      "Show how griot reads a text: tokens, the actor, agent, place, date and verb entries that\n"
      "match (with file:line and the dated code chosen), and the events the coder produces.");
  explain_cmd->add_option("text", explain->text, "The text to explain (quote it)")->required();
  explain_cmd->add_option("--date", explain->date, "Report date (YYYY-MM-DD): selects dated codes, resolves dates");
  explain_cmd->add_option("--data-dir", explain->data_dir,
                          "griot data directory (default: $GRIOT_DATA or the build's data/)");
  explain_cmd->add_option("--dict", explain->dict_files,
                          "Extra dictionary file (*.actors.txt, *.agents.txt, *.verbs.txt); repeatable");
  explain_cmd->add_flag("--no-default-dicts", explain->no_default_dicts, "Use only the --dict files");

  commands->push_back({dict, [check_cmd, check, explain_cmd, explain] {
                         if (check_cmd->parsed()) return RunCheck(*check);
                         if (explain_cmd->parsed()) return RunExplain(*explain);
                         return 2;
                       }});
}

}  // namespace griot::cli

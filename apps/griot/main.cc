// griot's command line: a thin adapter over the library pipeline. CLI11 lives only here
// (it is slow to compile).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "apps/griot/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"griot: reads news reports and writes the record of who did what to whom, when and where."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "griot 0.1.0");

  griot::cli::CodeOptions code;
  auto* code_cmd = app.add_subcommand(
      "code",
      "Code documents into events (streaming).\n"
      "Reads text files (one document each; an optional header of 'Title:', 'Date:', 'Source:',\n"
      "'URL:' lines ended by a blank line), directories of *.txt, JSON lines, or stdin, and\n"
      "writes one event per line. Bad inputs are reported on stderr and skipped; a summary\n"
      "ends the run.");
  code_cmd->add_option("inputs", code.inputs, "Files or directories; '-' or none for stdin");
  code_cmd->add_option("--input", code.input_format, "Input format: text (default) or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}));
  code_cmd->add_option("--output", code.output_format, "Output format: jsonl (default, the full event record), tsv (GDELT-like table),\n"
                     "petrarch (PETRARCH event lines) or text (one readable line per event)")
      ->check(CLI::IsMember({"jsonl", "tsv", "petrarch", "text"}));
  code_cmd->add_option("-o,--out", code.output_path, "Write events to this file instead of stdout");
  code_cmd->add_option("--date", code.date, "Document date (YYYY-MM-DD) when a document gives none");
  code_cmd->add_option("--threads", code.threads, "Coding threads (default: all cores)")->check(CLI::NonNegativeNumber);
  code_cmd->add_flag("--strict", code.strict, "Exit with status 1 if any input was rejected");
  code_cmd->add_option("--data-dir", code.data_dir, "griot data directory (default: $GRIOT_DATA or the build's data/)");
  code_cmd->add_option("--dict", code.dict_files,
                       "Extra dictionary file (*.actors.txt, *.agents.txt, *.verbs.txt); repeatable");
  code_cmd->add_flag("--no-default-dicts", code.no_default_dicts, "Use only the --dict files");
  code_cmd->add_flag("--require-dyad", code.require_dyad, "Emit only events with both source and target");
  code_cmd->add_flag("-q,--quiet", code.quiet, "No dictionary warnings and no summary on stderr");

  CLI11_PARSE(app, argc, argv);
  if (code_cmd->parsed()) return griot::cli::RunCode(code);
  return 0;
}

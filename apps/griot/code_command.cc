#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "apps/griot/commands.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>
#include "coding/coder.h"
#include "coding/deep_parse.h"
#include "dict/dictionary_set.h"
#include "pipeline/formats.h"
#include "pipeline/pipeline.h"

namespace griot::cli {

namespace {

struct CodeOptions {
  std::vector<std::string> inputs;
  std::string input_format = "text";   // text | jsonl
  std::string output_format = "jsonl"; // jsonl | tsv | petrarch | text
  std::string output_path;             // empty: stdout
  std::string date;                    // YYYY-MM-DD fallback date
  std::string data_dir;
  std::vector<std::string> dict_files;
  std::vector<std::string> actor_files, agent_files, verb_files, discard_files;
  bool no_default_dicts = false;
  bool no_places = false;
  int threads = 0;
  bool strict = false;
  bool quiet = false;
  bool require_dyad = false;
  std::string semantics = "griot";  // griot | petrarch1
  std::string parser = "fast";      // fast | link (raw text)
  int parse_time_limit = 1;         // seconds per sentence, --parser link
};

// Keeps `dicts` alive until the process ends. Freeing the dictionaries (hundreds of
// thousands of small allocations) at exit cost a tenth of a start-up's CPU time for memory
// the system takes back anyway, so the command leaves them to it. Only the CLI does this:
// tests and library users destroy their DictionarySet as usual. The holder stays reachable
// from a static, so leak checkers do not report it.
void KeepUntilExit(std::shared_ptr<const DictionarySet> dicts) {
  static auto* const kept = new std::vector<std::shared_ptr<const DictionarySet>>();
  kept->push_back(std::move(dicts));
}

int RunCode(const CodeOptions& options) {
  std::optional<Date> fallback;
  if (!ParseDateOption("code", options.date, &fallback)) return 2;
  InputFormat in_format;
  if (options.input_format == "text") in_format = InputFormat::kText;
  else if (options.input_format == "jsonl") in_format = InputFormat::kJsonl;
  else if (options.input_format == "petrarch-xml") in_format = InputFormat::kPetrarchXml;
  else {
    fmt::print(stderr, "griot code: unknown --input '{}' (text, jsonl, petrarch-xml)\n", options.input_format);
    return 2;
  }
  OutputFormat out_format;
  if (options.output_format == "jsonl") out_format = OutputFormat::kJsonl;
  else if (options.output_format == "tsv") out_format = OutputFormat::kTsv;
  else if (options.output_format == "petrarch") out_format = OutputFormat::kPetrarch;
  else if (options.output_format == "text") out_format = OutputFormat::kText;
  else {
    fmt::print(stderr, "griot code: unknown --output '{}' (jsonl, tsv, petrarch, text)\n", options.output_format);
    return 2;
  }

  DictionaryOptions dict_options;
  dict_options.data_dir = options.data_dir;
  dict_options.extra_files = options.dict_files;
  dict_options.actor_files = options.actor_files;
  dict_options.agent_files = options.agent_files;
  dict_options.verb_files = options.verb_files;
  dict_options.discard_files = options.discard_files;
  dict_options.load_default_dictionaries = !options.no_default_dicts;
  dict_options.load_gazetteer = !options.no_places;
  dict_options.load_tagger = in_format != InputFormat::kPetrarchXml;  // parses carry their tags
  auto dicts = LoadDictionariesFor("code", dict_options);
  if (!dicts.ok()) return 2;
  KeepUntilExit(*dicts);
  if (!options.quiet) {
    for (const DictIssue& issue : (*dicts)->issues) fmt::print(stderr, "griot: dictionary: {}\n", issue.ToString());
  }
  auto deep_parser = MakeDeepParser(options.parser, options.parse_time_limit);
  if (!deep_parser.ok()) {
    fmt::print(stderr, "griot code: --parser {}: {}\n", options.parser, deep_parser.status().message());
    return 2;
  }
  CoderOptions coder_options;
  coder_options.deep_parser = *deep_parser;
  coder_options.require_dyad = options.require_dyad;
  coder_options.semantics = options.semantics == "petrarch1" ? Semantics::kPetrarch1 : Semantics::kGriot;
  auto coder = std::make_shared<Coder>(*dicts, coder_options);
  Pipeline pipeline(coder);

  std::ofstream file_out;
  std::FILE* out = stdout;
  std::FILE* owned = nullptr;
  if (!options.output_path.empty() && options.output_path != "-") {
    owned = std::fopen(options.output_path.c_str(), "wb");
    if (!owned) {
      fmt::print(stderr, "griot code: cannot write {}\n", options.output_path);
      return 2;
    }
    out = owned;
  }
  if (out_format == OutputFormat::kTsv) std::fputs(TsvHeader().c_str(), out);

  auto source = MakeSource(in_format, options.inputs, fallback);
  std::string buffer;
  RunSummary summary = pipeline.Run(
      *source, options.threads,
      [&](const Document& doc, const DocumentResult& result) {
        for (const std::string& e : result.sentence_errors) fmt::print(stderr, "griot: rejected {} {}\n", doc.origin, e);
        buffer.clear();
        for (const Event& e : result.events) {
          switch (out_format) {
            case OutputFormat::kJsonl: buffer += EventToJson(e); buffer += '\n'; break;
            case OutputFormat::kTsv: buffer += EventToTsv(e); break;
            case OutputFormat::kPetrarch: buffer += EventToPetrarch(e); break;
            case OutputFormat::kText: buffer += EventToText(e); break;
          }
        }
        std::fwrite(buffer.data(), 1, buffer.size(), out);
      },
      [&](const InputItem& item) {
        fmt::print(stderr, "griot: rejected {}: {}\n", item.origin, item.error.message());
      });
  std::fflush(out);
  if (owned) std::fclose(owned);
  if (!options.quiet) fmt::print(stderr, "griot: {}\n", summary.ToString());
  if (!options.quiet && *deep_parser)
    fmt::print(stderr, "griot: link parser: {}\n", (*deep_parser)->counts().ToString());
  if (options.strict && (summary.rejected > 0 || summary.rejected_sentences > 0)) return 1;
  return 0;
}

}  // namespace

void AddCodeCommand(CLI::App& app, std::vector<Command>* commands) {
  auto code = std::make_shared<CodeOptions>();
  auto* cmd = app.add_subcommand(
      "code",
      "Code documents into events (streaming).\n"
      "Reads text files (one document each; an optional header of 'Title:', 'Date:', 'Source:',\n"
      "'URL:' lines ended by a blank line), directories of *.txt, JSON lines, or stdin, and\n"
      "writes one event per line. Bad inputs are reported on stderr and skipped; a summary\n"
      "ends the run.");
  cmd->add_option("inputs", code->inputs, "Files or directories; '-' or none for stdin");
  cmd->add_option("--input", code->input_format,
                  "Input format: text (default), jsonl, or petrarch-xml (PETRARCH <Sentence> records\n"
                  "with Treebank <Parse>, coded from the parse)")
      ->check(CLI::IsMember({"text", "jsonl", "petrarch-xml"}));
  cmd->add_option("--output", code->output_format,
                  "Output format: jsonl (default, the full event record), tsv (GDELT-like table),\n"
                  "petrarch (PETRARCH event lines) or text (one readable line per event)")
      ->check(CLI::IsMember({"jsonl", "tsv", "petrarch", "text"}));
  cmd->add_option("-o,--out", code->output_path, "Write events to this file instead of stdout");
  cmd->add_option("--date", code->date, "Document date (YYYY-MM-DD) when a document gives none");
  cmd->add_option("--threads", code->threads, "Coding threads (default: all cores)")->check(CLI::NonNegativeNumber);
  cmd->add_flag("--strict", code->strict, "Exit with status 1 if any input was rejected");
  cmd->add_option("--data-dir", code->data_dir, "griot data directory (default: $GRIOT_DATA or the build's data/)");
  cmd->add_option("--dict", code->dict_files,
                  "Extra dictionary file (*.actors.txt, *.agents.txt, *.verbs.txt); repeatable");
  cmd->add_option("--actors", code->actor_files, "Extra actor dictionary, any file name; repeatable");
  cmd->add_option("--agents", code->agent_files, "Extra agent dictionary, any file name; repeatable");
  cmd->add_option("--verbs", code->verb_files, "Extra verb dictionary (PETRARCH-1/TABARI or CAMEO 2.0 syntax); repeatable");
  cmd->add_option("--discards", code->discard_files, "Discard list (PETRARCH syntax); repeatable");
  cmd->add_flag("--no-default-dicts", code->no_default_dicts, "Use only the dictionaries given on the command line");
  cmd->add_flag("--no-places", code->no_places, "Do not load the gazetteer (no event locations; faster start)");
  cmd->add_option("--semantics", code->semantics,
                  "How parsed sentences are coded: griot (default) or petrarch1 (PETRARCH-1/TABARI\n"
                  "rules, for the field's dictionaries; applies to parsed sentences: --input petrarch-xml\n"
                  "or --parser link)")
      ->check(CLI::IsMember({"griot", "petrarch1"}));
  cmd->add_option("--parser", code->parser,
                  "Raw text: fast (default; tagger and rules) or link (deep mode: each sentence\n"
                  "parsed by Link Grammar, with the fast path for sentences it cannot parse in\n"
                  "time; hundreds of times slower; see docs/code-output.md)")
      ->check(CLI::IsMember({"fast", "link"}));
  cmd->add_option("--parse-time-limit", code->parse_time_limit,
                  "--parser link: seconds per sentence before it falls back to the fast path\n"
                  "(default 1; 0: every sentence falls back)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--require-dyad", code->require_dyad, "Emit only events with both source and target");
  cmd->add_flag("-q,--quiet", code->quiet, "No dictionary warnings and no summary on stderr");
  commands->push_back({cmd, [code] { return RunCode(*code); }});
}

}  // namespace griot::cli

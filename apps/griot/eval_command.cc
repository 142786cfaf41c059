// `griot eval`: codes a corpus and scores it against hand-coded annotations (docs/accuracy.md).
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "apps/griot/commands.h"
#include "coding/coder.h"
#include "coding/deep_parse.h"
#include "dict/dictionary_set.h"
#include "pipeline/evaluation.h"
#include "pipeline/pipeline.h"

namespace griot::cli {

namespace {

struct EvalOptions {
  std::string gold;
  std::vector<std::string> inputs;
  std::string input_format = "text";
  std::string date;
  std::string data_dir;
  std::vector<std::string> dict_files;
  bool no_default_dicts = false;
  int threads = 0;
  bool per_document = false;
  bool details = false;
  std::string parser = "fast";  // fast | link
  int parse_time_limit = 1;
};

// The demo corpus: examples/sahel beside the data directory in effect.
std::string DefaultCorpus(const std::string& data_dir) {
  namespace fs = std::filesystem;
  const fs::path beside = fs::path(ResolveDataDir(data_dir)).parent_path() / "examples" / "sahel";
  std::error_code ec;
  if (fs::is_directory(beside, ec)) return beside.string();
  return "examples/sahel";
}

int RunEval(const EvalOptions& options) {
  auto gold = LoadGold(options.gold);
  if (!gold.ok()) {
    fmt::print(stderr, "griot eval: {}\n", gold.status().message());
    return 2;
  }
  std::optional<Date> fallback;
  if (!ParseDateOption("eval", options.date, &fallback)) return 2;
  DictionaryOptions dict_options;
  dict_options.data_dir = options.data_dir;
  dict_options.extra_files = options.dict_files;
  dict_options.load_default_dictionaries = !options.no_default_dicts;
  auto dicts = LoadDictionariesFor("eval", dict_options);
  if (!dicts.ok()) return 2;
  auto deep_parser = MakeDeepParser(options.parser, options.parse_time_limit);
  if (!deep_parser.ok()) {
    fmt::print(stderr, "griot eval: --parser {}: {}\n", options.parser, deep_parser.status().message());
    return 2;
  }
  CoderOptions coder_options;
  coder_options.deep_parser = *deep_parser;
  auto coder = std::make_shared<Coder>(*dicts, coder_options);
  Pipeline pipeline(coder);
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back(DefaultCorpus(options.data_dir));
  auto source = MakeSource(options.input_format == "jsonl" ? InputFormat::kJsonl : InputFormat::kText, inputs,
                           fallback);
  std::vector<EvalDocument> documents;
  size_t rejected = 0;
  pipeline.Run(
      *source, options.threads,
      [&](const Document& doc, const DocumentResult& result) {
        if (gold->documents.count(doc.id)) documents.push_back(MakeEvalDocument(doc, result, **dicts));
      },
      [&](const InputItem& item) {
        ++rejected;
        fmt::print(stderr, "griot eval: rejected {}: {}\n", item.origin, item.error.message());
      });
  EvalReport report = Evaluate(*gold, documents);
  ReportOptions report_options;
  report_options.per_document = options.per_document;
  report_options.details = options.details;
  fmt::print("gold: {} ({} event annotations, {} mention annotations)\n", options.gold, gold->events.size(),
             gold->mentions.size());
  std::string inputs_text;
  for (const std::string& i : inputs) inputs_text += (inputs_text.empty() ? "" : " ") + i;
  fmt::print("inputs: {}\n", inputs_text);
  std::fputs(FormatReport(report, report_options).c_str(), stdout);
  std::fflush(stdout);
  if (report.evaluated_documents == 0) {
    fmt::print(stderr, "griot eval: none of the {} annotated documents is among the inputs\n", report.gold_documents);
    return 1;
  }
  if (!report.problems.empty()) {
    fmt::print(stderr, "griot eval: {} gold line(s) do not fit the documents (listed above)\n", report.problems.size());
    return 1;
  }
  return 0;
}

}  // namespace

void AddEvalCommand(CLI::App& app, std::vector<Command>* commands) {
  auto opts = std::make_shared<EvalOptions>();
  auto* cmd = app.add_subcommand(
      "eval",
      "Score griot against hand-coded annotations.\n"
      "Codes the inputs (default: the demo corpus examples/sahel) and compares them with a gold\n"
      "file of expected events and actor mentions (JSON lines; see docs/accuracy.md). Reports\n"
      "actor-mention coverage and event precision and recall: in full (source, target and CAMEO\n"
      "code), at CAMEO-root level and at dyad level. Exit status 1 if a gold line does not fit\n"
      "the documents or no annotated document is among the inputs; low scores never fail.");
  cmd->add_option("--gold", opts->gold, "Gold annotations (JSON lines)")->required();
  cmd->add_option("inputs", opts->inputs, "Files or directories to code (default: examples/sahel)");
  cmd->add_option("--input", opts->input_format, "Input format: text (default) or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}));
  cmd->add_option("--date", opts->date, "Document date (YYYY-MM-DD) when a document gives none");
  cmd->add_option("--threads", opts->threads, "Coding threads (default: all cores)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--data-dir", opts->data_dir, "griot data directory (default: $GRIOT_DATA or the build's data/)");
  cmd->add_option("--dict", opts->dict_files,
                  "Extra dictionary file (*.actors.txt, *.agents.txt, *.verbs.txt); repeatable");
  cmd->add_flag("--no-default-dicts", opts->no_default_dicts, "Use only the --dict files");
  cmd->add_option("--parser", opts->parser, "Raw text: fast (default) or link (deep mode, Link Grammar)")
      ->check(CLI::IsMember({"fast", "link"}));
  cmd->add_option("--parse-time-limit", opts->parse_time_limit, "--parser link: seconds per sentence (default 1)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--per-doc", opts->per_document, "Add a table with one row per document");
  cmd->add_flag("--details", opts->details, "List missed and spurious events and the mentions not found");
  commands->push_back({cmd, [opts] { return RunEval(*opts); }});
}

}  // namespace griot::cli

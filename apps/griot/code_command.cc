#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "apps/griot/commands.h"
#include "coding/coder.h"
#include "dict/dictionary_set.h"
#include "pipeline/formats.h"
#include "pipeline/pipeline.h"

namespace griot::cli {

int RunCode(const CodeOptions& options) {
  std::optional<Date> fallback;
  if (!options.date.empty()) {
    fallback = ParseIsoDate(options.date);
    if (!fallback) {
      fmt::print(stderr, "griot code: --date '{}' is not YYYY-MM-DD\n", options.date);
      return 2;
    }
  }
  InputFormat in_format;
  if (options.input_format == "text") in_format = InputFormat::kText;
  else if (options.input_format == "jsonl") in_format = InputFormat::kJsonl;
  else {
    fmt::print(stderr, "griot code: unknown --input '{}' (text, jsonl)\n", options.input_format);
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
  dict_options.load_default_dictionaries = !options.no_default_dicts;
  auto dicts = LoadDictionaries(dict_options);
  if (!dicts.ok()) {
    fmt::print(stderr, "griot code: cannot load dictionaries: {}\n", dicts.status().message());
    return 2;
  }
  if (!options.quiet) {
    for (const DictIssue& issue : (*dicts)->issues) fmt::print(stderr, "griot: dictionary: {}\n", issue.ToString());
  }
  CoderOptions coder_options;
  coder_options.require_dyad = options.require_dyad;
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
      [&](const Document&, const DocumentResult& result) {
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
  if (options.strict && summary.rejected > 0) return 1;
  return 0;
}

}  // namespace griot::cli

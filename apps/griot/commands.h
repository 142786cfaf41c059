// The CLI's subcommands: each parses nothing itself (main.cc owns CLI11) and drives the
// library pipeline.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace griot::cli {

struct CodeOptions {
  std::vector<std::string> inputs;
  std::string input_format = "text";   // text | jsonl
  std::string output_format = "jsonl"; // jsonl | tsv | petrarch
  std::string output_path;             // empty: stdout
  std::string date;                    // YYYY-MM-DD fallback date
  std::string data_dir;
  std::vector<std::string> dict_files;
  bool no_default_dicts = false;
  int threads = 0;
  bool strict = false;
  bool quiet = false;
  bool require_dyad = false;
};

// Returns the process exit code.
int RunCode(const CodeOptions& options);

}  // namespace griot::cli

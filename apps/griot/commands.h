// The CLI's subcommands. Each command file registers its subcommand on the CLI11 app and
// returns how to run it; main.cc runs the one that was parsed. Commands are thin adapters:
// they parse options and drive library stages, nothing more.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "dict/dictionary_set.h"

namespace griot::cli {

struct Command {
  CLI::App* app = nullptr;     // the subcommand
  std::function<int()> run;    // returns the process exit code
};

// One registration function per command file.
void AddCodeCommand(CLI::App& app, std::vector<Command>* commands);
// ingest, events, explain (store_commands.cc)
void AddStoreCommands(CLI::App& app, std::vector<Command>* commands);
void AddValidateCommand(CLI::App& app, std::vector<Command>* commands);
void AddDictCommand(CLI::App& app, std::vector<Command>* commands);
void AddEvalCommand(CLI::App& app, std::vector<Command>* commands);
void AddStatsCommand(CLI::App& app, std::vector<Command>* commands);
// brief and demo (brief_command.cc, demo_command.cc)
void AddBriefCommand(CLI::App& app, std::vector<Command>* commands);
void AddDemoCommand(CLI::App& app, std::vector<Command>* commands);

// Shared by the commands (options.cc), with their messages worded once.
// A --date option: an empty value gives no date; a malformed one is reported as
// "griot COMMAND: --date 'VALUE' is not YYYY-MM-DD" and gives false.
bool ParseDateOption(std::string_view command, const std::string& value, std::optional<Date>* date);
// LoadDictionaries, with a failure reported as "griot COMMAND: cannot load dictionaries: REASON".
Result<std::shared_ptr<const DictionarySet>> LoadDictionariesFor(std::string_view command,
                                                                 const DictionaryOptions& options);

}  // namespace griot::cli

// griot's command line: a thin adapter over the library pipeline. Each subcommand lives in
// its own file and registers itself here.
#include <CLI/CLI.hpp>

#include "apps/griot/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"griot: reads news reports and writes the record of who did what to whom, when and where."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "griot 0.1.0");
  std::vector<griot::cli::Command> commands;
  griot::cli::AddCodeCommand(app, &commands);
  griot::cli::AddStoreCommands(app, &commands);
  griot::cli::AddValidateCommand(app, &commands);
  griot::cli::AddDictCommand(app, &commands);
  griot::cli::AddEvalCommand(app, &commands);
  griot::cli::AddStatsCommand(app, &commands);
  griot::cli::AddBriefCommand(app, &commands);
  griot::cli::AddDemoCommand(app, &commands);
  CLI11_PARSE(app, argc, argv);
  for (const auto& c : commands)
    if (c.app->parsed()) return c.run();
  return 0;
}

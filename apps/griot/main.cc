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
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0 as CLI11 prints them; every usage error exits 2, as the
    // commands' own usage errors do (docs: "Exit status").
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  for (const auto& c : commands)
    if (c.app->parsed()) return c.run();
  return 0;
}

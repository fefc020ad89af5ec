// gongjian: one binary, sub-commands. CLI11 lives in this file only (it is slow to compile);
// each sub-command calls a plain function in src/cli/ that takes an options struct.
#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
  CLI::App app{"Gongjian (攻坚) — key projects, supervision, assessment and land efficiency"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "gongjian 0.1.0");

  // Sub-commands are registered below, one block per capability.

  CLI11_PARSE(app, argc, argv);
  return 0;
}

// gongjian: one binary, sub-commands. CLI11 lives in this file only (it is slow to compile);
// each sub-command calls a plain function in src/cli/ that takes an options struct.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/evaluate_land.h"

int main(int argc, char** argv) {
  CLI::App app{"Gongjian (攻坚) — key projects, supervision, assessment and land efficiency"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "gongjian 0.1.0");

  // Sub-commands are registered below, one block per capability.

  int exit_code = 0;

  // evaluate land — 亩产效益评价
  auto* evaluate = app.add_subcommand("evaluate", "Run an evaluation");
  evaluate->require_subcommand(1);
  gj::cli::EvaluateLandOptions land;
  auto* land_cmd = evaluate->add_subcommand("land", "Land-efficiency evaluation (亩产效益评价)");
  land_cmd->add_option("--input", land.input, "Enterprises, .csv or .xlsx")->required();
  land_cmd->add_option("--scheme", land.scheme, "Scheme JSON (default: built-in shandong)");
  land_cmd->add_option("-o,--output", land.output, "Results: .csv, .xlsx or .json")->required();
  land_cmd->add_option("--summary", land.summary, "Per-group summary JSON");
  land_cmd->callback([&] { exit_code = gj::cli::EvaluateLand(land, std::cout, std::cerr); });

  CLI11_PARSE(app, argc, argv);
  return exit_code;
}

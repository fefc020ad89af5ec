// gongjian: one binary, sub-commands. CLI11 lives in this file only (it is slow to compile);
// each sub-command calls a plain function in src/cli/ that takes an options struct.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#include "cli/observation_score.h"

int main(int argc, char** argv) {
  CLI::App app{"Gongjian (攻坚) — key projects, supervision, assessment and land efficiency"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "gongjian 0.1.0");

  // Sub-commands are registered below, one block per capability.
  int status = 0;

  // Assessment: observation events scored offline from paper ballots / score sheets.
  auto* observation = app.add_subcommand("observation", "Observation events (观摩评议)");
  observation->require_subcommand(1);
  gj::cli::ObservationScoreOptions score_opts;
  auto* score = observation->add_subcommand(
      "score", "Rank counties within groups from ballots or score sheets (CSV in, CSV out)");
  score->add_option("--input", score_opts.input, "CSV file: judge,group,county,rank (ballot) or "
                                                  "judge,group,county,project,score (sheet)")
      ->required();
  score->add_option("--mode", score_opts.mode, "ballot or sheet")
      ->required()
      ->check(CLI::IsMember({"ballot", "sheet"}));
  score->add_option("--step", score_opts.step, "ballot: points lost per place (rank r is worth "
                                                "100 - step*(r-1))")
      ->capture_default_str();
  score->add_flag("--no-trim{false}", score_opts.trim,
                  "sheet: do not drop the highest and lowest totals of a project");
  score->add_option("-o,--output", score_opts.output, "where to write group,county,score,rank")
      ->required();
  score->callback([&] { status = gj::cli::RunObservationScore(score_opts, std::cerr); });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; usage errors exit 2 like invalid input, since both mean
    // "fix what you typed", and scripts check for one status.
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return status;
}

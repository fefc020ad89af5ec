#include "cli/observation_score.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <system_error>

#include "domain/assessment/observation.h"
#include "io/observation_csv.h"

namespace gj::cli {

ScoreOutcome ScoreObservationCsv(std::string_view input_csv, const ObservationScoreOptions& opts) {
  ScoreOutcome out;
  if (opts.mode == "ballot") {
    if (!std::isfinite(opts.step) || opts.step < 0) {
      out.problems.push_back("--step must be a number ≥ 0");
      return out;
    }
    auto in = io::ReadBallots(input_csv);
    for (const auto& p : in.problems) out.problems.push_back(io::FormatProblem(p));
    if (!out.problems.empty()) return out;
    auto results = assessment::ScoreBallots(in.ballots, opts.step);
    if (!results) {  // unreachable after ReadBallots' validation; kept so a rule change shows
      for (const auto& d : results.error().details) out.problems.push_back(d.field + ": " + d.reason);
      return out;
    }
    out.csv = io::WriteResults(*results);
  } else if (opts.mode == "sheet") {
    auto in = io::ReadSheets(input_csv);
    for (const auto& p : in.problems) out.problems.push_back(io::FormatProblem(p));
    if (!out.problems.empty()) return out;
    auto results = assessment::ScoreSheets(in.entries, opts.trim);
    if (!results) {
      for (const auto& d : results.error().details) out.problems.push_back(d.field + ": " + d.reason);
      return out;
    }
    out.csv = io::WriteResults(*results);
  } else {
    out.problems.push_back("--mode must be ballot or sheet, not " + opts.mode);
  }
  return out;
}

int RunObservationScore(const ObservationScoreOptions& opts, std::ostream& err) {
  std::ifstream in(opts.input, std::ios::binary);
  if (!in) {
    err << opts.input << ": cannot read the input file\n";
    return kExitInvalidInput;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  ScoreOutcome outcome = ScoreObservationCsv(buffer.str(), opts);
  if (!outcome.problems.empty()) {
    for (const auto& p : outcome.problems) err << p << '\n';
    err << opts.input << ": " << outcome.problems.size()
        << (outcome.problems.size() == 1 ? " problem" : " problems") << ", nothing written\n";
    return kExitInvalidInput;
  }
  namespace fs = std::filesystem;
  const fs::path target(opts.output);
  fs::path temp = target;
  temp += ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << outcome.csv;
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(temp, ignored);
      err << opts.output << ": cannot write the output file\n";
      return kExitFailure;
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    err << opts.output << ": cannot write the output file (" << ec.message() << ")\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace gj::cli

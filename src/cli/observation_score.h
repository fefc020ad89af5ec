// `gongjian observation score`: scores paper ballots or score sheets offline.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace gj::cli {

struct ObservationScoreOptions {
  std::string input;
  std::string output;
  std::string mode;  // "ballot" or "sheet"
  double step = 3;
  bool trim = true;
};

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;       // could not write the output
inline constexpr int kExitInvalidInput = 2;  // bad input: nothing written

struct ScoreOutcome {
  std::string csv;                    // the ranking, when problems is empty
  std::vector<std::string> problems;  // one formatted line each
};

// The whole computation on text, for tests: CSV in, CSV or problems out.
ScoreOutcome ScoreObservationCsv(std::string_view input_csv, const ObservationScoreOptions& opts);

// Reads opts.input, writes opts.output through a temporary file and a rename (so a failed or
// interrupted run never leaves a partial ranking behind), prints problems to `err`.
int RunObservationScore(const ObservationScoreOptions& opts, std::ostream& err);

}  // namespace gj::cli

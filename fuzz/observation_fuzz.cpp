// The observation input (观摩评议): ballots and score sheets as the CLI and the organiser's upload
// read them (io/observation_csv), then the domain's scoring and ranking of what was read
// (domain/assessment/observation), and the results written back.
//
// Input: the first byte chooses ballots (even) or sheets (odd) and the scoring options; the rest
// is the CSV.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "domain/assessment/observation.h"
#include "fuzz_util.h"
#include "io/observation_csv.h"

using namespace gj;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t mode = data[0];
  const std::string_view csv = fuzz::View(data + 1, size - 1);
  if ((mode & 1) == 0) {
    auto in = io::ReadBallots(csv);
    if (!in.problems.empty()) {
      for (const auto& p : in.problems) (void)io::FormatProblem(p);
      return 0;
    }
    const double step = 1 + (mode >> 1) % 10;
    auto results = assessment::ScoreBallots(in.ballots, step);
    // ReadBallots ran the ballot rules: scoring what it accepted never fails.
    if (!results) __builtin_trap();
    for (const auto& r : *results) {
      if (!std::isfinite(r.score) || r.rank < 1) __builtin_trap();
    }
    (void)io::WriteResults(*results);
  } else {
    auto in = io::ReadSheets(csv);
    if (!in.problems.empty()) {
      for (const auto& p : in.problems) (void)io::FormatProblem(p);
      return 0;
    }
    const bool trim = mode & 2;
    assessment::BlendWeights blend;
    std::map<std::string, double> indicator;
    if (mode & 4) {
      blend.indicator = 1 + (mode >> 3) % 4;
      for (const auto& e : in.entries) indicator[e.county] = static_cast<double>(e.county.size() % 100);
    }
    auto results = assessment::ScoreSheets(in.entries, trim, blend, indicator);
    if (!results) return 0;
    for (const auto& r : *results) {
      if (!std::isfinite(r.score) || r.rank < 1) __builtin_trap();
    }
    (void)io::WriteResults(*results);
  }
  return 0;
}

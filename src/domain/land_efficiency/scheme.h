// A land-efficiency scheme: every local setting of the evaluation (groups, indicators, weights,
// benchmarks, caps, class shares, surcharges). Parsed from the JSON document of the spec (§9) and
// validated strictly, so that a typo in a county's scheme is an error, not a silent default.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace gj::land {

enum class IndicatorId {
  kTaxPerMu,
  kRevenuePerEnergy,
  kRevenuePerEmission,
  kRdIntensity,
  kLabourProductivity,
  kRevenuePerMu,
  kValueAddedPerMu,
};
inline constexpr int kIndicatorCount = 7;
std::string_view IndicatorName(IndicatorId id);
std::optional<IndicatorId> IndicatorFromName(std::string_view name);

enum class BenchmarkMode { kAggregate, kMean, kFixed };
std::string_view BenchmarkModeName(BenchmarkMode m);

struct Benchmark {
  BenchmarkMode mode = BenchmarkMode::kAggregate;
  double multiplier = 1;  // aggregate and mean
  double value = 0;       // fixed
};

struct IndicatorSpec {
  IndicatorId id = IndicatorId::kTaxPerMu;
  double weight = 0;
  Benchmark benchmark;
  std::optional<double> cap = 2.0;  // nullopt: no upper limit
};

struct GroupScheme {
  std::vector<IndicatorSpec> indicators;
  const IndicatorSpec* Find(IndicatorId id) const;
};

// Classes A–D as indices 0–3 into the per-class arrays below.
enum class Class : uint8_t { kA = 0, kB = 1, kC = 2, kD = 3 };
inline constexpr std::array<char, 4> kClassLetters = {'A', 'B', 'C', 'D'};

// A figure per class as schemes and summaries write it: {"A": v[0], "B": v[1], …} for the first
// N classes.
template <class T, size_t N>
nlohmann::json ByClass(const std::array<T, N>& v) {
  static_assert(N <= kClassLetters.size());
  nlohmann::json j = nlohmann::json::object();
  for (size_t c = 0; c < N; ++c) j[std::string(1, kClassLetters[c])] = v[c];
  return j;
}

struct Scheme {
  std::string name = "shandong";
  double below_min_mu = 5;
  std::vector<std::string> excluded_industries = {"44", "45", "46"};
  std::array<double, 3> class_shares = {25, 45, 25};             // percent of A, B, C
  std::array<double, 4> surcharge_per_kwh = {0, 0, 0.05, 0.10};  // yuan per kWh, A..D
  // A group missing from the scheme is not evaluated (its enterprises get status
  // not_evaluated): a county that only rates 规上 enterprises leaves "below" out.
  std::optional<GroupScheme> above;
  std::optional<GroupScheme> below;

  // Indicators of every group in scheme order (above first, then below), each id once: the
  // indicator columns of the output.
  std::vector<IndicatorId> AllIndicators() const;
};

// The built-in default (spec §9).
Scheme ShandongScheme();

// Parses and validates a scheme document. Keys left out take the defaults of ShandongScheme()
// except "groups", which is required. Every problem found is reported (field path, value, reason).
Result<Scheme> ParseScheme(std::string_view json_text);
Result<Scheme> SchemeFromJson(const nlohmann::json& doc);
nlohmann::json SchemeToJson(const Scheme& scheme);

}  // namespace gj::land

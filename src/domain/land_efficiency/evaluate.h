// The land-efficiency engine (spec §2–§6): pure, no I/O. Groups, indicators, benchmarks, scores,
// ranks, classes, surcharges and the tax what-if for a batch of enterprises under one scheme.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "domain/land_efficiency/enterprise.h"
#include "domain/land_efficiency/scheme.h"

namespace gj::land {

enum class EnterpriseStatus : uint8_t { kClassed, kUndetermined, kVetoed, kNotEvaluated, kExcluded };
std::string_view GroupName(Group g);
std::string_view StatusName(EnterpriseStatus s);

Group GroupOf(const Enterprise& e, const Scheme& scheme);
Group GroupOf(std::string_view industry_code, bool above_scale, double land_mu, const Scheme& scheme);
// What the engine reads of `e`, grouped under `scheme`.
Figures FiguresOf(const Enterprise& e, const Scheme& scheme);

// Ties within this distance share a rank (and therefore a class).
inline constexpr double kTieTolerance = 1e-9;

// Members ordered by size: 48 bytes, no padding (one per input row).
struct EnterpriseResult {
  double total = 0;                                // only for evaluated groups
  std::optional<int64_t> surcharge_fen;            // rate × kWh rounded to the fen
  std::optional<int64_t> tax_to_next_class_cents;  // 万元 × 100, rounded up
  int rank = 0;                                    // 0: not ranked
  Group group = Group::kNotEvaluated;
  EnterpriseStatus status = EnterpriseStatus::kNotEvaluated;
  std::optional<Class> klass;  // A–D, none for undetermined and unevaluated
};

struct GroupSummary {
  Group group = Group::kAbove;
  int count = 0;         // enterprises in the group
  int n = 0;             // those neither vetoed nor undetermined (the N of the class shares)
  int undetermined = 0;  // not vetoed
  int vetoed = 0;
  std::array<int, 3> class_limits{};                                      // nA, nAB, nABC
  std::array<int, 4> class_counts{};                                      // A–D, D including the vetoed
  std::vector<std::pair<IndicatorId, std::optional<double>>> benchmarks;  // nullopt: none
};

// An evaluation keeps its input's figures, and per evaluated group what an indicator's x and s are
// computed from (its spec, benchmark and the mean s a missing value takes): X() and S() compute
// them when asked, the same doubles the engine added up, instead of a million rows holding two
// arrays of them.
struct Evaluation {
  struct Column {
    bool scored = false;  // the indicator is one of the group's
    IndicatorSpec spec;
    std::optional<double> benchmark;
    double mean_s = 0;  // what a member missing the indicator scores
  };
  std::vector<IndicatorId> indicators;    // scheme.AllIndicators()
  std::vector<Figures> figures;           // one per input, same order
  std::vector<EnterpriseResult> results;  // one per input, same order
  std::vector<GroupSummary> groups;       // above, below, excluded, not_evaluated
  // [0] above, [1] below (empty when the scheme does not evaluate the group): one per indicator.
  std::array<std::vector<Column>, 2> columns;

  // nullopt: not in an evaluated group, or the indicator is missing (x) / not the group's (x, s).
  std::optional<double> X(size_t row, size_t col) const;
  std::optional<double> S(size_t row, size_t col) const;
  // Both at once, NaN for nullopt (what the writers call for every cell).
  void XS(size_t row, size_t col, double& x, double& s) const;
};

// The one engine. `figures` carry their group (FiguresOf, or the input reader for a scheme).
Evaluation Evaluate(const Scheme& scheme, std::vector<Figures> figures);
Evaluation Evaluate(const Scheme& scheme, std::span<const Enterprise> enterprises);

// Shared rounding helpers (exposed for tests). Both absorb binary floating-point noise of a
// few ulps so that 0.615 rounds to 0.62 and 12.34 is not rounded up to 12.35.
int64_t RoundHalfUp(double v);
// `scale`: magnitude of the operands v was computed from, when a subtraction cancelled.
int64_t CeilTolerant(double v, double scale = 0);

}  // namespace gj::land

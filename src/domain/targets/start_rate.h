// 开工率: started / projects that must start, over a filtered set of projects, as of a date.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "common/date.h"
#include "domain/ledger/project.h"

namespace gj::targets {

struct Ratio {
  int64_t numerator = 0;
  int64_t denominator = 0;
  // numerator / denominator; empty when the denominator is 0 (no project must start).
  std::optional<double> value() const {
    if (denominator == 0) return std::nullopt;
    return static_cast<double>(numerator) / static_cast<double>(denominator);
  }
};

// The kind code of projects that must start this year (新开工).
inline constexpr const char* kNewKind = "new";

// start_rate(set, as_of) = |projects of kind 新开工 with actual start ≤ as_of| / |projects of kind 新开工|.
// Archived projects are not part of any set.
Ratio StartRate(const std::vector<ledger::Project>& set, const Date& as_of);

}  // namespace gj::targets

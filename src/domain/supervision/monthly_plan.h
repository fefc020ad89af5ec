// 分月计划投资: a project's planned investment per month of a year (yuan). Where one is given,
// 序时进度 follows its cumulative sum instead of annual plan × elapsed months / 12. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "common/result.h"

namespace gj::supervision {

// Twelve amounts, none negative, adding up to the project's annual plan (rule
// monthly_plan.sums_to_annual_plan); every problem at once.
Problems ValidateMonthlyPlan(const std::vector<int64_t>& months, const std::optional<int64_t>& annual_plan);

// The running total by the end of each month (what LightInput::monthly_plan takes).
std::vector<int64_t> CumulativePlan(const std::vector<int64_t>& months);

}  // namespace gj::supervision

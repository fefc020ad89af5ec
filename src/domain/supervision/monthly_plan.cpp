#include "domain/supervision/monthly_plan.h"

#include <string>

#include "common/money.h"

namespace gj::supervision {

Problems ValidateMonthlyPlan(const std::vector<int64_t>& months, const std::optional<int64_t>& annual_plan) {
  Problems pr;
  if (months.size() != 12) {
    pr.Add("months", std::to_string(months.size()) + " amounts",
           "twelve monthly amounts in yuan, January first");
    return pr;
  }
  int64_t sum = 0;
  for (size_t i = 0; i < months.size(); ++i) {
    CheckAmount(pr, "months[" + std::to_string(i) + "]", months[i]);
    sum = AddYuan(sum, months[i]);
  }
  if (!annual_plan || *annual_plan <= 0) {
    pr.Add("annual_plan", "", "rule monthly_plan.needs_annual_plan: set the project's annual plan first");
  } else if (sum != *annual_plan) {
    pr.Add("months", std::to_string(sum),
           "rule monthly_plan.sums_to_annual_plan: the months add up to " + std::to_string(sum) +
               " yuan, the annual plan is " + std::to_string(*annual_plan));
  }
  return pr;
}

std::vector<int64_t> CumulativePlan(const std::vector<int64_t>& months) {
  std::vector<int64_t> out;
  int64_t running = 0;
  for (int64_t m : months) out.push_back(running = AddYuan(running, m));
  return out;
}

}  // namespace gj::supervision

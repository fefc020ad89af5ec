#include "domain/targets/start_rate.h"

namespace gj::targets {

Ratio StartRate(const std::vector<ledger::Project>& set, const Date& as_of) {
  Ratio r;
  for (const auto& p : set) {
    if (p.archived || p.kind != kNewKind) continue;
    ++r.denominator;
    if (p.actual_start && *p.actual_start <= as_of) ++r.numerator;
  }
  return r;
}

}  // namespace gj::targets

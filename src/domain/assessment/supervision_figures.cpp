#include "domain/assessment/supervision_figures.h"

namespace gj::assessment {

targets::Ratio ProblemsClosedOnTime(std::span<const supervision::ProblemFact> problems, const Date& as_of) {
  targets::Ratio r;
  for (const auto& p : problems) {
    if (!p.deadline || p.raised_on > as_of || p.status == "deferred") continue;
    const bool closed_by_then = p.closed_on && *p.closed_on <= as_of;
    if (*p.deadline > as_of && !closed_by_then) continue;  // not due yet and still open: no verdict
    ++r.denominator;
    if (closed_by_then && *p.closed_on <= *p.deadline) ++r.numerator;
  }
  return r;
}

}  // namespace gj::assessment

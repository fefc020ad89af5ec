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

targets::Ratio ReportsOnTime(std::span<const supervision::ReportFact> reports, const Date& period_start,
                             const Date& as_of) {
  targets::Ratio r;
  for (const auto& x : reports) {
    if (x.due < period_start || x.due > as_of) continue;
    ++r.denominator;
    // A draft that carries a submission date is a returned report being corrected (only a return
    // leads from a submission back to editing): it was filed.
    const bool filed = x.submitted_on && x.status != "pending";
    if (filed && *x.submitted_on <= as_of && *x.submitted_on <= x.due && !x.late) ++r.numerator;
  }
  return r;
}

}  // namespace gj::assessment

// Figures of periodic rankings that come from the supervision capability's problem list.
#pragma once

#include <span>

#include "common/date.h"
#include "domain/supervision/problem.h"
#include "domain/targets/start_rate.h"

namespace gj::assessment {

// 问题按期销号率 as of a date. Counted: problems with a deadline, raised by `as_of`, not deferred
// (暂缓 is an approved exception), whose deadline has come (≤ as_of) or that were closed by then.
// On time: closed on or before the deadline, and by `as_of`. A problem still open after its
// deadline, or closed late, counts against the subject.
targets::Ratio ProblemsClosedOnTime(std::span<const supervision::ProblemFact> problems, const Date& as_of);

}  // namespace gj::assessment

// Figures of periodic rankings that come from the supervision capability: its problem list and
// its periodic progress reports (一张表).
#pragma once

#include <span>

#include "common/date.h"
#include "domain/supervision/problem.h"
#include "domain/supervision/report.h"
#include "domain/targets/start_rate.h"

namespace gj::assessment {

// 问题按期销号率 as of a date. Counted: problems with a deadline, raised by `as_of`, not deferred
// (暂缓 is an approved exception), whose deadline has come (≤ as_of) or that were closed by then.
// On time: closed on or before the deadline, and by `as_of`. A problem still open after its
// deadline, or closed late, counts against the subject.
targets::Ratio ProblemsClosedOnTime(std::span<const supervision::ProblemFact> problems, const Date& as_of);

// 按时报送率 of a ranking period as of a date. Counted: report tasks due within
// [period_start, as_of] (a task due on `as_of` itself is counted: its day has come). On time: filed
// — submitted, approved, or returned for correction after a submission — on or before the due
// date, by `as_of`, and not marked late. A return asks for corrections, it does not undo a filing
// made in time; a later re-submission replaces the date and the late mark (the latest counts).
// A task never submitted by `as_of` counts against the subject.
targets::Ratio ReportsOnTime(std::span<const supervision::ReportFact> reports, const Date& period_start,
                             const Date& as_of);

}  // namespace gj::assessment

// The demo's calendar: which annual list the demo county is working on, as of the demo's date.
#pragma once

#include "common/date.h"

namespace gj::service {

// This year's list from April on; in January–March last year's. While a new list is still being
// compiled, last year's is what offices measure, rank and report on (its months are the ones that
// have ended), so a demo built on any date — 2027-01-01 as much as 2026-06-15 — shows a year of
// work: starts, reports, rankings of three finished months, targets with deadlines in that year.
inline int DemoListYear(const Date& today) { return today.month <= 3 ? today.year - 1 : today.year; }

}  // namespace gj::service

// The days a date inside a request body may name (issue 14 item 2): from the founding of the
// People's Republic (old projects' records reach back before 2000) to the end of 2100. Wider than a
// query's window on purpose. Every reader of body dates (JsonFields::DateField, the supervision
// bodies' DateField, a project's patch) asks InBodyDateRange after parsing, and reports
// kBodyDateRangeReason under the field's name (a 400 naming it).
#pragma once

#include "common/date.h"

namespace gj {

inline constexpr Date kBodyDateMin{1949, 10, 1};
inline constexpr Date kBodyDateMax{2100, 12, 31};
inline constexpr const char* kBodyDateRangeReason = "must be a date from 1949-10-01 to 2100-12-31";

inline bool InBodyDateRange(const Date& d) { return kBodyDateMin <= d && d <= kBodyDateMax; }

}  // namespace gj

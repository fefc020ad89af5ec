// Demo data of the land-efficiency evaluation: about 200 enterprises of 东阿县 with last year's
// data, reviewed and confirmed, and a published evaluation with an adjustment and an appeal.
#pragma once

#include <string>

#include "common/date.h"
#include "common/result.h"
#include "store/db.h"

namespace gj::service {

// Deterministic; anchored on `today` (data year = today's year − 1, published two days ago).
// Needs the demo organisation and users (called at the end of BuildDemo).
Status BuildLandEfficiencyDemo(store::Database& db, const Date& today, const std::string& now_iso);
// The demo's input as CSV (the CLI's columns), also used by tests.
std::string LandDemoCsv(int count = 200);

}  // namespace gj::service

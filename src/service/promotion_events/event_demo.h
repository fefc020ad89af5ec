#pragma once

#include <string>

#include "common/date.h"
#include "common/result.h"
#include "store/db.h"

namespace gj::service {

// Promotion-event demo data (招商活动), deterministic and anchored on `today`: an event a month
// for most of 东阿县's leaders from January of today's year to today — some miss some months; 王海涛 (the
// demo "leader" user) missed one and has none yet in the current month — and a few events of 冠县's leaders.
// Needs the demo organisation.
Result<int> BuildEventsDemo(store::Database& db, const Date& today, const std::string& now_iso);

}  // namespace gj::service

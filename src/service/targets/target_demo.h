// Demo targets of 双招双引 (issue 15 item 4): 东阿县's yearly funds targets (到位资金 40 亿元, 外资
// 1,000 万美元) and its "420" composite goal, for the demo's year.
#pragma once

#include <string>

#include "common/date.h"
#include "common/result.h"
#include "store/db.h"

namespace gj::service {

// Deterministic; after the attraction and enterprise demos (their leads, funds and backbone
// enterprises are what the targets count). Journaled as the system's writes.
Status BuildTargetDemo(store::Database& db, const Date& today, const std::string& now_iso);

}  // namespace gj::service

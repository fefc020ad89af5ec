#pragma once

#include <string>

#include "common/date.h"
#include "common/result.h"
#include "store/db.h"

namespace gj::service {

// The demo's 链长制 (issue 15 item 8): 东阿县's seven chains (阿胶, 钢球, 轴承, 精品钢板, 新材料,
// 生物医药, 文旅) with 总链长, 链长 and 班长, 专班 and 保障组, their maps, eight weeks of weekly
// reports (some late, some missing) and 巡链诊链 visits; two chains for 冠县. Creating a chain links
// the county's projects whose chain text is its name. Needs the demo's organisation and projects.
Status BuildChainsDemo(store::Database& db, const Date& today, const std::string& now_iso);

}  // namespace gj::service

// Demo data of 双招双引: leads of 东阿县 in its chains (阿胶, 钢球, 轴承, 精品钢板) at every step of
// the pipeline, one paused and one ended, monthly funds of the signed ones, and a few for 冠县.
#pragma once

#include <string>

#include "common/date.h"
#include "common/result.h"
#include "store/db.h"

namespace gj::service {

// Deterministic; every date is `today` minus a fixed number of days (so no step lies ahead of the
// demo's day). Written through AttractionService, so each write is journaled as a user's would be.
// Needs the demo organisation (called at the end of BuildDemo).
Status BuildAttractionDemo(store::Database& db, const Date& today, const std::string& now_iso);

}  // namespace gj::service

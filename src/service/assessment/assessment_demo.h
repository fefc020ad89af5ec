#pragma once

#include <string>

#include "common/date.h"
#include "common/result.h"
#include "store/db.h"

namespace gj::service {

// The assessment part of the demo, through the services (so it obeys every rule): judges judge1..3
// (password demo1234), 聊城市's published observation of 冠县, 东阿县, 高唐县 and 阳谷县 (冠县 first,
// 东阿 third, as in the seeds), an open event for the judges to try, and three published monthly
// town rankings in 东阿县. Anchored on `today`; deterministic.
Status BuildAssessmentDemo(store::Database& db, const Date& today, const std::string& now_iso);

}  // namespace gj::service

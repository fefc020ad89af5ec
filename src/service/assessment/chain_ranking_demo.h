#pragma once

#include <string>

#include "common/date.h"
#include "common/result.h"
#include "store/db.h"

namespace gj::service {

// The demo's 链长制 assessment (issue 15 item 7): 东阿县's monthly ranking of its chains, computed
// from their dated figures (weekly reports, visits, problems, projects, investment; leads signed
// 不适用 until counted) for the last finished months since the chains were set up, each published.
// Needs the chains demo (BuildChainsDemo) and the county office's account.
Status BuildChainRankingDemo(store::Database& db, const Date& today, const std::string& now_iso);

}  // namespace gj::service

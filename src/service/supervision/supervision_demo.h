#pragma once

#include <string>

#include "common/date.h"
#include "common/result.h"
#include "store/db.h"

namespace gj::service {

// Supervision demo data modelled on the seeds, deterministic and anchored on `today`: problems in
// every status of the loop (some overdue, some assigned to 东阿县工业和信息化局 so the demo "unit"
// user has work, some verified by 王海涛 whom the demo "leader" user is linked to), milestones
// of the first projects that agree with their stage dates (nothing before 开工 planned after the
// actual start, every node of a completed project done; a few 滞后), procedure checklists (a few 容缺受理),
// extra 包保 leaders and eight weeks of onsite visits with a few missed weeks. Needs the ledger demo.
Result<int> BuildSupervisionDemo(store::Database& db, const Date& today, const std::string& now_iso);

}  // namespace gj::service

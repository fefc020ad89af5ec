// Demo data of supervision, modelled on the seeds: weekly reports (due Tuesday) of the last weeks
// for every project — most approved, some submitted, some late, some missing — stop requests,
// the seeds' targets (60 % by 06-30, every 实施类 project started by 09-30, "420"), light rules
// per county (东阿 default, 冠县 Wuhan, 高唐 Sanya) and light snapshots. Deterministic.
#pragma once

#include <string>

#include "common/date.h"
#include "common/result.h"
#include "store/db.h"

namespace gj::service {

Status BuildProgressDemo(store::Database& db, const Date& today, const std::string& now_iso);

}  // namespace gj::service

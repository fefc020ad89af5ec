#pragma once

#include <string>

#include "common/date.h"
#include "common/result.h"
#include "store/db.h"

namespace gj::service {

struct DemoSummary {
  int regions = 0, units = 0, people = 0, projects = 0, users = 0;
};

// Builds the deterministic demo modelled on the seeds: 聊城市 with 东阿县 (its real towns and the
// development zone), 冠县, 高唐县 and 阳谷县; departments, leaders, about 150 key projects in 东阿 and
// some in each other county; one demo user per role (password "demo1234"). Refuses a database
// that already has projects. `today` anchors every date so the demo looks current; the projects
// are on the annual list of DemoListYear(today) (demo_calendar.h).
// `organisation_only`: regions, units, leaders, dictionaries and the demo users, no projects or
// other records — the starting point for importing one's own ledger sheet.
Result<DemoSummary> BuildDemo(store::Database& db, const Date& today, const std::string& now_iso,
                              bool organisation_only = false);

// Adds `count` more generated projects (codes BN-000001…) spread over the demo counties, in one
// transaction: the data generator of the ledger benchmarks. Needs the demo organisation.
Result<int> GenerateProjects(store::Database& db, int count, const Date& today, const std::string& now_iso);

}  // namespace gj::service

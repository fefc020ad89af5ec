// The first-run checklist (上线清单) of a region: after `gongjian init` the admin sets the rest up
// in the browser, and this says, step by step, what is there and what is still empty.
//
// Steps, in the order a county office works through them (each counts what lies in the region's
// subtree, archived records not counted):
//   towns     乡镇/街道 and custom areas (开发区/园区) below the region — from the division codes at init
//   units     部门/单位
//   people    人员 (leaders, heads, specialists, helpers, liaisons)
//   accounts  active accounts with a grant other than admin in the region: the people who will work
//             in the system (项目办, units, leaders); the admins who set it up are not counted
//   projects  the ledger (项目台账): imported from the sheet or created one by one
//   rules     the light rules and report policy (红黄绿灯, 报送制度) saved for the county or a region
//             above it: they decide every project's light and the report tasks units receive, and
//             the shipped defaults are a guess until the office has looked at them and saved them
//             (a county: count 1 when saved; a city or province: the number of its counties whose
//             rules are saved, done when all are). Dictionaries are not a step: they are shared by
//             every region and come with the national lists built in.
//   targets   (optional) 时间表 targets (start rate by a deadline…) of the region
//   teams     (optional) 专班
// A step (but rules) is done when its count is above zero; the list is complete when every step that is not
// optional is done.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/access/access.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "store/db.h"

namespace gj::service {

struct ChecklistStep {
  std::string key;  // towns, units, people, accounts, projects, rules, targets, teams
  int64_t count = 0;
  bool done = false;
  bool optional = false;
};

struct SetupChecklist {
  access::Region region;  // code, name, level
  std::vector<ChecklistStep> steps;
  bool complete = false;  // every step that is not optional is done
};

class SetupChecklistService {
 public:
  SetupChecklistService(store::Database& db, LedgerService& ledger) : db_(db), ledger_(ledger) {}

  // The checklist of `region` ("" = the region of the caller's first org.admin grant). 403 for a
  // caller without org.admin anywhere; 404 for a region the caller does not read (unknown
  // included); 403 for one they read but do not administer; 422 for a town or zone (a checklist
  // is a county's, a city's or a province's).
  Result<SetupChecklist> Checklist(const Ctx& ctx, const std::string& region);

 private:
  store::Database& db_;
  LedgerService& ledger_;
};

}  // namespace gj::service

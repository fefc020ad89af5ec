// The task list (任务清单): a project's dated milestones with their backward schedule, the Gantt of
// many projects, and the project map. Each use case takes one connection lease and passes it down.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "service/context.h"
#include "service/supervision/supervision_support.h"
#include "store/db.h"
#include "store/project_store.h"
#include "store/supervision_store.h"

namespace gj::service {

class MilestoneService {
 public:
  MilestoneService(store::Database& db, LedgerService& ledger) : db_(db), ledger_(ledger), projects_(ledger) {}

  // finish: the date the schedule counts back from (default: the project's planned completion).
  Result<nlohmann::json> Milestones(const Ctx& ctx, int64_t project_id, std::optional<Date> finish, const Date& as_of);
  Result<nlohmann::json> AddMilestone(const Ctx& ctx, int64_t project_id, const nlohmann::json& body);
  Result<nlohmann::json> UpdateMilestone(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<nlohmann::json> Gantt(const Ctx& ctx, store::ProjectFilter f, const std::string& region, const Date& as_of);
  Result<nlohmann::json> Map(const Ctx& ctx, const std::string& region, const Date& as_of);

 private:
  nlohmann::json MilestonesOn(store::Connection& c, const store::ProjectRow& p, std::optional<Date> finish, const Date& today,
                              const Date& as_of);
  Status InsertMilestone(store::Connection& c, const Ctx& ctx, store::MilestoneRow& row);
  Status StoreMilestone(store::Connection& c, const Ctx& ctx, int64_t id, int64_t project_id, int64_t version,
                        const nlohmann::json& body);

  store::Database& db_;
  LedgerService& ledger_;
  supervision_support::ProjectAccess projects_;
};

}  // namespace gj::service

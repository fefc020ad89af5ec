// The responsibility list (责任清单): the leaders assigned to a project (包保), their onsite visits
// and whether they kept the visit rule, and each leader's own page. Each use case takes one
// connection lease and passes it down.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "service/context.h"
#include "service/supervision/supervision_support.h"
#include "store/db.h"
#include "store/supervision_store.h"

namespace gj::service {

class ResponsibilityService {
 public:
  ResponsibilityService(store::Database& db, LedgerService& ledger) : db_(db), projects_(ledger) {}

  Result<nlohmann::json> Responsibility(const Ctx& ctx, int64_t project_id);
  Result<nlohmann::json> AddAssignment(const Ctx& ctx, int64_t project_id, const nlohmann::json& body);
  Result<nlohmann::json> RemoveAssignment(const Ctx& ctx, int64_t project_id, int64_t person_id);
  Result<nlohmann::json> AddVisit(const Ctx& ctx, const nlohmann::json& body);
  Result<nlohmann::json> Compliance(const Ctx& ctx, const std::string& region, const Date& from, const Date& to, const Date& as_of);
  // The caller's own page when `person_id` is empty.
  Result<nlohmann::json> LeaderPage(const Ctx& ctx, std::optional<int64_t> person_id, const Date& as_of);

 private:
  nlohmann::json ResponsibilityOn(store::Connection& c, const store::ProjectRow& p);
  // The project, when the caller is its project office (who assigns leaders).
  Result<store::ProjectRow> Managed(store::Connection& c, const Ctx& ctx, int64_t project_id);
  // Checks that the caller may log `v` (a leader logs only their own visits) and stores it.
  Status StoreVisit(store::Connection& c, const Ctx& ctx, store::VisitRow& v, std::optional<int64_t> own);
  nlohmann::json LeaderProjects(store::Connection& c, const std::vector<supervision::Assignment>& mine,
                                const std::set<int64_t>& visit_due, const Date& as_of);

  store::Database& db_;
  supervision_support::ProjectAccess projects_;
};

}  // namespace gj::service

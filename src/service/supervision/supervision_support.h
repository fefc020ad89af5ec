// What the supervision services share: reading the fields of a request body, and the project
// checks every use case on a project starts with. Each check runs on the caller's connection, so a
// use case takes one lease from start to answer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/result.h"
#include "domain/access/access.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "store/db.h"
#include "store/project_store.h"

namespace gj::service::supervision_support {

// Body fields. A field of the wrong type is reported to `pr` and read as absent.
// A date: absent → nullopt (keep), null/"" → a cleared date, "YYYY-MM-DD" → that date.
std::optional<std::optional<Date>> DateField(const nlohmann::json& b, const std::string& name, Problems& pr);
std::optional<int64_t> IntField(const nlohmann::json& b, const std::string& name, Problems& pr);
std::string TextField(const nlohmann::json& b, const std::string& name);  // "" when absent or not text

// The projects a supervision use case works on, checked on the caller's connection.
class ProjectAccess {
 public:
  explicit ProjectAccess(LedgerService& ledger) : ledger_(ledger) {}
  // The request's project.read scope within `region` (its subtree; "" = all of it; unknown: empty).
  access::ReadScope Scope(const Ctx& ctx, const std::string& region);
  // NotFound when the project does not exist or lies outside the caller's scope.
  Result<store::ProjectRow> Readable(store::Connection& c, const Ctx& ctx, int64_t project_id);
  // Readable, and the caller may edit its milestones and procedures (Forbidden otherwise).
  Result<store::ProjectRow> WritableSchedule(store::Connection& c, const Ctx& ctx, int64_t project_id);
  // Readable, and the caller holds `action` on it (Forbidden with `refusal` otherwise).
  Result<store::ProjectRow> Permitted(store::Connection& c, const Ctx& ctx, int64_t project_id,
                                      const char* action, const std::string& refusal);
  bool Allowed(store::Connection& c, const Ctx& ctx, const char* action, const access::Target& target);

 private:
  LedgerService& ledger_;
};

}  // namespace gj::service::supervision_support

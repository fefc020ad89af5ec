// Use cases of targets (时间表): define, change, archive, and evaluate them at any as-of date.
#pragma once

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/targets/target.h"
#include "service/context.h"
#include "service/targets/metrics_service.h"
#include "store/db.h"

namespace gj::service {

nlohmann::json TargetStatusJson(const targets::Target& t, const targets::TargetStatus& s);

class TargetService {
 public:
  TargetService(store::Database& db, LedgerService& ledger, MetricsService& metrics) : db_(db), ledger_(ledger), metrics_(metrics) {}

  // Targets of the region (and the regions above and below it) readable by the caller, each
  // with its status as of the date.
  Result<nlohmann::json> List(const Ctx& ctx, const std::string& region, const Date& as_of);
  Result<nlohmann::json> Get(const Ctx& ctx, int64_t id, const Date& as_of);
  Result<nlohmann::json> Create(const Ctx& ctx, const nlohmann::json& body);
  Result<nlohmann::json> Update(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<nlohmann::json> Archive(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<targets::TargetStatus> Evaluate(const Ctx& ctx, const targets::Target& t, const Date& as_of);
  // The targets (with status) relevant to a region, for the bulletin.
  Result<std::vector<std::pair<targets::Target, targets::TargetStatus>>> StatusesFor(const Ctx& ctx, const std::string& region, const Date& as_of);

 private:
  Status CheckAdmin(const Ctx& ctx, const std::string& region);
  store::Database& db_;
  LedgerService& ledger_;
  MetricsService& metrics_;
};

}  // namespace gj::service

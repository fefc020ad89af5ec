// Use cases of targets (时间表): define, change, archive, and evaluate them at any as-of date.
#pragma once

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/targets/target.h"
#include "service/context.h"
#include "service/targets/metrics_service.h"
#include "store/db.h"

namespace gj::service {

// A target with its status as of a date.
struct TargetView {
  targets::Target target;
  targets::TargetStatus status;
};

// One target as GET shows it: the view and the date it was evaluated at.
struct TargetDetail {
  TargetView view;
  Date as_of;
};

struct TargetList {
  Date as_of;
  std::vector<TargetView> items;
};

// What an archive answers.
struct ArchivedTarget {
  int64_t id = 0;
};

class TargetService {
 public:
  TargetService(store::Database& db, LedgerService& ledger, MetricsService& metrics)
      : db_(db), ledger_(ledger), metrics_(metrics) {}

  // Targets placed in the caller's read scope (project.read) narrowed to `region` (empty: the
  // whole scope; unknown or outside: none), each with its status as of the date.
  Result<TargetList> List(const Ctx& ctx, const std::string& region, const Date& as_of);
  Result<TargetDetail> Get(const Ctx& ctx, int64_t id, const Date& as_of);
  // Create and Update answer the target as of today.
  Result<TargetDetail> Create(const Ctx& ctx, const nlohmann::json& body);
  // The body's fields replace the target's (send version).
  Result<TargetDetail> Update(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<ArchivedTarget> Archive(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<targets::TargetStatus> Evaluate(const Ctx& ctx, const targets::Target& t, const Date& as_of);
  // The targets (with status) of List, for the bulletin.
  Result<std::vector<std::pair<targets::Target, targets::TargetStatus>>> StatusesFor(
      const Ctx& ctx, const std::string& region, const Date& as_of);

 private:
  Status CheckAdmin(const Ctx& ctx, const std::string& region);
  // The live target, if the caller may read it (404 otherwise).
  Result<targets::Target> Readable(const Ctx& ctx, int64_t id);
  store::Database& db_;
  LedgerService& ledger_;
  MetricsService& metrics_;
};

}  // namespace gj::service

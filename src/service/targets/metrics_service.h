// Figures over filtered sets of projects, for the CLI, the API and the bulletin.
#pragma once

#include <optional>
#include <string>

#include "common/result.h"
#include "domain/targets/start_rate.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "store/db.h"

namespace gj::service {

// A set of projects: region (county, town or a city: everything below it) and dictionary values
// given as codes or Chinese labels (implementation or 实施类).
struct ProjectSet {
  std::string region;
  std::string track, category, level, kind, stage;
  std::optional<int> year;
};

class MetricsService {
 public:
  MetricsService(store::Database& db, LedgerService& ledger) : db_(db), ledger_(ledger) {}
  // The projects of the set readable by the caller (archived excluded).
  Result<std::vector<ledger::Project>> Projects(const Ctx& ctx, const ProjectSet& set);
  Result<targets::Ratio> StartRate(const Ctx& ctx, const ProjectSet& set, const Date& as_of);

 private:
  store::Database& db_;
  LedgerService& ledger_;
};

}  // namespace gj::service

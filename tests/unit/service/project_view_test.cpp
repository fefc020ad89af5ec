#include <gtest/gtest.h>

#include "api/json/ledger_json.h"
#include "service/ledger/ledger_service.h"

namespace gj::service {
namespace {

TEST(ProjectView, FastWriterEqualsTheJsonTree) {
  store::ProjectRow row;
  auto& p = row.project;
  p.id = 7;
  p.code = "DE-\"1\"\\";
  p.name = "阿胶\n项目\t\x01";
  p.year = 2026;
  p.county_code = "371524";
  p.category = "industrial";
  p.total_investment = 1234567890123;
  p.land_mu = 0.1;
  p.latitude = 36.335;
  p.planned_start = Date{2026, 3, 1};
  p.version = 3;
  row.county_name = "东阿县";
  row.leader_name = "张明远";
  std::string out;
  api::AppendProjectView(out, row);
  EXPECT_EQ(nlohmann::json::parse(out), nlohmann::json(row));
}

TEST(ProjectView, CreationChangesTextEqualsTheTree) {
  ledger::Project p;
  p.code = "DE-1";
  p.name = "项目";
  p.year = 2026;
  p.total_investment = 5;
  p.actual_start = Date{2026, 1, 2};
  EXPECT_EQ(nlohmann::json::parse(ledger::CreationChangesText(p)), ledger::CreationChanges(p));
}

}  // namespace
}  // namespace gj::service

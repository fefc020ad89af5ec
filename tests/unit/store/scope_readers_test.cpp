// Scope that cannot be forgotten (issue 14 item 3): every store reader of regional data takes an
// access::ReadScope, and an empty scope selects nothing — never "no condition". On the demo
// database each reader answers rows for ReadScope::All() (so the check below means something)
// and none for ReadScope::None(); a county's scope answers only that county's rows.
#include <gtest/gtest.h>

#include "common/date.h"
#include "service/demo/demo.h"
#include "store/assignment_store.h"
#include "store/land_efficiency_store.h"
#include "store/org_store.h"
#include "store/progress_store.h"
#include "store/project_store.h"
#include "store/project_year_store.h"
#include "store/supervision_store.h"
#include "test_db.h"

namespace gj {
namespace {

using access::ReadScope;

TEST(ScopeClause, AnEmptyScopeSelectsNothing) {
  std::vector<store::Value> params;
  EXPECT_EQ(store::ScopeClause(ReadScope::None(), params), " AND 1=0");
  EXPECT_EQ(store::EnterpriseScopeClause(ReadScope::None(), params), " AND 1=0");
  const ReadScope defaulted;  // what a filter nobody scoped holds
  EXPECT_EQ(store::ScopeClause(defaulted, params), " AND 1=0");
  EXPECT_TRUE(params.empty());
  // Only All() adds no condition.
  EXPECT_EQ(store::ScopeClause(ReadScope::All(), params), "");
  EXPECT_EQ(store::EnterpriseScopeClause(ReadScope::All(), params), "");
  EXPECT_TRUE(store::ProjectFilter{}.scope.Empty());
  EXPECT_TRUE(store::ProblemFilter{}.scope.Empty());
}

class ScopeReadersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tdb_ = new testing::TestDb("sqlite");
    const Date today{2026, 6, 15};
    ASSERT_TRUE(service::BuildDemo(tdb_->db(), today, "2026-06-15T01:00:00Z").ok());
  }
  static void TearDownTestSuite() {
    delete tdb_;
    tdb_ = nullptr;
  }
  static testing::TestDb* tdb_;
};

testing::TestDb* ScopeReadersTest::tdb_ = nullptr;

// Each reader's row count for a scope.
std::vector<std::pair<std::string, std::function<size_t(store::Connection&, const ReadScope&)>>> Readers() {
  const Date from{2025, 1, 1}, to{2026, 6, 15};
  auto project_filter = [](const ReadScope& s) {
    store::ProjectFilter f;
    f.scope = s;
    f.limit = 0;
    return f;
  };
  return {
      {"ListProjects", [=](auto& c, auto& s) { return store::ListProjects(c, project_filter(s)).size(); }},
      {"ListProjectIds",
       [=](auto& c, auto& s) { return store::ListProjectIds(c, project_filter(s)).size(); }},
      {"ForEachProject",
       [=](auto& c, auto& s) {
         size_t n = 0;
         store::ForEachProject(c, project_filter(s), [&](const store::ProjectRow&) { ++n; });
         return n;
       }},
      {"YearsWithList", [](auto& c, auto& s) { return store::YearsWithList(c, s).size(); }},
      {"ListProblems",
       [](auto& c, auto& s) {
         store::ProblemFilter f;
         f.scope = s;
         return store::ListProblems(c, f).size();
       }},
      {"ListProblemFacts", [](auto& c, auto& s) { return store::ListProblemFacts(c, s).size(); }},
      {"ListProcedureFacts", [](auto& c, auto& s) { return store::ListProcedureFacts(c, s).size(); }},
      {"ListProjectStarts", [](auto& c, auto& s) { return store::ListProjectStarts(c, s).size(); }},
      {"ListAssignments", [](auto& c, auto& s) { return store::ListAssignments(c, s).size(); }},
      {"ListAssignmentsOf",
       [](auto& c, auto& s) { return store::ListAssignmentsOf(c, std::nullopt, s).size(); }},
      {"ListDatedAssignments",
       [=](auto& c, auto& s) { return store::ListDatedAssignments(c, s, from, to).size(); }},
      {"ListHolderVisits", [=](auto& c, auto& s) { return store::ListHolderVisits(c, s, from, to).size(); }},
      {"ListVisitFacts", [=](auto& c, auto& s) { return store::ListVisitFacts(c, s, from, to).size(); }},
      {"ListVisits",
       [](auto& c, auto& s) { return store::ListVisits(c, s, std::nullopt, std::nullopt).size(); }},
      {"ListReportFacts", [=](auto& c, auto& s) { return store::ListReportFacts(c, s, from, to).size(); }},
      {"ListUnits", [](auto& c, auto& s) { return store::ListUnits(c, s).size(); }},
      {"ListPeople", [](auto& c, auto& s) { return store::ListPeople(c, s, "").size(); }},
      {"ListLandData", [](auto& c, auto& s) { return store::ListLandData(c, s, "371524", 2025).size(); }},
  };
}

TEST_F(ScopeReadersTest, EachReaderAnswersNothingForAnEmptyScope) {
  auto c = tdb_->db().Acquire();
  for (const auto& [name, rows] : Readers()) {
    EXPECT_GT(rows(*c, ReadScope::All()), 0u) << name << ": the demo has rows for it";
    EXPECT_EQ(rows(*c, ReadScope::None()), 0u) << name << ": an empty scope selects nothing";
  }
}

TEST_F(ScopeReadersTest, AnUnknownOrForeignRegionNarrowsToNothing) {
  auto c = tdb_->db().Acquire();
  const access::RegionTree tree(store::LoadRegions(*c));
  access::Caller dong;
  dong.grants = {{"coordinator", "371524", std::nullopt}};
  const auto scope = ReadScope::Of(dong, access::kProjectRead, tree);
  for (const std::string region : {"999999", "371525", "371500000"}) {
    const auto within = scope.Within(region, tree);
    EXPECT_TRUE(within.Empty()) << region;
    for (const auto& [name, rows] : Readers()) EXPECT_EQ(rows(*c, within), 0u) << name << " in " << region;
  }
  // The county's own scope reads its rows, and fewer than every county's.
  for (const auto& [name, rows] : Readers()) EXPECT_GT(rows(*c, scope), 0u) << name;
  EXPECT_LT(Readers()[0].second(*c, scope), Readers()[0].second(*c, ReadScope::All()));
}

TEST_F(ScopeReadersTest, EnterprisesOfATownScopeAreThoseOfItsTown) {
  auto c = tdb_->db().Acquire();
  const access::RegionTree tree(store::LoadRegions(*c));
  // A town unit's remit (LandService::Remit): its grant reads from the unit's region, 铜城街道.
  access::Caller town_unit;
  town_unit.grants = {{"unit", "371524001", int64_t{1}}};
  const auto remit = ReadScope::Of(town_unit, access::kLandRead, tree);
  const auto rows = store::ListLandData(*c, remit, "371524", 2025);
  ASSERT_FALSE(rows.empty());
  for (const auto& r : rows) EXPECT_EQ(r.e.town, "铜城街道") << r.e.name;
  EXPECT_LT(rows.size(), store::ListLandData(*c, ReadScope::All(), "371524", 2025).size());
  EXPECT_TRUE(store::GetLandData(*c, remit, rows[0].id));
  const auto all = store::ListLandData(*c, ReadScope::All(), "371524", 2025);
  for (const auto& r : all) {
    if (r.e.town != "铜城街道") {
      EXPECT_FALSE(store::GetLandData(*c, remit, r.id)) << r.e.name;
      break;
    }
  }
}

}  // namespace
}  // namespace gj

// Readers by id take the scope too (issue 14 item 3): a project, its year rows, a unit, a person
// or a team outside the caller's scope reads as missing, and an empty scope reads nothing — the
// same answer the lists give, so a single-object read cannot see more than a list.
#include <gtest/gtest.h>

#include <algorithm>

#include "common/date.h"
#include "service/demo/demo.h"
#include "store/assignment_store.h"
#include "store/org_store.h"
#include "store/progress_store.h"
#include "store/project_store.h"
#include "store/project_year_store.h"
#include "store/supervision_store.h"
#include "test_db.h"

namespace gj {
namespace {

using access::ReadScope;

class ScopeByIdTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tdb_ = new testing::TestDb("sqlite");
    ASSERT_TRUE(service::BuildDemo(tdb_->db(), Date{2026, 6, 15}, "2026-06-15T01:00:00Z").ok());
  }
  static void TearDownTestSuite() {
    delete tdb_;
    tdb_ = nullptr;
  }
  // 371524's coordinator: that county's subtree.
  static ReadScope County(store::Connection& c) {
    const access::RegionTree tree(store::LoadRegions(c));
    access::Caller dong;
    dong.grants = {{"coordinator", "371524", std::nullopt}};
    return ReadScope::Of(dong, access::kProjectRead, tree);
  }
  // A coordinator's scope of another county than 371524.
  static ReadScope OtherCounty(store::Connection& c) {
    const access::RegionTree tree(store::LoadRegions(c));
    std::string other;
    for (const auto& r : tree.all()) {
      if (r.level == "county" && r.code != "371524") other = r.code;
    }
    EXPECT_FALSE(other.empty());
    access::Caller coordinator;
    coordinator.grants = {{"coordinator", other, std::nullopt}};
    return ReadScope::Of(coordinator, access::kProjectRead, tree);
  }
  // A project of 371524 and one of another county.
  static std::pair<ledger::Project, ledger::Project> InAndOut(store::Connection& c) {
    store::ProjectFilter f;
    f.scope = ReadScope::System();
    f.limit = 0;
    f.include_archived = true;
    std::optional<ledger::Project> in, out;
    for (const auto& r : store::ListProjects(c, f)) {
      if (r.project.county_code == "371524" && !in) in = r.project;
      if (r.project.county_code != "371524" && !out) out = r.project;
    }
    EXPECT_TRUE(in && out) << "the demo has projects in two counties";
    return {*in, *out};
  }
  static testing::TestDb* tdb_;
};

testing::TestDb* ScopeByIdTest::tdb_ = nullptr;

TEST_F(ScopeByIdTest, AProjectOutsideTheScopeReadsAsMissing) {
  auto c = tdb_->db().Acquire();
  const auto scope = County(*c);
  const auto [in, out] = InAndOut(*c);
  // In scope: every reader finds it.
  EXPECT_TRUE(store::LoadProject(*c, scope, in.id));
  EXPECT_TRUE(store::LoadProjectByCode(*c, scope, in.code));
  EXPECT_TRUE(store::LoadProjectRow(*c, scope, in.id));
  EXPECT_EQ(store::LoadProjects(*c, scope, {in.id, out.id}).size(), 1u);
  EXPECT_EQ(store::LoadProjectRefs(*c, scope, {in.id, out.id}).size(), 1u);
  EXPECT_FALSE(store::ListProjectYears(*c, scope, in.id).empty());
  EXPECT_TRUE(store::ProjectIdsByCode(*c, scope).count(in.code));
  EXPECT_FALSE(store::ProjectIdsOfCounty(*c, scope, "371524").empty());
  // Outside it: nothing, though the system reads it.
  EXPECT_TRUE(store::LoadProject(*c, ReadScope::System(), out.id));
  EXPECT_FALSE(store::LoadProject(*c, scope, out.id));
  EXPECT_FALSE(store::LoadProjectByCode(*c, scope, out.code));
  EXPECT_FALSE(store::LoadProjectRow(*c, scope, out.id));
  EXPECT_TRUE(store::ListProjectYears(*c, scope, out.id).empty());
  EXPECT_FALSE(store::LoadProjectYear(*c, scope, out.id, out.year));
  EXPECT_FALSE(store::ProjectIdsByCode(*c, scope).count(out.code));
  EXPECT_TRUE(store::ProjectIdsOfCounty(*c, scope, out.county_code).empty());
  EXPECT_TRUE(store::LargestProjectIds(*c, scope, out.county_code, 2026, 5).empty());
}

TEST_F(ScopeByIdTest, AnEmptyScopeReadsNoProject) {
  auto c = tdb_->db().Acquire();
  const auto [in, out] = InAndOut(*c);
  const auto none = ReadScope::None();
  EXPECT_FALSE(store::LoadProject(*c, none, in.id));
  EXPECT_FALSE(store::LoadProjectByCode(*c, none, in.code));
  EXPECT_FALSE(store::LoadProjectRow(*c, none, in.id));
  EXPECT_TRUE(store::LoadProjects(*c, none, {in.id, out.id}).empty());
  EXPECT_TRUE(store::LoadProjectRefs(*c, none, {in.id, out.id}).empty());
  EXPECT_TRUE(store::ListProjectYears(*c, none, in.id).empty());
  EXPECT_TRUE(store::ProjectIdsByCode(*c, none).empty());
  EXPECT_TRUE(store::ProjectIdsOfCounty(*c, none, "371524").empty());
}

TEST_F(ScopeByIdTest, OrganisationRecordsOutsideTheScopeReadAsMissing) {
  auto c = tdb_->db().Acquire();
  const auto scope = County(*c);
  std::optional<store::Unit> in_unit, out_unit;
  for (const auto& u : store::ListUnits(*c, ReadScope::System(), true)) {
    if (scope.ContainsRegion(u.region_code) && !in_unit) in_unit = u;
    if (!scope.ContainsRegion(u.region_code) && !out_unit) out_unit = u;
  }
  std::optional<store::Person> in_person, out_person;
  for (const auto& p : store::ListPeople(*c, ReadScope::System(), "", true)) {
    if (scope.ContainsRegion(p.region_code) && !in_person) in_person = p;
    if (!scope.ContainsRegion(p.region_code) && !out_person) out_person = p;
  }
  ASSERT_TRUE(in_unit && out_unit && in_person && out_person) << "the demo has them in and out of 371524";
  EXPECT_TRUE(store::LoadUnit(*c, scope, in_unit->id));
  EXPECT_FALSE(store::LoadUnit(*c, scope, out_unit->id));
  EXPECT_FALSE(store::LoadUnit(*c, ReadScope::None(), in_unit->id));
  EXPECT_TRUE(store::LoadPerson(*c, scope, in_person->id));
  EXPECT_FALSE(store::LoadPerson(*c, scope, out_person->id));
  EXPECT_FALSE(store::LoadPerson(*c, ReadScope::None(), in_person->id));
  EXPECT_TRUE(store::UnitNames(*c, scope).count(in_unit->id));
  EXPECT_FALSE(store::UnitNames(*c, scope).count(out_unit->id));
  EXPECT_TRUE(store::PersonNames(*c, ReadScope::None()).empty());
  EXPECT_TRUE(store::FindUnitId(*c, scope, in_unit->region_code, in_unit->name));
  EXPECT_FALSE(store::FindUnitId(*c, scope, out_unit->region_code, out_unit->name));
  EXPECT_FALSE(store::FindPersonId(*c, ReadScope::None(), in_person->region_code, in_person->name));
}

// Problems, milestones, procedures and reports read as their project does.
TEST_F(ScopeByIdTest, RecordsOfAProjectOutsideTheScopeReadAsMissing) {
  auto c = tdb_->db().Acquire();
  const auto scope = County(*c), other = OtherCounty(*c), none = ReadScope::None();
  const auto sys = ReadScope::System();
  const auto ids = store::ProjectIdsOfCounty(*c, sys, "371524");
  ASSERT_FALSE(ids.empty());

  store::ProblemFilter f;
  f.scope = scope;
  const auto problems = store::ListProblems(*c, f);
  ASSERT_FALSE(problems.empty()) << "the demo raises problems in 371524";
  const int64_t problem = problems[0].fact.id;
  EXPECT_TRUE(store::LoadProblem(*c, scope, problem));
  EXPECT_FALSE(store::LoadProblem(*c, other, problem));
  EXPECT_FALSE(store::LoadProblem(*c, none, problem));

  const auto milestones = store::ListMilestonesOf(*c, sys, ids);
  ASSERT_FALSE(milestones.empty()) << "the demo plans milestones in 371524";
  const auto& m = milestones[0].m;
  EXPECT_FALSE(store::ListMilestones(*c, scope, m.project_id).empty());
  EXPECT_TRUE(store::ListMilestones(*c, other, m.project_id).empty());
  EXPECT_TRUE(store::ListMilestonesOf(*c, none, ids).empty());
  EXPECT_EQ(store::ProjectOfMilestone(*c, scope, m.id), m.project_id);
  EXPECT_FALSE(store::ProjectOfMilestone(*c, other, m.id));

  std::optional<store::ProcedureRow> procedure;
  std::optional<store::ReportRecord> report;
  for (int64_t id : ids) {
    if (!procedure) {
      auto rows = store::ListProcedures(*c, sys, id);
      if (!rows.empty()) procedure = rows[0];
    }
    if (!report) {
      auto rows = store::ReportsOfProject(*c, sys, id);
      if (!rows.empty()) report = rows[0];
    }
  }
  ASSERT_TRUE(procedure && report) << "the demo has procedures and reports in 371524";
  EXPECT_TRUE(store::LoadProcedure(*c, scope, procedure->fact.id));
  EXPECT_FALSE(store::LoadProcedure(*c, other, procedure->fact.id));
  EXPECT_FALSE(store::LoadProcedure(*c, none, procedure->fact.id));
  EXPECT_TRUE(store::ListProcedures(*c, other, procedure->fact.project_id).empty());

  EXPECT_TRUE(store::LoadReport(*c, scope, report->id));
  EXPECT_FALSE(store::LoadReport(*c, other, report->id));
  EXPECT_FALSE(store::LoadReport(*c, none, report->id));
  EXPECT_TRUE(store::LoadReportOf(*c, scope, report->project_id, report->period));
  EXPECT_FALSE(store::LoadReportOf(*c, other, report->project_id, report->period));
  EXPECT_TRUE(store::ReportsOfProject(*c, other, report->project_id).empty());
  EXPECT_FALSE(store::ReportsOfPeriod(*c, scope, report->period).empty());
  for (const auto& r : store::ReportsOfPeriod(*c, other, report->period))
    EXPECT_NE(r.project_id, report->project_id);
  EXPECT_TRUE(store::ReportsOfPeriod(*c, none, report->period).empty());
  const auto assignments = store::ListAssignmentsOf(*c, std::nullopt, scope);
  ASSERT_FALSE(assignments.empty()) << "the demo assigns 371524's projects";
  const auto& a = assignments[0];
  EXPECT_TRUE(store::LoadAssignment(*c, scope, a.id));
  EXPECT_FALSE(store::LoadAssignment(*c, other, a.id));
  EXPECT_FALSE(store::LoadAssignment(*c, none, a.id));
  EXPECT_FALSE(store::ListProjectAssignments(*c, scope, a.project_id).empty());
  EXPECT_TRUE(store::ListProjectAssignments(*c, other, a.project_id).empty());

  EXPECT_TRUE(store::StopsOfProject(*c, none, report->project_id).empty());
  EXPECT_TRUE(store::LoadTargets(*c, none).empty());

  const Date as_of{2026, 6, 15}, from{2025, 1, 1};
  EXPECT_FALSE(store::LoadReportFacts(*c, scope, as_of, from).empty());
  EXPECT_FALSE(
      store::LoadReportFacts(*c, other, as_of, from, {report->project_id}).count(report->project_id));
  EXPECT_TRUE(store::LoadReportFacts(*c, none, as_of, from).empty());
}

}  // namespace
// The records that reach their project through a parent row or by project id alone: a problem's
// steps, a report's photos, monthly plans and stop requests (issue 14 item 3, the last readers).
TEST_F(ScopeByIdTest, StepsPhotosPlansAndStopsOfAProjectOutsideTheScopeReadAsMissing) {
  auto c = tdb_->db().Acquire();
  const auto scope = County(*c), other = OtherCounty(*c), none = ReadScope::None();
  const auto sys = ReadScope::System();
  const auto ids = store::ProjectIdsOfCounty(*c, sys, "371524");
  store::ProblemFilter f;
  f.scope = scope;
  int64_t with_steps = 0;
  for (const auto& p : store::ListProblems(*c, f)) {
    if (!store::ListProblemSteps(*c, sys, p.fact.id).empty()) with_steps = p.fact.id;
  }
  ASSERT_NE(with_steps, 0) << "the demo moves problems of 371524 through steps";
  EXPECT_FALSE(store::ListProblemSteps(*c, scope, with_steps).empty());
  EXPECT_TRUE(store::ListProblemSteps(*c, other, with_steps).empty());
  EXPECT_TRUE(store::ListProblemSteps(*c, none, with_steps).empty());

  const auto plans = store::MonthlyPlansOf(*c, sys, 2026, ids);
  if (!plans.empty()) {
    const int64_t project = plans.begin()->first;
    EXPECT_TRUE(store::LoadMonthlyPlan(*c, scope, project, 2026));
    EXPECT_FALSE(store::LoadMonthlyPlan(*c, other, project, 2026));
    EXPECT_FALSE(store::LoadMonthlyPlan(*c, none, project, 2026));
    EXPECT_FALSE(store::MonthlyPlansOf(*c, scope, 2026, ids).empty());
    EXPECT_TRUE(store::MonthlyPlansOf(*c, other, 2026, ids).empty());
  }
  for (int64_t id : ids) {
    for (const auto& r : store::ReportsOfProject(*c, sys, id)) {
      const auto photos = store::PhotosOf(*c, sys, r.id, false);
      if (photos.empty()) continue;
      EXPECT_FALSE(store::PhotosOf(*c, scope, r.id, false).empty());
      EXPECT_TRUE(store::PhotosOf(*c, other, r.id, false).empty());
      EXPECT_TRUE(store::LoadPhoto(*c, scope, photos[0].id));
      EXPECT_FALSE(store::LoadPhoto(*c, other, photos[0].id));
      EXPECT_FALSE(store::LoadPhoto(*c, none, photos[0].id));
      break;
    }
  }
  const Date day{2026, 6, 15};
  for (const auto& [project, reason] : store::StoppedProjects(*c, sys, day)) {
    const bool ours = std::find(ids.begin(), ids.end(), project) != ids.end();
    EXPECT_EQ(store::StoppedProjects(*c, scope, day).count(project), ours ? 1u : 0u);
    EXPECT_EQ(store::StoppedProjects(*c, other, day).count(project), ours ? 0u : 1u);
  }
  EXPECT_TRUE(store::StoppedProjects(*c, none, day).empty());
  EXPECT_TRUE(store::PendingStops(*c, none).empty());
  for (const auto& s : store::PendingStops(*c, other))
    EXPECT_EQ(std::find(ids.begin(), ids.end(), s.project_id), ids.end());
}

}  // namespace gj

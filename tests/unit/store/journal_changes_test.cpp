// The journal changes the stores build from their field lists have the shape the services
// journaled by hand: {"field","old","new"}, ids and dates as null when absent, flags as booleans.
#include <gtest/gtest.h>

#include "store/assessment_store.h"
#include "store/assignment_store.h"
#include "store/progress_store.h"
#include "store/supervision_store.h"

namespace gj::testing {
namespace {

using nlohmann::json;

TEST(JournalChangesTest, Problem) {
  store::ProblemRow before;
  before.fact.status = "raised";
  before.description = "d";
  store::ProblemRow after = before;
  after.fact.status = "assigned";
  after.fact.unit_id = 7;
  after.fact.deadline = ParseIsoDate("2026-06-30");
  after.description = "not journaled";
  after.updated_at = "later";
  EXPECT_EQ(store::ProblemChanges(before, after),
            json::parse(
                R"([{"field":"status","old":"raised","new":"assigned"},{"field":"unit_id","old":null,"new":7},
                            {"field":"deadline","old":null,"new":"2026-06-30"}])"));
}

TEST(JournalChangesTest, MilestoneAndProcedure) {
  store::MilestoneRow m;
  m.m.name = "开工";
  m.m.planned_date = *ParseIsoDate("2026-03-01");
  store::MilestoneRow m2 = m;
  m2.m.planned_date = *ParseIsoDate("2026-04-01");
  m2.sort = 3;
  EXPECT_EQ(store::MilestoneChanges(m, m2),
            json::parse(R"([{"field":"planned_date","old":"2026-03-01","new":"2026-04-01"}])"));

  store::ProcedureRow p;
  store::ProcedureRow p2 = p;
  p2.fact.accepted_pending = true;
  p2.approval_no = "No.1";
  EXPECT_EQ(store::ProcedureChanges(p, p2),
            json::parse(R"([{"field":"accepted_pending","old":false,"new":true},
                                                             {"field":"approval_no","old":"","new":"No.1"}])"));
}

TEST(JournalChangesTest, CreationsShowTheFieldsTheServicesJournaledByHand) {
  store::ProblemRow p;
  p.fact.project_id = 10;
  p.fact.category = "land";
  p.fact.status = "raised";
  p.description = "用地";
  EXPECT_EQ(store::ProblemCreatedChanges(p), json::parse(R"([{"field":"project_id","old":null,"new":10},
      {"field":"category","old":null,"new":"land"},{"field":"description","old":null,"new":"用地"},
      {"field":"status","old":null,"new":"raised"}])"));
  store::MilestoneRow m;
  m.m.name = "开工";
  m.m.planned_date = *ParseIsoDate("2026-03-01");
  EXPECT_EQ(store::MilestoneCreatedChanges(m), json::parse(R"([{"field":"name","old":null,"new":"开工"},
      {"field":"planned_date","old":null,"new":"2026-03-01"}])"));
  store::VisitRow v;
  v.project_id = 3;
  v.person_id = 4;
  v.visit_date = *ParseIsoDate("2026-06-01");
  v.notes = "现场";
  EXPECT_EQ(store::VisitCreatedChanges(v), json::parse(R"([{"field":"project_id","old":null,"new":3},
      {"field":"person_id","old":null,"new":4},{"field":"visit_date","old":null,"new":"2026-06-01"},
      {"field":"notes","old":null,"new":"现场"}])"));
  v.unit_id = 9;  // a visit for a unit (帮包部门) names it
  EXPECT_EQ(store::VisitCreatedChanges(v)[2], json::parse(R"({"field":"unit_id","old":null,"new":9})"));
  store::AssignmentRow a;
  a.id = 7;
  a.project_id = 3;
  a.unit_id = 9;
  a.from_date = *ParseIsoDate("2026-06-01");
  EXPECT_EQ(store::AssignmentCreatedChanges(a), json::parse(R"([{"field":"id","old":null,"new":7},
      {"field":"person_id","old":null,"new":null},{"field":"unit_id","old":null,"new":9},
      {"field":"from_date","old":null,"new":"2026-06-01"},{"field":"to_date","old":null,"new":null}])"));
  store::AssignmentRow ended = a;
  ended.to_date = *ParseIsoDate("2026-06-30");
  EXPECT_EQ(store::AssignmentDiff(a, ended), json::parse(R"([{"field":"id","old":7,"new":7},
      {"field":"to_date","old":null,"new":"2026-06-30"}])"));
}

TEST(JournalChangesTest, ObservationEvent) {
  store::EventRecord e;
  e.name = "一季度观摩";
  store::EventRecord e2 = e;
  e2.name = "二季度观摩";
  e2.state = "open";  // a state change is journaled by its action, not as a field
  EXPECT_EQ(store::EventChanges(e, e2),
            json::parse(R"([{"field":"name","old":"一季度观摩","new":"二季度观摩"}])"));
}

TEST(JournalChangesTest, Target) {
  targets::Target t;
  t.name = "开工率";
  t.region = "371524";
  t.threshold = 0.6;
  t.deadline = Date{2026, 6, 30};
  targets::Target t2 = t;
  t2.categories = {"industrial", "social"};
  t2.threshold = 0.65;
  t2.version = 2;  // not part of the definition
  EXPECT_EQ(store::TargetChanges(t, t2),
            json::parse(R"([{"field":"categories","old":"","new":"industrial,social"},
                                                           {"field":"threshold","old":0.6,"new":0.65}])"));
}

}  // namespace
}  // namespace gj::testing

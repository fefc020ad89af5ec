// Supervision rules with hand-computed expectations.
#include <gtest/gtest.h>

#include "domain/supervision/attention.h"
#include "domain/supervision/milestone.h"
#include "domain/supervision/problem.h"
#include "domain/supervision/procedure.h"
#include "domain/supervision/visit.h"

namespace gj::supervision {
namespace {

Date D(int y, int m, int d) { return Date{y, m, d}; }

ProblemFact Open(int64_t id, std::optional<Date> deadline, std::string status = "signed") {
  ProblemFact p;
  p.id = id;
  p.project_id = 1;
  p.unit_id = 7;
  p.status = std::move(status);
  p.deadline = deadline;
  p.raised_on = D(2026, 5, 1);
  return p;
}

TEST(SupervisionProblem, WorkflowIsATableWithOneRowPerAction) {
  EXPECT_EQ(ProblemWorkflow().size(), 8u);
  const auto* close = FindProblemTransition("close_out");
  ASSERT_NE(close, nullptr);
  EXPECT_EQ(close->from, std::vector<std::string>{"verifying"});
  EXPECT_EQ(std::string(close->to), "closed");
  EXPECT_EQ(close->actor, ProblemActor::kVerifier);
  EXPECT_EQ(FindProblemTransition("approve"), nullptr);
  EXPECT_EQ(std::string(FindProblemTransition("handle")->to), "");  // a record, not a move
}

TEST(SupervisionProblem, WhoMayTakeAStepAndWhenComeFromTheTable) {
  const auto& close = *FindProblemTransition("close_out");
  ProblemActors unit;
  unit.unit = unit.reader = true;
  ProblemActors verifier;
  verifier.verifier = verifier.reader = true;
  EXPECT_EQ(CheckProblemStep(close, "signed", verifier), StepRefusal::kWrongStatus);
  EXPECT_EQ(CheckProblemStep(close, "verifying", unit), StepRefusal::kWrongActor);
  EXPECT_EQ(CheckProblemStep(close, "verifying", verifier), StepRefusal::kNone);
  EXPECT_EQ(ProblemActionsFor("signed", unit), (std::vector<std::string>{"handle", "request_close"}));
  EXPECT_EQ(ProblemActionsFor("verifying", verifier), (std::vector<std::string>{"close_out", "return"}));
  EXPECT_TRUE(ProblemActionsFor("closed", verifier).empty());
}

TEST(SupervisionProblem, AStepChecksWhatItNeedsAndRecordsItsEffect) {
  ProblemState s{Open(1, std::nullopt, "raised"), std::nullopt, "", 0};
  s.fact.unit_id.reset();
  std::string note;
  // assign: unit, leader and a deadline not in the past, each named by its rule.
  ProblemStepInput in;
  in.deadline = std::optional<Date>(D(2026, 5, 31));
  auto pr = ApplyProblemStep(*FindProblemTransition("assign"), in, D(2026, 6, 1), s, note);
  ASSERT_EQ(pr.size(), 3u);
  EXPECT_NE(pr.details()[0].reason.find("problem.assign.needs_unit"), std::string::npos);
  EXPECT_NE(pr.details()[2].reason.find("problem.deadline_not_past"), std::string::npos);
  in.unit_id = 7;
  in.coordinator_id = 9;
  in.deadline = std::optional<Date>(D(2026, 6, 30));
  s.fact.status = "raised";
  EXPECT_TRUE(ApplyProblemStep(*FindProblemTransition("assign"), in, D(2026, 6, 1), s, note).empty());
  EXPECT_EQ(s.fact.status, "assigned");
  EXPECT_EQ(s.fact.coordinator_id, 9);
  // sign records the day; handle needs a note and keeps the status.
  EXPECT_TRUE(ApplyProblemStep(*FindProblemTransition("sign"), {}, D(2026, 6, 2), s, note).empty());
  EXPECT_EQ(s.signed_on, D(2026, 6, 2));
  EXPECT_EQ(ApplyProblemStep(*FindProblemTransition("handle"), {}, D(2026, 6, 3), s, note).size(), 1u);
  EXPECT_EQ(s.fact.status, "signed");
  // request_close needs a handling record; return counts; defer keeps its reason (or the note).
  EXPECT_EQ(ApplyProblemStep(*FindProblemTransition("request_close"), {}, D(2026, 6, 3), s, note)
                .details()[0]
                .field,
            "action");
  ProblemStepInput why;
  why.note = "材料不全";
  EXPECT_TRUE(ApplyProblemStep(*FindProblemTransition("return"), why, D(2026, 6, 4), s, note).empty());
  EXPECT_EQ(s.returns, 1);
  EXPECT_TRUE(ApplyProblemStep(*FindProblemTransition("defer"), why, D(2026, 6, 5), s, note).empty());
  EXPECT_EQ(s.defer_reason, "材料不全");
  EXPECT_EQ(note, "材料不全");
  EXPECT_EQ(s.fact.status, "deferred");
}

TEST(SupervisionProblem, OverdueFromTheDayAfterTheDeadline) {
  auto p = Open(1, D(2026, 6, 10));
  EXPECT_FALSE(IsOverdue(p, D(2026, 6, 10)));
  EXPECT_TRUE(IsOverdue(p, D(2026, 6, 11)));
  EXPECT_EQ(DaysOverdue(p, D(2026, 6, 25)), 15);
  EXPECT_FALSE(IsOverdue(Open(2, std::nullopt), D(2026, 12, 31)));
  auto deferred = Open(3, D(2026, 6, 10), "deferred");
  EXPECT_FALSE(IsOverdue(deferred, D(2026, 7, 1)));
  // Closed on 06-20: overdue as of 06-15 (still open then), not as of 06-20.
  auto closed = Open(4, D(2026, 6, 10), "closed");
  closed.closed_on = D(2026, 6, 20);
  EXPECT_TRUE(IsOverdue(closed, D(2026, 6, 15)));
  EXPECT_EQ(DaysOverdue(closed, D(2026, 6, 15)), 5);
  EXPECT_FALSE(IsOverdue(closed, D(2026, 6, 20)));
}

TEST(SupervisionProblem, EscalationLadderClimbsWithDaysOverdue) {
  auto p = Open(1, D(2026, 6, 10));
  const auto policy = DefaultEscalation();
  EXPECT_FALSE(EscalationAt(p, D(2026, 6, 10), policy));
  EXPECT_EQ(EscalationAt(p, D(2026, 6, 11), policy)->level, "branch_leader");   // 1 day
  EXPECT_EQ(EscalationAt(p, D(2026, 6, 16), policy)->level, "branch_leader");   // 6 days
  EXPECT_EQ(EscalationAt(p, D(2026, 6, 17), policy)->level, "unit_head");       // 7 days
  EXPECT_EQ(EscalationAt(p, D(2026, 6, 25), policy)->level, "contact_leader");  // 15 days
  EXPECT_EQ(EscalationAt(p, D(2026, 7, 10), policy)->level, "county_head");     // 30 days
  EXPECT_EQ(EscalationAt(p, D(2026, 7, 10), policy)->label_zh, "县主要领导");
  EscalationPolicy bad{{{5, "a", ""}, {5, "b", ""}, {0, "", ""}}};
  EXPECT_EQ(ValidateEscalation(bad).size(), 4u);  // 5 ≤ 5; 0 < 1; 0 ≤ 5; level empty
}

TEST(SupervisionProblem, OverdueByUnitCountsOpenAndOverdue) {
  std::vector<ProblemFact> ps = {Open(1, D(2026, 6, 1)), Open(2, D(2026, 6, 20)), Open(3, D(2026, 5, 1))};
  ps[2].unit_id = 9;
  auto rows = OverdueByUnit(ps, D(2026, 6, 11));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].unit_id, 9);  // 1 overdue, 41 days; unit 7: 1 overdue, 10 days — the longer comes first
  EXPECT_EQ(rows[0].max_days_overdue, 41);
  EXPECT_EQ(rows[1].unit_id, 7);
  EXPECT_EQ(rows[1].open, 2);
  EXPECT_EQ(rows[1].overdue, 1);
}

TEST(SupervisionMilestone, BackwardScheduleFromTheFinishDate) {
  // A(10 d) → B(20 d) → C(30 d), finish 2026-12-31.
  // C: LF 12-31, LS 12-01; B: LF 12-01, LS 11-11; A: LF 11-11, LS 11-01.
  std::vector<Milestone> ms = {{1, 1, "A", D(2026, 11, 1), std::nullopt, 10, std::nullopt, std::nullopt},
                               {2, 1, "B", D(2026, 11, 20), std::nullopt, 20, 1, std::nullopt},
                               {3, 1, "C", D(2027, 1, 10), std::nullopt, 30, 2, std::nullopt}};
  auto s = BackwardSchedule(ms, D(2026, 12, 31), D(2026, 11, 5));
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[2].latest_finish, D(2026, 12, 31));
  EXPECT_EQ(s[2].latest_start, D(2026, 12, 1));
  EXPECT_EQ(s[1].latest_finish, D(2026, 12, 1));
  EXPECT_EQ(s[1].latest_start, D(2026, 11, 11));
  EXPECT_EQ(s[0].latest_finish, D(2026, 11, 11));
  EXPECT_EQ(s[0].latest_start, D(2026, 11, 1));
  EXPECT_EQ(s[0].slack_days, 10);   // planned 11-01, may finish by 11-11
  EXPECT_EQ(s[1].slack_days, 11);   // 11-20 → 12-01
  EXPECT_EQ(s[2].slack_days, -10);  // planned 01-10 misses 12-31 by 10 days
  EXPECT_TRUE(s[0].late);           // unfinished after 11-01 as of 11-05
  EXPECT_EQ(s[0].days_late, 4);
  EXPECT_FALSE(s[1].late);
  EXPECT_EQ(s[1].planned_start, D(2026, 10, 31));
}

TEST(SupervisionMilestone, ABranchTakesTheEarliestSuccessor) {
  // A precedes B (5 d) and C (15 d); finish 06-30 → A's LF = min(06-25, 06-15) = 06-15.
  std::vector<Milestone> ms = {{1, 1, "A", D(2026, 6, 1), D(2026, 6, 3), 3, std::nullopt, std::nullopt},
                               {2, 1, "B", D(2026, 6, 20), std::nullopt, 5, 1, std::nullopt},
                               {3, 1, "C", D(2026, 6, 28), std::nullopt, 15, 1, std::nullopt}};
  auto s = BackwardSchedule(ms, D(2026, 6, 30), D(2026, 6, 10));
  EXPECT_EQ(s[0].latest_finish, D(2026, 6, 15));
  EXPECT_TRUE(s[0].late);  // finished 06-03 after planned 06-01
  EXPECT_EQ(s[0].days_late, 2);
}

TEST(SupervisionMilestone, ADateBeforeItsPredecessorBreaksTheRule) {
  std::vector<Milestone> ms = {{1, 1, "立项", D(2026, 3, 1), D(2026, 3, 5), 10, std::nullopt, std::nullopt},
                               {2, 1, "开工", D(2026, 2, 1), D(2026, 3, 1), 10, 1, std::nullopt},
                               {3, 1, "", D(2026, 4, 1), std::nullopt, -1, 3, std::nullopt}};
  auto pr = ValidateMilestones(ms);
  ASSERT_EQ(pr.size(), 5u);  // 2: planned + actual before 1; 3: name, duration, itself as predecessor
  EXPECT_NE(pr.details()[0].reason.find("milestone.after_predecessor"), std::string::npos);
}

TEST(SupervisionProcedure, BlocksAPlannedStartWithinTheHorizon) {
  ProcedureFact p{1, 1, "construction_permit", "applied", 3, D(2026, 5, 1), std::nullopt, false, true};
  const std::optional<Date> planned = D(2026, 7, 1);
  EXPECT_FALSE(BlocksStart(p, planned, std::nullopt, D(2026, 5, 31)));    // 31 days ahead
  EXPECT_TRUE(BlocksStart(p, planned, std::nullopt, D(2026, 6, 1)));      // 30 days ahead
  EXPECT_FALSE(BlocksStart(p, planned, D(2026, 6, 20), D(2026, 6, 25)));  // started
  p.accepted_pending = true;                                              // 容缺受理 lets it start
  EXPECT_FALSE(BlocksStart(p, planned, std::nullopt, D(2026, 7, 5)));
  p.accepted_pending = false;
  p.status = "approved";
  p.approved_on = D(2026, 6, 10);
  EXPECT_TRUE(BlocksStart(p, planned, std::nullopt, D(2026, 6, 5)));  // not yet approved then
  EXPECT_FALSE(BlocksStart(p, planned, std::nullopt, D(2026, 6, 10)));
  p.required_for_start = false;
  p.status = "applied";
  EXPECT_FALSE(BlocksStart(p, planned, std::nullopt, D(2026, 7, 5)));
}

TEST(SupervisionProcedure, KindsNeverRecordedBlockAsNotStarted) {
  const std::vector<ProcedureKind> kinds = {{"project_approval", "立项/备案", "", true},
                                            {"construction_permit", "施工许可", "", true},
                                            {"energy_review", "节能审查", "", false}};
  const ProcedureFact approved{1,     1,   "project_approval", "approved", 3, D(2026, 4, 1), D(2026, 4, 20),
                               false, true};
  const std::optional<Date> planned = D(2026, 7, 1);
  // Approved 立项; 施工许可 never recorded → not started, blocks; 节能审查 not required.
  EXPECT_EQ(BlockingKinds({&approved}, kinds, planned, std::nullopt, D(2026, 6, 15)),
            std::vector<std::string>{"construction_permit"});
  // 73 days ahead: beyond the 30-day horizon, nothing blocks yet.
  EXPECT_TRUE(BlockingKinds({&approved}, kinds, planned, std::nullopt, D(2026, 4, 19)).empty());
  // Before 立项 was approved (04-20) both block, in checklist order.
  EXPECT_EQ(BlockingKinds({&approved}, kinds, D(2026, 5, 1), std::nullopt, D(2026, 4, 19)),
            (std::vector<std::string>{"project_approval", "construction_permit"}));
  // Started, or no planned start: nothing blocks.
  EXPECT_TRUE(BlockingKinds({}, kinds, planned, D(2026, 6, 1), D(2026, 6, 15)).empty());
  EXPECT_TRUE(BlockingKinds({}, kinds, std::nullopt, std::nullopt, D(2026, 6, 15)).empty());
}

TEST(SupervisionProcedure, DurationsPerUnitFastestFirst) {
  std::vector<ProcedureFact> ps = {
      {1, 1, "eia", "approved", 3, D(2026, 1, 1), D(2026, 1, 31), false, true},              // 30
      {2, 2, "eia", "approved", 3, D(2026, 2, 1), D(2026, 2, 11), false, true},              // 10
      {3, 1, "planning_permit", "approved", 4, D(2026, 1, 1), D(2026, 1, 16), false, true},  // 15
      {4, 2, "planning_permit", "applied", 4, D(2026, 1, 1), std::nullopt, false, true}};
  auto rows = DurationsByUnit(ps);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].unit_id, 4);
  EXPECT_DOUBLE_EQ(rows[0].average_days, 15.0);
  EXPECT_EQ(rows[1].unit_id, 3);
  EXPECT_DOUBLE_EQ(rows[1].average_days, 20.0);
  EXPECT_EQ(rows[1].min_days, 10);
  EXPECT_EQ(rows[1].max_days, 30);
  ProcedureFact bad{5, 1, "eia", "approved", 3, D(2026, 3, 1), D(2026, 2, 1), false, true};
  EXPECT_EQ(ValidateProcedure(bad, std::nullopt).size(), 2u);  // approved before applied; no number
}

TEST(SupervisionVisit, WeeklyComplianceCountsMissedWeeks) {
  // Leader 100 answers for projects 1 and 2; period 06-01 … 06-21 = 3 weeks; as of 06-21.
  std::vector<Assignment> as = {{1, 100}, {2, 100}, {1, 200}};
  std::vector<VisitFact> vs = {{1, 100, D(2026, 6, 2)},
                               {1, 100, D(2026, 6, 9)},
                               {1, 100, D(2026, 6, 10)},
                               {2, 100, D(2026, 6, 16)},
                               {1, 200, D(2026, 6, 30)}};
  auto rows = VisitCompliance(as, vs, D(2026, 6, 1), D(2026, 6, 21), D(2026, 6, 21), VisitRule{});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].leader_id, 100);
  EXPECT_EQ(rows[0].required, 6);
  EXPECT_EQ(rows[0].met, 3);  // p1 weeks 1, 2; p2 week 3
  EXPECT_DOUBLE_EQ(rows[0].rate, 0.5);
  EXPECT_EQ(rows[0].visits, 4);
  EXPECT_EQ(rows[0].missed.size(), 3u);
  EXPECT_EQ(rows[1].met, 0);  // the 06-30 visit is outside the period
  // As of 06-10 only the first week is owed.
  auto early = VisitCompliance(as, vs, D(2026, 6, 1), D(2026, 6, 21), D(2026, 6, 10), VisitRule{});
  EXPECT_EQ(early[0].required, 2);
  EXPECT_EQ(early[0].met, 1);
  // Rule: two visits per fortnight.
  auto fortnight = VisitCompliance(as, vs, D(2026, 6, 1), D(2026, 6, 14), D(2026, 6, 30), VisitRule{14, 2});
  EXPECT_EQ(fortnight[0].required, 2);
  EXPECT_EQ(fortnight[0].met, 1);  // p1: 3 visits; p2: none
  auto due = VisitsDue(100, as, vs, D(2026, 6, 1), D(2026, 6, 17), VisitRule{});
  ASSERT_EQ(due.size(), 1u);  // week 06-15…06-21: p2 visited 06-16, p1 not
  EXPECT_EQ(due[0].project_id, 1);
  EXPECT_EQ(due[0].window_start, D(2026, 6, 15));
}

TEST(SupervisionAttention, EachUserSeesWhatNeedsThem) {
  std::vector<AttentionProblem> ps;
  auto mk = [&](int64_t id, std::string status, std::optional<Date> deadline) {
    AttentionProblem a;
    a.fact = Open(id, deadline, std::move(status));
    a.fact.coordinator_id = 50;
    a.version = 3;
    a.description = "问题" + std::to_string(id);
    ps.push_back(a);
  };
  mk(1, "assigned", D(2026, 7, 1));
  mk(2, "returned", D(2026, 7, 1));
  mk(3, "signed", D(2026, 6, 1));     // overdue 14 days
  mk(4, "signed", D(2026, 6, 17));    // due in 2 days
  mk(5, "verifying", D(2026, 6, 1));  // waiting for the verifier, not overdue for the unit
  mk(6, "raised", std::nullopt);
  ps[5].fact.unit_id.reset();
  AttentionSubject unit;
  unit.unit_ids = {7};
  auto items = AttentionFor(unit, ps, D(2026, 6, 15), {"problem:2:v3:returned"});
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].kind, "overdue");
  EXPECT_EQ(items[0].days_overdue, 14);
  EXPECT_EQ(items[1].kind, "returned");
  EXPECT_TRUE(items[1].read);
  EXPECT_EQ(items[2].kind, "assigned");
  EXPECT_EQ(items[3].kind, "due");
  AttentionSubject verifier;
  verifier.person_id = 50;
  auto v = AttentionFor(verifier, ps, D(2026, 6, 15), {});
  EXPECT_EQ(v[0].kind, "overdue");
  EXPECT_EQ(v[1].kind, "verify");
  AttentionSubject office;
  office.office = true;
  auto o = AttentionFor(office, ps, D(2026, 6, 15), {});
  EXPECT_EQ(o.back().kind, "unassigned");
}

TEST(SupervisionAttention, AnOverdueProblemClimbsTheLadderToTheProjectsLeader) {
  AttentionProblem a;
  a.fact = Open(3, D(2026, 6, 1));  // project 1, unit 7, coordinator 50
  a.fact.coordinator_id = 50;
  a.version = 4;
  AttentionSubject leader;  // 包保 leader of project 1, not the coordinator
  leader.person_id = 60;
  leader.led_projects = {1};
  // 14 days overdue: 责任单位主要领导 (7 days), not yet 联系县领导 (15 days).
  EXPECT_TRUE(AttentionFor(leader, {a}, D(2026, 6, 15), {}).empty());
  AttentionSubject unit;
  unit.unit_ids = {7};
  auto u = AttentionFor(unit, {a}, D(2026, 6, 15), {});
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0].key, "problem:3:v4:overdue:unit_head");
  EXPECT_EQ(u[0].escalation->label_zh, "责任单位主要领导");
  // 15 days: the ladder reaches the project's leader; a new step is a new (unread) key for the unit.
  auto l = AttentionFor(leader, {a}, D(2026, 6, 16), {"problem:3:v4:overdue:unit_head"});
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0].kind, "escalated");
  EXPECT_EQ(l[0].key, "problem:3:v4:escalated:contact_leader");
  EXPECT_EQ(l[0].days_overdue, 15);
  EXPECT_FALSE(AttentionFor(unit, {a}, D(2026, 6, 16), {"problem:3:v4:overdue:unit_head"})[0].read);
  // A ladder without a contact_leader step never reaches the leader; a closed problem neither.
  EscalationPolicy flat{{{1, "branch_leader", "分管领导"}, {30, "county_head", "县主要领导"}}};
  EXPECT_TRUE(AttentionFor(leader, {a}, D(2026, 7, 20), {}, flat).empty());
  a.fact.status = "closed";
  EXPECT_TRUE(AttentionFor(leader, {a}, D(2026, 6, 20), {}).empty());
}

TEST(SupervisionProblem, EveryCategoryAndStatusHasItsChineseLabel) {
  for (const auto& c : kProblemCategories) EXPECT_NE(ProblemCategoryLabel(c), c) << c;
  for (const auto& st : kProblemStatuses) EXPECT_NE(ProblemStatusLabel(st), st) << st;
  EXPECT_EQ(ProblemCategoryLabel("energy_quota"), "能耗指标");
  EXPECT_EQ(ProblemStatusLabel("verifying"), "待核销");
  EXPECT_EQ(ProblemStatusLabel("no_such_status"), "no_such_status");  // unknown: the code
}

}  // namespace
}  // namespace gj::supervision

// Dated responsibility and weekly visit compliance, with hand-computed expectations.
#include "domain/supervision/visit_compliance.h"

#include <gtest/gtest.h>

namespace gj::supervision {
namespace {

Date D(int y, int m, int d) { return Date{y, m, d}; }
Holder Person(int64_t id) { return {HolderKind::kPerson, id}; }
Holder Unit(int64_t id) { return {HolderKind::kUnit, id}; }
HolderVisit ByPerson(int64_t project, int64_t person, Date d) { return {project, person, std::nullopt, d}; }

TEST(VisitCompliance, IsoWeek53IsOneWeekAcrossTheNewYear) {
  // Period 2026-12-21 (Mon) … 2027-01-10 (Sun): 2026-W52, 2026-W53 (12-28 … 01-03), 2027-W01.
  const std::vector<DatedAssignment> as = {{1, Person(7), D(2026, 12, 1), std::nullopt},
                                           {1, Person(8), D(2026, 12, 1), std::nullopt}};
  const std::vector<HolderVisit> vs = {
      ByPerson(1, 7, D(2026, 12, 22)),  // W52
      ByPerson(1, 7, D(2027, 1, 5)),    // 2027-W01; W53 has none
      ByPerson(1, 8, D(2027, 1, 3)),    // Sunday 2027-01-03 is still 2026-W53
  };
  const auto rows =
      HolderVisitCompliance(as, vs, D(2026, 12, 21), D(2027, 1, 10), D(2027, 1, 10), VisitRule{});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].holder, Person(7));
  EXPECT_EQ(rows[0].weeks_assigned, 3);
  EXPECT_EQ(rows[0].weeks_visited, 2);
  ASSERT_EQ(rows[0].missed_weeks.size(), 1u);
  EXPECT_EQ(rows[0].missed_weeks[0].year, 2026);
  EXPECT_EQ(rows[0].missed_weeks[0].week, 53);
  EXPECT_EQ(rows[0].missed_weeks[0].monday, D(2026, 12, 28));
  EXPECT_EQ(rows[0].required, 3);  // the rule's weekly windows start on a Monday here
  EXPECT_EQ(rows[0].met, 2);
  EXPECT_EQ(rows[1].weeks_visited, 1);
  ASSERT_EQ(rows[1].missed_weeks.size(), 2u);
  EXPECT_EQ(rows[1].missed_weeks[0].week, 52);
  EXPECT_EQ(rows[1].missed_weeks[1].year, 2027);
  EXPECT_EQ(rows[1].missed_weeks[1].week, 1);
  EXPECT_NEAR(rows[1].week_rate, 1.0 / 3, 1e-9);
}

// Period 2026-06-01 … 06-28: W23 (06-01), W24 (06-08), W25 (06-15), W26 (06-22). Person 1 held
// projects 10 and 11 until Wednesday 06-10 and handed them to person 2 on 06-11; unit 5 holds
// project 10 from 06-15.
std::vector<DatedAssignment> Handover() {
  return {{10, Person(1), D(2026, 1, 1), D(2026, 6, 10)},
          {11, Person(1), D(2026, 1, 1), D(2026, 6, 10)},
          {10, Person(2), D(2026, 6, 11), std::nullopt},
          {11, Person(2), D(2026, 6, 11), std::nullopt},
          {10, Unit(5), D(2026, 6, 15), std::nullopt}};
}
std::vector<HolderVisit> HandoverVisits() {
  return {ByPerson(10, 1, D(2026, 6, 2)),   // W23
          ByPerson(11, 1, D(2026, 6, 12)),  // W24: held that week (until 06-10), counts
          ByPerson(10, 1, D(2026, 6, 16)),  // W25: no longer held, counts for nobody
          ByPerson(11, 2, D(2026, 6, 11)),  // W24
          {10, 3, 5, D(2026, 6, 17)},       // person 3 for unit 5, W25: the unit's
          {10, 2, 5, D(2026, 6, 24)}};      // person 2 for unit 5, W26: both's
}

TEST(VisitCompliance, HandoverMidPeriodSplitsTheWeeks) {
  const auto rows = HolderVisitCompliance(Handover(), HandoverVisits(), D(2026, 6, 1), D(2026, 6, 28),
                                          D(2026, 6, 28), VisitRule{});
  ASSERT_EQ(rows.size(), 3u);  // persons 1, 2, then unit 5; person 3 holds nothing
  const auto& old = rows[0];
  EXPECT_EQ(old.holder, Person(1));
  EXPECT_EQ(old.projects, 2);
  EXPECT_EQ(old.weeks_assigned, 2);  // W23, W24 (held Monday to Wednesday)
  EXPECT_EQ(old.weeks_visited, 2);
  EXPECT_EQ(old.visits, 2);
  EXPECT_EQ(old.required, 4);  // 2 projects × 2 windows
  EXPECT_EQ(old.met, 2);       // p10 W23, p11 W24
  const auto& next = rows[1];
  EXPECT_EQ(next.holder, Person(2));
  EXPECT_EQ(next.weeks_assigned, 3);  // W24 (from Thursday), W25, W26
  EXPECT_EQ(next.weeks_visited, 2);
  ASSERT_EQ(next.missed_weeks.size(), 1u);
  EXPECT_EQ(next.missed_weeks[0].week, 25);
  EXPECT_EQ(next.missed_weeks[0].monday, D(2026, 6, 15));
  EXPECT_EQ(next.required, 6);
  EXPECT_EQ(next.met, 2);  // p11 W24, p10 W26
  EXPECT_EQ(next.visits, 2);
  const auto& unit = rows[2];
  EXPECT_EQ(unit.holder, Unit(5));
  EXPECT_EQ(unit.projects, 1);
  EXPECT_EQ(unit.weeks_assigned, 2);
  EXPECT_EQ(unit.weeks_visited, 2);
  EXPECT_DOUBLE_EQ(unit.week_rate, 1.0);
  EXPECT_EQ(unit.visits, 2);
}

TEST(VisitCompliance, AWeekStillRunningIsNotOwed) {
  const auto rows = HolderVisitCompliance(Handover(), HandoverVisits(), D(2026, 6, 1), D(2026, 6, 28),
                                          D(2026, 6, 24), VisitRule{});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].weeks_assigned, 2);  // W24, W25; W26 ends after 06-24
  EXPECT_EQ(rows[1].weeks_visited, 1);
  EXPECT_EQ(rows[1].visits, 2);  // the 06-24 visit is counted, its week not yet owed
  // Before the handover only person 1 was assigned.
  const auto early = HolderVisitCompliance(Handover(), HandoverVisits(), D(2026, 6, 1), D(2026, 6, 28),
                                           D(2026, 6, 7), VisitRule{});
  ASSERT_EQ(early.size(), 1u);
  EXPECT_EQ(early[0].holder, Person(1));
  EXPECT_EQ(early[0].weeks_assigned, 1);
}

TEST(VisitCompliance, UndatedAssignmentsGiveTheOldCounts) {
  // The case of SupervisionVisit.WeeklyComplianceCountsMissedWeeks with open assignments.
  const std::vector<DatedAssignment> as = {{1, Person(100), D(2020, 1, 1), std::nullopt},
                                           {2, Person(100), D(2020, 1, 1), std::nullopt}};
  const std::vector<HolderVisit> vs = {ByPerson(1, 100, D(2026, 6, 2)), ByPerson(1, 100, D(2026, 6, 9)),
                                       ByPerson(1, 100, D(2026, 6, 10)), ByPerson(2, 100, D(2026, 6, 16))};
  const auto rows = HolderVisitCompliance(as, vs, D(2026, 6, 1), D(2026, 6, 21), D(2026, 6, 21), VisitRule{});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].required, 6);
  EXPECT_EQ(rows[0].met, 3);
  EXPECT_EQ(rows[0].visits, 4);
  EXPECT_EQ(rows[0].weeks_assigned, 3);
  EXPECT_EQ(rows[0].weeks_visited, 3);
}

TEST(VisitCompliance, InEffectAndHandoverDates) {
  const auto now = InEffect(Handover(), D(2026, 6, 10));
  ASSERT_EQ(now.size(), 2u);
  EXPECT_EQ(now[0].holder, Person(1));
  EXPECT_EQ(InEffect(Handover(), D(2026, 6, 15)).size(), 3u);
  const std::vector<DatedAssignment> moving = {{10, Person(2), D(2026, 6, 11), std::nullopt},
                                               {11, Person(2), D(2026, 6, 1), std::nullopt}};
  EXPECT_EQ(ValidateHandover(moving, D(2026, 6, 11)).size(), 1u);  // p10 would end before it began
  EXPECT_EQ(ValidateHandover(moving, D(2026, 6, 1)).size(), 2u);
  EXPECT_TRUE(ValidateHandover(moving, D(2026, 6, 12)).empty());
}

}  // namespace
}  // namespace gj::supervision

#include <gtest/gtest.h>

#include "domain/supervision/report.h"

namespace gj::supervision {
namespace {

TEST(SupervisionReport, WeeksAndTheirTuesdayDueDates) {
  const ReportPolicy pol;
  // 2026-06-03 is a Wednesday of ISO week 23 (Mon 06-01 … Sun 06-07); due Tuesday 06-09.
  auto p = PeriodOf({2026, 6, 3}, pol);
  EXPECT_EQ(p.key, "2026-W23");
  EXPECT_EQ(p.start, (Date{2026, 6, 1}));
  EXPECT_EQ(p.end, (Date{2026, 6, 7}));
  EXPECT_EQ(p.due, (Date{2026, 6, 9}));
  auto parsed = ParsePeriod("2026-W23", pol);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->start, p.start);
  EXPECT_EQ(PeriodOf({2026, 1, 1}, pol).key, "2026-W01");  // Thursday 2026-01-01 is in week 1
  EXPECT_EQ(PeriodOf({2027, 1, 1}, pol).key, "2026-W53");  // 2026 has 53 ISO weeks
  EXPECT_FALSE(ParsePeriod("2025-W53", pol));
  EXPECT_FALSE(ParsePeriod("2026-W7", pol));
  EXPECT_EQ(Previous(p, pol).key, "2026-W22");
  ReportPolicy fri{"week", 5, 5};
  EXPECT_EQ(PeriodOf({2026, 6, 3}, fri).due, (Date{2026, 6, 12}));
}

TEST(SupervisionReport, MonthsDueOnTheFifth) {
  ReportPolicy pol{"month", 2, 5};
  auto p = PeriodOf({2026, 12, 31}, pol);
  EXPECT_EQ(p.key, "2026-12");
  EXPECT_EQ(p.due, (Date{2027, 1, 5}));
  EXPECT_EQ(ParsePeriod("2026-02", pol)->end, (Date{2026, 2, 28}));
  EXPECT_EQ(PeriodsBetween({2026, 1, 1}, {2026, 6, 15}, pol).size(), 5u);
}

// The calendar's hard days (issue 10): a week spanning two years belongs to its ISO year.
TEST(SupervisionReport, WeeksOnTheHardDays) {
  const ReportPolicy pol;                          // weekly, due Tuesday
  const auto w53 = PeriodOf({2026, 12, 31}, pol);  // Thursday of the week 12-28 … 01-03
  EXPECT_EQ(w53.key, "2026-W53");
  EXPECT_EQ(w53.start, (Date{2026, 12, 28}));
  EXPECT_EQ(w53.end, (Date{2027, 1, 3}));
  EXPECT_EQ(w53.due, (Date{2027, 1, 5}));
  EXPECT_EQ(PeriodOf({2027, 1, 1}, pol).key, "2026-W53");
  EXPECT_EQ(PeriodOf({2027, 1, 3}, pol).key, "2026-W53");
  const auto w1 = PeriodOf({2027, 1, 4}, pol);
  EXPECT_EQ(w1.key, "2027-W01");
  EXPECT_EQ(w1.start, (Date{2027, 1, 4}));
  EXPECT_EQ(Previous(w1, pol).key, "2026-W53");
  EXPECT_EQ(Next(w53, pol).key, "2027-W01");
  ASSERT_TRUE(ParsePeriod("2026-W53", pol));
  EXPECT_EQ(ParsePeriod("2026-W53", pol)->start, (Date{2026, 12, 28}));
  EXPECT_FALSE(ParsePeriod("2027-W53", pol));  // 2027 starts on a Friday: 52 weeks
  EXPECT_FALSE(ParsePeriod("2027-W00", pol));
  EXPECT_EQ(PeriodOf({2026, 6, 15}, pol).key, "2026-W25");
  EXPECT_EQ(PeriodOf({2026, 6, 30}, pol).key, "2026-W27");
  const auto sunday = PeriodOf({2026, 12, 6}, pol);  // a Sunday is the last day of its week
  EXPECT_EQ(sunday.key, "2026-W49");
  EXPECT_EQ(sunday.end, (Date{2026, 12, 6}));
  EXPECT_EQ(sunday.due, (Date{2026, 12, 8}));
  const auto leap = PeriodOf({2028, 2, 29}, pol);
  EXPECT_EQ(leap.key, "2028-W09");
  EXPECT_EQ(leap.start, (Date{2028, 2, 28}));
  EXPECT_EQ(leap.end, (Date{2028, 3, 5}));
  // Six weeks end between 12-01 and 01-10, named in order across the new year.
  std::vector<std::string> keys;
  for (const auto& p : PeriodsBetween({2026, 12, 1}, {2027, 1, 10}, pol)) keys.push_back(p.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53",
                                            "2027-W01"}));
}

TEST(SupervisionReport, MonthsOnTheHardDays) {
  ReportPolicy pol{"month", 2, 5};
  const auto feb = PeriodOf({2028, 2, 29}, pol);
  EXPECT_EQ(feb.key, "2028-02");
  EXPECT_EQ(feb.end, (Date{2028, 2, 29}));
  EXPECT_EQ(feb.due, (Date{2028, 3, 6}));  // the 5th is a Sunday: the next working day
  EXPECT_EQ(PeriodOf({2026, 6, 30}, pol).key, "2026-06");
  EXPECT_EQ(Previous(PeriodOf({2027, 1, 1}, pol), pol).key, "2026-12");
  EXPECT_EQ(PeriodsBetween({2026, 11, 15}, {2027, 1, 31}, pol).size(), 3u);  // 11, 12, 01
}

// A due date on a rest day follows the county's rule; holidays and make-up working days are data.
TEST(SupervisionReport, DueDatesOffRestDays) {
  ReportPolicy pol{"month", 2, 5};
  const auto nov = ParsePeriod("2026-11", pol).value();  // due Saturday 2026-12-05
  EXPECT_EQ(nov.due, (Date{2026, 12, 7}));               // next_workday (default): Monday
  pol.rest_day_rule = "previous_workday";
  EXPECT_EQ(ParsePeriod("2026-11", pol)->due, (Date{2026, 12, 4}));
  pol.rest_day_rule = "keep";
  EXPECT_EQ(ParsePeriod("2026-11", pol)->due, (Date{2026, 12, 5}));

  // 国庆 2026: 10-01 … 10-07 off, Saturday 10-10 worked.
  ReportPolicy week;
  for (int d = 1; d <= 7; ++d) week.holidays.push_back({2026, 10, d});
  week.workdays = {{2026, 10, 10}};
  EXPECT_FALSE(IsWorkday({2026, 10, 6}, week));
  EXPECT_TRUE(IsWorkday({2026, 10, 10}, week));
  EXPECT_FALSE(IsWorkday({2026, 10, 11}, week));
  EXPECT_TRUE(IsWorkday({2026, 10, 8}, week));
  EXPECT_EQ(ParsePeriod("2026-W40", week)->due, (Date{2026, 10, 8}));  // Tuesday 10-06 → Thursday 10-08
  week.rest_day_rule = "previous_workday";  // never before the week's own last day (Sunday 10-04)
  EXPECT_EQ(ParsePeriod("2026-W40", week)->due, (Date{2026, 10, 4}));
  // Due on Saturdays: a make-up Saturday is a working day, an ordinary one is not.
  ReportPolicy sat{"week", 6, 5};
  sat.workdays = {{2026, 2, 14}};
  EXPECT_EQ(ParsePeriod("2026-W06", sat)->due, (Date{2026, 2, 14}));
  EXPECT_EQ(ParsePeriod("2026-W10", sat)->due, (Date{2026, 3, 16}));
}

TEST(SupervisionReport, PolicyFromJsonReportsEveryProblem) {
  const nlohmann::json bad = {{"frequency", "day"},
                              {"due_weekday", 9},
                              {"due_day", "5"},
                              {"rest_day_rule", "skip"},
                              {"holidays", {"2026-13-01", 5, "2026-10-01"}},
                              {"workdays", {"2026-10-08", "2026-10-01"}}};
  auto r = PolicyFromJson(bad, {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  std::vector<std::string> fields;
  for (const auto& d : r.error().details) fields.push_back(d.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{
                "report_policy.frequency", "report_policy.due_weekday", "report_policy.due_day",
                "report_policy.rest_day_rule", "report_policy.holidays[0]", "report_policy.holidays[1]",
                "report_policy.workdays", "report_policy.workdays", "report_policy.workdays"}));
  // Members left out keep the base; dates come back sorted without duplicates.
  ReportPolicy base{"month", 3, 10};
  auto ok = PolicyFromJson({{"holidays", {"2026-10-02", "2026-10-01", "2026-10-02"}}}, base);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->frequency, "month");
  EXPECT_EQ(ok->due_day, 10);
  EXPECT_EQ(ok->holidays, (std::vector<Date>{{2026, 10, 1}, {2026, 10, 2}}));
  EXPECT_EQ(ToJson(*ok)["holidays"], (nlohmann::json{"2026-10-01", "2026-10-02"}));
  EXPECT_EQ(PolicyFromJson(ToJson(*ok), {})->holidays, ok->holidays);  // round trip
  nlohmann::json many = nlohmann::json::array();
  for (int i = 0; i < 401; ++i) many.push_back(Date{2026, 1, 1}.AddDays(i).ToString());
  EXPECT_FALSE(PolicyFromJson({{"holidays", many}}, {}));
}

TEST(SupervisionReport, ContentValidationReportsAll) {
  ReportContent c;
  c.investment_period = 100;
  c.investment_year = 50;
  c.by_source = {10, 0, 0, 0, 0, 0};
  c.workers = -1;
  auto pr = ValidateContent(c);
  EXPECT_EQ(pr.size(), 3u);  // year < period, sources ≠ period, workers
  c.investment_year = 500;
  c.by_source = {40, 60, 0, 0, 0, 0};
  c.workers = 30;
  EXPECT_TRUE(ValidateContent(c).empty());
}

TEST(SupervisionReport, WorkflowRules) {
  ReportState s;
  s.due = {2026, 6, 9};
  EXPECT_TRUE(CheckTransition(s, ReportAction::kSubmit, 1, {2026, 6, 9}));
  auto closed = CheckTransition(s, ReportAction::kSubmit, 1, {2026, 6, 10});
  ASSERT_FALSE(closed);
  EXPECT_NE(closed.error().message.find("report.period_closed"), std::string::npos);
  EXPECT_TRUE(CheckTransition(s, ReportAction::kReopen, 9, {2026, 6, 10}));
  EXPECT_FALSE(CheckTransition(s, ReportAction::kReopen, 9, {2026, 6, 8}));
  s.reopened = true;
  EXPECT_TRUE(CheckTransition(s, ReportAction::kSubmit, 1, {2026, 6, 10}));
  s.status = "submitted";
  s.submitted_by = 1;
  auto own = CheckTransition(s, ReportAction::kApprove, 1, {2026, 6, 10});
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().code, ErrorCode::kConflict);
  EXPECT_NE(own.error().message.find("report.own_report"), std::string::npos);
  EXPECT_TRUE(CheckTransition(s, ReportAction::kApprove, 2, {2026, 6, 10}));
  EXPECT_FALSE(CheckTransition(s, ReportAction::kSave, 1, {2026, 6, 10}));
  s.status = "approved";
  EXPECT_FALSE(CheckTransition(s, ReportAction::kReturn, 2, {2026, 6, 10}));
}

}  // namespace
}  // namespace gj::supervision

// The monthly event rule, computed by hand: calendar months, a month in progress is not missed,
// a leader with no event owes every month that ended, events after as_of do not count.
#include <gtest/gtest.h>

#include "domain/promotion_events/event.h"

namespace gj::promotion {
namespace {

std::vector<std::string> Statuses(const LeaderEventCompliance& lc) {
  std::vector<std::string> out;
  for (const auto& m : lc.months) out.push_back(MonthStatusName(m.status));
  return out;
}

TEST(EventCompliance, MonthsOfARangeAreCalendarMonths) {
  const auto months = MonthsOf({2026, 1, 31}, {2026, 3, 1});
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].ToString(), "2026-01");
  EXPECT_EQ(months[2].ToString(), "2026-03");
  EXPECT_EQ(months[1].last(), (Date{2026, 2, 28}));
  EXPECT_EQ(MonthsOf({2025, 12, 5}, {2026, 1, 2}).back().ToString(), "2026-01");
  EXPECT_TRUE(MonthsOf({2026, 3, 1}, {2026, 2, 1}).empty());
}

TEST(EventCompliance, MonthBoundariesInProgressAndALeaderWithNone) {
  // Leader 1: 2026-01-31 (January), 2026-02-01 (February), none in March, 2026-06-15 in June
  // (the month in progress, already met); leader 2: none at all; leader 3 is not asked about.
  const std::vector<EventFact> events = {
      {1, {2026, 1, 31}}, {1, {2026, 2, 1}}, {1, {2026, 6, 15}}, {3, {2026, 2, 10}}};
  const EventRule rule{1};
  const Date as_of{2026, 6, 15};
  const auto out = EventCompliance({1, 2}, events, {2026, 1, 1}, {2026, 12, 31}, as_of, rule);
  ASSERT_EQ(out.size(), 2u);
  const auto& a = out[0];
  EXPECT_EQ(a.leader_id, 1);
  // Jan met, Feb met, Mar/Apr/May missed, Jun met (in progress but met), Jul–Dec upcoming.
  EXPECT_EQ(Statuses(a),
            (std::vector<std::string>{"met", "met", "missed", "missed", "missed", "met", "upcoming",
                                      "upcoming", "upcoming", "upcoming", "upcoming", "upcoming"}));
  EXPECT_EQ(a.events, 3);
  EXPECT_EQ(a.months_owed, 5);  // January to May ended by 2026-06-15
  EXPECT_EQ(a.months_met, 2);
  EXPECT_DOUBLE_EQ(a.rate, 0.4);
  ASSERT_EQ(a.missed.size(), 3u);
  EXPECT_EQ(a.missed[0].ToString(), "2026-03");
  const auto& b = out[1];
  EXPECT_EQ(b.leader_id, 2);
  EXPECT_EQ(b.events, 0);
  EXPECT_EQ(b.months_owed, 5);
  EXPECT_EQ(b.months_met, 0);
  EXPECT_DOUBLE_EQ(b.rate, 0.0);
  EXPECT_EQ(std::string(MonthStatusName(b.months[5].status)), "in_progress");  // June: not missed yet
  EXPECT_EQ(b.missed.size(), 5u);
}

TEST(EventCompliance, TheLastDayOfAMonthEndsItAndLaterEventsDoNotCount) {
  const std::vector<EventFact> events = {{1, {2026, 5, 31}}, {1, {2026, 6, 30}}};
  // As of 2026-05-31 May has ended: owed and met by the event of that day.
  auto out = EventCompliance({1}, events, {2026, 5, 1}, {2026, 6, 30}, {2026, 5, 31}, {1});
  EXPECT_EQ(out[0].months_owed, 1);
  EXPECT_EQ(out[0].months_met, 1);
  EXPECT_EQ(std::string(MonthStatusName(out[0].months[1].status)), "upcoming");
  // As of 2026-06-29 June is in progress; the event of 06-30 has not happened yet.
  out = EventCompliance({1}, events, {2026, 5, 1}, {2026, 6, 30}, {2026, 6, 29}, {1});
  EXPECT_EQ(std::string(MonthStatusName(out[0].months[1].status)), "in_progress");
  EXPECT_EQ(out[0].months[1].events, 0);
  EXPECT_EQ(out[0].events, 1);
  // As of 2026-06-30 June has ended and is met.
  out = EventCompliance({1}, events, {2026, 5, 1}, {2026, 6, 30}, {2026, 6, 30}, {1});
  EXPECT_EQ(out[0].months_owed, 2);
  EXPECT_EQ(out[0].months_met, 2);
  EXPECT_DOUBLE_EQ(out[0].rate, 1.0);
}

TEST(EventCompliance, ARuleOfTwoNeedsTwoAndNothingOwedIsFullRate) {
  const std::vector<EventFact> events = {{1, {2026, 1, 5}}, {1, {2026, 2, 5}}, {1, {2026, 2, 20}}};
  auto out = EventCompliance({1}, events, {2026, 1, 1}, {2026, 2, 28}, {2026, 3, 1}, {2});
  EXPECT_EQ(Statuses(out[0]), (std::vector<std::string>{"missed", "met"}));
  EXPECT_DOUBLE_EQ(out[0].rate, 0.5);
  // Nothing ended yet: nothing owed, rate 1.
  out = EventCompliance({1}, {}, {2026, 6, 1}, {2026, 6, 30}, {2026, 6, 15}, {1});
  EXPECT_EQ(out[0].months_owed, 0);
  EXPECT_DOUBLE_EQ(out[0].rate, 1.0);
}

TEST(EventCompliance, RuleAndDraftValidation) {
  EXPECT_TRUE(ValidateEventRule({1}).empty());
  EXPECT_FALSE(ValidateEventRule({0}).empty());
  EXPECT_FALSE(ValidateEventRule({32}).empty());
  EventDraft d;
  d.kind = "expo";
  d.destination_city = "深圳市";
  d.companies_met = {{"深圳华康生物科技有限公司", ""}};
  EXPECT_TRUE(ValidateEvent(d).empty());
  d.kind = "dinner";
  d.destination_city = "";
  d.companies_met.push_back({"", "91371524MA3C000000"});
  const auto pr = ValidateEvent(d);
  ASSERT_EQ(pr.size(), 3u);
  EXPECT_EQ(pr.details()[0].field, "kind");
  EXPECT_EQ(pr.details()[1].field, "destination_city");
  EXPECT_EQ(pr.details()[2].field, "companies_met[1].name");
}

}  // namespace
}  // namespace gj::promotion

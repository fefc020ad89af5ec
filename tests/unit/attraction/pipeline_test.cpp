// The attraction figures as of a date, computed by hand from the steps below.
#include "domain/attraction/pipeline.h"

#include <gtest/gtest.h>

namespace gj::attraction {
namespace {

Date D(const char* s) { return *ParseIsoDate(s); }

LeadFacts Lead(int64_t id, const char* created, int64_t amount,
               std::vector<std::pair<const char*, const char*>> steps) {
  LeadFacts l{id, D(created), amount, {}};
  l.steps.push_back({"lead", D(created)});
  for (const auto& [step, on] : steps) l.steps.push_back({step, D(on)});
  return l;
}

// L1 started (its 投产 is dated after the day), L2 signed on the day itself, L3 signed the day
// after, L4 signed then ended, L5 paused at 线索, L6 created after the day, L7 ended after the day.
std::vector<LeadFacts> Leads() {
  return {
      Lead(1, "2026-01-10", 150'000'000,
           {{"negotiating", "2026-02-01"},
            {"signed", "2026-03-01"},
            {"registered", "2026-04-01"},
            {"started", "2026-05-01"},
            {"operating", "2026-07-15"}}),
      Lead(2, "2026-02-01", 50'000'000, {{"negotiating", "2026-03-01"}, {"signed", "2026-06-30"}}),
      Lead(3, "2026-03-01", 200'000'000, {{"negotiating", "2026-04-01"}, {"signed", "2026-07-01"}}),
      Lead(4, "2026-01-05", 80'000'000,
           {{"negotiating", "2026-02-01"}, {"signed", "2026-03-15"}, {"ended", "2026-05-01"}}),
      Lead(5, "2026-04-01", 10'000'000, {{"paused", "2026-05-01"}}),
      Lead(6, "2026-07-02", 300'000'000, {}),
      Lead(7, "2026-02-01", 1'000'000, {{"negotiating", "2026-03-01"}, {"ended", "2026-08-01"}}),
  };
}

TEST(AttractionSummary, CountsTheStepsDatedByTheDayOnly) {
  const std::vector<FundsFact> funds = {
      {1, "2026-03", 10'000'000, 1'000'000, 0},
      {1, "2026-06", 5'000'000, 0, 2000},
      {1, "2026-07", 9'000'000, 0, 0},  // after the day's month
      {6, "2026-06", 100, 0, 0},        // a lead not created by the day
      {4, "2026-04", 3'000'000, 500'000, 100},
  };
  const Summary s = Summarize(Leads(), funds, D("2026-06-30"));
  const std::map<std::string, int64_t> by_step = {{"lead", 1},       {"negotiating", 2}, {"signed", 1},
                                                  {"registered", 0}, {"started", 1},     {"operating", 0},
                                                  {"ended", 1}};
  EXPECT_EQ(s.leads_by_step, by_step);
  EXPECT_EQ(s.signed_count, 3);  // L1, L2 (on the day), L4 (ended later: still signed)
  EXPECT_EQ(s.signed_amount, 280'000'000);
  EXPECT_EQ(s.signed_100m_count, 1);
  EXPECT_EQ(s.signed_100m_amount, 150'000'000);
  EXPECT_EQ(s.started_count, 1);
  EXPECT_EQ(s.funds_in_place, 19'500'000);
  EXPECT_EQ(s.funds_in_place_usd, 2100);
  EXPECT_EQ(s.paused_count, 1);
  ASSERT_TRUE(s.performance_rate.has_value());
  EXPECT_DOUBLE_EQ(*s.performance_rate, 1.0 / 3.0);
}

TEST(AttractionSummary, AnEarlierDaySeesAnEarlierPipeline) {
  const Summary s = Summarize(Leads(), {}, D("2026-02-15"));
  // L1 negotiating, L2 lead, L4 negotiating, L7 lead; L3, L5, L6 not yet created.
  const std::map<std::string, int64_t> by_step = {{"lead", 2},       {"negotiating", 2}, {"signed", 0},
                                                  {"registered", 0}, {"started", 0},     {"operating", 0},
                                                  {"ended", 0}};
  EXPECT_EQ(s.leads_by_step, by_step);
  EXPECT_EQ(s.signed_count, 0);
  EXPECT_FALSE(s.performance_rate.has_value());
  const Summary later = Summarize(Leads(), {}, D("2026-08-01"));
  EXPECT_EQ(later.leads_by_step.at("operating"), 1);
  EXPECT_EQ(later.leads_by_step.at("ended"), 2);  // L4 and L7
  EXPECT_EQ(later.signed_count, 4);
}

TEST(AttractionStatus, PauseAndResumeByDate) {
  auto l = Lead(9, "2026-01-01", 0,
                {{"negotiating", "2026-02-01"}, {"paused", "2026-03-01"}, {"resumed", "2026-04-01"}});
  EXPECT_TRUE(StatusAsOf(l, D("2026-03-15")).paused);
  EXPECT_FALSE(StatusAsOf(l, D("2026-04-01")).paused);
  EXPECT_EQ(StatusAsOf(l, D("2026-03-15")).furthest, "negotiating");
  EXPECT_FALSE(StatusAsOf(l, D("2025-12-31")).exists);
}

TEST(AttractionSteps, GoForwardOneAtATimeNeverBeforeThePrevious) {
  std::vector<StepFact> steps = {{"lead", D("2026-01-10")}, {"negotiating", D("2026-02-01")}};
  EXPECT_FALSE(CheckStep(steps, "signed", D("2026-02-01")).has_value());  // the same day is fine
  auto back = CheckStep(steps, "lead", D("2026-03-01"));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->reason, "rule attraction.step_forward: the next step is signed");
  auto skip = CheckStep(steps, "registered", D("2026-03-01"));
  ASSERT_TRUE(skip.has_value());
  EXPECT_EQ(skip->field, "step");
  auto early = CheckStep(steps, "signed", D("2026-01-31"));
  ASSERT_TRUE(early.has_value());
  EXPECT_EQ(early->field, "dated_on");
  EXPECT_EQ(early->reason, "rule attraction.step_date: before the previous step's date 2026-02-01");
}

TEST(AttractionSteps, PausedEndedAndResumed) {
  std::vector<StepFact> steps = {{"lead", D("2026-01-10")}, {"paused", D("2026-02-01")}};
  EXPECT_EQ(CheckStep(steps, "negotiating", D("2026-03-01"))->reason,
            "rule attraction.lead_paused: the lead is paused; resume it first");
  EXPECT_TRUE(CheckStep(steps, "paused", D("2026-03-01")).has_value());
  EXPECT_FALSE(CheckStep(steps, "resumed", D("2026-03-01")).has_value());
  EXPECT_FALSE(CheckStep(steps, "ended", D("2026-03-01")).has_value());  // a paused lead may end
  steps.push_back({"resumed", D("2026-03-01")});
  EXPECT_FALSE(CheckStep(steps, "negotiating", D("2026-03-01")).has_value());
  EXPECT_EQ(CheckStep(steps, "resumed", D("2026-03-02"))->reason,
            "rule attraction.not_paused: the lead is not paused");
  steps.push_back({"ended", D("2026-04-01")});
  EXPECT_EQ(CheckStep(steps, "negotiating", D("2026-05-01"))->reason,
            "rule attraction.lead_ended: the lead has ended");
  EXPECT_TRUE(CheckStep(steps, "resumed", D("2026-05-01")).has_value());
}

TEST(AttractionMonths, MonthTexts) {
  EXPECT_EQ(MonthOf(D("2026-03-15")), "2026-03");
  EXPECT_TRUE(IsMonth("2026-12"));
  EXPECT_FALSE(IsMonth("2026-13"));
  EXPECT_FALSE(IsMonth("2026-3"));
  EXPECT_FALSE(IsMonth("2026-03-01"));
}

}  // namespace
}  // namespace gj::attraction

#include "domain/ledger/project_year.h"

#include <gtest/gtest.h>

namespace gj::ledger {
namespace {

TEST(CurrentListYear, TheLatestListUpToTheAsOfYear) {
  // January 2027 before the 2027 list exists: still 2026.
  EXPECT_EQ(CurrentListYear({2025, 2026}, Date{2027, 1, 10}), 2026);
  EXPECT_EQ(CurrentListYear({2025, 2026, 2027}, Date{2027, 1, 10}), 2027);
  // A list of a later year does not count before its year.
  EXPECT_EQ(CurrentListYear({2025, 2027}, Date{2026, 6, 30}), 2025);
  // No list that old (or none at all): the as-of year.
  EXPECT_EQ(CurrentListYear({2028}, Date{2026, 6, 30}), 2026);
  EXPECT_EQ(CurrentListYear({}, Date{2026, 6, 30}), 2026);
}

TEST(ProjectDisplayYear, LatestUpToTheListYearElseLatest) {
  EXPECT_EQ(ProjectDisplayYear({2025, 2026, 2027}, 2026), 2026);
  EXPECT_EQ(ProjectDisplayYear({2025}, 2026), 2025);
  EXPECT_EQ(ProjectDisplayYear({2027, 2028}, 2026), 2028);
  EXPECT_EQ(ProjectDisplayYear({}, 2026), 0);
}

TEST(ValidateProjectYear, EveryProblemAtOnce) {
  ProjectYear y{1, 1999, "renovation", -5, -1, 1, "", ""};
  const auto pr = ValidateProjectYear(y, DefaultDictionaries());
  ASSERT_EQ(pr.size(), 4u);
  EXPECT_EQ(pr.details()[0].field, "year");
  EXPECT_EQ(pr.details()[1].field, "kind");
  EXPECT_EQ(pr.details()[2].field, "annual_plan");
  EXPECT_EQ(pr.details()[3].field, "annual_completed");
  EXPECT_TRUE(ValidateProjectYear({1, 2027, "continuing", 0, std::nullopt, 1, "", ""}, DefaultDictionaries())
                  .empty());
}

TEST(YearChanges, NamesTheYearAndOnlyWhatChanged) {
  ProjectYear before{7, 2027, "continuing", 500000000, std::nullopt, 1, "", ""};
  ProjectYear after = before;
  after.annual_completed = 120000000;
  EXPECT_EQ(
      YearChanges(&before, after),
      nlohmann::json::parse(R"([{"field":"annual_completed","year":2027,"old":null,"new":120000000}])"));
  EXPECT_EQ(YearChanges(nullptr, before).size(), 2u);  // kind and plan; completed stays null
}

TEST(DecideRollover, WhoCarriesAndWhy) {
  const std::vector<RolloverCandidate> in = {
      {1, "A", "续建厂房", "started", false, std::nullopt, false},        // carries
      {2, "B", "已竣工", "completed", false, Date{2026, 10, 1}, false},   // stage completed
      {3, "C", "投产", "operating", false, Date{2026, 5, 1}, false},      // operating counts as done
      {4, "D", "提前竣工", "started", false, Date{2026, 12, 31}, false},  // completed by 31 Dec
      {5, "E", "明年竣工", "started", false, Date{2027, 1, 1}, false},    // after the year: carries
      {6, "F", "已归档", "started", true, std::nullopt, false},           // archived
      {7, "G", "已列入", "started", false, std::nullopt, true},           // already on 2027's list
      {8, "H", "签约", "signed", false, std::nullopt, false},             // unfinished: carries
  };
  const auto out = DecideRollover(in, 2026);
  ASSERT_EQ(out.size(), 8u);
  const std::vector<std::pair<bool, std::string>> expected = {
      {true, "unfinished"}, {false, "completed"}, {false, "completed"},      {false, "completed"},
      {true, "unfinished"}, {false, "archived"},  {false, "already_listed"}, {true, "unfinished"}};
  for (size_t i = 0; i < out.size(); ++i) {
    EXPECT_EQ(out[i].carries, expected[i].first) << out[i].code;
    EXPECT_EQ(out[i].reason, expected[i].second) << out[i].code;
    EXPECT_EQ(out[i].project_id, in[i].project_id);
  }
}

TEST(StageTable, CompletionIsAColumnOfTheStageTable) {
  // 竣工 and 投产运营 count as completed; every other stage, and a stage an admin adds, does not.
  EXPECT_TRUE(StageCountsAsCompleted("completed"));
  EXPECT_TRUE(StageCountsAsCompleted("operating"));
  for (const char* s : {"planned", "reserve", "signed", "started", "admin_added"})
    EXPECT_FALSE(StageCountsAsCompleted(s)) << s;
  EXPECT_EQ(CompletedStages(), (std::vector<std::string>{"completed", "operating"}));
  ASSERT_NE(FindStageRule("operating"), nullptr);
  EXPECT_TRUE(FindStageRule("operating")->counts_as_completed);
}

TEST(AnnualCompleted, AFiledFigureStandsElseTheYearRows) {
  Project p;
  EXPECT_EQ(AnnualCompletedAt(p, std::nullopt), 0);  // no report, no figure in the row
  p.annual_completed = 25000000;
  EXPECT_EQ(AnnualCompletedAt(p, std::nullopt), 25000000);
  EXPECT_EQ(AnnualCompletedAt(p, 32900000), 32900000);  // the report's, even below the row's
  EXPECT_EQ(AnnualCompletedAt(p, 0), 0);                // a filed zero is a figure too
}

}  // namespace
}  // namespace gj::ledger

#include "domain/ledger/project.h"

#include <gtest/gtest.h>

namespace gj::ledger {
namespace {

const Date kToday{2026, 6, 15};

Project Valid() {
  Project p;
  p.code = "DE2026-001";
  p.name = "阿胶生物科技产业园项目";
  p.year = 2026;
  p.county_code = "371524";
  p.category = "industrial";
  p.level = "county";
  p.kind = "new";
  p.track = "implementation";
  p.stage = "signed";
  return p;
}

bool Has(const Problems& pr, const std::string& field) {
  for (const auto& d : pr.details()) {
    if (d.field == field) return true;
  }
  return false;
}

TEST(ValidateProject, AcceptsAMinimalProject) {
  EXPECT_TRUE(ValidateProject(Valid(), DefaultDictionaries(), kToday).empty());
}

TEST(ValidateProject, ReportsEveryProblemAtOnce) {
  Project p = Valid();
  p.name = "";
  p.category = "factory";
  p.total_investment = -1;
  p.latitude = 91;
  Problems pr = ValidateProject(p, DefaultDictionaries(), kToday);
  EXPECT_EQ(pr.details().size(), 4u);
  EXPECT_TRUE(Has(pr, "name"));
  EXPECT_TRUE(Has(pr, "category"));
  EXPECT_TRUE(Has(pr, "total_investment"));
  EXPECT_TRUE(Has(pr, "latitude"));
}

TEST(ValidateProject, StartedNeedsAnActualStartDate) {
  Project p = Valid();
  p.stage = "started";
  EXPECT_TRUE(Has(ValidateProject(p, DefaultDictionaries(), kToday), "actual_start"));
  p.actual_start = Date{2026, 3, 10};
  EXPECT_TRUE(ValidateProject(p, DefaultDictionaries(), kToday).empty());
}

TEST(ValidateProject, CompletionComesAfterStart) {
  Project p = Valid();
  p.stage = "completed";
  p.actual_start = Date{2026, 3, 10};
  p.actual_completion = Date{2026, 3, 9};
  EXPECT_TRUE(Has(ValidateProject(p, DefaultDictionaries(), kToday), "actual_completion"));
  p.actual_completion = Date{2026, 3, 10};
  EXPECT_TRUE(ValidateProject(p, DefaultDictionaries(), kToday).empty());
  p.actual_start.reset();
  EXPECT_TRUE(Has(ValidateProject(p, DefaultDictionaries(), kToday), "actual_completion"));
}

TEST(ValidateProject, ActualDatesCannotBeInTheFuture) {
  Project p = Valid();
  p.actual_start = Date{2026, 6, 16};
  EXPECT_TRUE(Has(ValidateProject(p, DefaultDictionaries(), kToday), "actual_start"));
  p.actual_start = kToday;
  EXPECT_TRUE(ValidateProject(p, DefaultDictionaries(), kToday).empty());
}

TEST(ValidateProject, InactiveDictionaryEntriesAreRefused) {
  auto dicts = DefaultDictionaries();
  dicts["category"][0].active = false;  // industrial
  EXPECT_TRUE(Has(ValidateProject(Valid(), dicts, kToday), "category"));
}

TEST(StageWorkflow, ForwardSkipsAndOneStepBack) {
  EXPECT_TRUE(StageTransitionAllowed("planned", "started"));
  EXPECT_TRUE(StageTransitionAllowed("started", "completed"));
  EXPECT_TRUE(StageTransitionAllowed("completed", "started"));
  EXPECT_FALSE(StageTransitionAllowed("operating", "planned"));
  EXPECT_FALSE(StageTransitionAllowed("signed", "completed"));
  EXPECT_TRUE(StageTransitionAllowed("custom", "planned"));  // admin-added stage: unconstrained
}

TEST(ApplyPatch, AppliesTypedFieldsAndRefusesUnknownOnes) {
  Project p = Valid();
  ASSERT_TRUE(ApplyPatch(
      p, {{"name", "新"}, {"total_investment", 120000000}, {"planned_start", "2026-03-01"}, {"version", 7}}));
  EXPECT_EQ(p.name, "新");
  EXPECT_EQ(p.total_investment, 120000000);
  EXPECT_EQ(p.planned_start, (Date{2026, 3, 1}));

  Project q = Valid();
  auto st = ApplyPatch(q, {{"name", 5}, {"colour", "red"}, {"planned_start", "3/1"}});
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().details.size(), 3u);
  EXPECT_EQ(q.name, Valid().name);  // nothing applied
}

TEST(Diff, ListsOnlyChangedFields) {
  Project a = Valid();
  Project b = a;
  b.name = "改名";
  b.land_mu = 12.5;
  auto changes = Diff(ToJson(a), ToJson(b));
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].field, "name");
  EXPECT_EQ(changes[0].old_value, "阿胶生物科技产业园项目");
  EXPECT_EQ(changes[0].new_value, "改名");
  EXPECT_EQ(changes[1].field, "land_mu");
  EXPECT_TRUE(changes[1].old_value.is_null());
}

}  // namespace
}  // namespace gj::ledger

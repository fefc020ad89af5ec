#include "domain/ledger/stage_dates.h"

#include <gtest/gtest.h>

namespace gj::ledger {
namespace {

const std::optional<Date> kStart = Date{2026, 3, 2};
const std::optional<Date> kDone = Date{2026, 9, 30};
const std::optional<Date> kNone;

TEST(StageDates, BackBeforeStartIsFromAStartedStageToOneBeforeIt) {
  // 开工 → 签约 is the workflow's one step back before 开工.
  EXPECT_TRUE(MovesBackBeforeStart("started", "signed"));
  EXPECT_TRUE(MovesBackBeforeStart("started", "reserve"));
  EXPECT_TRUE(MovesBackBeforeStart("operating", "planned"));
  // Forward, within the started stages, or between stages before 开工: nothing taken back.
  EXPECT_FALSE(MovesBackBeforeStart("signed", "started"));
  EXPECT_FALSE(MovesBackBeforeStart("completed", "started"));
  EXPECT_FALSE(MovesBackBeforeStart("signed", "reserve"));
  EXPECT_FALSE(MovesBackBeforeStart("started", "started"));
  // A stage an admin added has no known place: moving there or from there takes nothing back.
  EXPECT_FALSE(MovesBackBeforeStart("started", "suspended"));
  EXPECT_FALSE(MovesBackBeforeStart("suspended", "signed"));
}

TEST(StageDates, BackBeforeCompletionIncludesBackBeforeStart) {
  EXPECT_TRUE(MovesBackBeforeCompletion("completed", "started"));
  EXPECT_TRUE(MovesBackBeforeCompletion("started", "signed"));  // not started → not completed
  EXPECT_FALSE(MovesBackBeforeCompletion("operating", "completed"));
  EXPECT_FALSE(MovesBackBeforeCompletion("started", "completed"));
  EXPECT_FALSE(MovesBackBeforeCompletion("completed", "suspended"));
}

TEST(StageDates, OnlySetDatesAreTakenBack) {
  // 开工 → 签约 with a start date 2026-03-02: that date, with its reason code.
  auto undone = DatesUndoneByMove("started", "signed", kStart, kNone);
  ASSERT_EQ(undone.size(), 1u);
  EXPECT_EQ(undone[0].field, "actual_start");
  EXPECT_EQ(undone[0].date, (Date{2026, 3, 2}));
  EXPECT_EQ(undone[0].reason, "stage.back_before_start");
  // 竣工 → 开工 keeps the start and takes the completion back.
  undone = DatesUndoneByMove("completed", "started", kStart, kDone);
  ASSERT_EQ(undone.size(), 1u);
  EXPECT_EQ(undone[0].field, "actual_completion");
  EXPECT_EQ(undone[0].date, (Date{2026, 9, 30}));
  EXPECT_EQ(undone[0].reason, "stage.back_before_completion");
  // A started project with a stray completion date moved to 签约: both, start first.
  undone = DatesUndoneByMove("started", "signed", kStart, kDone);
  ASSERT_EQ(undone.size(), 2u);
  EXPECT_EQ(undone[0].field, "actual_start");
  EXPECT_EQ(undone[1].field, "actual_completion");
  // No dates (an old row), or a forward move: nothing.
  EXPECT_TRUE(DatesUndoneByMove("started", "signed", kNone, kNone).empty());
  EXPECT_TRUE(DatesUndoneByMove("signed", "started", kStart, kNone).empty());
  EXPECT_TRUE(DatesUndoneByMove("operating", "completed", kStart, kDone).empty());
}

}  // namespace
}  // namespace gj::ledger

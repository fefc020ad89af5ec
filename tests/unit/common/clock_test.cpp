#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>

#include "common/clock.h"

namespace gj {
namespace {

// 2026-06-15T01:00:00Z (09:00 in Beijing), in Unix seconds: 20619 days after 1970-01-01.
constexpr int64_t kMonday0900 = 20619LL * 86400 + 3600;

TEST(Clock, ParsesTheFormsPeopleWrite) {
  EXPECT_EQ(ParseInstant("2026-06-15"), kMonday0900);  // a date alone: 09:00 China Standard Time
  EXPECT_EQ(ParseInstant("2026-06-15T09:00:00+08:00"), kMonday0900);
  EXPECT_EQ(ParseInstant("2026-06-15T09:00+0800"), kMonday0900);
  EXPECT_EQ(ParseInstant("2026-06-15T01:00:00Z"), kMonday0900);
  EXPECT_EQ(ParseInstant("2026-06-15 09:00"), kMonday0900);  // no zone: China Standard Time
  EXPECT_EQ(ParseInstant("2026-06-14T20:00:00-05:00"), kMonday0900);
  EXPECT_EQ(ParseInstant("2026-06-15T09:00:30+08:00"), kMonday0900 + 30);
}

TEST(Clock, RefusesWhatIsNotAnInstant) {
  for (const char* bad : {"", "tomorrow", "2026-6-15", "2026-02-30", "2026-06-15T24:00", "2026-06-15T09:60",
                          "2026-06-15T09:00:00+08", "2026-06-15T09:00:00+15:00", "2026-06-15X09:00",
                          "1969-12-31", "2026-06-15T09:00:00Zjunk", "2026-06-15T09"}) {
    EXPECT_FALSE(ParseInstant(bad)) << bad;
  }
}

TEST(Clock, ChinaDayOfAnInstant) {
  EXPECT_EQ(ChinaDayOf(*ParseInstant("2026-12-31T15:59:59Z")), (Date{2026, 12, 31}));
  EXPECT_EQ(ChinaDayOf(*ParseInstant("2026-12-31T16:00:00Z")), (Date{2027, 1, 1}));  // midnight in Beijing
  EXPECT_EQ(ChinaDayOf(*ParseInstant("2028-02-29T00:30:00+08:00")), (Date{2028, 2, 29}));
  EXPECT_EQ(UtcIsoOf(kMonday0900), "2026-06-15T01:00:00Z");
}

TEST(Clock, PinnedFromTheEnvironmentAndRunsOn) {
  ::setenv(kClockVariable, "2027-01-01T00:30:00+08:00", 1);
  ASSERT_TRUE(PinClockFromEnvironment());
  EXPECT_TRUE(ClockPinned());
  EXPECT_EQ(TodayChina(), (Date{2027, 1, 1}));
  const int64_t pinned = *ParseInstant("2027-01-01T00:30:00+08:00");
  EXPECT_GE(NowUnixSeconds(), pinned);
  EXPECT_LE(NowUnixSeconds(), pinned + 60);  // it runs on from there, in real time
  EXPECT_EQ(NowUtcIso().substr(0, 16), "2026-12-31T16:30");

  // A malformed value is refused, names the variable and leaves the clock as it was.
  ::setenv(kClockVariable, "next monday", 1);
  auto bad = PinClockFromEnvironment();
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kBadRequest);
  EXPECT_NE(bad.error().message.find("GONGJIAN_NOW"), std::string::npos);
  EXPECT_NE(bad.error().message.find("next monday"), std::string::npos);
  EXPECT_EQ(TodayChina(), (Date{2027, 1, 1}));
  ::unsetenv(kClockVariable);
  UnpinClock();
}

// The one test that reads the real clock: unpinned, the product's clock is the system's.
TEST(Clock, UnpinnedIsTheSystemClock) {
  ::unsetenv(kClockVariable);
  ASSERT_TRUE(PinClockFromEnvironment());  // unset: nothing to pin, no error
  EXPECT_FALSE(ClockPinned());
  const int64_t system =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  EXPECT_LE(std::llabs(NowUnixSeconds() - system), 2);
  EXPECT_EQ(TodayChina(), ChinaDayOf(system));
}

}  // namespace
}  // namespace gj

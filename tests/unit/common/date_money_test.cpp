#include <gtest/gtest.h>

#include "common/date.h"
#include "common/money.h"

namespace gj {
namespace {

TEST(Date, RoundTripsThroughDays) {
  EXPECT_EQ(Date({1970, 1, 1}).ToDays(), 0);
  EXPECT_EQ(Date({2026, 3, 15}).ToDays(), 20527);
  EXPECT_EQ(Date::FromDays(20527), (Date{2026, 3, 15}));
  EXPECT_EQ(Date({2024, 2, 29}).AddDays(1), (Date{2024, 3, 1}));
}

TEST(Date, IsoWeekday) {
  EXPECT_EQ(Date({2026, 11, 23}).IsoWeekday(), 1);  // a Monday
  EXPECT_EQ(Date({2026, 11, 29}).IsoWeekday(), 7);
}

TEST(Date, ParsesWhatOfficesType) {
  EXPECT_EQ(ParseLooseDate("2026-03-15"), (Date{2026, 3, 15}));
  EXPECT_EQ(ParseLooseDate("2026/3/15"), (Date{2026, 3, 15}));
  EXPECT_EQ(ParseLooseDate("2026年3月5日"), (Date{2026, 3, 5}));
  // Excel serial 46096 = 2026-03-15 (25569 = 1970-01-01, + 20527 days).
  EXPECT_EQ(ParseLooseDate("46096"), (Date{2026, 3, 15}));
  EXPECT_FALSE(ParseLooseDate("2026-02-30"));
  EXPECT_FALSE(ParseLooseDate("next week"));
  EXPECT_FALSE(ParseIsoDate("2026/03/15"));
}

TEST(Date, ChinaDayOfAUtcTimestamp) {
  // UTC+8: 15:59:59Z is still the same day in China, 16:00:00Z is the next one.
  EXPECT_EQ(ChinaDayOfUtc("2026-06-09T15:59:59Z"), (Date{2026, 6, 9}));
  EXPECT_EQ(ChinaDayOfUtc("2026-06-09T16:00:00Z"), (Date{2026, 6, 10}));
  EXPECT_EQ(ChinaDayOfUtc("2026-12-31T20:00:00Z"), (Date{2027, 1, 1}));
  EXPECT_FALSE(ChinaDayOfUtc("2026-06-09").has_value());
  EXPECT_FALSE(ChinaDayOfUtc("2026-06-09T25:00:00Z").has_value());
  EXPECT_FALSE(ChinaDayOfUtc("").has_value());
}

TEST(Money, ParsesWanExactly) {
  EXPECT_EQ(ParseWanToYuan("1234.5"), 12345000);
  EXPECT_EQ(ParseWanToYuan("0.0001"), 1);
  EXPECT_EQ(ParseWanToYuan("-3"), -30000);
  EXPECT_EQ(ParseWanToYuan("1,000"), 10000000);
  EXPECT_FALSE(ParseWanToYuan("0.00001"));
  EXPECT_FALSE(ParseWanToYuan("abc"));
  EXPECT_FALSE(ParseWanToYuan(""));
}

TEST(Money, FormatsWanWithTwoDecimals) {
  EXPECT_EQ(FormatYuanAsWan(12345000), "1234.50");
  EXPECT_EQ(FormatYuanAsWan(12345), "1.23");
  EXPECT_EQ(FormatYuanAsWan(12350), "1.24");  // half away from zero
  EXPECT_EQ(FormatYuanAsWan(-12350), "-1.24");
  EXPECT_EQ(FormatYuanAsWan(0), "0.00");
}

}  // namespace
}  // namespace gj

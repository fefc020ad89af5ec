// Calendar dates without time zones. Domain rules take a Date "as of" argument instead of
// reading the clock; only the CLI and API edges turn the clock (common/clock.h) into a Date.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gj {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  // Days since 1970-01-01 (proleptic Gregorian).
  int64_t ToDays() const;
  static Date FromDays(int64_t days);
  // "2026-03-15"
  std::string ToString() const;
  Date AddDays(int64_t n) const { return FromDays(ToDays() + n); }
  // Monday = 1 … Sunday = 7
  int IsoWeekday() const;

  auto operator<=>(const Date&) const = default;
  bool operator==(const Date&) const = default;
};

// ISO 8601 weeks: Monday to Sunday; week 1 holds the year's first Thursday, so the days of a week
// that spans two years (2026-12-28 … 2027-01-03 is 2026-W53) belong to the year of its Thursday.
struct IsoWeek {
  int year = 1970;
  int week = 1;
};
IsoWeek IsoWeekOf(const Date& d);
Date IsoWeek1Monday(int iso_year);

bool IsValidDate(int y, int m, int d);
int DaysInMonth(int y, int m);

// Strict ISO "YYYY-MM-DD".
std::optional<Date> ParseIsoDate(std::string_view s);
// What offices type into spreadsheets: 2026-03-15, 2026/3/15, 2026.3.15, 2026年3月15日, or an
// Excel date serial (1900 system, e.g. 46096).
std::optional<Date> ParseLooseDate(std::string_view s);
Date FromExcelSerial(int64_t serial);
int64_t ToExcelSerial(const Date& d);

// The China Standard Time calendar day of a stored UTC timestamp ("2026-11-23T17:15:00Z" →
// 2026-11-24), the day people saw on their clocks; empty when malformed.
std::optional<Date> ChinaDayOfUtc(std::string_view utc_iso);

}  // namespace gj

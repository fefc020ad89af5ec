#include "common/date.h"

#include <cstdio>
#include <string>
#include <vector>

namespace gj {

namespace {
// H. Hinnant's civil-from-days algorithms.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// Splits on any non-digit run; returns the digit groups.
std::vector<std::string> DigitGroups(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      cur += c;
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}
}  // namespace

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

bool IsValidDate(int y, int m, int d) {
  return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

int64_t Date::ToDays() const { return DaysFromCivil(year, month, day); }

Date Date::FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

std::string Date::ToString() const {
  // Hot (every date of every listed project): digits by hand instead of snprintf.
  if (year < 0 || year > 9999) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  std::string out = "0000-00-00";
  out[0] = static_cast<char>('0' + year / 1000);
  out[1] = static_cast<char>('0' + year / 100 % 10);
  out[2] = static_cast<char>('0' + year / 10 % 10);
  out[3] = static_cast<char>('0' + year % 10);
  out[5] = static_cast<char>('0' + month / 10 % 10);
  out[6] = static_cast<char>('0' + month % 10);
  out[8] = static_cast<char>('0' + day / 10 % 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

int Date::IsoWeekday() const {
  const int64_t z = ToDays();  // 1970-01-01 was a Thursday (4)
  int64_t w = (z + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

Date IsoWeek1Monday(int iso_year) {
  const Date jan4{iso_year, 1, 4};  // week 1 is the week with the year's first Thursday, so with Jan 4
  return jan4.AddDays(1 - jan4.IsoWeekday());
}

IsoWeek IsoWeekOf(const Date& d) {
  const Date monday = d.AddDays(1 - d.IsoWeekday());
  const int year = monday.AddDays(3).year;  // the ISO year is the year of the week's Thursday
  return {year, static_cast<int>((monday.ToDays() - IsoWeek1Monday(year).ToDays()) / 7) + 1};
}

std::optional<Date> ParseIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (!IsValidDate(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

Date FromExcelSerial(int64_t serial) {
  // Serial 25569 is 1970-01-01 (Excel counts the fictitious 1900-02-29, valid after it).
  return Date::FromDays(serial - 25569);
}

int64_t ToExcelSerial(const Date& d) { return d.ToDays() + 25569; }

std::optional<Date> ParseLooseDate(std::string_view raw) {
  size_t b = 0, e = raw.size();
  while (b < e && (raw[b] == ' ' || raw[b] == '\t')) ++b;
  while (e > b && (raw[e - 1] == ' ' || raw[e - 1] == '\t')) --e;
  std::string_view s = raw.substr(b, e - b);
  if (s.empty()) return std::nullopt;
  if (auto iso = ParseIsoDate(s)) return iso;
  // A plain number (possibly "46096.0") is an Excel serial.
  bool numeric = true;
  for (char c : s) numeric = numeric && ((c >= '0' && c <= '9') || c == '.');
  if (numeric) {
    const double v = std::stod(std::string(s));
    if (v >= 1 && v < 2958466) return FromExcelSerial(static_cast<int64_t>(v));
    return std::nullopt;
  }
  auto groups = DigitGroups(s);
  if (groups.size() != 3 || groups[0].size() != 4 || groups[1].size() > 2 || groups[2].size() > 2) {
    return std::nullopt;
  }
  const int y = std::stoi(groups[0]), m = std::stoi(groups[1]), d = std::stoi(groups[2]);
  if (!IsValidDate(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

std::optional<Date> ChinaDayOfUtc(std::string_view s) {
  if (s.size() < 19 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
  auto day = ParseIsoDate(s.substr(0, 10));
  if (!day) return std::nullopt;
  auto two = [&](size_t at) {
    const char a = s[at], b = s[at + 1];
    return a >= '0' && a <= '9' && b >= '0' && b <= '9' ? (a - '0') * 10 + (b - '0') : -1;
  };
  const int h = two(11), m = two(14), sec = two(17);
  if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 60) return std::nullopt;
  return h + 8 >= 24 ? day->AddDays(1) : *day;
}

}  // namespace gj

#include "common/money.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace gj {

std::optional<int64_t> ParseWanToYuan(std::string_view raw) {
  size_t b = 0, e = raw.size();
  while (b < e && raw[b] == ' ') ++b;
  while (e > b && raw[e - 1] == ' ') --e;
  std::string_view s = raw.substr(b, e - b);
  if (s.empty()) return std::nullopt;
  bool negative = false;
  if (s[0] == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  int64_t whole = 0;
  int64_t frac = 0;
  int frac_digits = 0;
  bool seen_dot = false, seen_digit = false;
  for (char c : s) {
    if (c == ',' && !seen_dot) continue;
    if (c == '.' && !seen_dot) {
      seen_dot = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    if (seen_dot) {
      if (++frac_digits > 4) {
        if (c != '0') return std::nullopt;  // sub-yuan precision is not money we keep
        --frac_digits;
        continue;
      }
      frac = frac * 10 + (c - '0');
    } else {
      if (whole > (std::numeric_limits<int64_t>::max() / 10 - 9) / kYuanPerWan) return std::nullopt;
      whole = whole * 10 + (c - '0');
    }
  }
  if (!seen_digit) return std::nullopt;
  while (frac_digits < 4) {
    frac *= 10;
    ++frac_digits;
  }
  const int64_t yuan = whole * kYuanPerWan + frac;
  return negative ? -yuan : yuan;
}

std::optional<int64_t> WanDoubleToYuan(double wan) {
  if (!std::isfinite(wan) || std::fabs(wan) > 9e14) return std::nullopt;
  return static_cast<int64_t>(std::llround(wan * kYuanPerWan));
}

std::string FormatYuanAsWan(int64_t yuan) {
  const bool negative = yuan < 0;
  const uint64_t a = negative ? static_cast<uint64_t>(-(yuan + 1)) + 1 : static_cast<uint64_t>(yuan);
  uint64_t cents_of_wan = a / 100;  // 0.01 万元 = 100 yuan
  if (a % 100 >= 50) ++cents_of_wan;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s%llu.%02llu", negative && cents_of_wan ? "-" : "",
                static_cast<unsigned long long>(cents_of_wan / 100),
                static_cast<unsigned long long>(cents_of_wan % 100));
  return buf;
}

double YuanToWan(int64_t yuan) { return static_cast<double>(yuan) / kYuanPerWan; }

}  // namespace gj

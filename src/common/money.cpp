#include "common/money.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include <nlohmann/json.hpp>

#include "common/json_field.h"

namespace gj {

std::string AmountBoundReason() {
  return "rule plausible.amount_above_bound: above the bound of any amount, " +
         std::to_string(kMaxAmountYuan) + " yuan";
}

bool CheckAmount(Problems& pr, const std::string& field, int64_t yuan, bool may_be_negative) {
  if (!AmountInBounds(yuan)) {
    pr.Add(field, std::to_string(yuan), AmountBoundReason());
    return false;
  }
  if (yuan < 0 && !may_be_negative) {
    pr.Add(field, std::to_string(yuan), "must not be negative");
    return false;
  }
  return true;
}

std::optional<int64_t> AmountFromJson(const nlohmann::json& v, const std::string& field, Problems& pr,
                                      const std::string& not_integer_reason) {
  bool beyond = false;
  std::optional<int64_t> out;
  if (v.is_number_unsigned()) {
    const uint64_t u = v.get<uint64_t>();
    if (u <= static_cast<uint64_t>(kMaxAmountYuan)) out = static_cast<int64_t>(u);
    else beyond = true;
  } else if (v.is_number_integer()) {
    out = v.get<int64_t>();
    beyond = !AmountInBounds(*out);
  } else if (v.is_number_float()) {
    const double d = v.get<double>();
    if (std::isfinite(d) && std::trunc(d) == d) {
      beyond = std::fabs(d) > static_cast<double>(kMaxAmountYuan);
      if (!beyond) out = static_cast<int64_t>(d);
    }
  }
  if (beyond) {
    pr.Add(field, ShownValue(v), AmountBoundReason());
    return std::nullopt;
  }
  if (!out) pr.Add(field, ShownValue(v), not_integer_reason);
  return out;
}

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
  if (yuan > kMaxAmountYuan) return std::nullopt;
  return negative ? -yuan : yuan;
}

std::optional<int64_t> WanDoubleToYuan(double wan) {
  if (!std::isfinite(wan) || std::fabs(wan) > static_cast<double>(kMaxAmountYuan / kYuanPerWan))
    return std::nullopt;
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

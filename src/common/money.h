// Money is exact: amounts are stored as integer yuan. Offices write 万元 (10,000 yuan) with up to
// four decimals, which is still a whole number of yuan; 万元 is only a display unit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "common/result.h"

namespace gj {

constexpr int64_t kYuanPerWan = 10000;

// The bound of every amount the product accepts, through the API, the CLI or an import:
// |amount| ≤ 10^12 yuan (1 万亿元 = 1 亿万元), a hundred times the largest county project anyone
// lists, and far below where int64 yuan or the web's float 万元 lose precision (the bound of
// issue 13's plausibility rules, domain/ledger/plausibility.h, is this one). A sum of up to
// 9,000,000 amounts within it fits int64, so no total of a list can overflow; sums still use
// AddYuan, which cannot overflow whatever the database holds.
constexpr int64_t kMaxAmountYuan = 1'000'000'000'000;
inline bool AmountInBounds(int64_t yuan) { return yuan >= -kMaxAmountYuan && yuan <= kMaxAmountYuan; }
// "rule plausible.amount_above_bound: above the bound of any amount, 1000000000000 yuan": the
// plausibility rule's own reason (rule code plausible.amount_above_bound, figure max_yuan).
std::string AmountBoundReason();

// An amount stored before the bound, or written past the product, counted as the bound.
inline int64_t ClampYuan(int64_t yuan) {
  return yuan > kMaxAmountYuan ? kMaxAmountYuan : yuan < -kMaxAmountYuan ? -kMaxAmountYuan : yuan;
}

// acc + v without undefined behaviour: the exact sum, or the nearest int64 bound when the exact
// sum does not fit (only possible for amounts beyond kMaxAmountYuan, which no input lets in).
inline int64_t AddYuan(int64_t acc, int64_t v) {
  int64_t out = 0;
  if (!__builtin_add_overflow(acc, v, &out)) return out;
  return v > 0 ? INT64_MAX : INT64_MIN;
}

// The one check of an amount already read (a domain rule, an import): adds one problem naming
// `field` when it is negative (unless `may_be_negative`) or beyond the bound; true when fine.
bool CheckAmount(Problems& pr, const std::string& field, int64_t yuan, bool may_be_negative = false);
// An amount in yuan sent as JSON: an integer (3.0 counts as 3) within ±kMaxAmountYuan, else
// nothing and one problem (`not_integer_reason` when it is no integer at all).
std::optional<int64_t> AmountFromJson(
    const nlohmann::json& v, const std::string& field, Problems& pr,
    const std::string& not_integer_reason = "must be an integer amount in yuan");

// "1234.5" (万元) → 12345000 yuan. Accepts a leading '-', thousands separators (',') and
// surrounding spaces; refuses more than 4 decimals, empty input, an amount beyond kMaxAmountYuan
// and anything else.
std::optional<int64_t> ParseWanToYuan(std::string_view s);
// Same, from a spreadsheet number cell (rounded to the yuan; nothing beyond kMaxAmountYuan).
std::optional<int64_t> WanDoubleToYuan(double wan);
// 12345000 → "1234.50" (万元, two decimals, half away from zero).
std::string FormatYuanAsWan(int64_t yuan);
// 12345000 → 1234.5 (for charts and spreadsheet number cells).
double YuanToWan(int64_t yuan);

}  // namespace gj

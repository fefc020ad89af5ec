// Money is exact: amounts are stored as integer yuan. Offices write 万元 (10,000 yuan) with up to
// four decimals, which is still a whole number of yuan; 万元 is only a display unit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gj {

constexpr int64_t kYuanPerWan = 10000;

// "1234.5" (万元) → 12345000 yuan. Accepts a leading '-', thousands separators (',') and
// surrounding spaces; refuses more than 4 decimals, empty input and anything else.
std::optional<int64_t> ParseWanToYuan(std::string_view s);
// Same, from a spreadsheet number cell (rounded to the yuan).
std::optional<int64_t> WanDoubleToYuan(double wan);
// 12345000 → "1234.50" (万元, two decimals, half away from zero).
std::string FormatYuanAsWan(int64_t yuan);
// 12345000 → 1234.5 (for charts and spreadsheet number cells).
double YuanToWan(int64_t yuan);

}  // namespace gj

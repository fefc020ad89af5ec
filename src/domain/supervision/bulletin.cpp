#include "domain/supervision/bulletin.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "common/money.h"

namespace gj::supervision {

std::vector<RankRow> Rank(const std::vector<RankInput>& inputs) {
  std::map<std::string, RankRow> groups;
  for (const auto& in : inputs) {
    auto& g = groups[in.key];
    g.key = in.key;
    g.name = in.name;
    ++g.projects;
    if (in.is_new) {
      ++g.new_total;
      if (in.started) ++g.new_started;
    }
    g.annual_plan = AddYuan(g.annual_plan, in.annual_plan);
    g.completed = AddYuan(g.completed, in.completed);
  }
  std::vector<RankRow> out;
  for (auto& [_, g] : groups) out.push_back(g);
  auto key = [](const RankRow& r) {
    return std::make_pair(r.start_rate().value_or(-1), r.investment_rate().value_or(-1));
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const RankRow& a, const RankRow& b) { return key(a) > key(b); });
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].rank = i > 0 && key(out[i]) == key(out[i - 1]) ? out[i - 1].rank : static_cast<int>(i + 1);
  }
  return out;
}

std::string Wan(int64_t yuan) {
  // Exact: 万元 with two decimals from integer yuan (rounded half away from zero).
  const bool neg = yuan < 0;
  const int64_t a = neg ? -yuan : yuan;
  const int64_t cents_of_wan = (a + 50) / 100;  // 0.01 万元 = 100 yuan
  std::string whole = std::to_string(cents_of_wan / 100);
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%02d", static_cast<int>(cents_of_wan % 100));
  return (neg ? "-" : "") + grouped + frac;
}

std::string Percent(std::optional<double> share) {
  if (!share) return "—";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", *share * 100);
  return buf;
}

}  // namespace gj::supervision

#include "domain/enterprises/registry.h"

#include <algorithm>
#include <cstdlib>

namespace gj::enterprises {

const std::vector<std::string> kTags = {"backbone", "chain_leader", "hi_tech", "specialised", "foreign"};

std::string JoinTags(const std::vector<std::string>& tags, std::vector<std::string>* unknown) {
  std::string out;
  for (const auto& t : kTags) {
    if (std::find(tags.begin(), tags.end(), t) == tags.end()) continue;
    if (!out.empty()) out += ',';
    out += t;
  }
  if (unknown) {
    for (const auto& t : tags) {
      if (std::find(kTags.begin(), kTags.end(), t) == kTags.end()) unknown->push_back(t);
    }
  }
  return out;
}

std::vector<std::string> SplitTags(const std::string& stored) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= stored.size()) {
    const size_t end = std::min(stored.find(',', start), stored.size());
    if (end > start) out.push_back(stored.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool HasTag(const std::string& stored, const std::string& tag) {
  const auto tags = SplitTags(stored);
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

namespace {

// (a − b) × 1000 / b rounded half away from zero; b > 0.
int64_t Permille(int64_t a, int64_t b) {
  const __int128 num = static_cast<__int128>(a - b) * 1000;
  const __int128 q = num / b, r = num % b;
  if (2 * (r < 0 ? -r : r) >= b) return static_cast<int64_t>(num < 0 ? q - 1 : q + 1);
  return static_cast<int64_t>(q);
}

void Compare(const std::optional<int64_t>& now, const std::optional<int64_t>& before,
             std::optional<int64_t>& growth, std::optional<int64_t>& permille) {
  if (!now || !before) return;
  growth = *now - *before;
  if (*before > 0) permille = Permille(*now, *before);
}

}  // namespace

std::vector<YearGrowth> GrowthByYear(std::vector<YearFigures> years) {
  std::sort(years.begin(), years.end(),
            [](const YearFigures& a, const YearFigures& b) { return a.year > b.year; });
  std::vector<YearGrowth> out;
  for (size_t i = 0; i < years.size(); ++i) {
    const auto& y = years[i];
    YearGrowth g{y.year, y.revenue, y.tax, {}, {}, {}, {}};
    if (i + 1 < years.size() && years[i + 1].year == y.year - 1) {
      const auto& last = years[i + 1];
      Compare(y.revenue, last.revenue, g.revenue_growth, g.revenue_growth_permille);
      Compare(y.tax, last.tax, g.tax_growth, g.tax_growth_permille);
    }
    out.push_back(g);
  }
  return out;
}

bool GrewIn(const std::vector<YearGrowth>& growth, int year) {
  for (const auto& g : growth) {
    if (g.year == year) return g.revenue_growth && *g.revenue_growth > 0 && g.tax_growth && *g.tax_growth > 0;
  }
  return false;
}

}  // namespace gj::enterprises

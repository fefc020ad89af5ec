#include "domain/supervision/bulletin.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "common/money.h"
#include "domain/assessment/periodic_ranking.h"

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
  // The periodic-ranking engine with the bulletin's two rates, so that a rate with nothing due is
  // treated exactly as a ranking run treats it.
  assessment::Scheme scheme;
  scheme.name = "调度通报";
  scheme.metrics = {
      {"start_rate", assessment::MetricKind::kStartRate, kBulletinStartWeight,
       assessment::MetricScoring::kRatioToTarget, 1, 1, 0},
      {"investment_rate", assessment::MetricKind::kInvestmentRate, kBulletinInvestmentWeight,
       assessment::MetricScoring::kRatioToTarget, 1, 1, 0},
  };
  std::vector<assessment::SubjectFigures> figures;
  for (const auto& [key, g] : groups) {
    assessment::SubjectFigures f;
    f.subject = key;
    f.completion = 1;  // the bulletin has no red/yellow list of groups
    for (const auto& [id, rate] :
         {std::pair{"start_rate", g.start_rate()}, std::pair{"investment_rate", g.investment_rate()}}) {
      if (rate) f.values[id] = *rate;
      else f.not_applicable.insert(id);
    }
    figures.push_back(std::move(f));
  }
  std::vector<RankRow> out;
  auto run = assessment::ComputeRun(scheme, assessment::Period::kMonth, "", 1, figures, nullptr);
  if (!run) return out;  // not reached: the scheme and the rates are valid
  for (const auto& e : run->entries) {
    RankRow r = groups.at(e.subject);
    r.rank = e.rank;
    if (e.rank > 0) r.score = e.score;
    out.push_back(std::move(r));
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

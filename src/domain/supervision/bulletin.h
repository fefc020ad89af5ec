// 调度通报: the content of a dispatch bulletin for a period and region, and the rankings of
// towns and units by start rate and investment rate. Pure data and rules; io/ renders it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "domain/targets/target.h"

namespace gj::supervision {

// part / whole; none when the whole is 0 (nothing planned: no rate, not 0 %).
inline std::optional<double> RateOf(int64_t part, int64_t whole) {
  return whole ? std::optional(static_cast<double>(part) / static_cast<double>(whole)) : std::nullopt;
}

struct RankRow {
  std::string key, name;
  int64_t projects = 0;
  int64_t new_total = 0, new_started = 0;  // 新开工 projects and those started by the date
  int64_t annual_plan = 0, completed = 0;  // yuan
  std::optional<double> start_rate() const { return RateOf(new_started, new_total); }
  std::optional<double> investment_rate() const { return RateOf(completed, annual_plan); }
  // By the score of kBulletinScheme, ranked like a periodic ranking (assessment::ComputeRun): a rate
  // with nothing due (no new project, no annual plan) is not applicable (不适用) and its weight goes
  // to the other rate. 0 (and no score) when neither rate applies: listed last, not ranked.
  int rank = 0;
  std::optional<double> score;
};

// The bulletin's ranking of towns and units: 开工率 50 + 投资完成率 50, each 100·min(rate, 1).
inline constexpr double kBulletinStartWeight = 50, kBulletinInvestmentWeight = 50;

// One project's contribution to a ranking group.
struct RankInput {
  std::string key, name;
  bool is_new = false, started = false;
  int64_t annual_plan = 0, completed = 0;
};
// Groups, sums and ranks (1 = best; ties share a rank, within 1e-9, then by key).
std::vector<RankRow> Rank(const std::vector<RankInput>& inputs);

struct LightLine {
  std::string code, name, place, unit, reasons;
};

struct MissingLine {
  std::string unit, code, name, period, due;
};

struct StopLine {
  std::string code, name, since, reason;
};

// A project whose planned start is held up by preparatory procedures (前期手续).
struct ProcedureLine {
  std::string code, name, unit, planned_start, procedures;  // procedures: 施工许可、环评批复
};

struct Bulletin {
  std::string region_code, region_name, period, title;
  Date period_start, period_end, as_of;
  std::string generated_at;
  int64_t projects = 0, new_total = 0, new_started = 0;
  int64_t total_investment = 0, annual_plan = 0, completed = 0;
  std::optional<double> start_rate() const { return RateOf(new_started, new_total); }
  std::optional<double> investment_rate() const { return RateOf(completed, annual_plan); }
  int lights[3] = {0, 0, 0};  // green, yellow, red
  std::vector<std::pair<targets::Target, targets::TargetStatus>> targets;
  std::vector<RankRow> towns, units;
  std::vector<LightLine> red, yellow;
  std::vector<MissingLine> missing;
  std::vector<StopLine> stopped;
  std::vector<ProcedureLine> blocked;
  // From the problem list and the visit log (the other half of supervision); empty until they
  // are wired in, and the bulletin says so.
  bool has_problems = false, has_visits = false;
  std::vector<std::vector<std::string>>
      overdue_problems_by_unit;                            // unit, overdue, open, longest overdue days
  std::vector<std::vector<std::string>> visit_compliance;  // leader, projects, owed, met, rate
  std::string visit_rule;                                  // 每7天至少1次
};

// "1,234.56" 万元 from yuan.
std::string Wan(int64_t yuan);
// "62.5%" or "—".
std::string Percent(std::optional<double> share);

}  // namespace gj::supervision

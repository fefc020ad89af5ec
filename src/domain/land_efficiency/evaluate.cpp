#include "domain/land_efficiency/evaluate.h"

#include <algorithm>
#include <numeric>

namespace gj::land {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Numerator and denominator of an indicator (spec §3); ok is false when the indicator is missing
// (an input is NaN, or the denominator is not > 0).
struct Ratio {
  double num = 0;
  double den = 0;
  bool ok = false;
};

Ratio Make(double num, double den) { return {num, den, !std::isnan(num) && den > 0}; }

Ratio RatioOf(IndicatorId id, const Figures& e) {
  switch (id) {
    case IndicatorId::kTaxPerMu: return Make(std::max(e.tax, 0.0), e.land_mu);
    case IndicatorId::kRevenuePerEnergy: return Make(e.revenue, e.energy_tce);
    case IndicatorId::kRevenuePerEmission: return Make(e.revenue, e.emission_eq);
    // ×100 applied to the numerator so that whole-number inputs give exact percentages.
    case IndicatorId::kRdIntensity: return Make(e.rd_spend * 100, e.revenue);
    case IndicatorId::kLabourProductivity: return Make(e.value_added, e.employees);
    case IndicatorId::kRevenuePerMu: return Make(e.revenue, e.land_mu);
    case IndicatorId::kValueAddedPerMu: return Make(e.value_added, e.land_mu);
  }
  return {};
}

// The indicator score of a value (spec §4); B <= 0 (or none): 0 for everyone.
double ScoreOf(const IndicatorSpec& spec, const std::optional<double>& b, double x) {
  if (!b || !(*b > 0)) return 0;
  double q = std::max(x / *b, 0.0);
  if (spec.cap) q = std::min(q, *spec.cap);
  return spec.weight * q;
}

double Tolerance(double v) { return std::max(1e-9, std::fabs(v) * 1e-13); }

// One evaluated group: its members (input indices) and what the scheme says about it.
class GroupEvaluator {
 public:
  GroupEvaluator(const Scheme& scheme, const GroupScheme& gs, std::vector<uint32_t> members, Evaluation& ev,
                 std::vector<Evaluation::Column>& columns, const std::array<int, kIndicatorCount>& column)
      : scheme_(scheme),
        gs_(gs),
        all_(ev.figures),
        members_(std::move(members)),
        ev_(ev),
        columns_(columns),
        column_(column) {}

  GroupSummary Run(Group group) {
    summary_.group = group;
    summary_.count = static_cast<int>(members_.size());
    ScoreIndicators();
    Totals();
    RankAll();
    ClassifyAll();
    for (uint32_t i : members_) Consequences(i);  // in input order: no cache miss per member
    return summary_;
  }

 private:
  // Sums over the members with the indicator, in member order (what the benchmark divides).
  struct Sums {
    double num = 0, den = 0, sum_x = 0;
    int n = 0;
  };

  static std::optional<double> BenchmarkOf(const IndicatorSpec& spec, const Sums& sums) {
    if (spec.benchmark.mode == BenchmarkMode::kFixed) return spec.benchmark.value;
    if (sums.n == 0) return std::nullopt;
    if (spec.benchmark.mode == BenchmarkMode::kMean) return spec.benchmark.multiplier * (sums.sum_x / sums.n);
    return spec.benchmark.multiplier * (sums.num / sums.den);
  }

  // Every indicator of the group in one pass over the members for the benchmarks' sums and one
  // for the scores' sums (x is computed again from the figures: a division costs less than a
  // stored array's memory). Each indicator's sums add in member order, as they always did: the
  // same doubles. A missing indicator gets the mean s of the group in Totals().
  void ScoreIndicators() {
    const auto& specs = gs_.indicators;
    std::vector<Sums> sums(specs.size());
    ranked_.reserve(members_.size());
    for (uint32_t i : members_) {
      const Figures& e = all_[i];
      // What Totals() needs of the input besides the scores: the bonus − penalty (kept in `total`
      // until the scores are added) and the status. A veto wins over undetermined.
      const auto status = e.veto           ? EnterpriseStatus::kVetoed
                          : e.undetermined ? EnterpriseStatus::kUndetermined
                                           : EnterpriseStatus::kClassed;
      ranked_.push_back({e.bonus_minus_penalty, i, status});
      for (size_t j = 0; j < specs.size(); ++j) {
        const Ratio r = RatioOf(specs[j].id, e);
        if (!r.ok) continue;
        sums[j].num += r.num;
        sums[j].den += r.den;
        sums[j].sum_x += r.num / r.den;
        ++sums[j].n;
      }
    }
    benchmarks_.resize(specs.size());
    for (size_t j = 0; j < specs.size(); ++j) {
      benchmarks_[j] = BenchmarkOf(specs[j], sums[j]);
      summary_.benchmarks.emplace_back(specs[j].id, benchmarks_[j]);
      benchmark_[static_cast<int>(specs[j].id)] = benchmarks_[j].value_or(0);
    }
    std::vector<double> sum_s(specs.size(), 0.0);
    std::vector<int> have(specs.size(), 0);
    for (uint32_t i : members_) {
      for (size_t j = 0; j < specs.size(); ++j) {
        const Ratio r = RatioOf(specs[j].id, all_[i]);
        if (!r.ok) continue;
        sum_s[j] += ScoreOf(specs[j], benchmarks_[j], r.num / r.den);
        ++have[j];
      }
    }
    mean_s_.resize(specs.size());
    columns_.assign(ev_.indicators.size(), {});
    for (size_t j = 0; j < specs.size(); ++j) {
      mean_s_[j] = have[j] > 0 ? sum_s[j] / have[j] : 0.0;  // the missing-indicator rule
      columns_[static_cast<size_t>(column_[static_cast<int>(specs[j].id)])] = {true, specs[j], benchmarks_[j],
                                                                               mean_s_[j]};
    }
  }

  // An indicator's score for member i: its own, or the group's mean when it is missing.
  double Score(uint32_t i, size_t j) const {
    const Ratio r = RatioOf(gs_.indicators[j].id, all_[i]);
    return r.ok ? ScoreOf(gs_.indicators[j], benchmarks_[j], r.num / r.den) : mean_s_[j];
  }

  // Totals, and the group's members in one contiguous array for sorting and classing: with a
  // million enterprises, passes that chase indices into the input spent their time on cache misses.
  // 16 bytes an entry (the ranks are kept beside it), so the sort moves a third less memory.
  struct Ranked {
    double total;
    uint32_t index;
    EnterpriseStatus status;
  };

  void Totals() {
    const size_t n = gs_.indicators.size();
    for (Ranked& entry : ranked_) {
      double total = 0;
      for (size_t j = 0; j < n; ++j) total += Score(entry.index, j);
      total += entry.total;  // bonus − penalty, added last as always
      entry.total = total;
      ev_.results[entry.index].total = total;
    }
  }

  // Competition ranks (1, 2, 2, 4) over entries sorted by total, descending: 1 + the number of
  // entries whose total is higher by more than the tie tolerance.
  template <class TotalAt>
  static void Ranks(size_t n, TotalAt total_at, std::vector<int>& ranks) {
    ranks.resize(n);
    size_t better = 0;
    for (size_t k = 0; k < n; ++k) {
      const double t = total_at(k);
      while (total_at(better) > t + kTieTolerance) ++better;
      ranks[k] = static_cast<int>(better) + 1;
    }
  }

  void RankAll() {
    std::sort(ranked_.begin(), ranked_.end(), [](const Ranked& a, const Ranked& b) {
      return a.total != b.total ? a.total > b.total : a.index < b.index;
    });
    Ranks(
        ranked_.size(), [&](size_t k) { return ranked_[k].total; }, ranks_);
  }

  void ClassifyAll() {
    std::vector<const Ranked*> classed;  // by total descending, vetoed and undetermined left out
    for (const auto& r : ranked_) {
      if (r.status == EnterpriseStatus::kClassed) classed.push_back(&r);
      else if (r.status == EnterpriseStatus::kVetoed) ++summary_.vetoed;
      else ++summary_.undetermined;
    }
    const int n = static_cast<int>(classed.size());
    summary_.n = n;
    double share = 0;
    for (int c = 0; c < 3; ++c) {
      share += scheme_.class_shares[c];
      summary_.class_limits[c] = static_cast<int>(RoundHalfUp(n * share / 100.0));
    }
    std::vector<int> class_ranks;
    Ranks(
        classed.size(), [&](size_t k) { return classed[k]->total; }, class_ranks);
    std::vector<Class> klass(classed.size());
    for (size_t k = 0; k < classed.size(); ++k) {
      int c = 0;
      while (c < 3 && class_ranks[k] > summary_.class_limits[c]) ++c;
      klass[k] = static_cast<Class>(c);
      ++summary_.class_counts[c];
      lowest_total_[c] = classed[k]->total;  // sorted descending: the last one seen is the lowest
    }
    summary_.class_counts[3] += summary_.vetoed;
    size_t next_classed = 0;
    for (size_t k = 0; k < ranked_.size(); ++k) {
      const Ranked& entry = ranked_[k];
      EnterpriseResult& r = ev_.results[entry.index];
      r.rank = ranks_[k];
      r.status = entry.status;
      if (entry.status == EnterpriseStatus::kVetoed) r.klass = Class::kD;
      else if (entry.status == EnterpriseStatus::kClassed) r.klass = klass[next_classed++];
    }
  }

  void Consequences(uint32_t i) {
    EnterpriseResult& r = ev_.results[i];
    const Figures& e = all_[i];
    // Undetermined enterprises are "managed as B" (spec §5), so they pay B's rate.
    const std::optional<Class> rate_class = r.status == EnterpriseStatus::kUndetermined ? Class::kB : r.klass;
    if (rate_class && !std::isnan(e.electricity_kwh)) {
      const double rate = scheme_.surcharge_per_kwh[static_cast<int>(*rate_class)];
      r.surcharge_fen = RoundHalfUp(rate * e.electricity_kwh * 100);
    }
    if (r.status == EnterpriseStatus::kClassed && r.klass != Class::kA)
      r.tax_to_next_class_cents = TaxToNextClass(i);
  }

  std::optional<int64_t> TaxToNextClass(uint32_t i) const {
    const EnterpriseResult& r = ev_.results[i];
    const Figures& e = all_[i];
    const IndicatorSpec* tax = gs_.Find(IndicatorId::kTaxPerMu);
    if (!tax) return std::nullopt;
    const double b = benchmark_[static_cast<int>(IndicatorId::kTaxPerMu)];
    if (!(b > 0) || !(tax->weight > 0)) return std::nullopt;  // tax cannot move the score
    int better = static_cast<int>(*r.klass) - 1;
    while (better >= 0 && summary_.class_counts[better] == 0) --better;
    if (better < 0) return std::nullopt;
    const double s_tax = Score(i, static_cast<size_t>(tax - gs_.indicators.data()));
    const double needed = s_tax + (lowest_total_[better] - r.total);
    if (tax->cap && needed > tax->weight * *tax->cap + kTieTolerance) return std::nullopt;
    const double new_tax = needed * b / tax->weight * e.land_mu;
    // new_tax − tax cancels when the tax is large: the noise scales with the operands.
    return CeilTolerant((new_tax - e.tax) * 100, (std::fabs(new_tax) + std::fabs(e.tax)) * 100);
  }

  const Scheme& scheme_;
  const GroupScheme& gs_;
  const std::vector<Figures>& all_;
  std::vector<uint32_t> members_;
  std::vector<std::optional<double>> benchmarks_;  // of each indicator of gs_
  std::vector<double> mean_s_;                     // of each indicator of gs_, for the members missing it
  std::vector<Ranked> ranked_;
  std::vector<int> ranks_;  // of ranked_[k]
  Evaluation& ev_;
  std::vector<Evaluation::Column>& columns_;
  const std::array<int, kIndicatorCount>& column_;
  GroupSummary summary_;
  std::array<double, kIndicatorCount> benchmark_{};
  std::array<double, 4> lowest_total_{};  // of the classed members of each class (counts > 0)
};

}  // namespace

std::string_view GroupName(Group g) {
  switch (g) {
    case Group::kExcluded: return "excluded";
    case Group::kAbove: return "above";
    case Group::kBelow: return "below";
    case Group::kNotEvaluated: return "not_evaluated";
  }
  return "not_evaluated";
}

std::string_view StatusName(EnterpriseStatus s) {
  switch (s) {
    case EnterpriseStatus::kClassed: return "classed";
    case EnterpriseStatus::kUndetermined: return "undetermined";
    case EnterpriseStatus::kVetoed: return "vetoed";
    case EnterpriseStatus::kNotEvaluated: return "not_evaluated";
    case EnterpriseStatus::kExcluded: return "excluded";
  }
  return "not_evaluated";
}

Group GroupOf(std::string_view industry_code, bool above_scale, double land_mu, const Scheme& scheme) {
  for (const auto& prefix : scheme.excluded_industries) {
    if (industry_code.starts_with(prefix)) return Group::kExcluded;
  }
  if (above_scale) return Group::kAbove;
  if (land_mu >= scheme.below_min_mu) return Group::kBelow;
  return Group::kNotEvaluated;
}

Group GroupOf(const Enterprise& e, const Scheme& scheme) {
  return GroupOf(e.industry_code, e.above_scale, e.land_mu, scheme);
}

Figures FiguresOf(const Enterprise& e, const Scheme& scheme) {
  const auto opt = [](const std::optional<double>& v) { return v.value_or(Figures::kMissing); };
  Figures f;
  f.land_mu = e.land_mu;
  f.tax = e.tax;
  f.revenue = e.revenue;
  f.value_added = opt(e.value_added);
  f.energy_tce = opt(e.energy_tce);
  f.emission_eq = opt(e.emission_eq);
  f.rd_spend = opt(e.rd_spend);
  f.employees = opt(e.employees);
  f.electricity_kwh = opt(e.electricity_kwh);
  f.bonus_minus_penalty = e.bonus - e.penalty;
  f.group = GroupOf(e, scheme);
  f.veto = e.veto;
  f.undetermined = e.undetermined;
  return f;
}

void Evaluation::XS(size_t row, size_t col, double& x, double& s) const {
  x = s = kNaN;
  const Group g = figures[row].group;
  if (g != Group::kAbove && g != Group::kBelow) return;
  const auto& cols = columns[g == Group::kAbove ? 0 : 1];
  if (cols.empty() || !cols[col].scored) return;
  const Column& c = cols[col];
  const Ratio r = RatioOf(c.spec.id, figures[row]);
  if (!r.ok) {
    s = c.mean_s;
    return;
  }
  x = r.num / r.den;
  s = ScoreOf(c.spec, c.benchmark, x);
}

std::optional<double> Evaluation::X(size_t row, size_t col) const {
  double x, s;
  XS(row, col, x, s);
  return std::isnan(x) ? std::nullopt : std::optional<double>(x);
}

std::optional<double> Evaluation::S(size_t row, size_t col) const {
  double x, s;
  XS(row, col, x, s);
  return std::isnan(s) ? std::nullopt : std::optional<double>(s);
}

int64_t RoundHalfUp(double v) {
  const double eps = Tolerance(v);
  if (v >= 0) return static_cast<int64_t>(std::floor(v + 0.5 + eps));
  return -static_cast<int64_t>(std::floor(-v + 0.5 + eps));
}

int64_t CeilTolerant(double v, double scale) {
  const double nearest = std::round(v);
  if (std::fabs(v - nearest) <= std::max(Tolerance(v), scale * 1e-13)) return static_cast<int64_t>(nearest);
  return static_cast<int64_t>(std::ceil(v));
}

Evaluation Evaluate(const Scheme& scheme, std::span<const Enterprise> enterprises) {
  std::vector<Figures> figures;
  figures.reserve(enterprises.size());
  for (const auto& e : enterprises) figures.push_back(FiguresOf(e, scheme));
  return Evaluate(scheme, std::move(figures));
}

Evaluation Evaluate(const Scheme& scheme, std::vector<Figures> figures) {
  Evaluation ev;
  ev.indicators = scheme.AllIndicators();
  std::array<int, kIndicatorCount> column{};
  column.fill(-1);
  for (size_t c = 0; c < ev.indicators.size(); ++c)
    column[static_cast<int>(ev.indicators[c])] = static_cast<int>(c);
  ev.figures = std::move(figures);
  const size_t n = ev.figures.size();
  ev.results.resize(n);

  std::vector<uint32_t> above, below;  // rows < 2^32 (the readers cap them far below)
  GroupSummary excluded, not_evaluated;
  excluded.group = Group::kExcluded;
  not_evaluated.group = Group::kNotEvaluated;
  for (size_t i = 0; i < n; ++i) {
    EnterpriseResult& r = ev.results[i];
    r.group = ev.figures[i].group;
    // Vetoes and undetermined flags only matter inside an evaluated group: an excluded or
    // unevaluated enterprise keeps its status (it has no class to lose).
    r.status = r.group == Group::kExcluded ? EnterpriseStatus::kExcluded : EnterpriseStatus::kNotEvaluated;
    if (r.group == Group::kAbove && scheme.above) above.push_back(static_cast<uint32_t>(i));
    else if (r.group == Group::kBelow && scheme.below) below.push_back(static_cast<uint32_t>(i));
    else ++(r.group == Group::kExcluded ? excluded.count : not_evaluated.count);
  }
  if (scheme.above) {
    ev.groups.push_back(GroupEvaluator(scheme, *scheme.above, std::move(above), ev, ev.columns[0], column)
                            .Run(Group::kAbove));
  }
  if (scheme.below) {
    ev.groups.push_back(GroupEvaluator(scheme, *scheme.below, std::move(below), ev, ev.columns[1], column)
                            .Run(Group::kBelow));
  }
  ev.groups.push_back(excluded);
  ev.groups.push_back(not_evaluated);
  return ev;
}

}  // namespace gj::land

#include "domain/land_efficiency/evaluate.h"

#include <algorithm>
#include <numeric>

namespace gj::land {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Numerator and denominator of an indicator (spec §3); ok is false when the indicator is missing.
struct Ratio {
  double num = 0;
  double den = 0;
  bool ok = false;
};

Ratio Make(double num, double den) { return {num, den, den > 0}; }
Ratio Make(std::optional<double> num, std::optional<double> den) {
  if (!num || !den) return {};
  return Make(*num, *den);
}

Ratio RatioOf(IndicatorId id, const Enterprise& e) {
  switch (id) {
    case IndicatorId::kTaxPerMu: return Make(std::max(e.tax, 0.0), e.land_mu);
    case IndicatorId::kRevenuePerEnergy: return Make(e.revenue, e.energy_tce);
    case IndicatorId::kRevenuePerEmission: return Make(e.revenue, e.emission_eq);
    // ×100 applied to the numerator so that whole-number inputs give exact percentages.
    case IndicatorId::kRdIntensity: return e.rd_spend ? Make(*e.rd_spend * 100, e.revenue) : Ratio{};
    case IndicatorId::kLabourProductivity: return Make(e.value_added, e.employees);
    case IndicatorId::kRevenuePerMu: return Make(e.revenue, e.land_mu);
    case IndicatorId::kValueAddedPerMu: return e.value_added ? Make(*e.value_added, e.land_mu) : Ratio{};
  }
  return {};
}

double Tolerance(double v) { return std::max(1e-9, std::fabs(v) * 1e-13); }

// One evaluated group: its members (input indices) and what the scheme says about it.
class GroupEvaluator {
 public:
  GroupEvaluator(const Scheme& scheme, const GroupScheme& gs, std::span<const Enterprise> all,
                 std::vector<size_t> members, Evaluation& ev, const std::array<int, kIndicatorCount>& column)
      : scheme_(scheme), gs_(gs), all_(all), members_(std::move(members)), ev_(ev), column_(column) {}

  GroupSummary Run(Group group) {
    summary_.group = group;
    summary_.count = static_cast<int>(members_.size());
    ScoreIndicators();
    Totals();
    RankAll();
    ClassifyAll();
    for (size_t i : members_) Consequences(i);
    return summary_;
  }

 private:
  size_t Cell(size_t row, IndicatorId id) const {
    return row * ev_.indicators.size() + static_cast<size_t>(column_[static_cast<int>(id)]);
  }

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

  // Every indicator of the group in one pass over the members for x and the benchmarks' sums and
  // one over the values for s (a pass over the input per indicator spent its time on cache
  // misses). Each indicator's sums add in member order, as they always did: the same doubles.
  // A missing indicator keeps x = NaN (x is never NaN otherwise: den > 0, num finite) and gets
  // the mean s of the group in Totals().
  void ScoreIndicators() {
    const auto& specs = gs_.indicators;
    std::vector<Sums> sums(specs.size());
    ranked_.reserve(members_.size());
    for (size_t i : members_) {
      const Enterprise& e = all_[i];
      // What Totals() needs of the input, so that it need not read it again: the bonus − penalty
      // (kept in `total` until the scores are added) and the status. A veto wins over undetermined.
      const auto status = e.veto           ? EnterpriseStatus::kVetoed
                          : e.undetermined ? EnterpriseStatus::kUndetermined
                                           : EnterpriseStatus::kClassed;
      ranked_.push_back({e.bonus - e.penalty, static_cast<uint32_t>(i), status});  // rows < 2^32
      for (size_t j = 0; j < specs.size(); ++j) {
        const Ratio r = RatioOf(specs[j].id, e);
        if (!r.ok) continue;
        const double x = r.num / r.den;
        ev_.x[Cell(i, specs[j].id)] = x;
        sums[j].num += r.num;
        sums[j].den += r.den;
        sums[j].sum_x += x;
        ++sums[j].n;
      }
    }
    std::vector<std::optional<double>> b(specs.size());
    for (size_t j = 0; j < specs.size(); ++j) {
      b[j] = BenchmarkOf(specs[j], sums[j]);
      summary_.benchmarks.emplace_back(specs[j].id, b[j]);
      benchmark_[static_cast<int>(specs[j].id)] = b[j].value_or(0);
    }
    std::vector<double> sum_s(specs.size(), 0.0);
    std::vector<int> have(specs.size(), 0);
    for (size_t i : members_) {
      for (size_t j = 0; j < specs.size(); ++j) {
        const size_t cell = Cell(i, specs[j].id);
        const double x = ev_.x[cell];
        if (std::isnan(x)) continue;
        double s = 0;
        if (b[j] && *b[j] > 0) {  // B <= 0: s = 0 for everyone
          double q = std::max(x / *b[j], 0.0);
          if (specs[j].cap) q = std::min(q, *specs[j].cap);
          s = specs[j].weight * q;
        }
        ev_.s[cell] = s;
        sum_s[j] += s;
        ++have[j];
      }
    }
    mean_s_.resize(specs.size());
    for (size_t j = 0; j < specs.size(); ++j)
      mean_s_[j] = have[j] > 0 ? sum_s[j] / have[j] : 0.0;  // the missing-indicator rule
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
    const auto& specs = gs_.indicators;
    for (Ranked& entry : ranked_) {
      const size_t i = entry.index;
      double total = 0;
      for (size_t j = 0; j < specs.size(); ++j) {
        const size_t cell = Cell(i, specs[j].id);
        if (std::isnan(ev_.x[cell])) ev_.s[cell] = mean_s_[j];  // missing
        total += ev_.s[cell];
      }
      total += entry.total;  // bonus − penalty, added last as always
      entry.total = total;
      ev_.results[i].total = total;
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

  void Consequences(size_t i) {
    EnterpriseResult& r = ev_.results[i];
    const Enterprise& e = all_[i];
    // Undetermined enterprises are "managed as B" (spec §5), so they pay B's rate.
    const std::optional<Class> rate_class = r.status == EnterpriseStatus::kUndetermined ? Class::kB : r.klass;
    if (rate_class && e.electricity_kwh) {
      const double rate = scheme_.surcharge_per_kwh[static_cast<int>(*rate_class)];
      r.surcharge_fen = RoundHalfUp(rate * *e.electricity_kwh * 100);
    }
    if (r.status == EnterpriseStatus::kClassed && r.klass != Class::kA)
      r.tax_to_next_class_cents = TaxToNextClass(i);
  }

  std::optional<int64_t> TaxToNextClass(size_t i) const {
    const EnterpriseResult& r = ev_.results[i];
    const Enterprise& e = all_[i];
    const IndicatorSpec* tax = gs_.Find(IndicatorId::kTaxPerMu);
    if (!tax) return std::nullopt;
    const double b = benchmark_[static_cast<int>(IndicatorId::kTaxPerMu)];
    if (!(b > 0) || !(tax->weight > 0)) return std::nullopt;  // tax cannot move the score
    int better = static_cast<int>(*r.klass) - 1;
    while (better >= 0 && summary_.class_counts[better] == 0) --better;
    if (better < 0) return std::nullopt;
    const double s_tax = ev_.s[Cell(i, IndicatorId::kTaxPerMu)];
    const double needed = s_tax + (lowest_total_[better] - r.total);
    if (tax->cap && needed > tax->weight * *tax->cap + kTieTolerance) return std::nullopt;
    const double new_tax = needed * b / tax->weight * e.land_mu;
    // new_tax − tax cancels when the tax is large: the noise scales with the operands.
    return CeilTolerant((new_tax - e.tax) * 100, (std::fabs(new_tax) + std::fabs(e.tax)) * 100);
  }

  const Scheme& scheme_;
  const GroupScheme& gs_;
  std::span<const Enterprise> all_;
  std::vector<size_t> members_;
  std::vector<double> mean_s_;  // of each indicator of gs_, for the members missing it
  std::vector<Ranked> ranked_;
  std::vector<int> ranks_;  // of ranked_[k]
  Evaluation& ev_;
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

Group GroupOf(const Enterprise& e, const Scheme& scheme) {
  for (const auto& prefix : scheme.excluded_industries) {
    if (e.industry_code.starts_with(prefix)) return Group::kExcluded;
  }
  if (e.above_scale) return Group::kAbove;
  if (e.land_mu >= scheme.below_min_mu) return Group::kBelow;
  return Group::kNotEvaluated;
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
  Evaluation ev;
  ev.indicators = scheme.AllIndicators();
  std::array<int, kIndicatorCount> column{};
  column.fill(-1);
  for (size_t c = 0; c < ev.indicators.size(); ++c)
    column[static_cast<int>(ev.indicators[c])] = static_cast<int>(c);
  const size_t n = enterprises.size();
  ev.results.resize(n);
  ev.x.assign(n * ev.indicators.size(), kNaN);
  ev.s.assign(n * ev.indicators.size(), kNaN);

  std::vector<size_t> above, below;
  GroupSummary excluded, not_evaluated;
  excluded.group = Group::kExcluded;
  not_evaluated.group = Group::kNotEvaluated;
  for (size_t i = 0; i < n; ++i) {
    EnterpriseResult& r = ev.results[i];
    r.group = GroupOf(enterprises[i], scheme);
    // Vetoes and undetermined flags only matter inside an evaluated group: an excluded or
    // unevaluated enterprise keeps its status (it has no class to lose).
    r.status = r.group == Group::kExcluded ? EnterpriseStatus::kExcluded : EnterpriseStatus::kNotEvaluated;
    if (r.group == Group::kAbove && scheme.above) above.push_back(i);
    else if (r.group == Group::kBelow && scheme.below) below.push_back(i);
    else ++(r.group == Group::kExcluded ? excluded.count : not_evaluated.count);
  }
  if (scheme.above) {
    ev.groups.push_back(
        GroupEvaluator(scheme, *scheme.above, enterprises, std::move(above), ev, column).Run(Group::kAbove));
  }
  if (scheme.below) {
    ev.groups.push_back(
        GroupEvaluator(scheme, *scheme.below, enterprises, std::move(below), ev, column).Run(Group::kBelow));
  }
  ev.groups.push_back(excluded);
  ev.groups.push_back(not_evaluated);
  return ev;
}

}  // namespace gj::land

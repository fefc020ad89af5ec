#include "domain/assessment/periodic_ranking.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace gj::assessment {

namespace {

bool Finite(double v) { return std::isfinite(v); }

void ValidateScheme(const Scheme& scheme, Problems& problems) {
  if (scheme.metrics.empty()) problems.Add("metrics", "", "a scheme needs at least one metric");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < scheme.metrics.size(); ++i) {
    const Metric& m = scheme.metrics[i];
    const std::string f = "metrics[" + std::to_string(i) + "]";
    if (m.id.empty()) problems.Add(f + ".id", m.id, "must not be empty");
    if (!ids.insert(m.id).second) problems.Add(f + ".id", m.id, "duplicate metric id");
    if (!Finite(m.weight) || m.weight <= 0) problems.Add(f + ".weight", "", "must be > 0");
    if (m.scoring == MetricScoring::kRatioToTarget) {
      if (!Finite(m.target) || m.target <= 0) problems.Add(f + ".target", "", "must be > 0");
      if (!Finite(m.cap) || m.cap <= 0) problems.Add(f + ".cap", "", "must be > 0");
    } else if (!Finite(m.step) || m.step < 0) {
      problems.Add(f + ".step", "", "must be ≥ 0");
    }
  }
  const WarningRule& w = scheme.warning;
  if (!Finite(w.yellow_below) || w.yellow_below < 0) {
    problems.Add("warning.yellow_below", "", "must be ≥ 0");
  }
  if (w.red_after < 1) problems.Add("warning.red_after", std::to_string(w.red_after), "must be ≥ 1");
}

}  // namespace

Result<RankingRun> ComputeRun(const Scheme& scheme, Period period, std::string period_label, int version,
                              std::span<const SubjectFigures> figures, const RankingRun* previous) {
  Problems problems;
  ValidateScheme(scheme, problems);
  std::set<std::string> subjects;
  auto applies = [](const SubjectFigures& f, const Metric& m) { return !f.not_applicable.count(m.id); };
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const auto& f = figures[i];
    const std::string field = "figures[" + std::to_string(i) + "]";
    if (f.subject.empty()) problems.Add(field + ".subject", "", "must not be empty");
    if (!subjects.insert(f.subject).second) {
      problems.Add(field + ".subject", f.subject, "subject listed twice");
    }
    for (const auto& m : scheme.metrics) {
      if (!applies(f, m)) continue;
      auto it = f.values.find(m.id);
      if (it == f.values.end()) {
        problems.Add(field + "." + m.id, "", "missing figure");
      } else if (!Finite(it->second) || it->second < 0) {
        problems.Add(field + "." + m.id, "", "must be a number ≥ 0");
      }
    }
    if (f.completion && (!Finite(*f.completion) || *f.completion < 0)) {
      problems.Add(field + ".completion", "", "must be a number ≥ 0");
    }
  }
  if (!problems.empty()) return problems.ToError("cannot compute ranking run");

  // Metric scores of the applicable metrics; rank points need the whole field of subjects first.
  std::vector<std::map<std::string, double>> metric_scores(figures.size());
  for (const auto& m : scheme.metrics) {
    if (m.scoring == MetricScoring::kRatioToTarget) {
      for (std::size_t i = 0; i < figures.size(); ++i) {
        if (!applies(figures[i], m)) continue;
        double ratio = std::min(figures[i].values.at(m.id) / m.target, m.cap);
        metric_scores[i][m.id] = 100 * ratio;
      }
    } else {
      std::vector<RankItem> items;
      for (const auto& f : figures)
        if (applies(f, m)) items.push_back({f.subject, f.values.at(m.id)});
      std::map<std::string, int> rank_of;
      for (const auto& r : CompetitionRank(std::move(items))) rank_of[r.key] = r.rank;
      for (std::size_t i = 0; i < figures.size(); ++i) {
        if (!applies(figures[i], m)) continue;
        // Floor at 0 so a long list (more than 100/step subjects) never earns negative points.
        double points = 100 - m.step * (rank_of.at(figures[i].subject) - 1);
        metric_scores[i][m.id] = std::max(0.0, points);
      }
    }
  }

  // Σ_{applicable} w·s / Σ_{applicable} w; subjects no metric applies to are not ranked.
  std::vector<RankItem> totals;
  std::vector<std::size_t> unranked;
  std::map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    long double sum = 0;
    double weight_sum = 0;
    for (const auto& m : scheme.metrics) {
      if (!applies(figures[i], m)) continue;
      sum += m.weight * metric_scores[i].at(m.id);
      weight_sum += m.weight;
    }
    index_of[figures[i].subject] = i;
    if (weight_sum > 0) totals.push_back({figures[i].subject, static_cast<double>(sum / weight_sum)});
    else unranked.push_back(i);
  }

  std::map<std::string, const RunEntry*> before;
  if (previous) {
    for (const auto& e : previous->entries)
      if (e.rank > 0) before[e.subject] = &e;
  }
  auto not_applicable_of = [&](std::size_t i) {
    std::set<std::string> out;
    for (const auto& m : scheme.metrics)
      if (!applies(figures[i], m)) out.insert(m.id);
    return out;
  };

  RankingRun run{scheme.name, period, std::move(period_label), version, false, {}};
  for (auto& ranked : CompetitionRank(std::move(totals))) {
    const std::size_t i = index_of.at(ranked.key);
    RunEntry e;
    e.subject = ranked.key;
    e.score = ranked.score;
    e.rank = ranked.rank;
    e.metric_scores = metric_scores[i];
    e.not_applicable = not_applicable_of(i);
    if (figures[i].completion) {
      e.completion = *figures[i].completion;
    } else {
      long double done = 0;
      double weights = 0;
      for (const auto& m : scheme.metrics) {
        if (m.scoring != MetricScoring::kRatioToTarget || !applies(figures[i], m)) continue;
        done += m.weight * std::min(figures[i].values.at(m.id) / m.target, 1.0);
        weights += m.weight;
      }
      e.completion = weights > 0 ? static_cast<double>(done / weights) : e.score / 100;
    }
    auto prev = before.find(e.subject);
    if (prev == before.end()) {
      e.movement = Movement::kNew;
    } else {
      e.places_moved = prev->second->rank - e.rank;
      e.movement = e.places_moved > 0   ? Movement::kUp
                   : e.places_moved < 0 ? Movement::kDown
                                        : Movement::kSame;
    }
    // Strictly below the threshold: exactly 60 % completion is not yellow. The epsilon keeps
    // 0.6 computed as 3/5 from turning yellow by rounding.
    if (e.completion < scheme.warning.yellow_below - kTieEpsilon) {
      e.yellow_streak = (prev == before.end() ? 0 : prev->second->yellow_streak) + 1;
      e.light = e.yellow_streak >= scheme.warning.red_after ? Light::kRed : Light::kYellow;
    }
    run.entries.push_back(std::move(e));
  }
  std::sort(unranked.begin(), unranked.end(),
            [&](std::size_t a, std::size_t b) { return figures[a].subject < figures[b].subject; });
  for (const std::size_t i : unranked) {
    RunEntry e;
    e.subject = figures[i].subject;
    e.not_applicable = not_applicable_of(i);
    e.movement = Movement::kNone;
    run.entries.push_back(std::move(e));
  }
  return run;
}

std::map<std::string, double> SpreadWeights(std::span<const Metric> metrics,
                                            const std::set<std::string>& not_applicable) {
  double all = 0, applicable = 0;
  for (const auto& m : metrics) {
    all += m.weight;
    if (!not_applicable.count(m.id)) applicable += m.weight;
  }
  std::map<std::string, double> out;
  if (applicable <= 0) return out;
  for (const auto& m : metrics)
    if (!not_applicable.count(m.id)) out[m.id] = m.weight * all / applicable;
  return out;
}

int NextVersion(std::span<const RankingRun> stored, const std::string& scheme,
                const std::string& period_label) {
  int v = 0;
  for (const auto& r : stored) {
    if (r.scheme == scheme && r.period_label == period_label) v = std::max(v, r.version);
  }
  return v + 1;
}

Status Replace(RankingRun& stored, RankingRun recomputed) {
  if (stored.published) {
    return Error::Conflict("run " + stored.period_label + " v" + std::to_string(stored.version) +
                           " is published and frozen; store the recomputation as a new version");
  }
  recomputed.version = stored.version;
  stored = std::move(recomputed);
  return Ok{};
}

Status PublishRun(RankingRun& run) {
  if (run.published) return Error::Conflict("run is already published");
  run.published = true;
  return Ok{};
}

std::string MovementLabel(const RunEntry& entry) {
  switch (entry.movement) {
    case Movement::kUp: return "↑" + std::to_string(entry.places_moved);
    case Movement::kDown: return "↓" + std::to_string(-entry.places_moved);
    case Movement::kSame: return "—";
    case Movement::kNew: return "新";
    case Movement::kNone: return "";
  }
  return "";
}

}  // namespace gj::assessment

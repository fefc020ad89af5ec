#include "domain/assessment/chain_metrics.h"

namespace gj::assessment {

bool IsChainMetric(MetricKind kind) {
  switch (kind) {
    case MetricKind::kChainProjects:
    case MetricKind::kChainInvestment:
    case MetricKind::kLeadsSigned:
    case MetricKind::kProblemsNotOverdue:
    case MetricKind::kChainReportsOnTime:
    case MetricKind::kChainVisits: return true;
    default: return false;
  }
}

std::optional<double> ChainMetric(MetricKind kind, const ChainMetricFacts& f) {
  const auto& g = f.figures;
  switch (kind) {
    case MetricKind::kChainProjects: return static_cast<double>(f.projects);
    case MetricKind::kChainInvestment: return static_cast<double>(f.completed_investment);
    case MetricKind::kLeadsSigned:
      if (!g.leads_signed) return std::nullopt;  // not counted (the leads part fills it)
      return static_cast<double>(*g.leads_signed);
    case MetricKind::kProblemsNotOverdue:
      if (g.problems_open <= 0) return std::nullopt;  // no open problem
      return static_cast<double>(g.problems_open - g.problems_overdue) / static_cast<double>(g.problems_open);
    case MetricKind::kChainReportsOnTime: return g.reports.rate;  // empty: no report due
    case MetricKind::kChainVisits: return static_cast<double>(g.visits);
    default: return std::nullopt;
  }
}

}  // namespace gj::assessment

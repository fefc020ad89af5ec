// 链长制 assessment: a chain's figure for each chain metric of a ranking scheme, as of the run's
// date, from the chain's dated figures (chains::Figures over [period start, as of]). Pure. A metric
// with nothing due for the chain (no open problem, no weekly report due, leads not counted) has no
// figure: it is not applicable (不适用) and its weight goes to the chain's other metrics.
#pragma once

#include <cstdint>
#include <optional>

#include "domain/assessment/periodic_ranking.h"
#include "domain/chains/chain_figures.h"

namespace gj::assessment {

struct ChainMetricFacts {
  int64_t projects = 0;              // the chain's projects on as_of's year's list, not archived
  int64_t completed_investment = 0;  // yuan: Σ the year-to-date figures filed by as_of
  chains::ChainFigures figures;      // reports, visits, problems, leads over [period start, as_of]
};

// Whether the kind is one of a chain's (kChainProjects … kChainVisits).
bool IsChainMetric(MetricKind kind);

// The figure, or nothing when nothing was due (不适用):
//   chain_projects        projects                          always
//   chain_investment      completed_investment (yuan)       always
//   leads_signed          figures.leads_signed              不适用 while not counted (null)
//   problems_not_overdue  (open − overdue) / open           不适用 with no open problem
//   chain_reports_on_time on_time / due weekly reports      不适用 with no report due
//   chain_visits          visits in [period start, as_of]   always
// Any other kind: nothing.
std::optional<double> ChainMetric(MetricKind kind, const ChainMetricFacts& f);

}  // namespace gj::assessment

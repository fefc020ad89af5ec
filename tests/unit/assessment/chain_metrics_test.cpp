// A chain's figure per chain metric (链长制 assessment), and 不适用 when nothing was due.
#include "domain/assessment/chain_metrics.h"

#include <gtest/gtest.h>

namespace gj::assessment {
namespace {

TEST(ChainMetrics, FiguresAndNotApplicable) {
  ChainMetricFacts f;
  f.projects = 3;
  f.completed_investment = 250000000;
  f.figures.problems_open = 4;
  f.figures.problems_overdue = 1;
  f.figures.reports.due = 4;
  f.figures.reports.on_time = 3;
  f.figures.reports.rate = 0.75;
  f.figures.visits = 2;
  EXPECT_EQ(ChainMetric(MetricKind::kChainProjects, f), 3.0);
  EXPECT_EQ(ChainMetric(MetricKind::kChainInvestment, f), 250000000.0);
  EXPECT_EQ(ChainMetric(MetricKind::kProblemsNotOverdue, f), 0.75);  // (4 − 1) / 4
  EXPECT_EQ(ChainMetric(MetricKind::kChainReportsOnTime, f), 0.75);
  EXPECT_EQ(ChainMetric(MetricKind::kChainVisits, f), 2.0);
  // Leads not counted (the leads part has not filled them): 不适用; counted, even 0, applies.
  EXPECT_FALSE(ChainMetric(MetricKind::kLeadsSigned, f));
  f.figures.leads_signed = 0;
  EXPECT_EQ(ChainMetric(MetricKind::kLeadsSigned, f), 0.0);
  // No open problem, no report due: 不适用. No visit, no project: 0 (they always apply).
  ChainMetricFacts none;
  EXPECT_FALSE(ChainMetric(MetricKind::kProblemsNotOverdue, none));
  EXPECT_FALSE(ChainMetric(MetricKind::kChainReportsOnTime, none));
  EXPECT_EQ(ChainMetric(MetricKind::kChainVisits, none), 0.0);
  EXPECT_EQ(ChainMetric(MetricKind::kChainProjects, none), 0.0);
  // Not a chain metric: nothing.
  EXPECT_FALSE(IsChainMetric(MetricKind::kStartRate));
  EXPECT_TRUE(IsChainMetric(MetricKind::kChainVisits));
  EXPECT_FALSE(ChainMetric(MetricKind::kStartRate, f));
}

}  // namespace
}  // namespace gj::assessment

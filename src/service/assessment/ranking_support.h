// What the ranking service's two halves (schemes; runs and bulletins) share: the names of metric
// kinds, periods, movements and lights in the API, and the stored form of a run. Internal to
// src/service/assessment.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/assessment/periodic_ranking.h"
#include "service/assessment/ranking_service.h"
#include "store/assessment_store.h"

namespace gj::service::ranking_support {

struct SubjectKind {
  const char* name;          // town, department, chain, county
  const char* region_level;  // the level of the scheme's region ("" any): county → city
  const char* label;
};
const SubjectKind* SubjectKindOf(const std::string& name);  // null when unknown

std::optional<assessment::MetricKind> KindFrom(const std::string& s);
// Where a kind's figures come from: ledger, supervision, chain (链长制, chain subjects only) or manual.
const char* SourceOf(assessment::MetricKind k);
// Computed metrics (all but manual scores), and of those from supervision.
bool FromLedger(assessment::MetricKind k);
bool FromSupervision(assessment::MetricKind k);
const char* PeriodName(assessment::Period p);
std::optional<assessment::Period> PeriodFrom(const std::string& s);
const char* MovementName(assessment::Movement m);
assessment::Movement MovementFrom(const std::string& s);
const char* LightName(assessment::Light l);
assessment::Light LightFrom(const std::string& s);
bool IsNumber(const nlohmann::json& j);  // a finite number
double Round6(double v);                 // six decimals: what the API shows of a score
// The metrics a body defines, as stored; problems go to `pr`.
// A chain metric (source chain) in a scheme of another subject kind is a problem.
nlohmann::json MetricsFrom(const nlohmann::json& b, const std::string& subject_kind, Problems& pr);
// A metric's label: its own, else its kind's, else its id.
std::string LabelOf(const nlohmann::json& m);
// An entry as a run's stored body keeps it (scores to six decimals).
nlohmann::json EntryJson(const assessment::RunEntry& e);
RankingRunView RunViewOf(const store::RunRecord& r, const std::string& scheme_name);

}  // namespace gj::service::ranking_support

// SQL of the land-efficiency capability (tables le_*, migrations 30–49). Thin: rows in, rows out;
// the service owns the rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/access/read_scope.h"
#include "domain/land_efficiency/enterprise.h"
#include "store/db.h"

namespace gj::store {

struct LandDataRow {
  int64_t id = 0;  // le_data.id
  int64_t enterprise_id = 0;
  int year = 0;
  std::string county_code;
  std::string state;
  std::string return_reason;
  int64_t version = 0;
  land::Enterprise e;  // credit code, name, town… and the year's figures
};

// Inserts or updates the enterprise (by credit code) and its data of `year`; returns le_data.id.
// A re-import replaces the figures, sets the state back to submitted and bumps the version.
int64_t UpsertLandData(Connection& c, const std::string& county, int year, const land::Enterprise& e,
                       const std::string& now);
// Enterprises are read through a land.read scope (LandService::Remit): those of a county the scope
// holds whole, and those whose town (the name of a region under the enterprise's county) it holds.
// An empty scope reads nothing; ReadScope::All() every enterprise (a run, after land.evaluate).
// " AND (…)" for enterprises `alias`, as ScopeClause for projects.
std::string EnterpriseScopeClause(const access::ReadScope& scope, std::vector<Value>& params,
                                  const char* alias = "e");
std::vector<LandDataRow> ListLandData(Connection& c, const access::ReadScope& scope,
                                      const std::string& county, int year);
// nullopt when missing or outside the scope.
std::optional<LandDataRow> GetLandData(Connection& c, const access::ReadScope& scope, int64_t id);
// Optimistic update of figures and state; the 409 (StaleVersion) when the version is stale.
Status UpdateLandData(Connection& c, const LandDataRow& row, const std::string& now);
// County of an enterprise by credit code (to refuse moving one between counties by import).
std::optional<std::string> EnterpriseCounty(Connection& c, const std::string& credit_code);

struct SchemeRow {
  int64_t id = 0;
  int version = 0;
  std::string doc;
  std::string created_at;
};
std::optional<SchemeRow> CurrentScheme(Connection& c, const std::string& county);
int64_t InsertScheme(Connection& c, const std::string& county, int version, const std::string& doc,
                     const std::string& now, int64_t user_id);

struct RunRow {
  int64_t id = 0;
  std::string county_code;
  int year = 0;
  int run_no = 0;
  std::optional<int64_t> scheme_id;
  std::string scheme_doc;
  std::string input_doc;
  std::string state;
  std::string published_on;
  std::string finalized_on;
  int64_t version = 0;
  std::string created_at;
};
int64_t InsertRun(Connection& c, const RunRow& r, int64_t user_id);
std::optional<RunRow> GetRun(Connection& c, int64_t id, bool with_docs = true);
std::vector<RunRow> ListRuns(Connection& c, const std::string& county, std::optional<int> year);
int NextRunNo(Connection& c, const std::string& county, int year);
// Optimistic: state/published_on/finalized_on and version+1; the 409 (StaleVersion) when stale.
Status UpdateRun(Connection& c, const RunRow& r);

struct AdjustmentRow {
  int64_t id = 0;
  std::string credit_code, old_class, new_class, reason, source, at;
  std::optional<int64_t> user_id;
};
void InsertAdjustment(Connection& c, int64_t run_id, const AdjustmentRow& a);
std::vector<AdjustmentRow> ListAdjustments(Connection& c, int64_t run_id);

struct AppealRow {
  int64_t id = 0;
  int64_t run_id = 0;
  std::string credit_code, reason, filed_on, state, decision, new_class, decided_on;
  int64_t version = 0;
};
int64_t InsertAppeal(Connection& c, const AppealRow& a);
std::vector<AppealRow> ListAppeals(Connection& c, int64_t run_id);
std::optional<AppealRow> GetAppeal(Connection& c, int64_t id);
Status UpdateAppeal(Connection& c, const AppealRow& a);

struct PolicyRow {
  std::string klass;
  double land_mu = 0, energy_tce = 0, emission_t = 0;
  std::string note;
  int64_t version = 0;
};
std::vector<PolicyRow> ListPolicies(Connection& c, const std::string& county);
void UpsertPolicy(Connection& c, const std::string& county, const PolicyRow& p);

struct PolicyLedgerRow {
  std::string credit_code, name, klass;
  std::optional<int64_t> surcharge_fen;
  double land_mu = 0, energy_tce = 0, emission_t = 0;
};
void InsertPolicyLedger(Connection& c, int64_t run_id, const std::string& county, int year,
                        const PolicyLedgerRow& r);
std::vector<PolicyLedgerRow> ListPolicyLedger(Connection& c, int64_t run_id);

}  // namespace gj::store

#include "store/attraction_store.h"

#include "store/fields.h"
#include "store/journal.h"
#include "store/table.h"

namespace gj::store {

namespace {

const Fields<Lead> kLeadFields =
    GJ_COLUMNS(Lead, id, region_code, title, investor_credit_code, investor_name, source_region, industry,
               chain_id, expected_investment, expected_investment_usd, officer_id, leader_id, team_id,
               project_id, created_on, note, archived, version)
        .ReadOnly({"id", "version"})
        .OrNull({"investor_credit_code"})
        .JournaledAsBool({"archived"});
const Fields<LeadStep> kStepFields =
    GJ_COLUMNS(LeadStep, id, lead_id, step, dated_on, contract_no, attachments, note, created_at, created_by)
        .ReadOnly({"id"});
const Fields<FundsEntry> kFundsFields =
    GJ_COLUMNS(FundsEntry, id, lead_id, month, fixed_assets, working_capital, source_region, foreign_usd,
               evidence, version)
        .ReadOnly({"id", "version"})
        .Fixed({"lead_id"});

const Table kLeads = TableOf("leads", kLeadFields).With({"created_at", "updated_at"});
const Table kSteps = TableOf("lead_steps", kStepFields);
const Table kFunds = TableOf("funds_entries", kFundsFields).With({"created_at", "updated_at"});

// " AND (…)" of the leads `alias` a filter selects (an empty scope: nothing).
std::string LeadWhere(const LeadFilter& f, std::vector<Value>& params, const std::string& alias) {
  std::string w;
  if (!f.scope.all()) w += " AND " + alias + ".region_code IN (" + InList(f.scope.regions(), params) + ")";
  if (!f.include_archived) w += " AND " + alias + ".archived = 0";
  if (f.chain_id) {
    w += " AND " + alias + ".chain_id = ?";
    params.emplace_back(*f.chain_id);
  }
  if (f.leader_id) {
    w += " AND " + alias + ".leader_id = ?";
    params.emplace_back(*f.leader_id);
  }
  return w;
}

}  // namespace

nlohmann::json LeadCreatedChanges(const Lead& l) {
  return JournalCreated(kLeadFields, l,
                        {"region_code", "title", "investor_credit_code", "investor_name", "source_region",
                         "industry", "chain_id", "expected_investment", "expected_investment_usd",
                         "officer_id", "leader_id", "team_id", "project_id", "created_on"});
}
nlohmann::json LeadChanges(const Lead& before, const Lead& after) {
  return JournalDiff(kLeadFields, before, after);
}
nlohmann::json FundsChanges(const FundsEntry& before, const FundsEntry& after) {
  return JournalDiff(kFundsFields, before, after);
}
nlohmann::json FundsCreatedChanges(const FundsEntry& f) {
  return JournalCreated(
      kFundsFields, f,
      {"month", "fixed_assets", "working_capital", "source_region", "foreign_usd", "evidence"});
}
nlohmann::json StepChanges(const LeadStep& s) {
  return JournalCreated(kStepFields, s, {"step", "dated_on", "contract_no", "attachments", "note"});
}

int64_t InsertLead(Connection& c, const Lead& l, const std::string& now) {
  auto values = InsertValuesOf(kLeadFields, l);
  values.insert(values.end(), {{"created_at", now}, {"updated_at", now}});
  return InsertReturningId(c, kLeads, values);
}

std::optional<Lead> GetLead(Connection& c, const access::ReadScope& scope, int64_t id) {
  LeadFilter f;
  f.scope = scope;
  f.include_archived = true;
  std::vector<Value> params = {id};
  const std::string sql =
      "SELECT " + kLeads.Select("l") + " FROM leads l WHERE l.id = ?" + LeadWhere(f, params, "l");
  return ReadOne(c, sql, params, RecordOf(kLeadFields));
}

std::optional<int64_t> LeadOfProject(Connection& c, int64_t project_id, int64_t except) {
  return ReadOne(c, "SELECT id FROM leads WHERE project_id = ? AND id <> ? ORDER BY id", {project_id, except},
                 [](RowReader& r) { return r.Int("id"); });
}

std::vector<Lead> ListLeads(Connection& c, const LeadFilter& f) {
  std::vector<Value> params;
  const std::string sql = "SELECT " + kLeads.Select("l") + " FROM leads l WHERE 1=1" +
                          LeadWhere(f, params, "l") + " ORDER BY l.id";
  return ReadRows(c, sql, params, RecordOf(kLeadFields));
}

Status UpdateLead(Connection& c, const Lead& l, int64_t expected_version, const std::string& now) {
  auto values = ValuesOf(kLeadFields, l);
  values.emplace_back("updated_at", now);
  return UpdateVersioned(c, kLeads, "lead", values, l.id, expected_version);
}

Status TouchLead(Connection& c, int64_t id, int64_t expected_version, const std::string& now) {
  return UpdateVersioned(c, kLeads, "lead", {{"updated_at", now}}, id, expected_version);
}

int64_t InsertStep(Connection& c, const LeadStep& s) {
  return InsertReturningId(c, kSteps, InsertValuesOf(kStepFields, s));
}

void RedateStep(Connection& c, int64_t id, const Date& on) {
  UpdateWhere(c, kSteps, {{"dated_on", DateValue(on)}}, {{"id", id}});
}

std::vector<LeadStep> ListSteps(Connection& c, int64_t lead_id) {
  return ReadRows(c, "SELECT " + kSteps.Select() + " FROM lead_steps WHERE lead_id = ? ORDER BY dated_on, id",
                  {lead_id}, RecordOf(kStepFields));
}

std::optional<LeadStep> GetStep(Connection& c, int64_t id) {
  return ReadOne(c, "SELECT " + kSteps.Select() + " FROM lead_steps WHERE id = ?", {id},
                 RecordOf(kStepFields));
}

std::vector<LeadStep> ListStepsOf(Connection& c, const LeadFilter& f) {
  std::vector<Value> params;
  const std::string sql = "SELECT " + kSteps.Select("s") +
                          " FROM lead_steps s JOIN leads l ON l.id = s.lead_id WHERE 1=1" +
                          LeadWhere(f, params, "l") + " ORDER BY s.lead_id, s.dated_on, s.id";
  return ReadRows(c, sql, params, RecordOf(kStepFields));
}

int64_t InsertFunds(Connection& c, const FundsEntry& e, const std::string& now) {
  auto values = InsertValuesOf(kFundsFields, e);
  values.insert(values.end(), {{"created_at", now}, {"updated_at", now}});
  return InsertReturningId(c, kFunds, values);
}

std::optional<FundsEntry> GetFunds(Connection& c, int64_t id) {
  return ReadOne(c, "SELECT " + kFunds.Select() + " FROM funds_entries WHERE id = ?", {id},
                 RecordOf(kFundsFields));
}

Status UpdateFunds(Connection& c, const FundsEntry& e, int64_t expected_version, const std::string& now) {
  auto values = ValuesOf(kFundsFields, e);
  values.emplace_back("updated_at", now);
  return UpdateVersioned(c, kFunds, "funds entry", values, e.id, expected_version);
}

std::vector<FundsEntry> ListFunds(Connection& c, int64_t lead_id) {
  return ReadRows(c, "SELECT " + kFunds.Select() + " FROM funds_entries WHERE lead_id = ? ORDER BY month, id",
                  {lead_id}, RecordOf(kFundsFields));
}

std::vector<FundsEntry> ListFundsOf(Connection& c, const LeadFilter& f) {
  std::vector<Value> params;
  const std::string sql = "SELECT " + kFunds.Select("e") +
                          " FROM funds_entries e JOIN leads l ON l.id = e.lead_id WHERE 1=1" +
                          LeadWhere(f, params, "l") + " ORDER BY e.lead_id, e.month";
  return ReadRows(c, sql, params, RecordOf(kFundsFields));
}

}  // namespace gj::store

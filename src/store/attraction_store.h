// SQL of the attraction capability (tables leads, lead_steps, funds_entries; migrations 110–119).
// Thin: rows in, rows out; the service owns the rules. Every read of regional rows takes the
// caller's access::ReadScope (a lead is placed at its region_code: a county, town or zone); an
// empty scope reads nothing, ReadScope::All() everything.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/result.h"
#include "domain/access/read_scope.h"
#include "store/db.h"

namespace gj::store {

// A lead (招商线索). Its pipeline is its steps (lead_steps), never a column of its own.
struct Lead {
  int64_t id = 0;
  std::string region_code;
  std::string title;
  std::string investor_credit_code;  // "" when the investor is not (yet) a registered enterprise
  std::string investor_name;
  std::string source_region;  // where the investor comes from (北京市, 浙江省宁波市 …)
  std::string industry;
  std::optional<int64_t> chain_id;
  int64_t expected_investment = 0;      // yuan
  int64_t expected_investment_usd = 0;  // USD, foreign capital
  std::optional<int64_t> officer_id, leader_id, team_id, project_id;
  Date created_on;
  std::string note;
  bool archived = false;
  int64_t version = 1;
};

// One dated step of a lead: a pipeline step, a pause, a resume or the end.
struct LeadStep {
  int64_t id = 0;
  int64_t lead_id = 0;
  std::string step;
  Date dated_on;
  std::string contract_no;
  std::string attachments;  // evidence: file names or references, one a line
  std::string note;         // the reason of a pause or an end
  std::string created_at;
  std::optional<int64_t> created_by;
};

// A month's funds in place (到位资金) of a lead.
struct FundsEntry {
  int64_t id = 0;
  int64_t lead_id = 0;
  std::string month;                              // YYYY-MM
  int64_t fixed_assets = 0, working_capital = 0;  // yuan
  std::string source_region;                      // domestic source of the funds
  int64_t foreign_usd = 0;                        // foreign capital, USD
  std::string evidence;
  int64_t version = 1;
};

// Which leads a list reads: always within `scope`; the rest narrows it when set.
struct LeadFilter {
  access::ReadScope scope = access::ReadScope::None();
  std::optional<int64_t> chain_id, leader_id;
  bool include_archived = false;
};

nlohmann::json LeadCreatedChanges(const Lead& l);
nlohmann::json LeadChanges(const Lead& before, const Lead& after);
nlohmann::json FundsChanges(const FundsEntry& before, const FundsEntry& after);
nlohmann::json FundsCreatedChanges(const FundsEntry& f);
nlohmann::json StepChanges(const LeadStep& s);

int64_t InsertLead(Connection& c, const Lead& l, const std::string& now);
// nullopt when there is none or it lies outside the scope.
std::optional<Lead> GetLead(Connection& c, const access::ReadScope& scope, int64_t id);
std::vector<Lead> ListLeads(Connection& c, const LeadFilter& f);
// The lead (other than `except`) that links to the project, if any: a project is one lead's.
std::optional<int64_t> LeadOfProject(Connection& c, int64_t project_id, int64_t except = 0);
// The one versioned update (409 StaleVersion("lead", …) on a stale version).
Status UpdateLead(Connection& c, const Lead& l, int64_t expected_version, const std::string& now);
// A step moves the lead's version on, so two offices adding a step at once cannot both succeed.
Status TouchLead(Connection& c, int64_t id, int64_t expected_version, const std::string& now);

int64_t InsertStep(Connection& c, const LeadStep& s);
// Moves a step to another day (the first step follows the lead's created_on).
void RedateStep(Connection& c, int64_t id, const Date& on);
// A lead's steps in date order (then the order they were recorded in).
std::vector<LeadStep> ListSteps(Connection& c, int64_t lead_id);
// One step by id (its lead's scope is the caller's to check); nullopt when there is none.
std::optional<LeadStep> GetStep(Connection& c, int64_t id);
// The steps of every lead the filter selects, in lead and date order.
std::vector<LeadStep> ListStepsOf(Connection& c, const LeadFilter& f);

int64_t InsertFunds(Connection& c, const FundsEntry& e, const std::string& now);
std::optional<FundsEntry> GetFunds(Connection& c, int64_t id);
Status UpdateFunds(Connection& c, const FundsEntry& e, int64_t expected_version, const std::string& now);
// A lead's entries by month.
std::vector<FundsEntry> ListFunds(Connection& c, int64_t lead_id);
// The entries of every lead the filter selects, by lead and month.
std::vector<FundsEntry> ListFundsOf(Connection& c, const LeadFilter& f);

}  // namespace gj::store

// SQL of the enterprise registry (tables enterprises — land efficiency's enterprises, renamed and
// widened by migration 100 — and enterprise_years). Thin: rows in, rows out; the service owns the
// rules. Reads take the enterprise scope (EnterpriseScopeClause, land_efficiency_store.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/access/read_scope.h"
#include "domain/enterprises/registry.h"
#include "store/db.h"
#include "store/fields.h"

namespace gj::store {

struct EnterpriseRecord {
  int64_t id = 0;
  std::string credit_code;  // GB 32100-2015, never changed once created
  std::string name;
  std::string county_code;
  std::string town;  // the name of a town (region) of the county, or free text as imported
  std::string industry_code;
  bool above_scale = false;
  std::string tags;  // JoinTags form: "backbone,hi_tech"
  std::optional<int64_t> chain_id;
  std::string address, contact, phone;
  int64_t version = 1;
  std::string updated_at;
};

struct EnterpriseFilter {
  access::ReadScope scope;  // the caller's (ReadScope::Within the region asked for)
  std::string q;            // part of the name or the credit code
  std::string tag;          // "" any
  std::optional<int64_t> chain_id;
  int64_t offset = 0, limit = 50;
};

struct EnterprisePage {
  std::vector<EnterpriseRecord> items;
  int64_t total_count = 0;
};

EnterprisePage ListEnterprises(Connection& c, const EnterpriseFilter& f);
// nullopt when there is none or it lies outside the scope.
std::optional<EnterpriseRecord> GetEnterprise(Connection& c, const access::ReadScope& scope,
                                              const std::string& credit_code);
// Scope-free: whether the code is taken anywhere (a create's 409).
bool EnterpriseExists(Connection& c, const std::string& credit_code);
int64_t InsertEnterprise(Connection& c, const EnterpriseRecord& e);
// Optimistic: every field but credit_code and county_code; the 409 (StaleVersion) when stale.
Status UpdateEnterprise(Connection& c, const EnterpriseRecord& e, int64_t expected_version);
// The fields journaled for an enterprise (JournalDiff).
const Fields<EnterpriseRecord>& EnterpriseJournalFields();

struct EnterpriseYearRow {
  int64_t id = 0;
  int64_t enterprise_id = 0;
  int year = 0;
  std::optional<int64_t> revenue, tax;  // yuan
  int64_t version = 1;
};
std::vector<EnterpriseYearRow> ListEnterpriseYears(Connection& c, int64_t enterprise_id);
std::optional<EnterpriseYearRow> GetEnterpriseYear(Connection& c, int64_t enterprise_id, int year);
int64_t InsertEnterpriseYear(Connection& c, const EnterpriseYearRow& y, const std::string& now);
Status UpdateEnterpriseYear(Connection& c, const EnterpriseYearRow& y, int64_t expected_version,
                            const std::string& now);

// The projects naming the enterprise as builder (projects.builder_code), in the project scope.
struct BuilderProject {
  int64_t id = 0;
  std::string code, name, stage, county_code;
  std::optional<int64_t> total_investment;
};
std::vector<BuilderProject> ListBuilderProjects(Connection& c, const access::ReadScope& project_scope,
                                                const std::string& credit_code);

}  // namespace gj::store

// The enterprise registry (企业库, issue 15 item 1): one list of enterprises keyed by 统一社会信用代码,
// shared by land efficiency (its enterprises are the registry's), attraction (investors), chains
// and services. Reads follow enterprise.read through the caller's remit (a unit's grant reads from
// its unit's region, as land efficiency's); 404 for what it does not reach. Writes need
// enterprise.write over the enterprise's county (403), are versioned (409) and journaled (entity
// "enterprise", and "enterprise_year" for the yearly figures).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/enterprises/registry.h"
#include "service/context.h"
#include "service/land_efficiency/land_service.h"
#include "service/ledger/ledger_service.h"
#include "store/db.h"
#include "store/enterprise_store.h"

namespace gj::service {

// An enterprise's class (A/B/C/D) in the latest published or final land-efficiency run of its
// county that the caller reads.
struct EnterpriseLandClass {
  std::string klass;  // "" when the run left it unclassed
  int year = 0;
  int64_t run_id = 0;
  std::string run_state;  // published | final
};

struct EnterpriseView {
  store::EnterpriseRecord record;
  std::string county_name;
  std::optional<EnterpriseLandClass> land;
};

struct EnterpriseList {
  std::vector<EnterpriseView> items;
  int64_t total_count = 0, offset = 0, limit = 0;
};

struct EnterpriseDetail {
  EnterpriseView enterprise;
  std::vector<enterprises::YearGrowth> years;   // newest first, each against the year before
  std::vector<int64_t> year_versions;           // the version of each year's row, same order
  std::vector<store::BuilderProject> projects;  // naming it as builder, in the caller's project scope
};

// A backbone enterprise (骨干企业) with its figures of `year` against the year before.
struct BackboneLine {
  EnterpriseView enterprise;
  std::optional<enterprises::YearGrowth> growth;  // none when the year has no figures
  bool grew = false;                              // revenue and tax both grew (enterprises::GrewIn)
};

struct BackboneList {
  int year = 0;
  std::vector<BackboneLine> items;
  int grew_count = 0;
};

// The builder of a project as the project page shows it.
struct BuilderInfo {
  std::string credit_code;
  std::optional<std::string> name;  // the registry's, when the caller reads it there
  std::optional<EnterpriseLandClass> land;
};

struct EnterpriseQuery {
  std::string region, q, tag;
  std::optional<int64_t> chain_id;
  int64_t offset = 0, limit = 50;
};

class EnterpriseService {
 public:
  EnterpriseService(store::Database& db, LedgerService& ledger, LandService& land)
      : db_(db), ledger_(ledger), land_(land) {}

  Result<EnterpriseList> List(const Ctx& ctx, const EnterpriseQuery& q);
  Result<EnterpriseDetail> Get(const Ctx& ctx, const std::string& credit_code);
  // {credit_code, name, county_code, town?, industry_code?, above_scale?, tags?, chain_id?,
  //  address?, contact?, phone?}
  Result<EnterpriseDetail> Create(const Ctx& ctx, const nlohmann::json& body);
  // {version, name?, town?, industry_code?, above_scale?, tags?, chain_id?, address?, contact?, phone?}
  Result<EnterpriseDetail> Update(const Ctx& ctx, const std::string& credit_code, const nlohmann::json& body);
  // {version (of the year's row; absent or 0 for a new year), revenue, tax} in yuan (null: not reported).
  Result<EnterpriseDetail> PutYear(const Ctx& ctx, const std::string& credit_code, int year,
                                   const nlohmann::json& body);
  // Backbone enterprises of `region` with their growth of `year`.
  Result<BackboneList> Backbone(const Ctx& ctx, const std::string& region, int year);
  // The builder named by a project (its credit code), as far as the caller reads it.
  BuilderInfo Builder(const Ctx& ctx, const std::string& credit_code);

 private:
  // The enterprise scope of `ctx`: each grant reads from the root of its remit (a unit's grant
  // from its unit's region), narrowed to `region` when given: service::UnitRemit, as LandService's.
  access::ReadScope Remit(store::Connection& c, const Ctx& ctx, const std::string& region = "");
  std::optional<EnterpriseLandClass> LandClass(const Ctx& ctx, const std::string& county,
                                               const std::string& credit_code);
  EnterpriseView View(const Ctx& ctx, store::EnterpriseRecord r, bool with_class = true);
  // The detail read on the caller's lease, without the land class (LandService takes a lease of
  // its own: WithClass adds it after the rows' lease is given back).
  Result<EnterpriseDetail> Detail(store::Connection& c, const Ctx& ctx, store::EnterpriseRecord r);
  Result<EnterpriseDetail> WithClass(const Ctx& ctx, Result<EnterpriseDetail> d);
  Result<EnterpriseDetail> GetRows(const Ctx& ctx, const std::string& credit_code);
  Result<EnterpriseDetail> CreateRows(const Ctx& ctx, const nlohmann::json& body);
  Result<EnterpriseDetail> UpdateRows(const Ctx& ctx, const std::string& credit_code,
                                      const nlohmann::json& body);
  Result<EnterpriseDetail> PutYearRows(const Ctx& ctx, const std::string& credit_code, int year,
                                       const nlohmann::json& body);

  store::Database& db_;
  LedgerService& ledger_;
  LandService& land_;
};

}  // namespace gj::service

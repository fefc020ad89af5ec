// 双招双引: leads (招商线索) and their dated pipeline, funds in place (到位资金) and the figures
// as of any date. Reads take the attraction.read scope of the caller narrowed to a region (a city
// sums its counties); writes need attraction.write over the lead's region. Every write is
// journaled in its transaction; leads and funds entries are versioned (409 on a stale version);
// steps are appended, never edited (a wrong step is followed by an end and a new lead).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/result.h"
#include "domain/attraction/permissions.h"
#include "domain/attraction/pipeline.h"
#include "service/context.h"
#include "service/item_list.h"
#include "service/ledger/ledger_service.h"
#include "service/named_file.h"
#include "store/attraction_store.h"
#include "store/db.h"
#include "store/event_store.h"

namespace gj::service {

// A lead as the API shows it: the record, the names it references, where its pipeline stands on
// `as_of` (today unless asked), and (in a single read) its steps and funds entries.
struct LeadView {
  store::Lead lead;
  std::string region_name, officer_name, leader_name, team_name;
  std::string project_code, project_name, project_builder;  // the linked ledger project, "" when none
  Date as_of;
  std::string step;  // furthest pipeline step by as_of
  bool paused = false, ended = false;
  std::optional<Date> step_on;                         // the date of that step
  int64_t funds_in_place = 0, funds_in_place_usd = 0;  // every entry up to as_of's month
  std::vector<store::LeadStep> steps;
  std::vector<store::FundsEntry> funds;
  std::vector<store::PromotionEventRow> events;  // the promotion events it came from (招商活动)
  bool detailed = false;                         // steps and funds are written (single reads and writes)
};

struct LeadQuery {
  std::string region;
  std::string step;  // a pipeline step, "paused" or "ended" as of the day
  std::optional<int64_t> chain_id, leader_id;
  bool mine = false;  // the leads whose leader is the caller's person
  std::optional<Date> as_of;
};

// The figures of GET /attraction/summary and `gongjian metrics attraction`.
struct AttractionSummary {
  std::string region;
  Date as_of;
  attraction::Summary figures;
  std::optional<double> funds_rate;  // 资金到位率: null until a funds target exists
};

// The figures over the leads `f` selects on `as_of` (attraction::Summarize over their dated steps
// and funds): the one way the summary, the 调度 sheet and a chain's leads signed are counted.
attraction::Summary SummarizeLeads(store::Connection& c, const store::LeadFilter& f, const Date& as_of);

class AttractionService {
 public:
  AttractionService(store::Database& db, LedgerService& ledger) : db_(db), ledger_(ledger) {}

  Result<ItemList<LeadView>> ListLeads(const Ctx& ctx, const LeadQuery& q);
  Result<LeadView> GetLead(const Ctx& ctx, int64_t id);
  Result<LeadView> CreateLead(const Ctx& ctx, const nlohmann::json& body);
  Result<LeadView> UpdateLead(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  // {version, step, dated_on, contract_no?, attachments?, note?, project_id?}
  Result<LeadView> AddStep(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  // {version, dated_on, reason}: a step of that kind (reason required for pause and end).
  Result<LeadView> Pause(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<LeadView> Resume(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<LeadView> End(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  // A signed lead without a project becomes one (签约项目入库): {version, code, category?, level?,
  // kind?, track?}; the ledger's Create checks the project (project.write, its rules), then the
  // lead links to it. 422 for a lead not signed or already linked. Same code and builder: the
  // project's builder_code is the investor's credit code, its chain_id the lead's chain.
  Result<LeadView> MakeProject(const Ctx& ctx, int64_t id, const nlohmann::json& body);

  Result<ItemList<store::FundsEntry>> ListFunds(const Ctx& ctx, int64_t lead_id);
  Result<store::FundsEntry> GetFunds(const Ctx& ctx, int64_t id);
  // {month, fixed_assets, working_capital, source_region?, foreign_usd?, evidence?}
  Result<store::FundsEntry> AddFunds(const Ctx& ctx, int64_t lead_id, const nlohmann::json& body);
  Result<store::FundsEntry> UpdateFunds(const Ctx& ctx, int64_t id, const nlohmann::json& body);

  // 404 for a region the caller cannot read (or unknown).
  Result<AttractionSummary> Summary(const Ctx& ctx, const std::string& region, const Date& as_of,
                                    std::optional<int64_t> chain_id, std::optional<int64_t> leader_id = {});
  // 招商线索台账: sheets 线索 (one row a lead, its step dates) and 到位资金 (one row a month).
  Result<NamedFile> Export(const Ctx& ctx, const std::string& region, const Date& as_of);

  // The caller's attraction.read scope within `region` (404 for one it cannot read), and whether
  // it may manage leads placed at `region_code` (403): also for the step evidence (lead_step_files).
  Result<access::ReadScope> Scope(const Ctx& ctx, const std::string& region);
  Status CheckWriteOn(const Ctx& ctx, const std::string& region_code);

 private:
  LeadView ViewOf(store::Connection& c, store::Lead lead, const Date& as_of, bool detailed);
  // A lead may link to `project_id` (create, update, a step, attraction_project.cpp): a project
  // the caller reads (404 otherwise) that no other lead holds (422 on project_id).
  Status CheckLink(store::Connection& c, const Ctx& ctx, int64_t lead_id, int64_t project_id);
  // The linked project takes the lead's builder and chain ("same code and builder"):
  // builder_code = the investor's credit code, chain_id = the lead's chain, when the lead has them
  // and the project differs — through the ledger's update (its rules, version and journal).
  Status CarryToProject(const Ctx& ctx, const store::Lead& lead);
  Result<LeadView> Step(const Ctx& ctx, int64_t id, const nlohmann::json& body, const char* fixed_step);
  Result<store::FundsEntry> WriteFunds(const Ctx& ctx, std::optional<int64_t> lead_id,
                                       std::optional<int64_t> id, const nlohmann::json& body);

  store::Database& db_;
  LedgerService& ledger_;
};

}  // namespace gj::service

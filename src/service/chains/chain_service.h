// 链长制 (issue 15 item 6): chains of a county with their 总链长, 链长 and 班长, 专班 and 保障组,
// their map (图谱), the chain page's lists, figures as of a date, weekly reports filed by the 班长
// and 巡链诊链 visits. Reads are scoped by region (chain.read); coordinators manage (chain.write);
// a leader files reports and logs visits on the chains they lead (chain.report).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/access/read_scope.h"
#include "domain/chains/chain_figures.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "store/chain_store.h"

namespace gj::service {

// References of a chain the service has already scope-checked (the chain's region is the caller's):
// names of its people, units and projects, and the checks that they belong to the chain's region,
// are made against the region tree, so these readers look across regions.
inline const access::ReadScope kChainRefs = access::ReadScope::All();

struct ChainMemberView {
  store::ChainMember member;
  std::string unit_name, person_name;
};

struct ChainView {
  store::Chain chain;  // members and links only on a single chain's read
  std::string region_name, chief_leader_name, leader_name, head_name;
  std::vector<ChainMemberView> members;
  bool can_manage = false;  // chain.write over its county
  bool can_report = false;  // may file its weekly report and log its visits
};

struct ChainSummary {
  ChainView view;
  chains::ChainFigures figures;
};

// An enterprise of the chain's lists: a link's 链主 or key enterprise.
struct ChainEnterpriseRef {
  std::string credit_code, name, link_name, stage;
  bool anchor = false;
};

// A lead (招商线索) naming the chain, where it stood on the as-of date.
struct ChainLead {
  int64_t id = 0;
  std::string title, investor_name;
  int64_t expected_investment = 0;  // yuan
  std::string step;                 // the furthest pipeline step reached by the date
  bool ended = false, paused = false;
  std::optional<Date> signed_on;
};

// The N 张清单 of a chain page.
struct ChainLists {
  std::vector<store::ChainProject> projects;
  std::vector<ChainEnterpriseRef> enterprises;
  std::vector<store::ChainProblem> problems;  // open and closed, overdue marked as of the date
  std::vector<ChainLead> leads;               // created by the date, by id
  // 要素需求: the problems above of a factor category (chains::IsFactorNeed) still open on the date.
  std::vector<store::ChainProblem> factor_needs;
};

struct ChainReportView {
  store::ChainReport report;
  std::string author_name;
  std::string status;  // on_time | late (by its week's due date)
  Date due;
};

struct ChainReportList {
  std::vector<ChainReportView> reports;  // newest week first
  chains::Punctuality punctuality;       // weeks from `from` to as_of
};

struct ChainVisitView {
  store::ChainVisit visit;
  std::string leader_name, project_name;
};

class ChainService {
 public:
  ChainService(store::Database& db, LedgerService& ledger) : db_(db), ledger_(ledger) {}

  // ?region= (default: every readable one), figures as of `as_of` from Jan 1 of its year.
  Result<std::vector<ChainSummary>> List(const Ctx& ctx, const std::string& region, const Date& as_of);
  Result<ChainView> Get(const Ctx& ctx, int64_t id);
  // {region_code, name, chief_leader_id?, leader_id?, head_id?, note?, sort?, members?, links?}
  Result<ChainView> Create(const Ctx& ctx, const nlohmann::json& body);
  // {version, …the same…, archived?}; members and links, when present, replace the chain's.
  Result<ChainView> Update(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<ChainLists> Lists(const Ctx& ctx, int64_t id, const Date& as_of);
  // From `from` (default Jan 1 of as_of's year) to as_of.
  Result<chains::ChainFigures> Figures(const Ctx& ctx, int64_t id, std::optional<Date> from,
                                       const Date& as_of);
  // {week: "2026-W23" (default: the current week), progress, problems?, next_steps?}
  Result<ChainReportView> FileReport(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<ChainReportList> Reports(const Ctx& ctx, int64_t id, std::optional<Date> from, const Date& as_of);
  // {visited_on, leader_id?, credit_code?, enterprise_name?, project_id?, findings}
  Result<ChainVisitView> AddVisit(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<std::vector<ChainVisitView>> Visits(const Ctx& ctx, int64_t id);

  // The chain a project names (projects.chain_id), for a project the caller has read already.
  std::optional<int64_t> ChainOfProject(int64_t project_id);

  // For other parts (rankings): a chain's figures without a caller (access already checked).
  chains::ChainFigures FiguresOf(store::Connection& c, const store::Chain& ch, const Date& from,
                                 const Date& as_of);
  // The start of a period for a chain: `start`, or the day the chain was set up when that lies in
  // (start, as_of] (a chain set up in June owes no report for January).
  static Date FromFor(const store::Chain& ch, const Date& start, const Date& as_of);

 private:
  Result<store::Chain> Readable(store::Connection& c, const Ctx& ctx, int64_t id);
  bool MayManage(const Ctx& ctx, const std::string& region);
  bool MayReport(store::Connection& c, const Ctx& ctx, const store::Chain& ch);
  ChainView ViewOf(store::Connection& c, const Ctx& ctx, store::Chain ch);
  Status ReadBody(store::Connection& c, const Ctx& ctx, const nlohmann::json& body, store::Chain& ch,
                  bool create, bool& members, bool& links);
  supervision::ReportPolicy PolicyFor(store::Connection& c, const std::string& region);
  // The start of a period asked without `from`: Jan 1 of as_of's year, or the day the chain was
  // created when later (a chain set up in June owes no report for January).
  static Date DefaultFrom(const store::Chain& ch, const Date& as_of);

  store::Database& db_;
  LedgerService& ledger_;
};

}  // namespace gj::service

// Weekly chain reports (filed by the 班长, tracked like the projects' weekly progress reports) and
// 巡链诊链 visits of a chain's leaders to its enterprises and projects.
#include <algorithm>

#include "common/json_field.h"
#include "domain/land_efficiency/credit_code.h"
#include "service/chains/chain_service.h"
#include "service/unique_write.h"
#include "store/journal.h"
#include "store/org_store.h"
#include "store/project_store.h"
#include "store/supervision_store.h"

namespace gj::service {

using nlohmann::json;

namespace {

constexpr size_t kMaxReportText = 20000;

supervision::ReportPolicy Weekly(supervision::ReportPolicy p) {
  p.frequency = "week";
  return p;
}

Error NotTheirs() {
  return Error::Forbidden(
      "rule chain.own_only: a leader files reports and logs visits only on the chains they lead or serve in");
}

}  // namespace

Result<ChainReportView> ChainService::FileReport(const Ctx& ctx, int64_t id, const json& body) {
  if (auto st = CheckWrite(ctx, access::kChainReport, "you may not file chain reports", body); !st)
    return st.error();
  auto c = db_.Acquire();
  auto ch = Readable(*c, ctx, id);
  if (!ch) return ch.error();
  if (!MayReport(*c, ctx, *ch)) return NotTheirs();
  const auto policy = Weekly(PolicyFor(*c, ch->region_code));
  Problems pr;
  JsonFields f(body, pr);
  store::ChainReport r;
  r.chain_id = id;
  const auto week = f.Text("week");
  r.progress = f.Text("progress", Need::kRequired).value_or("");
  r.problems = f.Text("problems").value_or("");
  r.next_steps = f.Text("next_steps").value_or("");
  f.RejectUnknown();
  std::optional<supervision::Period> period =
      week ? supervision::ParsePeriod(*week, policy) : supervision::PeriodOf(ctx.today, policy);
  if (!period || period->frequency != "week") {
    pr.Add("week", week.value_or(""), "2026-W23 (week) or 2026-06 (month)");
  } else if (period->start > ctx.today) {
    pr.Add("week", period->key,
           "an actual date cannot be in the future (today is " + ctx.today.ToString() + ")");
  }
  if (r.progress.empty() && body.is_object() && body.contains("progress"))
    pr.Add("progress", "", "must not be empty");
  for (const auto* t : {&r.progress, &r.problems, &r.next_steps}) {
    if (t->size() > kMaxReportText)
      pr.Add("progress", "", "at most " + std::to_string(kMaxReportText) + " bytes");
  }
  if (!pr.empty()) return pr.ToError("the report is not valid");
  r.week = period->key;
  r.filed_on = ctx.today;
  r.filed_by = ctx.caller.user_id;
  r.author_id = store::PersonOfUser(*c, ctx.caller.user_id);
  r.created_at = r.updated_at = ctx.now;
  store::Transaction tx(*c);
  auto rid = UniqueWrite([&] { return store::InsertChainReport(*c, r); },
                         "the report of this week has been filed already");
  if (!rid) return rid.error();
  r.id = *rid;
  store::WriteJournal(*c, "chain_report", r.id, "create", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", "chain_id"}, {"old", nullptr}, {"new", id}},
                                   {{"field", "week"}, {"old", nullptr}, {"new", r.week}},
                                   {{"field", "progress"}, {"old", nullptr}, {"new", r.progress}}}));
  tx.Commit();
  ChainReportView v{r, "", r.filed_on <= period->due ? "on_time" : "late", period->due};
  if (r.author_id) {
    if (auto p = store::LoadPerson(*c, kChainRefs, *r.author_id)) v.author_name = p->name;
  }
  return v;
}

Result<ChainReportList> ChainService::Reports(const Ctx& ctx, int64_t id, std::optional<Date> from,
                                              const Date& as_of) {
  auto c = db_.Acquire();
  auto ch = Readable(*c, ctx, id);
  if (!ch) return ch.error();
  const Date start = from.value_or(DefaultFrom(*ch, as_of));
  if (as_of < start) {
    Problems pr;
    pr.Add("as_of", as_of.ToString(), "must not be before from");
    return pr.ToError("the period is not valid");
  }
  const auto policy = Weekly(PolicyFor(*c, ch->region_code));
  ChainReportList out;
  std::vector<chains::ReportFiling> filings;
  const auto people = store::PersonNames(*c, kChainRefs);
  for (auto& r : store::ListChainReports(*c, id)) {
    filings.push_back({r.week, r.filed_on});
    const auto period = supervision::ParsePeriod(r.week, policy);
    ChainReportView v{r, "", "on_time", period ? period->due : r.filed_on};
    if (period && r.filed_on > period->due) v.status = "late";
    if (r.author_id) {
      if (auto it = people.find(*r.author_id); it != people.end()) v.author_name = it->second;
    }
    out.reports.push_back(std::move(v));
  }
  out.punctuality = chains::ReportPunctuality(filings, start, as_of, policy);
  return out;
}

Result<ChainVisitView> ChainService::AddVisit(const Ctx& ctx, int64_t id, const json& body) {
  if (auto st = CheckWrite(ctx, access::kChainReport, "you may not log chain visits", body); !st)
    return st.error();
  auto c = db_.Acquire();
  auto ch = Readable(*c, ctx, id);
  if (!ch) return ch.error();
  if (!MayReport(*c, ctx, *ch)) return NotTheirs();
  Problems pr;
  JsonFields f(body, pr);
  store::ChainVisit v;
  v.chain_id = id;
  const auto visited_on = f.DateField("visited_on", Need::kRequired);
  const auto leader = f.Int("leader_id", Need::kOptional, {1});
  v.credit_code = f.Text("credit_code").value_or("");
  v.enterprise_name = f.Text("enterprise_name").value_or("");
  v.project_id = f.Int("project_id", Need::kOptional, {1});
  v.findings = f.Text("findings", Need::kRequired).value_or("");
  f.RejectUnknown();
  if (!pr.empty()) return Error{ErrorCode::kBadRequest, "the visit cannot be read", pr.details(), {}};
  v.visited_on = *visited_on;
  if (v.visited_on > ctx.today)
    pr.Add("visited_on", v.visited_on.ToString(),
           "an actual date cannot be in the future (today is " + ctx.today.ToString() + ")");
  const auto own = store::PersonOfUser(*c, ctx.caller.user_id);
  if (leader) {
    v.leader_id = *leader;
    // A leader logs their own visits; the office logs anyone's.
    if (!MayManage(ctx, ch->region_code) && own != leader) return NotTheirs();
    auto p = store::LoadPerson(*c, kChainRefs, *leader);
    if (!p || p->archived) pr.Add("leader_id", std::to_string(*leader), "unknown person");
  } else if (own) {
    v.leader_id = *own;
  } else {
    pr.Add("leader_id", "", "required (your account is not linked to a leader)");
  }
  if (!v.credit_code.empty()) {
    if (auto why = land::CreditCodeProblem(v.credit_code); !why.empty())
      pr.Add("credit_code", v.credit_code, why);
  }
  if (v.project_id) {
    auto p = store::LoadProject(*c, kChainRefs, *v.project_id);
    if (!p || p->county_code != ch->region_code)
      pr.Add("project_id", std::to_string(*v.project_id), "not a project id");
  }
  if (v.enterprise_name.empty() && v.credit_code.empty() && !v.project_id)
    pr.Add("enterprise_name", "", "is required");
  if (v.findings.empty() && body.contains("findings")) pr.Add("findings", "", "must not be empty");
  if (v.findings.size() > kMaxReportText || v.enterprise_name.size() > 2000)
    pr.Add("findings", "", "at most " + std::to_string(kMaxReportText) + " bytes");
  if (!pr.empty()) return pr.ToError("the visit is not valid");
  v.created_by = ctx.caller.user_id;
  v.created_at = ctx.now;
  store::Transaction tx(*c);
  v.id = store::InsertChainVisit(*c, v);
  store::WriteJournal(
      *c, "chain_visit", v.id, "create", ctx.caller.user_id, ctx.now,
      json::array({{{"field", "chain_id"}, {"old", nullptr}, {"new", id}},
                   {{"field", "visited_on"}, {"old", nullptr}, {"new", v.visited_on.ToString()}},
                   {{"field", "leader_id"}, {"old", nullptr}, {"new", v.leader_id}},
                   {{"field", "findings"}, {"old", nullptr}, {"new", v.findings}}}));
  tx.Commit();
  ChainVisitView out{v, "", ""};
  if (auto p = store::LoadPerson(*c, kChainRefs, v.leader_id)) out.leader_name = p->name;
  if (v.project_id) {
    if (auto p = store::LoadProject(*c, kChainRefs, *v.project_id)) out.project_name = p->name;
  }
  return out;
}

Result<std::vector<ChainVisitView>> ChainService::Visits(const Ctx& ctx, int64_t id) {
  auto c = db_.Acquire();
  auto ch = Readable(*c, ctx, id);
  if (!ch) return ch.error();
  const auto people = store::PersonNames(*c, kChainRefs);
  std::vector<ChainVisitView> out;
  for (auto& v : store::ListChainVisits(*c, id)) {
    ChainVisitView view{v, "", ""};
    if (auto it = people.find(v.leader_id); it != people.end()) view.leader_name = it->second;
    if (v.project_id) {
      if (auto p = store::LoadProject(*c, kChainRefs, *v.project_id)) view.project_name = p->name;
    }
    out.push_back(std::move(view));
  }
  return out;
}

}  // namespace gj::service

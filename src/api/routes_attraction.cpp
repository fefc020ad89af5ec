// 双招双引: leads (招商线索) with their dated pipeline, funds in place (到位资金) and the figures
// as of a date (service/attraction/attraction_service.h). Versioned writes send the lead's (or the
// funds entry's) version; a step moves the lead's version on.
#include "api/routes_attraction.h"
#include "api/json/attraction_json.h"

namespace gj::api {

void AttractionRoutes(Services& s, std::vector<Route>& r) {
  auto& svc = s.attraction;  // a member of Services: it outlives the routes (server.cpp)
  using service::AttractionService;
  static const std::vector<std::string> kListSteps = [] {
    auto v = attraction::kPipelineSteps;
    v.insert(v.end(), {attraction::kPaused, attraction::kEnded});
    return v;
  }();
  r.push_back(
      {"GET", "/api/v1/leads",
       "Leads of a region as of a date (?region=&as_of=&step=lead|…|operating|paused|ended&chain= (a chain's id)&"
       "leader=&mine=true): each with the furthest step reached by the day",
       true,
       AsOfHandler(
           [](QueryParams& q, const Date& as_of) {
             service::LeadQuery lq;
             lq.region = q.Text("region");
             lq.step = q.OneOf("step", kListSteps).value_or("");
             lq.chain_id = q.Id("chain");
             lq.leader_id = q.Id("leader");
             lq.mine = q.Flag("mine");
             lq.as_of = as_of;
             return lq;
           },
           [&svc](Call& c, const Date&, const service::LeadQuery& lq) { return svc.ListLeads(c.ctx, lq); })});
  auto reread = VersionedRecordRoutes(
      r, svc,
      {"/api/v1/leads/{id}",
       "Add a lead: {title, region_code, investor_name | investor_credit_code, source_region?, industry?, chain_id?, "
       "expected_investment? (yuan), expected_investment_usd?, officer_id?, leader_id?, team_id?, project_id?, "
       "created_on? (default today), note?}; its first step 线索 is dated created_on",
       "One lead with its steps, funds entries and where it stands today",
       "Change a lead: {version, …the create's fields, archived?}"},
      &AttractionService::CreateLead, &AttractionService::GetLead, &AttractionService::UpdateLead);
  r.push_back(
      {"POST", "/api/v1/leads/{id}/steps",
       "Record the next step: {version, step (negotiating, signed, registered, started, operating), dated_on, "
       "contract_no? (required to sign), attachments?, note?, project_id? (the ledger project it became)}",
       true, VersionedMethodHandler(svc, &AttractionService::AddStep, reread)});
  r.push_back({"POST", "/api/v1/leads/{id}/pause", "Pause a lead (暂停): {version, dated_on, reason}", true,
               VersionedMethodHandler(svc, &AttractionService::Pause, reread)});
  r.push_back({"POST", "/api/v1/leads/{id}/resume",
               "Resume a paused lead (恢复): {version, dated_on, reason?}", true,
               VersionedMethodHandler(svc, &AttractionService::Resume, reread)});
  r.push_back({"POST", "/api/v1/leads/{id}/end", "End a lead (终止): {version, dated_on, reason}", true,
               VersionedMethodHandler(svc, &AttractionService::End, reread)});
  r.push_back(
      {"POST", "/api/v1/leads/{id}/project",
       "A signed lead becomes a ledger project at stage 签约 (name, place, builder and builder_code = the investor, "
       "chain_id = the lead's chain, total investment): {version, code, category?, level?, kind?, track?}; the lead "
       "links to it",
       true, VersionedMethodHandler(svc, &AttractionService::MakeProject, reread)});
  r.push_back({"GET", "/api/v1/leads/{id}/funds", "A lead's funds entries (到位资金) by month", true,
               ReadHandler(PathReader(svc, &AttractionService::ListFunds))});
  r.push_back(
      {"POST", "/api/v1/leads/{id}/funds",
       "Add a month's funds in place of a signed lead: {month YYYY-MM, fixed_assets, working_capital (yuan), "
       "source_region?, foreign_usd?, evidence?}",
       true, MethodHandler(svc, &AttractionService::AddFunds, 201)});
  auto funds = PathReader(svc, &AttractionService::GetFunds);
  r.push_back({"GET", "/api/v1/funds-entries/{id}", "One funds entry", true, ReadHandler(funds)});
  r.push_back(
      {"PATCH", "/api/v1/funds-entries/{id}",
       "Change a funds entry: {version, month?, fixed_assets?, working_capital?, source_region?, foreign_usd?, "
       "evidence?}",
       true, VersionedMethodHandler(svc, &AttractionService::UpdateFunds, funds)});
  r.push_back(
      {"GET", "/api/v1/attraction/summary",
       "双招双引 figures as of a date (?region=&as_of=&chain=&leader=): leads_by_step, signed_count, "
       "signed_amount, signed_100m_count, signed_100m_amount, started_count, funds_in_place, "
       "funds_in_place_usd (yuan), performance_rate (履约率), funds_rate (资金到位率)",
       true,
       AsOfHandler([](QueryParams& q, const Date&) { return std::make_pair(q.Id("chain"), q.Id("leader")); },
                   [&svc](Call& c, const Date& as_of, const auto& ids) {
                     return svc.Summary(c.ctx, c.Query("region"), as_of, ids.first, ids.second);
                   })});
  r.push_back(
      {"GET", "/api/v1/attraction/export",
       "招商线索台账 (.xlsx): sheets 线索 (each lead with its step dates) and 到位资金 (?region=&as_of=)",
       true, [&svc](Call& c) -> Result<Reply> {
         QueryParams q(c);
         const Date as_of = q.AsOf();
         if (auto st = q.Check(); !st) return st.error();
         auto f = svc.Export(c.ctx, c.Query("region"), as_of);
         if (!f) return f.error();
         return Reply::File(std::move(f->bytes),
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", f->filename);
       }});
}

}  // namespace gj::api

// Endpoints of the enterprise registry (企业库, issue 15 item 1): enterprises keyed by 统一社会信用代码,
// read in the caller's remit (404 outside it), kept by the county office (enterprise.write): every
// write sends its version (409 on a stale one, with `current`) and is journaled.
#include <algorithm>

#include "api/json/results_json.h"
#include "api/routes.h"
#include "io/list_exports.h"
#include "service/enterprises/enterprise_export.h"

namespace gj::api {

namespace {

// The list's filters, shared by the list and its export (which ignores the page).
service::EnterpriseQuery EnterpriseQueryFrom(QueryParams& q) {
  service::EnterpriseQuery query;
  query.region = q.Text("region");
  query.q = q.Text("q");
  query.tag = q.Text("tag");
  query.chain_id = q.Id("chain_id");
  return query;
}

}  // namespace

void EnterpriseRoutes(Services& s, std::vector<Route>& r) {
  auto& svc = s.enterprises;
  using service::EnterpriseService;
  r.push_back(
      {"GET", "/api/v1/enterprises",
       "Enterprises of the registry in the caller's remit (?region=&q= name or credit code&tag=backbone"
       "&chain_id=&offset=&limit= ≤ 200), with each one's land-efficiency class",
       true, [&svc](Call& c) -> Result<Reply> {
         QueryParams q(c);
         auto query = EnterpriseQueryFrom(q);
         const auto page = q.Page(50, 200);
         query.offset = page.offset;
         query.limit = page.limit;
         return q.Then([&] { return svc.List(c.ctx, query); });
       }});
  // Before /enterprises/{credit_code}: the first route that matches a path answers it.
  r.push_back({"GET", "/api/v1/enterprises/export",
               "企业库 in Excel (企业库-<as_of>.xlsx): every enterprise GET /enterprises lists for the same "
               "?region=&q=&tag=&chain_id=",
               true, [&svc](Call& c) -> Result<Reply> {
                 QueryParams q(c);
                 const auto query = EnterpriseQueryFrom(q);
                 const Date as_of = q.AsOf();
                 if (auto st = q.Check(); !st) return st.error();
                 auto file = service::ExportEnterprises(svc, c.ctx, query, as_of);
                 if (!file) return file.error();
                 return Reply::File(std::move(file->bytes), io::kXlsxContentType, file->filename);
               }});
  auto now = VersionedRecordRoutes(
      r, svc,
      {"/api/v1/enterprises/{credit_code}",
       "Register an enterprise: {credit_code (GB 32100-2015), name, county_code, town?, industry_code?, "
       "above_scale?, tags? [backbone|chain_leader|hi_tech|specialised|foreign], chain_id?, address?, contact?, "
       "phone?}",
       "One enterprise: its record, tags, land-efficiency class (latest published run), yearly figures with "
       "growth, and the projects naming it as builder",
       "Change an enterprise: {version, name?, town?, industry_code?, above_scale?, tags?, chain_id?, address?, "
       "contact?, phone?}"},
      &EnterpriseService::Create, &EnterpriseService::Get, &EnterpriseService::Update);
  r.push_back(
      {"PUT", "/api/v1/enterprises/{credit_code}/years/{year}",
       "An enterprise's figures of a year in yuan: {version (the year's; 0 or absent for a new year), "
       "revenue, tax}",
       true,
       VersionedBodyHandler(
           [&svc](Call& c, const nlohmann::json& b) -> Result<service::EnterpriseDetail> {
             const std::string text = c.PathText(2);
             const bool digits = text.size() == 4 && std::all_of(text.begin(), text.end(), [](char ch) {
                                   return ch >= '0' && ch <= '9';
                                 });
             const int year = digits ? std::stoi(text) : 0;
             if (year < kQueryLimits.year.min || year > kQueryLimits.year.max)
               return Error::BadRequest("the year in the path must be from 2000 to 2100, not '" + text + "'");
             return svc.PutYear(c.ctx, c.PathText(1), year, b);
           },
           now)});
  r.push_back(
      {"GET", "/api/v1/backbone-enterprises",
       "Backbone enterprises (骨干企业) of ?region= with their revenue and tax of ?year= against the year "
       "before (growth in yuan and ‰), and how many grew in both",
       true, [&svc](Call& c) -> Result<Reply> {
         QueryParams q(c);
         const int year = q.YearOr(c.ctx.today.year - 1);
         const std::string region = q.Text("region");
         return q.Then([&] { return svc.Backbone(c.ctx, region, year); });
       }});
}

}  // namespace gj::api

// Endpoints of the land-efficiency evaluation (亩产效益评价) under /api/v1/land/…: translate HTTP ↔
// LandService calls only.
#include "api/json/land_json.h"
#include "api/routes.h"

namespace gj::api {

namespace {

using nlohmann::json;

}  // namespace

void LandEfficiencyRoutes(Services& s, std::vector<Route>& r) {
  auto& land = s.land;
  r.push_back(
      {"POST", "/api/v1/land/import",
       "Import enterprises and their yearly data (?county=&year=; CSV or .xlsx body, the CLI's columns); "
       "?dry_run=true lists every problem and writes nothing",
       true,
       [&land](Call& c) -> Result<Reply> {
         QueryParams q(c);
         // The county and land.write on it (404, 403) before the other parameters and the body.
         const std::string county = q.Text("county");
         if (auto st = land.MayImport(c.ctx, county); !st) return st.error();
         const auto year = q.Year("year", Need::kRequired);
         const bool dry = q.Flag("dry_run");
         if (auto st = q.Check(); !st) return st.error();
         if (c.req.body.empty()) return Error::BadRequest("the body must be the .csv or .xlsx file");
         return JsonReply(land.Import(c.ctx, county, *year, c.req.body, dry));
       },
       kUploadBody});
  r.push_back(
      {"GET", "/api/v1/land/import/template",
       "The import template (?county=): sheet 企业数据 with the importer's Chinese headers, sheet 说明 "
       "with each column's rule and a sample row",
       true, [&land](Call& c) -> Result<Reply> {
         QueryParams q(c);
         const std::string county = q.Text("county");
         if (auto st = q.Check(); !st) return st.error();
         auto f = land.DataWorkbook(c.ctx, county, std::nullopt);
         if (!f) return f.error();
         return Reply::File(std::move(f->bytes), f->content_type, f->filename);
       }});
  r.push_back({"GET", "/api/v1/land/data/export",
               "Enterprises and their data of a year (?county=&year=) as the import workbook (.xlsx): "
               "edited, it imports back",
               true, [&land](Call& c) -> Result<Reply> {
                 QueryParams q(c);
                 const auto year = q.Year("year", Need::kRequired);
                 const std::string county = q.Text("county");
                 if (auto st = q.Check(); !st) return st.error();
                 auto f = land.DataWorkbook(c.ctx, county, *year);
                 if (!f) return f.error();
                 return Reply::File(std::move(f->bytes), f->content_type, f->filename);
               }});
  r.push_back({"GET", "/api/v1/land/data", "Enterprises and their data of a year (?county=&year=)", true,
               [&land](Call& c) {
                 QueryParams q(c);
                 const auto year = q.Year("year", Need::kRequired);
                 return q.Then([&] { return land.ListData(c.ctx, q.Text("county"), *year); });
               }});
  // A stale version's 409 carries the record as GET shows it now (the data row as the list shows it).
  auto data_now = [&land](Call& c) { return land.GetData(c.ctx, c.PathId()); };
  r.push_back({"POST", "/api/v1/land/data/actions",
               "Apply a workflow action (review, return, confirm, resubmit) to every row where it applies",
               true, MethodHandler(land, &service::LandService::DataActionAll)});
  r.push_back({"PATCH", "/api/v1/land/data/{id}", "Edit an enterprise's figures of a year (send its version)",
               true, VersionedMethodHandler(land, &service::LandService::UpdateData, data_now)});
  r.push_back({"POST", "/api/v1/land/data/{id}/actions",
               "Workflow action on one enterprise's data: {action, reason?, version}", true,
               VersionedMethodHandler(land, &service::LandService::DataAction, data_now)});
  r.push_back({"GET", "/api/v1/land/data/{id}/journal", "Who changed the data and when", true,
               [&land](Call& c) { return JsonReply(land.Journal(c.ctx, "le_data", c.PathId())); }});
  // A stale version's 409 carries the county's scheme or policies as GET shows them.
  auto scheme_now = [&land](Call& c) { return land.GetScheme(c.ctx, c.PathText()); };
  auto policies_now = [&land](Call& c) { return land.GetPolicies(c.ctx, c.PathText()); };
  r.push_back({"GET", "/api/v1/land/schemes/{county}",
               "The county's current scheme (the built-in shandong when none)", true,
               ReadHandler(scheme_now)});
  r.push_back({"PUT", "/api/v1/land/schemes/{county}", "Store a new scheme version: {version, scheme}", true,
               VersionedMethodHandler(land, &service::LandService::PutScheme, scheme_now)});
  r.push_back({"GET", "/api/v1/land/policies/{county}",
               "Consequences per class: surcharge, land/energy/emission quotas", true,
               ReadHandler(policies_now)});
  r.push_back(
      {"PUT", "/api/v1/land/policies/{county}",
       "Set the quotas per class: {version, classes:[{class, land_mu, energy_tce, emission_t, note}]}", true,
       VersionedMethodHandler(land, &service::LandService::PutPolicies, policies_now)});
  r.push_back({"POST", "/api/v1/land/runs",
               "Evaluate a county's confirmed data of a year (a new run version): {county_code, year}", true,
               MethodHandler(land, &service::LandService::Run, 201)});
  r.push_back(
      {"GET", "/api/v1/land/runs", "Evaluation runs of a county (?county=&year=)", true, [&land](Call& c) {
         QueryParams q(c);
         const auto year = q.Year();
         return q.Then([&] { return land.ListRuns(c.ctx, q.Text("county"), year); });
       }});
  r.push_back(
      {"GET", "/api/v1/land/runs/{id}",
       "A run with its results (?class=&town=&group=; ?offset=&limit= ≤ 500, all without limit), counts per class and town",
       true, [&land](Call& c) {
         QueryParams q(c);
         const auto page = q.Page(0, kQueryLimits.page_size);
         return q.Then([&] {
           return land.GetRun(
               c.ctx, c.PathId(),
               {{"class", q.Text("class")}, {"town", q.Text("town")}, {"group", q.Text("group")}},
               page.offset, page.limit);
         });
       }});
  r.push_back(
      {"POST", "/api/v1/land/runs/{id}/actions",
       "Workflow of a run: {action: preliminary|adjust|publish|appeal|decide_appeal|finalize, version, …}",
       true, VersionedMethodHandler(land, &service::LandService::RunAction, [&land](Call& c) {
         return land.GetRun(c.ctx, c.PathId());
       })});
  r.push_back({"GET", "/api/v1/land/runs/{id}/enterprises/{credit_code}", "One enterprise's score explained",
               true, [&land](Call& c) { return JsonReply(land.Card(c.ctx, c.PathId(), c.PathText(2))); }});
  r.push_back({"GET", "/api/v1/land/runs/{id}/policy-ledger",
               "Surcharges and quotas per enterprise (written when the run is final)", true,
               [&land](Call& c) { return JsonReply(land.PolicyLedger(c.ctx, c.PathId())); }});
  r.push_back({"GET", "/api/v1/land/runs/{id}/journal", "Adjustments, appeals and state changes of a run",
               true, [&land](Call& c) { return JsonReply(land.Journal(c.ctx, "le_run", c.PathId())); }});
  r.push_back({"GET", "/api/v1/land/runs/{id}/export",
               "The results exactly as `gongjian evaluate land` writes them (?format=csv|xlsx)", true,
               DownloadHandler({"xlsx", "csv"}, [&land](Call& c, const std::string& format) {
                 return land.Export(c.ctx, c.PathId(), format);
               })});
}

}  // namespace gj::api

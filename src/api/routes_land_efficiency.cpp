// Endpoints of the land-efficiency evaluation (亩产效益评价) under /api/v1/land/…: translate HTTP ↔
// LandService calls only.
#include <charconv>

#include "api/routes.h"

namespace gj::api {

namespace {

using nlohmann::json;

Result<Reply> J(Result<json> r, int status = 200) {
  if (!r) return r.error();
  return Reply::Json(std::move(r.value()), status);
}

Result<int> YearParam(const Call& c) {
  const std::string v = c.Query("year");
  int y = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), y);
  if (v.empty() || ec != std::errc() || p != v.data() + v.size()) {
    Error e = Error::BadRequest("year must be an integer");
    e.details.push_back({"year", v, "must be an integer", 0, {}});
    return e;
  }
  return y;
}

constexpr int64_t kMaxResultsPage = 1000;

template <class F>
Handler WithBody(F f) {
  return [f](Call& c) -> Result<Reply> {
    auto body = c.Body();
    if (!body) return body.error();
    return f(c, body.value());
  };
}

}  // namespace

void LandEfficiencyRoutes(Services& s, std::vector<Route>& r) {
  auto& land = s.land;
  r.push_back({"POST", "/api/v1/land/import",
               "Import enterprises and their yearly data (?county=&year=; CSV or .xlsx body, the CLI's columns); "
               "?dry_run=true lists every problem and writes nothing",
               true, [&land](Call& c) -> Result<Reply> {
                 if (c.req.body.empty()) return Error::BadRequest("the body must be the .csv or .xlsx file");
                 auto year = YearParam(c);
                 if (!year) return year.error();
                 const bool dry = c.Query("dry_run") == "true" || c.Query("dry_run") == "1";
                 return J(land.Import(c.ctx, c.Query("county"), *year, c.req.body, dry));
               }});
  r.push_back({"GET", "/api/v1/land/data", "Enterprises and their data of a year (?county=&year=)", true,
               [&land](Call& c) -> Result<Reply> {
                 auto year = YearParam(c);
                 if (!year) return year.error();
                 return J(land.ListData(c.ctx, c.Query("county"), *year));
               }});
  r.push_back({"POST", "/api/v1/land/data/actions", "Apply a workflow action (review, return, confirm, resubmit) to every row where it applies", true,
               WithBody([&land](Call& c, const json& b) { return J(land.DataActionAll(c.ctx, b)); })});
  r.push_back({"PATCH", "/api/v1/land/data/{id}", "Edit an enterprise's figures of a year (send its version)", true,
               WithBody([&land](Call& c, const json& b) { return J(land.UpdateData(c.ctx, c.PathId(), b)); })});
  r.push_back({"POST", "/api/v1/land/data/{id}/actions", "Workflow action on one enterprise's data: {action, reason?, version}", true,
               WithBody([&land](Call& c, const json& b) { return J(land.DataAction(c.ctx, c.PathId(), b)); })});
  r.push_back({"GET", "/api/v1/land/data/{id}/journal", "Who changed the data and when", true,
               [&land](Call& c) { return J(land.Journal(c.ctx, "le_data", c.PathId())); }});
  r.push_back({"GET", "/api/v1/land/schemes/{county}", "The county's current scheme (the built-in shandong when none)", true,
               [&land](Call& c) { return J(land.GetScheme(c.ctx, c.req.matches[1].str())); }});
  r.push_back({"PUT", "/api/v1/land/schemes/{county}", "Store a new scheme version: {version, scheme}", true,
               WithBody([&land](Call& c, const json& b) { return J(land.PutScheme(c.ctx, c.req.matches[1].str(), b)); })});
  r.push_back({"GET", "/api/v1/land/policies/{county}", "Consequences per class: surcharge, land/energy/emission quotas", true,
               [&land](Call& c) { return J(land.GetPolicies(c.ctx, c.req.matches[1].str())); }});
  r.push_back({"PUT", "/api/v1/land/policies/{county}", "Set the quotas per class: {version, classes:[{class, land_mu, energy_tce, emission_t, note}]}", true,
               WithBody([&land](Call& c, const json& b) { return J(land.PutPolicies(c.ctx, c.req.matches[1].str(), b)); })});
  r.push_back({"POST", "/api/v1/land/runs", "Evaluate a county's confirmed data of a year (a new run version): {county_code, year}", true,
               WithBody([&land](Call& c, const json& b) { return J(land.Run(c.ctx, b), 201); })});
  r.push_back({"GET", "/api/v1/land/runs", "Evaluation runs of a county (?county=&year=)", true, [&land](Call& c) -> Result<Reply> {
                 std::optional<int> year;
                 if (!c.Query("year").empty()) {
                   auto y = YearParam(c);
                   if (!y) return y.error();
                   year = *y;
                 }
                 return J(land.ListRuns(c.ctx, c.Query("county"), year));
               }});
  r.push_back({"GET", "/api/v1/land/runs/{id}",
               "A run with its results (?class=&town=&group=; ?offset=&limit= ≤ 1000, all without limit), counts per class and town", true,
               [&land](Call& c) -> Result<Reply> {
                 Problems pr;
                 const auto page = PageFrom(c, 0, kMaxResultsPage, pr);
                 if (!pr.empty()) return BadQuery(pr);
                 return J(land.GetRun(c.ctx, c.PathId(), {{"class", c.Query("class")}, {"town", c.Query("town")}, {"group", c.Query("group")}},
                                      page.offset, page.limit));
               }});
  r.push_back({"POST", "/api/v1/land/runs/{id}/actions",
               "Workflow of a run: {action: preliminary|adjust|publish|appeal|decide_appeal|finalize, version, …}", true,
               WithBody([&land](Call& c, const json& b) { return J(land.RunAction(c.ctx, c.PathId(), b)); })});
  r.push_back({"GET", "/api/v1/land/runs/{id}/enterprises/{credit_code}", "One enterprise's score explained", true,
               [&land](Call& c) { return J(land.Card(c.ctx, c.PathId(), c.req.matches[2].str())); }});
  r.push_back({"GET", "/api/v1/land/runs/{id}/policy-ledger", "Surcharges and quotas per enterprise (written when the run is final)", true,
               [&land](Call& c) { return J(land.PolicyLedger(c.ctx, c.PathId())); }});
  r.push_back({"GET", "/api/v1/land/runs/{id}/journal", "Adjustments, appeals and state changes of a run", true,
               [&land](Call& c) { return J(land.Journal(c.ctx, "le_run", c.PathId())); }});
  r.push_back({"GET", "/api/v1/land/runs/{id}/export", "The results exactly as `gongjian evaluate land` writes them (?format=csv|xlsx)", true,
               [&land](Call& c) -> Result<Reply> {
                 auto x = land.Export(c.ctx, c.PathId(), c.Query("format").empty() ? "xlsx" : c.Query("format"));
                 if (!x) return x.error();
                 Reply rep;
                 rep.raw = std::move(x->bytes);
                 rep.content_type = x->content_type;
                 rep.filename = x->filename;
                 return rep;
               }});
}

}  // namespace gj::api

// The endpoint table. Handlers only translate HTTP ↔ service calls; rules live in services.
#include "api/routes.h"

#include <algorithm>

#include "api/json/ledger_json.h"
#include "common/json_field.h"

namespace gj::api {

namespace {

// The list and the export: the one project filter, plus paging (the export's "page" is the whole
// filtered list up to max_limit rows).
store::ProjectFilter ListFilterFrom(QueryParams& q, int64_t max_limit) {
  auto f = ProjectFilterFrom(q);
  const auto page = q.Page(std::min<int64_t>(50, max_limit), max_limit);
  f.offset = page.offset;
  f.limit = page.limit;
  return f;
}

void AuthRoutes(Services& s, std::vector<Route>& r) {
  r.push_back({"POST", "/api/v1/auth/login", "Log in with login and password; returns a bearer token", false,
               BodyHandler([&s](Call& c, const nlohmann::json& b) -> Result<nlohmann::json> {
                 Problems pr;
                 JsonFields f(b, pr);
                 const auto login = f.Text("login", Need::kRequired);
                 const auto password = f.Text("password", Need::kRequired);
                 f.RejectUnknown();
                 if (!pr.empty()) return BadBody(pr);
                 auto res = s.auth.Login(*login, *password, c.ctx.now_unix, c.ctx.now);
                 if (!res) return res.error();
                 return LoginJson(res.value(), *s.ledger.Regions());
               })});
  // The product's one clock (GONGJIAN_NOW when pinned): the web app takes "today" from here, not
  // from the browser, so a county PC with a wrong clock still files for the right week.
  r.push_back({"GET", "/api/v1/clock", "The server's date (China Standard Time) and time (UTC)", false,
               [](Call& c) -> Result<Reply> {
                 return Reply::Json(
                     {{"today", c.ctx.today.ToString()}, {"now", c.ctx.now}, {"time_zone", "Asia/Shanghai"}});
               }});
  r.push_back(
      {"POST", "/api/v1/auth/logout", "Revoke the current token", true, [&s](Call& c) -> Result<Reply> {
         if (auto st = s.auth.Logout(c.token); !st) return st.error();
         return Reply::Json(nlohmann::json::object());
       }});
  r.push_back({"GET", "/api/v1/auth/me", "The current user, roles and permissions", true,
               [&s](Call& c) -> Result<Reply> {
                 return Reply::Json(CallerJson(c.ctx.caller, *s.ledger.Regions()));
               }});
  r.push_back({"POST", "/api/v1/auth/tokens",
               "Create a long-lived API token for scripts ({name, days ≥ 1, default 365})", true,
               BodyHandler(
                   [&s](Call& c, const nlohmann::json& b) -> Result<nlohmann::json> {
                     Problems pr;
                     JsonFields f(b, pr);
                     const auto name = f.Text("name");
                     const auto days = f.Int("days", Need::kOptional, {1, std::numeric_limits<int>::max()});
                     f.RejectUnknown();
                     if (!pr.empty()) return BadBody(pr);
                     auto token = s.auth.CreateApiToken(c.ctx.caller, name.value_or(""),
                                                        static_cast<int>(days.value_or(365)), c.ctx.now_unix,
                                                        c.ctx.now);
                     if (!token) return token.error();
                     return nlohmann::json(token.value());
                   },
                   201)});
  r.push_back({"GET", "/api/v1/auth/tokens", "List the caller's API tokens", true,
               [&s](Call& c) -> Result<Reply> { return Reply::Json(s.auth.ListApiTokens(c.ctx.caller)); }});
  r.push_back(
      {"DELETE", "/api/v1/auth/tokens/{id}", "Revoke an API token", true, [&s](Call& c) -> Result<Reply> {
         if (auto st = s.auth.RevokeApiToken(c.ctx.caller, c.PathId(), c.ctx.now); !st) return st.error();
         return Reply::Json(nlohmann::json::object());
       }});
}

void OrganisationRoutes(Services& s, std::vector<Route>& r) {
  r.push_back({"GET", "/api/v1/regions", "Regions in the caller's scope", true,
               [&s](Call& c) -> Result<Reply> { return Reply::Json(s.ledger.VisibleRegions(c.ctx)); }});
  r.push_back(
      {"GET", "/api/v1/units", "Units (departments, towns) of a region", true,
       [&s](Call& c) -> Result<Reply> { return Reply::Json(s.ledger.Units(c.ctx, c.Query("region"))); }});
  r.push_back({"GET", "/api/v1/people", "People (leaders, specialists) of a region", true,
               [&s](Call& c) -> Result<Reply> {
                 return Reply::Json(s.ledger.People(c.ctx, c.Query("region"), c.Query("kind")));
               }});
  r.push_back({"GET", "/api/v1/dictionaries", "Category, level, kind, track and stage lists", true,
               [&s](Call&) -> Result<Reply> { return Reply::Json(s.ledger.Dictionaries()); }});
  r.push_back({"PUT", "/api/v1/dictionaries/{kind}", "Replace one dictionary (admin)", true,
               BodyHandler([&s](Call& c, const nlohmann::json& b) {
                 return s.ledger.PutDictionary(c.ctx, c.PathText(), b);
               })});
}

void ProjectRoutes(Services& s, std::vector<Route>& r) {
  r.push_back(
      {"GET", "/api/v1/projects",
       "List projects (filters: region, town, category, level, kind, track, stage, leader, unit, year, q, archived; sort, order, offset, limit ≤ 100)",
       true, [&s](Call& c) -> Result<Reply> {
         QueryParams q(c);
         const auto f = ListFilterFrom(q, 100);
         if (auto st = q.Check(); !st) return st.error();
         auto page = s.ledger.ListPage(c.ctx, f);
         if (!page) return page.error();
         return Reply::File(ProjectListPageJson(page.value()), "application/json; charset=utf-8");
       }});
  r.push_back(
      {"POST", "/api/v1/projects", "Create a project", true,
       BodyHandler([&s](Call& c, const nlohmann::json& b) { return s.ledger.Create(c.ctx, b); }, 201)});
  r.push_back({"POST", "/api/v1/projects/import",
               "Import the ledger sheet (.xlsx body); ?dry_run=true lists every problem and writes nothing",
               true, [&s](Call& c) -> Result<Reply> {
                 QueryParams q(c);
                 const bool dry = q.Flag("dry_run");
                 if (auto st = q.Check(); !st) return st.error();
                 if (c.req.body.empty()) return Error::BadRequest("the body must be the .xlsx file");
                 auto report = s.sheets.Import(c.ctx, c.req.body, dry);
                 if (!report) return report.error();
                 return Reply::Json(report.value());
               }});
  r.push_back({"GET", "/api/v1/projects/export",
               "Export the filtered list as the ledger sheet (?format=xlsx|csv, same filters as the list)",
               true, [&s](Call& c) -> Result<Reply> {
                 QueryParams q(c);
                 const std::string format = q.OneOf("format", {"xlsx", "csv"}, "xlsx").value_or("");
                 const auto f = ListFilterFrom(q, 1000000);
                 if (auto st = q.Check(); !st) return st.error();
                 auto bytes = s.sheets.Export(c.ctx, f, format);
                 if (!bytes) return bytes.error();
                 return Reply::File(std::move(bytes.value()),
                                    format == "csv"
                                        ? "text/csv; charset=utf-8"
                                        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    "重点项目-" + c.ctx.today.ToString() + "." + format);
               }});
  // A stale version's 409 carries the project as GET shows it.
  auto project_now = [&s](Call& c) { return s.ledger.Get(c.ctx, c.PathId()); };
  r.push_back({"GET", "/api/v1/projects/{id}", "One project", true,
               [project_now](Call& c) { return JsonReply(project_now(c)); }});
  r.push_back({"PATCH", "/api/v1/projects/{id}", "Change fields of a project (send its version)", true,
               VersionedBodyHandler(
                   [&s](Call& c, const nlohmann::json& b) { return s.ledger.Update(c.ctx, c.PathId(), b); },
                   project_now)});
  r.push_back(
      {"POST", "/api/v1/projects/{id}/stage", "Move a project to another stage", true,
       VersionedBodyHandler(
           [&s](Call& c, const nlohmann::json& b) { return s.ledger.ChangeStage(c.ctx, c.PathId(), b); },
           project_now)});
  r.push_back({"POST", "/api/v1/projects/{id}/archive", "Archive a project (never deleted)", true,
               VersionedBodyHandler(
                   [&s](Call& c, const nlohmann::json& b) { return s.ledger.Archive(c.ctx, c.PathId(), b); },
                   project_now)});
  r.push_back({"GET", "/api/v1/projects/{id}/journal", "Who changed what and when, newest first", true,
               [&s](Call& c) { return JsonReply(s.ledger.Journal(c.ctx, c.PathId())); }});
  r.push_back({"GET", "/api/v1/overview",
               "Counts and investment by stage, category, town and county (?region=)", true,
               [&s](Call& c) { return JsonReply(s.ledger.Overview(c.ctx, c.Query("region"))); }});
}

}  // namespace

std::vector<Route> AllRoutes(Services& s) {
  std::vector<Route> r;
  AuthRoutes(s, r);
  OrganisationRoutes(s, r);
  ProjectRoutes(s, r);
  SupervisionRoutes(s, r);
  ProgressRoutes(s, r);
  LandEfficiencyRoutes(s, r);
  AssessmentRoutes(s, r);
  OrgRoutes(s, r);
  AccountRoutes(s, r);
  return r;
}

}  // namespace gj::api

// The endpoint table. Handlers only translate HTTP ↔ service calls; rules live in services.
#include "api/routes.h"

#include <algorithm>

#include "api/json/ledger_json.h"
#include "api/json/results_json.h"
#include "api/routes_attraction.h"
#include "common/json_field.h"
#include "service/ledger/plausibility_settings.h"
#include "service/ledger/project_abilities.h"

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
  // Log-in, log-out and /auth/me with the browser's session cookie (routes_accounts.cpp).
  SessionRoutes(s, r);
  // The product's one clock (GONGJIAN_NOW when pinned): the web app takes "today" from here, not
  // from the browser, so a county PC with a wrong clock still files for the right week.
  r.push_back({"GET", "/api/v1/clock", "The server's date (China Standard Time) and time (UTC)", false,
               [](Call& c) -> Result<Reply> {
                 return Reply::Json(
                     {{"today", c.ctx.today.ToString()}, {"now", c.ctx.now}, {"time_zone", "Asia/Shanghai"}});
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

// The {year} of a path: an integer, else 400.
Result<int> PathYear(Call& c, size_t index) {
  const std::string text = c.PathText(index);
  if (text.empty() || text.size() > 4 ||
      !std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return Error::BadRequest("the year in the path must be an integer, not '" + text + "'");
  }
  return std::stoi(text);
}

// Project years (a project's rows of the annual lists) and the year roll-over.
void YearRoutes(Services& s, std::vector<Route>& r) {
  r.push_back({"GET", "/api/v1/projects/{id}/years", "The annual lists a project is on, ascending", true,
               [&s](Call& c) { return JsonReply(s.ledger.Years(c.ctx, c.PathId())); }});
  auto year_now = [&s](Call& c) -> Result<ledger::ProjectYear> {
    auto year = PathYear(c, 2);
    if (!year) return year.error();
    return s.ledger.Year(c.ctx, c.PathId(), year.value());
  };
  r.push_back({"GET", "/api/v1/projects/{id}/years/{year}", "A project's kind and figures of one year", true,
               [year_now](Call& c) { return JsonReply(year_now(c)); }});
  r.push_back({"PUT", "/api/v1/projects/{id}/years/{year}",
               "Put a project on a year's list (no version: 201) or change that year's kind and figures "
               "({version, kind?, annual_plan, annual_completed})",
               true, [&s, year_now](Call& c) -> Result<Reply> {
                 auto year = PathYear(c, 2);
                 if (!year) return year.error();
                 auto body = c.Body();
                 if (!body) return body.error();
                 auto res = s.ledger.PutYear(c.ctx, c.PathId(), year.value(), body.value());
                 if (!res) return WithCurrent(c, res.error(), year_now);
                 return Reply::Json(nlohmann::json(res.value()), res.value().created ? 201 : 200);
               }});
  r.push_back({"POST", "/api/v1/years/{year}/rollover",
               "Build next year's list from this year's unfinished projects ({dry_run, region?, plans?})",
               true, [&s](Call& c) -> Result<Reply> {
                 auto year = PathYear(c, 1);
                 if (!year) return year.error();
                 auto body = c.Body();
                 if (!body) return body.error();
                 return JsonReply(s.ledger.Rollover(c.ctx, year.value(), body.value()));
               }});
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
  r.push_back(
      {"POST", "/api/v1/projects/import",
       "Import the ledger sheet (.xlsx body) as ?year='s list (default: the current list year); ?dry_run=true lists every problem and writes nothing",
       true,
       [&s](Call& c) -> Result<Reply> {
         QueryParams q(c);
         const bool dry = q.Flag("dry_run");
         const auto year = q.Year();
         if (auto st = q.Check(); !st) return st.error();
         if (c.req.body.empty()) return Error::BadRequest("the body must be the .xlsx file");
         auto report = s.sheets.Import(c.ctx, c.req.body, dry, year);
         if (!report) return report.error();
         return Reply::Json(report.value());
       },
       kUploadBody});
  r.push_back(
      {"GET", "/api/v1/projects/import/template",
       "The ledger import template (重点项目台账-导入模板.xlsx): the headers the import reads, a sample "
       "row, and a sheet 说明 with each column's rule, allowed values and unit",
       true, [&s](Call& c) -> Result<Reply> {
         auto bytes = s.sheets.Template(c.ctx);
         if (!bytes) return bytes.error();
         return Reply::File(std::move(bytes.value()),
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            "重点项目台账-导入模板.xlsx");
       }});
  r.push_back(
      {"GET", "/api/v1/projects/export",
       "Export the filtered list as the ledger sheet 重点项目台账-<year> (?format=xlsx|csv, same filters as the list)",
       true, [&s](Call& c) -> Result<Reply> {
         QueryParams q(c);
         const std::string format = q.OneOf("format", {"xlsx", "csv"}, "xlsx").value_or("");
         const auto f = ListFilterFrom(q, kQueryLimits.export_rows);
         if (auto st = q.Check(); !st) return st.error();
         auto file = s.sheets.Export(c.ctx, f, format);
         if (!file) return file.error();
         return Reply::File(std::move(file->bytes),
                            format == "csv"
                                ? "text/csv; charset=utf-8"
                                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            file->filename);
       }});
  // A stale version's 409 carries the project as GET shows it.
  auto project_now = [&s](Call& c) { return s.ledger.Get(c.ctx, c.PathId()); };
  r.push_back(
      {"GET", "/api/v1/projects/{id}",
       "One project, with the kind and figures of ?year= (default: its latest year up to the current list year)",
       true, [&s](Call& c) -> Result<Reply> {
         QueryParams q(c);
         const auto year = q.Year();
         if (auto st = q.Check(); !st) return st.error();
         auto row = s.ledger.Get(c.ctx, c.PathId(), year);
         if (!row) return row.error();
         // With what the caller may do with it: the page shows its edit forms only where can_edit.
         nlohmann::json j = row.value();
         const auto abilities = service::AbilitiesOf(c.ctx, row->project, *s.ledger.Regions());
         j["can_edit"] = abilities.can_edit;
         j["mine"] = abilities.mine;
         // 链长制: the chain it names (projects.chain_id; `chain` is that chain's name).
         const auto chain = s.chains.ChainOfProject(row->project.id);
         j["chain_id"] = chain ? nlohmann::json(*chain) : nlohmann::json(nullptr);
         // The builder as the enterprise registry knows it, and its land-efficiency class (A/B/C/D)
         // in the latest published run of its county (null when none, or not in the caller's remit).
         j["builder_enterprise"] = nullptr;
         j["builder_class"] = nullptr;
         if (row->project.builder_code) {
           const auto b = s.enterprises.Builder(c.ctx, *row->project.builder_code);
           j["builder_enterprise"] = b;
           if (b.land && !b.land->klass.empty()) j["builder_class"] = b.land->klass;
         }
         return Reply::Json(std::move(j));
       }});
  r.push_back(
      {"PATCH", "/api/v1/projects/{id}",
       "Change fields of a project (send its version); kind and the annual figures go to the year the "
       "read showed (or the body's year)",
       true,
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
  YearRoutes(s, r);
  r.push_back({"GET", "/api/v1/overview",
               "Counts and investment by stage, category, town and county (?region=&year=&as_of=), with 同比",
               true, [&s](Call& c) -> Result<Reply> {
                 QueryParams q(c);
                 const auto year = q.Year();
                 const auto as_of = q.DateParam("as_of");
                 if (auto st = q.Check(); !st) return st.error();
                 return JsonReply(s.ledger.Overview(c.ctx, c.Query("region"), year, as_of));
               }});
  // Plausibility (domain/ledger/plausibility.h): the thresholds as data.
  r.push_back({"GET", "/api/v1/settings/plausibility",
               "The plausibility thresholds: completed_plan_factor (hard: annual completed ≤ plan × it), "
               "jump_points and ahead_points (soft warnings), max_amount (yuan, fixed)",
               true, [&s](Call&) -> Result<Reply> {
                 auto c = s.db.Acquire();
                 return Reply::Json(service::PlausibilityJson(service::LoadPlausibility(*c)));
               }});
  r.push_back(
      {"PUT", "/api/v1/settings/plausibility",
       "Change the plausibility thresholds (admin): {completed_plan_factor?, jump_points?, ahead_points?}, "
       "each 1..100",
       true, BodyHandler([&s](Call& c, const nlohmann::json& b) -> Result<nlohmann::json> {
         auto p = service::PutPlausibility(s.db, c.ctx, b);
         if (!p) return p.error();
         return service::PlausibilityJson(p.value());
       })});
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
  HomeRoutes(s, r);
  AttractionRoutes(s, r);
  EnterpriseRoutes(s, r);
  EventRoutes(s, r);
  ChainRoutes(s, r);
  AttractionDispatchRoutes(s, r);
  return r;
}

}  // namespace gj::api

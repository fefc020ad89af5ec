// The endpoint table. Handlers only translate HTTP ↔ service calls; rules live in services.
#include "api/routes.h"

#include <charconv>

namespace gj::api {

namespace {

nlohmann::json CallerJson(const access::Caller& c, const access::RegionTree& tree) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& g : c.grants) {
    const access::Region* r = tree.Find(g.region_code);
    roles.push_back({{"role", g.role}, {"region_code", g.region_code}, {"region_name", r ? r->name : ""},
                     {"unit_id", g.unit_id ? nlohmann::json(*g.unit_id) : nlohmann::json(nullptr)}});
  }
  return {{"id", c.user_id}, {"login", c.login}, {"name", c.name},
          {"person_id", c.person_id ? nlohmann::json(*c.person_id) : nlohmann::json(nullptr)},
          {"roles", roles}, {"permissions", access::Permissions(c)}};
}

// Parses an optional integer query parameter; reports a bad value.
std::optional<int64_t> IntParam(const Call& call, const std::string& name, Problems& pr) {
  const std::string v = call.Query(name);
  if (v.empty()) return std::nullopt;
  int64_t out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || p != v.data() + v.size()) {
    pr.Add(name, v, "must be an integer");
    return std::nullopt;
  }
  return out;
}

std::optional<std::string> TextParam(const Call& call, const std::string& name) {
  std::string v = call.Query(name);
  if (v.empty()) return std::nullopt;
  return v;
}

// Query parameters → a project filter (shared by the list and the export).
Result<store::ProjectFilter> FilterFrom(const Call& call, int64_t max_limit) {
  Problems pr;
  store::ProjectFilter f;
  f.region = TextParam(call, "region");
  f.town = TextParam(call, "town");
  f.category = TextParam(call, "category");
  f.level = TextParam(call, "level");
  f.kind = TextParam(call, "kind");
  f.track = TextParam(call, "track");
  f.stage = TextParam(call, "stage");
  f.q = TextParam(call, "q");
  f.leader_id = IntParam(call, "leader", pr);
  f.unit_id = IntParam(call, "unit", pr);
  if (auto y = IntParam(call, "year", pr)) f.year = static_cast<int>(*y);
  f.include_archived = call.Query("archived") == "true" || call.Query("archived") == "1";
  if (auto s = TextParam(call, "sort")) {
    if (store::IsSortableColumn(*s)) f.sort = *s;
    else pr.Add("sort", *s, "not a sortable column");
  }
  const std::string order = call.Query("order");
  if (!order.empty() && order != "asc" && order != "desc") pr.Add("order", order, "must be asc or desc");
  f.descending = order == "desc";
  const auto page = PageFrom(call, std::min<int64_t>(50, max_limit), max_limit, pr);
  f.offset = page.offset;
  f.limit = page.limit;
  if (!pr.empty()) return BadQuery(pr);
  return f;
}

template <class T>
Result<Reply> JsonOf(Result<T> r, int status = 200) {
  if (!r) return r.error();
  if constexpr (std::is_same_v<T, store::ProjectRow>) return Reply::Json(service::ProjectView(r.value()), status);
  else return Reply::Json(std::move(r.value()), status);
}

void AuthRoutes(Services& s, std::vector<Route>& r) {
  r.push_back({"POST", "/api/v1/auth/login", "Log in with login and password; returns a bearer token", false, [&s](Call& c) -> Result<Reply> {
    auto body = c.Body();
    if (!body) return body.error();
    const auto& b = body.value();
    if (!b.is_object() || !b.contains("login") || !b["login"].is_string() || !b.contains("password") || !b["password"].is_string()) {
      return Error::BadRequest("the body must be {\"login\": string, \"password\": string}");
    }
    auto res = s.auth.Login(b["login"], b["password"], c.ctx.now_unix, c.ctx.now);
    if (!res) return res.error();
    return Reply::Json({{"token", res->token}, {"expires_at", res->expires_at}, {"user", CallerJson(res->caller, *s.ledger.Regions())}});
  }});
  // The product's one clock (GONGJIAN_NOW when pinned): the web app takes "today" from here, not
  // from the browser, so a county PC with a wrong clock still files for the right week.
  r.push_back({"GET", "/api/v1/clock", "The server's date (China Standard Time) and time (UTC)", false, [](Call& c) -> Result<Reply> {
    return Reply::Json({{"today", c.ctx.today.ToString()}, {"now", c.ctx.now}, {"time_zone", "Asia/Shanghai"}});
  }});
  r.push_back({"POST", "/api/v1/auth/logout", "Revoke the current token", true, [&s](Call& c) -> Result<Reply> {
    if (auto st = s.auth.Logout(c.token); !st) return st.error();
    return Reply::Json(nlohmann::json::object());
  }});
  r.push_back({"GET", "/api/v1/auth/me", "The current user, roles and permissions", true, [&s](Call& c) -> Result<Reply> {
    return Reply::Json(CallerJson(c.ctx.caller, *s.ledger.Regions()));
  }});
  r.push_back({"POST", "/api/v1/auth/tokens", "Create a long-lived API token for scripts", true, [&s](Call& c) -> Result<Reply> {
    auto body = c.Body();
    if (!body) return body.error();
    const auto& b = body.value();
    if (!b.is_object() || (b.contains("days") && !b["days"].is_number_integer())) return Error::BadRequest("the body must be {\"name\": string, \"days\": integer}");
    return JsonOf(s.auth.CreateApiToken(c.ctx.caller, b.value("name", ""), b.value("days", 365), c.ctx.now_unix, c.ctx.now), 201);
  }});
  r.push_back({"GET", "/api/v1/auth/tokens", "List the caller's API tokens", true, [&s](Call& c) -> Result<Reply> {
    return Reply::Json(s.auth.ListApiTokens(c.ctx.caller));
  }});
  r.push_back({"DELETE", "/api/v1/auth/tokens/{id}", "Revoke an API token", true, [&s](Call& c) -> Result<Reply> {
    if (auto st = s.auth.RevokeApiToken(c.ctx.caller, c.PathId()); !st) return st.error();
    return Reply::Json(nlohmann::json::object());
  }});
}

void OrganisationRoutes(Services& s, std::vector<Route>& r) {
  r.push_back({"GET", "/api/v1/regions", "Regions in the caller's scope", true, [&s](Call& c) -> Result<Reply> {
    return Reply::Json(s.ledger.RegionsJson(c.ctx));
  }});
  r.push_back({"GET", "/api/v1/units", "Units (departments, towns) of a region", true, [&s](Call& c) -> Result<Reply> {
    return Reply::Json(s.ledger.UnitsJson(c.ctx, c.Query("region")));
  }});
  r.push_back({"GET", "/api/v1/people", "People (leaders, specialists) of a region", true, [&s](Call& c) -> Result<Reply> {
    return Reply::Json(s.ledger.PeopleJson(c.ctx, c.Query("region"), c.Query("kind")));
  }});
  r.push_back({"GET", "/api/v1/dictionaries", "Category, level, kind, track and stage lists", true, [&s](Call&) -> Result<Reply> {
    return Reply::Json(s.ledger.DictionariesJson());
  }});
  r.push_back({"PUT", "/api/v1/dictionaries/{kind}", "Replace one dictionary (admin)", true, [&s](Call& c) -> Result<Reply> {
    auto body = c.Body();
    if (!body) return body.error();
    return JsonOf(s.ledger.PutDictionary(c.ctx, c.req.matches[1].str(), body.value()));
  }});
}

void ProjectRoutes(Services& s, std::vector<Route>& r) {
  r.push_back({"GET", "/api/v1/projects", "List projects (filters: region, town, category, level, kind, track, stage, leader, unit, year, q; sort, order, offset, limit ≤ 100)", true,
               [&s](Call& c) -> Result<Reply> {
                 auto f = FilterFrom(c, 100);
                 if (!f) return f.error();
                 auto page = s.ledger.ListPageJson(c.ctx, f.value());
                 if (!page) return page.error();
                 Reply r;
                 r.raw = std::move(page.value());
                 r.content_type = "application/json; charset=utf-8";
                 return r;
               }});
  r.push_back({"POST", "/api/v1/projects", "Create a project", true, [&s](Call& c) -> Result<Reply> {
    auto body = c.Body();
    if (!body) return body.error();
    return JsonOf(s.ledger.Create(c.ctx, body.value()), 201);
  }});
  r.push_back({"POST", "/api/v1/projects/import", "Import the ledger sheet (.xlsx body); ?dry_run=true lists every problem and writes nothing", true,
               [&s](Call& c) -> Result<Reply> {
                 if (c.req.body.empty()) return Error::BadRequest("the body must be the .xlsx file");
                 const bool dry = c.Query("dry_run") == "true" || c.Query("dry_run") == "1";
                 auto report = s.sheets.Import(c.ctx, c.req.body, dry);
                 if (!report) return report.error();
                 return Reply::Json(report->ToJson());
               }});
  r.push_back({"GET", "/api/v1/projects/export", "Export the filtered list as the ledger sheet (?format=xlsx|csv, same filters as the list)", true,
               [&s](Call& c) -> Result<Reply> {
                 auto f = FilterFrom(c, 1000000);
                 if (!f) return f.error();
                 const std::string format = c.Query("format").empty() ? "xlsx" : c.Query("format");
                 auto bytes = s.sheets.Export(c.ctx, f.value(), format);
                 if (!bytes) return bytes.error();
                 Reply r;
                 r.raw = std::move(bytes.value());
                 r.content_type = format == "csv" ? "text/csv; charset=utf-8"
                                                  : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                 r.filename = "重点项目-" + c.ctx.today.ToString() + "." + format;
                 return r;
               }});
  r.push_back({"GET", "/api/v1/projects/{id}", "One project", true, [&s](Call& c) -> Result<Reply> {
    return JsonOf(s.ledger.Get(c.ctx, c.PathId()));
  }});
  r.push_back({"PATCH", "/api/v1/projects/{id}", "Change fields of a project (send its version)", true, [&s](Call& c) -> Result<Reply> {
    auto body = c.Body();
    if (!body) return body.error();
    return JsonOf(s.ledger.Update(c.ctx, c.PathId(), body.value()));
  }});
  r.push_back({"POST", "/api/v1/projects/{id}/stage", "Move a project to another stage", true, [&s](Call& c) -> Result<Reply> {
    auto body = c.Body();
    if (!body) return body.error();
    return JsonOf(s.ledger.ChangeStage(c.ctx, c.PathId(), body.value()));
  }});
  r.push_back({"POST", "/api/v1/projects/{id}/archive", "Archive a project (never deleted)", true, [&s](Call& c) -> Result<Reply> {
    auto body = c.Body();
    if (!body) return body.error();
    return JsonOf(s.ledger.Archive(c.ctx, c.PathId(), body.value()));
  }});
  r.push_back({"GET", "/api/v1/projects/{id}/journal", "Who changed what and when, newest first", true, [&s](Call& c) -> Result<Reply> {
    return JsonOf(s.ledger.Journal(c.ctx, c.PathId()));
  }});
  r.push_back({"GET", "/api/v1/overview", "Counts and investment by stage, category, town and county", true, [&s](Call& c) -> Result<Reply> {
    return JsonOf(s.ledger.Overview(c.ctx, c.Query("region")));
  }});
}

}  // namespace

Error BadQuery(const Problems& pr) {
  Error e = pr.ToError("bad query parameters");
  e.code = ErrorCode::kBadRequest;
  return e;
}

PageParams PageFrom(const Call& call, int64_t default_limit, int64_t max_limit, Problems& pr) {
  PageParams page;
  page.offset = IntParam(call, "offset", pr).value_or(0);
  page.limit = IntParam(call, "limit", pr).value_or(default_limit);
  if (page.offset < 0) pr.Add("offset", std::to_string(page.offset), "must not be negative");
  if (page.limit < 0 || page.limit > max_limit || (page.limit == 0 && default_limit != 0)) {
    pr.Add("limit", std::to_string(page.limit), "must be between 1 and " + std::to_string(max_limit));
  }
  return page;
}

std::vector<Route> AllRoutes(Services& s) {
  std::vector<Route> r;
  AuthRoutes(s, r);
  OrganisationRoutes(s, r);
  ProjectRoutes(s, r);
  SupervisionRoutes(s, r);
  ProgressRoutes(s, r);
  LandEfficiencyRoutes(s, r);
  AssessmentRoutes(s, r);
  return r;
}

}  // namespace gj::api

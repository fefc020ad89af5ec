// Endpoints of the progress table, warning lights, targets and dispatch bulletins. Handlers only
// translate HTTP ↔ service calls.
#include <charconv>

#include "api/routes.h"
#include "common/base64.h"

namespace gj::api {

namespace {

Result<Reply> J(Result<nlohmann::json> r, int status = 200) {
  if (!r) return r.error();
  return Reply::Json(std::move(r.value()), status);
}

// ?as_of=YYYY-MM-DD, default today.
Result<Date> AsOf(const Call& c) {
  const std::string v = c.Query("as_of");
  if (v.empty()) return c.ctx.today;
  auto d = ParseIsoDate(v);
  if (!d) return Error::Invalid("as_of is not a date", {{"as_of", v, "a date YYYY-MM-DD"}});
  return *d;
}

int64_t IntOr(const Call& c, const std::string& name, int64_t fallback) {
  const std::string v = c.Query(name);
  int64_t out = fallback;
  if (!v.empty()) std::from_chars(v.data(), v.data() + v.size(), out);
  return out;
}

template <class F>
Result<Reply> WithBody(Call& c, F f) {
  auto body = c.Body();
  if (!body) return body.error();
  return J(f(body.value()));
}

}  // namespace

void ProgressRoutes(Services& s, std::vector<Route>& r) {
  auto& sv = s.progress;
  r.push_back({"GET", "/api/v1/supervision/settings", "Light rules and report policy of a region (?region=)", true,
               [&sv](Call& c) -> Result<Reply> { return J(sv.Settings(c.ctx, c.Query("region"))); }});
  // One path, two halves: the light rules and report policy belong to a region (progress
  // service, versioned); the escalation ladder, visit rule and tile URL are global (supervision
  // service). They are two transactions, so a body mixing both is refused rather than half applied.
  r.push_back({"PUT", "/api/v1/supervision/settings",
               "Change the light rules (preset + overrides) and report policy of a region (?region=; send version), "
               "or the escalation ladder, visit rule and map tile URL (one of the two per request; project office)",
               true, [&s](Call& c) -> Result<Reply> {
                 return WithBody(c, [&](const nlohmann::json& b) -> Result<nlohmann::json> {
                   const auto has = [&](const char* k) { return b.is_object() && b.contains(k); };
                   const bool regional = has("light_rules") || has("report_policy");
                   const bool global = has("escalation") || has("visit_rule") || has("map_tile_url");
                   if (regional && global) {
                     return Error::BadRequest("send the light rules and report policy (per region) apart from the escalation, visit rule and tile URL");
                   }
                   if (regional) return s.progress.PutSettings(c.ctx, c.Query("region"), b);
                   return s.supervision.PutSettings(c.ctx, b);
                 });
               }});
  r.push_back({"POST", "/api/v1/reports/tasks", "Generate the report tasks of a period for every project of a region ({region, period})", true,
               [&sv](Call& c) -> Result<Reply> { return WithBody(c, [&](const nlohmann::json& b) { return sv.GenerateTasks(c.ctx, b); }); }});
  r.push_back({"GET", "/api/v1/reports", "Progress reports of a period (?region=&period=2026-W23&status=)", true, [&sv](Call& c) -> Result<Reply> {
                 return J(sv.ListReports(c.ctx, c.Query("region"), c.Query("period"), c.Query("status")));
               }});
  r.push_back({"GET", "/api/v1/reports/missing", "Missing and late reports per unit (?region=&as_of=)", true, [&sv](Call& c) -> Result<Reply> {
                 auto d = AsOf(c);
                 if (!d) return d.error();
                 return J(sv.MissingReports(c.ctx, c.Query("region"), d.value()));
               }});
  r.push_back({"GET", "/api/v1/reports/{id}", "One progress report", true, [&sv](Call& c) -> Result<Reply> { return J(sv.GetReport(c.ctx, c.PathId())); }});
  r.push_back({"PATCH", "/api/v1/reports/{id}", "Save a report's content; \"submit\": true submits it (send version)", true, [&sv](Call& c) -> Result<Reply> {
                 return WithBody(c, [&](const nlohmann::json& b) { return sv.SaveReport(c.ctx, c.PathId(), b); });
               }});
  r.push_back({"POST", "/api/v1/reports/{id}/approve", "Approve a submitted report (not one's own)", true, [&sv](Call& c) -> Result<Reply> {
                 return WithBody(c, [&](const nlohmann::json& b) { return sv.Review(c.ctx, c.PathId(), b, true); });
               }});
  r.push_back({"POST", "/api/v1/reports/{id}/return", "Return a submitted report for revision ({version, note})", true, [&sv](Call& c) -> Result<Reply> {
                 return WithBody(c, [&](const nlohmann::json& b) { return sv.Review(c.ctx, c.PathId(), b, false); });
               }});
  r.push_back({"POST", "/api/v1/reports/{id}/reopen", "Reopen a closed period for late filing (coordinator)", true, [&sv](Call& c) -> Result<Reply> {
                 return WithBody(c, [&](const nlohmann::json& b) { return sv.Reopen(c.ctx, c.PathId(), b); });
               }});
  r.push_back({"POST", "/api/v1/reports/{id}/photos", "Upload a photo (JPEG/PNG/WebP body, ≤ 5 MB; ?filename=)", true, [&sv](Call& c) -> Result<Reply> {
                 return J(sv.AddPhoto(c.ctx, c.PathId(), c.Query("filename").empty() ? "photo" : c.Query("filename"), c.req.body), 201);
               }});
  r.push_back({"GET", "/api/v1/report-photos/{id}", "A report photo", true, [&sv](Call& c) -> Result<Reply> {
                 auto p = sv.Photo(c.ctx, c.PathId());
                 if (!p) return p.error();
                 Reply rep;
                 rep.raw = Base64Decode(p->data_base64).value_or("");
                 rep.content_type = p->content_type;
                 return rep;
               }});
  r.push_back({"GET", "/api/v1/projects/{id}/reports", "Every progress report of a project, newest first", true,
               [&sv](Call& c) -> Result<Reply> { return J(sv.ProjectReports(c.ctx, c.PathId())); }});
  r.push_back({"GET", "/api/v1/projects/{id}/stops", "Stop/resume (停工/复工) requests of a project", true,
               [&sv](Call& c) -> Result<Reply> { return J(sv.Stops(c.ctx, c.PathId())); }});
  r.push_back({"POST", "/api/v1/projects/{id}/stops", "Request a stop or resume ({kind: stop|resume, reason, effective_date})", true, [&sv](Call& c) -> Result<Reply> {
                 auto body = c.Body();
                 if (!body) return body.error();
                 return J(sv.RequestStop(c.ctx, c.PathId(), body.value()), 201);
               }});
  r.push_back({"POST", "/api/v1/stops/{id}/decide", "Approve or reject a stop/resume request ({version, approve, note})", true, [&sv](Call& c) -> Result<Reply> {
                 return WithBody(c, [&](const nlohmann::json& b) { return sv.DecideStop(c.ctx, c.PathId(), b); });
               }});
  r.push_back({"GET", "/api/v1/projects/{id}/monthly-plan", "A project's 分月计划投资 of a year (?year=, default this year)", true,
               [&sv](Call& c) -> Result<Reply> {
                 return J(sv.MonthlyPlan(c.ctx, c.PathId(), static_cast<int>(IntOr(c, "year", c.ctx.today.year))));
               }});
  r.push_back({"PUT", "/api/v1/projects/{id}/monthly-plan", "Set a project's 分月计划投资 ({version, months: 12 amounts in yuan}; ?year=)", true,
               [&sv](Call& c) -> Result<Reply> {
                 const int year = static_cast<int>(IntOr(c, "year", c.ctx.today.year));
                 return WithBody(c, [&](const nlohmann::json& b) { return sv.PutMonthlyPlan(c.ctx, c.PathId(), year, b); });
               }});
  r.push_back({"GET", "/api/v1/projects/{id}/light", "A project's light and reasons as of a date (?as_of=)", true, [&sv](Call& c) -> Result<Reply> {
                 auto d = AsOf(c);
                 if (!d) return d.error();
                 return J(sv.ProjectLight(c.ctx, c.PathId(), d.value()));
               }});
  r.push_back({"GET", "/api/v1/lights", "Lights of a region's projects, red first (?region=&as_of=&light=&offset=&limit=)", true, [&sv](Call& c) -> Result<Reply> {
                 auto d = AsOf(c);
                 if (!d) return d.error();
                 return J(sv.Lights(c.ctx, c.Query("region"), d.value(), c.Query("light"), IntOr(c, "offset", 0), IntOr(c, "limit", 50)));
               }});
  r.push_back({"GET", "/api/v1/lights/dashboard", "Counts of lights by town and rule (?region=&as_of=)", true, [&sv](Call& c) -> Result<Reply> {
                 auto d = AsOf(c);
                 if (!d) return d.error();
                 return J(sv.Dashboard(c.ctx, c.Query("region"), d.value()));
               }});
  r.push_back({"POST", "/api/v1/lights/snapshots", "Keep the lights of a period ({region, period})", true,
               [&sv](Call& c) -> Result<Reply> { return WithBody(c, [&](const nlohmann::json& b) { return sv.KeepSnapshot(c.ctx, b); }); }});
  r.push_back({"GET", "/api/v1/lights/snapshots", "The lights kept for a period (?region=&period=)", true, [&sv](Call& c) -> Result<Reply> {
                 return J(sv.Snapshot(c.ctx, c.Query("region"), c.Query("period")));
               }});
  auto& tg = s.targets;
  r.push_back({"GET", "/api/v1/targets", "Targets with their status as of a date (?region=&as_of=)", true, [&tg](Call& c) -> Result<Reply> {
                 auto d = AsOf(c);
                 if (!d) return d.error();
                 return J(tg.List(c.ctx, c.Query("region"), d.value()));
               }});
  r.push_back({"POST", "/api/v1/targets", "Create a target", true,
               [&tg](Call& c) -> Result<Reply> {
                 auto body = c.Body();
                 if (!body) return body.error();
                 return J(tg.Create(c.ctx, body.value()), 201);
               }});
  r.push_back({"GET", "/api/v1/targets/{id}", "One target with its status (?as_of=)", true, [&tg](Call& c) -> Result<Reply> {
                 auto d = AsOf(c);
                 if (!d) return d.error();
                 return J(tg.Get(c.ctx, c.PathId(), d.value()));
               }});
  r.push_back({"PATCH", "/api/v1/targets/{id}", "Change a target (send version)", true,
               [&tg](Call& c) -> Result<Reply> { return WithBody(c, [&](const nlohmann::json& b) { return tg.Update(c.ctx, c.PathId(), b); }); }});
  r.push_back({"POST", "/api/v1/targets/{id}/archive", "Archive a target (send version)", true,
               [&tg](Call& c) -> Result<Reply> { return WithBody(c, [&](const nlohmann::json& b) { return tg.Archive(c.ctx, c.PathId(), b); }); }});
  auto& bl = s.bulletins;
  r.push_back({"GET", "/api/v1/bulletins", "The dispatch bulletin (?region=&period=2026-W23&format=pdf|xlsx)", true, [&bl](Call& c) -> Result<Reply> {
                 const std::string format = c.Query("format").empty() ? "pdf" : c.Query("format");
                 auto bytes = bl.Render(c.ctx, c.Query("region"), c.Query("period"), format);
                 if (!bytes) return bytes.error();
                 Reply rep;
                 rep.raw = std::move(bytes.value());
                 rep.content_type = format == "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                 rep.filename = "调度通报-" + c.Query("region") + "-" + c.Query("period") + "." + format;
                 return rep;
               }});
}

}  // namespace gj::api

// Supervision endpoints (三张清单): problems and their workflow, milestones and the Gantt, the map,
// procedures, responsibility list and visits, the leader page, the attention list. Handlers only
// translate HTTP ↔ service calls.
#include "api/routes.h"

#include <charconv>

namespace gj::api {

namespace {

using nlohmann::json;

// ?as_of=YYYY-MM-DD (default: today); a bad value is a 400 naming the parameter.
Result<Date> DateParam(const Call& c, const std::string& name, const Date& fallback) {
  const std::string v = c.Query(name);
  if (v.empty()) return fallback;
  auto d = ParseIsoDate(v);
  if (!d) {
    Error e = Error::BadRequest("bad query parameters");
    e.details.push_back({name, v, "must be a date YYYY-MM-DD", 0, {}});
    return e;
  }
  return *d;
}

Result<std::optional<int64_t>> IdParam(const Call& c, const std::string& name) {
  const std::string v = c.Query(name);
  if (v.empty()) return std::optional<int64_t>();
  int64_t out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || p != v.data() + v.size()) {
    Error e = Error::BadRequest("bad query parameters");
    e.details.push_back({name, v, "must be an integer", 0, {}});
    return e;
  }
  return std::optional<int64_t>(out);
}

Result<Reply> J(Result<json> r, int status = 200) {
  if (!r) return r.error();
  return Reply::Json(std::move(r.value()), status);
}

template <class F>
Result<Reply> WithBody(Call& c, F f, int status = 200) {
  auto body = c.Body();
  if (!body) return body.error();
  return J(f(body.value()), status);
}

service::Upload UploadOf(const Call& c) {
  return {c.req.body, c.Query("name").empty() ? c.req.get_header_value("X-File-Name") : c.Query("name")};
}

}  // namespace

void SupervisionRoutes(Services& s, std::vector<Route>& r) {
  auto& sv = s.supervision;
  r.push_back({"GET", "/api/v1/supervision/config", "Problem categories and statuses, the workflow table, escalation ladder, visit rule, procedure kinds", true,
               [&sv](Call& c) -> Result<Reply> { return J(sv.Config(c.ctx)); }});
  // PUT /supervision/settings (the escalation ladder, visit rule, tile URL) is routed in
  // routes_progress.cpp together with the light rules: one path, two halves.

  // ---- problems
  r.push_back({"GET", "/api/v1/problems", "Problems in scope; filters status, unit, coordinator, project, category, overdue=true, region, as_of", true,
               [&sv](Call& c) -> Result<Reply> {
                 auto as_of = DateParam(c, "as_of", c.ctx.today);
                 if (!as_of) return as_of.error();
                 store::ProblemFilter f;
                 for (auto [name, slot] : {std::pair{"unit", &f.unit_id}, std::pair{"project", &f.project_id}, std::pair{"coordinator", &f.coordinator_id}}) {
                   auto v = IdParam(c, name);
                   if (!v) return v.error();
                   *slot = v.value();
                 }
                 if (!c.Query("status").empty()) f.status = c.Query("status");
                 if (!c.Query("category").empty()) f.category = c.Query("category");
                 if (c.Query("overdue") == "true") f.overdue_as_of = as_of.value();
                 return J(sv.ListProblems(c.ctx, f, c.Query("region"), as_of.value()));
               }});
  r.push_back({"GET", "/api/v1/problems/board", "Counts by status, open and overdue by unit, as of a date", true, [&sv](Call& c) -> Result<Reply> {
                 auto as_of = DateParam(c, "as_of", c.ctx.today);
                 if (!as_of) return as_of.error();
                 return J(sv.ProblemBoard(c.ctx, c.Query("region"), as_of.value()));
               }});
  r.push_back({"POST", "/api/v1/problems", "Raise a problem on a project", true,
               [&sv](Call& c) -> Result<Reply> { return WithBody(c, [&](const json& b) { return sv.RaiseProblem(c.ctx, b); }, 201); }});
  r.push_back({"GET", "/api/v1/problems/{id}", "A problem with its steps, attachments and the actions open to the caller", true,
               [&sv](Call& c) -> Result<Reply> { return J(sv.GetProblem(c.ctx, c.PathId())); }});
  r.push_back({"POST", "/api/v1/problems/{id}/actions/{action}", "Take a workflow step: assign, sign, handle, request_close, close_out, return, defer, resume", true,
               [&sv](Call& c) -> Result<Reply> {
                 const std::string action = c.req.matches[2].str();
                 return WithBody(c, [&](const json& b) { return sv.Act(c.ctx, c.PathId(), action, b); });
               }});
  r.push_back({"POST", "/api/v1/problems/{id}/attachments", "Upload evidence (PDF, PNG, JPEG ≤ 10 MB; body = the file, ?name=)", true,
               [&sv](Call& c) -> Result<Reply> { return J(sv.AttachToProblem(c.ctx, c.PathId(), UploadOf(c)), 201); }});
  r.push_back({"GET", "/api/v1/attachments/{id}", "Download an attachment", true, [&sv](Call& c) -> Result<Reply> {
                 auto d = sv.GetAttachment(c.ctx, c.PathId());
                 if (!d) return d.error();
                 Reply rep;
                 rep.raw = std::move(d->bytes);
                 rep.content_type = d->content_type;
                 rep.filename = d->file_name;
                 return rep;
               }});

  // ---- task list
  r.push_back({"GET", "/api/v1/projects/{id}/milestones", "Milestones with the backward schedule (?finish=, ?as_of=)", true, [&sv](Call& c) -> Result<Reply> {
                 auto as_of = DateParam(c, "as_of", c.ctx.today);
                 if (!as_of) return as_of.error();
                 std::optional<Date> finish;
                 if (!c.Query("finish").empty()) {
                   auto f = DateParam(c, "finish", c.ctx.today);
                   if (!f) return f.error();
                   finish = f.value();
                 }
                 return J(sv.Milestones(c.ctx, c.PathId(), finish, as_of.value()));
               }});
  r.push_back({"POST", "/api/v1/projects/{id}/milestones", "Add a milestone", true, [&sv](Call& c) -> Result<Reply> {
                 return WithBody(c, [&](const json& b) { return sv.AddMilestone(c.ctx, c.PathId(), b); }, 201);
               }});
  r.push_back({"PATCH", "/api/v1/milestones/{id}", "Change a milestone (with its version)", true, [&sv](Call& c) -> Result<Reply> {
                 return WithBody(c, [&](const json& b) { return sv.UpdateMilestone(c.ctx, c.PathId(), b); });
               }});
  r.push_back({"GET", "/api/v1/gantt", "Milestones of a filtered set of projects (region, town, category, track, kind, stage, leader, unit)", true,
               [&sv](Call& c) -> Result<Reply> {
                 auto as_of = DateParam(c, "as_of", c.ctx.today);
                 if (!as_of) return as_of.error();
                 store::ProjectFilter f;
                 auto opt = [&](const char* n) { return c.Query(n).empty() ? std::optional<std::string>() : std::optional<std::string>(c.Query(n)); };
                 f.town = opt("town");
                 f.category = opt("category");
                 f.track = opt("track");
                 f.kind = opt("kind");
                 f.stage = opt("stage");
                 for (auto [name, slot] : {std::pair{"leader", &f.leader_id}, std::pair{"unit", &f.unit_id}}) {
                   auto v = IdParam(c, name);
                   if (!v) return v.error();
                   *slot = v.value();
                 }
                 return J(sv.Gantt(c.ctx, f, c.Query("region"), as_of.value()));
               }});
  r.push_back({"GET", "/api/v1/map", "Projects with coordinates, grouped by town, coloured by their warning light (with its reasons); the tile URL if configured", true,
               [&s](Call& c) -> Result<Reply> {
                 auto as_of = DateParam(c, "as_of", c.ctx.today);
                 if (!as_of) return as_of.error();
                 auto map = s.supervision.Map(c.ctx, c.Query("region"), as_of.value());
                 if (!map) return map.error();
                 if (auto st = s.progress.AddLights(c.ctx, c.Query("region"), as_of.value(), map.value()["items"]); !st) return st.error();
                 return Reply::Json(std::move(map.value()));
               }});

  // ---- procedures
  r.push_back({"GET", "/api/v1/procedure-kinds", "Procedure kinds (前期手续) with their guides", true,
               [&sv](Call& c) -> Result<Reply> { return J(sv.ProcedureKinds(c.ctx)); }});
  r.push_back({"PUT", "/api/v1/procedure-kinds/{code}", "Add or change a procedure kind and its guide (project office)", true, [&sv](Call& c) -> Result<Reply> {
                 const std::string code = c.req.matches[1].str();
                 return WithBody(c, [&](const json& b) { return sv.PutProcedureKind(c.ctx, code, b); });
               }});
  r.push_back({"GET", "/api/v1/projects/{id}/procedures", "The project's procedure checklist; blocks_start as of ?as_of=", true, [&sv](Call& c) -> Result<Reply> {
                 auto as_of = DateParam(c, "as_of", c.ctx.today);
                 if (!as_of) return as_of.error();
                 return J(sv.Procedures(c.ctx, c.PathId(), as_of.value()));
               }});
  r.push_back({"PUT", "/api/v1/projects/{id}/procedures/{kind}", "Record a procedure's status and dates (version 0 when new)", true, [&sv](Call& c) -> Result<Reply> {
                 const std::string kind = c.req.matches[2].str();
                 return WithBody(c, [&](const json& b) { return sv.PutProcedure(c.ctx, c.PathId(), kind, b); });
               }});
  r.push_back({"POST", "/api/v1/procedures/{id}/attachments", "Upload the approval document (PDF, PNG, JPEG ≤ 10 MB)", true,
               [&sv](Call& c) -> Result<Reply> { return J(sv.AttachToProcedure(c.ctx, c.PathId(), UploadOf(c)), 201); }});
  r.push_back({"GET", "/api/v1/procedures/durations", "How long approvals took, per handling unit", true,
               [&sv](Call& c) -> Result<Reply> { return J(sv.ProcedureDurations(c.ctx, c.Query("region"))); }});

  // ---- responsibility list
  r.push_back({"GET", "/api/v1/projects/{id}/responsibility", "The project's 包保 leaders, lead unit, specialist and visits", true,
               [&sv](Call& c) -> Result<Reply> { return J(sv.Responsibility(c.ctx, c.PathId())); }});
  r.push_back({"POST", "/api/v1/projects/{id}/assignments", "Assign another leader to the project", true, [&sv](Call& c) -> Result<Reply> {
                 return WithBody(c, [&](const json& b) { return sv.AddAssignment(c.ctx, c.PathId(), b); }, 201);
               }});
  r.push_back({"DELETE", "/api/v1/projects/{id}/assignments/{person}", "Remove an assigned leader", true,
               [&sv](Call& c) -> Result<Reply> { return J(sv.RemoveAssignment(c.ctx, c.PathId(), c.PathId(2))); }});
  r.push_back({"POST", "/api/v1/visits", "Log an onsite visit (现场办公)", true,
               [&sv](Call& c) -> Result<Reply> { return WithBody(c, [&](const json& b) { return sv.AddVisit(c.ctx, b); }, 201); }});
  r.push_back({"GET", "/api/v1/visits/compliance", "Visit compliance per leader for ?from=&to= (default: from the Monday of week 1 of as_of's ISO year to as_of)", true, [&sv](Call& c) -> Result<Reply> {
                 auto as_of = DateParam(c, "as_of", c.ctx.today);
                 if (!as_of) return as_of.error();
                 // Calendar weeks: a week spanning two years belongs to its ISO year, so 2027-01-01 is still 2026's.
                 auto from = DateParam(c, "from", IsoWeek1Monday(IsoWeekOf(as_of.value()).year));
                 if (!from) return from.error();
                 auto to = DateParam(c, "to", as_of.value());
                 if (!to) return to.error();
                 return J(sv.Compliance(c.ctx, c.Query("region"), from.value(), to.value(), as_of.value()));
               }});
  r.push_back({"GET", "/api/v1/leader", "The leader page: my projects with their lights, visits due, recent visits (?person= for the office)", true,
               [&s, &sv](Call& c) -> Result<Reply> {
                 auto as_of = DateParam(c, "as_of", c.ctx.today);
                 if (!as_of) return as_of.error();
                 auto person = IdParam(c, "person");
                 if (!person) return person.error();
                 auto page = sv.LeaderPage(c.ctx, person.value(), as_of.value());
                 if (!page) return page.error();
                 if (auto st = s.progress.AddLights(c.ctx, "", as_of.value(), page.value()["projects"]); !st) return st.error();
                 return Reply::Json(std::move(page.value()));
               }});

  // ---- attention list
  r.push_back({"GET", "/api/v1/attention", "What needs the caller: assigned, returned, due, overdue, to verify, unassigned", true,
               [&sv](Call& c) -> Result<Reply> {
                 auto as_of = DateParam(c, "as_of", c.ctx.today);
                 if (!as_of) return as_of.error();
                 return J(sv.Attention(c.ctx, as_of.value()));
               }});
  r.push_back({"POST", "/api/v1/attention/read", "Mark attention items read ({keys: [...]})", true,
               [&sv](Call& c) -> Result<Reply> { return WithBody(c, [&](const json& b) { return sv.MarkRead(c.ctx, b); }); }});
}

}  // namespace gj::api

// Supervision endpoints (三张清单): problems and their workflow, milestones and the Gantt, the map,
// procedures, responsibility list and visits, the leader page, the attention list. Handlers only
// translate HTTP ↔ service calls.
#include <algorithm>
#include <functional>

#include "api/json/progress_json.h"
#include "api/json/supervision_json.h"
#include "api/routes.h"
#include "io/list_exports.h"
#include "service/supervision/list_exports.h"

namespace gj::api {

namespace {

using nlohmann::json;

// A body handler's function for a write addressed by {id} and a second, text placeholder
// ({action}, {kind}): write(ctx, id, text, body).
template <class F>
auto ByIdAndText(F write) {
  return [write = std::move(write)](Call& c, const json& b) {
    return write(c.ctx, c.PathId(), c.PathText(2), b);
  };
}

// The handler of an evidence upload to the record {id} (body = the file, named by ?name= or the
// X-File-Name header): 201 with the JSON of attach(ctx, id, upload).
template <class F>
Handler UploadHandler(F attach) {
  return [attach = std::move(attach)](Call& c) {
    const service::Upload up{
        c.req.body, c.Query("name").empty() ? c.req.get_header_value("X-File-Name") : c.Query("name")};
    return JsonReply(attach(c.ctx, c.PathId(), up), 201);
  };
}

// A page's JSON (`page`: the map, the leader page) with the lights of its projects under `key`,
// as the dashboard shows them for `region` as of the date.
template <class T>
Result<json> WithLights(Result<T> page, service::ProgressService& progress, const service::Ctx& ctx,
                        const std::string& region, const Date& as_of, const char* key) {
  if (!page) return page.error();
  json out = page.value();
  if (auto st = AddLights(progress, ctx, region, as_of, out[key]); !st) return st.error();
  return out;
}

// ?unit=&project=&coordinator=&status=&category=&overdue=true of the problem list.
store::ProblemFilter ProblemFilterFrom(QueryParams& q, const Date& as_of) {
  store::ProblemFilter f;
  f.unit_id = q.Id("unit");
  f.project_id = q.Id("project");
  f.coordinator_id = q.Id("coordinator");
  f.status = q.OptText("status");
  f.category = q.OptText("category");
  if (q.Flag("overdue")) f.overdue_as_of = as_of;
  return f;
}

// The Gantt's project filter. The service narrows the scope to the region's whole subtree (a city
// selects its counties), so the region goes there rather than into the filter's exact match.
std::pair<store::ProjectFilter, std::string> GanttFilterFrom(QueryParams& q, const Date&) {
  auto f = ProjectFilterFrom(q);
  std::string region = f.region.value_or("");
  f.region.reset();
  return {std::move(f), std::move(region)};
}

// ?from=&to= of visit compliance (default: from the Monday of week 1 of as_of's ISO year to
// as_of). Calendar weeks: a week spanning two years belongs to its ISO year, so 2027-01-01 is
// still 2026's.
std::pair<Date, Date> ComplianceRangeFrom(QueryParams& q, const Date& as_of) {
  return q.DateRange("from", IsoWeek1Monday(IsoWeekOf(as_of).year), "to", as_of);
}

// ?holder=person:ID|unit:ID (not sent: every holder) and ?current=true of the assignments query.
std::pair<std::optional<supervision::Holder>, bool> HolderQueryFrom(QueryParams& q, const Date&) {
  std::optional<supervision::Holder> holder;
  if (const auto text = q.OptText("holder")) {
    const auto colon = text->find(':');
    const std::string kind = text->substr(0, colon);
    int64_t id = 0;
    if (colon != std::string::npos) {
      const std::string digits = text->substr(colon + 1);
      if (!digits.empty() && digits.size() < 16 &&
          std::all_of(digits.begin(), digits.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        id = std::stoll(digits);
    }
    if ((kind == "person" || kind == "unit") && id > 0)
      holder = supervision::Holder{
          kind == "person" ? supervision::HolderKind::kPerson : supervision::HolderKind::kUnit, id};
    else q.Add("holder", *text, "person:ID or unit:ID");
  }
  return {holder, q.Flag("current")};
}

}  // namespace

void SupervisionRoutes(Services& s, std::vector<Route>& r) {
  auto& sv = s.supervision;
  r.push_back(
      {"GET", "/api/v1/supervision/config",
       "Problem categories and statuses, the workflow table; the escalation ladder, visit rule, procedure kinds and "
       "tile URL a region (?region=, default the caller's) reads, each saying whose it is (sources)",
       true, [&sv](Call& c) { return JsonReply(sv.Config(c.ctx, c.Query("region"))); }});
  // PUT /supervision/settings (the escalation ladder, visit rule, tile URL) is routed in
  // routes_progress.cpp together with the light rules: one path, two halves.

  // ---- problems
  r.push_back(
      {"GET", "/api/v1/problems",
       "Problems in scope; filters status, unit, coordinator, project, category, overdue=true, region, as_of",
       true, AsOfHandler(ProblemFilterFrom, [&sv](Call& c, const Date& as_of, const store::ProblemFilter& f) {
         return sv.ListProblems(c.ctx, f, c.Query("region"), as_of);
       })});
  r.push_back(
      {"GET", "/api/v1/problems/export",
       "The problem list in Excel (问题清单-<as_of>.xlsx): the rows GET /problems answers for the same parameters",
       true, [&sv](Call& c) -> Result<Reply> {
         QueryParams q(c);
         const Date as_of = q.AsOf();
         const auto f = ProblemFilterFrom(q, as_of);
         if (auto st = q.Check(); !st) return st.error();
         auto file = service::ExportProblems(sv, c.ctx, f, c.Query("region"), as_of);
         if (!file) return file.error();
         return Reply::File(std::move(file->bytes), io::kXlsxContentType, file->filename);
       }});
  r.push_back({"GET", "/api/v1/problems/board", "Counts by status, open and overdue by unit, as of a date",
               true, AsOfHandler([&sv](Call& c, const Date& as_of) {
                 return sv.ProblemBoard(c.ctx, c.Query("region"), as_of);
               })});
  r.push_back({"POST", "/api/v1/problems", "Raise a problem on a project", true,
               BodyHandler([&sv](Call& c, const json& b) { return sv.RaiseProblem(c.ctx, b); }, 201)});
  // A stale version's 409 carries the problem as GET shows it.
  auto problem_now = [&sv](Call& c) { return sv.GetProblem(c.ctx, c.PathId()); };
  r.push_back({"GET", "/api/v1/problems/{id}",
               "A problem with its steps, attachments and the actions open to the caller", true,
               ReadHandler(problem_now)});
  r.push_back({"POST", "/api/v1/problems/{id}/actions/{action}",
               "Take a workflow step: assign, sign, handle, request_close, close_out, return, defer, resume",
               true,
               VersionedBodyHandler(ByIdAndText(std::bind_front(&service::SupervisionService::Act, &sv)),
                                    problem_now)});
  r.push_back({"POST", "/api/v1/problems/{id}/attachments",
               "Upload evidence (PDF, PNG, JPEG ≤ 10 MB; body = the file, ?name=)", true,
               UploadHandler(std::bind_front(&service::SupervisionService::AttachToProblem, &sv)),
               kUploadBody});
  r.push_back(
      {"GET", "/api/v1/attachments/{id}", "Download an attachment", true, [&sv](Call& c) -> Result<Reply> {
         auto d = sv.GetAttachment(c.ctx, c.PathId());
         if (!d) return d.error();
         return Reply::File(std::move(d->bytes), d->content_type, d->file_name);
       }});

  // ---- task list
  r.push_back({"GET", "/api/v1/projects/{id}/milestones",
               "Milestones with the backward schedule (?finish=, ?as_of=)", true,
               AsOfHandler([](QueryParams& q, const Date&) { return q.DateParam("finish"); },
                           [&sv](Call& c, const Date& as_of, const std::optional<Date>& finish) {
                             return sv.Milestones(c.ctx, c.PathId(), finish, as_of);
                           })});
  r.push_back(
      {"POST", "/api/v1/projects/{id}/milestones", "Add a milestone", true,
       BodyHandler([&sv](Call& c, const json& b) { return sv.AddMilestone(c.ctx, c.PathId(), b); }, 201)});
  // A stale version's 409 carries the project's milestones as GET shows them today.
  auto milestones_now = [&sv](Call& c) { return sv.MilestonesOf(c.ctx, c.PathId()); };
  r.push_back({"PATCH", "/api/v1/milestones/{id}", "Change a milestone (with its version)", true,
               VersionedBodyHandler(
                   [&sv](Call& c, const json& b) { return sv.UpdateMilestone(c.ctx, c.PathId(), b); },
                   milestones_now)});
  r.push_back(
      {"GET", "/api/v1/gantt",
       "Milestones of the projects the list's filter selects (region, town, category, level, kind, track, stage, leader, unit, year, q, archived; sort, order)",
       true, AsOfHandler(GanttFilterFrom, [&sv](Call& c, const Date& as_of, const auto& filter) {
         return sv.Gantt(c.ctx, filter.first, filter.second, as_of);
       })});
  r.push_back(
      {"GET", "/api/v1/map",
       "Projects with coordinates (items) and without (unplaced), by town (town_list), coloured by their warning light (with its reasons); the tile URL if configured",
       true, AsOfHandler([&s](Call& c, const Date& as_of) {
         const std::string region = c.Query("region");
         auto out =
             WithLights(s.supervision.Map(c.ctx, region, as_of), s.progress, c.ctx, region, as_of, "items");
         if (!out) return out;
         if (auto st = AddLights(s.progress, c.ctx, region, as_of, (*out)["unplaced"]); !st)
           return Result<json>(st.error());
         return out;
       })});

  // ---- procedures
  r.push_back({"GET", "/api/v1/procedure-kinds",
               "Procedure kinds (前期手续) with their guides as a region reads them (?region=)", true,
               [&sv](Call& c) { return JsonReply(sv.ProcedureKinds(c.ctx, c.Query("region"))); }});
  r.push_back(
      {"PUT", "/api/v1/procedure-kinds/{code}",
       "Add or change a procedure kind and its guide for a region (?region=; project office of the region; "
       "{\"inherit\": true} drops the region's own guide)",
       true, BodyHandler([&sv](Call& c, const json& b) {
         return sv.PutProcedureKind(c.ctx, c.PathText(), b, c.Query("region"));
       })});
  r.push_back(
      {"GET", "/api/v1/projects/{id}/procedures",
       "The project's procedure checklist; blocks_start as of ?as_of=", true,
       AsOfHandler([&sv](Call& c, const Date& as_of) { return sv.Procedures(c.ctx, c.PathId(), as_of); })});
  // A stale version's 409 carries the project's procedures as GET shows them today.
  auto procedures_now = [&sv](Call& c) { return sv.Procedures(c.ctx, c.PathId(), c.ctx.today); };
  r.push_back(
      {"PUT", "/api/v1/projects/{id}/procedures/{kind}",
       "Record a procedure's status and dates (version 0 when new)", true,
       VersionedBodyHandler(ByIdAndText(std::bind_front(&service::SupervisionService::PutProcedure, &sv)),
                            procedures_now)});
  r.push_back({"POST", "/api/v1/procedures/{id}/attachments",
               "Upload the approval document (PDF, PNG, JPEG ≤ 10 MB)", true,
               UploadHandler(std::bind_front(&service::SupervisionService::AttachToProcedure, &sv)),
               kUploadBody});
  r.push_back({"GET", "/api/v1/procedures/durations", "How long approvals took, per handling unit", true,
               [&sv](Call& c) { return JsonReply(sv.ProcedureDurations(c.ctx, c.Query("region"))); }});

  // ---- responsibility list
  r.push_back({"GET", "/api/v1/projects/{id}/responsibility",
               "The project's 包保 leaders, lead unit, specialist and visits", true,
               [&sv](Call& c) { return JsonReply(sv.Responsibility(c.ctx, c.PathId())); }});
  r.push_back(
      {"POST", "/api/v1/projects/{id}/assignments",
       "Assign a leader ({person_id}) or a unit ({unit_id}) from from_date (default today)", true,
       BodyHandler([&sv](Call& c, const json& b) { return sv.AddAssignment(c.ctx, c.PathId(), b); }, 201)});
  r.push_back({"DELETE", "/api/v1/projects/{id}/assignments/{person}",
               "End a leader's open assignment yesterday (legacy)", true,
               [&sv](Call& c) { return JsonReply(sv.RemoveAssignment(c.ctx, c.PathId(), c.PathId(2))); }});
  auto& rs = sv.responsibility();
  r.push_back({"GET", "/api/v1/projects/{id}/assignments",
               "The project's 包保 assignments of leaders and units with their dates, past and current", true,
               [&rs](Call& c) { return JsonReply(rs.Assignments(c.ctx, c.PathId())); }});
  r.push_back(
      {"GET", "/api/v1/assignments",
       "包保 assignments of ?holder=person:ID|unit:ID (every holder when not sent) on the projects the "
       "caller reads, with their dates; current: in effect on ?as_of=; ?current=true keeps only those",
       true, AsOfHandler(HolderQueryFrom, [&rs](Call& c, const Date& as_of, const auto& q) {
         return rs.AssignmentsOf(c.ctx, q.first, as_of, q.second);
       })});
  auto assignment_now = [&rs](Call& c) { return rs.Assignment(c.ctx, c.PathId()); };
  r.push_back({"GET", "/api/v1/assignments/{id}", "One assignment with its dates", true,
               ReadHandler(assignment_now)});
  r.push_back({"POST", "/api/v1/assignments/{id}/end",
               "End an assignment on to_date (default today; version)", true,
               VersionedMethodHandler(rs, &service::ResponsibilityService::EndAssignment, assignment_now)});
  r.push_back({"POST", "/api/v1/assignments/handover",
               "Move every open assignment of one person or unit to another on a date (dry_run lists them)",
               true, MethodHandler(rs, &service::ResponsibilityService::Handover)});
  r.push_back({"POST", "/api/v1/visits", "Log an onsite visit (现场办公)", true,
               BodyHandler([&sv](Call& c, const json& b) { return sv.AddVisit(c.ctx, b); }, 201)});
  r.push_back(
      {"GET", "/api/v1/visits/compliance",
       "Visit compliance per leader and unit (帮包部门) for ?from=&to= (default: from the Monday of week 1 of as_of's ISO year to as_of)",
       true, AsOfHandler(ComplianceRangeFrom, [&sv](Call& c, const Date& as_of, const auto& range) {
         return sv.Compliance(c.ctx, c.Query("region"), range.first, range.second, as_of);
       })});
  r.push_back(
      {"GET", "/api/v1/leader",
       "The leader page: my projects with their lights, visits due, recent visits (?person= for the office)",
       true,
       AsOfHandler([](QueryParams& q, const Date&) { return q.Id("person"); },
                   [&s, &sv](Call& c, const Date& as_of, const std::optional<int64_t>& person) {
                     return WithLights(sv.LeaderPage(c.ctx, person, as_of), s.progress, c.ctx, "", as_of,
                                       "projects");
                   })});

  // ---- attention list
  r.push_back({"GET", "/api/v1/attention",
               "What needs the caller: assigned, returned, due, overdue, to verify, unassigned", true,
               AsOfHandler([&sv](Call& c, const Date& as_of) { return sv.Attention(c.ctx, as_of); })});
  r.push_back({"POST", "/api/v1/attention/read", "Mark attention items read ({keys: [...]})", true,
               BodyHandler([&sv](Call& c, const json& b) { return sv.MarkRead(c.ctx, b); })});
}

}  // namespace gj::api

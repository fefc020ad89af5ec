// Endpoints of the progress table, warning lights, targets and dispatch bulletins. Handlers only
// translate HTTP ↔ service calls.
#include "api/json/progress_json.h"
#include "api/json/supervision_json.h"
#include "api/json/targets_json.h"
#include "api/routes.h"
#include "common/base64.h"
#include "io/list_exports.h"
#include "service/supervision/list_exports.h"

namespace gj::api {

namespace {

// ?light=&offset=&limit= of the light list; ?limit=0 is the whole list (the web app's search over
// every light).
struct LightsPage {
  std::string light;
  int64_t offset = 0;
  int64_t limit = 0;
};

LightsPage LightsPageFrom(QueryParams& q, const Date&) {
  LightsPage p;
  p.light = q.OneOf("light", {"red", "yellow", "green"}).value_or("");
  p.offset = q.IntOr("offset", 0, {0, kQueryLimits.offset});
  p.limit = q.IntOr("limit", 50, {0, kQueryLimits.page_size});
  return p;
}
}  // namespace

void ProgressRoutes(Services& s, std::vector<Route>& r) {
  auto& sv = s.progress;
  r.push_back({"GET", "/api/v1/supervision/settings", "Light rules and report policy of a region (?region=)",
               true, [&sv](Call& c) { return JsonReply(sv.Settings(c.ctx, c.Query("region"))); }});
  // One path, two halves, both per region (?region=, default the caller's own): the light rules and
  // report policy (progress service, versioned; {"version", "inherit": true} drops the region's
  // own), and the escalation ladder, visit rule and tile URL (supervision service; a null value
  // drops the region's own). A region without its own inherits its parent's, up to the default.
  // They are two transactions, so a body mixing both is refused rather than half applied.
  r.push_back(
      {"PUT", "/api/v1/supervision/settings",
       "Change the light rules (preset + overrides) and report policy of a region (?region=; send version), "
       "or {\"inherit\": true} to drop them; or the escalation ladder, visit rule and map tile URL of the region "
       "(null drops one; one of the two halves per request; the project office of the region or above)",
       true,
       VersionedBodyHandler(
           [&s](Call& c, const nlohmann::json& b) -> Result<nlohmann::json> {
             const auto has = [&](const char* k) { return b.is_object() && b.contains(k); };
             const bool regional = has("light_rules") || has("report_policy") || has("inherit");
             const bool global = has("escalation") || has("visit_rule") || has("map_tile_url");
             if (regional && global) {
               return Error::BadRequest(
                   "send the light rules and report policy (per region) apart from the escalation, visit rule and tile URL");
             }
             if (!regional) {
               auto global_settings = s.supervision.PutSettings(c.ctx, b, c.Query("region"));
               if (!global_settings) return global_settings.error();
               return nlohmann::json(global_settings.value());
             }
             auto put = s.progress.PutSettings(c.ctx, c.Query("region"), b);
             if (!put) return put.error();
             return nlohmann::json(put.value());
           },
           [&sv](Call& c) { return sv.Settings(c.ctx, c.Query("region")); })});
  r.push_back({"POST", "/api/v1/reports/tasks",
               "Generate the report tasks of a period for every project of a region ({region, period})", true,
               MethodHandler(sv, &service::ProgressService::GenerateTasks)});
  r.push_back(
      {"GET", "/api/v1/reports",
       "Progress reports of a period (?region=&period=2026-W23&status=&mine=true: the caller's own projects)",
       true, [&sv](Call& c) -> Result<Reply> {
         QueryParams q(c);
         const bool mine = q.Flag("mine");
         if (auto st = q.Check(); !st) return st.error();
         return JsonReply(
             sv.ListReports(c.ctx, c.Query("region"), c.Query("period"), c.Query("status"), mine));
       }});
  r.push_back(
      {"GET", "/api/v1/reports/export",
       "The period's reports in Excel (一张表-<period>.xlsx): the rows GET /reports answers for the same "
       "parameters, with which are past due and not filed (逾期未报)",
       true, [&sv](Call& c) -> Result<Reply> {
         QueryParams q(c);
         const bool mine = q.Flag("mine");
         if (auto st = q.Check(); !st) return st.error();
         auto file =
             service::ExportReports(sv, c.ctx, c.Query("region"), c.Query("period"), c.Query("status"), mine);
         if (!file) return file.error();
         return Reply::File(std::move(file->bytes), io::kXlsxContentType, file->filename);
       }});
  // The one rule for "the current period" (the one containing today, by the region's policy): every
  // page that shows a period opens on it (web/src/composables/useCurrentPeriod.js).
  r.push_back(
      {"GET", "/api/v1/reports/period",
       "The current report period of a region (?region=): the one containing today, with the previous and next",
       true, [&sv](Call& c) { return JsonReply(sv.CurrentPeriodOf(c.ctx, c.Query("region"))); }});
  r.push_back({"GET", "/api/v1/reports/missing", "Missing and late reports per unit (?region=&as_of=)", true,
               AsOfHandler([&sv](Call& c, const Date& as_of) {
                 return sv.MissingReports(c.ctx, c.Query("region"), as_of);
               })});
  // A stale version's 409 carries the report as GET shows it.
  auto report_now = [&sv](Call& c) { return sv.GetReport(c.ctx, c.PathId()); };
  r.push_back({"GET", "/api/v1/reports/{id}", "One progress report", true, ReadHandler(report_now)});
  r.push_back({"PATCH", "/api/v1/reports/{id}",
               "Save a report's content; \"submit\": true submits it (send version)", true,
               VersionedMethodHandler(sv, &service::ProgressService::SaveReport, report_now)});
  r.push_back({"POST", "/api/v1/reports/{id}/approve", "Approve a submitted report (not one's own)", true,
               VersionedBodyHandler(
                   [&sv](Call& c, const nlohmann::json& b) { return sv.Review(c.ctx, c.PathId(), b, true); },
                   report_now)});
  r.push_back({"POST", "/api/v1/reports/{id}/return",
               "Return a submitted report for revision ({version, note})", true,
               VersionedBodyHandler(
                   [&sv](Call& c, const nlohmann::json& b) { return sv.Review(c.ctx, c.PathId(), b, false); },
                   report_now)});
  r.push_back({"POST", "/api/v1/reports/{id}/reopen", "Reopen a closed period for late filing (coordinator)",
               true, VersionedMethodHandler(sv, &service::ProgressService::Reopen, report_now)});
  r.push_back({"POST", "/api/v1/reports/{id}/photos",
               "Upload a photo (JPEG/PNG/WebP body, ≤ 5 MB; ?filename=)", true,
               [&sv](Call& c) {
                 return JsonReply(
                     sv.AddPhoto(c.ctx, c.PathId(),
                                 c.Query("filename").empty() ? "photo" : c.Query("filename"), c.req.body),
                     201);
               },
               kUploadBody});
  r.push_back({"GET", "/api/v1/report-photos/{id}", "A report photo", true, [&sv](Call& c) -> Result<Reply> {
                 auto p = sv.Photo(c.ctx, c.PathId());
                 if (!p) return p.error();
                 return Reply::File(Base64Decode(p->data_base64).value_or(""), p->content_type);
               }});
  r.push_back({"GET", "/api/v1/projects/{id}/reports", "Every progress report of a project, newest first",
               true, [&sv](Call& c) { return JsonReply(sv.ProjectReports(c.ctx, c.PathId())); }});
  r.push_back({"GET", "/api/v1/projects/{id}/stops", "Stop/resume (停工/复工) requests of a project", true,
               [&sv](Call& c) { return JsonReply(sv.Stops(c.ctx, c.PathId())); }});
  r.push_back({"POST", "/api/v1/projects/{id}/stops",
               "Request a stop or resume ({kind: stop|resume, reason, effective_date})", true,
               MethodHandler(sv, &service::ProgressService::RequestStop, 201)});
  r.push_back({"POST", "/api/v1/stops/{id}/decide",
               "Approve or reject a stop/resume request ({version, approve, note})", true,
               MethodHandler(sv, &service::ProgressService::DecideStop)});
  r.push_back({"GET", "/api/v1/projects/{id}/monthly-plan",
               "A project's 分月计划投资 of a year (?year=, default this year)", true, [&sv](Call& c) {
                 QueryParams q(c);
                 const int year = q.YearOr(c.ctx.today.year);
                 return q.Then([&] { return sv.MonthlyPlan(c.ctx, c.PathId(), year); });
               }});
  r.push_back({"PUT", "/api/v1/projects/{id}/monthly-plan",
               "Set a project's 分月计划投资 ({version, months: 12 amounts in yuan}; ?year=)", true,
               VersionedBodyHandler(
                   [&sv](Call& c, const nlohmann::json& b) -> Result<service::MonthlyPlanView> {
                     QueryParams q(c);
                     const int year = q.YearOr(c.ctx.today.year);
                     if (auto st = q.Check(); !st) return st.error();
                     return sv.PutMonthlyPlan(c.ctx, c.PathId(), year, b);
                   },
                   // A stale version's 409 carries the plan as GET shows it (the year was checked).
                   [&sv](Call& c) {
                     return sv.MonthlyPlan(c.ctx, c.PathId(), QueryParams(c).YearOr(c.ctx.today.year));
                   })});
  r.push_back(
      {"GET", "/api/v1/projects/{id}/light", "A project's light and reasons as of a date (?as_of=)", true,
       AsOfHandler([&sv](Call& c, const Date& as_of) { return sv.ProjectLight(c.ctx, c.PathId(), as_of); })});
  r.push_back({"GET", "/api/v1/lights",
               "Lights of a region's projects, red first (?region=&as_of=&light=&offset=&limit=)", true,
               AsOfHandler(LightsPageFrom, [&sv](Call& c, const Date& as_of, const LightsPage& p) {
                 return sv.Lights(c.ctx, c.Query("region"), as_of, p.light, p.offset, p.limit);
               })});
  r.push_back(
      {"GET", "/api/v1/lights/export",
       "The lights in Excel (红黄绿灯-<as_of>.xlsx): every row GET /lights selects for the same region, "
       "as_of and light (the whole list, not one page)",
       true, [&s](Call& c) -> Result<Reply> {
         QueryParams q(c);
         const Date as_of = q.AsOf();
         const auto p = LightsPageFrom(q, as_of);
         if (auto st = q.Check(); !st) return st.error();
         auto file = service::ExportLights(s.progress, s.ledger, c.ctx, c.Query("region"), as_of, p.light);
         if (!file) return file.error();
         return Reply::File(std::move(file->bytes), io::kXlsxContentType, file->filename);
       }});
  r.push_back({"GET", "/api/v1/lights/dashboard", "Counts of lights by town and rule (?region=&as_of=)", true,
               AsOfHandler([&sv](Call& c, const Date& as_of) {
                 return sv.Dashboard(c.ctx, c.Query("region"), as_of);
               })});
  r.push_back({"POST", "/api/v1/lights/snapshots", "Keep the lights of a period ({region, period})", true,
               MethodHandler(sv, &service::ProgressService::KeepSnapshot)});
  r.push_back(
      {"GET", "/api/v1/lights/snapshots", "The lights kept for a period (?region=&period=)", true,
       [&sv](Call& c) { return JsonReply(sv.Snapshot(c.ctx, c.Query("region"), c.Query("period"))); }});
  auto& tg = s.targets;
  r.push_back(
      {"GET", "/api/v1/targets", "Targets with their status as of a date (?region=&as_of=)", true,
       AsOfHandler([&tg](Call& c, const Date& as_of) { return tg.List(c.ctx, c.Query("region"), as_of); })});
  r.push_back({"GET", "/api/v1/targets/export",
               "The targets in Excel (目标-<as_of>.xlsx): the rows GET /targets answers for the same region "
               "and as_of; a target past its deadline shows its deadline's value and no forecast",
               true, [&s](Call& c) -> Result<Reply> {
                 QueryParams q(c);
                 const Date as_of = q.AsOf();
                 if (auto st = q.Check(); !st) return st.error();
                 auto file = service::ExportTargets(s.targets, s.ledger, c.ctx, c.Query("region"), as_of);
                 if (!file) return file.error();
                 return Reply::File(std::move(file->bytes), io::kXlsxContentType, file->filename);
               }});
  r.push_back({"POST", "/api/v1/targets", "Create a target", true,
               MethodHandler(tg, &service::TargetService::Create, 201)});
  r.push_back({"GET", "/api/v1/targets/{id}", "One target with its status (?as_of=)", true,
               AsOfHandler([&tg](Call& c, const Date& as_of) { return tg.Get(c.ctx, c.PathId(), as_of); })});
  // A stale version's 409 carries the target as GET shows it today.
  auto target_now = [&tg](Call& c) { return tg.Get(c.ctx, c.PathId(), c.ctx.today); };
  r.push_back({"PATCH", "/api/v1/targets/{id}", "Change a target (send version)", true,
               VersionedMethodHandler(tg, &service::TargetService::Update, target_now)});
  r.push_back({"POST", "/api/v1/targets/{id}/archive", "Archive a target (send version)", true,
               VersionedMethodHandler(tg, &service::TargetService::Archive, target_now)});
  auto& bl = s.bulletins;
  r.push_back({"GET", "/api/v1/bulletins", "The dispatch bulletin (?region=&period=2026-W23&format=pdf|xlsx)",
               true, [&bl](Call& c) -> Result<Reply> {
                 QueryParams q(c);
                 const std::string format = q.OneOf("format", {"pdf", "xlsx"}, "pdf").value_or("");
                 if (auto st = q.Check(); !st) return st.error();
                 const std::string region = q.Text("region"), period = q.Text("period");
                 auto bytes = bl.Render(c.ctx, region, period, format);
                 if (!bytes) return bytes.error();
                 return Reply::File(std::move(bytes.value()),
                                    format == "pdf"
                                        ? "application/pdf"
                                        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    "调度通报-" + region + "-" + period + "." + format);
               }});
}

}  // namespace gj::api

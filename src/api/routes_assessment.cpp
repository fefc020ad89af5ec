// Endpoints of the assessment capability: observation events and periodic rankings.
#include "api/json/assessment_json.h"
#include "api/routes.h"

namespace gj::api {

namespace {

void ObservationRoutes(Services& s, std::vector<Route>& r) {
  auto& o = s.observations;
  // A stale version's 409 carries the event as GET shows it.
  auto event_now = [&o](Call& c) { return o.Get(c.ctx, c.PathId()); };
  r.push_back({"GET", "/api/v1/observations", "Observation events (观摩评议) the caller may see", true,
               [&o](Call& c) { return JsonReply(o.List(c.ctx)); }});
  r.push_back({"POST", "/api/v1/observations",
               "Set up an observation event (groups, mode, criteria, judges, nominations)", true,
               MethodHandler(o, &service::ObservationService::Create, 201)});
  r.push_back({"GET", "/api/v1/observations/judges", "Users with the judge role (organisers naming judges)",
               true, [&o](Call& c) { return JsonReply(o.Judges(c.ctx)); }});
  r.push_back({"GET", "/api/v1/observations/{id}",
               "One event: set-up, state, judges' progress; a judge's own submissions", true,
               ReadHandler(event_now)});
  r.push_back({"PATCH", "/api/v1/observations/{id}",
               "Edit a draft event's set-up: {version, …fields of the set-up to change}; 409 once open", true,
               VersionedMethodHandler(o, &service::ObservationService::Update, event_now)});
  for (const char* action : {"open", "close", "publish"}) {
    const std::string a = action;
    r.push_back(
        {"POST", "/api/v1/observations/{id}/" + a,
         a == "publish"
             ? "Publish the results: {version, publication: rank_only|with_scores}"
             : "Move the event to " + std::string(a == "open" ? "open (judges submit)" : "closed (frozen)") +
                   "; send its version",
         true,
         VersionedBodyHandler(
             [&o, a](Call& c, const nlohmann::json& b) { return o.Transition(c.ctx, c.PathId(), a, b); },
             event_now)});
  }
  r.push_back({"POST", "/api/v1/observations/{id}/ballots",
               "A judge's ranked ballot for one group (replaces their earlier one until close)", true,
               MethodHandler(o, &service::ObservationService::SubmitBallot)});
  r.push_back(
      {"POST", "/api/v1/observations/{id}/sheets",
       "A judge's sheet for one project: points per criterion (0..its weight) or ratings (0..100); replaces their earlier sheet until close",
       true, MethodHandler(o, &service::ObservationService::SubmitSheet)});
  r.push_back({"GET", "/api/v1/observations/{id}/results",
               "The ranking per group: organisers and judges once closed, everyone once published", true,
               [&o](Call& c) { return JsonReply(o.Results(c.ctx, c.PathId())); }});
  r.push_back({"GET", "/api/v1/observations/{id}/results/export",
               "The results as an Excel workbook (<event>-评比结果.xlsx, ?format=xlsx): sheets 评比结果 and "
               "项目得分, to whoever may read the results, as they see them",
               true, DownloadHandler({"xlsx"}, [&o](Call& c, const std::string&) {
                 return o.ExportResults(c.ctx, c.PathId());
               })});
}

void RankingRoutes(Services& s, std::vector<Route>& r) {
  auto& k = s.rankings;
  // A stale version's 409 carries the scheme or the run as GET shows it.
  auto run_now = [&k](Call& c) { return k.GetRun(c.ctx, c.PathId()); };
  r.push_back(
      {"GET", "/api/v1/ranking-schemes",
       "Periodic ranking schemes (月度评比/季度考评/年度考核); ?archived=true lists archived ones too", true,
       [&k](Call& c) {
         QueryParams q(c);
         const bool archived = q.Flag("archived");
         return q.Then([&] { return k.ListSchemes(c.ctx, archived); });
       }});
  using service::RankingService;
  auto scheme_now = VersionedRecordRoutes(
      r, k,
      {"/api/v1/ranking-schemes/{id}",
       "Create a scheme of weighted metrics over towns, departments or chains, or a city's counties",
       "One scheme",
       "Change a scheme's name, metrics or warning rule {version, …}; runs computed keep their definition"},
      &RankingService::CreateScheme, &RankingService::GetScheme, &RankingService::UpdateScheme);
  r.push_back({"POST", "/api/v1/ranking-schemes/{id}/archive",
               "Archive a scheme {version}: no new runs, its runs stay readable", true,
               VersionedMethodHandler(k, &service::RankingService::ArchiveScheme, scheme_now)});
  r.push_back({"GET", "/api/v1/ranking-schemes/{id}/runs", "Every run of a scheme (all versions), by period",
               true, [&k](Call& c) { return JsonReply(k.ListRuns(c.ctx, c.PathId())); }});
  r.push_back(
      {"POST", "/api/v1/ranking-schemes/{id}/runs",
       "Compute a run {period, period_label, as_of?, manual}: replaces a draft, a new version beside a published one",
       true, MethodHandler(k, &service::RankingService::Compute, 201)});
  r.push_back({"GET", "/api/v1/ranking-runs/{id}", "One run: ranked entries, movement, red/yellow list", true,
               ReadHandler(run_now)});
  r.push_back({"POST", "/api/v1/ranking-runs/{id}/publish", "Publish (freeze) a run; send its version", true,
               VersionedMethodHandler(k, &service::RankingService::Publish, run_now)});
  r.push_back({"GET", "/api/v1/ranking-runs/{id}/bulletin", "The bulletin (通报) of a run: ?format=xlsx|pdf",
               true, DownloadHandler({"xlsx", "pdf"}, [&k](Call& c, const std::string& format) {
                 return k.MakeBulletin(c.ctx, c.PathId(), format);
               })});
}

}  // namespace

void AssessmentRoutes(Services& s, std::vector<Route>& r) {
  ObservationRoutes(s, r);
  RankingRoutes(s, r);
}

}  // namespace gj::api

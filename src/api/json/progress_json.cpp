#include "api/json/progress_json.h"

#include <unordered_map>

#include "common/json_shape.h"

namespace gj::api {

Status AddLights(service::ProgressService& progress, const service::Ctx& ctx, const std::string& region,
                 const Date& as_of, nlohmann::json& items) {
  auto board = progress.Board(ctx, region, as_of);
  if (!board) return board.error();
  std::unordered_map<int64_t, const service::LightEntry*> at;
  for (const auto& e : board.value()->entries) at[e->row.project.id] = e.get();
  for (auto& item : items) {
    auto it = at.find(item.value("id", int64_t{0}));
    if (it == at.end()) continue;
    const auto& l = it->second->light;
    item["light"] = supervision::LightName(l.light);
    item["reasons"] = service::ReasonsJson(l);
  }
  return Ok{};
}

namespace {

using service::ReportView;
using store::ReportRecord;
using store::StopRecord;

nlohmann::json Reasons(const supervision::ProjectLight& l) { return service::ReasonsJson(l); }
std::string Light(const supervision::ProjectLight& l) { return supervision::LightName(l.light); }

using Row = store::ProjectRow;
using P = ledger::Project;
using L = supervision::ProjectLight;
using RowLight = service::LightEntry;
const JFields<P> kLightProject = {JField<&P::id>("project_id"),       JField<&P::code>("code"),
                                  JField<&P::name>("name"),           JField<&P::county_code>("county_code"),
                                  JField<&P::town_code>("town_code"), JField<&P::unit_id>("unit_id")};
const JFields<Row> kLightRow =
    Join<Row>({Lift<&Row::project>(kLightProject),
               {JField<&Row::town_name>("town_name"), JField<&Row::unit_name>("unit_name"),
                JField<&Row::leader_name>("leader_name")}});
const JFields<L> kLightOf = {JFieldOf<L>("light", Light), JFieldOf<L>("reasons", Reasons),
                             JField<&L::schedule_percent>("schedule_percent"),
                             JField<&L::completion_percent>("completion_percent")};
const JFields<RowLight> kLight =
    Join<RowLight>({Lift<&RowLight::row>(kLightRow), Lift<&RowLight::light>(kLightOf)});

nlohmann::json CountsJson(const service::LightCounts& c) {
  return {{"green", c[0]}, {"yellow", c[1]}, {"red", c[2]}};
}

using service::MissingReport;
const JFields<MissingReport> kMissing = {
    JField<&MissingReport::report_id>("report_id"), JField<&MissingReport::project_id>("project_id"),
    JField<&MissingReport::code>("code"),           JField<&MissingReport::name>("name"),
    JField<&MissingReport::period>("period"),       JField<&MissingReport::due>("due_date"),
    JField<&MissingReport::kind>("kind"),           JField<&MissingReport::status>("status")};

// The fields a stop shows wherever it is listed or answered.
const JFields<StopRecord> kStopHead = {
    JField<&StopRecord::id>("id"),         JField<&StopRecord::kind>("kind"),
    JField<&StopRecord::reason>("reason"), JField<&StopRecord::effective_date>("effective_date"),
    JField<&StopRecord::status>("status"), JField<&StopRecord::version>("version")};
const JFields<StopRecord> kStopItem = {
    JField<&StopRecord::requested_by>("requested_by"), JField<&StopRecord::requested_at>("requested_at"),
    JFieldOrNull<&StopRecord::decided_at>("decided_at"), JField<&StopRecord::decision_note>("decision_note")};

const JFields<ReportRecord> kReportRecord = {JField<&ReportRecord::id>("id"),
                                             JField<&ReportRecord::project_id>("project_id"),
                                             JField<&ReportRecord::period>("period"),
                                             JField<&ReportRecord::frequency>("frequency"),
                                             JField<&ReportRecord::period_start>("period_start"),
                                             JField<&ReportRecord::period_end>("period_end"),
                                             JField<&ReportRecord::due>("due_date"),
                                             JField<&ReportRecord::status>("status"),
                                             JField<&ReportRecord::reopened>("reopened"),
                                             JField<&ReportRecord::late>("late"),
                                             JField<&ReportRecord::submitted_by>("submitted_by"),
                                             JFieldOrNull<&ReportRecord::submitted_at>("submitted_at"),
                                             JField<&ReportRecord::reviewed_by>("reviewed_by"),
                                             JFieldOrNull<&ReportRecord::reviewed_at>("reviewed_at"),
                                             JField<&ReportRecord::review_note>("review_note"),
                                             JField<&ReportRecord::version>("version"),
                                             JField<&ReportRecord::updated_at>("updated_at")};
using RP = service::ReportProject;
const JFields<RP> kReportProject = {JField<&RP::code>("project_code"), JField<&RP::name>("project_name"),
                                    JField<&RP::unit_name>("unit_name"), JField<&RP::town_name>("town_name"),
                                    JField<&RP::annual_plan>("annual_plan")};
const JFields<ReportView> kReport = Join<ReportView>({Lift<&ReportView::report>(kReportRecord),
                                                      Lift<&ReportView::project>(kReportProject),
                                                      {JField<&ReportView::photos>("photos")}});

}  // namespace

nlohmann::json LightJson(const service::LightEntry& e) { return ObjectOf(e, kLight); }

}  // namespace gj::api

namespace gj::service {

void to_json(nlohmann::json& j, const ProgressSettings& v) {
  j = {{"region", v.region},
       {"light_rules", supervision::ToJson(v.light_rules)},
       {"report_policy", supervision::ToJson(v.report_policy)},
       {"presets", supervision::kLightPresets},
       {"version", v.version}};
}

void to_json(nlohmann::json& j, const GeneratedTasks& v) {
  j = {
      {"period", v.period}, {"due_date", v.due.ToString()}, {"created", v.created}, {"projects", v.projects}};
  if (!v.region.empty()) {
    j["region"] = v.region;
    j["region_name"] = v.region_name;
  }
}

void to_json(nlohmann::json& j, const RunningTasks& v) { j = {{"items", v.items}}; }

void to_json(nlohmann::json& j, const ReportPhoto& v) {
  static const JFields<ReportPhoto> kFields = {
      JField<&ReportPhoto::id>("id"), JField<&ReportPhoto::filename>("filename"),
      JField<&ReportPhoto::content_type>("content_type"), JField<&ReportPhoto::size_bytes>("size_bytes"),
      JField<&ReportPhoto::id>("url",
                               [](int64_t id) { return "/api/v1/report-photos/" + std::to_string(id); })};
  WriteObject(j, v, kFields);
}

void to_json(nlohmann::json& j, const ReportView& v) {
  j = ObjectOf(v, api::kReport);
  j.update(supervision::ToJson(v.report.content));
}

void to_json(nlohmann::json& j, const ReportPeriodList& v) {
  j = {{"period", v.period}, {"items", v.items}, {"counts", v.counts}};
}

void to_json(nlohmann::json& j, const ProjectReportList& v) { j = {{"items", v.items}}; }

void to_json(nlohmann::json& j, const MissingReportList& v) {
  using U = UnitMissingReports;
  static const JFields<U> kUnit = {JField<&U::unit_id>("unit_id"), JField<&U::unit_name>("unit_name"),
                                   JField<&U::missing>("missing"), JField<&U::late>("late"),
                                   JObject<&U::items>("items", api::kMissing)};
  j = {{"as_of", v.as_of.ToString()}, {"units", ArrayOf(v.units, kUnit)}};
}

void to_json(nlohmann::json& j, const StopRequested& v) {
  j = ObjectOf(v.stop, api::kStopHead);
  j["project_id"] = v.stop.project_id;
}

void to_json(nlohmann::json& j, const StopDecision& v) {
  j = {{"id", v.id}, {"status", v.status}, {"version", v.version}};
}

void to_json(nlohmann::json& j, const StopList& v) {
  j = {{"items", ArrayOf(v.items,
                         [](const store::StopRecord& s) {
                           nlohmann::json item = ObjectOf(s, api::kStopHead);
                           WriteObject(item, s, api::kStopItem);
                           return item;
                         })},
       {"stopped", v.stopped}};
}

void to_json(nlohmann::json& j, const MonthlyPlanView& v) {
  static const JFields<MonthlyPlanView> kFields = {
      JField<&MonthlyPlanView::project_id>("project_id"),   JField<&MonthlyPlanView::year>("year"),
      JField<&MonthlyPlanView::annual_plan>("annual_plan"), JField<&MonthlyPlanView::months>("months"),
      JField<&MonthlyPlanView::cumulative>("cumulative"),   JField<&MonthlyPlanView::version>("version")};
  WriteObject(j, v, kFields);
}

void to_json(nlohmann::json& j, const LightPage& v) {
  j = {{"as_of", v.as_of.ToString()},
       {"preset", v.preset},
       {"total_count", v.total_count},
       {"items", ArrayOf(v.items, [](const auto& e) { return api::LightJson(*e); })}};
}

void to_json(nlohmann::json& j, const ProjectLightView& v) {
  j = api::LightJson(*v.entry);
  j["as_of"] = v.as_of.ToString();
  j["preset"] = v.preset;
}

void to_json(nlohmann::json& j, const LightDashboard& v) {
  nlohmann::json by_town = nlohmann::json::array();
  for (const auto& t : v.by_town) {
    by_town.push_back({{"code", t.code},
                       {"name", t.name},
                       {"green", t.counts[0]},
                       {"yellow", t.counts[1]},
                       {"red", t.counts[2]}});
  }
  nlohmann::json by_rule = nlohmann::json::object();
  for (const auto& [rule, c] : v.by_rule) by_rule[rule] = {{"yellow", c[1]}, {"red", c[2]}};
  j = {{"as_of", v.as_of.ToString()},         {"region", v.region}, {"preset", v.preset},
       {"counts", api::CountsJson(v.counts)}, {"total", v.total},   {"by_town", std::move(by_town)},
       {"by_rule", std::move(by_rule)}};
}

void to_json(nlohmann::json& j, const SnapshotKept& v) {
  j = {{"region", v.region},
       {"period", v.period},
       {"as_of", v.as_of.ToString()},
       {"counts", api::CountsJson(v.counts)}};
}

void to_json(nlohmann::json& j, const LightSnapshot& v) {
  static const JFields<SnapshotItem> kItem = {
      JField<&SnapshotItem::project_id>("project_id"), JField<&SnapshotItem::code>("code"),
      JField<&SnapshotItem::name>("name"), JField<&SnapshotItem::light>("light"),
      JField<&SnapshotItem::reasons_json>("reasons",
                                          [](const std::string& s) { return nlohmann::json::parse(s); })};
  j = {{"region", v.region}, {"period", v.period}, {"as_of", v.as_of}, {"items", ArrayOf(v.items, kItem)}};
}

}  // namespace gj::service

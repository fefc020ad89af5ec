#include "api/json/progress_json.h"

#include <unordered_map>

#include "common/json_limits.h"
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
const JFields<P> kLightProject =
    Join<P>(JField<&P::id>("project_id"), GJ_JSON_FIELDS(P, code, name, county_code, town_code, unit_id));
const JFields<Row> kLightRow =
    Join<Row>(Lift<&Row::project>(kLightProject), GJ_JSON_FIELDS(Row, town_name, unit_name, leader_name));
const JFields<L> kLightOf = Join<L>(JFieldOf<L>("light", Light), JFieldOf<L>("reasons", Reasons),
                                    GJ_JSON_FIELDS(L, schedule_percent, completion_percent));
const JFields<RowLight> kLight =
    Join<RowLight>(Lift<&RowLight::row>(kLightRow), Lift<&RowLight::light>(kLightOf));

nlohmann::json CountsJson(const service::LightCounts& c) {
  return {{"green", c[0]}, {"yellow", c[1]}, {"red", c[2]}};
}

using service::MissingReport;
const JFields<MissingReport> kMissing =
    Join<MissingReport>(GJ_JSON_FIELDS(MissingReport, report_id, project_id, code, name, period),
                        JField<&MissingReport::due>("due_date"), GJ_JSON_FIELDS(MissingReport, kind, status));

// The fields a stop shows wherever it is listed or answered.
const JFields<StopRecord> kStopHead =
    GJ_JSON_FIELDS(StopRecord, id, kind, reason, effective_date, status, version);
const JFields<StopRecord> kStopItem = Join<StopRecord>(GJ_JSON_FIELDS(StopRecord, requested_by, requested_at),
                                                       JFieldOrNull<&StopRecord::decided_at>("decided_at"),
                                                       GJ_JSON_FIELDS(StopRecord, decision_note));

using RR = ReportRecord;
const JFields<RR> kReportRecord = Join<RR>(
    GJ_JSON_FIELDS(RR, id, project_id, period, frequency, period_start, period_end),
    JField<&RR::due>("due_date"), GJ_JSON_FIELDS(RR, status, reopened, late, submitted_by),
    JFieldOrNull<&RR::submitted_at>("submitted_at"), GJ_JSON_FIELDS(RR, reviewed_by),
    JFieldOrNull<&RR::reviewed_at>("reviewed_at"), GJ_JSON_FIELDS(RR, review_note, version, updated_at));
using RP = service::ReportProject;
const JFields<RP> kReportProject =
    Join<RP>(JField<&RP::code>("project_code"), JField<&RP::name>("project_name"),
             GJ_JSON_FIELDS(RP, unit_name, town_name, annual_plan));
const JFields<ReportView> kReport =
    Join<ReportView>(Lift<&ReportView::report>(kReportRecord), Lift<&ReportView::project>(kReportProject),
                     GJ_JSON_FIELDS(ReportView, photos, warnings, can_report, mine));

}  // namespace

nlohmann::json LightJson(const service::LightEntry& e) { return ObjectOf(e, kLight); }

}  // namespace gj::api

namespace gj::service {

void to_json(nlohmann::json& j, const ProgressSettings& v) {
  j = {{"region", v.region},
       {"light_rules", supervision::ToJson(v.light_rules)},
       {"report_policy", supervision::ToJson(v.report_policy)},
       {"presets", supervision::kLightPresets},
       {"version", v.version},
       {"source", v.source},
       {"source_region", v.source_region.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.source_region)},
       {"editable", v.editable}};
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
  static const JFields<ReportPhoto> kFields =
      Join<ReportPhoto>(GJ_JSON_FIELDS(ReportPhoto, id, filename, content_type, size_bytes),
                        JField<&ReportPhoto::id>(
                            "url", [](int64_t id) { return "/api/v1/report-photos/" + std::to_string(id); }));
  WriteObject(j, v, kFields);
}

void to_json(nlohmann::json& j, const ReportView& v) {
  j = ObjectOf(v, api::kReport);
  j.update(supervision::ToJson(v.report.content));
}

void to_json(nlohmann::json& j, const ReportPeriodList& v) {
  j = {{"period", v.period}, {"items", v.items}, {"counts", v.counts}};
}

void to_json(nlohmann::json& j, const CurrentPeriod& v) {
  j = {{"region", v.region},
       {"period", v.period.key},
       {"frequency", v.period.frequency},
       {"start", v.period.start.ToString()},
       {"end", v.period.end.ToString()},
       {"due", v.period.due.ToString()},
       {"previous", v.previous},
       {"next", v.next}};
}

void to_json(nlohmann::json& j, const ProjectReportList& v) { j = {{"items", v.items}}; }

void to_json(nlohmann::json& j, const MissingReportList& v) {
  using U = UnitMissingReports;
  static const JFields<U> kUnit = Join<U>(GJ_JSON_FIELDS(U, unit_id, unit_name, missing, late),
                                          JObject<&U::items>("items", api::kMissing));
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
  static const JFields<MonthlyPlanView> kFields =
      GJ_JSON_FIELDS(MonthlyPlanView, project_id, year, annual_plan, months, cumulative, version);
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
  static const JFields<SnapshotItem> kItem =
      Join<SnapshotItem>(GJ_JSON_FIELDS(SnapshotItem, project_id, code, name, light),
                         JField<&SnapshotItem::reasons_json>(
                             "reasons", [](const std::string& s) { return ParseStoredJson(s); }));
  j = {{"region", v.region}, {"period", v.period}, {"as_of", v.as_of}, {"items", ArrayOf(v.items, kItem)}};
}

}  // namespace gj::service

#include "api/json/progress_json.h"

#include <unordered_map>

#include "service/supervision/supervision_support.h"

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

using service::supervision_support::OptIntJson;
using service::supervision_support::OptTextJson;

nlohmann::json LightJson(const store::ProjectRow& row, const supervision::ProjectLight& l) {
  const auto& p = row.project;
  auto opt = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"project_id", p.id},
          {"code", p.code},
          {"name", p.name},
          {"county_code", p.county_code},
          {"town_code", p.town_code ? nlohmann::json(*p.town_code) : nlohmann::json(nullptr)},
          {"town_name", row.town_name},
          {"unit_id", OptIntJson(p.unit_id)},
          {"unit_name", row.unit_name},
          {"leader_name", row.leader_name},
          {"light", supervision::LightName(l.light)},
          {"reasons", service::ReasonsJson(l)},
          {"schedule_percent", opt(l.schedule_percent)},
          {"completion_percent", opt(l.completion_percent)}};
}

namespace {

nlohmann::json CountsJson(const service::LightCounts& c) {
  return {{"green", c[0]}, {"yellow", c[1]}, {"red", c[2]}};
}

nlohmann::json MissingJson(const service::MissingReport& m) {
  return {{"report_id", m.report_id}, {"project_id", m.project_id},   {"code", m.code}, {"name", m.name},
          {"period", m.period},       {"due_date", m.due.ToString()}, {"kind", m.kind}, {"status", m.status}};
}

nlohmann::json StopItemJson(const store::StopRecord& s) {
  return {{"id", s.id},
          {"kind", s.kind},
          {"reason", s.reason},
          {"effective_date", s.effective_date.ToString()},
          {"status", s.status},
          {"requested_by", OptIntJson(s.requested_by)},
          {"requested_at", s.requested_at},
          {"decided_at", OptTextJson(s.decided_at)},
          {"decision_note", s.decision_note},
          {"version", s.version}};
}

}  // namespace

}  // namespace gj::api

namespace gj::service {

using supervision_support::OptIntJson;
using supervision_support::OptTextJson;

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
  j = {{"id", v.id},
       {"filename", v.filename},
       {"content_type", v.content_type},
       {"size_bytes", v.size_bytes},
       {"url", "/api/v1/report-photos/" + std::to_string(v.id)}};
}

void to_json(nlohmann::json& j, const ReportView& v) {
  const auto& r = v.report;
  j = {{"id", r.id},
       {"project_id", r.project_id},
       {"period", r.period},
       {"frequency", r.frequency},
       {"period_start", r.period_start.ToString()},
       {"period_end", r.period_end.ToString()},
       {"due_date", r.due.ToString()},
       {"status", r.status},
       {"reopened", r.reopened},
       {"late", r.late},
       {"submitted_by", OptIntJson(r.submitted_by)},
       {"submitted_at", OptTextJson(r.submitted_at)},
       {"reviewed_by", OptIntJson(r.reviewed_by)},
       {"reviewed_at", OptTextJson(r.reviewed_at)},
       {"review_note", r.review_note},
       {"photos", v.photos},
       {"version", r.version},
       {"updated_at", r.updated_at},
       {"project_code", v.project.code},
       {"project_name", v.project.name},
       {"unit_name", v.project.unit_name},
       {"town_name", v.project.town_name},
       {"annual_plan", OptIntJson(v.project.annual_plan)}};
  j.update(supervision::ToJson(r.content));
}

void to_json(nlohmann::json& j, const ReportPeriodList& v) {
  j = {{"period", v.period}, {"items", v.items}, {"counts", v.counts}};
}

void to_json(nlohmann::json& j, const ProjectReportList& v) { j = {{"items", v.items}}; }

void to_json(nlohmann::json& j, const MissingReportList& v) {
  nlohmann::json units = nlohmann::json::array();
  for (const auto& u : v.units) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& m : u.items) items.push_back(api::MissingJson(m));
    units.push_back({{"unit_id", OptIntJson(u.unit_id)},
                     {"unit_name", u.unit_name},
                     {"missing", u.missing},
                     {"late", u.late},
                     {"items", std::move(items)}});
  }
  j = {{"as_of", v.as_of.ToString()}, {"units", std::move(units)}};
}

void to_json(nlohmann::json& j, const StopRequested& v) {
  const auto& s = v.stop;
  j = {{"id", s.id},
       {"project_id", s.project_id},
       {"kind", s.kind},
       {"reason", s.reason},
       {"effective_date", s.effective_date.ToString()},
       {"status", s.status},
       {"version", s.version}};
}

void to_json(nlohmann::json& j, const StopDecision& v) {
  j = {{"id", v.id}, {"status", v.status}, {"version", v.version}};
}

void to_json(nlohmann::json& j, const StopList& v) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : v.items) items.push_back(api::StopItemJson(s));
  j = {{"items", std::move(items)}, {"stopped", v.stopped}};
}

void to_json(nlohmann::json& j, const MonthlyPlanView& v) {
  j = {{"project_id", v.project_id},
       {"year", v.year},
       {"annual_plan", OptIntJson(v.annual_plan)},
       {"months", v.months},
       {"cumulative", v.cumulative},
       {"version", v.version}};
}

void to_json(nlohmann::json& j, const LightPage& v) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : v.items) items.push_back(api::LightJson(e->row, e->light));
  j = {{"as_of", v.as_of.ToString()},
       {"preset", v.preset},
       {"total_count", v.total_count},
       {"items", std::move(items)}};
}

void to_json(nlohmann::json& j, const ProjectLightView& v) {
  j = api::LightJson(v.entry->row, v.entry->light);
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
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : v.items) {
    items.push_back({{"project_id", s.project_id},
                     {"code", s.code},
                     {"name", s.name},
                     {"light", s.light},
                     {"reasons", nlohmann::json::parse(s.reasons_json)}});
  }
  j = {{"region", v.region}, {"period", v.period}, {"as_of", v.as_of}, {"items", std::move(items)}};
}

}  // namespace gj::service

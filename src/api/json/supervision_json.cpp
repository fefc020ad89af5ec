#include "api/json/supervision_json.h"

#include <string>

namespace gj {

using nlohmann::json;
namespace sv = supervision;

namespace {

json OptDate(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }
json OptInt(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }
json OptText(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }  // "" → null

json StepJson(const store::ProblemStep& s) {
  return {{"id", s.id},
          {"action", s.action},
          {"from_status", s.from_status},
          {"to_status", s.to_status},
          {"note", s.note},
          {"user_id", OptInt(s.user_id)},
          {"user_name", s.user_name},
          {"on_date", s.on_date.ToString()},
          {"at", s.at}};
}

json VisitRuleJson(const sv::VisitRule& r) {
  return {{"window_days", r.window_days}, {"min_visits", r.min_visits}};
}

json GuideJson(const store::ProcedureKindRow& k) {
  return {{"documents", k.documents},
          {"handling_unit", k.handling_unit},
          {"office", k.office},
          {"phone", k.phone}};
}

json KindJson(const store::ProcedureKindRow& k) {
  return {{"code", k.kind.code},
          {"label_zh", k.kind.label_zh},
          {"label_en", k.kind.label_en},
          {"required_for_start", k.kind.required_for_start},
          {"sort", k.sort},
          {"guide", GuideJson(k)}};
}

json KindsJson(const std::vector<store::ProcedureKindRow>& kinds) {
  json out = json::array();
  for (const auto& k : kinds) out.push_back(KindJson(k));
  return out;
}

json WorkflowJson() {
  static const char* kActor[] = {"office", "unit", "verifier", "anyone"};
  json out = json::array();
  for (const auto& t : sv::ProblemWorkflow()) {
    out.push_back({{"action", t.action},
                   {"from", t.from},
                   {"to", t.to},
                   {"actor", kActor[static_cast<int>(t.actor)]},
                   {"rule", t.rule},
                   {"rule_text", t.rule_text}});
  }
  return out;
}

json MilestoneJson(const service::MilestoneView& v) {
  const auto& r = v.row;
  const auto& m = r.m;
  const auto& s = v.schedule;
  return {{"id", m.id},
          {"project_id", m.project_id},
          {"name", m.name},
          {"planned_date", m.planned_date.ToString()},
          {"actual_date", OptDate(m.actual_date)},
          {"duration_days", m.duration_days},
          {"predecessor_id", OptInt(m.predecessor_id)},
          {"unit_id", OptInt(m.unit_id)},
          {"unit_name", OptText(r.unit_name)},
          {"sort", r.sort},
          {"version", r.version},
          {"planned_start", s.planned_start.ToString()},
          {"latest_start", s.latest_start.ToString()},
          {"latest_finish", s.latest_finish.ToString()},
          {"slack_days", s.slack_days},
          {"late", s.late},
          {"days_late", s.days_late}};
}

json MilestonesJson(const std::vector<service::MilestoneView>& items) {
  json out = json::array();
  for (const auto& m : items) out.push_back(MilestoneJson(m));
  return out;
}

json ProcedureJson(const service::ProcedureView& v) {
  const auto& r = v.row;
  const auto& k = v.kind;
  return {{"id", r.fact.id == 0 ? json(nullptr) : json(r.fact.id)},
          {"kind", k.kind.code},
          {"label_zh", k.kind.label_zh},
          {"label_en", k.kind.label_en},
          {"status", r.fact.status},
          {"unit_id", OptInt(r.fact.unit_id)},
          {"unit_name", OptText(r.unit_name)},
          {"applied_on", OptDate(r.fact.applied_on)},
          {"approved_on", OptDate(r.fact.approved_on)},
          {"accepted_pending", r.fact.accepted_pending},
          {"pending_document", r.pending_document},
          {"approval_no", r.approval_no},
          {"required_for_start", k.kind.required_for_start},
          {"blocks_start", v.blocks_start},
          {"duration_days", OptInt(v.duration_days)},
          {"version", r.version},
          {"attachments", v.attachments},
          {"guide", GuideJson(k)}};
}

json WindowJson(const sv::MissedVisit& m) {
  return {{"project_id", m.project_id},
          {"window_start", m.window_start.ToString()},
          {"window_end", m.window_end.ToString()}};
}

json ComplianceJson(const service::LeaderComplianceView& v) {
  const auto& r = v.compliance;
  json missed = json::array();
  for (const auto& m : r.missed) {
    json w = WindowJson(m);
    w["visits"] = m.visits;
    missed.push_back(w);
  }
  return {{"leader_id", r.leader_id}, {"leader_name", v.name},  {"title", v.title},
          {"projects", r.projects},   {"required", r.required}, {"met", r.met},
          {"visits", r.visits},       {"rate", r.rate},         {"missed", missed}};
}

json AttentionItemJson(const sv::AttentionItem& it) {
  return {{"key", it.key},
          {"kind", it.kind},
          {"problem_id", it.problem_id},
          {"project_id", it.project_id},
          {"title", it.title},
          {"project_name", it.project_name},
          {"deadline", OptDate(it.deadline)},
          {"days_overdue", it.days_overdue},
          {"escalation", it.escalation
                             ? json{{"level", it.escalation->level}, {"label_zh", it.escalation->label_zh}}
                             : json(nullptr)},
          {"read", it.read}};
}

template <class T, class F>
json ArrayOf(const std::vector<T>& items, F&& write) {
  json out = json::array();
  for (const auto& x : items) out.push_back(write(x));
  return out;
}

}  // namespace

namespace store {

void to_json(json& j, const AttachmentRow& a) {
  j = {
      {"id", a.id},     {"file_name", a.file_name},   {"content_type", a.content_type},
      {"size", a.size}, {"created_at", a.created_at}, {"url", "/api/v1/attachments/" + std::to_string(a.id)}};
}

void to_json(json& j, const VisitRow& v) {
  j = {{"id", v.id},
       {"project_id", v.project_id},
       {"person_id", v.person_id},
       {"visit_date", v.visit_date.ToString()},
       {"notes", v.notes},
       {"problems_discussed", v.problems_discussed}};
}

}  // namespace store

namespace service {

void to_json(json& j, const SupervisionConfig& v) {
  json esc = json::array();
  for (const auto& s : v.escalation.steps)
    esc.push_back({{"after_days", s.after_days}, {"level", s.level}, {"label_zh", s.label_zh}});
  j = {{"problem_categories", sv::kProblemCategories},
       {"problem_statuses", sv::kProblemStatuses},
       {"procedure_statuses", sv::kProcedureStatuses},
       {"workflow", WorkflowJson()},
       {"escalation", esc},
       {"visit_rule", VisitRuleJson(v.visit_rule)},
       {"procedure_kinds", KindsJson(v.procedure_kinds)},
       {"map_tile_url", v.map_tile_url}};
}

void to_json(json& j, const ProblemView& v) {
  const auto& p = v.row;
  const auto& e = v.escalation;
  j = {{"id", p.fact.id},
       {"project_id", p.fact.project_id},
       {"project_code", p.project_code},
       {"project_name", p.project_name},
       {"county_code", p.county_code},
       {"town_code", OptText(p.town_code)},
       {"category", p.fact.category},
       {"description", p.description},
       {"status", p.fact.status},
       {"unit_id", OptInt(p.fact.unit_id)},
       {"unit_name", OptText(p.unit_name)},
       {"coordinator_id", OptInt(p.fact.coordinator_id)},
       {"coordinator_name", OptText(p.coordinator_name)},
       {"deadline", OptDate(p.fact.deadline)},
       {"raised_on", p.fact.raised_on.ToString()},
       {"signed_on", OptDate(p.signed_on)},
       {"closed_on", OptDate(p.fact.closed_on)},
       {"defer_reason", p.defer_reason},
       {"returns", p.returns},
       {"overdue", v.overdue},
       {"days_overdue", v.days_overdue},
       {"escalation", e ? json{{"level", e->level}, {"label_zh", e->label_zh}, {"after_days", e->after_days}}
                        : json(nullptr)},
       {"version", p.version},
       {"created_at", p.created_at},
       {"updated_at", p.updated_at}};
  if (v.actions) j["actions"] = *v.actions;
}

void to_json(json& j, const ProblemPage& v) {
  j = {{"items", v.items}, {"total_count", v.items.size()}, {"as_of", v.as_of.ToString()}};
}

void to_json(json& j, const ProblemDetail& v) {
  j = v.problem;
  j["steps"] = ArrayOf(v.steps, StepJson);
  j["attachments"] = v.attachments;
}

void to_json(json& j, const ProblemCounts& v) {
  json units = json::array();
  for (const auto& u : v.by_unit) {
    units.push_back({{"unit_id", OptInt(u.unit_id)},
                     {"unit_name", u.unit_id ? json(u.unit_name) : json(nullptr)},
                     {"open", u.open},
                     {"overdue", u.overdue},
                     {"max_days_overdue", u.max_days_overdue}});
  }
  j = {{"as_of", v.as_of.ToString()},
       {"total", v.total},
       {"overdue", v.overdue},
       {"by_status", v.by_status},
       {"by_unit", units}};
}

void to_json(json& j, const MilestoneList& v) {
  j = {{"project_id", v.project_id},
       {"project_name", v.project_name},
       {"finish", v.finish.ToString()},
       {"as_of", v.as_of.ToString()},
       {"items", MilestonesJson(v.items)}};
}

void to_json(json& j, const GanttChart& v) {
  json items = json::array();
  for (const auto& p : v.items) {
    items.push_back({{"project_id", p.project_id},
                     {"code", p.code},
                     {"name", p.name},
                     {"town_name", p.town_name},
                     {"planned_start", OptDate(p.planned_start)},
                     {"actual_start", OptDate(p.actual_start)},
                     {"finish", p.finish.ToString()},
                     {"milestones", MilestonesJson(p.milestones)}});
  }
  j = {{"as_of", v.as_of.ToString()}, {"items", items}, {"truncated", v.truncated}};
}

void to_json(json& j, const ProjectMap& v) {
  json items = json::array();
  for (const auto& p : v.items) {
    items.push_back({{"id", p.id},
                     {"code", p.code},
                     {"name", p.name},
                     {"town_name", p.town_name},
                     {"longitude", p.longitude},
                     {"latitude", p.latitude},
                     {"stage", p.stage},
                     {"light", p.light}});
  }
  json towns = json::object();
  for (const auto& [town, n] : v.towns) towns[town] = n;
  j = {{"as_of", v.as_of.ToString()}, {"items", items}, {"towns", towns}, {"tile_url", v.tile_url}};
}

void to_json(json& j, const ProcedureKindList& v) { j = KindsJson(v.items); }

void to_json(json& j, const ProcedureList& v) {
  j = {{"project_id", v.project_id},
       {"planned_start", OptDate(v.planned_start)},
       {"actual_start", OptDate(v.actual_start)},
       {"as_of", v.as_of.ToString()},
       {"blocking", v.blocking},
       {"items", ArrayOf(v.items, ProcedureJson)}};
}

void to_json(json& j, const ApprovalDurations& v) {
  json out = json::array();
  for (const auto& u : v.items) {
    const auto& d = u.durations;
    out.push_back({{"unit_id", OptInt(u.unit_id)},
                   {"unit_name", u.unit_name ? json(*u.unit_name) : json(nullptr)},
                   {"approved", d.approved},
                   {"average_days", d.average_days},
                   {"min_days", d.min_days},
                   {"max_days", d.max_days}});
  }
  j = {{"items", out}};
}

void to_json(json& j, const ResponsibilityList& v) {
  json leaders = json::array();
  for (const auto& l : v.leaders)
    leaders.push_back(
        {{"person_id", l.person_id}, {"name", l.name}, {"title", l.title}, {"primary", l.primary}});
  json visits = json::array();
  for (const auto& x : v.visits) {
    json w = x;
    w.erase("project_id");
    w["person_name"] = x.person_name;
    visits.push_back(w);
  }
  j = {{"project_id", v.project_id},        {"leaders", leaders},         {"unit_id", OptInt(v.unit_id)},
       {"unit_name", OptText(v.unit_name)}, {"specialist", v.specialist}, {"visits", visits}};
}

void to_json(json& j, const ComplianceReport& v) {
  j = {{"from", v.from.ToString()},
       {"to", v.to.ToString()},
       {"as_of", v.as_of.ToString()},
       {"rule", VisitRuleJson(v.rule)},
       {"items", ArrayOf(v.items, ComplianceJson)}};
}

void to_json(json& j, const LeaderPageView& v) {
  json projects = json::array();
  for (const auto& p : v.projects) {
    projects.push_back({{"id", p.id},
                        {"code", p.code},
                        {"name", p.name},
                        {"stage", p.stage},
                        {"town_name", p.town_name},
                        {"open_problems", p.open_problems},
                        {"overdue_problems", p.overdue_problems},
                        {"visit_due", p.visit_due}});
  }
  json recent = json::array();
  for (const auto& x : v.recent_visits) {
    recent.push_back({{"id", x.id},
                      {"project_id", x.project_id},
                      {"project_name", x.project_name},
                      {"visit_date", x.visit_date.ToString()},
                      {"notes", x.notes}});
  }
  j = {{"person_id", v.person_id}, {"name", v.name},
       {"title", v.title},         {"as_of", v.as_of.ToString()},
       {"projects", projects},     {"visits_due", ArrayOf(v.visits_due, WindowJson)},
       {"recent_visits", recent},  {"rule", VisitRuleJson(v.rule)}};
}

void to_json(json& j, const AttentionList& v) {
  j = {{"as_of", v.as_of.ToString()}, {"unread", v.unread}, {"items", ArrayOf(v.items, AttentionItemJson)}};
}

void to_json(json& j, const MarkedRead& v) { j = {{"marked", v.marked}}; }

}  // namespace service

}  // namespace gj

#include "api/json/supervision_json.h"

#include <string>

#include "common/json_shape.h"

namespace gj {

using nlohmann::json;
namespace sv = supervision;

namespace {

const JFields<store::ProblemStep> kStep = GJ_JSON_FIELDS(store::ProblemStep, id, action, from_status,
                                                         to_status, note, user_id, user_name, on_date, at);

const JFields<sv::VisitRule> kVisitRule = GJ_JSON_FIELDS(sv::VisitRule, window_days, min_visits);

using Kind = store::ProcedureKindRow;
const JFields<Kind> kGuide = GJ_JSON_FIELDS(Kind, documents, handling_unit, office, phone);
using PKind = sv::ProcedureKind;
const JFields<Kind> kKindRowLabels =
    Lift<&Kind::kind>(GJ_JSON_FIELDS(PKind, label_zh, label_en, required_for_start));
const JFields<Kind> kKind =
    Join<Kind>(kKindRowLabels, JField<&Kind::kind, &PKind::code>("code"), GJ_JSON_FIELDS(Kind, sort),
               JFieldOf<Kind>("guide", [](const Kind& k) { return ObjectOf(k, kGuide); }),
               // whose guide the region reads: "default", "own" or "inherited" (from source_region)
               JFieldOf<Kind>("source", [](const Kind& k) { return json(k.source); }),
               JFieldOf<Kind>("source_region", [](const Kind& k) {
                 return k.source_region.empty() ? json(nullptr) : json(k.source_region);
               }));

json WorkflowJson() {
  static const char* kActor[] = {"office", "unit", "verifier", "anyone"};
  return ArrayOf(sv::ProblemWorkflow(), [](const auto& t) -> json {
    return {{"action", t.action}, {"from", t.from},
            {"to", t.to},         {"actor", kActor[static_cast<int>(t.actor)]},
            {"rule", t.rule},     {"rule_text", t.rule_text}};
  });
}

using MView = service::MilestoneView;
using MRow = store::MilestoneRow;
using Ms = sv::Milestone;
using Sched = sv::ScheduledMilestone;
const JFields<MRow> kMilestoneRow =
    Join<MRow>(Lift<&MRow::m>(GJ_JSON_FIELDS(Ms, id, project_id, name, planned_date, actual_date,
                                             duration_days, predecessor_id, unit_id)),
               JFieldOrNull<&MRow::unit_name>("unit_name"), GJ_JSON_FIELDS(MRow, sort, version));
using Node = sv::NodeStatus;
// state: done | late | pending (the Gantt's rule); done_on: the actual date (the milestone's or the
// project's stage date); done_unrecorded: done by the project's stage, no date recorded.
const JFields<MView> kMilestone = Join<MView>(
    Lift<&MView::row>(kMilestoneRow),
    Lift<&MView::schedule>(
        GJ_JSON_FIELDS(Sched, planned_start, latest_start, latest_finish, slack_days, late, days_late)),
    JFieldOf<MView>("state", [](const MView& v) { return json(sv::NodeStateCode(v.node.state)); }),
    Lift<&MView::node>(GJ_JSON_FIELDS(Node, gate, done_on, done_unrecorded, plan_shown)));

using PView = service::ProcedureView;
using PRow = store::ProcedureRow;
using PFact = sv::ProcedureFact;
const JFields<PRow> kProcedureRow = Join<PRow>(
    Lift<&PRow::fact>(GJ_JSON_FIELDS(PFact, status, unit_id, applied_on, approved_on, accepted_pending)),
    JFieldOf<PRow>("id", [](const PRow& r) { return r.fact.id == 0 ? json(nullptr) : json(r.fact.id); }),
    JFieldOrNull<&PRow::unit_name>("unit_name"),
    GJ_JSON_FIELDS(PRow, pending_document, approval_no, version));
const JFields<PView> kProcedure = Join<PView>(
    Lift<&PView::row>(kProcedureRow), GJ_JSON_FIELDS(PView, blocks_start, duration_days, attachments),
    JObject<&PView::kind>("guide", kGuide), JField<&PView::kind, &Kind::kind, &PKind::code>("kind"),
    Lift<&PView::kind>(kKindRowLabels));

const JFields<sv::MissedVisit> kWindow =
    GJ_JSON_FIELDS(sv::MissedVisit, project_id, window_start, window_end);

// One holder's compliance: the fields a leader's row always had (leader_id null for a unit), then
// the holder and the ISO-week counts.
json ComplianceJson(const service::LeaderComplianceView& v) {
  const sv::HolderCompliance& hc = v.compliance;
  const bool person = hc.holder.kind == sv::HolderKind::kPerson;
  json missed = ArrayOf(hc.missed, [](const sv::MissedVisit& m) {
    json w = ObjectOf(m, kWindow);
    w["visits"] = m.visits;
    return w;
  });
  json weeks = ArrayOf(hc.missed_weeks, [](const sv::WeekRef& w) -> json {
    return {{"year", w.year}, {"week", w.week}, {"monday", w.monday.ToString()}};
  });
  return {{"leader_id", person ? json(hc.holder.id) : json(nullptr)},
          {"leader_name", v.name},
          {"title", v.title},
          {"projects", hc.projects},
          {"required", hc.required},
          {"met", hc.met},
          {"visits", hc.visits},
          {"rate", hc.rate},
          {"missed", std::move(missed)},
          {"holder_kind", sv::HolderKindName(hc.holder.kind)},
          {"holder_id", hc.holder.id},
          {"unit_id", person ? json(nullptr) : json(hc.holder.id)},
          {"name", v.name},
          {"weeks_assigned", hc.weeks_assigned},
          {"weeks_visited", hc.weeks_visited},
          {"week_rate", hc.week_rate},
          {"missed_weeks", std::move(weeks)}};
}

// An assignment with its holder and dates; `current`: in effect today.
json AssignmentJson(const store::AssignmentRow& a, std::optional<bool> current) {
  json j = {{"id", a.id},
            {"project_id", a.project_id},
            {"holder_kind", sv::HolderKindName(a.holder().kind)},
            {"person_id", JsonValue(a.person_id)},
            {"unit_id", JsonValue(a.unit_id)},
            {"name", a.holder_name},
            {"title", a.holder_title},
            {"from_date", a.from_date.ToString()},
            {"to_date", JsonValue(a.to_date)},
            {"version", a.version}};
  if (current) j["current"] = *current;
  return j;
}

json HolderJson(const service::HolderRef& h) {
  const bool person = h.holder.kind == sv::HolderKind::kPerson;
  return {{"holder_kind", sv::HolderKindName(h.holder.kind)},
          {"person_id", person ? json(h.holder.id) : json(nullptr)},
          {"unit_id", person ? json(nullptr) : json(h.holder.id)},
          {"name", h.name},
          {"title", h.title}};
}

using Esc = sv::EscalationStep;
const JFields<Esc> kEscalationLevel = GJ_JSON_FIELDS(Esc, level, label_zh);
const JFields<Esc> kEscalation = Join<Esc>(kEscalationLevel, GJ_JSON_FIELDS(Esc, after_days));

using Att = sv::AttentionItem;
const JFields<Att> kAttention = Join<Att>(
    GJ_JSON_FIELDS(Att, key, kind, problem_id, project_id, title, project_name, deadline, days_overdue),
    JObject<&Att::escalation>("escalation", kEscalationLevel), GJ_JSON_FIELDS(Att, read));

}  // namespace

namespace store {

void to_json(json& j, const AttachmentRow& a) {
  static const JFields<AttachmentRow> kFields =
      Join<AttachmentRow>(GJ_JSON_FIELDS(AttachmentRow, id, file_name, content_type, size, created_at),
                          JField<&AttachmentRow::id>(
                              "url", [](int64_t id) { return "/api/v1/attachments/" + std::to_string(id); }));
  WriteObject(j, a, kFields);
}

void to_json(json& j, const VisitRow& v) {
  static const JFields<VisitRow> kFields =
      GJ_JSON_FIELDS(VisitRow, id, project_id, person_id, unit_id, visit_date, notes, problems_discussed);
  WriteObject(j, v, kFields);
}

}  // namespace store

namespace service {

void to_json(json& j, const SupervisionConfig& v) {
  j = {{"problem_categories", sv::kProblemCategories},
       {"problem_statuses", sv::kProblemStatuses},
       {"procedure_statuses", sv::kProcedureStatuses},
       {"workflow", WorkflowJson()},
       {"escalation", ArrayOf(v.escalation.steps, kEscalation)},
       {"visit_rule", ObjectOf(v.visit_rule, kVisitRule)},
       {"procedure_kinds", ArrayOf(v.procedure_kinds, kKind)},
       {"map_tile_url", v.map_tile_url},
       {"region", v.region},
       {"editable", v.editable}};
  json sources = json::object();
  for (const auto& [name, s] : v.sources)
    sources[name] = {{"source", s.source}, {"region", s.region.empty() ? json(nullptr) : json(s.region)}};
  j["sources"] = sources;
}

void to_json(json& j, const ProblemView& v) {
  using Row = store::ProblemRow;
  using Fact = sv::ProblemFact;
  static const JFields<Row> kRow = Join<Row>(
      Lift<&Row::fact>(GJ_JSON_FIELDS(Fact, id, project_id, category, status, unit_id, coordinator_id,
                                      deadline, raised_on, closed_on)),
      GJ_JSON_FIELDS(Row, project_code, project_name, county_code),
      JFieldOrNull<&Row::town_code>("town_code"), GJ_JSON_FIELDS(Row, description),
      JFieldOrNull<&Row::unit_name>("unit_name"), JFieldOrNull<&Row::coordinator_name>("coordinator_name"),
      GJ_JSON_FIELDS(Row, signed_on, defer_reason, returns, version, created_at, updated_at));
  static const JFields<ProblemView> kFields =
      Join<ProblemView>(Lift<&ProblemView::row>(kRow), GJ_JSON_FIELDS(ProblemView, overdue, days_overdue),
                        JObject<&ProblemView::escalation>("escalation", kEscalation));
  j = ObjectOf(v, kFields);
  if (v.actions) j["actions"] = *v.actions;
}

void to_json(json& j, const ProblemPage& v) {
  j = {{"items", v.items}, {"total_count", v.items.size()}, {"as_of", v.as_of.ToString()}};
}

void to_json(json& j, const ProblemDetail& v) {
  j = v.problem;
  j["steps"] = ArrayOf(v.steps, kStep);
  j["attachments"] = v.attachments;
}

void to_json(json& j, const ProblemCounts& v) {
  using U = UnitProblemCounts;
  static const JFields<U> kUnit = Join<U>(
      GJ_JSON_FIELDS(U, unit_id),
      JFieldOf<U>("unit_name", [](const U& u) { return u.unit_id ? json(u.unit_name) : json(nullptr); }),
      GJ_JSON_FIELDS(U, open, overdue, max_days_overdue));
  static const JFields<ProblemCounts> kFields =
      Join<ProblemCounts>(GJ_JSON_FIELDS(ProblemCounts, as_of, total, overdue, by_status),
                          JObject<&ProblemCounts::by_unit>("by_unit", kUnit));
  WriteObject(j, v, kFields);
}

void to_json(json& j, const MilestoneList& v) {
  static const JFields<MilestoneList> kFields =
      Join<MilestoneList>(GJ_JSON_FIELDS(MilestoneList, project_id, project_name, finish, as_of),
                          JObject<&MilestoneList::items>("items", kMilestone));
  WriteObject(j, v, kFields);
}

void to_json(json& j, const GanttChart& v) {
  using P = GanttProject;
  static const JFields<P> kProject =
      Join<P>(GJ_JSON_FIELDS(P, project_id, code, name, town_name, stage, planned_start, actual_start,
                             actual_completion, finish),
              JObject<&P::milestones>("milestones", kMilestone));
  static const JFields<GanttChart> kFields =
      Join<GanttChart>(GJ_JSON_FIELDS(GanttChart, as_of), JObject<&GanttChart::items>("items", kProject),
                       GJ_JSON_FIELDS(GanttChart, truncated));
  WriteObject(j, v, kFields);
}

void to_json(json& j, const ProjectMap& v) {
  using P = MapProject;
  static const JFields<P> kPoint =
      GJ_JSON_FIELDS(P, id, code, name, town_code, town_name, longitude, latitude, stage, light);
  static const JFields<P> kUnplaced = GJ_JSON_FIELDS(P, id, code, name, town_code, town_name, stage, light);
  static const JFields<MapTown> kTown = GJ_JSON_FIELDS(MapTown, code, name, placed, unplaced);
  json towns = json::object();
  for (const auto& [town, n] : v.towns) towns[town] = n;
  j = {{"as_of", v.as_of.ToString()},
       {"items", ArrayOf(v.items, kPoint)},
       {"unplaced", ArrayOf(v.unplaced, kUnplaced)},
       {"towns", towns},
       {"town_list", ArrayOf(v.town_list, kTown)},
       {"tile_url", v.tile_url}};
}

void to_json(json& j, const ProcedureKindList& v) { j = ArrayOf(v.items, kKind); }

void to_json(json& j, const ProcedureList& v) {
  static const JFields<ProcedureList> kFields = Join<ProcedureList>(
      GJ_JSON_FIELDS(ProcedureList, project_id, planned_start, actual_start, as_of, blocking),
      JObject<&ProcedureList::items>("items", kProcedure));
  WriteObject(j, v, kFields);
}

void to_json(json& j, const ApprovalDurations& v) {
  using U = UnitApprovalTimes;
  static const JFields<U> kUnit = Join<U>(
      GJ_JSON_FIELDS(U, unit_id, unit_name),
      Lift<&U::durations>(GJ_JSON_FIELDS(sv::UnitDuration, approved, average_days, min_days, max_days)));
  j = {{"items", ArrayOf(v.items, kUnit)}};
}

void to_json(json& j, const ResponsibilityList& v) {
  using L = ProjectLeader;
  static const JFields<L> kLeader = GJ_JSON_FIELDS(L, person_id, name, title, primary);
  json visits = ArrayOf(v.visits, [](const auto& x) {
    json w = x;
    w.erase("project_id");
    w["person_name"] = x.person_name;
    w["unit_name"] = TextOrNull(x.unit_name);
    return w;
  });
  json assignments =
      ArrayOf(v.assignments, [](const AssignmentView& a) { return AssignmentJson(a.row, a.current); });
  j = {{"project_id", v.project_id},      {"leaders", ArrayOf(v.leaders, kLeader)},
       {"unit_id", JsonValue(v.unit_id)}, {"unit_name", TextOrNull(v.unit_name)},
       {"specialist", v.specialist},      {"visits", visits},
       {"assignments", assignments}};
}

void to_json(json& j, const ComplianceReport& v) {
  static const JFields<ComplianceReport> kFields = Join<ComplianceReport>(
      GJ_JSON_FIELDS(ComplianceReport, from, to, as_of), JObject<&ComplianceReport::rule>("rule", kVisitRule),
      JFieldOf<ComplianceReport>("items",
                                 [](const ComplianceReport& r) { return ArrayOf(r.items, ComplianceJson); }));
  WriteObject(j, v, kFields);
}

void to_json(json& j, const AssignmentView& v) { j = AssignmentJson(v.row, v.current); }

void to_json(json& j, const AssignmentList& v) {
  j = {{"project_id", v.project_id},
       {"items", ArrayOf(v.items, [](const AssignmentView& a) { return json(a); })}};
}

void to_json(json& j, const HolderAssignmentList& v) {
  json items = ArrayOf(v.items, [](const AssignmentView& a) {
    json x = json(a);
    x["project_code"] = a.row.project_code;
    x["project_name"] = a.row.project_name;
    return x;
  });
  j = {{"holder", v.holder ? HolderJson(*v.holder) : json(nullptr)},
       {"as_of", v.as_of.ToString()},
       {"items", std::move(items)}};
}

void to_json(json& j, const HandoverResult& v) {
  json items = ArrayOf(v.items, [](const HandoverItem& i) {
    json x = AssignmentJson(i.assignment, std::nullopt);
    x["assignment_id"] = i.assignment.id;
    x["project_code"] = i.assignment.project_code;
    x["project_name"] = i.assignment.project_name;
    x["already_held"] = i.already_held;
    x["new_assignment_id"] = i.new_assignment_id == 0 ? json(nullptr) : json(i.new_assignment_id);
    return x;
  });
  j = {{"dry_run", v.dry_run},       {"date", v.date.ToString()}, {"ends_on", v.date.AddDays(-1).ToString()},
       {"from", HolderJson(v.from)}, {"to", HolderJson(v.to)},    {"moved", v.items.size()},
       {"items", std::move(items)}};
}

void to_json(json& j, const LeaderPageView& v) {
  using P = LeaderProject;
  static const JFields<P> kProject =
      GJ_JSON_FIELDS(P, id, code, name, stage, town_name, open_problems, overdue_problems, visit_due);
  static const JFields<store::VisitRow> kVisit =
      GJ_JSON_FIELDS(store::VisitRow, id, project_id, project_name, visit_date, notes);
  static const JFields<LeaderPageView> kFields =
      Join<LeaderPageView>(GJ_JSON_FIELDS(LeaderPageView, person_id, name, title, as_of),
                           JObject<&LeaderPageView::projects>("projects", kProject),
                           JObject<&LeaderPageView::visits_due>("visits_due", kWindow),
                           JObject<&LeaderPageView::recent_visits>("recent_visits", kVisit),
                           JObject<&LeaderPageView::rule>("rule", kVisitRule));
  WriteObject(j, v, kFields);
}

void to_json(json& j, const AttentionList& v) {
  j = {{"as_of", v.as_of.ToString()}, {"unread", v.unread}, {"items", ArrayOf(v.items, kAttention)}};
}

void to_json(json& j, const MarkedRead& v) { j = {{"marked", v.marked}}; }

}  // namespace service

}  // namespace gj

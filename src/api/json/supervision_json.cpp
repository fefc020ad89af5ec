#include "api/json/supervision_json.h"

#include <string>

#include "common/json_shape.h"

namespace gj {

using nlohmann::json;
namespace sv = supervision;

namespace {

const JFields<store::ProblemStep> kStep = {
    JField<&store::ProblemStep::id>("id"),           JField<&store::ProblemStep::action>("action"),
    JField<&store::ProblemStep::from_status>("from_status"), JField<&store::ProblemStep::to_status>("to_status"),
    JField<&store::ProblemStep::note>("note"),       JField<&store::ProblemStep::user_id>("user_id"),
    JField<&store::ProblemStep::user_name>("user_name"), JField<&store::ProblemStep::on_date>("on_date"),
    JField<&store::ProblemStep::at>("at")};

const JFields<sv::VisitRule> kVisitRule = {JField<&sv::VisitRule::window_days>("window_days"),
                                           JField<&sv::VisitRule::min_visits>("min_visits")};

using Kind = store::ProcedureKindRow;
const JFields<Kind> kGuide = {JField<&Kind::documents>("documents"), JField<&Kind::handling_unit>("handling_unit"),
                              JField<&Kind::office>("office"), JField<&Kind::phone>("phone")};
const JFields<Kind> kKind = {JField<&Kind::kind, &sv::ProcedureKind::code>("code"),
                             JField<&Kind::kind, &sv::ProcedureKind::label_zh>("label_zh"),
                             JField<&Kind::kind, &sv::ProcedureKind::label_en>("label_en"),
                             JField<&Kind::kind, &sv::ProcedureKind::required_for_start>("required_for_start"),
                             JField<&Kind::sort>("sort"),
                             JFieldOf<Kind>("guide", [](const Kind& k) { return ObjectOf(k, kGuide); })};

json WorkflowJson() {
  static const char* kActor[] = {"office", "unit", "verifier", "anyone"};
  return ArrayOf(sv::ProblemWorkflow(), [](const auto& t) -> json {
    return {{"action", t.action}, {"from", t.from},           {"to", t.to},
            {"actor", kActor[static_cast<int>(t.actor)]}, {"rule", t.rule}, {"rule_text", t.rule_text}};
  });
}

using MView = service::MilestoneView;
using Ms = sv::Milestone;
const JFields<MView> kMilestone = {
    JField<&MView::row, &store::MilestoneRow::m, &Ms::id>("id"),
    JField<&MView::row, &store::MilestoneRow::m, &Ms::project_id>("project_id"),
    JField<&MView::row, &store::MilestoneRow::m, &Ms::name>("name"),
    JField<&MView::row, &store::MilestoneRow::m, &Ms::planned_date>("planned_date"),
    JField<&MView::row, &store::MilestoneRow::m, &Ms::actual_date>("actual_date"),
    JField<&MView::row, &store::MilestoneRow::m, &Ms::duration_days>("duration_days"),
    JField<&MView::row, &store::MilestoneRow::m, &Ms::predecessor_id>("predecessor_id"),
    JField<&MView::row, &store::MilestoneRow::m, &Ms::unit_id>("unit_id"),
    JFieldOrNull<&MView::row, &store::MilestoneRow::unit_name>("unit_name"),
    JField<&MView::row, &store::MilestoneRow::sort>("sort"),
    JField<&MView::row, &store::MilestoneRow::version>("version"),
    JField<&MView::schedule, &sv::ScheduledMilestone::planned_start>("planned_start"),
    JField<&MView::schedule, &sv::ScheduledMilestone::latest_start>("latest_start"),
    JField<&MView::schedule, &sv::ScheduledMilestone::latest_finish>("latest_finish"),
    JField<&MView::schedule, &sv::ScheduledMilestone::slack_days>("slack_days"),
    JField<&MView::schedule, &sv::ScheduledMilestone::late>("late"),
    JField<&MView::schedule, &sv::ScheduledMilestone::days_late>("days_late")};

using PView = service::ProcedureView;
using PRow = store::ProcedureRow;
using PFact = sv::ProcedureFact;
const JFields<PView> kProcedure = {
    JFieldOf<PView>("id", [](const PView& v) { return v.row.fact.id == 0 ? json(nullptr) : json(v.row.fact.id); }),
    JField<&PView::kind, &Kind::kind, &sv::ProcedureKind::code>("kind"),
    JField<&PView::kind, &Kind::kind, &sv::ProcedureKind::label_zh>("label_zh"),
    JField<&PView::kind, &Kind::kind, &sv::ProcedureKind::label_en>("label_en"),
    JField<&PView::row, &PRow::fact, &PFact::status>("status"),
    JField<&PView::row, &PRow::fact, &PFact::unit_id>("unit_id"),
    JFieldOrNull<&PView::row, &PRow::unit_name>("unit_name"),
    JField<&PView::row, &PRow::fact, &PFact::applied_on>("applied_on"),
    JField<&PView::row, &PRow::fact, &PFact::approved_on>("approved_on"),
    JField<&PView::row, &PRow::fact, &PFact::accepted_pending>("accepted_pending"),
    JField<&PView::row, &PRow::pending_document>("pending_document"),
    JField<&PView::row, &PRow::approval_no>("approval_no"),
    JField<&PView::kind, &Kind::kind, &sv::ProcedureKind::required_for_start>("required_for_start"),
    JField<&PView::blocks_start>("blocks_start"),
    JField<&PView::duration_days>("duration_days"),
    JField<&PView::row, &PRow::version>("version"),
    JField<&PView::attachments>("attachments"),
    JObject<&PView::kind>("guide", kGuide)};

const JFields<sv::MissedVisit> kWindow = {JField<&sv::MissedVisit::project_id>("project_id"),
                                          JField<&sv::MissedVisit::window_start>("window_start"),
                                          JField<&sv::MissedVisit::window_end>("window_end")};

using LCView = service::LeaderComplianceView;
using LC = sv::LeaderCompliance;
const JFields<LCView> kCompliance = {
    JField<&LCView::compliance, &LC::leader_id>("leader_id"), JField<&LCView::name>("leader_name"),
    JField<&LCView::title>("title"), JField<&LCView::compliance, &LC::projects>("projects"),
    JField<&LCView::compliance, &LC::required>("required"), JField<&LCView::compliance, &LC::met>("met"),
    JField<&LCView::compliance, &LC::visits>("visits"), JField<&LCView::compliance, &LC::rate>("rate"),
    JField<&LCView::compliance, &LC::missed>("missed", [](const std::vector<sv::MissedVisit>& missed) {
      return ArrayOf(missed, [](const sv::MissedVisit& m) {
        json w = ObjectOf(m, kWindow);
        w["visits"] = m.visits;
        return w;
      });
    })};

const JFields<sv::EscalationStep> kEscalationLevel = {JField<&sv::EscalationStep::level>("level"),
                                                  JField<&sv::EscalationStep::label_zh>("label_zh")};
const JFields<sv::EscalationStep> kEscalation = {JField<&sv::EscalationStep::level>("level"),
                                             JField<&sv::EscalationStep::label_zh>("label_zh"),
                                             JField<&sv::EscalationStep::after_days>("after_days")};

using Att = sv::AttentionItem;
const JFields<Att> kAttention = {
    JField<&Att::key>("key"),           JField<&Att::kind>("kind"),
    JField<&Att::problem_id>("problem_id"), JField<&Att::project_id>("project_id"),
    JField<&Att::title>("title"),       JField<&Att::project_name>("project_name"),
    JField<&Att::deadline>("deadline"), JField<&Att::days_overdue>("days_overdue"),
    JObject<&Att::escalation>("escalation", kEscalationLevel), JField<&Att::read>("read")};

}  // namespace

namespace store {

void to_json(json& j, const AttachmentRow& a) {
  static const JFields<AttachmentRow> kFields = {
      JField<&AttachmentRow::id>("id"), JField<&AttachmentRow::file_name>("file_name"),
      JField<&AttachmentRow::content_type>("content_type"), JField<&AttachmentRow::size>("size"),
      JField<&AttachmentRow::created_at>("created_at"),
      JField<&AttachmentRow::id>("url", [](int64_t id) { return "/api/v1/attachments/" + std::to_string(id); })};
  WriteObject(j, a, kFields);
}

void to_json(json& j, const VisitRow& v) {
  static const JFields<VisitRow> kFields = {
      JField<&VisitRow::id>("id"),       JField<&VisitRow::project_id>("project_id"),
      JField<&VisitRow::person_id>("person_id"), JField<&VisitRow::visit_date>("visit_date"),
      JField<&VisitRow::notes>("notes"), JField<&VisitRow::problems_discussed>("problems_discussed")};
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
       {"map_tile_url", v.map_tile_url}};
}

void to_json(json& j, const ProblemView& v) {
  using Row = store::ProblemRow;
  using Fact = sv::ProblemFact;
  static const JFields<ProblemView> kFields = {
      JField<&ProblemView::row, &Row::fact, &Fact::id>("id"),
      JField<&ProblemView::row, &Row::fact, &Fact::project_id>("project_id"),
      JField<&ProblemView::row, &Row::project_code>("project_code"),
      JField<&ProblemView::row, &Row::project_name>("project_name"),
      JField<&ProblemView::row, &Row::county_code>("county_code"),
      JFieldOrNull<&ProblemView::row, &Row::town_code>("town_code"),
      JField<&ProblemView::row, &Row::fact, &Fact::category>("category"),
      JField<&ProblemView::row, &Row::description>("description"),
      JField<&ProblemView::row, &Row::fact, &Fact::status>("status"),
      JField<&ProblemView::row, &Row::fact, &Fact::unit_id>("unit_id"),
      JFieldOrNull<&ProblemView::row, &Row::unit_name>("unit_name"),
      JField<&ProblemView::row, &Row::fact, &Fact::coordinator_id>("coordinator_id"),
      JFieldOrNull<&ProblemView::row, &Row::coordinator_name>("coordinator_name"),
      JField<&ProblemView::row, &Row::fact, &Fact::deadline>("deadline"),
      JField<&ProblemView::row, &Row::fact, &Fact::raised_on>("raised_on"),
      JField<&ProblemView::row, &Row::signed_on>("signed_on"),
      JField<&ProblemView::row, &Row::fact, &Fact::closed_on>("closed_on"),
      JField<&ProblemView::row, &Row::defer_reason>("defer_reason"),
      JField<&ProblemView::row, &Row::returns>("returns"),
      JField<&ProblemView::overdue>("overdue"),
      JField<&ProblemView::days_overdue>("days_overdue"),
      JObject<&ProblemView::escalation>("escalation", kEscalation),
      JField<&ProblemView::row, &Row::version>("version"),
      JField<&ProblemView::row, &Row::created_at>("created_at"),
      JField<&ProblemView::row, &Row::updated_at>("updated_at")};
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
  static const JFields<U> kUnit = {
      JField<&U::unit_id>("unit_id"),
      JFieldOf<U>("unit_name", [](const U& u) { return u.unit_id ? json(u.unit_name) : json(nullptr); }),
      JField<&U::open>("open"), JField<&U::overdue>("overdue"), JField<&U::max_days_overdue>("max_days_overdue")};
  static const JFields<ProblemCounts> kFields = {
      JField<&ProblemCounts::as_of>("as_of"), JField<&ProblemCounts::total>("total"),
      JField<&ProblemCounts::overdue>("overdue"), JField<&ProblemCounts::by_status>("by_status"),
      JObject<&ProblemCounts::by_unit>("by_unit", kUnit)};
  WriteObject(j, v, kFields);
}

void to_json(json& j, const MilestoneList& v) {
  static const JFields<MilestoneList> kFields = {
      JField<&MilestoneList::project_id>("project_id"), JField<&MilestoneList::project_name>("project_name"),
      JField<&MilestoneList::finish>("finish"), JField<&MilestoneList::as_of>("as_of"),
      JObject<&MilestoneList::items>("items", kMilestone)};
  WriteObject(j, v, kFields);
}

void to_json(json& j, const GanttChart& v) {
  using P = GanttProject;
  static const JFields<P> kProject = {
      JField<&P::project_id>("project_id"), JField<&P::code>("code"), JField<&P::name>("name"),
      JField<&P::town_name>("town_name"), JField<&P::planned_start>("planned_start"),
      JField<&P::actual_start>("actual_start"), JField<&P::finish>("finish"),
      JObject<&P::milestones>("milestones", kMilestone)};
  static const JFields<GanttChart> kFields = {JField<&GanttChart::as_of>("as_of"),
                                              JObject<&GanttChart::items>("items", kProject),
                                              JField<&GanttChart::truncated>("truncated")};
  WriteObject(j, v, kFields);
}

void to_json(json& j, const ProjectMap& v) {
  using P = MapProject;
  static const JFields<P> kPoint = {
      JField<&P::id>("id"),         JField<&P::code>("code"),           JField<&P::name>("name"),
      JField<&P::town_name>("town_name"), JField<&P::longitude>("longitude"), JField<&P::latitude>("latitude"),
      JField<&P::stage>("stage"),   JField<&P::light>("light")};
  json towns = json::object();
  for (const auto& [town, n] : v.towns) towns[town] = n;
  j = {{"as_of", v.as_of.ToString()}, {"items", ArrayOf(v.items, kPoint)}, {"towns", towns}, {"tile_url", v.tile_url}};
}

void to_json(json& j, const ProcedureKindList& v) { j = ArrayOf(v.items, kKind); }

void to_json(json& j, const ProcedureList& v) {
  static const JFields<ProcedureList> kFields = {
      JField<&ProcedureList::project_id>("project_id"), JField<&ProcedureList::planned_start>("planned_start"),
      JField<&ProcedureList::actual_start>("actual_start"), JField<&ProcedureList::as_of>("as_of"),
      JField<&ProcedureList::blocking>("blocking"), JObject<&ProcedureList::items>("items", kProcedure)};
  WriteObject(j, v, kFields);
}

void to_json(json& j, const ApprovalDurations& v) {
  using U = UnitApprovalTimes;
  using D = sv::UnitDuration;
  static const JFields<U> kUnit = {
      JField<&U::unit_id>("unit_id"),           JField<&U::unit_name>("unit_name"),
      JField<&U::durations, &D::approved>("approved"), JField<&U::durations, &D::average_days>("average_days"),
      JField<&U::durations, &D::min_days>("min_days"), JField<&U::durations, &D::max_days>("max_days")};
  j = {{"items", ArrayOf(v.items, kUnit)}};
}

void to_json(json& j, const ResponsibilityList& v) {
  using L = ProjectLeader;
  static const JFields<L> kLeader = {JField<&L::person_id>("person_id"), JField<&L::name>("name"),
                                     JField<&L::title>("title"), JField<&L::primary>("primary")};
  json visits = ArrayOf(v.visits, [](const auto& x) {
    json w = x;
    w.erase("project_id");
    w["person_name"] = x.person_name;
    return w;
  });
  j = {{"project_id", v.project_id},          {"leaders", ArrayOf(v.leaders, kLeader)},
       {"unit_id", JsonValue(v.unit_id)}, {"unit_name", TextOrNull(v.unit_name)},
       {"specialist", v.specialist},          {"visits", visits}};
}

void to_json(json& j, const ComplianceReport& v) {
  static const JFields<ComplianceReport> kFields = {
      JField<&ComplianceReport::from>("from"), JField<&ComplianceReport::to>("to"),
      JField<&ComplianceReport::as_of>("as_of"), JObject<&ComplianceReport::rule>("rule", kVisitRule),
      JObject<&ComplianceReport::items>("items", kCompliance)};
  WriteObject(j, v, kFields);
}

void to_json(json& j, const LeaderPageView& v) {
  using P = LeaderProject;
  using R = store::VisitRow;
  static const JFields<P> kProject = {
      JField<&P::id>("id"),       JField<&P::code>("code"),         JField<&P::name>("name"),
      JField<&P::stage>("stage"), JField<&P::town_name>("town_name"), JField<&P::open_problems>("open_problems"),
      JField<&P::overdue_problems>("overdue_problems"), JField<&P::visit_due>("visit_due")};
  static const JFields<R> kVisit = {JField<&R::id>("id"), JField<&R::project_id>("project_id"),
                                    JField<&R::project_name>("project_name"), JField<&R::visit_date>("visit_date"),
                                    JField<&R::notes>("notes")};
  static const JFields<LeaderPageView> kFields = {
      JField<&LeaderPageView::person_id>("person_id"), JField<&LeaderPageView::name>("name"),
      JField<&LeaderPageView::title>("title"), JField<&LeaderPageView::as_of>("as_of"),
      JObject<&LeaderPageView::projects>("projects", kProject),
      JObject<&LeaderPageView::visits_due>("visits_due", kWindow),
      JObject<&LeaderPageView::recent_visits>("recent_visits", kVisit),
      JObject<&LeaderPageView::rule>("rule", kVisitRule)};
  WriteObject(j, v, kFields);
}

void to_json(json& j, const AttentionList& v) {
  j = {{"as_of", v.as_of.ToString()}, {"unread", v.unread}, {"items", ArrayOf(v.items, kAttention)}};
}

void to_json(json& j, const MarkedRead& v) { j = {{"marked", v.marked}}; }

}  // namespace service

}  // namespace gj

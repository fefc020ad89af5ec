#include "api/json/supervision_json.h"

#include <string>

#include "common/json_shape.h"

namespace gj {

using nlohmann::json;
namespace sv = supervision;

namespace {

const JFields<store::ProblemStep> kStep = {JField<&store::ProblemStep::id>("id"),
                                           JField<&store::ProblemStep::action>("action"),
                                           JField<&store::ProblemStep::from_status>("from_status"),
                                           JField<&store::ProblemStep::to_status>("to_status"),
                                           JField<&store::ProblemStep::note>("note"),
                                           JField<&store::ProblemStep::user_id>("user_id"),
                                           JField<&store::ProblemStep::user_name>("user_name"),
                                           JField<&store::ProblemStep::on_date>("on_date"),
                                           JField<&store::ProblemStep::at>("at")};

const JFields<sv::VisitRule> kVisitRule = {JField<&sv::VisitRule::window_days>("window_days"),
                                           JField<&sv::VisitRule::min_visits>("min_visits")};

using Kind = store::ProcedureKindRow;
const JFields<Kind> kGuide = {JField<&Kind::documents>("documents"),
                              JField<&Kind::handling_unit>("handling_unit"), JField<&Kind::office>("office"),
                              JField<&Kind::phone>("phone")};
using PKind = sv::ProcedureKind;
const JFields<PKind> kKindLabels = {JField<&PKind::label_zh>("label_zh"),
                                    JField<&PKind::label_en>("label_en"),
                                    JField<&PKind::required_for_start>("required_for_start")};
const JFields<Kind> kKindRowLabels = Lift<&Kind::kind>(kKindLabels);
const JFields<Kind> kKind =
    Join<Kind>({kKindRowLabels,
                {JField<&Kind::kind, &PKind::code>("code"), JField<&Kind::sort>("sort"),
                 JFieldOf<Kind>("guide", [](const Kind& k) { return ObjectOf(k, kGuide); })}});

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
const JFields<Ms> kMilestoneFact = {JField<&Ms::id>("id"),
                                    JField<&Ms::project_id>("project_id"),
                                    JField<&Ms::name>("name"),
                                    JField<&Ms::planned_date>("planned_date"),
                                    JField<&Ms::actual_date>("actual_date"),
                                    JField<&Ms::duration_days>("duration_days"),
                                    JField<&Ms::predecessor_id>("predecessor_id"),
                                    JField<&Ms::unit_id>("unit_id")};
const JFields<MRow> kMilestoneRow =
    Join<MRow>({Lift<&MRow::m>(kMilestoneFact),
                {JFieldOrNull<&MRow::unit_name>("unit_name"), JField<&MRow::sort>("sort"),
                 JField<&MRow::version>("version")}});
const JFields<Sched> kSchedule = {JField<&Sched::planned_start>("planned_start"),
                                  JField<&Sched::latest_start>("latest_start"),
                                  JField<&Sched::latest_finish>("latest_finish"),
                                  JField<&Sched::slack_days>("slack_days"),
                                  JField<&Sched::late>("late"),
                                  JField<&Sched::days_late>("days_late")};
const JFields<MView> kMilestone =
    Join<MView>({Lift<&MView::row>(kMilestoneRow), Lift<&MView::schedule>(kSchedule)});

using PView = service::ProcedureView;
using PRow = store::ProcedureRow;
using PFact = sv::ProcedureFact;
const JFields<PFact> kProcedureFact = {JField<&PFact::status>("status"), JField<&PFact::unit_id>("unit_id"),
                                       JField<&PFact::applied_on>("applied_on"),
                                       JField<&PFact::approved_on>("approved_on"),
                                       JField<&PFact::accepted_pending>("accepted_pending")};
const JFields<PRow> kProcedureRow = Join<PRow>(
    {Lift<&PRow::fact>(kProcedureFact),
     {JFieldOf<PRow>("id", [](const PRow& r) { return r.fact.id == 0 ? json(nullptr) : json(r.fact.id); }),
      JFieldOrNull<&PRow::unit_name>("unit_name"), JField<&PRow::pending_document>("pending_document"),
      JField<&PRow::approval_no>("approval_no"), JField<&PRow::version>("version")}});
const JFields<PView> kProcedure = Join<PView>(
    {Lift<&PView::row>(kProcedureRow),
     {JField<&PView::blocks_start>("blocks_start"), JField<&PView::duration_days>("duration_days"),
      JField<&PView::attachments>("attachments"), JObject<&PView::kind>("guide", kGuide),
      JField<&PView::kind, &Kind::kind, &PKind::code>("kind")},
     Lift<&PView::kind>(kKindRowLabels)});

const JFields<sv::MissedVisit> kWindow = {JField<&sv::MissedVisit::project_id>("project_id"),
                                          JField<&sv::MissedVisit::window_start>("window_start"),
                                          JField<&sv::MissedVisit::window_end>("window_end")};

using LCView = service::LeaderComplianceView;
using LC = sv::LeaderCompliance;
const JFields<LCView> kCompliance = {
    JField<&LCView::compliance, &LC::leader_id>("leader_id"),
    JField<&LCView::name>("leader_name"),
    JField<&LCView::title>("title"),
    JField<&LCView::compliance, &LC::projects>("projects"),
    JField<&LCView::compliance, &LC::required>("required"),
    JField<&LCView::compliance, &LC::met>("met"),
    JField<&LCView::compliance, &LC::visits>("visits"),
    JField<&LCView::compliance, &LC::rate>("rate"),
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
const JFields<Att> kAttention = {JField<&Att::key>("key"),
                                 JField<&Att::kind>("kind"),
                                 JField<&Att::problem_id>("problem_id"),
                                 JField<&Att::project_id>("project_id"),
                                 JField<&Att::title>("title"),
                                 JField<&Att::project_name>("project_name"),
                                 JField<&Att::deadline>("deadline"),
                                 JField<&Att::days_overdue>("days_overdue"),
                                 JObject<&Att::escalation>("escalation", kEscalationLevel),
                                 JField<&Att::read>("read")};

}  // namespace

namespace store {

void to_json(json& j, const AttachmentRow& a) {
  static const JFields<AttachmentRow> kFields = {JField<&AttachmentRow::id>("id"),
                                                 JField<&AttachmentRow::file_name>("file_name"),
                                                 JField<&AttachmentRow::content_type>("content_type"),
                                                 JField<&AttachmentRow::size>("size"),
                                                 JField<&AttachmentRow::created_at>("created_at"),
                                                 JField<&AttachmentRow::id>("url", [](int64_t id) {
                                                   return "/api/v1/attachments/" + std::to_string(id);
                                                 })};
  WriteObject(j, a, kFields);
}

void to_json(json& j, const VisitRow& v) {
  static const JFields<VisitRow> kFields = {JField<&VisitRow::id>("id"),
                                            JField<&VisitRow::project_id>("project_id"),
                                            JField<&VisitRow::person_id>("person_id"),
                                            JField<&VisitRow::visit_date>("visit_date"),
                                            JField<&VisitRow::notes>("notes"),
                                            JField<&VisitRow::problems_discussed>("problems_discussed")};
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
  static const JFields<Fact> kFact = {JField<&Fact::id>("id"),
                                      JField<&Fact::project_id>("project_id"),
                                      JField<&Fact::category>("category"),
                                      JField<&Fact::status>("status"),
                                      JField<&Fact::unit_id>("unit_id"),
                                      JField<&Fact::coordinator_id>("coordinator_id"),
                                      JField<&Fact::deadline>("deadline"),
                                      JField<&Fact::raised_on>("raised_on"),
                                      JField<&Fact::closed_on>("closed_on")};
  static const JFields<Row> kRow =
      Join<Row>({Lift<&Row::fact>(kFact),
                 {JField<&Row::project_code>("project_code"), JField<&Row::project_name>("project_name"),
                  JField<&Row::county_code>("county_code"), JFieldOrNull<&Row::town_code>("town_code"),
                  JField<&Row::description>("description"), JFieldOrNull<&Row::unit_name>("unit_name"),
                  JFieldOrNull<&Row::coordinator_name>("coordinator_name"),
                  JField<&Row::signed_on>("signed_on"), JField<&Row::defer_reason>("defer_reason"),
                  JField<&Row::returns>("returns"), JField<&Row::version>("version"),
                  JField<&Row::created_at>("created_at"), JField<&Row::updated_at>("updated_at")}});
  static const JFields<ProblemView> kFields = Join<ProblemView>(
      {Lift<&ProblemView::row>(kRow),
       {JField<&ProblemView::overdue>("overdue"), JField<&ProblemView::days_overdue>("days_overdue"),
        JObject<&ProblemView::escalation>("escalation", kEscalation)}});
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
      JField<&U::open>("open"), JField<&U::overdue>("overdue"),
      JField<&U::max_days_overdue>("max_days_overdue")};
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
  static const JFields<P> kProject = {JField<&P::project_id>("project_id"),
                                      JField<&P::code>("code"),
                                      JField<&P::name>("name"),
                                      JField<&P::town_name>("town_name"),
                                      JField<&P::planned_start>("planned_start"),
                                      JField<&P::actual_start>("actual_start"),
                                      JField<&P::finish>("finish"),
                                      JObject<&P::milestones>("milestones", kMilestone)};
  static const JFields<GanttChart> kFields = {JField<&GanttChart::as_of>("as_of"),
                                              JObject<&GanttChart::items>("items", kProject),
                                              JField<&GanttChart::truncated>("truncated")};
  WriteObject(j, v, kFields);
}

void to_json(json& j, const ProjectMap& v) {
  using P = MapProject;
  static const JFields<P> kPoint = {JField<&P::id>("id"),
                                    JField<&P::code>("code"),
                                    JField<&P::name>("name"),
                                    JField<&P::town_name>("town_name"),
                                    JField<&P::longitude>("longitude"),
                                    JField<&P::latitude>("latitude"),
                                    JField<&P::stage>("stage"),
                                    JField<&P::light>("light")};
  json towns = json::object();
  for (const auto& [town, n] : v.towns) towns[town] = n;
  j = {{"as_of", v.as_of.ToString()},
       {"items", ArrayOf(v.items, kPoint)},
       {"towns", towns},
       {"tile_url", v.tile_url}};
}

void to_json(json& j, const ProcedureKindList& v) { j = ArrayOf(v.items, kKind); }

void to_json(json& j, const ProcedureList& v) {
  static const JFields<ProcedureList> kFields = {JField<&ProcedureList::project_id>("project_id"),
                                                 JField<&ProcedureList::planned_start>("planned_start"),
                                                 JField<&ProcedureList::actual_start>("actual_start"),
                                                 JField<&ProcedureList::as_of>("as_of"),
                                                 JField<&ProcedureList::blocking>("blocking"),
                                                 JObject<&ProcedureList::items>("items", kProcedure)};
  WriteObject(j, v, kFields);
}

void to_json(json& j, const ApprovalDurations& v) {
  using U = UnitApprovalTimes;
  using D = sv::UnitDuration;
  static const JFields<U> kUnit = {JField<&U::unit_id>("unit_id"),
                                   JField<&U::unit_name>("unit_name"),
                                   JField<&U::durations, &D::approved>("approved"),
                                   JField<&U::durations, &D::average_days>("average_days"),
                                   JField<&U::durations, &D::min_days>("min_days"),
                                   JField<&U::durations, &D::max_days>("max_days")};
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
  j = {{"project_id", v.project_id},      {"leaders", ArrayOf(v.leaders, kLeader)},
       {"unit_id", JsonValue(v.unit_id)}, {"unit_name", TextOrNull(v.unit_name)},
       {"specialist", v.specialist},      {"visits", visits}};
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
  static const JFields<P> kProject = {JField<&P::id>("id"),
                                      JField<&P::code>("code"),
                                      JField<&P::name>("name"),
                                      JField<&P::stage>("stage"),
                                      JField<&P::town_name>("town_name"),
                                      JField<&P::open_problems>("open_problems"),
                                      JField<&P::overdue_problems>("overdue_problems"),
                                      JField<&P::visit_due>("visit_due")};
  static const JFields<R> kVisit = {JField<&R::id>("id"), JField<&R::project_id>("project_id"),
                                    JField<&R::project_name>("project_name"),
                                    JField<&R::visit_date>("visit_date"), JField<&R::notes>("notes")};
  static const JFields<LeaderPageView> kFields = {
      JField<&LeaderPageView::person_id>("person_id"),
      JField<&LeaderPageView::name>("name"),
      JField<&LeaderPageView::title>("title"),
      JField<&LeaderPageView::as_of>("as_of"),
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

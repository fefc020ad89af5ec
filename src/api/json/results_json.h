// The to_json of every typed result the API answers, in the nlohmann idiom: found by ADL wherever
// a route builds nlohmann::json(result) (JsonReply, BodyHandler, VersionedBodyHandler,
// QueryParams::Then), so a service returns plain types and the API writes them. Declared together,
// one line a type, defined by capability in api/json/*_json.cpp with the field lists of
// common/json_shape.h.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/access/access.h"
#include "service/access/account_service.h"
#include "service/access/auth_service.h"
#include "service/assessment/observation_service.h"
#include "service/assessment/ranking_service.h"
#include "service/home/todo_service.h"
#include "service/land_efficiency/land_service.h"
#include "service/ledger/ledger_service.h"
#include "service/ledger/ledger_sheet_service.h"
#include "service/supervision/progress_service.h"
#include "service/supervision/supervision_service.h"
#include "service/targets/target_service.h"
#include "store/project_store.h"

namespace gj::store {

void to_json(nlohmann::json& j, const ProjectRow& row);  // its fields and the names it references
void to_json(nlohmann::json& j, const AttachmentRow& a);
void to_json(nlohmann::json& j, const VisitRow& v);  // a visit as logged (POST /visits)

}  // namespace gj::store

namespace gj::service {

// The caller's to-dos (GET /me/todos): {as_of, period, total, groups: [{kind, count, items: [...]}]}.
void to_json(nlohmann::json& j, const MyTodos& v);

// Assessment: observation events, periodic rankings (scores shown to six decimals).
void to_json(nlohmann::json& j, const ObservationView& v);
void to_json(nlohmann::json& j, const ObservationSummary& v);
void to_json(nlohmann::json& j, const ObservationResults& v);
void to_json(nlohmann::json& j, const RankingSchemeView& v);
void to_json(nlohmann::json& j, const RankingSchemeDetail& v);
void to_json(nlohmann::json& j, const RankingRunView& v);
void to_json(nlohmann::json& j, const RankingRunDetail& v);
void to_json(nlohmann::json& j, const ItemList<store::JudgeUser>& v);  // the judges an organiser may name
// Any other list: {"items": [the items' JSON]}.
template <class T>
void to_json(nlohmann::json& j, const ItemList<T>& v) {
  j = {{"items", v.items}};
}

// Land efficiency (/api/v1/land/…).
void to_json(nlohmann::json& j, const LandImportReport& v);
void to_json(nlohmann::json& j, const LandData& v);
void to_json(nlohmann::json& j, const LandDataList& v);
void to_json(nlohmann::json& j, const LandBulkAction& v);
void to_json(nlohmann::json& j, const LandSchemeView& v);
void to_json(nlohmann::json& j, const LandPolicies& v);
void to_json(nlohmann::json& j, const LandRun& v);
void to_json(nlohmann::json& j, const LandRunList& v);
void to_json(nlohmann::json& j, const LandRunDetail& v);
void to_json(nlohmann::json& j, const LandCard& v);
void to_json(nlohmann::json& j, const LandPolicyLedger& v);
void to_json(nlohmann::json& j, const LandJournal& v);

// The ledger, the organisation and accounts.
void to_json(nlohmann::json& j, const ProjectJournal& journal);
void to_json(nlohmann::json& j, const ProjectOverview& o);
void to_json(nlohmann::json& j, const RegionList& l);
void to_json(nlohmann::json& j, const UnitList& l);
void to_json(nlohmann::json& j, const PersonList& l);
void to_json(nlohmann::json& j, const ImportReport& r);
void to_json(nlohmann::json& j, const IssuedApiToken& t);
void to_json(nlohmann::json& j, const ApiTokenList& l);

// Accounts: an admin's users, the caller's sessions (routes_accounts.cpp).
void to_json(nlohmann::json& j, const GrantView& g);
void to_json(nlohmann::json& j, const AccountView& v);
void to_json(nlohmann::json& j, const AccountList& l);
void to_json(nlohmann::json& j, const SessionList& l);
void to_json(nlohmann::json& j, const LoggedOut& v);

// Progress reports, stops, monthly plans and lights.
void to_json(nlohmann::json& j, const ProgressSettings& v);
void to_json(nlohmann::json& j, const GeneratedTasks& v);
void to_json(nlohmann::json& j, const RunningTasks& v);
void to_json(nlohmann::json& j, const ReportPhoto& v);
void to_json(nlohmann::json& j, const ReportView& v);
void to_json(nlohmann::json& j, const ReportPeriodList& v);
void to_json(nlohmann::json& j, const CurrentPeriod& v);
void to_json(nlohmann::json& j, const ProjectReportList& v);
void to_json(nlohmann::json& j, const MissingReportList& v);
void to_json(nlohmann::json& j, const StopRequested& v);
void to_json(nlohmann::json& j, const StopDecision& v);
void to_json(nlohmann::json& j, const StopList& v);
void to_json(nlohmann::json& j, const MonthlyPlanView& v);
void to_json(nlohmann::json& j, const LightPage& v);
void to_json(nlohmann::json& j, const ProjectLightView& v);
void to_json(nlohmann::json& j, const LightDashboard& v);
void to_json(nlohmann::json& j, const SnapshotKept& v);
void to_json(nlohmann::json& j, const LightSnapshot& v);

// Supervision (三张清单): problems, milestones, procedures, responsibility, attention.
void to_json(nlohmann::json& j, const SupervisionConfig& v);
void to_json(nlohmann::json& j, const ProblemView& v);
void to_json(nlohmann::json& j, const ProblemPage& v);
void to_json(nlohmann::json& j, const ProblemDetail& v);
void to_json(nlohmann::json& j, const ProblemCounts& v);
void to_json(nlohmann::json& j, const MilestoneList& v);
void to_json(nlohmann::json& j, const GanttChart& v);
void to_json(nlohmann::json& j, const ProjectMap& v);
void to_json(nlohmann::json& j, const ProcedureKindList& v);
void to_json(nlohmann::json& j, const ProcedureList& v);
void to_json(nlohmann::json& j, const ApprovalDurations& v);
void to_json(nlohmann::json& j, const ResponsibilityList& v);
void to_json(nlohmann::json& j, const ComplianceReport& v);
void to_json(nlohmann::json& j, const HandoverResult& v);  // POST /assignments/handover
void to_json(nlohmann::json& j, const AssignmentView& v);
void to_json(nlohmann::json& j, const AssignmentList& v);
void to_json(nlohmann::json& j, const HolderAssignmentList& v);  // GET /assignments
void to_json(nlohmann::json& j, const LeaderPageView& v);
void to_json(nlohmann::json& j, const AttentionList& v);
void to_json(nlohmann::json& j, const MarkedRead& v);

// Targets (时间表).
void to_json(nlohmann::json& j, const TargetView& v);
void to_json(nlohmann::json& j, const TargetDetail& d);
void to_json(nlohmann::json& j, const TargetList& l);
void to_json(nlohmann::json& j, const ArchivedTarget& a);

}  // namespace gj::service

// Organisation admin (系统管理): regions, units, people and 专班 as their GET shows them
// (api/json/org_json.cpp).
#include "service/org/org_service.h"

namespace gj::store {

void to_json(nlohmann::json& j, const OrgRegion& r);
void to_json(nlohmann::json& j, const Unit& u);
void to_json(nlohmann::json& j, const Person& p);
void to_json(nlohmann::json& j, const Team& t);

}  // namespace gj::store

namespace gj::service {

void to_json(nlohmann::json& j, const ItemList<store::Team>& l);

}  // namespace gj::service

// Project years and the roll-over (ledger_json.cpp).
namespace gj::ledger {

void to_json(nlohmann::json& j,
             const ProjectYear& y);  // project_id, year, kind, annual_plan, annual_completed, version

}  // namespace gj::ledger

namespace gj::service {

void to_json(nlohmann::json& j, const ProjectYearList& l);
void to_json(nlohmann::json& j, const PutYearResult& r);  // the year row
void to_json(nlohmann::json& j, const RolloverResult& r);

}  // namespace gj::service

// The first-run checklist (上线清单) of a region (api/json/setup_checklist_json.cpp).
#include "service/org/setup_checklist.h"

namespace gj::service {

void to_json(nlohmann::json& j, const SetupChecklist& l);

}  // namespace gj::service

// The enterprise registry (企业库, api/json/enterprises_json.cpp).
#include "service/enterprises/enterprise_service.h"

namespace gj::service {

void to_json(nlohmann::json& j, const EnterpriseView& v);
void to_json(nlohmann::json& j, const EnterpriseList& l);
void to_json(nlohmann::json& j, const EnterpriseDetail& d);
void to_json(nlohmann::json& j, const BackboneList& b);
void to_json(nlohmann::json& j, const BuilderInfo& b);

}  // namespace gj::service

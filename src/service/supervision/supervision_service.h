// Use cases of supervision (三张清单), one service per list: the problem list's closed loop
// (ProblemService), the task list (MilestoneService), preparatory procedures (ProcedureService),
// the responsibility list with onsite visits (ResponsibilityService), each user's attention list
// (AttentionService) and the settings (SupervisionSettings). Every write checks permission,
// validates, refuses a stale version (409), and writes its row and journal entry in one
// transaction; every use case takes one connection lease and passes it down.
//
// Each answers a typed result (the structs of the service headers); its JSON is written in the
// API layer (api/json/supervision_json.h).
//
// SupervisionService is the one object the API holds: it owns the services and forwards to them,
// so a route names `supervision.Act(…)` whichever service answers it.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "io/file_store.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "service/supervision/attachments.h"
#include "service/supervision/attention_service.h"
#include "service/supervision/milestone_service.h"
#include "service/supervision/problem_service.h"
#include "service/supervision/procedure_service.h"
#include "service/supervision/responsibility_service.h"
#include "service/supervision/supervision_settings.h"
#include "store/db.h"
#include "store/supervision_store.h"

namespace gj::service {

class SupervisionService {
 public:
  // files: where the bytes of uploads are kept (the attachment rows name them by key).
  SupervisionService(store::Database& db, LedgerService& ledger, io::FileStore& files)
      : db_(db),
        attachments_(files),
        settings_(db),
        problems_(db, ledger, attachments_),
        milestones_(db, ledger),
        procedures_(db, ledger, attachments_),
        responsibility_(db, ledger),
        attention_(db, ledger) {}

  SupervisionSettings& settings() { return settings_; }
  ProblemService& problems() { return problems_; }
  MilestoneService& milestones() { return milestones_; }
  ProcedureService& procedures() { return procedures_; }
  ResponsibilityService& responsibility() { return responsibility_; }
  AttentionService& attention() { return attention_; }
  // The one keeper of uploaded files (also the evidence of lead steps, service/attraction).
  Attachments& attachments() { return attachments_; }

  // ---- settings and dictionaries
  Result<SupervisionConfig> Config(const Ctx& ctx, const std::string& region = "") {
    return settings_.Config(ctx, region);
  }
  Result<SupervisionConfig> PutSettings(const Ctx& ctx, const nlohmann::json& body,
                                        const std::string& region = "") {
    return settings_.PutSettings(ctx, body, region);
  }

  // ---- problems
  Result<ProblemPage> ListProblems(const Ctx& ctx, store::ProblemFilter f, const std::string& region,
                                   const Date& as_of) {
    return problems_.ListProblems(ctx, std::move(f), region, as_of);
  }
  Result<ProblemDetail> GetProblem(const Ctx& ctx, int64_t id) { return problems_.GetProblem(ctx, id); }
  Result<ProblemDetail> RaiseProblem(const Ctx& ctx, const nlohmann::json& body) {
    return problems_.RaiseProblem(ctx, body);
  }
  Result<ProblemDetail> Act(const Ctx& ctx, int64_t id, const std::string& action,
                            const nlohmann::json& body) {
    return problems_.Act(ctx, id, action, body);
  }
  Result<store::AttachmentRow> AttachToProblem(const Ctx& ctx, int64_t id, const Upload& up) {
    return problems_.AttachToProblem(ctx, id, up);
  }
  Result<ProblemCounts> ProblemBoard(const Ctx& ctx, const std::string& region, const Date& as_of) {
    return problems_.ProblemBoard(ctx, region, as_of);
  }
  // An attachment of a problem or a procedure, when the caller may read its owner.
  Result<Download> GetAttachment(const Ctx& ctx, int64_t id);

  // ---- task list
  Result<MilestoneList> Milestones(const Ctx& ctx, int64_t project_id, std::optional<Date> finish,
                                   const Date& as_of) {
    return milestones_.Milestones(ctx, project_id, finish, as_of);
  }
  Result<MilestoneList> AddMilestone(const Ctx& ctx, int64_t project_id, const nlohmann::json& body) {
    return milestones_.AddMilestone(ctx, project_id, body);
  }
  Result<MilestoneList> UpdateMilestone(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
    return milestones_.UpdateMilestone(ctx, id, body);
  }
  Result<MilestoneList> MilestonesOf(const Ctx& ctx, int64_t milestone_id) {
    return milestones_.MilestonesOf(ctx, milestone_id);
  }
  Result<GanttChart> Gantt(const Ctx& ctx, store::ProjectFilter f, const std::string& region,
                           const Date& as_of) {
    return milestones_.Gantt(ctx, std::move(f), region, as_of);
  }
  Result<ProjectMap> Map(const Ctx& ctx, const std::string& region, const Date& as_of) {
    return milestones_.Map(ctx, region, as_of);
  }

  // ---- procedures
  Result<ProcedureKindList> ProcedureKinds(const Ctx& ctx, const std::string& region = "") {
    return procedures_.ProcedureKinds(ctx, region);
  }
  Result<ProcedureKindList> PutProcedureKind(const Ctx& ctx, const std::string& code,
                                             const nlohmann::json& body, const std::string& region = "") {
    return procedures_.PutProcedureKind(ctx, code, body, region);
  }
  Result<ProcedureList> Procedures(const Ctx& ctx, int64_t project_id, const Date& as_of) {
    return procedures_.Procedures(ctx, project_id, as_of);
  }
  Result<ProcedureList> PutProcedure(const Ctx& ctx, int64_t project_id, const std::string& kind,
                                     const nlohmann::json& body) {
    return procedures_.PutProcedure(ctx, project_id, kind, body);
  }
  Result<store::AttachmentRow> AttachToProcedure(const Ctx& ctx, int64_t id, const Upload& up) {
    return procedures_.AttachToProcedure(ctx, id, up);
  }
  Result<ApprovalDurations> ProcedureDurations(const Ctx& ctx, const std::string& region) {
    return procedures_.ProcedureDurations(ctx, region);
  }

  // ---- responsibility list
  Result<ResponsibilityList> Responsibility(const Ctx& ctx, int64_t project_id) {
    return responsibility_.Responsibility(ctx, project_id);
  }
  Result<ResponsibilityList> AddAssignment(const Ctx& ctx, int64_t project_id, const nlohmann::json& body) {
    return responsibility_.AddAssignment(ctx, project_id, body);
  }
  Result<ResponsibilityList> RemoveAssignment(const Ctx& ctx, int64_t project_id, int64_t person_id) {
    return responsibility_.RemoveAssignment(ctx, project_id, person_id);
  }
  Result<store::VisitRow> AddVisit(const Ctx& ctx, const nlohmann::json& body) {
    return responsibility_.AddVisit(ctx, body);
  }
  Result<ComplianceReport> Compliance(const Ctx& ctx, const std::string& region, const Date& from,
                                      const Date& to, const Date& as_of) {
    return responsibility_.Compliance(ctx, region, from, to, as_of);
  }
  Result<LeaderPageView> LeaderPage(const Ctx& ctx, std::optional<int64_t> person_id, const Date& as_of) {
    return responsibility_.LeaderPage(ctx, person_id, as_of);
  }

  // ---- attention list
  Result<AttentionList> Attention(const Ctx& ctx, const Date& as_of) {
    return attention_.Attention(ctx, as_of);
  }
  Result<MarkedRead> MarkRead(const Ctx& ctx, const nlohmann::json& body) {
    return attention_.MarkRead(ctx, body);
  }

 private:
  store::Database& db_;
  Attachments attachments_;
  SupervisionSettings settings_;
  ProblemService problems_;
  MilestoneService milestones_;
  ProcedureService procedures_;
  ResponsibilityService responsibility_;
  AttentionService attention_;
};

}  // namespace gj::service

// Use cases of supervision (三张清单): the problem list's closed loop, the task list (milestones,
// backward schedule, Gantt), preparatory procedures, the responsibility list (assignments, onsite
// visits, compliance) and each user's attention list. Every write checks permission, validates,
// refuses a stale version (409), and writes its row and journal entry in one transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/supervision/problem.h"
#include "domain/supervision/visit.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "store/db.h"
#include "store/supervision_store.h"

namespace gj::service {

// Uploaded evidence and approvals: size limit and accepted types (checked on the bytes, not on the
// client's name or header).
constexpr size_t kMaxAttachmentBytes = 10u << 20;

struct Upload {
  std::string bytes;
  std::string file_name;  // as the client sent it: only shown, never used as a path
};

struct Download {
  std::string bytes;
  std::string content_type;
  std::string file_name;
};

class SupervisionService {
 public:
  // files_dir: where uploads are kept (created on first upload).
  SupervisionService(store::Database& db, LedgerService& ledger, std::string files_dir)
      : db_(db), ledger_(ledger), files_dir_(std::move(files_dir)) {}
  // The default directory for uploads: beside a SQLite file ("<db>.files"), else ./gongjian-files.
  static std::string DefaultFilesDir(const std::string& db_url);

  // Settings and dictionaries: categories, statuses, the workflow table, escalation, visit rule.
  Result<nlohmann::json> Config(const Ctx& ctx);
  Result<nlohmann::json> PutSettings(const Ctx& ctx, const nlohmann::json& body);
  static supervision::EscalationPolicy Escalation(store::Connection& c);
  static supervision::VisitRule VisitRule(store::Connection& c);

  // ---- problems
  Result<nlohmann::json> ListProblems(const Ctx& ctx, store::ProblemFilter f, const std::string& region, const Date& as_of);
  Result<nlohmann::json> GetProblem(const Ctx& ctx, int64_t id);
  Result<nlohmann::json> RaiseProblem(const Ctx& ctx, const nlohmann::json& body);
  // One step of the workflow (assign, sign, handle, request_close, close_out, return, defer, resume).
  Result<nlohmann::json> Act(const Ctx& ctx, int64_t id, const std::string& action, const nlohmann::json& body);
  Result<nlohmann::json> AttachToProblem(const Ctx& ctx, int64_t id, const Upload& up);
  Result<Download> GetAttachment(const Ctx& ctx, int64_t id);
  Result<nlohmann::json> ProblemBoard(const Ctx& ctx, const std::string& region, const Date& as_of);

  // ---- task list
  Result<nlohmann::json> Milestones(const Ctx& ctx, int64_t project_id, std::optional<Date> finish, const Date& as_of);
  Result<nlohmann::json> AddMilestone(const Ctx& ctx, int64_t project_id, const nlohmann::json& body);
  Result<nlohmann::json> UpdateMilestone(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<nlohmann::json> Gantt(const Ctx& ctx, store::ProjectFilter f, const std::string& region, const Date& as_of);
  Result<nlohmann::json> Map(const Ctx& ctx, const std::string& region, const Date& as_of);

  // ---- procedures
  Result<nlohmann::json> ProcedureKinds(const Ctx& ctx);
  Result<nlohmann::json> PutProcedureKind(const Ctx& ctx, const std::string& code, const nlohmann::json& body);
  Result<nlohmann::json> Procedures(const Ctx& ctx, int64_t project_id, const Date& as_of);
  Result<nlohmann::json> PutProcedure(const Ctx& ctx, int64_t project_id, const std::string& kind, const nlohmann::json& body);
  Result<nlohmann::json> AttachToProcedure(const Ctx& ctx, int64_t id, const Upload& up);
  Result<nlohmann::json> ProcedureDurations(const Ctx& ctx, const std::string& region);

  // ---- responsibility list
  Result<nlohmann::json> Responsibility(const Ctx& ctx, int64_t project_id);
  Result<nlohmann::json> AddAssignment(const Ctx& ctx, int64_t project_id, const nlohmann::json& body);
  Result<nlohmann::json> RemoveAssignment(const Ctx& ctx, int64_t project_id, int64_t person_id);
  Result<nlohmann::json> AddVisit(const Ctx& ctx, const nlohmann::json& body);
  Result<nlohmann::json> Compliance(const Ctx& ctx, const std::string& region, const Date& from, const Date& to, const Date& as_of);
  Result<nlohmann::json> LeaderPage(const Ctx& ctx, std::optional<int64_t> person_id, const Date& as_of);

  // ---- attention list
  Result<nlohmann::json> Attention(const Ctx& ctx, const Date& as_of);
  Result<nlohmann::json> MarkRead(const Ctx& ctx, const nlohmann::json& body);

 private:
  // Connections: a method holds at most one at a time and releases it before calling another
  // method that takes its own (a thread waiting for a second connection while holding one can
  // starve the pool). Writes therefore store on one lease and answer on the next.
  struct Actors;
  Actors ActorsFor(store::Connection& c, const Ctx& ctx, const store::ProblemRow& p, const access::RegionTree& tree);
  nlohmann::json ProblemJson(const store::ProblemRow& p, const Date& as_of, const Actors* actors,
                             const supervision::EscalationPolicy& escalation);
  Result<nlohmann::json> ProblemOn(store::Connection& c, const Ctx& ctx, int64_t id, const access::RegionTree& tree);
  static nlohmann::json KindsJson(store::Connection& c);
  Status StoreSettings(const Ctx& ctx, const nlohmann::json& body);
  Status StoreMilestone(const Ctx& ctx, int64_t id, int64_t project_id, int64_t version, const nlohmann::json& body);
  Status StoreProcedure(const Ctx& ctx, int64_t project_id, const std::string& kind, int64_t version, const nlohmann::json& body);
  Result<store::ProjectRow> ReadableProject(const Ctx& ctx, int64_t project_id);
  Result<store::ProjectRow> WritableSchedule(const Ctx& ctx, int64_t project_id);
  Result<store::AttachmentRow> SaveUpload(const Upload& up);
  std::vector<std::string> Scope(const Ctx& ctx, const std::string& region);

  store::Database& db_;
  LedgerService& ledger_;
  std::string files_dir_;
};

}  // namespace gj::service

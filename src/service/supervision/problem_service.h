// The problem list's closed loop (问题清单): raise → assign → sign → handle → request close-out →
// verify → close out, with returns, deferral and evidence. Which role may take which step in which
// status is the workflow table of domain/supervision/problem.h; this service works out the caller's
// roles, parses the body, checks that unit and leader exist, and stores the row, the step record
// and the journal entry in one transaction on one connection.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/supervision/problem.h"
#include "service/context.h"
#include "service/supervision/attachments.h"
#include "service/supervision/supervision_support.h"
#include "store/db.h"
#include "store/supervision_store.h"

namespace gj::service {

// A problem as of a date: its row, whether it is overdue and by how many days, the escalation step
// it has reached; on a single problem, the actions open to the caller.
struct ProblemView {
  store::ProblemRow row;
  bool overdue = false;
  int64_t days_overdue = 0;
  std::optional<supervision::EscalationStep> escalation;
  std::optional<std::vector<std::string>> actions;
};

// The problems a list selects (total_count = items.size()).
struct ProblemPage {
  std::vector<ProblemView> items;
  Date as_of;
};

// A problem with its steps and attachments, as the caller sees it (with its actions).
struct ProblemDetail {
  ProblemView problem;
  std::vector<store::ProblemStep> steps;
  std::vector<store::AttachmentRow> attachments;
};

// Open and overdue problems of one unit; no unit_id for the problems not assigned yet.
struct UnitProblemCounts {
  std::optional<int64_t> unit_id;
  std::string unit_name;
  int open = 0;
  int overdue = 0;
  int64_t max_days_overdue = 0;
};

// The problem board: counts by status (every status, 0 included), overdue by unit.
struct ProblemCounts {
  Date as_of;
  size_t total = 0;
  int overdue = 0;
  std::map<std::string, int> by_status;
  std::vector<UnitProblemCounts> by_unit;
};

class ProblemService {
 public:
  ProblemService(store::Database& db, LedgerService& ledger, Attachments& attachments)
      : db_(db), projects_(ledger), attachments_(attachments) {}

  Result<ProblemPage> ListProblems(const Ctx& ctx, store::ProblemFilter f, const std::string& region,
                                   const Date& as_of);
  Result<ProblemDetail> GetProblem(const Ctx& ctx, int64_t id);
  Result<ProblemDetail> RaiseProblem(const Ctx& ctx, const nlohmann::json& body);
  // One step of the workflow (assign, sign, handle, request_close, close_out, return, defer, resume).
  // A stale version: StaleVersion("problem", the stored version).
  Result<ProblemDetail> Act(const Ctx& ctx, int64_t id, const std::string& action,
                            const nlohmann::json& body);
  Result<store::AttachmentRow> AttachToProblem(const Ctx& ctx, int64_t id, const Upload& up);
  Result<ProblemCounts> ProblemBoard(const Ctx& ctx, const std::string& region, const Date& as_of);

  // The caller may read problem `id` (its attachments are readable when it is).
  bool Readable(store::Connection& c, const Ctx& ctx, int64_t id);

 private:
  supervision::ProblemActors ActorsFor(store::Connection& c, const Ctx& ctx, const store::ProblemRow& p);
  // The problem with the caller's actors; NotFound when it is missing or unreadable.
  Result<std::pair<store::ProblemRow, supervision::ProblemActors>> Load(store::Connection& c, const Ctx& ctx,
                                                                        int64_t id);
  // The problem with its steps and attachments, as the caller sees it.
  Result<ProblemDetail> ProblemOn(store::Connection& c, const Ctx& ctx, int64_t id);
  // The body's fields the step reads (wrong types reported to `pr`).
  supervision::ProblemStepInput StepInput(store::Connection& c, const supervision::ProblemTransition& t,
                                          int64_t id, const nlohmann::json& body, Problems& pr);
  Status StoreStep(store::Connection& c, const Ctx& ctx, const supervision::ProblemTransition& t,
                   const store::ProblemRow& current, const nlohmann::json& body);

  store::Database& db_;
  supervision_support::ProjectAccess projects_;
  Attachments& attachments_;
};

// A problem as of a date; with `actors`, the actions they may take on it.
ProblemView ViewOf(const store::ProblemRow& p, const Date& as_of, const supervision::ProblemActors* actors,
                   const supervision::EscalationPolicy& escalation);

}  // namespace gj::service

// The problem list (问题清单): blockers raised on a project, chased in a closed loop until they are
// verified and struck off (销号). The workflow is a data table (kProblemWorkflow): each row says which
// action moves a problem from which statuses to which status, and who may take it. Services look
// a transition up instead of branching, so an illegal step is refused by naming the rule it breaks.
// Other capabilities (warning lights, bulletin) read ProblemFact and the overdue rules only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"

namespace gj::supervision {

// Statuses: raised → assigned → signed → verifying → closed; verifying → returned → verifying …;
// deferred (暂缓) from any open status, resumed to assigned.
extern const std::vector<std::string> kProblemStatuses;
// 土地/资金/手续/能耗指标/环境容量/电力/供水/拆迁/其他
extern const std::vector<std::string> kProblemCategories;
// The Chinese of a problem category or status as the web app shows it (exports, the lights'
// reasons); the code itself when unknown.
std::string ProblemCategoryLabel(const std::string& code);
std::string ProblemStatusLabel(const std::string& code);

// Who is acting, relative to one problem (the service works these out from the caller).
enum class ProblemActor {
  kOffice,    // the project office (coordinator/admin) of the problem's region
  kUnit,      // a user of the unit the problem is assigned to
  kVerifier,  // the coordinating leader (the person the problem was assigned for verification)
  kAnyone,    // anyone who may read the project (raise, comment)
};

// The roles one caller holds on one problem.
struct ProblemActors {
  bool office = false, unit = false, verifier = false, reader = false;
  bool Has(ProblemActor a) const;
};

// What a step must carry besides the version.
enum class ProblemNeed {
  kNothing,
  kAssignment,      // a responsible unit, a coordinating leader and a deadline not in the past
  kNote,            // a note (what was done, why it is returned)
  kHandlingRecord,  // a handling record added earlier
  kReason,          // a reason (the body's "reason", else its note)
};

// What a step records beyond the new status.
enum class ProblemEffect {
  kNothing,
  kAssign,  // the unit, leader and deadline given
  kSign,    // signed_on = the day of the step
  kClose,   // closed_on = the day of the step
  kReturn,  // one more return
  kDefer,   // the reason is kept as defer_reason
};

struct ProblemTransition {
  const char* action;             // assign, sign, handle, request_close, close_out, return, defer, resume
  std::vector<std::string> from;  // statuses the action is allowed in
  const char* to;                 // "" = status unchanged (a handling record)
  ProblemActor actor;
  ProblemNeed needs;
  ProblemEffect effect;
  const char* rule;        // the rule's name, quoted in refusals
  const char* rule_text;   // what the rule says, for people
  const char* needs_text;  // the refusal when a kNote/kReason/kHandlingRecord is missing
};

const std::vector<ProblemTransition>& ProblemWorkflow();
const ProblemTransition* FindProblemTransition(const std::string& action);

// Why a step is refused before its fields are read: the problem's status does not allow it
// (a conflict), or the caller is not the actor the rule names (forbidden).
enum class StepRefusal { kNone, kWrongStatus, kWrongActor };
StepRefusal CheckProblemStep(const ProblemTransition& t, const std::string& status, const ProblemActors& who);
// The actions `who` may take on a problem in `status`, in workflow order.
std::vector<std::string> ProblemActionsFor(const std::string& status, const ProblemActors& who);

// The facts other capabilities read (lights, bulletin, attention list).
struct ProblemFact {
  int64_t id = 0;
  int64_t project_id = 0;
  std::optional<int64_t> unit_id;         // responsible unit (after assignment)
  std::optional<int64_t> coordinator_id;  // coordinating leader = verifier (people.id)
  std::string category;
  std::string status;
  std::optional<Date> deadline;
  std::optional<Date> closed_on;
  Date raised_on;
};

// The part of a problem a workflow step reads and writes.
struct ProblemState {
  ProblemFact fact;
  std::optional<Date> signed_on;
  std::string defer_reason;
  int returns = 0;
};

// What the caller sent with a step (the service parses it; absent fields stay empty).
struct ProblemStepInput {
  std::optional<int64_t> unit_id;
  std::optional<int64_t> coordinator_id;
  std::optional<std::optional<Date>> deadline;  // absent / cleared / a date
  std::string note;
  std::string reason;
  bool handled = false;  // the problem has a handling record (kHandlingRecord)
};

// Applies step `t` to `s` on `today` after CheckProblemStep allowed it: the table's needs (each
// missing one named by its rule), its effect and the new status. `s` is changed even when problems
// are reported (the caller then stores nothing). Whether the unit and the leader exist is the
// caller's to check. The note for the step's record is returned in `note`.
Problems ApplyProblemStep(const ProblemTransition& t, const ProblemStepInput& in, const Date& today,
                          ProblemState& s, std::string& note);

bool IsOpen(const std::string& status);  // not closed and not deferred
// Overdue as of `as_of`: open, has a deadline, and the deadline has passed (the deadline day itself
// is still in time). A problem closed after its deadline is not overdue any more.
bool IsOverdue(const ProblemFact& p, const Date& as_of);
// Days past the deadline (0 when not overdue).
int64_t DaysOverdue(const ProblemFact& p, const Date& as_of);

// Escalation ladder (督办升级): after `after_days` overdue the problem is reported to `level`.
struct EscalationStep {
  int after_days = 0;
  std::string level;     // branch_leader, unit_head, contact_leader, county_head
  std::string label_zh;  // 分管领导 …
};
struct EscalationPolicy {
  std::vector<EscalationStep> steps;  // ascending after_days
};
// Default: overdue at all → 分管领导; 7 days → 责任单位主要领导; 15 → 联系县领导; 30 → 县主要领导.
EscalationPolicy DefaultEscalation();
// The highest step reached, or nullopt when not overdue / below the first step.
std::optional<EscalationStep> EscalationAt(const ProblemFact& p, const Date& as_of,
                                           const EscalationPolicy& policy);
Problems ValidateEscalation(const EscalationPolicy& policy);

// Overdue problems per unit (bulletin: 逾期问题按单位); unassigned problems count under unit 0.
struct UnitOverdue {
  int64_t unit_id = 0;
  int open = 0;
  int overdue = 0;
  int64_t max_days_overdue = 0;
};
std::vector<UnitOverdue> OverdueByUnit(const std::vector<ProblemFact>& problems, const Date& as_of);

}  // namespace gj::supervision

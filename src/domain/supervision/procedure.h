// Preparatory procedures (前期手续): per project a checklist of approvals (立项/备案, 用地预审与选址, …),
// each with a responsible unit, applied/approved dates, 容缺受理 (accepted while a document is still
// pending), approval number and uploaded approval. Lights and the bulletin read BlocksStart.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"

namespace gj::supervision {

// not_started → applied → (accepted_pending) → approved; not_required when waived for the project.
extern const std::vector<std::string> kProcedureStatuses;

struct ProcedureKind {
  std::string code;
  std::string label_zh;
  std::string label_en;
  bool required_for_start = true;  // must be approved (or accepted with gaps) before construction
};
// The default checklist; counties add kinds in the procedure_kinds table.
const std::vector<ProcedureKind>& DefaultProcedureKinds();

struct ProcedureFact {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string kind;
  std::string status;
  std::optional<int64_t> unit_id;
  std::optional<Date> applied_on;
  std::optional<Date> approved_on;
  bool accepted_pending = false;  // 容缺受理: construction may proceed while a minor document follows
  bool required_for_start = true;
};

// A procedure blocks a project's planned start when the project has not started, its planned start
// falls within `horizon_days` after `as_of` (or has passed), the procedure is required for a start,
// and it is neither approved, accepted with gaps, nor waived.
constexpr int kStartHorizonDays = 30;
bool BlocksStart(const ProcedureFact& p, const std::optional<Date>& planned_start,
                 const std::optional<Date>& actual_start, const Date& as_of,
                 int horizon_days = kStartHorizonDays);
// The kinds (codes, in checklist order) blocking a project's planned start as of a date: each
// kind of the checklist by its recorded procedure, or — never recorded — as not started.
// `recorded`: the project's own procedures.
std::vector<std::string> BlockingKinds(const std::vector<const ProcedureFact*>& recorded,
                                       const std::vector<ProcedureKind>& kinds,
                                       const std::optional<Date>& planned_start,
                                       const std::optional<Date>& actual_start, const Date& as_of);
// Days from application to approval (nullopt unless both dates are known).
std::optional<int64_t> DurationDays(const ProcedureFact& p);

struct UnitDuration {
  int64_t unit_id = 0;
  int approved = 0;
  double average_days = 0;
  int64_t min_days = 0;
  int64_t max_days = 0;
};
// How long approvals took, per handling unit (fastest average first).
std::vector<UnitDuration> DurationsByUnit(const std::vector<ProcedureFact>& ps);

Problems ValidateProcedure(const ProcedureFact& p, const std::optional<std::string>& approval_no);

}  // namespace gj::supervision

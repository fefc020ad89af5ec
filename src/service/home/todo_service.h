// The caller's to-dos (我的待办): what waits for them across the capabilities, counted and with a
// short list of each kind, for the home page and the header's badge. Composed from the use cases
// that already decide each kind (their read scope and the policy table), never re-deciding access:
//   - report_fill:   this period's reports still to file (pending, draft, returned) on the caller's
//                    own projects (access::Mine) where they may file (report.write);
//   - report_review: this period's submitted reports the caller may review (report.review) — the
//                    project office all of its region's, a leader those of the projects they lead;
//   - problem:       the attention list (problems to assign, sign, handle, verify, chase);
//   - visit:         the 包保 visits the caller owes in the current window (a leader's page);
//   - observation:   open observation events naming the caller as a judge.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"
#include "service/assessment/observation_service.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "service/supervision/progress_service.h"
#include "service/supervision/supervision_service.h"

namespace gj::service {

// One to-do: the object it is about (a report, problem, project or event) and a line to show.
struct TodoItem {
  int64_t id = 0;           // the report, problem, project (visit) or event
  int64_t project_id = 0;   // 0 for an observation event
  std::string title;        // the project's (or event's) name
  std::string detail;       // a problem's description; empty for the other kinds
  std::string state;        // a code the web app names: report status, attention kind, event state
  std::optional<Date> due;  // a report's due date, a problem's deadline, a visit window's end
};

// A kind of to-do: how many, and the first few (kMaxItems) in the use case's order.
struct TodoGroup {
  std::string kind;  // report_fill, report_review, problem, visit, observation
  int count = 0;
  std::vector<TodoItem> items;
};

struct MyTodos {
  Date as_of;
  std::string period;             // the report period the report kinds count
  int total = 0;                  // the sum of the groups' counts (the badge)
  std::vector<TodoGroup> groups;  // only the kinds with a count, in the order above
};

class TodoService {
 public:
  static constexpr size_t kMaxItems = 5;

  TodoService(LedgerService& ledger, ProgressService& progress, SupervisionService& supervision,
              ObservationService& observations)
      : ledger_(ledger), progress_(progress), supervision_(supervision), observations_(observations) {}

  Result<MyTodos> Todos(const Ctx& ctx);

 private:
  LedgerService& ledger_;
  ProgressService& progress_;
  SupervisionService& supervision_;
  ObservationService& observations_;
};

}  // namespace gj::service

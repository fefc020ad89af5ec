// The attention list (待办): what needs a user now, computed from the data (never stored), so it is
// always current; only "read" marks are stored, keyed by the item's key, which includes the
// problem's version so that a new step makes the item unread again.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/date.h"
#include "domain/supervision/problem.h"

namespace gj::supervision {

struct AttentionProblem {
  ProblemFact fact;
  int64_t version = 1;
  std::string project_name;
  std::string description;
};

// Who the user is, as far as problems go.
struct AttentionSubject {
  std::set<int64_t> unit_ids;        // units the user works for (role unit)
  std::optional<int64_t> person_id;  // the user's person (a coordinating leader)
  bool office = false;               // project office of the problems' region
  std::set<int64_t> led_projects;  // projects the user's person answers for as 包保 leader (联系县领导)
  int due_soon_days = 3;
};

struct AttentionItem {
  std::string key;   // stable id for read marks: "problem:12:v4:overdue"
  std::string kind;  // overdue, escalated, verify, returned, assigned, due, unassigned
  int64_t problem_id = 0;
  int64_t project_id = 0;
  std::string title;  // the problem's description
  std::string project_name;
  std::optional<Date> deadline;
  int64_t days_overdue = 0;
  std::optional<EscalationStep> escalation;  // the ladder step an overdue problem has reached
  bool read = false;
};

// How urgent a kind is (0 = most): overdue, escalated, verify, returned, assigned, due, unassigned.
int AttentionOrder(const std::string& kind);

// Most urgent first: overdue (most days first), escalated, verify, returned, assigned, due, unassigned.
// An overdue problem climbs the escalation ladder; from its contact_leader step (联系县领导) on, it
// reaches the project's 包保 leaders as "escalated". The ladder step is part of an overdue or
// escalated item's key, so reaching a new step makes it unread again.
std::vector<AttentionItem> AttentionFor(const AttentionSubject& who,
                                        const std::vector<AttentionProblem>& problems, const Date& as_of,
                                        const std::set<std::string>& read_keys,
                                        const EscalationPolicy& escalation = DefaultEscalation());

}  // namespace gj::supervision

// The responsibility list (责任清单) and onsite visits (现场办公). The seeds' rule — every assigned
// (包保) leader visits each assigned project on site at least once a week — is a VisitRule, so a
// county can set another window or count. Compliance is computed per leader over a period cut into
// consecutive windows starting on the period's first day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"

namespace gj::supervision {

struct VisitRule {
  int window_days = 7;  // one window per week by default
  int min_visits = 1;   // visits each leader owes each assigned project per window
};

struct Assignment {  // a leader answering for a project (包保)
  int64_t project_id = 0;
  int64_t leader_id = 0;  // people.id
};

struct VisitFact {
  int64_t project_id = 0;
  int64_t leader_id = 0;
  Date visit_date;
};

struct MissedVisit {
  int64_t project_id = 0;
  Date window_start;
  Date window_end;
  int visits = 0;
};

struct LeaderCompliance {
  int64_t leader_id = 0;
  int projects = 0;
  int required = 0;   // (project, window) pairs owed
  int met = 0;        // pairs with enough visits
  int visits = 0;     // visits to assigned projects in the period
  double rate = 1.0;  // met / required (1 when nothing was owed)
  std::vector<MissedVisit> missed;
};

// Windows of the period [from, to]; the last window may be shorter and is only owed once it ends
// on or before `as_of` (a week still running is not yet missed).
std::vector<LeaderCompliance> VisitCompliance(const std::vector<Assignment>& assignments,
                                              const std::vector<VisitFact>& visits, const Date& from,
                                              const Date& to, const Date& as_of, const VisitRule& rule);
// Projects of one leader whose current window (the one containing as_of, windows counted from
// `from`) still lacks visits: what the leader page shows as "visits due".
std::vector<MissedVisit> VisitsDue(int64_t leader_id, const std::vector<Assignment>& assignments,
                                   const std::vector<VisitFact>& visits, const Date& from, const Date& as_of,
                                   const VisitRule& rule);
Problems ValidateVisitRule(const VisitRule& rule);

}  // namespace gj::supervision

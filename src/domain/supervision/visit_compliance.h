// Dated responsibility (包保 with from/to dates) and the weekly visit rule over it. An assignment is
// held by a person (包保领导) or a unit (帮包部门) from one day to another, both included; a handover
// ends one holder's assignments the day before the new holder's start. Compliance is computed per
// holder over a period:
//  - the ISO weeks (Monday–Sunday) of the period in which the holder was assigned a project on at
//    least one day of the week (within the period), counted once the week has ended by as_of;
//  - of those, the weeks with at least one visit by the holder (a unit's visit counts for the unit;
//    a person's for the person) to a project assigned to them on some day of that week;
//  - the VisitRule's (project, window) pairs as before (windows counted from the period's first
//    day), owed only for windows in which the holder had the project on at least one day.
// Undated facts reproduce the old rule: an assignment open over the whole period owes every window.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"
#include "domain/supervision/visit.h"

namespace gj::supervision {

enum class HolderKind { kPerson, kUnit };
const char* HolderKindName(HolderKind k);  // "person", "unit"

struct Holder {
  HolderKind kind = HolderKind::kPerson;
  int64_t id = 0;
  auto operator<=>(const Holder&) const = default;
};

struct DatedAssignment {
  int64_t project_id = 0;
  Holder holder;
  Date from;
  std::optional<Date> to;  // the last day, included; nullopt: open
  // Whether the assignment is in effect on at least one day of [a, b].
  bool Covers(const Date& a, const Date& b) const { return from <= b && (!to || *to >= a); }
};

struct HolderVisit {
  int64_t project_id = 0;
  std::optional<int64_t> person_id;  // who went
  std::optional<int64_t> unit_id;    // the unit they went for
  Date visit_date;
  bool By(const Holder& h) const {
    return h.kind == HolderKind::kPerson ? person_id == h.id : unit_id == h.id;
  }
};

struct WeekRef {
  int year = 0;  // ISO year and week
  int week = 0;
  Date monday;
};

struct HolderCompliance {
  Holder holder;
  int projects = 0;  // projects held on some day of [from, min(to, as_of)]
  int visits = 0;    // the holder's visits in that range to projects held in the visit's week
  // The VisitRule's (project, window) pairs, as LeaderCompliance counts them.
  int required = 0, met = 0;
  double rate = 1.0;
  std::vector<MissedVisit> missed;
  // ISO weeks: assigned (owed), visited (kept), and the missed ones in order.
  int weeks_assigned = 0, weeks_visited = 0;
  double week_rate = 1.0;  // weeks_visited / weeks_assigned (1 when nothing was owed)
  std::vector<WeekRef> missed_weeks;
};

// One entry per holder with an assignment in effect on some day of [from, min(to, as_of)],
// people first, each in id order.
std::vector<HolderCompliance> HolderVisitCompliance(const std::vector<DatedAssignment>& assignments,
                                                    const std::vector<HolderVisit>& visits, const Date& from,
                                                    const Date& to, const Date& as_of, const VisitRule& rule);

// The assignments in effect on `day`.
std::vector<DatedAssignment> InEffect(const std::vector<DatedAssignment>& assignments, const Date& day);

// A handover of one holder's open assignments to another on `date`: the old ones end the day
// before, the new ones start on `date`. Problems (field "date") for each assignment that starts on
// or after `date` (it would end before it began).
Problems ValidateHandover(const std::vector<DatedAssignment>& moving, const Date& date);

}  // namespace gj::supervision

// Promotion events (招商活动, issue 15 item 3) and the monthly rule over them. A county leader
// leads a 专班 on a trip (产业专题, 小团组, 展会, 以商招商) to a destination city, meets companies
// and may create leads; the county documents' rule "each county leader at least one event a
// month" is an EventRule a region sets (its own, else its parent's, else the default below).
//
// Compliance, as of a date, over the calendar months that meet [from, to]: a leader's events of a
// month are those held in that calendar month on or before as_of (an event dated after as_of has
// not happened yet). A month is
//  - "met" when the leader held at least min_events in it (a month still running counts too);
//  - "missed" when it ended on or before as_of without enough events;
//  - "in_progress" when it contains as_of and is not yet met (not missed: it is not over);
//  - "upcoming" when it begins after as_of.
// Owed months are those that ended by as_of; the rate is met owed months / owed months (1 when
// none is owed). Pure: no I/O, the date comes as an argument.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"

namespace gj::promotion {

// The kinds of an event, as stored: 产业专题, 小团组, 展会, 以商招商.
const std::vector<std::string>& EventKinds();

struct EventRule {
  int min_events = 1;  // events each leader owes each month
  // The period is the calendar month: the only one the county documents name.
};
inline constexpr int kMaxMinEvents = 31;
// Problems (field "min_events") for a count outside 1 … kMaxMinEvents.
Problems ValidateEventRule(const EventRule& rule);

// A company met on an event: its name, and its 统一社会信用代码 when known.
struct CompanyMet {
  std::string name;
  std::string credit_code;
  bool operator==(const CompanyMet&) const = default;
};

// An event's own fields as a writer sends them, checked before storing.
struct EventDraft {
  Date held_on;
  int64_t leader_id = 0;
  std::optional<int64_t> team_id;
  std::string destination_city;
  std::string kind;
  std::vector<CompanyMet> companies_met;
  std::string note;
};
inline constexpr size_t kMaxCompanies = 200;
inline constexpr size_t kMaxTextLength = 2000;
// Problems of a draft (kind known, destination given, company names given and not too many).
Problems ValidateEvent(const EventDraft& e);

// A calendar month.
struct Month {
  int year = 0;
  int month = 0;
  Date first() const { return {year, month, 1}; }
  Date last() const;
  std::string ToString() const;  // "2026-03"
  Month Next() const;
  auto operator<=>(const Month&) const = default;
};
Month MonthOf(const Date& d);
// The months that meet [from, to], in order (none when to < from).
std::vector<Month> MonthsOf(const Date& from, const Date& to);

struct EventFact {
  int64_t leader_id = 0;
  Date held_on;
};

enum class MonthStatus { kMet, kMissed, kInProgress, kUpcoming };
const char* MonthStatusName(MonthStatus s);  // met, missed, in_progress, upcoming

struct LeaderMonth {
  Month month;
  int events = 0;  // held in the month on or before as_of
  MonthStatus status = MonthStatus::kUpcoming;
};

struct LeaderEventCompliance {
  int64_t leader_id = 0;
  int events = 0;       // over the months, held on or before as_of
  int months_owed = 0;  // months ended by as_of
  int months_met = 0;   // of those, the met ones
  double rate = 1.0;    // months_met / months_owed (1 when nothing is owed)
  std::vector<LeaderMonth> months;
  std::vector<Month> missed;
};

// One entry per leader of `leaders`, in that order (a leader without events owes every month
// that ended); events of others are ignored.
std::vector<LeaderEventCompliance> EventCompliance(const std::vector<int64_t>& leaders,
                                                   const std::vector<EventFact>& events, const Date& from,
                                                   const Date& to, const Date& as_of, const EventRule& rule);

}  // namespace gj::promotion

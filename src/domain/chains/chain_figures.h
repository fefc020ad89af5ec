// 链长制: a chain's figures as of a date, from dated facts. Pure: the facts and the dates are
// arguments. Weekly chain reports (周报, filed by the 班长) are due like the projects' weekly
// progress reports (supervision::ReportPolicy: the week's report is due on a weekday of the
// following week, moved off rest days), so one county calendar governs both.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/date.h"
#include "domain/ledger/project.h"
#include "domain/supervision/problem.h"
#include "domain/supervision/report.h"
#include "domain/targets/start_rate.h"

namespace gj::chains {

// The links of a chain's map (图谱) and the groups of its people (专班, 保障组).
extern const std::vector<std::string> kStages;  // upstream, midstream, downstream
extern const std::vector<std::string> kGroups;  // task_force (专班), support (保障组)

// One weekly report as filed: its ISO week ("2026-W23") and the China calendar day it was filed.
struct ReportFiling {
  std::string week;
  Date filed_on;
};

// One week of the punctuality record. status: on_time (filed by its due date), late (filed after
// it, by as_of), missing (not filed by as_of, due date before as_of), pending (not filed, due date
// on or after as_of: it can still be filed in time).
struct WeekStatus {
  std::string week;
  Date start, end, due;
  std::string status;
  std::optional<Date> filed_on;
};

struct Punctuality {
  int due = 0;  // weeks counted: on_time + late + missing
  int on_time = 0, late = 0, missing = 0, pending = 0;
  std::optional<double> rate;     // on_time / due; empty when nothing was due
  std::vector<WeekStatus> weeks;  // oldest first
};

// The weeks from the one holding `from` to the one holding `as_of` (ISO weeks, so the last days of
// a year may be week 53 or week 1 of the next year). A filing dated after `as_of` does not count:
// as of that day the week was not filed.
Punctuality ReportPunctuality(const std::vector<ReportFiling>& filings, const Date& from, const Date& as_of,
                              const supervision::ReportPolicy& policy);

struct ChainFacts {
  std::vector<ledger::Project> projects;           // the chain's projects on the annual list of as_of's year
  std::vector<supervision::ProblemFact> problems;  // problems of those projects
  std::vector<ReportFiling> reports;
  std::vector<Date> visits;  // the days of its 巡链诊链 visits
  // 签约 leads of the chain: those whose 签约 step is dated by as_of, and their expected investment.
  std::optional<int64_t> leads_signed, leads_signed_amount;
};

struct ChainFigures {
  Date from, as_of;
  int64_t projects = 0;
  int64_t total_investment = 0;  // yuan
  targets::Ratio start_rate;     // the targets' rule (StartRate)
  int64_t problems_open = 0;     // raised by as_of, not closed by then, not deferred
  int64_t problems_overdue = 0;  // of those, past their deadline on as_of
  Punctuality reports;
  int64_t visits = 0;  // visits dated within [from, as_of]
  // Leads whose 签约 is dated by as_of, and their expected investment (yuan).
  std::optional<int64_t> leads_signed, leads_signed_amount;
};

ChainFigures Figures(const ChainFacts& facts, const Date& from, const Date& as_of,
                     const supervision::ReportPolicy& policy);

// Open on `as_of` by the dated facts: raised by then, not closed by then (a problem closed later
// was open), and not deferred (暂缓 is an approved exception, the status it holds now).
bool OpenOn(const supervision::ProblemFact& p, const Date& as_of);
// Open on `as_of` and its deadline before it (the deadline day itself is still in time).
bool OverdueOn(const supervision::ProblemFact& p, const Date& as_of);

// 要素需求 (factor needs) of a chain: the problems of its projects whose category is a production
// factor the county allocates (land, funds, energy quota, environment capacity, power, water), as
// opposed to procedures, demolition or other blockers. The set is a table, not a condition.
const std::set<std::string>& FactorCategories();
bool IsFactorNeed(const std::string& problem_category);

}  // namespace gj::chains

// A project's year (项目年度): its place on one year's annual list, with what belongs to the year —
// kind (新开工 new / 续建 continuing) and the annual figures. And the rules of years: which year a
// screen shows by default, and which projects carry over to next year's list. Pure: no I/O, no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/result.h"
#include "domain/ledger/project.h"

namespace gj::ledger {

struct ProjectYear {
  int64_t project_id = 0;
  int year = 0;
  std::string kind;                                      // dictionary "kind": new | continuing
  std::optional<int64_t> annual_plan, annual_completed;  // yuan
  int64_t version = 1;
  std::string created_at, updated_at;
};

constexpr int kFirstListYear = 2000, kLastListYear = 2100;

// The current list year at `as_of`: the latest year ≤ as_of's year that has a list (a year in
// `years_with_list`), so in January before the new list exists screens still show last year's;
// as_of's year when no list is that old.
int CurrentListYear(const std::vector<int>& years_with_list, const Date& as_of);

// The year a single project is shown in: its latest year ≤ `list_year`, else its latest year;
// 0 when it is on no list.
int ProjectDisplayYear(const std::vector<int>& project_years, int list_year);

// The date a year's figures are counted at when asked at `as_of`: as_of, or 31 Dec of `year` when
// as_of is later (a past year's figures are its final ones). Before 1 Jan of `year` nothing of the
// year is filed yet: the year rows' figures stand.
Date FiguresDate(int year, const Date& as_of);
// 年度完成投资 at a date, the one rule of the lights, targets and the overview's 同比: the highest
// year-to-date figure filed (submitted or approved) in a progress report of the year by then —
// `filed`, as store::LoadReportFacts reads it —, else the year row's annual_completed (0 if none).
int64_t AnnualCompletedAt(const Project& p, std::optional<int64_t> filed);
// The same calendar day one year earlier (29 February: the 28th): the date of 同比.
Date SameDayYearEarlier(const Date& d);

// Every problem of a year row at once: year within 2000..2100, kind from the dictionary,
// non-negative amounts.
Problems ValidateProjectYear(const ProjectYear& y, const Dictionaries& dicts);

// The journal form of a year write: [{"field","year","old","new"}, …] over kind, annual_plan and
// annual_completed (`before` null: a new year row, every field with old = null).
nlohmann::json YearChanges(const ProjectYear* before, const ProjectYear& after);

// Roll-over (年度结转): what decides whether a project of year Y's list carries to Y+1's.
struct RolloverCandidate {
  int64_t project_id = 0;
  std::string code, name, stage;
  bool archived = false;
  std::optional<Date> actual_completion;
  bool on_next_list = false;  // already on Y+1's list
};
struct RolloverDecision {
  int64_t project_id = 0;
  std::string code, name, stage;
  bool carries = false;
  // unfinished (carries) | already_listed | archived | completed
  std::string reason;
};
// In the order given. The first reason that holds: already_listed, archived, completed (a stage
// that counts as completed in the stage table, StageCountsAsCompleted, or an actual completion on or before
// 31 Dec of `from_year`), else unfinished, which carries.
std::vector<RolloverDecision> DecideRollover(const std::vector<RolloverCandidate>& candidates, int from_year);

}  // namespace gj::ledger

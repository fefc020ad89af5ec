// 一张表: the periodic progress report of a project. Periods (ISO weeks "2026-W23" or months
// "2026-06"), their due dates (policy as data: due weekday, due day of month), the report's
// workflow and its validation. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/result.h"

namespace gj::supervision {

// What a due date that falls on a rest day becomes, the county's choice. Rest days are Saturdays and
// Sundays that are not make-up working days (调休上班), and the listed holidays (法定节假日).
// Default next_workday: a time limit whose last day is a statutory holiday ends on the day after
// the holiday (民法典 art. 203), and offices file on working days.
extern const std::vector<std::string> kRestDayRules;  // next_workday, previous_workday, keep

struct ReportPolicy {
  std::string frequency = "week";  // week or month
  int due_weekday =
      2;  // a week's report is due on this weekday of the following week (1 = Monday; default Tuesday)
  int due_day = 5;  // a month's report is due on this day of the following month
  std::string rest_day_rule = "next_workday";
  std::vector<Date> holidays;  // sorted; rest days whatever their weekday
  std::vector<Date> workdays;  // sorted; weekend days worked (调休上班)
};

// At most this many dates in each calendar list (several years of holidays).
inline constexpr size_t kMaxCalendarDays = 400;

bool IsWorkday(const Date& d, const ReportPolicy& policy);
// `due` moved off a rest day by the policy's rule; previous_workday never moves it before
// `not_before` (the period's last day: a report is not due before its period ends), and a
// calendar without a working day within 60 days leaves it where it is.
Date DueOnWorkday(const Date& due, const ReportPolicy& policy, const Date& not_before);
// The policy as stored and served:
// {"frequency","due_weekday","due_day","rest_day_rule","holidays","workdays"}.
nlohmann::json ToJson(const ReportPolicy& policy);
// Members present replace `base`'s; every problem at once, fields named report_policy.<member>.
Result<ReportPolicy> PolicyFromJson(const nlohmann::json& j, const ReportPolicy& base);

struct Period {
  std::string key;  // 2026-W23 or 2026-06
  std::string frequency;
  Date start, end, due;
};

// The period containing `d`.
Period PeriodOf(const Date& d, const ReportPolicy& policy);
// "2026-W23" (a week) or "2026-06" (a month); empty when malformed.
std::optional<Period> ParsePeriod(const std::string& key, const ReportPolicy& policy);
// The period before / after.
Period Previous(const Period& p, const ReportPolicy& policy);
Period Next(const Period& p, const ReportPolicy& policy);
// Periods whose end lies in [from, to], oldest first.
std::vector<Period> PeriodsBetween(const Date& from, const Date& to, const ReportPolicy& policy);

// 投资来源
extern const std::vector<std::string>
    kFundingSources;  // central_budget, special_bonds, local_fiscal, enterprise, bank_loan, other
extern const std::vector<std::string>
    kFundingSourceLabels;  // 中央预算内, 专项债, 地方财政, 企业自筹, 银行贷款, 其他

// pending → draft → submitted → approved, or → returned → (draft →) submitted …
extern const std::vector<std::string> kReportStatuses;

struct ReportContent {
  int64_t investment_period = 0;                                // yuan completed in the period
  int64_t investment_year = 0;                                  // yuan completed this year, cumulative
  std::vector<int64_t> by_source = std::vector<int64_t>(6, 0);  // of investment_period, by kFundingSources
  std::string visual_progress;
  std::string problems_raised;
  int workers = 0;
};

// The content as served and journaled: {"investment_period","investment_year","by_source": {source: yuan},
// "visual_progress","problems_raised","workers"}.
nlohmann::json ToJson(const ReportContent& c);

// Every problem of the content at once (field names are the API's). Figures measured against
// other reports (the cumulative never falling) are plausibility rules: ledger::ReportBreaches.
Problems ValidateContent(const ReportContent& c);

enum class ReportAction { kSave, kSubmit, kApprove, kReturn, kReopen };

struct ReportState {
  std::string status = "pending";
  Date due;
  bool reopened = false;
  std::optional<int64_t> submitted_by;
};

// Whether `action` by `user` is legal now; a refusal names the rule (409).
Status CheckTransition(const ReportState& s, ReportAction action, int64_t user, const Date& today);
std::string StatusAfter(ReportAction action, const std::string& current);
// A period is open for filing until the end of its due date, or when the coordinator reopened it.
bool OpenForFiling(const ReportState& s, const Date& today);

// What other capabilities (the periodic rankings' 按时报送率) need of one report task.
struct ReportFact {
  int64_t id = 0;
  int64_t project_id = 0;
  Date due;
  std::string status = "pending";
  std::optional<Date> submitted_on;  // China calendar day of the latest submission
  bool late = false;                 // submitted after the due date (set when submitted)
};

}  // namespace gj::supervision

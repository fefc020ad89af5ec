// 一张表: the periodic progress report of a project. Periods (ISO weeks "2026-W23" or months
// "2026-06"), their due dates (policy as data: due weekday, due day of month), the report's
// workflow and its validation. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"

namespace gj::supervision {

struct ReportPolicy {
  std::string frequency = "week";  // week or month
  int due_weekday = 2;             // a week's report is due on this weekday of the following week (1 = Monday; default Tuesday)
  int due_day = 5;                 // a month's report is due on this day of the following month
};

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
extern const std::vector<std::string> kFundingSources;  // central_budget, special_bonds, local_fiscal, enterprise, bank_loan, other
extern const std::vector<std::string> kFundingSourceLabels;  // 中央预算内, 专项债, 地方财政, 企业自筹, 银行贷款, 其他

// pending → draft → submitted → approved, or → returned → (draft →) submitted …
extern const std::vector<std::string> kReportStatuses;

struct ReportContent {
  int64_t investment_period = 0;     // yuan completed in the period
  int64_t investment_year = 0;       // yuan completed this year, cumulative
  std::vector<int64_t> by_source = std::vector<int64_t>(6, 0);  // of investment_period, by kFundingSources
  std::string visual_progress;
  std::string problems_raised;
  int workers = 0;
};

// Every problem of the content at once (field names are the API's).
Problems ValidateContent(const ReportContent& c, std::optional<int64_t> previous_year_total);

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

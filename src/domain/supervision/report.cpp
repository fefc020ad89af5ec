#include "domain/supervision/report.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "common/json_field.h"
#include "common/json_limits.h"
#include "common/money.h"

namespace gj::supervision {

const std::vector<std::string> kFundingSources = {"central_budget", "special_bonds", "local_fiscal",
                                                  "enterprise",     "bank_loan",     "other"};
const std::vector<std::string> kFundingSourceLabels = {"中央预算内", "专项债",   "地方财政",
                                                       "企业自筹",   "银行贷款", "其他"};
const std::vector<std::string> kReportStatuses = {"pending", "draft", "submitted", "returned", "approved"};
const std::vector<std::string> kRestDayRules = {"next_workday", "previous_workday", "keep"};

bool IsWorkday(const Date& d, const ReportPolicy& pol) {
  if (std::binary_search(pol.holidays.begin(), pol.holidays.end(), d)) return false;
  if (d.IsoWeekday() <= 5) return true;
  return std::binary_search(pol.workdays.begin(), pol.workdays.end(), d);
}

Date DueOnWorkday(const Date& due, const ReportPolicy& pol, const Date& not_before) {
  if (pol.rest_day_rule == "keep") return due;
  const int step = pol.rest_day_rule == "previous_workday" ? -1 : 1;
  Date d = due;
  for (int i = 0; i < 60; ++i, d = d.AddDays(step)) {
    if (step < 0 && d < not_before) return not_before;
    if (IsWorkday(d, pol)) return d;
  }
  return due;
}

namespace {

Period Week(int iso_year, int week, const ReportPolicy& pol) {
  Period p;
  p.frequency = "week";
  p.start = IsoWeek1Monday(iso_year).AddDays(7 * (week - 1));
  p.end = p.start.AddDays(6);
  p.due = DueOnWorkday(p.end.AddDays(pol.due_weekday), pol, p.end);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", iso_year, week);
  p.key = buf;
  return p;
}

Period Month(int y, int m, const ReportPolicy& pol) {
  Period p;
  p.frequency = "month";
  p.start = {y, m, 1};
  p.end = {y, m, DaysInMonth(y, m)};
  const int ny = m == 12 ? y + 1 : y, nm = m == 12 ? 1 : m + 1;
  p.due = DueOnWorkday({ny, nm, std::min(pol.due_day, DaysInMonth(ny, nm))}, pol, p.end);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  p.key = buf;
  return p;
}

// The period of `frequency` containing `d` (the policy's due rules apply; no copy of its calendar).
Period PeriodOfFrequency(const Date& d, const std::string& frequency, const ReportPolicy& pol) {
  if (frequency == "month") return Month(d.year, d.month, pol);
  const IsoWeek w = IsoWeekOf(d);
  return Week(w.year, w.week, pol);
}

bool ParseInt(std::string_view s, int& out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
}

}  // namespace

Period PeriodOf(const Date& d, const ReportPolicy& pol) { return PeriodOfFrequency(d, pol.frequency, pol); }

std::optional<Period> ParsePeriod(const std::string& key, const ReportPolicy& pol) {
  int y = 0, n = 0;
  if (key.size() == 8 && key[4] == '-' && key[5] == 'W' && ParseInt(std::string_view(key).substr(0, 4), y) &&
      ParseInt(std::string_view(key).substr(6), n)) {
    if (n < 1 || n > 53) return std::nullopt;
    Period p = Week(y, n, pol);
    if (IsoWeekOf(p.start).year != y) return std::nullopt;  // week 53 of a 52-week year
    return p;
  }
  if (key.size() == 7 && key[4] == '-' && ParseInt(std::string_view(key).substr(0, 4), y) &&
      ParseInt(std::string_view(key).substr(5), n) && n >= 1 && n <= 12) {
    return Month(y, n, pol);
  }
  return std::nullopt;
}

Period Previous(const Period& p, const ReportPolicy& pol) {
  return PeriodOfFrequency(p.start.AddDays(-1), p.frequency, pol);
}

Period Next(const Period& p, const ReportPolicy& pol) {
  return PeriodOfFrequency(p.end.AddDays(1), p.frequency, pol);
}

std::vector<Period> PeriodsBetween(const Date& from, const Date& to, const ReportPolicy& pol) {
  std::vector<Period> out;
  for (Period p = PeriodOf(from, pol); p.end <= to; p = Next(p, pol)) {
    if (p.end >= from) out.push_back(p);
  }
  return out;
}

namespace {

nlohmann::json DatesJson(const std::vector<Date>& days) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : days) out.push_back(d.ToString());
  return out;
}

// A sorted, duplicate-free list of ISO dates from `j`; problems name the member and the index.
std::vector<Date> DatesFrom(const nlohmann::json& j, const std::string& field, Problems& pr) {
  std::vector<Date> out;
  if (!j.is_array()) {
    pr.Add(field, BoundedDump(j), "must be a list of dates (2026-10-01)");
    return out;
  }
  if (j.size() > kMaxCalendarDays) {
    pr.Add(field, std::to_string(j.size()) + " dates",
           "at most " + std::to_string(kMaxCalendarDays) + " dates");
    return out;
  }
  for (size_t i = 0; i < j.size(); ++i) {
    const auto d = j[i].is_string() ? ParseIsoDate(j[i].get<std::string>()) : std::nullopt;
    if (!d) pr.Add(field + "[" + std::to_string(i) + "]", BoundedDump(j[i]), "not a date (2026-10-01)");
    else out.push_back(*d);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

nlohmann::json ToJson(const ReportContent& c) {
  nlohmann::json src = nlohmann::json::object();
  for (size_t i = 0; i < kFundingSources.size(); ++i) src[kFundingSources[i]] = c.by_source[i];
  return {{"investment_period", c.investment_period},
          {"investment_year", c.investment_year},
          {"by_source", src},
          {"visual_progress", c.visual_progress},
          {"problems_raised", c.problems_raised},
          {"workers", c.workers}};
}

nlohmann::json ToJson(const ReportPolicy& pol) {
  return {{"frequency", pol.frequency},
          {"due_weekday", pol.due_weekday},
          {"due_day", pol.due_day},
          {"rest_day_rule", pol.rest_day_rule},
          {"holidays", DatesJson(pol.holidays)},
          {"workdays", DatesJson(pol.workdays)}};
}

Result<ReportPolicy> PolicyFromJson(const nlohmann::json& j, const ReportPolicy& base) {
  if (!j.is_object())
    return Error::Invalid("the report policy is not valid",
                          {{"report_policy", BoundedDump(j), "must be a JSON object", 0, {}}});
  Problems pr;
  ReportPolicy pol = base;
  auto choice = [&](const char* key, std::string& out, const std::vector<std::string>& allowed,
                    const char* reason) {
    if (!j.contains(key)) return;
    const std::string field = std::string("report_policy.") + key;
    if (!j[key].is_string() ||
        std::find(allowed.begin(), allowed.end(), j[key].get<std::string>()) == allowed.end()) {
      pr.Add(
          {field, j[key].is_string() ? j[key].get<std::string>() : BoundedDump(j[key]), reason, 0, allowed});
      return;
    }
    out = j[key].get<std::string>();
  };
  auto integer = [&](const char* key, int& out, int lo, int hi, const char* reason) {
    if (!j.contains(key)) return;
    if (!j[key].is_number_integer() || j[key].get<int64_t>() < lo || j[key].get<int64_t>() > hi) {
      pr.Add(std::string("report_policy.") + key, BoundedDump(j[key]), reason);
      return;
    }
    out = j[key].get<int>();
  };
  choice("frequency", pol.frequency, {"week", "month"}, "unknown frequency");
  integer("due_weekday", pol.due_weekday, 1, 7, "1 (Monday) to 7 (Sunday)");
  integer("due_day", pol.due_day, 1, 28, "1 to 28");
  choice("rest_day_rule", pol.rest_day_rule, kRestDayRules, "unknown rule for a due date on a rest day");
  if (j.contains("holidays")) pol.holidays = DatesFrom(j["holidays"], "report_policy.holidays", pr);
  if (j.contains("workdays")) pol.workdays = DatesFrom(j["workdays"], "report_policy.workdays", pr);
  for (const auto& d : pol.workdays) {
    const std::string day = d.ToString();
    if (d.IsoWeekday() <= 5)
      pr.Add("report_policy.workdays", day, day + ": a make-up working day is a Saturday or a Sunday");
    if (std::binary_search(pol.holidays.begin(), pol.holidays.end(), d)) {
      pr.Add("report_policy.workdays", day, day + ": listed as a holiday too");
    }
  }
  if (!pr.empty()) return pr.ToError("the report policy is not valid");
  return pol;
}

Problems ValidateContent(const ReportContent& c) {
  Problems pr;
  // Amounts beyond the bound: ledger::ReportBreaches (plausibility) says so.
  if (c.investment_period < 0)
    pr.Add("investment_period", std::to_string(c.investment_period), "must not be negative");
  if (c.investment_year < 0)
    pr.Add("investment_year", std::to_string(c.investment_year), "must not be negative");
  if (c.investment_year < c.investment_period) {
    pr.Add("investment_year", std::to_string(c.investment_year),
           "the year's cumulative figure cannot be below the period's");
  }
  int64_t sum = 0;
  for (size_t i = 0; i < c.by_source.size() && i < kFundingSources.size(); ++i) {
    if (c.by_source[i] < 0)
      pr.Add("by_source." + kFundingSources[i], std::to_string(c.by_source[i]), "must not be negative");
    sum = AddYuan(sum, c.by_source[i]);
  }
  if (sum != 0 && sum != c.investment_period) {
    pr.Add("by_source", std::to_string(sum),
           "the sources must add up to investment_period (" + std::to_string(c.investment_period) + ")");
  }
  if (c.workers < 0) pr.Add("workers", std::to_string(c.workers), "must not be negative");
  if (c.visual_progress.size() > 2000) pr.Add("visual_progress", "", "at most 2000 bytes");
  return pr;
}

bool OpenForFiling(const ReportState& s, const Date& today) { return today <= s.due || s.reopened; }

Status CheckTransition(const ReportState& s, ReportAction a, int64_t user, const Date& today) {
  const bool editable = s.status == "pending" || s.status == "draft" || s.status == "returned";
  switch (a) {
    case ReportAction::kSave:
    case ReportAction::kSubmit:
      if (!editable)
        return Error::Conflict("rule report.not_editable: a " + s.status + " report cannot be changed");
      if (!OpenForFiling(s, today)) {
        return Error::Conflict("rule report.period_closed: the period closed on " + s.due.ToString() +
                               "; the coordinator must reopen it");
      }
      return Ok{};
    case ReportAction::kApprove:
    case ReportAction::kReturn:
      if (s.status != "submitted")
        return Error::Conflict("rule report.not_submitted: only a submitted report can be reviewed");
      if (s.submitted_by && *s.submitted_by == user)
        return Error::Conflict("rule report.own_report: nobody reviews their own report");
      return Ok{};
    case ReportAction::kReopen:
      if (!editable)
        return Error::Conflict("rule report.not_editable: only an unsubmitted report can be reopened");
      if (OpenForFiling(s, today))
        return Error::Conflict("rule report.already_open: the period is still open for filing");
      return Ok{};
  }
  return Ok{};
}

std::string StatusAfter(ReportAction a, const std::string& current) {
  switch (a) {
    case ReportAction::kSave: return "draft";
    case ReportAction::kSubmit: return "submitted";
    case ReportAction::kApprove: return "approved";
    case ReportAction::kReturn: return "returned";
    case ReportAction::kReopen: return current;
  }
  return current;
}

}  // namespace gj::supervision

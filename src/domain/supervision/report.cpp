#include "domain/supervision/report.h"

#include <charconv>
#include <cstdio>

namespace gj::supervision {

const std::vector<std::string> kFundingSources = {"central_budget", "special_bonds", "local_fiscal", "enterprise", "bank_loan", "other"};
const std::vector<std::string> kFundingSourceLabels = {"中央预算内", "专项债", "地方财政", "企业自筹", "银行贷款", "其他"};
const std::vector<std::string> kReportStatuses = {"pending", "draft", "submitted", "returned", "approved"};

namespace {

// Monday of ISO week 1 of `iso_year`.
Date IsoWeek1Monday(int iso_year) {
  const Date jan4{iso_year, 1, 4};
  return jan4.AddDays(1 - jan4.IsoWeekday());
}

Period Week(int iso_year, int week, const ReportPolicy& pol) {
  Period p;
  p.frequency = "week";
  p.start = IsoWeek1Monday(iso_year).AddDays(7 * (week - 1));
  p.end = p.start.AddDays(6);
  p.due = p.end.AddDays(pol.due_weekday);
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
  p.due = {ny, nm, std::min(pol.due_day, DaysInMonth(ny, nm))};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  p.key = buf;
  return p;
}

bool ParseInt(std::string_view s, int& out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
}

}  // namespace

Period PeriodOf(const Date& d, const ReportPolicy& pol) {
  if (pol.frequency == "month") return Month(d.year, d.month, pol);
  const Date monday = d.AddDays(1 - d.IsoWeekday());
  const Date thursday = monday.AddDays(3);  // the ISO year is the year of the week's Thursday
  const int week = static_cast<int>((monday.ToDays() - IsoWeek1Monday(thursday.year).ToDays()) / 7) + 1;
  return Week(thursday.year, week, pol);
}

std::optional<Period> ParsePeriod(const std::string& key, const ReportPolicy& pol) {
  int y = 0, n = 0;
  if (key.size() == 8 && key[4] == '-' && key[5] == 'W' && ParseInt(std::string_view(key).substr(0, 4), y) &&
      ParseInt(std::string_view(key).substr(6), n)) {
    if (n < 1 || n > 53) return std::nullopt;
    Period p = Week(y, n, pol);
    if (PeriodOf(p.start, {"week", pol.due_weekday, pol.due_day}).key != key) return std::nullopt;  // week 53 of a 52-week year
    return p;
  }
  if (key.size() == 7 && key[4] == '-' && ParseInt(std::string_view(key).substr(0, 4), y) &&
      ParseInt(std::string_view(key).substr(5), n) && n >= 1 && n <= 12) {
    return Month(y, n, pol);
  }
  return std::nullopt;
}

Period Previous(const Period& p, const ReportPolicy& pol) {
  ReportPolicy q = pol;
  q.frequency = p.frequency;
  return PeriodOf(p.start.AddDays(-1), q);
}

Period Next(const Period& p, const ReportPolicy& pol) {
  ReportPolicy q = pol;
  q.frequency = p.frequency;
  return PeriodOf(p.end.AddDays(1), q);
}

std::vector<Period> PeriodsBetween(const Date& from, const Date& to, const ReportPolicy& pol) {
  std::vector<Period> out;
  for (Period p = PeriodOf(from, pol); p.end <= to; p = Next(p, pol)) {
    if (p.end >= from) out.push_back(p);
  }
  return out;
}

Problems ValidateContent(const ReportContent& c, std::optional<int64_t> previous_year_total) {
  Problems pr;
  if (c.investment_period < 0) pr.Add("investment_period", std::to_string(c.investment_period), "must not be negative");
  if (c.investment_year < 0) pr.Add("investment_year", std::to_string(c.investment_year), "must not be negative");
  if (c.investment_year < c.investment_period) {
    pr.Add("investment_year", std::to_string(c.investment_year), "the year's cumulative figure cannot be below the period's");
  }
  if (previous_year_total && c.investment_year < *previous_year_total) {
    pr.Add("investment_year", std::to_string(c.investment_year),
           "below the cumulative figure of the previous report (" + std::to_string(*previous_year_total) + ")");
  }
  int64_t sum = 0;
  for (size_t i = 0; i < c.by_source.size() && i < kFundingSources.size(); ++i) {
    if (c.by_source[i] < 0) pr.Add("by_source." + kFundingSources[i], std::to_string(c.by_source[i]), "must not be negative");
    sum += c.by_source[i];
  }
  if (sum != 0 && sum != c.investment_period) {
    pr.Add("by_source", std::to_string(sum), "the sources must add up to investment_period (" + std::to_string(c.investment_period) + ")");
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
      if (!editable) return Error::Conflict("rule report.not_editable: a " + s.status + " report cannot be changed");
      if (!OpenForFiling(s, today)) {
        return Error::Conflict("rule report.period_closed: the period closed on " + s.due.ToString() + "; the coordinator must reopen it");
      }
      return Ok{};
    case ReportAction::kApprove:
    case ReportAction::kReturn:
      if (s.status != "submitted") return Error::Conflict("rule report.not_submitted: only a submitted report can be reviewed");
      if (s.submitted_by && *s.submitted_by == user) return Error::Conflict("rule report.own_report: nobody reviews their own report");
      return Ok{};
    case ReportAction::kReopen:
      if (!editable) return Error::Conflict("rule report.not_editable: only an unsubmitted report can be reopened");
      if (OpenForFiling(s, today)) return Error::Conflict("rule report.already_open: the period is still open for filing");
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

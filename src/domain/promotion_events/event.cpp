#include "domain/promotion_events/event.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace gj::promotion {

const std::vector<std::string>& EventKinds() {
  static const std::vector<std::string> kinds = {"industry_topic", "small_group", "expo",
                                                 "business_referral"};
  return kinds;
}

Problems ValidateEventRule(const EventRule& rule) {
  Problems pr;
  if (rule.min_events < 1 || rule.min_events > kMaxMinEvents)
    pr.Add("min_events", std::to_string(rule.min_events),
           "must be an integer from 1 to " + std::to_string(kMaxMinEvents));
  return pr;
}

Problems ValidateEvent(const EventDraft& e) {
  Problems pr;
  const auto& kinds = EventKinds();
  if (std::find(kinds.begin(), kinds.end(), e.kind) == kinds.end())
    pr.Add("kind", e.kind, "must be one of industry_topic, small_group, expo, business_referral");
  if (e.destination_city.empty()) pr.Add("destination_city", "", "is required");
  if (e.destination_city.size() > kMaxTextLength || e.note.size() > kMaxTextLength)
    pr.Add(e.note.size() > kMaxTextLength ? "note" : "destination_city", "",
           "at most " + std::to_string(kMaxTextLength) + " bytes");
  if (e.companies_met.size() > kMaxCompanies)
    pr.Add("companies_met", std::to_string(e.companies_met.size()),
           "at most " + std::to_string(kMaxCompanies) + " items");
  for (size_t i = 0; i < e.companies_met.size() && i < kMaxCompanies; ++i) {
    if (e.companies_met[i].name.empty())
      pr.Add("companies_met[" + std::to_string(i) + "].name", "", "is required");
  }
  return pr;
}

Date Month::last() const { return {year, month, DaysInMonth(year, month)}; }

std::string Month::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

Month Month::Next() const { return month == 12 ? Month{year + 1, 1} : Month{year, month + 1}; }

Month MonthOf(const Date& d) { return {d.year, d.month}; }

std::vector<Month> MonthsOf(const Date& from, const Date& to) {
  std::vector<Month> out;
  if (to < from) return out;
  for (Month m = MonthOf(from); m <= MonthOf(to); m = m.Next()) out.push_back(m);
  return out;
}

const char* MonthStatusName(MonthStatus s) {
  switch (s) {
    case MonthStatus::kMet: return "met";
    case MonthStatus::kMissed: return "missed";
    case MonthStatus::kInProgress: return "in_progress";
    case MonthStatus::kUpcoming: return "upcoming";
  }
  return "upcoming";
}

std::vector<LeaderEventCompliance> EventCompliance(const std::vector<int64_t>& leaders,
                                                   const std::vector<EventFact>& events, const Date& from,
                                                   const Date& to, const Date& as_of, const EventRule& rule) {
  const auto months = MonthsOf(from, to);
  // (leader, month) → events held by as_of.
  std::map<std::pair<int64_t, Month>, int> held;
  for (const auto& e : events) {
    if (e.held_on > as_of) continue;
    ++held[{e.leader_id, MonthOf(e.held_on)}];
  }
  std::vector<LeaderEventCompliance> out;
  for (int64_t leader : leaders) {
    LeaderEventCompliance lc;
    lc.leader_id = leader;
    for (const Month& m : months) {
      const auto it = held.find({leader, m});
      const int n = it == held.end() ? 0 : it->second;
      LeaderMonth lm{m, n, MonthStatus::kUpcoming};
      const bool ended = m.last() <= as_of;
      if (n >= rule.min_events && m.first() <= as_of) lm.status = MonthStatus::kMet;
      else if (ended) lm.status = MonthStatus::kMissed;
      else if (m.first() <= as_of) lm.status = MonthStatus::kInProgress;
      lc.events += n;
      if (ended) {
        ++lc.months_owed;
        if (lm.status == MonthStatus::kMet) ++lc.months_met;
        else lc.missed.push_back(m);
      }
      lc.months.push_back(lm);
    }
    lc.rate = lc.months_owed == 0 ? 1.0 : static_cast<double>(lc.months_met) / lc.months_owed;
    out.push_back(std::move(lc));
  }
  return out;
}

}  // namespace gj::promotion

// The 双招双引 调度 sheet's figures (attraction_dispatch.h): read through the attraction and event
// services, so the sheet shows what the summary, the board and the compliance page show.
#include "service/attraction/attraction_dispatch.h"

#include <algorithm>
#include <map>
#include <set>

#include "domain/promotion_events/event.h"
#include "store/chain_store.h"

namespace gj::service {

HalfMonth HalfMonthOf(const Date& d) {
  const bool first = d.day <= 15;
  HalfMonth h;
  h.from = Date{d.year, d.month, first ? 1 : 16};
  h.to = first ? Date{d.year, d.month, 15} : Date{d.year, d.month, DaysInMonth(d.year, d.month)};
  h.label = std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + (first ? "上半月" : "下半月");
  return h;
}

Result<DispatchSheet> AttractionDispatch::Build(const Ctx& ctx, const std::string& region,
                                                const Date& as_of) {
  DispatchSheet s;
  s.region = region;
  s.as_of = as_of;
  s.period = HalfMonthOf(as_of);
  auto summary = leads_.Summary(ctx, region, as_of, std::nullopt);
  if (!summary) return summary.error();
  s.summary = std::move(summary.value());
  {
    auto tree = ledger_.Regions();
    const auto* r = tree->Find(region);
    s.region_name = r ? r->name : "全部区域";
  }
  LeadQuery q;
  q.region = region;
  q.as_of = as_of;
  auto list = leads_.ListLeads(ctx, q);
  if (!list) return list.error();
  s.leads = std::move(list->items);

  // What moved in the half month: the steps dated from its first day to the sheet's day.
  std::set<int64_t> chain_ids;
  for (const auto& v : s.leads) {
    if (v.lead.created_on >= s.period.from && v.lead.created_on <= as_of) ++s.new_leads;
    if (v.lead.chain_id) chain_ids.insert(*v.lead.chain_id);
    for (const auto& st : v.steps) {
      if (st.dated_on < s.period.from || st.dated_on > as_of) continue;
      s.steps.push_back({v.lead.id, v.lead.title, v.region_name, st.step, st.dated_on, st.contract_no,
                         v.lead.expected_investment});
    }
  }
  std::stable_sort(s.steps.begin(), s.steps.end(),
                   [](const DispatchStep& a, const DispatchStep& b) { return a.dated_on < b.dated_on; });

  // Each county leader's promotion events (the compliance page's counts) and the leads in their
  // charge (the summary with the leader).
  auto events = events_.Compliance(ctx, region, Date{as_of.year, 1, 1}, as_of, as_of);
  if (!events) return events.error();
  for (const auto& item : events->items) {
    DispatchLeader l;
    l.leader_id = item.compliance.leader_id;
    l.name = item.name;
    l.events_year = item.compliance.events;
    if (!item.compliance.months.empty()) {
      l.events_month = item.compliance.months.back().events;
      l.month_status = promotion::MonthStatusName(item.compliance.months.back().status);
    }
    l.min_events = events->rule.min_events;
    auto mine = leads_.Summary(ctx, region, as_of, std::nullopt, l.leader_id);
    if (!mine) return mine.error();
    for (const auto& [step, n] : mine->figures.leads_by_step) l.leads += n;
    l.signed_count = mine->figures.signed_count;
    l.signed_amount = mine->figures.signed_amount;
    s.leaders.push_back(std::move(l));
  }

  // The chains the region's leads name, each with its figures.
  auto c = db_.Acquire();
  for (int64_t id : chain_ids) {
    auto ch = store::LoadChain(*c, id);
    auto figures = leads_.Summary(ctx, region, as_of, id);
    if (!figures) return figures.error();
    DispatchChain row{id, ch ? ch->name : "#" + std::to_string(id), 0, std::move(figures->figures)};
    for (const auto& [step, n] : row.figures.leads_by_step) row.leads += n;
    s.chains.push_back(std::move(row));
  }
  return s;
}

Result<DispatchFile> AttractionDispatch::Render(const Ctx& ctx, const std::string& region, const Date& as_of,
                                                const std::string& format) {
  auto s = Build(ctx, region, as_of);
  if (!s) return s.error();
  const std::string name = "双招双引调度表-" + s->region_name + "-" + s->period.label + "." + format;
  if (format == "pdf") return DispatchFile{DispatchPdf(*s), "application/pdf", name};
  return DispatchFile{DispatchXlsx(*s), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      name};
}

}  // namespace gj::service

#include "service/promotion_events/event_demo.h"

#include <algorithm>
#include <vector>

#include "domain/access/read_scope.h"
#include "domain/promotion_events/event.h"
#include "store/attraction_store.h"
#include "store/event_store.h"
#include "store/journal.h"
#include "store/org_store.h"
#include "store/project_store.h"

namespace gj::service {

namespace {

const std::vector<std::string> kCities = {"深圳市", "上海市", "杭州市", "苏州市", "北京市",
                                          "济南市", "青岛市", "广州市", "宁波市", "天津市"};
const std::vector<std::vector<std::string>> kCompanies = {
    {"深圳华康生物科技有限公司", "深圳瑞达医药有限公司"},
    {"上海启明精密轴承有限公司"},
    {"杭州中屹智能装备有限公司", "杭州源丰新材料有限公司"},
    {"苏州恒锐钢球有限公司"},
    {"北京同泽健康产业集团有限公司"},
    {"济南鲁盛钢板有限公司", "济南泰和物流有限公司"},
    {"青岛海纳食品有限公司"},
    {"广州岭南滋补品有限公司", "广州汇通电商有限公司"},
    {"宁波甬精机械有限公司"},
    {"天津津港钢铁贸易有限公司"}};

std::string CompaniesJson(size_t i) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& name : kCompanies[i % kCompanies.size()]) out.push_back({{"name", name}});
  return out.dump();
}

}  // namespace

Result<int> BuildEventsDemo(store::Database& db, const Date& today, const std::string& now_iso) {
  auto c = db.Acquire();
  const access::RegionTree tree(store::LoadRegions(*c));
  const auto& kinds = promotion::EventKinds();
  int count = 0;
  store::Transaction tx(*c);
  for (const std::string county : {"371524", "371525"}) {
    std::vector<int64_t> leaders;
    for (const auto& p : store::ListPeople(*c, access::ReadScope::All().Within(county, tree), "leader")) {
      if (p.region_code == county) leaders.push_back(p.id);
    }
    if (leaders.size() < 4) continue;
    const bool donge = county == "371524";
    const int64_t wang = store::FindPersonId(*c, access::ReadScope::System(), county, "王海涛").value_or(0);
    // No 专班 of its own: the demo's teams are the chains' (another part of issue 15), which a
    // team_id can name once they exist; creating teams here would change the organisation pages.
    // 冠县: its first three leaders only, every other month.
    const size_t n = donge ? leaders.size() : 3;
    // The leads that came from an event (招商活动形成线索): every other lead of the county recorded
    // within three weeks after one of its events is that event's (the first such event).
    store::LeadFilter county_leads;
    county_leads.scope = access::ReadScope::All().Within(county, tree);
    std::vector<store::Lead> open_leads;
    for (auto& l : store::ListLeads(*c, county_leads))
      if (l.id % 2 == 0) open_leads.push_back(std::move(l));
    const auto leads_after = [&open_leads](const Date& held) {
      std::vector<int64_t> ids;
      for (auto it = open_leads.begin(); it != open_leads.end();) {
        if (it->created_on >= held && it->created_on <= held.AddDays(21)) {
          ids.push_back(it->id);
          it = open_leads.erase(it);
        } else {
          ++it;
        }
      }
      std::sort(ids.begin(), ids.end());
      return ids;
    };
    for (size_t i = 0; i < n; ++i) {
      for (int month = 1; month <= today.month; ++month) {
        const size_t k = i * 3 + static_cast<size_t>(month);
        if (leaders[i] == wang && (month == 4 || month == today.month)) continue;  // April missed, none yet
        if (donge && leaders[i] != wang && k % 5 == 0) continue;                   // a few missed months
        if (!donge && (month + static_cast<int>(i)) % 2 == 1) continue;
        const Date held{today.year, month,
                        std::min(3 + static_cast<int>(k % 23), DaysInMonth(today.year, month))};
        if (held > today) continue;  // an event is recorded once held
        store::PromotionEventRow e;
        e.region_code = county;
        e.held_on = held;
        e.leader_id = leaders[i];
        e.destination_city = kCities[k % kCities.size()];
        e.kind = kinds[k % kinds.size()];
        e.companies_met = CompaniesJson(k);
        e.note = "对接洽谈" + std::to_string(kCompanies[k % kCompanies.size()].size()) + "家企业";
        e.created_at = e.updated_at = now_iso;
        e.lead_ids = leads_after(held);
        e.id = store::InsertPromotionEvent(*c, e);
        store::WriteJournal(*c, "promotion_event", e.id, "create", std::nullopt, now_iso,
                            store::PromotionEventCreated(e));
        ++count;
      }
    }
  }
  tx.Commit();
  return count;
}

}  // namespace gj::service

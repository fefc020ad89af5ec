#include "service/assessment/chain_ranking_demo.h"

#include <cstdio>

#include "service/assessment/ranking_service.h"
#include "service/demo/demo_calendar.h"
#include "store/account_store.h"

namespace gj::service {

using nlohmann::json;

Status BuildChainRankingDemo(store::Database& db, const Date& today, const std::string& now_iso) {
  LedgerService ledger(db);
  RankingService rankings(db, ledger);
  access::Caller caller;
  {
    auto c = db.Acquire();
    auto account = store::LoadAccountByLogin(*c, "dongezb");  // 东阿县项目办
    if (!account) return Error::Conflict("the chain ranking demo needs the county office's account");
    caller.user_id = account->id;
  }
  caller.login = "dongezb";
  caller.grants.push_back({"coordinator", "371524", std::nullopt});
  const Ctx office(std::move(caller), today, now_iso);
  auto metric = [](const char* kind, double weight, const char* scoring, double target_or_step) {
    json m = {{"id", kind}, {"kind", kind}, {"weight", weight}, {"scoring", scoring}};
    m[std::string(scoring) == "rank" ? "step" : "target"] = target_or_step;
    return m;
  };
  json scheme = {
      {"name", "东阿县链长制月度考评"},
      {"region_code", "371524"},
      {"subject_kind", "chain"},
      {"metrics",
       json::array({metric("chain_reports_on_time", 20, "ratio", 1), metric("chain_visits", 15, "ratio", 2),
                    metric("problems_not_overdue", 15, "ratio", 1), metric("start_rate", 15, "ratio", 0.8),
                    metric("chain_investment", 15, "rank", 5), metric("chain_projects", 10, "rank", 5),
                    metric("leads_signed", 10, "ratio", 2)})}};
  auto s = rankings.CreateScheme(office, scheme);
  if (!s) return s.error();
  // The last two finished months of the list year whose end the chains (set up 56 days before
  // today, as the chains demo does) have reached; each published, so the second shows movement.
  Date last = Date{today.year, today.month, 1}.AddDays(-1);
  const int list_year = DemoListYear(today);
  if (last.year > list_year) last = {list_year, 12, 31};
  const Date since = today.AddDays(-56);
  const int last_month = last.year * 12 + last.month - 1;
  for (int back = 1; back >= 0; --back) {
    const int y = (last_month - back) / 12, m = (last_month - back) % 12 + 1;
    if (Date{y, m, DaysInMonth(y, m)} < since) continue;
    char label[16];
    std::snprintf(label, sizeof label, "%04d-%02d", y, m);
    auto run = rankings.Compute(office, s->record.id, {{"period", "month"}, {"period_label", label}});
    if (!run) return run.error();
    if (auto p = rankings.Publish(office, run->record.id, {{"version", run->record.version}}); !p)
      return p.error();
  }
  return Ok{};
}

}  // namespace gj::service

#include "service/assessment/assessment_demo.h"

#include "service/access/auth_service.h"
#include "service/assessment/observation_service.h"
#include "service/assessment/ranking_service.h"
#include "service/demo/demo_calendar.h"
#include "store/account_store.h"
#include "store/project_store.h"

namespace gj::service {

namespace {

using nlohmann::json;

Ctx CtxOf(store::Connection& c, const std::string& login, const std::string& role, const Date& today,
          const std::string& now) {
  access::Caller caller;
  caller.user_id = store::LoadAccountByLogin(c, login).value().id;
  caller.login = login;
  caller.grants.push_back({role, "371500", std::nullopt});
  return Ctx(std::move(caller), today, now);
}

template <class T>
Status Check(const Result<T>& r) {
  if (!r) return r.error();
  return Ok{};
}

std::string MonthLabel(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  return buf;
}

// The county's mean rating in the demo: 冠县 first, 东阿县 third.
double CountyLevel(const std::string& county) {
  if (county == "冠县") return 92;
  if (county == "高唐县") return 88.5;
  if (county == "东阿县") return 86;
  return 81;
}

}  // namespace

Status BuildAssessmentDemo(store::Database& db, const Date& today, const std::string& now_iso) {
  AuthService auth(db);
  for (const auto& [login, name] : {std::pair{"judge1", "评委 刘建国"}, std::pair{"judge2", "评委 陈立新"},
                                    std::pair{"judge3", "评委 王秀英"}}) {
    auto r = auth.AddUser(
        {login, name, "demo1234", "judge", "371500", std::nullopt, std::nullopt, false, true}, now_iso);
    if (!r) return r.error();
  }
  LedgerService ledger(db);
  ObservationService observations(db, ledger);
  RankingService rankings(db, ledger);
  auto c = db.Acquire();
  // The city's project office runs the events and rankings (the admin is 系统管理 only).
  const Ctx office = CtxOf(*c, "lcxmb", "coordinator", today, now_iso);
  const int list_year = DemoListYear(today);

  // Two projects nominated per county, the largest of each.
  json nominations = json::array();
  for (const char* county : {"371525", "371524", "371526", "371521"}) {
    for (const int64_t id : store::LargestProjectIds(*c, access::ReadScope::System(), county, list_year, 2)) {
      nominations.push_back({{"group", "县市区组"}, {"project_id", id}});
    }
  }
  const Date start = today.AddDays(-45);
  json event = {{"name", std::to_string(list_year) + "年聊城市重点项目建设现场观摩评议"},
                {"region_code", "371500"},
                {"level", "city"},
                {"start_date", start.ToString()},
                {"end_date", start.AddDays(2).ToString()},
                {"groups", {"县市区组"}},
                {"mode", "sheet"},
                {"judges", {"judge1", "judge2", "judge3"}},
                {"nominations", nominations}};
  auto created = observations.Create(office, event);
  if (!created) return created.error();
  const int64_t id = created->record.id;
  auto opened = observations.Transition(office, id, "open", {{"version", created->record.version}});
  if (!opened) return opened.error();
  int j = 0;
  for (const char* judge : {"judge1", "judge2", "judge3"}) {
    const Ctx jc = CtxOf(*c, judge, "judge", today, now_iso);
    int k = 0;
    for (const auto& n : created->setup.nominations) {
      // Judges differ a little and each project a little, deterministically.
      const double base = CountyLevel(n.county_name) + ((j * 7 + k * 3) % 5) - 2;
      json ratings = {
          {"投资规模", base + 1}, {"建设进度", base}, {"产业层次与科技含量", base - 1}, {"综合效益", base}};
      if (auto r = observations.SubmitSheet(jc, id, {{"project_id", n.project_id}, {"ratings", ratings}}); !r)
        return r.error();
      ++k;
    }
    ++j;
  }
  auto closed = observations.Transition(office, id, "close", {{"version", opened->record.version}});
  if (!closed) return closed.error();
  if (auto r = observations.Transition(office, id, "publish",
                                       {{"version", closed->record.version}, {"publication", "with_scores"}});
      !r) {
    return r.error();
  }
  // An event still open, for the judges to try the scoring page.
  json next = event;
  next["name"] = std::to_string(list_year) + "年聊城市四季度重点项目观摩评议";
  next["start_date"] = today.ToString();
  next["end_date"] = today.AddDays(2).ToString();
  auto second = observations.Create(office, next);
  if (!second) return second.error();
  if (auto r = observations.Transition(office, second->record.id, "open", {{"version", 1}}); !r)
    return r.error();

  // Monthly town rankings in 东阿县: the last three full months, each published.
  json scheme = {{"name", "东阿县镇街月度评比"},
                 {"region_code", "371524"},
                 {"subject_kind", "town"},
                 {"metrics", json::array({
                                 {{"id", "start_rate"},
                                  {"kind", "start_rate"},
                                  {"weight", 40},
                                  {"scoring", "ratio"},
                                  {"target", 0.8},
                                  {"cap", 1.2}},
                                 {{"id", "investment_rate"},
                                  {"kind", "investment_rate"},
                                  {"weight", 30},
                                  {"scoring", "rank"},
                                  {"step", 5}},
                                 {{"id", "review"},
                                  {"kind", "manual"},
                                  {"label", "综合评议"},
                                  {"weight", 30},
                                  {"scoring", "ratio"},
                                  {"target", 100}},
                             })}};
  auto s = rankings.CreateScheme(office, scheme);
  if (!s) return s.error();
  const int64_t scheme_id = s->record.id;
  std::vector<std::string> towns;
  for (const auto& town : store::ChildRegions(*c, "371524")) towns.push_back(town.name);
  // The last three finished months of the list year (a month's ranking counts that year's list).
  Date last = Date{today.year, today.month, 1}.AddDays(-1);
  if (last.year > list_year) last = {list_year, 12, 31};
  const int last_month = last.year * 12 + last.month - 1;
  for (int back = 2; back >= 0; --back) {
    const Date d{(last_month - back) / 12, (last_month - back) % 12 + 1, 1};
    json manual = json::object();
    for (size_t t = 0; t < towns.size(); ++t) {
      // Two towns lag behind in the review scores: they show on the red/yellow list.
      const double lag = (t == 3 || t == 7) ? 45 : 0;
      manual[towns[t]]["review"] =
          95 - lag - static_cast<double>((t * 5 + static_cast<size_t>(back + 1) * 7) % 15);
    }
    auto run = rankings.Compute(office, scheme_id,
                                {{"period", "month"}, {"period_label", MonthLabel(d)}, {"manual", manual}});
    if (!run) return run.error();
    if (auto p = rankings.Publish(office, run->record.id, {{"version", run->record.version}}); !p)
      return p.error();
  }

  // The city ranks its counties (观摩 ranking of 县市区), every figure computed: the last finished
  // month, published. Created after the county's scheme (lists are by id).
  json counties = {{"name", "聊城市县市区重点项目月度评比"},
                   {"region_code", "371500"},
                   {"subject_kind", "county"},
                   {"metrics", json::array({
                                   {{"id", "start_rate"},
                                    {"kind", "start_rate"},
                                    {"weight", 40},
                                    {"scoring", "ratio"},
                                    {"target", 0.8},
                                    {"cap", 1.2}},
                                   {{"id", "investment_rate"},
                                    {"kind", "investment_rate"},
                                    {"weight", 30},
                                    {"scoring", "ratio"},
                                    {"target", 1}},
                                   {{"id", "reports_on_time"},
                                    {"kind", "reports_on_time"},
                                    {"weight", 30},
                                    {"scoring", "ratio"},
                                    {"target", 1}},
                               })}};
  auto cs = rankings.CreateScheme(office, counties);
  if (!cs) return cs.error();
  auto crun =
      rankings.Compute(office, cs->record.id, {{"period", "month"}, {"period_label", MonthLabel(last)}});
  if (!crun) return crun.error();
  if (auto p = rankings.Publish(office, crun->record.id, {{"version", crun->record.version}}); !p)
    return p.error();
  return Ok{};
}

}  // namespace gj::service

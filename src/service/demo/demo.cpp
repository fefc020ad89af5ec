#include "service/demo/demo.h"

#include <array>
#include <cstdint>
#include <map>
#include <vector>

#include "domain/ledger/project.h"
#include "service/access/auth_service.h"
#include "service/assessment/assessment_demo.h"
#include "service/assessment/chain_ranking_demo.h"
#include "service/attraction/attraction_demo.h"
#include "service/chains/chains_demo.h"
#include "service/demo/demo_calendar.h"
#include "service/enterprises/enterprise_demo.h"
#include "service/land_efficiency/land_demo.h"
#include "service/ledger/ledger_sheet_service.h"
#include "service/org/org_service.h"
#include "service/org/setup_service.h"
#include "service/promotion_events/event_demo.h"
#include "service/supervision/progress_demo.h"
#include "service/supervision/progress_service.h"
#include "service/supervision/supervision_demo.h"
#include "service/targets/target_demo.h"
#include "store/journal.h"
#include "store/org_store.h"
#include "store/project_store.h"
#include "store/project_year_store.h"

namespace gj::service {

namespace {

// Deterministic generator (splitmix64) so every demo database is the same.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int Int(int lo, int hi) { return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1)); }
  double Unit() { return static_cast<double>(Next() >> 11) / 9007199254740992.0; }
  template <class T>
  const T& Pick(const std::vector<T>& v) {
    return v[Next() % v.size()];
  }

 private:
  uint64_t s_;
};

struct CountySpec {
  std::string code, name, prefix;
  double lon, lat;
  int projects;
  std::string zone;  // the county's development zone (not in the division codes), if any
};

// Their towns and streets are the division codes' (domain/access/divisions.h).
const std::vector<CountySpec>& Counties() {
  static const std::vector<CountySpec> kCounties = {
      {"371524", "东阿县", "DE", 116.248, 36.335, 150, "东阿经济开发区"},
      {"371525", "冠县", "GX", 115.442, 36.484, 30, ""},
      {"371526", "高唐县", "GT", 116.230, 36.866, 25, ""},
      {"371521", "阳谷县", "YG", 115.791, 36.114, 25, ""},
  };
  return kCounties;
}

const std::vector<std::string> kDepartments = {
    "发展和改革局", "工业和信息化局", "自然资源和规划局", "住房和城乡建设局", "行政审批服务局",
    "生态环境分局", "农业农村局",     "商务局",           "交通运输局",       "财政局"};

struct LeaderSpec {
  const char* name;
  const char* title;
};
const std::vector<LeaderSpec> kLeaderNames = {
    {"张明远", "县委书记"}, {"李卫东", "县长"},   {"王海涛", "常务副县长"}, {"赵志刚", "副县长"},
    {"陈晓峰", "副县长"},   {"孙丽华", "副县长"}, {"周建平", "县委常委"},   {"吴国庆", "县委常委"}};
const std::vector<std::string> kSurnames = {"刘", "杨", "黄", "徐", "朱", "马",
                                            "胡", "郭", "何", "高", "林", "罗"};
const std::vector<std::string> kGiven = {"伟", "芳", "娜", "敏", "静", "磊",
                                         "洋", "勇", "军", "杰", "强", "霞"};

struct Template {
  const char* category;
  std::vector<std::string> names;
  std::vector<std::string> builders;
  std::vector<std::string> chains;
};

const std::vector<Template>& Templates() {
  static const std::vector<Template> kTemplates = {
      {"industrial",
       {"阿胶生物科技产业园", "高端钢球精密制造", "精品钢板深加工", "轴承智能制造", "新能源汽车零部件",
        "生物医药中间体", "年产5万吨特种纤维", "智能装备产业园", "绿色建材生产线", "食品精深加工",
        "铝锌镁钢板", "高性能复合材料", "健康生物科技产业园", "小瓶矿泉水生产", "数控机床制造"},
       {"东阿阿胶股份有限公司", "山东钢球科技有限公司", "聊城精品钢板有限公司", "鲁西轴承制造有限公司",
        "聊城新材料科技有限公司", "山东润德生物科技有限公司", "仁泽复合材料有限公司", "鲁西集团有限公司"},
       {"阿胶", "钢球", "精品钢板", "轴承", "新材料", "生物医药"}},
      {"agriculture",
       {"现代农业产业园", "高标准农田建设", "蔬菜冷链物流中心", "黄河滩区特色种植基地", "智慧渔业养殖",
        "乡村振兴示范区"},
       {"东阿县农业发展集团有限公司", "聊城绿源农业科技有限公司", "山东黄河农业开发有限公司"},
       {"现代农业"}},
      {"service",
       {"商贸物流园", "文旅综合体", "康养中心", "电商产业园", "城市综合体", "鱼山文化旅游区提升"},
       {"东阿县城投发展有限公司", "聊城商贸物流集团有限公司", "山东文旅发展有限公司"},
       {"文旅", "物流"}},
      {"infrastructure",
       {"城区供热管网改造", "污水处理厂提标改造", "城南水厂西线工程", "老旧供水管道改造", "县乡道路改造",
        "黄河生态廊道", "马颊河生态修复及湿地保护", "220千伏输变电工程"},
       {"东阿县水务集团有限公司", "东阿县城市建设投资有限公司", "国网东阿县供电公司", "聊城水务集团有限公司"},
       {""}},
      {"social",
       {"县人民医院综合楼", "中医院门诊楼", "第三实验中学", "保障性租赁住房", "养老服务中心", "全民健身中心"},
       {"东阿县卫生健康局", "东阿县教育和体育局", "东阿县住房保障中心"},
       {""}},
  };
  return kTemplates;
}

const std::vector<std::string> kLevels = {"national", "provincial", "provincial", "city",   "city",
                                          "city",     "county",     "county",     "county", "county"};

Date Clamp(const Date& d, const Date& max) { return d > max ? max : d; }

struct Org {
  std::map<std::string, std::vector<int64_t>> leaders;      // county → person ids
  std::map<std::string, std::vector<int64_t>> departments;  // county → unit ids
  std::map<std::string, std::vector<std::string>> towns;    // county → town codes
};

// The demo's organisation through the services a county office uses, no private path: the regions
// through the setup service (the same calls as gongjian init) — 山东省 and 聊城市 come with the first
// county; each county with its towns and streets and its zone (code suffix 400) — then, through
// OrgService as the system caller, a town unit for each town and zone, the county's departments
// and its leaders (each a journaled write of its own, as POST /units and /people make them).
Result<Org> BuildOrganisation(store::Database& db, DemoSummary& sum, const Date& today,
                              const std::string& now_iso) {
  std::map<std::string, std::vector<access::Region>> towns;  // county → its towns and zone
  {
    auto c = db.Acquire();
    store::Transaction tx(*c);
    for (const auto& county : Counties()) {
      auto created = SetupService::AddDivision(*c, county.code, now_iso);
      if (!created) return created.error();
      for (const auto& r : *created) {
        if (r.level == "town") towns[county.code].push_back(r);
      }
      if (!county.zone.empty()) {
        towns[county.code].push_back({county.code + "400", county.zone, "zone", county.code});
        if (auto st = SetupService::AddCustomRegion(*c, towns[county.code].back(), now_iso); !st)
          return st.error();
      }
      sum.regions += static_cast<int>(created->size() + (county.zone.empty() ? 0 : 1));
    }
    tx.Commit();
  }
  LedgerService ledger(db);
  OrgService service(db, ledger);
  const Ctx ctx(SystemCaller(*ledger.Regions()), today, now_iso);
  Org org;
  Rng rng(7);
  for (const auto& county : Counties()) {
    for (const auto& town : towns[county.code]) {
      auto u = service.AddUnit(ctx, {0, town.name, "town", town.code});
      if (!u) return u.error();
      org.towns[county.code].push_back(town.code);
      ++sum.units;
    }
    for (const auto& dept : kDepartments) {
      auto u = service.AddUnit(ctx, {0, dept, "department", county.code});
      if (!u) return u.error();
      org.departments[county.code].push_back(u->id);
      ++sum.units;
    }
    for (size_t i = 0; i < kLeaderNames.size(); ++i) {
      // 东阿 keeps the fixed names; other counties get generated ones so names stay unique per county.
      std::string name = county.code == "371524" ? kLeaderNames[i].name
                                                 : rng.Pick(kSurnames) + rng.Pick(kGiven) + rng.Pick(kGiven);
      auto p = service.AddPerson(ctx, {0, name, kLeaderNames[i].title, "leader", county.code, std::nullopt});
      if (!p) return p.error();
      org.leaders[county.code].push_back(p->id);
      ++sum.people;
    }
  }
  return org;
}

// A project of the demo's annual list (DemoListYear): its dates lie in that year, none after today.
ledger::Project MakeProject(Rng& rng, const CountySpec& county, const Org& org, int index, const Date& today,
                            const std::string& code_prefix = "") {
  const int year = DemoListYear(today);
  const Template& t = Templates()[rng.Int(0, 99) < 55 ? 0 : rng.Int(1, 4)];
  ledger::Project p;
  char code[32];
  if (code_prefix.empty())
    std::snprintf(code, sizeof code, "%s%d-%03d", county.prefix.c_str(), year, index + 1);
  else std::snprintf(code, sizeof code, "%s-%06d", code_prefix.c_str(), index + 1);
  p.code = code;
  p.year = year;
  p.name = rng.Pick(t.names) + (rng.Int(0, 2) == 0 ? "二期" : "") + "项目";
  p.county_code = county.code;
  p.town_code = rng.Pick(org.towns.at(county.code));
  p.category = t.category;
  p.level = rng.Pick(kLevels);
  p.kind = rng.Int(0, 99) < 60 ? "new" : "continuing";
  p.track = p.kind == "continuing" || rng.Int(0, 99) < 80 ? "implementation" : "preparatory";
  p.builder = rng.Pick(t.builders);
  p.chain = rng.Pick(t.chains);
  p.leader_id = rng.Pick(org.leaders.at(county.code));
  p.unit_id = rng.Pick(org.departments.at(county.code));
  p.specialist = rng.Pick(kSurnames) + rng.Pick(kGiven);
  // Most key projects are 0.5–5 亿元, some 5–15 亿, a few up to 50 亿.
  const int size_roll = rng.Int(0, 99);
  const int64_t total_wan = static_cast<int64_t>(size_roll < 60   ? rng.Int(10, 100)
                                                 : size_roll < 90 ? rng.Int(100, 300)
                                                                  : rng.Int(300, 1000)) *
                            500;
  p.total_investment = total_wan * 10000;
  p.annual_plan = total_wan * rng.Int(20, 60) / 100 * 10000;
  p.land_mu = rng.Int(0, 9) < 2 ? std::nullopt : std::optional<double>(rng.Int(20, 1200) / 2.0);
  p.longitude = county.lon + (rng.Unit() - 0.5) * 0.2;
  p.latitude = county.lat + (rng.Unit() - 0.5) * 0.16;
  p.content = "建设" + p.name.substr(0, p.name.size() - 6) + "，包括主体工程、配套设施及智能化改造。";
  p.national_code = std::to_string(year) + "-" + county.code + "-" + std::to_string(rng.Int(10, 89)) + "-0" +
                    std::to_string(rng.Int(1, 3)) + "-" + std::to_string(100000 + index * 7 + rng.Int(0, 6)) +
                    code_prefix;
  const Date jan1{year, 1, 1};
  if (p.kind == "continuing") {
    p.actual_start = Date{year - rng.Int(1, 2), rng.Int(1, 12), rng.Int(1, 28)};
    p.planned_start = p.actual_start;
    p.planned_completion = Date{year + rng.Int(0, 1), rng.Int(1, 12), 28};
    const int roll = rng.Int(0, 99);
    p.stage = roll < 70 ? "started" : roll < 88 ? "completed" : "operating";
    if (p.stage != "started") p.actual_completion = Clamp(Date{year, rng.Int(1, 10), rng.Int(1, 28)}, today);
  } else {
    // Counties front-load their starts (开门红, 60 % by 06-30): most planned in February–June.
    p.planned_start = Date{year, rng.Int(0, 99) < 75 ? rng.Int(2, 6) : rng.Int(7, 11), rng.Int(1, 28)};
    p.planned_completion = Date{year + rng.Int(1, 2), rng.Int(1, 12), 28};
    const bool started = p.track == "implementation" &&
                         (*p.planned_start <= today ? rng.Int(0, 99) < 85 : rng.Int(0, 99) < 10);
    if (started) {
      p.actual_start = Clamp(p.planned_start->AddDays(rng.Int(-20, 45)), today);
      if (*p.actual_start < jan1) p.actual_start = jan1;
      p.stage = "started";
    } else {
      p.stage = p.track == "preparatory" ? rng.Pick(std::vector<std::string>{"planned", "reserve", "signed"})
                                         : "signed";
    }
  }
  const double progress = p.actual_start ? rng.Int(30, 110) / 100.0 : 0.0;
  p.annual_completed = static_cast<int64_t>(static_cast<double>(*p.annual_plan / 10000) * progress) * 10000;
  return p;
}

// A continuing (续建) project of the demo list was on the previous year's list as new (新开工), with
// figures derived from its own (no draw from the generator: the list's figures stay as they were):
// a plan of 35 % of its total investment, 95 % of it completed.
void PutOnPreviousList(store::Connection& c, const ledger::Project& p) {
  ledger::ProjectYear y;
  y.project_id = p.id;
  y.year = p.year - 1;
  y.kind = "new";
  const int64_t plan_wan = p.total_investment.value_or(0) / 10000 * 35 / 100;
  y.annual_plan = plan_wan * 10000;
  y.annual_completed = plan_wan * 95 / 100 * 10000;
  y.created_at = y.updated_at = p.created_at;
  store::InsertProjectYear(c, y);
  c.Exec("UPDATE projects SET year = ? WHERE id = ?", {int64_t{y.year}, p.id});  // its first list
}

// 阳谷县 keeps the shipped light rules and report policy: its office saves them once, as the
// first-run checklist (上线清单) asks, through the settings' own service call (the other counties'
// rules are the progress demo's). What applies to 阳谷 does not change.
Status ConfirmShippedRules(store::Database& db, const Date& today, const std::string& now_iso) {
  LedgerService ledger(db);
  ProgressService progress(db, ledger);
  const Ctx ctx(SystemCaller(*ledger.Regions()), today, now_iso);
  auto r = progress.PutSettings(ctx, "371521", {{"version", 0}});
  if (!r) return r.error();
  return Ok{};
}

struct DemoUser {
  const char* login;
  const char* name;
  const char* role;
  const char* region;
  bool unit;
};

}  // namespace

Result<DemoSummary> BuildDemo(store::Database& db, const Date& today, const std::string& now_iso,
                              bool organisation_only) {
  store::Migrate(db);
  DemoSummary sum;
  {
    auto c = db.Acquire();
    if (!store::LoadRegions(*c).empty()) {
      return Error::Conflict("the database already has data; the demo needs an empty database");
    }
  }
  auto org = BuildOrganisation(db, sum, today, now_iso);
  if (!org) return org.error();
  {
    auto c = db.Acquire();
    store::Transaction tx(*c);
    for (const auto& [kind, list] : ledger::DefaultDictionaries()) store::ReplaceDictionary(*c, kind, list);
    Rng rng(20260101);
    for (const auto& county : Counties()) {
      for (int i = 0; i < (organisation_only ? 0 : county.projects); ++i) {
        ledger::Project p = MakeProject(rng, county, *org, i, today);
        p.created_at = p.updated_at = now_iso;
        p.id = store::InsertProject(*c, p);
        store::WriteJournal(*c, "project", p.id, "create", std::nullopt, now_iso, ledger::CreationChanges(p));
        if (p.kind == "continuing") PutOnPreviousList(*c, p);
        ++sum.projects;
      }
    }
    tx.Commit();
  }
  AuthService auth(db);
  auto c = db.Acquire();
  const int64_t industry_unit =
      store::FindUnitId(*c, access::ReadScope::System(), "371524", "工业和信息化局").value();
  const int64_t leader_person =
      store::FindPersonId(*c, access::ReadScope::System(), "371524", "王海涛").value();
  const std::vector<DemoUser> users = {
      {"admin", "系统管理员", "admin", "371500", false},
      {"lcxmb", "聊城市项目办", "coordinator", "371500", false},
      {"dongezb", "东阿县项目办", "coordinator", "371524", false},
      {"guanxmb", "冠县项目办", "coordinator", "371525", false},
      {"leader", "王海涛", "leader", "371524", false},
      {"unit", "东阿县工信局", "unit", "371524", true},
      {"viewer", "东阿县观察员", "viewer", "371524", false},
  };
  for (const auto& u : users) {
    // The leader account is 王海涛's: "my projects" are those he is assigned to (包保).
    NewUser nu{u.login,
               u.name,
               "demo1234",
               u.role,
               u.region,
               u.unit ? std::optional<int64_t>(industry_unit) : std::nullopt,
               std::string(u.role) == "leader" ? std::optional<int64_t>(leader_person) : std::nullopt,
               /*must_change_password=*/false,
               /*demo_password=*/true};
    auto r = auth.AddUser(nu, now_iso);
    if (!r) return r.error();
    ++sum.users;
  }
  if (organisation_only) return sum;
  if (auto sup = BuildSupervisionDemo(db, today, now_iso); !sup) return sup.error();
  if (auto st = BuildProgressDemo(db, today, now_iso); !st) return st.error();
  if (auto st = ConfirmShippedRules(db, today, now_iso); !st) return st.error();
  if (auto st = BuildLandEfficiencyDemo(db, today, now_iso); !st) return st.error();
  if (auto st = BuildEnterpriseDemo(db, today, now_iso); !st) return st.error();
  if (auto st = BuildAssessmentDemo(db, today, now_iso); !st) return st.error();
  if (auto st = BuildAttractionDemo(db, today, now_iso); !st) return st.error();
  if (auto st = BuildEventsDemo(db, today, now_iso); !st) return st.error();
  if (auto st = BuildChainsDemo(db, today, now_iso); !st) return st.error();  // 链长制
  if (auto st = BuildTargetDemo(db, today, now_iso); !st) return st.error();  // 到位资金、“420”
  sum.users += 3;                                                             // the judges
  if (auto st = BuildChainRankingDemo(db, today, now_iso); !st) return st.error();
  return sum;
}

Result<int> GenerateProjects(store::Database& db, int count, const Date& today, const std::string& now_iso) {
  auto c = db.Acquire();
  // Rebuild the organisation index from what the demo stored.
  Org org;
  const access::RegionTree tree(store::LoadRegions(*c));
  for (const auto& county : Counties()) {
    for (const auto& town : store::ChildRegions(*c, county.code)) org.towns[county.code].push_back(town.code);
    // The county's own departments and leaders (its towns' are not drawn).
    const auto in_county = access::ReadScope::All().Within(county.code, tree);
    for (const auto& u : store::ListUnits(*c, in_county)) {
      if (u.kind == "department" && u.region_code == county.code)
        org.departments[county.code].push_back(u.id);
    }
    for (const auto& p : store::ListPeople(*c, in_county, "leader")) {
      if (p.region_code == county.code) org.leaders[county.code].push_back(p.id);
    }
    if (org.towns[county.code].empty() || org.departments[county.code].empty() ||
        org.leaders[county.code].empty()) {
      return Error::Conflict("the database lacks the demo organisation: run `gongjian demo` first");
    }
  }
  Rng rng(99);
  store::BulkScope bulk(*c);
  store::Transaction tx(*c);
  for (int i = 0; i < count; ++i) {
    const auto& county = Counties()[static_cast<size_t>(i) % Counties().size()];
    ledger::Project p = MakeProject(rng, county, org, i, today, "BN");
    p.created_at = p.updated_at = now_iso;
    p.id = store::InsertProject(*c, p, /*bump_version=*/false);
    store::WriteJournalText(*c, "project", p.id, "create", std::nullopt, now_iso,
                            ledger::CreationChangesText(p));
  }
  store::BumpProjectsVersion(*c);
  tx.Commit();
  store::Analyze(*c);
  return count;
}

}  // namespace gj::service

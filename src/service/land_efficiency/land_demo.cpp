#include "service/land_efficiency/land_demo.h"

#include <cstdio>
#include <random>
#include <set>

#include "domain/land_efficiency/credit_code.h"
#include "service/land_efficiency/land_service.h"
#include "service/ledger/ledger_service.h"
#include "store/account_store.h"

namespace gj::service {

namespace {

// Integer-only draws from mt19937 so the demo is the same with every standard library.
class Draw {
 public:
  explicit Draw(uint32_t seed) : gen_(seed) {}
  double Uniform(double lo, double hi) { return lo + (hi - lo) * (gen_() / 4294967296.0); }
  int Int(int lo, int hi) { return lo + static_cast<int>(gen_() % static_cast<uint32_t>(hi - lo + 1)); }
  bool Chance(double p) { return Uniform(0, 1) < p; }
  template <class T>
  const T& Pick(const std::vector<T>& v) {
    return v[gen_() % v.size()];
  }

 private:
  std::mt19937 gen_;
};

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string CreditCode(Draw& d) {
  static const std::string kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::string code = "91371524";
  for (int i = 0; i < 9; ++i) code += kAlphabet[d.Int(0, 30)];
  return code + *land::CreditCodeCheckChar(code);
}

}  // namespace

std::string LandDemoCsv(int count) {
  const std::vector<std::string> towns = {"铜城街道", "新城街道", "刘集镇",        "牛角店镇",
                                          "大桥镇",   "高集镇",   "姜楼镇",        "姚寨镇",
                                          "鱼山镇",   "陈集镇",   "东阿经济开发区"};
  const std::vector<std::string> places = {"东阿", "聊城", "山东", "鲁西", "阿城", "黄河", "鱼山", "铜城"};
  const std::vector<std::pair<std::string, std::string>> trades = {
      {"阿胶", "2740"}, {"钢球", "3311"},     {"轴承", "3451"}, {"精密机械", "3489"}, {"新材料", "2659"},
      {"化工", "2614"}, {"纺织", "1713"},     {"食品", "1495"}, {"汽车配件", "3670"}, {"包装", "2231"},
      {"建材", "3021"}, {"生物科技", "2761"}, {"医药", "2720"}, {"环保设备", "3591"}, {"铸造", "3391"},
      {"钢板", "3130"}, {"木业", "2032"},     {"农机", "3571"}};
  const std::vector<std::string> suffixes = {"有限公司", "科技有限公司", "股份有限公司", "制造有限公司",
                                             "实业有限公司"};
  const std::vector<std::pair<std::string, std::string>> utilities = {
      {"东阿县热电有限公司", "4430"}, {"东阿县燃气有限公司", "4500"}, {"东阿县自来水有限公司", "4610"}};
  Draw d(4020);
  std::string csv =
      "统一社会信用代码,企业名称,县区,镇街,行业代码,是否规上,用地面积(亩),税收(万元),营业收入(万元),工业增加值(万元),"
      "综合能耗(吨标煤),排放当量(吨),研发经费(万元),年平均职工人数,用电量(千瓦时),加分,减分,一票否决,不定等级\n";
  std::set<std::string> names, codes;
  for (int i = 0; i < count; ++i) {
    std::string code;
    do code = CreditCode(d);
    while (!codes.insert(code).second);
    const bool utility = i < static_cast<int>(utilities.size());
    std::string name, industry;
    if (utility) {
      name = utilities[i].first;
      industry = utilities[i].second;
    } else {
      const auto& trade = d.Pick(trades);
      industry = trade.second;
      do name = d.Pick(places) + d.Pick(places).substr(0, 3) + trade.first + d.Pick(suffixes);
      while (!names.insert(name).second);
    }
    const bool above = utility || d.Chance(0.55);
    const bool tiny = !above && d.Chance(0.08);  // under 5 mu: not evaluated
    const double land = tiny ? d.Uniform(1.5, 4.8) : above ? d.Uniform(25, 420) : d.Uniform(5, 60);
    const double tax_per_mu = d.Uniform(0.3, 1) * d.Uniform(0.5, 1) * (above ? 28 : 14);
    const double tax = d.Chance(0.03) ? -d.Uniform(5, 40) : tax_per_mu * land;
    const double revenue = std::max(tax, 1.0) * d.Uniform(12, 45);
    auto opt = [&](bool has, double v, int dec) { return has ? Fixed(v, dec) : std::string(); };
    const bool full = above || d.Chance(0.4);
    const double energy = revenue / d.Uniform(1.5, 25);
    std::string row =
        code + "," + name + ",东阿县," + d.Pick(towns) + "," + industry + "," + (above ? "是" : "否") + "," +
        Fixed(land, 2) + "," + Fixed(tax, 2) + "," + Fixed(revenue, 2) + "," +
        opt(full, revenue * d.Uniform(0.18, 0.32), 2) + "," + opt(full, energy, 1) + "," +
        opt(full && d.Chance(0.95), revenue / d.Uniform(150, 2500), 2) + "," +
        opt(full, revenue * d.Uniform(0, 0.045), 2) + "," + opt(full, land * d.Uniform(0.4, 3), 0) + "," +
        Fixed(energy * d.Uniform(2500, 4000), 0) + "," + (d.Chance(0.05) ? "2" : "") + "," +
        (d.Chance(0.04) ? "3" : "") + "," + (i == 20 || i == 57 || i == 133 ? "是" : "否") + "," +
        (i == 31 || i == 88 || i == 150 || i == 171 ? "是" : "否") + "\n";
    csv += row;
  }
  return csv;
}

Status BuildLandEfficiencyDemo(store::Database& db, const Date& today, const std::string& now_iso) {
  LedgerService ledger(db);
  LandService land(db, ledger);
  access::Caller caller;
  {
    auto c = db.Acquire();
    auto account = store::LoadAccountByLogin(*c, "dongezb");
    caller.user_id = account ? account->id : 0;
  }
  caller.login = "dongezb";
  caller.grants.push_back({"coordinator", "371524", std::nullopt});
  // Published two days ago: the appeal window is open.
  const Ctx ctx(std::move(caller), today.AddDays(-2), now_iso);
  const int year = today.year - 1;
  const std::string county = "371524";
  auto check = [](const auto& r) -> Status {
    if (!r) return r.error();
    return Ok{};
  };
  if (auto st = check(land.Import(ctx, county, year, LandDemoCsv(), false)); !st) return st;
  if (auto st =
          check(land.DataActionAll(ctx, {{"county_code", county}, {"year", year}, {"action", "review"}}));
      !st)
    return st;
  if (auto st =
          check(land.DataActionAll(ctx, {{"county_code", county}, {"year", year}, {"action", "confirm"}}));
      !st)
    return st;
  if (auto st = check(land.PutPolicies(
          ctx, county,
          {{"version", 0},
           {"classes",
            {{{"class", "A"},
              {"land_mu", 20},
              {"energy_tce", 500},
              {"emission_t", 5},
              {"note", "优先供地、用能指标倾斜"}},
             {{"class", "B"}, {"land_mu", 5}, {"energy_tce", 100}, {"emission_t", 1}, {"note", "鼓励提升"}},
             {{"class", "C"},
              {"land_mu", 0},
              {"energy_tce", -50},
              {"emission_t", -0.5},
              {"note", "帮扶转型，限制新增"}},
             {{"class", "D"},
              {"land_mu", 0},
              {"energy_tce", -200},
              {"emission_t", -2},
              {"note", "倒逼整治，差别化电价"}}}}}));
      !st)
    return st;
  auto run = land.Run(ctx, {{"county_code", county}, {"year", year}});
  if (!run) return run.error();
  const int64_t id = run->run.row.id;
  // One upgrade by the county (调档) and one appeal, as officials do.
  std::string c_code, d_code;
  for (const auto& r : run->results) {
    if (r.computed_class == "C" && c_code.empty()) c_code = r.enterprise->credit_code;
    if (r.computed_class == "D" && r.result->status == land::EnterpriseStatus::kClassed && d_code.empty())
      d_code = r.enterprise->credit_code;
  }
  int64_t version = run->run.row.version;
  auto step = [&](nlohmann::json body) -> Status {
    body["version"] = version;
    auto r = land.RunAction(ctx, id, body);
    if (!r) return r.error();
    version = r->run.row.version;
    return Ok{};
  };
  if (!c_code.empty()) {
    if (auto st = step({{"action", "adjust"},
                        {"credit_code", c_code},
                        {"class", "B"},
                        {"reason", "新上智能化生产线已投产，经县工信局核实产能提升"}});
        !st)
      return st;
  }
  if (auto st = step({{"action", "preliminary"}}); !st) return st;
  if (auto st = step({{"action", "publish"}, {"published_on", ctx.today.ToString()}}); !st) return st;
  if (!d_code.empty()) {
    if (auto st = step({{"action", "appeal"},
                        {"credit_code", d_code},
                        {"reason", "企业称用地面积含代征道路，申请核减后重新计算"}});
        !st)
      return st;
  }
  return Ok{};
}

}  // namespace gj::service

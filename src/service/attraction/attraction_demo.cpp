#include "service/attraction/attraction_demo.h"

#include <vector>

#include "domain/attraction/pipeline.h"
#include "service/attraction/attraction_service.h"
#include "service/ledger/ledger_sheet_service.h"
#include "store/org_store.h"

namespace gj::service {

namespace {

struct DemoLead {
  const char* county;
  const char* title;
  const char* investor;
  const char* source_region;
  const char* industry;
  int64_t wan;         // expected investment, 万元
  int64_t usd_wan;     // foreign capital, 万美元
  const char* leader;  // a county leader of the demo
  // Days before today of each pipeline step reached (lead first); 0 ends the list.
  std::vector<int> days;
  const char* pause_reason = nullptr;  // paused (after the last step) with this reason
  const char* end_reason = nullptr;    // ended (after the last step) with this reason
};

const std::vector<DemoLead>& Leads() {
  static const std::vector<DemoLead> kLeads = {
      {"371524",
       "阿胶产业园阿胶糕深加工项目",
       "山东福胶集团有限公司",
       "山东省济南市",
       "阿胶",
       52000,
       0,
       "王海涛",
       {160, 140, 110, 95, 80, 20}},
      {"371524",
       "阿胶原料驴养殖基地项目",
       "内蒙古草原驴业有限公司",
       "内蒙古自治区赤峰市",
       "阿胶",
       8500,
       0,
       "赵志刚",
       {150, 120, 90, 70, 50}},
      {"371524",
       "阿胶文旅康养综合体项目",
       "北京康养文旅投资有限公司",
       "北京市",
       "阿胶",
       120000,
       0,
       "王海涛",
       {130, 100, 60}},
      {"371524",
       "高精度钢球智能制造项目",
       "宁波精工钢球有限公司",
       "浙江省宁波市",
       "钢球",
       35000,
       0,
       "陈晓峰",
       {155, 125, 100, 85, 60}},
      {"371524",
       "陶瓷球及混合轴承用球项目",
       "日本精密球株式会社",
       "日本大阪府",
       "钢球",
       6500,
       1500,
       "陈晓峰",
       {140, 110, 75, 60}},
      {"371524",
       "钢球热处理共享中心项目",
       "东阿县钢球协会会员企业联合体",
       "山东省聊城市",
       "钢球",
       8000,
       0,
       "孙丽华",
       {90, 60}},
      {"371524",
       "新能源汽车轮毂轴承项目",
       "万向钱潮股份有限公司",
       "浙江省杭州市",
       "轴承",
       150000,
       0,
       "王海涛",
       {158, 130, 105, 90, 70, 15}},
      {"371524",
       "风电主轴轴承项目",
       "洛阳轴研科技有限公司",
       "河南省洛阳市",
       "轴承",
       98000,
       0,
       "赵志刚",
       {120, 90, 55},
       "土地指标待调整"},
      {"371524",
       "精密保持架配套项目",
       "无锡保持架制造有限公司",
       "江苏省无锡市",
       "轴承",
       6000,
       0,
       "孙丽华",
       {70, 40}},
      {"371524",
       "精品钢板深加工项目",
       "日照钢铁控股集团有限公司",
       "山东省日照市",
       "精品钢板",
       210000,
       0,
       "王海涛",
       {150, 118, 88, 74, 45}},
      {"371524",
       "汽车用冷轧精品板材项目",
       "韩国浦项制铁株式会社",
       "韩国庆尚北道浦项市",
       "精品钢板",
       86000,
       3000,
       "陈晓峰",
       {145, 100},
       nullptr,
       "投资方调整海外布局"},
      {"371524", "彩涂板生产线项目", "天津彩钢板材有限公司", "天津市", "精品钢板", 12000, 0, "孙丽华", {45}},
      {"371524",
       "阿胶产业链数字化平台项目",
       "杭州数链科技有限公司",
       "浙江省杭州市",
       "阿胶",
       3000,
       0,
       "赵志刚",
       {25}},
      {"371525",
       "冠县钢球配套园项目",
       "临清轴承钢球有限公司",
       "山东省临清市",
       "钢球",
       40000,
       0,
       "",
       {140, 110, 80, 65}},
      {"371525",
       "冠县灵芝精深加工项目",
       "浙江寿仙谷医药股份有限公司",
       "浙江省金华市",
       "灵芝",
       15000,
       0,
       "",
       {100, 70}},
      {"371525",
       "冠县板材物流园项目",
       "山东物流集团有限公司",
       "山东省济南市",
       "精品钢板",
       22000,
       0,
       "",
       {60}},
  };
  return kLeads;
}

}  // namespace

Status BuildAttractionDemo(store::Database& db, const Date& today, const std::string& now_iso) {
  LedgerService ledger(db);
  AttractionService svc(db, ledger);
  const auto tree = ledger.Regions();
  // The demo writes as the attraction office would: a coordinator over every region.
  access::Caller office = SystemCaller(*tree);
  for (auto& g : office.grants) g.role = "coordinator";
  Ctx ctx(office, today, now_iso);
  int n = 0;
  for (const auto& d : Leads()) {
    std::optional<int64_t> leader;
    std::optional<int64_t> officer;
    {
      auto c = db.Acquire();
      if (*d.leader) leader = store::FindPersonId(*c, access::ReadScope::System(), d.county, d.leader);
      const auto people =
          store::ListPeople(*c, access::ReadScope::All().Within(d.county, *tree), "specialist");
      if (!people.empty()) officer = people[static_cast<size_t>(n) % people.size()].id;
    }
    nlohmann::json body = {{"title", d.title},
                           {"region_code", d.county},
                           {"investor_name", d.investor},
                           {"source_region", d.source_region},
                           {"industry", d.industry},
                           {"expected_investment", d.wan * 10000},
                           {"expected_investment_usd", d.usd_wan * 10000},
                           {"created_on", today.AddDays(-d.days.front()).ToString()}};
    if (leader) body["leader_id"] = *leader;
    if (officer) body["officer_id"] = *officer;
    auto lead = svc.CreateLead(ctx, body);
    if (!lead) return lead.error();
    const int64_t id = lead->lead.id;
    int64_t version = lead->lead.version;
    for (size_t i = 1; i < d.days.size(); ++i) {
      const std::string step = attraction::kPipelineSteps[i];
      nlohmann::json s = {
          {"version", version}, {"step", step}, {"dated_on", today.AddDays(-d.days[i]).ToString()}};
      if (step == "signed")
        s["contract_no"] = "DEZS-" + std::to_string(today.year) + "-" + std::to_string(100 + n);
      if (step == "registered") s["note"] = "完成工商注册";
      auto r = svc.AddStep(ctx, id, s);
      if (!r) return r.error();
      version = r->lead.version;
    }
    const Date last = today.AddDays(-d.days.back());
    if (d.pause_reason) {
      auto r = svc.Pause(
          ctx, id,
          {{"version", version}, {"dated_on", last.AddDays(10).ToString()}, {"reason", d.pause_reason}});
      if (!r) return r.error();
      version = r->lead.version;
    }
    if (d.end_reason) {
      auto r = svc.End(
          ctx, id,
          {{"version", version}, {"dated_on", last.AddDays(20).ToString()}, {"reason", d.end_reason}});
      if (!r) return r.error();
    }
    // Funds in place: every month from the signing month to today's, growing with the step reached.
    if (d.days.size() > 2 && !d.end_reason) {
      Date month = today.AddDays(-d.days[2]);
      month.day = 1;
      int k = 0;
      while (attraction::MonthOf(month) <= attraction::MonthOf(today)) {
        const int64_t base = d.wan * 10000 / 40;
        nlohmann::json f = {{"month", attraction::MonthOf(month)},
                            {"fixed_assets", base * (k % 3 + 1)},
                            {"working_capital", base / 4},
                            {"source_region", d.source_region},
                            {"evidence", "银行进账单"}};
        if (d.usd_wan > 0) f["foreign_usd"] = d.usd_wan * 10000 / 10;
        auto r = svc.AddFunds(ctx, id, f);
        if (!r) return r.error();
        ++k;
        month.month += 1;
        if (month.month > 12) {
          month.month = 1;
          ++month.year;
        }
      }
    }
    ++n;
  }
  return Ok{};
}

}  // namespace gj::service

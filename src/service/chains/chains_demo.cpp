#include "service/chains/chains_demo.h"

#include <cstdio>

#include "domain/land_efficiency/credit_code.h"
#include "domain/supervision/report.h"
#include "store/chain_store.h"
#include "store/journal.h"
#include "store/org_store.h"

namespace gj::service {

namespace {

struct LinkSpec {
  const char* stage;
  const char* name;
  std::vector<std::pair<const char*, bool>> enterprises;  // name, 链主
  std::vector<std::string> gaps;
};

struct ChainSpec {
  const char* county;
  const char* name;
  int chief, leader, head;  // indexes into the county's leaders (0 县委书记, 1 县长, …)
  std::vector<LinkSpec> links;
};

const std::vector<ChainSpec>& Specs() {
  static const std::vector<ChainSpec> kSpecs = {
      {"371524",
       "阿胶",
       0,
       2,
       2,
       {{"upstream", "毛驴养殖", {{"东阿县黑毛驴养殖有限公司", false}}, {"规模化黑毛驴繁育基地"}},
        {"upstream", "中药材种植", {}, {"道地药材标准化种植"}},
        {"midstream", "阿胶生产", {{"东阿阿胶股份有限公司", true}, {"东汝阿胶制药有限公司", false}}, {}},
        {"downstream", "阿胶健康食品", {{"山东润德生物科技有限公司", false}}, {"功能性食品研发"}},
        {"downstream", "康养文旅", {}, {"阿胶文化体验综合体"}}}},
      {"371524",
       "钢球",
       1,
       3,
       3,
       {{"upstream", "轴承钢材", {{"聊城精品钢板有限公司", false}}, {"高碳铬轴承钢"}},
        {"midstream", "精密钢球", {{"山东钢球科技有限公司", true}}, {}},
        {"downstream", "轴承与汽车零部件", {{"鲁西轴承制造有限公司", false}}, {"新能源汽车配套"}}}},
      {"371524",
       "轴承",
       1,
       4,
       4,
       {{"upstream", "钢球与保持架", {{"山东钢球科技有限公司", false}}, {}},
        {"midstream", "轴承制造", {{"鲁西轴承制造有限公司", true}}, {"风电轴承"}},
        {"downstream", "装备配套", {}, {"工程机械主机厂"}}}},
      {"371524",
       "精品钢板",
       0,
       5,
       5,
       {{"upstream", "热轧基板", {}, {"优质热轧卷板"}},
        {"midstream", "冷轧与镀层", {{"聊城精品钢板有限公司", true}}, {}},
        {"downstream", "家电与建材用板", {}, {"彩涂板深加工"}}}},
      {"371524",
       "新材料",
       1,
       6,
       6,
       {{"midstream", "复合材料", {{"仁泽复合材料有限公司", true}, {"聊城新材料科技有限公司", false}}, {}},
        {"downstream", "应用制品", {}, {"汽车轻量化部件"}}}},
      {"371524",
       "生物医药",
       0,
       7,
       7,
       {{"upstream", "医药中间体", {{"山东润德生物科技有限公司", true}}, {}},
        {"midstream", "中成药", {}, {"中药配方颗粒"}}}},
      {"371524",
       "文旅",
       1,
       3,
       6,
       {{"midstream", "景区运营", {{"山东文旅发展有限公司", true}}, {"鱼山文化旅游区提升"}}}},
      {"371525",
       "精品钢板",
       0,
       2,
       2,
       {{"midstream", "冷轧与镀层", {{"冠县精品钢板有限公司", true}}, {"高端镀铝锌钢板"}},
        {"downstream", "装备制造", {}, {"钢结构建筑"}}}},
      {"371525", "新材料", 1, 3, 3, {{"midstream", "复合材料", {}, {"碳纤维制品"}}}},
  };
  return kSpecs;
}

// A valid 统一社会信用代码 for the demo's n-th enterprise (GB 32100-2015 check character).
std::string DemoCreditCode(const std::string& county, int n) {
  char body[32];
  std::snprintf(body, sizeof body, "91%sMA%07d", county.c_str(), n);
  std::string code(body);
  code.resize(17);
  return code + *land::CreditCodeCheckChar(code);
}

}  // namespace

Status BuildChainsDemo(store::Database& db, const Date& today, const std::string& now_iso) {
  auto c = db.Acquire();
  store::Transaction tx(*c);
  const Date since = today.AddDays(-56);
  const std::string created = since.ToString() + "T00:00:00Z";
  supervision::ReportPolicy weekly;
  int enterprise_no = 0;
  std::map<std::string, std::string> codes;  // enterprise name → its code (one code per name)
  int chain_no = 0;
  for (const auto& spec : Specs()) {
    const std::string county = spec.county;
    const auto leaders = store::ListPeople(*c, access::ReadScope::All(), "leader");
    std::vector<int64_t> ids;
    for (const auto& p : leaders)
      if (p.region_code == county) ids.push_back(p.id);
    if (ids.size() < 8) return Error::Conflict("the chains demo needs the demo's leaders");
    store::Chain ch;
    ch.region_code = county;
    ch.name = spec.name;
    ch.chief_leader_id = ids[spec.chief];
    ch.leader_id = ids[spec.leader];
    ch.head_id = ids[spec.head];
    ch.sort = chain_no;
    ch.created_at = created;
    ch.updated_at = now_iso;
    auto unit = [&](const char* name) {
      return store::FindUnitId(*c, access::ReadScope::System(), county, name);
    };
    ch.members = {{"task_force", unit("工业和信息化局"), std::nullopt, "牵头单位"},
                  {"task_force", unit("商务局"), std::nullopt, "招商"},
                  {"task_force", std::nullopt, ids[spec.head], "班长"},
                  {"support", unit("自然资源和规划局"), std::nullopt, "用地保障"},
                  {"support", unit("行政审批服务局"), std::nullopt, "审批服务"},
                  {"support", unit("财政局"), std::nullopt, "资金保障"}};
    for (const auto& l : spec.links) {
      store::ChainLink link;
      link.stage = l.stage;
      link.name = l.name;
      link.gaps = l.gaps;
      for (const auto& [name, anchor] : l.enterprises) {
        auto [it, added] = codes.emplace(name, "");
        if (added) it->second = DemoCreditCode(county, ++enterprise_no);
        link.enterprises.push_back({it->second, name, anchor});
      }
      ch.links.push_back(std::move(link));
    }
    ch.id = store::InsertChain(*c, ch);
    store::WriteJournal(*c, "chain", ch.id, "create", std::nullopt, now_iso,
                        nlohmann::json::array({{{"field", "name"}, {"old", nullptr}, {"new", ch.name}}}));
    // Weekly reports of the last eight finished weeks: most on time, the third late, the sixth missing
    // (and for every third chain also the second: a chain that reports badly).
    int week_no = 0;
    for (auto p = supervision::PeriodOf(since, weekly); p.due < today;
         p = supervision::Next(p, weekly), ++week_no) {
      if (week_no == 5 || (chain_no % 3 == 2 && week_no == 1)) continue;
      store::ChainReport r;
      r.chain_id = ch.id;
      r.week = p.key;
      r.filed_on = week_no == 2 ? p.due.AddDays(2) : p.end.AddDays(-2);
      r.author_id = ch.head_id;
      r.progress = std::string(spec.name) + "链本周：走访链上企业，推进重点项目建设，协调要素保障。";
      r.problems = week_no % 2 ? "部分项目用地指标待落实" : "";
      r.next_steps = "继续开展巡链诊链，跟进签约项目落地。";
      r.created_at = r.updated_at = r.filed_on.ToString() + "T09:00:00Z";
      store::InsertChainReport(*c, r);
    }
    // Visits: the 链长 every other week, to an enterprise of the map.
    for (int k = 0; k < 4; ++k) {
      store::ChainVisit v;
      v.chain_id = ch.id;
      v.visited_on = today.AddDays(-7 - 14 * k);
      v.leader_id = k % 2 ? *ch.head_id : *ch.leader_id;
      for (const auto& l : ch.links) {
        if (!l.enterprises.empty()) {
          v.credit_code = l.enterprises.front().credit_code;
          v.enterprise_name = l.enterprises.front().name;
          break;
        }
      }
      if (v.enterprise_name.empty()) v.enterprise_name = std::string(spec.name) + "链重点项目现场";
      v.findings = k == 0 ? "企业反映融资难，已协调金融机构对接" : "生产经营正常，新建车间按计划推进";
      v.created_at = now_iso;
      store::InsertChainVisit(*c, v);
    }
    ++chain_no;
  }
  // The attraction demo's leads (built before the chains) name their industry as the chains do
  // (阿胶, 钢球 …): each joins its county's chain of that name, so chain pages list their leads and
  // count those signed. Seed data of a new database, as the inserts above: not a user's edit.
  c->Exec(
      "UPDATE leads SET chain_id = (SELECT ch.id FROM chains ch WHERE ch.region_code = leads.region_code "
      "AND ch.name = leads.industry) WHERE chain_id IS NULL");
  tx.Commit();
  return Ok{};
}

}  // namespace gj::service

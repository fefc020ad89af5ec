#include "service/targets/target_demo.h"

#include "store/journal.h"
#include "store/progress_store.h"
#include "store/target_part_store.h"

namespace gj::service {

namespace {

constexpr const char* kDongE = "371524";

targets::Target Yearly(const std::string& name, const std::string& metric, double threshold, int year) {
  targets::Target t;
  t.name = name;
  t.region = kDongE;
  t.metric = metric;
  t.comparator = ">=";
  t.threshold = threshold;
  t.deadline = Date{year, 12, 31};
  return t;
}

targets::Part PartOf(const char* name, const char* metric, std::vector<std::string> categories = {}) {
  targets::Part p;
  p.name = name;
  p.metric = metric;
  p.goal = 20;
  p.categories = std::move(categories);
  return p;
}

}  // namespace

Status BuildTargetDemo(store::Database& db, const Date& today, const std::string& now_iso) {
  const int year = today.year;
  std::vector<targets::Target> all = {
      Yearly("到位资金 40 亿元", "funds_in_place", 4'000'000'000.0, year),
      Yearly("到位外资 1,000 万美元", "funds_in_place_usd", 10'000'000.0, year),
      Yearly("“420”工程", "composite", 4, year),
  };
  // 东阿's "420": 20 industrial key projects started, 20 backbone enterprises developing well, 20
  // intended projects signed and landed, 20 agricultural, service and infrastructure projects started.
  all[2].parts = {
      PartOf("工业重点项目开工", "projects_started", {"industrial"}),
      PartOf("骨干企业发展良好", "backbone_growing"),
      PartOf("意向项目签约落地", "leads_landed"),
      PartOf("农业、服务业、基础设施项目开工", "projects_started",
             {"agriculture", "service", "infrastructure"}),
  };
  auto c = db.Acquire();
  store::Transaction tx(*c);
  for (auto& t : all) {
    if (auto pr = targets::Validate(t); !pr.empty()) return pr.ToError("demo target " + t.name);
    t.id = store::InsertTarget(*c, t, now_iso);
    store::ReplaceTargetParts(*c, t.id, t.parts);
    auto created = targets::ToJson(t);
    if (!t.parts.empty()) created["parts"] = targets::PartsToJson(t.parts);
    store::WriteJournal(*c, "target", t.id, "create", std::nullopt, now_iso,
                        nlohmann::json::array({{{"field", "target"}, {"old", nullptr}, {"new", created}}}));
  }
  tx.Commit();
  return Ok{};
}

}  // namespace gj::service

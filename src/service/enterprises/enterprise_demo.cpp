#include "service/enterprises/enterprise_demo.h"

#include <algorithm>
#include <cmath>

#include "domain/enterprises/credit_code.h"
#include "domain/enterprises/registry.h"
#include "store/enterprise_store.h"
#include "store/journal.h"
#include "store/project_store.h"
#include "store/row.h"

namespace gj::service {

namespace {

constexpr int kBackboneCount = 8;     // of 东阿县's above-scale enterprises
constexpr int kBuilderProjects = 12;  // 东阿县 demo projects naming their builder by code

std::string WithCheck(const std::string& first17) {
  return first17 + *enterprises::CreditCodeCheckChar(first17);
}

int64_t Yuan(double wan) { return static_cast<int64_t>(std::llround(wan * 10000.0)); }

}  // namespace

Status BuildEnterpriseDemo(store::Database& db, const Date& today, const std::string& now_iso) {
  auto c = db.Acquire();
  store::Transaction tx(*c);
  const int year = today.year - 1;  // the land demo's data year
  // 东阿县's enterprises with their figures of the land data year, largest revenue first.
  struct Figures {
    store::EnterpriseRecord e;
    double revenue = 0, tax = 0;
  };
  std::vector<Figures> above;
  store::EnterpriseFilter all{access::ReadScope::All(), "", "", std::nullopt, 0, 0};
  std::vector<store::EnterpriseRecord> dong_e;
  for (auto& e : store::ListEnterprises(*c, all).items) {
    if (e.county_code == "371524") dong_e.push_back(e);
  }
  for (const auto& e : dong_e) {
    if (!e.above_scale) continue;
    auto f = store::ReadOne(*c, "SELECT revenue, tax FROM le_data WHERE enterprise_id = ? AND year = ?",
                            {e.id, int64_t{year}}, [](store::RowReader& r) {
                              return std::pair{r.Double("revenue"), r.Double("tax")};
                            });
    if (f && f->first > 0) above.push_back({e, f->first, f->second});
  }
  std::sort(above.begin(), above.end(),
            [](const Figures& a, const Figures& b) { return a.revenue > b.revenue; });
  // 骨干企业: the largest, each with this year's figures (from its land data, in yuan) and last
  // year's drawn so that most grew and two did not (a tax dip, a revenue dip).
  for (int i = 0; i < kBackboneCount && i < static_cast<int>(above.size()); ++i) {
    auto next = above[i].e;
    next.tags = enterprises::JoinTags({enterprises::kBackbone, i % 3 == 0 ? "hi_tech" : ""});
    next.updated_at = now_iso;
    if (auto st = store::UpdateEnterprise(*c, next, above[i].e.version); !st) return st.error();
    store::WriteJournal(*c, "enterprise", next.id, "update", std::nullopt, now_iso,
                        store::JournalDiff(store::EnterpriseJournalFields(), above[i].e, next));
    const double revenue_factor = i == 5 ? 1.06 : 0.88 + 0.015 * i;  // last year's share of this year's
    const double tax_factor = i == 6 ? 1.10 : 0.90 + 0.01 * i;
    store::InsertEnterpriseYear(*c, {0, next.id, year, Yuan(above[i].revenue), Yuan(above[i].tax), 1},
                                now_iso);
    store::InsertEnterpriseYear(
        *c,
        {0, next.id, year - 1, Yuan(above[i].revenue * revenue_factor), Yuan(above[i].tax * tax_factor), 1},
        now_iso);
  }
  // 冠县: a few registrations of its own (not in its land evaluation yet), one of them backbone.
  const struct {
    const char* body17;
    const char* name;
    const char* town;
    const char* industry;
    const char* tags;
  } kGuan[] = {
      {"91371525MA3D00101", "冠县鲁西钢板有限公司", "烟庄街道", "3130", "backbone"},
      {"91371525MA3D00102", "冠县新材料科技有限公司", "清泉街道", "2659", ""},
      {"91371525MA3D00103", "冠县农产品加工有限公司", "崇文街道", "1495", ""},
  };
  for (const auto& g : kGuan) {
    store::EnterpriseRecord e;
    e.credit_code = WithCheck(g.body17);
    if (store::EnterpriseExists(*c, e.credit_code)) continue;
    e.name = g.name;
    e.county_code = "371525";
    e.town = g.town;
    e.industry_code = g.industry;
    e.above_scale = true;
    e.tags = g.tags;
    e.updated_at = now_iso;
    e.id = store::InsertEnterprise(*c, e);
    store::WriteJournal(*c, "enterprise", e.id, "create", std::nullopt, now_iso,
                        store::JournalDiff(store::EnterpriseJournalFields(), store::EnterpriseRecord{}, e));
  }
  // Builders: the first 东阿县 projects (by code) are built by registry enterprises, the backbone
  // ones first, so their pages show a builder with a land class.
  std::vector<store::EnterpriseRecord> builders;
  for (const auto& f : above) builders.push_back(f.e);
  if (builders.empty()) builders = dong_e;
  if (!builders.empty()) {
    const auto ids = store::ReadRows(
        *c, "SELECT id FROM projects WHERE county_code = ? ORDER BY code LIMIT ?",
        {std::string("371524"), int64_t{kBuilderProjects}}, [](store::RowReader& r) { return r.Int("id"); });
    for (size_t i = 0; i < ids.size(); ++i) {
      auto p = store::LoadProject(*c, access::ReadScope::System(), ids[i]);
      if (!p) continue;
      const auto& b = builders[i % builders.size()];
      auto next = *p;
      next.builder = b.name;
      next.builder_code = b.credit_code;
      next.updated_at = now_iso;
      if (auto st = store::UpdateProject(*c, next, p->version); !st) return st.error();
      store::WriteJournal(
          *c, "project", next.id, "update", std::nullopt, now_iso,
          nlohmann::json::array({{{"field", "builder"}, {"old", p->builder}, {"new", next.builder}},
                                 {{"field", "builder_code"}, {"old", nullptr}, {"new", b.credit_code}}}));
    }
  }
  tx.Commit();
  return Ok{};
}

}  // namespace gj::service

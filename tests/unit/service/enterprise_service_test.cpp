// The enterprise registry's service on both engines: land efficiency's enterprises are the
// registry's; scope (404), permission (403), validation (422), versions (409) and the journal;
// yearly growth; the class of the latest published land run, on the enterprise and on the projects
// naming it as builder.
#include "service/enterprises/enterprise_service.h"

#include <gtest/gtest.h>

#include "domain/enterprises/credit_code.h"
#include "ledger_fixture.h"
#include "store/journal.h"

namespace gj::testing {
namespace {

using nlohmann::json;

std::string Code(const std::string& body17) { return body17 + *enterprises::CreditCodeCheckChar(body17); }
const std::string kE1 = Code("91371524MA0000001"), kE2 = Code("91371524MA0000002");

class EnterpriseServiceTest : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    land_ = std::make_unique<service::LandService>(tdb_->db(), *ledger_);
    svc_ = std::make_unique<service::EnterpriseService>(tdb_->db(), *ledger_, *land_);
    coordinator_.emplace(As("coordinator", "371524"));
    const std::string csv = "credit_code,name,town,above_scale,land_mu,tax,revenue,energy_tce\n" + kE1 +
                            ",东阿阿胶股份有限公司,铜城街道,是,100,3000,60000,10000\n" + kE2 +
                            ",东阿钢球有限公司,铜城街道,是,50,100,10000,4000\n";
    ASSERT_TRUE(land_->Import(*coordinator_, "371524", 2025, csv, false));
  }
  const service::Ctx& Coordinator() const { return *coordinator_; }
  std::unique_ptr<service::LandService> land_;
  std::unique_ptr<service::EnterpriseService> svc_;
  std::optional<service::Ctx> coordinator_;
};

TEST_P(EnterpriseServiceTest, LandEnterprisesAreTheRegistryInTheCallersRemit) {
  auto list = svc_->List(Coordinator(), {});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->total_count, 2);
  EXPECT_EQ(list->items[0].county_name, "东阿县");
  EXPECT_FALSE(list->items[0].land);  // no run yet
  // Another county's office reads nothing of it, and 404 for one of them.
  const auto guan = As("coordinator", "371525");
  EXPECT_EQ(svc_->List(guan, {})->total_count, 0);
  EXPECT_EQ(svc_->Get(guan, kE1).error().code, ErrorCode::kNotFound);
  // A unit reads from its unit's region; the city's office reads both counties.
  EXPECT_EQ(svc_->List(As("unit", "371524", unit_a_), {})->total_count, 2);
  EXPECT_EQ(svc_->List(As("coordinator", "371500"), {"371525", "", "", std::nullopt, 0, 50})->total_count, 0);
  EXPECT_EQ(svc_->List(As("judge", "371500"), {})->total_count, 0);
  // Narrowed by tag and text.
  EXPECT_EQ(svc_->List(Coordinator(), {"", "钢球", "", std::nullopt, 0, 50})->total_count, 1);
}

TEST_P(EnterpriseServiceTest, CreateChecksTheCodeTheCountyAndTheCaller) {
  json body = {
      {"credit_code", "91371524163000123X"}, {"name", "东阿新材料有限公司"}, {"county_code", "371524"}};
  auto wrong = svc_->Create(Coordinator(), body);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(wrong.error().details[0].field, "credit_code");
  EXPECT_EQ(wrong.error().details[0].reason, "check character should be 'Y', not 'X'");
  body["credit_code"] = "91371524163000123Y";
  EXPECT_EQ(svc_->Create(As("leader", "371524"), body).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(svc_->Create(As("coordinator", "371525"), body).error().code, ErrorCode::kInvalid);
  body["tags"] = json::array({"hi_tech", "backbone"});
  const int64_t before = JournalCount();
  auto made = svc_->Create(Coordinator(), body);
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(made->enterprise.record.tags, "backbone,hi_tech");
  EXPECT_EQ(JournalCount(), before + 1);
  EXPECT_EQ(svc_->Create(Coordinator(), body).error().code, ErrorCode::kConflict);
  body["credit_code"] = kE1;  // land efficiency's enterprise is registered already
  EXPECT_EQ(svc_->Create(Coordinator(), body).error().code, ErrorCode::kConflict);
}

TEST_P(EnterpriseServiceTest, UpdateIsVersionedAndJournaled) {
  auto e = svc_->Get(Coordinator(), kE1);
  ASSERT_TRUE(e);
  const int64_t v = e->enterprise.record.version;
  auto ok = svc_->Update(Coordinator(), kE1, {{"version", v}, {"tags", {"backbone"}}, {"chain_id", 7}});
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->enterprise.record.version, v + 1);
  EXPECT_EQ(ok->enterprise.record.chain_id, 7);
  auto stale = svc_->Update(Coordinator(), kE1, {{"version", v}, {"contact", "x"}});
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(svc_->Update(As("viewer", "371524"), kE1, {{"version", v + 1}}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(svc_->Update(Coordinator(), kE1, {{"version", v + 1}, {"credit_code", kE2}}).error().code,
            ErrorCode::kBadRequest);
  auto c = tdb_->db().Acquire();
  auto j = store::ReadJournal(*c, "enterprise", e->enterprise.record.id);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_NE(store::AsText(j.rows[0][5]).find("\"tags\""), std::string::npos);
}

TEST_P(EnterpriseServiceTest, YearsGiveTheGrowthAndBackboneCountsWhoGrew) {
  ASSERT_TRUE(svc_->Update(Coordinator(), kE1, {{"version", 1}, {"tags", {"backbone"}}}));
  ASSERT_TRUE(svc_->PutYear(Coordinator(), kE1, 2024, {{"revenue", 100'000'000}, {"tax", 5'000'000}}));
  auto d = svc_->PutYear(Coordinator(), kE1, 2025, {{"revenue", 120'000'000}, {"tax", 6'000'000}});
  ASSERT_TRUE(d) << d.error().message;
  ASSERT_EQ(d->years.size(), 2u);
  EXPECT_EQ(d->years[0].revenue_growth, 20'000'000);
  EXPECT_EQ(d->years[0].tax_growth_permille, 200);
  EXPECT_EQ(svc_->PutYear(Coordinator(), kE1, 2025, {{"version", 0}, {"revenue", 1}}).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(svc_->PutYear(Coordinator(), kE1, 2025, {{"version", 1}, {"revenue", "x"}}).error().code,
            ErrorCode::kBadRequest);
  auto b = svc_->Backbone(Coordinator(), "371524", 2025);
  ASSERT_TRUE(b);
  ASSERT_EQ(b->items.size(), 1u);
  EXPECT_TRUE(b->items[0].grew);
  EXPECT_EQ(b->grew_count, 1);
  EXPECT_EQ(svc_->Backbone(As("coordinator", "371525"), "", 2025)->items.size(), 0u);
}

TEST_P(EnterpriseServiceTest, ClassOfThePublishedRunOnTheEnterpriseAndItsProjects) {
  ASSERT_TRUE(
      land_->DataActionAll(Coordinator(), {{"county_code", "371524"}, {"year", 2025}, {"action", "review"}}));
  ASSERT_TRUE(land_->DataActionAll(Coordinator(),
                                   {{"county_code", "371524"}, {"year", 2025}, {"action", "confirm"}}));
  auto run = land_->Run(Coordinator(), {{"county_code", "371524"}, {"year", 2025}});
  ASSERT_TRUE(run) << run.error().message;
  // A run not yet published gives no class.
  EXPECT_FALSE(svc_->Get(Coordinator(), kE1)->enterprise.land);
  int64_t v = run->run.row.version;
  v = land_->RunAction(Coordinator(), run->run.row.id, {{"action", "preliminary"}, {"version", v}})
          ->run.row.version;
  ASSERT_TRUE(land_->RunAction(Coordinator(), run->run.row.id,
                               {{"action", "publish"}, {"published_on", "2026-06-15"}, {"version", v}}));
  std::string klass;
  const auto detail_run = land_->GetRun(Coordinator(), run->run.row.id, {}, 0, 0);
  ASSERT_TRUE(detail_run);
  for (const auto& r : detail_run->results) {
    if (r.enterprise->credit_code == kE1) klass = r.final_class;
  }
  auto e = svc_->Get(Coordinator(), kE1);
  ASSERT_TRUE(e->enterprise.land);
  EXPECT_EQ(e->enterprise.land->klass, klass);
  EXPECT_EQ(e->enterprise.land->year, 2025);
  EXPECT_EQ(e->enterprise.land->run_state, "published");
  // A project names it as builder (the ledger validates the code).
  auto body = NewProject("DE-1");
  body["builder_code"] = kE1.substr(0, 17) + "0";
  if (kE1.back() == '0') body["builder_code"] = kE1.substr(0, 17) + "1";
  auto bad = ledger_->Create(Coordinator(), body);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().details[0].field, "builder_code");
  body["builder_code"] = kE1;
  auto p = ledger_->Create(Coordinator(), body);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->project.builder_code, kE1);
  auto builder = svc_->Builder(Coordinator(), kE1);
  EXPECT_EQ(builder.name, "东阿阿胶股份有限公司");
  ASSERT_TRUE(builder.land);
  EXPECT_EQ(builder.land->klass, klass);
  EXPECT_FALSE(svc_->Builder(As("coordinator", "371525"), kE1).name);
  auto detail = svc_->Get(Coordinator(), kE1);
  ASSERT_EQ(detail->projects.size(), 1u);
  EXPECT_EQ(detail->projects[0].code, "DE-1");
}

INSTANTIATE_TEST_SUITE_P(Engines, EnterpriseServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

// AttractionService on both engines: a lead walked from 线索 to 投产 with journaled, versioned
// writes; the rules of steps and funds; the summary as of a date over the stored steps.
#include "service/attraction/attraction_service.h"

#include <gtest/gtest.h>

#include "ledger_fixture.h"
#include "store/chain_store.h"

namespace gj::testing {
namespace {

class AttractionServiceTest : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    svc_ = std::make_unique<service::AttractionService>(tdb_->db(), *ledger_);
  }

  int64_t NewLead(const service::Ctx& ctx, const char* created_on, int64_t amount,
                  const char* region = "371524") {
    auto r = svc_->CreateLead(ctx, {{"title", "钢球项目"},
                                    {"region_code", region},
                                    {"investor_name", "宁波精工钢球有限公司"},
                                    {"source_region", "浙江省宁波市"},
                                    {"industry", "钢球"},
                                    {"expected_investment", amount},
                                    {"leader_id", leader_},
                                    {"created_on", created_on}});
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? r->lead.id : 0;
  }

  Result<service::LeadView> Step(const service::Ctx& ctx, int64_t id, const char* step, const char* on) {
    auto now = svc_->GetLead(ctx, id);
    nlohmann::json body = {{"version", now->lead.version}, {"step", step}, {"dated_on", on}};
    if (std::string(step) == "signed") body["contract_no"] = "HT-001";
    return svc_->AddStep(ctx, id, body);
  }

  std::unique_ptr<service::AttractionService> svc_;
};

TEST_P(AttractionServiceTest, WalksALeadFromLeadToOperatingWithJournalAndVersions) {
  const auto office = As("coordinator", "371524");
  const int64_t before = JournalCount();
  const int64_t id = NewLead(office, "2026-01-10", 150'000'000);
  for (auto [step, on] : std::vector<std::pair<const char*, const char*>>{{"negotiating", "2026-02-01"},
                                                                          {"signed", "2026-03-01"},
                                                                          {"registered", "2026-04-01"},
                                                                          {"started", "2026-05-01"},
                                                                          {"operating", "2026-06-01"}}) {
    auto r = Step(office, id, step, on);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->step, step);
  }
  auto v = svc_->GetLead(office, id);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->lead.version, 6);
  EXPECT_EQ(v->steps.size(), 6u);
  EXPECT_EQ(v->steps[2].contract_no, "HT-001");
  // create + first step, then each step twice (the step and the lead's entry).
  EXPECT_EQ(JournalCount() - before, 2 + 5 * 2);

  auto stale =
      svc_->AddStep(office, id, {{"version", 3}, {"step", "negotiating"}, {"dated_on", "2026-06-02"}});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
}

TEST_P(AttractionServiceTest, StepRulesAndPermissions) {
  const auto office = As("coordinator", "371524");
  const int64_t id = NewLead(office, "2026-01-10", 1);
  auto skip = Step(office, id, "signed", "2026-02-01");
  ASSERT_FALSE(skip);
  EXPECT_EQ(skip.error().code, ErrorCode::kInvalid);
  ASSERT_TRUE(Step(office, id, "negotiating", "2026-02-01"));
  auto early = Step(office, id, "signed", "2026-01-31");
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().details.at(0).field, "dated_on");
  auto future = Step(office, id, "signed", "2026-06-16");  // the fixture's today is 2026-06-15
  ASSERT_FALSE(future);
  auto nocontract =
      svc_->AddStep(office, id, {{"version", 2}, {"step", "signed"}, {"dated_on", "2026-03-01"}});
  ASSERT_FALSE(nocontract);
  EXPECT_EQ(nocontract.error().details.at(0).field, "contract_no");
  // Paused: no step until resumed.
  ASSERT_TRUE(svc_->Pause(office, id, {{"version", 2}, {"dated_on", "2026-03-01"}, {"reason", "用地待定"}}));
  EXPECT_FALSE(Step(office, id, "signed", "2026-03-02"));
  ASSERT_TRUE(svc_->Resume(office, id, {{"version", 3}, {"dated_on", "2026-04-01"}}));
  ASSERT_TRUE(Step(office, id, "signed", "2026-04-02"));
  // A leader reads but does not write; another county's office does not see it.
  EXPECT_EQ(Step(As("leader", "371524"), id, "registered", "2026-05-01").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(svc_->GetLead(As("coordinator", "371525"), id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(svc_->GetLead(As("viewer", "371500"), id)->step, "signed");
  // Ended: nothing follows.
  ASSERT_TRUE(svc_->End(office, id, {{"version", 5}, {"dated_on", "2026-05-01"}, {"reason", "投资方撤回"}}));
  EXPECT_FALSE(Step(office, id, "registered", "2026-05-02"));
}

TEST_P(AttractionServiceTest, FundsOfSignedLeadsAndTheSummaryAsOfADate) {
  const auto office = As("coordinator", "371524");
  const int64_t a = NewLead(office, "2026-01-10", 150'000'000);
  const int64_t b = NewLead(office, "2026-02-01", 50'000'000);
  const int64_t g = NewLead(As("coordinator", "371525"), "2026-02-01", 70'000'000, "371525");
  EXPECT_FALSE(
      svc_->AddFunds(office, a, {{"month", "2026-03"}, {"fixed_assets", 1}, {"working_capital", 0}}));
  ASSERT_TRUE(Step(office, a, "negotiating", "2026-02-01"));
  ASSERT_TRUE(Step(office, a, "signed", "2026-03-10"));
  ASSERT_TRUE(Step(office, a, "registered", "2026-04-01"));
  ASSERT_TRUE(Step(office, a, "started", "2026-06-01"));
  ASSERT_TRUE(Step(office, b, "negotiating", "2026-03-01"));
  const auto guan = As("coordinator", "371525");
  ASSERT_TRUE(Step(guan, g, "negotiating", "2026-03-01"));
  ASSERT_TRUE(Step(guan, g, "signed", "2026-04-01"));
  auto before_signing =
      svc_->AddFunds(office, a, {{"month", "2026-02"}, {"fixed_assets", 1}, {"working_capital", 0}});
  ASSERT_FALSE(before_signing);
  EXPECT_EQ(before_signing.error().details.at(0).reason,
            "rule attraction.funds_before_signed: before the signing month 2026-03");
  auto march = svc_->AddFunds(
      office, a, {{"month", "2026-03"}, {"fixed_assets", 20'000'000}, {"working_capital", 5'000'000}});
  ASSERT_TRUE(march) << march.error().message;
  ASSERT_TRUE(svc_->AddFunds(office, a,
                             {{"month", "2026-05"},
                              {"fixed_assets", 10'000'000},
                              {"working_capital", 0},
                              {"foreign_usd", 300'000}}));
  ASSERT_TRUE(
      svc_->AddFunds(guan, g, {{"month", "2026-04"}, {"fixed_assets", 7'000'000}, {"working_capital", 0}}));
  EXPECT_EQ(svc_->AddFunds(office, a, {{"month", "2026-03"}, {"fixed_assets", 1}, {"working_capital", 0}})
                .error()
                .code,
            ErrorCode::kInvalid);
  auto changed = svc_->UpdateFunds(office, march->id, {{"version", 1}, {"working_capital", 6'000'000}});
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(changed->version, 2);

  const auto city = As("viewer", "371500");
  auto county = svc_->Summary(city, "371524", Date{2026, 6, 15}, std::nullopt);
  ASSERT_TRUE(county);
  EXPECT_EQ(county->figures.leads_by_step.at("started"), 1);
  EXPECT_EQ(county->figures.leads_by_step.at("negotiating"), 1);
  EXPECT_EQ(county->figures.signed_count, 1);
  EXPECT_EQ(county->figures.signed_100m_amount, 150'000'000);
  EXPECT_EQ(county->figures.funds_in_place, 36'000'000);
  EXPECT_EQ(county->figures.funds_in_place_usd, 300'000);
  // As of April: 开工 (06-01) and the May funds do not count yet.
  auto april = svc_->Summary(city, "371524", Date{2026, 4, 30}, std::nullopt);
  EXPECT_EQ(april->figures.leads_by_step.at("registered"), 1);
  EXPECT_EQ(april->figures.started_count, 0);
  EXPECT_EQ(april->figures.funds_in_place, 26'000'000);
  // The city sums its counties.
  auto all = svc_->Summary(city, "371500", Date{2026, 6, 15}, std::nullopt);
  EXPECT_EQ(all->figures.signed_count, 2);
  EXPECT_EQ(all->figures.signed_amount, 220'000'000);
  EXPECT_EQ(all->figures.funds_in_place, 43'000'000);
  // Outside the caller's scope: 404.
  EXPECT_EQ(svc_->Summary(office, "371525", Date{2026, 6, 15}, std::nullopt).error().code,
            ErrorCode::kNotFound);
}

TEST_P(AttractionServiceTest, ASignedLeadBecomesALedgerProject) {
  const auto office = As("coordinator", "371524");
  const int64_t id = NewLead(office, "2026-01-10", 150'000'000);
  auto early = svc_->MakeProject(office, id, {{"version", 1}, {"code", "ZS-2026-001"}});
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kInvalid);
  ASSERT_TRUE(Step(office, id, "negotiating", "2026-02-01"));
  ASSERT_TRUE(Step(office, id, "signed", "2026-03-01"));
  auto made = svc_->MakeProject(office, id, {{"version", 3}, {"code", "ZS-2026-001"}});
  ASSERT_TRUE(made) << made.error().message;
  ASSERT_TRUE(made->lead.project_id.has_value());
  EXPECT_EQ(made->project_code, "ZS-2026-001");
  EXPECT_EQ(made->project_builder, "宁波精工钢球有限公司");
  auto p = ledger_->Get(office, *made->lead.project_id);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->project.stage, "signed");
  EXPECT_EQ(p->project.total_investment, 150'000'000);
  EXPECT_EQ(p->project.county_code, "371524");
  auto again = svc_->MakeProject(office, id, {{"version", made->lead.version}, {"code", "ZS-2026-002"}});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().details.at(0).field, "project_id");
}

// Same code and builder: a lead linking to a project gives it the investor's credit code and the
// lead's chain (the ledger's versioned, journaled update); a project is one lead's; a project the
// caller does not read is a 404.
TEST_P(AttractionServiceTest, ALinkedProjectTakesTheLeadsBuilderCodeAndChain) {
  const auto office = As("coordinator", "371524");
  int64_t chain = 0;
  {
    auto c = tdb_->db().Acquire();
    store::Chain ch;
    ch.region_code = "371524";
    ch.name = "钢球";
    ch.created_at = ch.updated_at = "now";
    chain = store::InsertChain(*c, ch);
  }
  auto project = ledger_->Create(office, {{"code", "LK-1"},
                                          {"name", "钢球扩能"},
                                          {"county_code", "371524"},
                                          {"category", "industrial"},
                                          {"level", "county"},
                                          {"kind", "new"},
                                          {"track", "implementation"},
                                          {"stage", "signed"}});
  ASSERT_TRUE(project) << project.error().message;
  const int64_t pid = project->project.id;
  auto lead = svc_->CreateLead(office, {{"title", "钢球项目"},
                                        {"region_code", "371524"},
                                        {"investor_name", "宁波精工钢球有限公司"},
                                        {"investor_credit_code", "91371500MA3C00001J"},
                                        {"chain_id", chain},
                                        {"created_on", "2026-01-10"},
                                        {"project_id", pid}});
  ASSERT_TRUE(lead) << lead.error().message;
  auto p = ledger_->Get(office, pid);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->project.builder_code, "91371500MA3C00001J");
  EXPECT_EQ(p->project.chain, "钢球");
  {
    auto c = tdb_->db().Acquire();
    EXPECT_EQ(store::ProjectChainId(*c, pid), chain);
  }
  EXPECT_EQ(p->project.version, 2);
  // Another lead: 422 on project_id; a project of another county: 404.
  auto other = svc_->CreateLead(office, {{"title", "另一条"},
                                         {"region_code", "371524"},
                                         {"investor_name", "某公司"},
                                         {"created_on", "2026-01-10"},
                                         {"project_id", pid}});
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(other.error().details.at(0).field, "project_id");
  auto guan = ledger_->Create(As("coordinator", "371525"), {{"code", "LK-2"},
                                                            {"name", "冠县项目"},
                                                            {"county_code", "371525"},
                                                            {"category", "industrial"},
                                                            {"level", "county"},
                                                            {"kind", "new"},
                                                            {"track", "implementation"},
                                                            {"stage", "signed"}});
  ASSERT_TRUE(guan) << guan.error().message;
  auto outside = svc_->CreateLead(office, {{"title", "另一条"},
                                           {"region_code", "371524"},
                                           {"investor_name", "某公司"},
                                           {"created_on", "2026-01-10"},
                                           {"project_id", guan->project.id}});
  ASSERT_FALSE(outside);
  EXPECT_EQ(outside.error().code, ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Engines, AttractionServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

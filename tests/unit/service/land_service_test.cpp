// The land-efficiency service on both engines: import with a dry run, the data workflow, runs that
// reproduce the engine exactly (the worked example of the spec, §10), adjustments, publication,
// appeals, finalisation with the policy ledger, versions (409), scope (404) and permissions (403).
#include "service/land_efficiency/land_service.h"

#include <gtest/gtest.h>

#include "domain/land_efficiency/credit_code.h"
#include "ledger_fixture.h"
#include "service/land_efficiency/input.h"
#include "store/journal.h"

namespace gj::testing {
namespace {

using nlohmann::json;

std::string Code(const std::string& body17) { return body17 + *land::CreditCodeCheckChar(body17); }
const std::string kE1 = Code("91371524MA0000001"), kE2 = Code("91371524MA0000002"),
                  kE3 = Code("91371524MA0000003");

// The worked example (spec §10) as an input file.
std::string ExampleCsv() {
  return "credit_code,name,town,above_scale,land_mu,tax,revenue,value_added,energy_tce,emission_eq,rd_spend,employees,penalty,electricity_kwh\n" +
         kE1 + ",E1,铜城街道,是,100,3000,60000,15000,10000,50,1800,200,,1000000\n" + kE2 +
         ",E2,铜城街道,是,50,500,10000,2500,4000,20,100,100,5,200000\n" + kE3 +
         ",E3,新城街道,是,80,80,4000,800,2000,,0,40,,123457\n";
}

json ExampleScheme() {
  auto ind = [](const char* id, double w, double b) {
    return json{{"id", id}, {"weight", w}, {"benchmark", {{"mode", "fixed"}, {"value", b}}}, {"cap", 1.5}};
  };
  return {
      {"name", "example"},
      {"groups",
       {{"above",
         {{"indicators",
           {ind("tax_per_mu", 40, 20), ind("revenue_per_energy", 15, 5), ind("revenue_per_emission", 15, 800),
            ind("rd_intensity", 15, 3), ind("labour_productivity", 15, 100)}}}}}}};
}

class LandServiceTest : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    land_ = std::make_unique<service::LandService>(tdb_->db(), *ledger_);
    coordinator_.emplace(As("coordinator", "371524"));
  }
  // Imports the example, reviews and confirms it, stores the example scheme.
  void Prepare() {
    ASSERT_TRUE(land_->Import(Coordinator(), "371524", 2025, ExampleCsv(), false));
    ASSERT_TRUE(land_->DataActionAll(Coordinator(),
                                     {{"county_code", "371524"}, {"year", 2025}, {"action", "review"}}));
    ASSERT_TRUE(land_->DataActionAll(Coordinator(),
                                     {{"county_code", "371524"}, {"year", 2025}, {"action", "confirm"}}));
    ASSERT_TRUE(land_->PutScheme(Coordinator(), "371524", {{"version", 0}, {"scheme", ExampleScheme()}}));
  }
  static const service::LandResultLine& Result(const service::LandRunDetail& run, const std::string& code) {
    for (const auto& r : run.results) {
      if (r.enterprise->credit_code == code) return r;
    }
    ADD_FAILURE() << "no result for " << code;
    static const service::LandResultLine kNone{};
    return kNone;
  }
  // The error code of a run action that must be refused (its success fails the test).
  ErrorCode Refused(const service::Ctx& ctx, int64_t run_id, const json& body) {
    auto r = land_->RunAction(ctx, run_id, body);
    if (r) {
      ADD_FAILURE() << "not refused: " << body.dump();
      return ErrorCode{};
    }
    return r.error().code;
  }
  std::unique_ptr<service::LandService> land_;
  // The county's coordinator: made in SetUp, once the fixture's user exists.
  const service::Ctx& Coordinator() const { return *coordinator_; }
  std::optional<service::Ctx> coordinator_;
};

TEST_P(LandServiceTest, DryRunListsEveryProblemAndWritesNothing) {
  std::string bad = ExampleCsv();
  bad.replace(bad.find(kE2), 18, "91371524MA0000002X");  // wrong check character
  bad.replace(bad.find(",80,80,"), 7, ",0,80,");         // land 0
  auto dry = land_->Import(Coordinator(), "371524", 2025, bad, true);
  ASSERT_TRUE(dry);
  ASSERT_EQ(dry->problems.size(), 2u);
  EXPECT_EQ(dry->problems[0].row, 3);
  EXPECT_EQ(dry->problems[0].field, "credit_code");
  EXPECT_EQ(dry->problems[1].row, 4);
  EXPECT_EQ(dry->problems[1].field, "land_mu");
  auto real = land_->Import(Coordinator(), "371524", 2025, bad, false);
  ASSERT_FALSE(real);
  EXPECT_EQ(real.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(real.error().details.size(), 2u);
  EXPECT_EQ(land_->ListData(Coordinator(), "371524", 2025)->items.size(), 0u);
  EXPECT_EQ(JournalCount(), 0);

  auto clean = land_->Import(Coordinator(), "371524", 2025, ExampleCsv(), true);
  EXPECT_EQ(clean->created, 3);
  EXPECT_EQ(land_->ListData(Coordinator(), "371524", 2025)->items.size(), 0u);
  ASSERT_TRUE(land_->Import(Coordinator(), "371524", 2025, ExampleCsv(), false));
  EXPECT_EQ(land_->ListData(Coordinator(), "371524", 2025)->items.size(), 3u);
  EXPECT_EQ(JournalCount(), 3);
  // The same enterprises again: updated, not duplicated.
  EXPECT_EQ(land_->Import(Coordinator(), "371524", 2025, ExampleCsv(), true)->updated, 3);
}

TEST_P(LandServiceTest, DataWorkflowReturnNeedsReasonAndRunNeedsConfirmedData) {
  ASSERT_TRUE(land_->Import(Coordinator(), "371524", 2025, ExampleCsv(), false));
  auto run = land_->Run(Coordinator(), {{"county_code", "371524"}, {"year", 2025}});
  ASSERT_FALSE(run);
  EXPECT_EQ(run.error().code, ErrorCode::kConflict);
  auto items = land_->ListData(Coordinator(), "371524", 2025)->items;
  const int64_t id = items[0].row.id;
  auto no_reason =
      land_->DataAction(Coordinator(), id, {{"action", "return"}, {"version", items[0].row.version}});
  EXPECT_EQ(no_reason.error().code, ErrorCode::kInvalid);
  auto returned = land_->DataAction(
      Coordinator(), id,
      {{"action", "return"}, {"reason", "用地面积与不动产证不符"}, {"version", items[0].row.version}});
  ASSERT_TRUE(returned);
  EXPECT_EQ(returned->row.state, "returned");
  // Confirming a returned row is not a transition of the table.
  EXPECT_EQ(land_->DataAction(Coordinator(), id, {{"action", "confirm"}, {"version", returned->row.version}})
                .error()
                .code,
            ErrorCode::kConflict);
  // Editing with a stale version: 409; with the current one: figures change, state back to submitted.
  EXPECT_EQ(land_->UpdateData(Coordinator(), id, {{"version", items[0].row.version}, {"land_mu", 101}})
                .error()
                .code,
            ErrorCode::kConflict);
  auto edited = land_->UpdateData(Coordinator(), id,
                                  {{"version", returned->row.version}, {"land_mu", 100}, {"tax", 3000}});
  ASSERT_TRUE(edited);
  auto resub =
      land_->DataAction(Coordinator(), id, {{"action", "resubmit"}, {"version", edited->row.version}});
  EXPECT_EQ(resub->row.state, "submitted");
  EXPECT_EQ(
      land_->UpdateData(Coordinator(), id, {{"version", resub->row.version}, {"land_mu", 0}}).error().code,
      ErrorCode::kInvalid);
  // The unit (工信局) may review but not run.
  auto unit = As("unit", "371524", unit_a_);
  EXPECT_TRUE(land_->DataActionAll(unit, {{"county_code", "371524"}, {"year", 2025}, {"action", "review"}}));
  EXPECT_EQ(land_->DataActionAll(unit, {{"county_code", "371524"}, {"year", 2025}, {"action", "confirm"}})
                .error()
                .code,
            ErrorCode::kForbidden);
  EXPECT_EQ(land_->Run(unit, {{"county_code", "371524"}, {"year", 2025}}).error().code,
            ErrorCode::kForbidden);
}

TEST_P(LandServiceTest, RunReproducesTheWorkedExample) {
  Prepare();
  auto run = land_->Run(Coordinator(), {{"county_code", "371524"}, {"year", 2025}});
  ASSERT_TRUE(run) << run.error().message;
  EXPECT_EQ(run->run.row.state, "computed");
  EXPECT_EQ(run->run.row.run_no, 1);
  const auto &e1 = Result(*run, kE1), &e2 = Result(*run, kE2), &e3 = Result(*run, kE3);
  EXPECT_DOUBLE_EQ(*e1.score, 126.75);
  EXPECT_DOUBLE_EQ(*e2.score, 40.625);
  EXPECT_DOUBLE_EQ(*e3.score, 26.9375);
  EXPECT_EQ(e1.computed_class, "A");
  EXPECT_EQ(e2.computed_class, "B");
  EXPECT_EQ(e3.computed_class, "C");
  EXPECT_EQ(e3.result->tax_to_next_class_cents, 54750);  // 547.50 yuan
  EXPECT_FALSE(e2.result->tax_to_next_class_cents);
  // Surcharges (defaults A 0, B 0, C 0.05 yuan/kWh): 123457 × 0.05 = 6172.85.
  EXPECT_EQ(e3.surcharge_fen, 617285);
  EXPECT_EQ(run->counts.at("above").at("A"), 1);

  // The card explains E3: revenue_per_emission missing → mean of 22.5 and 9.375.
  auto card = land_->Card(Coordinator(), run->run.row.id, kE3);
  ASSERT_TRUE(card);
  const auto& ind = card->indicators;
  ASSERT_EQ(ind.size(), 5u);
  EXPECT_EQ(ind[0].id, "tax_per_mu");
  EXPECT_DOUBLE_EQ(*ind[0].value, 1);
  EXPECT_DOUBLE_EQ(*ind[0].benchmark, 20);
  EXPECT_DOUBLE_EQ(*ind[0].ratio, 0.05);
  EXPECT_DOUBLE_EQ(*ind[0].score, 2);
  EXPECT_FALSE(ind[2].value.has_value());  // missing
  EXPECT_DOUBLE_EQ(*ind[2].score, 15.9375);
  EXPECT_EQ(land_->Card(Coordinator(), run->run.row.id, "nobody").error().code, ErrorCode::kNotFound);

  // The same figures as the engine on the parsed file (what the CLI computes).
  auto table = land::ParseInputCsv(ExampleCsv());
  auto ev = land::Evaluate(*land::SchemeFromJson(ExampleScheme()), table->enterprises);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(run->results[i].score, ev.results[i].total);
}

TEST_P(LandServiceTest, AdjustPublishAppealFinalizeAndRerun) {
  Prepare();
  auto run = land_->Run(Coordinator(), {{"county_code", "371524"}, {"year", 2025}});
  const int64_t id = run->run.row.id;
  int64_t v = run->run.row.version;
  // 调档 needs a reason and the current version.
  EXPECT_EQ(Refused(Coordinator(), id,
                    {{"action", "adjust"}, {"credit_code", kE3}, {"class", "B"}, {"version", v}}),
            ErrorCode::kInvalid);
  auto adj = land_->RunAction(Coordinator(), id,
                              {{"action", "adjust"},
                               {"credit_code", kE3},
                               {"class", "B"},
                               {"reason", "技改项目已投产"},
                               {"version", v}});
  ASSERT_TRUE(adj);
  EXPECT_EQ(
      Refused(Coordinator(), id,
              {{"action", "adjust"}, {"credit_code", kE3}, {"class", "A"}, {"reason", "x"}, {"version", v}}),
      ErrorCode::kConflict);
  v = adj->run.row.version;
  EXPECT_EQ(Result(*adj, kE3).final_class, "B");
  EXPECT_EQ(Result(*adj, kE3).computed_class, "C");
  EXPECT_EQ(Result(*adj, kE3).surcharge_fen, 0);
  EXPECT_EQ(adj->counts.at("above").at("B"), 2);
  {
    auto c = tdb_->db().Acquire();
    auto j = store::ReadJournal(*c, "le_run", id);
    ASSERT_GE(j.size(), 2u);
    EXPECT_EQ(store::AsText(j.rows[0][4]), "adjust");
    EXPECT_NE(store::AsText(j.rows[0][5]).find("技改项目已投产"), std::string::npos);
  }
  // Appeals only while published; publication opens a 5-day window.
  EXPECT_EQ(Refused(Coordinator(), id,
                    {{"action", "appeal"}, {"credit_code", kE2}, {"reason", "r"}, {"version", v}}),
            ErrorCode::kConflict);
  v = land_->RunAction(Coordinator(), id, {{"action", "preliminary"}, {"version", v}})->run.row.version;
  auto pub = land_->RunAction(Coordinator(), id,
                              {{"action", "publish"}, {"published_on", "2026-06-15"}, {"version", v}});
  ASSERT_TRUE(pub);
  EXPECT_EQ(pub->run.appeal_until, "2026-06-19");
  v = pub->run.row.version;
  auto ap =
      land_->RunAction(Coordinator(), id,
                       {{"action", "appeal"}, {"credit_code", kE2}, {"reason", "减分有误"}, {"version", v}});
  ASSERT_TRUE(ap);
  v = ap->run.row.version;
  const int64_t appeal_id = ap->appeals[0].appeal.id;
  auto late = Coordinator();
  late.today = Date{2026, 6, 20};
  EXPECT_EQ(Refused(late, id, {{"action", "appeal"}, {"credit_code", kE1}, {"reason", "r"}, {"version", v}}),
            ErrorCode::kConflict);
  // Not final while the window is open or an appeal is undecided.
  auto last_day = Coordinator();
  last_day.today = Date{2026, 6, 19};
  EXPECT_EQ(Refused(last_day, id, {{"action", "finalize"}, {"version", v}}), ErrorCode::kConflict);
  EXPECT_EQ(Refused(late, id, {{"action", "finalize"}, {"version", v}}), ErrorCode::kConflict);
  auto decided = land_->RunAction(late, id,
                                  {{"action", "decide_appeal"},
                                   {"appeal_id", appeal_id},
                                   {"decision", "upheld"},
                                   {"class", "A"},
                                   {"reason", "减分依据不足，予以撤销"},
                                   {"version", v}});
  ASSERT_TRUE(decided) << decided.error().message;
  v = decided->run.row.version;
  EXPECT_EQ(Result(*decided, kE2).final_class, "A");
  // Policy quotas per class, then 定级 writes the policy ledger.
  ASSERT_TRUE(land_->PutPolicies(
      Coordinator(), "371524",
      {{"version", 0},
       {"classes",
        {{{"class", "A"}, {"land_mu", 20}, {"energy_tce", 500}}, {{"class", "B"}, {"land_mu", 5}}}}}));
  EXPECT_EQ(
      land_->PutPolicies(Coordinator(), "371524", {{"version", 0}, {"classes", json::array()}}).error().code,
      ErrorCode::kConflict);
  auto fin = land_->RunAction(late, id, {{"action", "finalize"}, {"version", v}});
  ASSERT_TRUE(fin) << fin.error().message;
  EXPECT_EQ(fin->run.row.state, "final");
  auto ledger = land_->PolicyLedger(Coordinator(), id);
  ASSERT_EQ(ledger->items.size(), 3u);
  for (const auto& item : ledger->items) {
    if (item.credit_code == kE2) {
      EXPECT_EQ(item.klass, "A");
      EXPECT_DOUBLE_EQ(item.land_mu, 20);
    }
    if (item.credit_code == kE3) {
      EXPECT_EQ(item.klass, "B");
      EXPECT_EQ(item.surcharge_fen, 0);
    }
  }
  // Frozen: no more adjustments; a re-run is a new version.
  EXPECT_EQ(Refused(late, id,
                    {{"action", "adjust"},
                     {"credit_code", kE1},
                     {"class", "B"},
                     {"reason", "x"},
                     {"version", fin->run.row.version}}),
            ErrorCode::kConflict);
  auto rerun = land_->Run(Coordinator(), {{"county_code", "371524"}, {"year", 2025}});
  ASSERT_TRUE(rerun);
  EXPECT_EQ(rerun->run.row.run_no, 2);
  EXPECT_EQ(Result(*rerun, kE3).final_class, "C");
  EXPECT_EQ(land_->GetRun(Coordinator(), id)->run.row.state, "final");
}

TEST_P(LandServiceTest, ScopeAndSchemeValidation) {
  Prepare();
  auto run = land_->Run(Coordinator(), {{"county_code", "371524"}, {"year", 2025}});
  auto other = As("coordinator", "371525");
  EXPECT_EQ(land_->GetRun(other, run->run.row.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(land_->ListData(other, "371524", 2025).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(land_->Import(other, "371524", 2025, ExampleCsv(), true).error().code, ErrorCode::kNotFound);
  // An enterprise of 东阿 cannot be imported into 冠县.
  auto moved = land_->Import(other, "371525", 2025, ExampleCsv(), true);
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->problems.size(), 3u);
  auto viewer = As("viewer", "371524");
  EXPECT_TRUE(land_->GetRun(viewer, run->run.row.id));
  EXPECT_EQ(
      land_
          ->RunAction(viewer, run->run.row.id, {{"action", "preliminary"}, {"version", run->run.row.version}})
          .error()
          .code,
      ErrorCode::kForbidden);
  // Schemes: validated by the engine's parser, versioned, stale version refused.
  auto bad = ExampleScheme();
  bad["class_shares"] = {{"A", 60}, {"B", 45}, {"C", 25}};
  EXPECT_EQ(land_->PutScheme(Coordinator(), "371524", {{"version", 1}, {"scheme", bad}}).error().code,
            ErrorCode::kInvalid);
  EXPECT_EQ(
      land_->PutScheme(Coordinator(), "371524", {{"version", 0}, {"scheme", ExampleScheme()}}).error().code,
      ErrorCode::kConflict);
  auto s = land_->GetScheme(Coordinator(), "371524");
  EXPECT_EQ(s->version, 1);
  EXPECT_EQ(land_->GetScheme(Coordinator(), "371525").error().code,
            ErrorCode::kNotFound);                           // 冠县 is outside the caller's scope
  EXPECT_EQ(land_->GetScheme(other, "371525")->version, 0);  // none stored: the built-in shandong
}

INSTANTIATE_TEST_SUITE_P(Engines, LandServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

// 链长制 assessment through the ranking service: a scheme of chains (subject kind chain, chains by
// chains.id) ranked on their dated figures, with a metric not applicable. Every figure is computed
// by hand in the comments; the run is March 2026 (as of 03-31, no rest day moves a due date).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "assessment_fixture.h"
#include "service/chains/chain_service.h"
#include "store/chain_store.h"

namespace gj::testing {
namespace {

class ChainRankingTest : public AssessmentFixture {
 protected:
  // A chain of 东阿 set up on `created` (China day), 总链长 张明远, 链长 `leader`.
  int64_t MakeChain(const std::string& name, int64_t leader, const std::string& created) {
    service::ChainService chains(tdb_->db(), *ledger_);
    auto ch = chains.Create(
        As("coordinator", "371524"),
        {{"region_code", "371524"}, {"name", name}, {"chief_leader_id", leader_}, {"leader_id", leader}});
    EXPECT_TRUE(ch) << ch.error().message;
    auto c = tdb_->db().Acquire();
    c->Exec("UPDATE chains SET created_at = ? WHERE id = ?", {created + "T00:00:00Z", ch->chain.id});
    return ch->chain.id;
  }
  void Report(int64_t chain, const std::string& week, const std::string& filed) {
    auto c = tdb_->db().Acquire();
    store::ChainReport r;
    r.chain_id = chain;
    r.week = week;
    r.filed_on = *ParseIsoDate(filed);
    r.progress = "本周进展";
    r.created_at = r.updated_at = filed + "T09:00:00Z";
    store::InsertChainReport(*c, r);
  }
  void Visit(int64_t chain, const std::string& day) {
    auto c = tdb_->db().Acquire();
    store::ChainVisit v;
    v.chain_id = chain;
    v.visited_on = *ParseIsoDate(day);
    v.leader_id = leader_;
    v.enterprise_name = "东阿阿胶股份有限公司";
    v.findings = "生产正常";
    v.created_at = day + "T09:00:00Z";
    store::InsertChainVisit(*c, v);
  }
  void Problem(int64_t project, const char* raised, const char* deadline, const char* closed) {
    auto c = tdb_->db().Acquire();
    c->Exec(
        "INSERT INTO problems (project_id, category, description, status, deadline, raised_on, closed_on, "
        "created_at, updated_at) VALUES (?, '土地', '用地指标', ?, ?, ?, ?, 'now', 'now')",
        {project, std::string(*closed ? "closed" : "assigned"), std::string(deadline), std::string(raised),
         *closed ? store::Value(std::string(closed)) : store::Null()});
  }
  void FiledInvestment(int64_t project, const std::string& month, const std::string& end,
                       int64_t year_total) {
    auto c = tdb_->db().Acquire();
    c->Exec(
        "INSERT INTO progress_reports (project_id, period, frequency, period_start, period_end, due_date, "
        "status, investment_year, submitted_at, created_at, updated_at) VALUES (?, ?, 'month', ?, ?, ?, "
        "'approved', ?, ?, 'now', 'now')",
        {project, month, month + "-01", end, end, year_total, end + "T02:00:00Z"});
  }
  static json ChainScheme() {
    return {{"name", "东阿县链长制月度考评"},
            {"region_code", "371524"},
            {"subject_kind", "chain"},
            {"metrics",
             {{{"kind", "chain_reports_on_time"}, {"weight", 30}, {"target", 1}},
              {{"kind", "chain_visits"}, {"weight", 20}, {"target", 2}},
              {{"kind", "problems_not_overdue"}, {"weight", 20}, {"target", 1}},
              {{"kind", "start_rate"}, {"weight", 10}, {"target", 1}},
              {{"kind", "chain_investment"}, {"weight", 10}, {"scoring", "rank"}, {"step", 10}},
              {{"kind", "leads_signed"}, {"weight", 10}, {"target", 2}}}}};
  }
};

TEST_P(ChainRankingTest, ChainsAreRankedOnTheirDatedFiguresWithNotApplicableMetrics) {
  int64_t head = 0;
  {
    auto c = tdb_->db().Acquire();
    head = store::InsertPerson(*c, {0, "李文华", "副县长", "leader", "371524", std::nullopt});
  }
  // 阿胶 (set up 01-05): DE-1, new, started 03-10, plan 100 万; 40 万 filed for March, 90 万 for
  // April (its period ends after 03-31: not counted).
  const int64_t ejiao = MakeChain("阿胶", head, "2026-01-05");
  // 钢球 (set up 03-16, so it owes reports from that week on): no projects.
  const int64_t gangqiu = MakeChain("钢球", leader_, "2026-03-16");
  // 轴承 (set up 04-10, after the run's date): not ranked in March.
  MakeChain("轴承", leader_, "2026-04-10");
  json p = NewProject("DE-1");
  p["chain"] = "阿胶";
  p["stage"] = "started";
  p["actual_start"] = "2026-03-10";
  p["annual_plan"] = 1000000;
  auto de1 = ledger_->Create(As("coordinator", "371524"), p);
  ASSERT_TRUE(de1) << de1.error().message;
  const int64_t pid = de1->project.id;
  FiledInvestment(pid, "2026-03", "2026-03-31", 400000);
  FiledInvestment(pid, "2026-04", "2026-04-30", 900000);
  // Problems of DE-1 as of 03-31: open past its deadline (overdue), open in time, closed (not
  // open), raised in April (not yet raised) → open 2, overdue 1 → not overdue 1/2.
  Problem(pid, "2026-03-02", "2026-03-20", "");
  Problem(pid, "2026-03-05", "2026-04-30", "");
  Problem(pid, "2026-03-03", "2026-03-10", "2026-03-09");
  Problem(pid, "2026-04-02", "2026-04-10", "");
  // Weekly reports (a week's report is due on the Tuesday after it). 阿胶 from 03-01: W09 (due 03-03)
  // on time, W10 on time, W11 late, W12 filed 04-02 (after the date: missing), W13 (due 03-31) on
  // time, W14 pending → 3 on time of 5 due = 0.6.
  Report(ejiao, "2026-W09", "2026-03-02");
  Report(ejiao, "2026-W10", "2026-03-09");
  Report(ejiao, "2026-W11", "2026-03-18");
  Report(ejiao, "2026-W12", "2026-04-02");
  Report(ejiao, "2026-W13", "2026-03-30");
  // 钢球 from 03-16: W12 and W13 on time → 2 of 2 = 1.
  Report(gangqiu, "2026-W12", "2026-03-23");
  Report(gangqiu, "2026-W13", "2026-03-30");
  // Visits in March: 阿胶 2 (a February and an April one do not count), 钢球 1.
  Visit(ejiao, "2026-02-20");
  Visit(ejiao, "2026-03-05");
  Visit(ejiao, "2026-03-20");
  Visit(ejiao, "2026-04-02");
  Visit(gangqiu, "2026-03-25");

  const auto boss = As("coordinator", "371524");
  // A chain metric ranks chains only.
  json towns = ChainScheme();
  towns["subject_kind"] = "town";
  auto refused = rankings_->CreateScheme(boss, towns);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().details.at(0).field, "metrics[0].kind");
  auto scheme = rankings_->CreateScheme(boss, ChainScheme());
  ASSERT_TRUE(scheme) << scheme.error().message;
  EXPECT_EQ(scheme->metrics[0].source, "chain");
  EXPECT_EQ(scheme->metrics[3].source, "ledger");
  // The subjects: the county's chains with who leads them.
  auto detail = rankings_->GetScheme(boss, scheme->record.id);
  ASSERT_TRUE(detail);
  ASSERT_EQ(detail->subjects.size(), 3u);
  EXPECT_EQ(detail->subjects[0].name, "轴承");
  EXPECT_EQ(detail->subjects[1].name, "钢球");
  EXPECT_EQ(detail->subjects[2].name, "阿胶");
  EXPECT_EQ(detail->subjects[2].chief_leader, "张明远");
  EXPECT_EQ(detail->subjects[2].leader, "李文华");
  EXPECT_EQ(detail->subjects[2].projects, 1u);

  auto run = rankings_->Compute(boss, scheme->record.id, {{"period", "month"}, {"period_label", "2026-03"}});
  ASSERT_TRUE(run) << run.error().message;
  ASSERT_EQ(run->entries.size(), 2u);  // 轴承 did not exist on 03-31
  const auto& f = run->figures;
  EXPECT_DOUBLE_EQ(f.at("阿胶").at("chain_reports_on_time"), 0.6);
  EXPECT_DOUBLE_EQ(f.at("阿胶").at("chain_visits"), 2);
  EXPECT_DOUBLE_EQ(f.at("阿胶").at("problems_not_overdue"), 0.5);
  EXPECT_DOUBLE_EQ(f.at("阿胶").at("start_rate"), 1);
  EXPECT_DOUBLE_EQ(f.at("阿胶").at("chain_investment"), 400000);
  EXPECT_DOUBLE_EQ(f.at("钢球").at("chain_reports_on_time"), 1);
  EXPECT_DOUBLE_EQ(f.at("钢球").at("chain_visits"), 1);
  EXPECT_DOUBLE_EQ(f.at("钢球").at("chain_investment"), 0);
  // No lead names either chain: 0 signed of the target 2 scores 0 (the figure is counted, so it applies).
  EXPECT_DOUBLE_EQ(f.at("阿胶").at("leads_signed"), 0);
  EXPECT_DOUBLE_EQ(f.at("钢球").at("leads_signed"), 0);
  // 钢球: reports 100 (30), visits 100·1/2 = 50 (20), investment rank 2 → 90 (10), leads 0 (10);
  // problems and start rate 不适用 → (30·100 + 20·50 + 10·90 + 10·0) / 70 = 4900 / 70 = 70.00.
  const auto& first = run->entries[0];
  EXPECT_EQ(first.subject, "钢球");
  EXPECT_EQ(first.rank, 1);
  EXPECT_NEAR(first.score, 4900.0 / 70, 1e-6);
  EXPECT_EQ(first.not_applicable, (std::set<std::string>{"problems_not_overdue", "start_rate"}));
  // 阿胶: reports 60 (30), visits 100 (20), problems 50 (20), start 100 (10), investment rank 1 →
  // 100 (10), leads 0 (10) → (1800 + 2000 + 1000 + 1000 + 1000 + 0) / 100 = 68.00.
  const auto& second = run->entries[1];
  EXPECT_EQ(second.subject, "阿胶");
  EXPECT_NEAR(second.score, 6800.0 / 100, 1e-6);
  EXPECT_TRUE(second.not_applicable.empty());
  // Who leads each chain is kept with the run, and printed in the bulletin.
  ASSERT_EQ(run->subject_details.size(), 2u);
  EXPECT_EQ(run->subject_details.at("阿胶").chain_id, ejiao);
  EXPECT_EQ(run->subject_details.at("阿胶").leader, "李文华");
  EXPECT_EQ(run->subject_details.at("钢球").chief_leader, "张明远");
  auto stored = rankings_->GetRun(boss, run->record.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->run.subject_details.at("阿胶").chief_leader, "张明远");
  auto x = rankings_->MakeBulletin(boss, run->record.id, "xlsx");
  ASSERT_TRUE(x) << x.error().message;
  EXPECT_EQ(x->bytes.substr(0, 2), "PK");

  // Facts dated after the run's date change nothing when March is computed again: a visit, a
  // report and a closed problem dated in April.
  Visit(ejiao, "2026-04-03");
  Report(gangqiu, "2026-W14", "2026-04-06");
  {
    auto c = tdb_->db().Acquire();
    c->Exec("UPDATE problems SET status = 'closed', closed_on = '2026-04-05' WHERE deadline = '2026-03-20'");
  }
  auto again =
      rankings_->Compute(boss, scheme->record.id, {{"period", "month"}, {"period_label", "2026-03"}});
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->figures, run->figures);
  EXPECT_NEAR(again->entries[1].score, 6800.0 / 100, 1e-6);
}

INSTANTIATE_TEST_SUITE_P(Engines, ChainRankingTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

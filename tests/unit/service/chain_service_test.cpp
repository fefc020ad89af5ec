// 链长制 through its service: the ledger form names a chain by name within the project's county,
// the chain's figures count its project and its weekly report, and who may report on which chain.
#include <gtest/gtest.h>

#include "ledger_fixture.h"
#include "service/chains/chain_service.h"
#include "store/supervision_store.h"

namespace gj::testing {
namespace {

class ChainServiceTest : public LedgerFixture {
 protected:
  service::ChainService Chains() { return service::ChainService(tdb_->db(), *ledger_); }
};

TEST_P(ChainServiceTest, TheLedgerFormNamesTheCountysChainAndTheFiguresCountIt) {
  auto office = As("coordinator", "371524");
  auto chains = Chains();
  auto ch = chains.Create(office,
                          {{"region_code", "371524"},
                           {"name", "阿胶"},
                           {"leader_id", leader_},
                           {"links", {{{"stage", "midstream"}, {"name", "阿胶生产"}, {"gaps", {"缺口"}}}}}});
  ASSERT_TRUE(ch) << ch.error().message;
  EXPECT_EQ(ch->leader_name, "张明远");
  auto body = NewProject("DE-1");
  body["chain"] = "阿胶";
  body["actual_start"] = "2026-04-01";
  body["stage"] = "started";
  ASSERT_TRUE(ledger_->Create(office, body));
  auto other = NewProject("DE-2");
  other["chain"] = "钢球";  // no such chain in 东阿: the text stays, no chain
  ASSERT_TRUE(ledger_->Create(office, other));

  auto lists = chains.Lists(office, ch->chain.id, {2026, 6, 15});
  ASSERT_TRUE(lists);
  ASSERT_EQ(lists->projects.size(), 1u);
  EXPECT_EQ(lists->projects[0].code, "DE-1");

  auto f = chains.Figures(office, ch->chain.id, std::nullopt, {2026, 6, 15});
  ASSERT_TRUE(f);
  EXPECT_EQ(f->projects, 1);
  EXPECT_EQ(f->total_investment, 1200000000);
  EXPECT_EQ(f->start_rate.numerator, 1);
  EXPECT_EQ(f->start_rate.denominator, 1);

  auto filed = chains.FileReport(office, ch->chain.id, {{"week", "2026-W24"}, {"progress", "本周进展"}});
  ASSERT_TRUE(filed) << filed.error().message;
  EXPECT_EQ(filed->status, "on_time");  // filed 06-15, due Tuesday 06-16
  auto again = chains.FileReport(office, ch->chain.id, {{"week", "2026-W24"}, {"progress", "再报"}});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto reports = chains.Reports(office, ch->chain.id, Date{2026, 6, 8}, {2026, 6, 17});
  ASSERT_TRUE(reports);
  EXPECT_EQ(reports->punctuality.weeks[0].status, "on_time");
}

TEST_P(ChainServiceTest, ALeaderReportsOnlyOnHisChainAndAnotherCountySeesNothing) {
  auto chains = Chains();
  auto office = As("coordinator", "371524");
  auto ch = chains.Create(office, {{"region_code", "371524"}, {"name", "钢球"}});
  ASSERT_TRUE(ch);
  // A leader account of a person who does not lead the chain.
  auto leader = As("leader", "371524");
  auto refused = chains.FileReport(leader, ch->chain.id, {{"progress", "x"}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  // Made its 班长, the same person files.
  {
    auto c = tdb_->db().Acquire();
    c->Exec("UPDATE users SET person_id = ? WHERE id = ?", {leader_, user_id_});
  }
  auto updated = chains.Update(office, ch->chain.id, {{"version", ch->chain.version}, {"head_id", leader_}});
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_TRUE(chains.FileReport(leader, ch->chain.id, {{"progress", "本周进展"}}));
  // 冠县's office neither sees nor manages 东阿's chain.
  auto guan = As("coordinator", "371525");
  auto hidden = chains.Get(guan, ch->chain.id);
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  auto listed = chains.List(guan, "", {2026, 6, 15});
  ASSERT_TRUE(listed);
  EXPECT_TRUE(listed->empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, ChainServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

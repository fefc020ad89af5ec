// Organisation admin: who may add and change regions, units, people and 专班; versions, journal,
// validation, and archiving refused while open records name the record.
#include "service/org/org_service.h"

#include <gtest/gtest.h>

#include "ledger_fixture.h"
#include "store/journal.h"

namespace gj::testing {
namespace {

class OrgServiceTest : public LedgerFixture {
 protected:
  service::OrgService Org() { return service::OrgService(tdb_->db(), *ledger_); }
  int64_t JournalOf(const std::string& entity) {
    auto c = tdb_->db().Acquire();
    return store::AsInt(c->Query("SELECT COUNT(*) FROM journal WHERE entity = ?", {entity}).rows[0][0]);
  }
};

TEST_P(OrgServiceTest, CountyAdminAddsAZoneOthersCannotSeeIt) {
  auto org = Org();
  const auto admin = As("admin", "371524");
  auto zone = org.CreateRegion(
      admin,
      {{"code", "371524901"}, {"name", "东阿经济开发区"}, {"level", "zone"}, {"parent_code", "371524"}});
  ASSERT_TRUE(zone) << zone.error().message;
  EXPECT_EQ(zone->version, 1);
  EXPECT_EQ(JournalOf("region:371524901"), 1);
  EXPECT_TRUE(ledger_->Regions()->Find("371524901"));  // the tree is reloaded
  EXPECT_EQ(org.GetRegion(As("admin", "371525"), "371524901").error().code, ErrorCode::kNotFound);
  // Another county's admin may not add under 东阿县; a coordinator may not add at all.
  const nlohmann::json town = {
      {"code", "371524902"}, {"name", "x"}, {"level", "town"}, {"parent_code", "371524"}};
  EXPECT_EQ(org.CreateRegion(As("admin", "371525"), town).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(org.CreateRegion(As("coordinator", "371524"), town).error().code, ErrorCode::kForbidden);
}

TEST_P(OrgServiceTest, ValidationListsEveryProblem) {
  auto org = Org();
  auto r = org.CreatePerson(As("admin", "371524"),
                            {{"name", ""}, {"kind", "boss"}, {"tier", "county"}, {"region_code", ""}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().details.size(), 4u);  // name, kind, tier (not a helper), region_code
  EXPECT_EQ(org.CreateUnit(As("admin", "371524"), {{"name", 1}}).error().code, ErrorCode::kBadRequest);
}

TEST_P(OrgServiceTest, StaleVersionIsAConflictAndWritesNothing) {
  auto org = Org();
  const auto admin = As("admin", "371500");
  ASSERT_TRUE(org.UpdateUnit(admin, unit_b_, {{"version", 1}, {"name", "住建局"}}));
  auto stale = org.UpdateUnit(admin, unit_b_, {{"version", 1}, {"name", "x"}});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().extra["current_version"], 2);
  EXPECT_EQ(org.GetUnit(admin, unit_b_)->name, "住建局");
  EXPECT_EQ(JournalOf("unit"), 1);
}

TEST_P(OrgServiceTest, ArchivingAUnitNamedByAnOpenProjectIsRefusedWithTheProject) {
  auto org = Org();
  const auto admin = As("admin", "371524");
  const auto office = As("coordinator", "371524");  // projects are the office's (the admin: 系统管理)
  auto p = ledger_->Create(office, NewProject("DE-2026-001"));
  ASSERT_TRUE(p) << p.error().message;
  auto refused = org.UpdateUnit(admin, unit_a_, {{"version", 1}, {"archived", true}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalid);
  ASSERT_EQ(refused.error().extra["references"].size(), 1u);
  EXPECT_EQ(refused.error().extra["references"][0]["kind"], "project");
  EXPECT_EQ(refused.error().extra["references"][0]["id"], p->project.id);
  // The leader too; once the project is archived, both may go.
  EXPECT_FALSE(org.UpdatePerson(admin, leader_, {{"version", 1}, {"archived", true}}));
  ASSERT_TRUE(ledger_->Archive(office, p->project.id, {{"version", 1}}));
  auto archived = org.UpdateUnit(admin, unit_a_, {{"version", 1}, {"archived", true}});
  ASSERT_TRUE(archived) << archived.error().message;
  EXPECT_TRUE(archived->archived);
  EXPECT_TRUE(org.UpdatePerson(admin, leader_, {{"version", 1}, {"archived", true}}));
}

TEST_P(OrgServiceTest, TeamKeepsItsMembersAndProjectsAndJournalsThem) {
  auto org = Org();
  const auto admin = As("admin", "371524");
  auto t = org.CreateTeam(admin, {{"name", "阿胶产业链专班"},
                                  {"region_code", "371524"},
                                  {"lead_person_id", leader_},
                                  {"member_ids", {leader_}}});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->member_ids, std::vector<int64_t>{leader_});
  auto u = org.UpdateTeam(admin, t->id, {{"version", 1}, {"member_ids", nlohmann::json::array()}});
  ASSERT_TRUE(u);
  EXPECT_TRUE(u->member_ids.empty());
  EXPECT_EQ(JournalOf("team"), 2);
  EXPECT_EQ(org.GetTeam(As("viewer", "371525"), t->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(org.UpdateTeam(As("viewer", "371524"), t->id, {{"version", 2}, {"name", "x"}}).error().code,
            ErrorCode::kForbidden);
}

INSTANTIATE_TEST_SUITE_P(Engines, OrgServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

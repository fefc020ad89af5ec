// The first-run checklist: its counts on a database fresh from `gongjian init` (咸丰县: 11 towns,
// nothing else), then after each step is done; who may see it.
#include "service/org/setup_checklist.h"

#include <gtest/gtest.h>

#include "service/access/auth_service.h"
#include "service/org/org_service.h"
#include "service/org/setup_service.h"
#include "service/supervision/progress_service.h"
#include "store/progress_store.h"
#include "test_db.h"

namespace gj::testing {
namespace {

constexpr const char* kNow = "2026-06-15T01:00:00Z";

class SetupChecklistTest : public DbTest {
 protected:
  void SetUp() override {
    DbTest::SetUp();
    auto init = service::SetupService(tdb_->db()).Init({"422826", "xfadmin", "long-enough-pass"}, kNow);
    ASSERT_TRUE(init) << init.error().message;
    admin_id_ = init->admin_id;
    ledger_ = std::make_unique<service::LedgerService>(tdb_->db());
  }
  service::Ctx As(const std::string& role, const std::string& region, int64_t user_id = 0) {
    access::Caller c;
    c.user_id = user_id ? user_id : admin_id_;
    c.grants.push_back({role, region, std::nullopt});
    return service::Ctx(std::move(c), Date{2026, 6, 15}, kNow);
  }
  service::Ctx Admin() { return As("admin", "422826"); }
  // The county's project office: the business writes (a project, the rules) are its, not the admin's.
  service::Ctx Office() { return As("coordinator", "422826"); }
  Result<service::SetupChecklist> Checklist(const service::Ctx& ctx, const std::string& region = "") {
    return service::SetupChecklistService(tdb_->db(), *ledger_).Checklist(ctx, region);
  }
  // key → count, and key → done, of a checklist.
  static std::map<std::string, int64_t> Counts(const service::SetupChecklist& l) {
    std::map<std::string, int64_t> out;
    for (const auto& s : l.steps) out[s.key] = s.count;
    return out;
  }
  static std::map<std::string, bool> Done(const service::SetupChecklist& l) {
    std::map<std::string, bool> out;
    for (const auto& s : l.steps) out[s.key] = s.done;
    return out;
  }
  void AddUser(const std::string& login, const std::string& role, const std::string& region) {
    service::NewUser u{login, login, "long-enough-pass", role, region, std::nullopt, std::nullopt};
    auto id = service::AuthService(tdb_->db()).AddUser(u, kNow);
    ASSERT_TRUE(id) << id.error().message;
  }

  int64_t admin_id_ = 0;
  std::unique_ptr<service::LedgerService> ledger_;
};

TEST_P(SetupChecklistTest, FreshCountyHasItsTownsAndNothingElse) {
  auto l = Checklist(Admin());
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_EQ(l->region.code, "422826");  // the admin's own region by default
  EXPECT_EQ(l->region.name, "咸丰县");
  std::vector<std::string> keys;
  for (const auto& s : l->steps) keys.push_back(s.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"towns", "units", "people", "accounts", "projects", "rules",
                                            "targets", "teams"}));
  EXPECT_EQ(Counts(*l), (std::map<std::string, int64_t>{{"towns", 11},
                                                        {"units", 0},
                                                        {"people", 0},
                                                        {"accounts", 0},
                                                        {"projects", 0},
                                                        {"rules", 0},
                                                        {"targets", 0},
                                                        {"teams", 0}}));
  EXPECT_TRUE(Done(*l)["towns"]);
  EXPECT_FALSE(Done(*l)["units"]);
  EXPECT_TRUE(l->steps[6].optional);  // targets
  EXPECT_TRUE(l->steps[7].optional);  // teams
  EXPECT_FALSE(l->steps[0].optional);
  EXPECT_FALSE(l->complete);
}

TEST_P(SetupChecklistTest, EachStepCountsWhatWasAdded) {
  const auto admin = Admin();
  service::OrgService org(tdb_->db(), *ledger_);
  // A zone (a custom area) is a town of the checklist; two units, one archived; a person.
  ASSERT_TRUE(org.CreateRegion(
      admin,
      {{"code", "422826901"}, {"name", "咸丰经济开发区"}, {"level", "zone"}, {"parent_code", "422826"}}));
  auto unit =
      org.CreateUnit(admin, {{"name", "县发展和改革局"}, {"kind", "department"}, {"region_code", "422826"}});
  ASSERT_TRUE(unit) << unit.error().message;
  auto gone = org.CreateUnit(admin, {{"name", "撤并单位"}, {"kind", "other"}, {"region_code", "422826"}});
  ASSERT_TRUE(org.UpdateUnit(admin, gone->id, {{"version", 1}, {"archived", true}}));
  auto person = org.CreatePerson(
      admin, {{"name", "田明"}, {"title", "副县长"}, {"kind", "leader"}, {"region_code", "422826"}});
  ASSERT_TRUE(person) << person.error().message;
  // Accounts: a coordinator counts; another admin and a user of another county do not.
  AddUser("xfxmb", "coordinator", "422826");
  AddUser("xfadmin2", "admin", "422826");
  AddUser("enshi", "viewer", "422800");  // the city, above the county
  // The ledger: one project.
  auto p = ledger_->Create(Office(), {{"code", "XF2026-001"},
                                      {"name", "咸丰测试项目"},
                                      {"county_code", "422826"},
                                      {"town_code", "422826100"},
                                      {"category", "industrial"},
                                      {"level", "county"},
                                      {"kind", "new"},
                                      {"track", "implementation"},
                                      {"stage", "signed"},
                                      {"unit_id", unit->id},
                                      {"leader_id", person->id},
                                      {"total_investment", 100000000}});
  ASSERT_TRUE(p) << p.error().message;
  // The rules, saved once (unchanged), a target and a 专班.
  service::ProgressService progress(tdb_->db(), *ledger_);
  ASSERT_TRUE(progress.PutSettings(Office(), "422826", {{"version", 0}}));
  {
    auto c = tdb_->db().Acquire();
    targets::Target t;
    t.name = "开工率";
    t.region = "422826";
    t.threshold = 0.6;
    t.deadline = Date{2026, 6, 30};
    store::InsertTarget(*c, t, kNow);
  }
  ASSERT_TRUE(org.CreateTeam(admin, {{"name", "招商专班"}, {"region_code", "422826"}}));

  auto l = Checklist(admin);
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_EQ(Counts(*l), (std::map<std::string, int64_t>{{"towns", 12},
                                                        {"units", 1},
                                                        {"people", 1},
                                                        {"accounts", 1},
                                                        {"projects", 1},
                                                        {"rules", 1},
                                                        {"targets", 1},
                                                        {"teams", 1}}));
  for (const auto& [key, done] : Done(*l)) EXPECT_TRUE(done) << key;
  EXPECT_TRUE(l->complete);
}

// The optional steps do not hold the list back.
TEST_P(SetupChecklistTest, CompleteWithoutTheOptionalSteps) {
  const auto admin = Admin();
  service::OrgService org(tdb_->db(), *ledger_);
  auto unit =
      org.CreateUnit(admin, {{"name", "县发展和改革局"}, {"kind", "department"}, {"region_code", "422826"}});
  auto person = org.CreatePerson(admin, {{"name", "田明"}, {"kind", "leader"}, {"region_code", "422826"}});
  AddUser("xfunit", "viewer", "422826101");  // a grant on a town of the county counts
  ASSERT_TRUE(ledger_->Create(Office(), {{"code", "XF2026-001"},
                                         {"name", "咸丰测试项目"},
                                         {"county_code", "422826"},
                                         {"town_code", "422826100"},
                                         {"category", "industrial"},
                                         {"level", "county"},
                                         {"kind", "new"},
                                         {"track", "implementation"},
                                         {"stage", "signed"},
                                         {"unit_id", unit->id},
                                         {"leader_id", person->id}}));
  EXPECT_FALSE(Checklist(admin)->complete);  // the rules are not saved yet
  ASSERT_TRUE(
      service::ProgressService(tdb_->db(), *ledger_).PutSettings(Office(), "422826", {{"version", 0}}));
  auto l = Checklist(admin);
  EXPECT_TRUE(l->complete);
  EXPECT_EQ(Counts(*l)["accounts"], 1);
  EXPECT_FALSE(Done(*l)["targets"]);
}

// A city's rules step counts its counties whose rules are saved: done when all are.
TEST_P(SetupChecklistTest, ACitysRulesAreItsCountiesRules) {
  ASSERT_TRUE(service::SetupService(tdb_->db()).Init({"422827", "lfadmin", "long-enough-pass"}, kNow));
  ledger_->ReloadRegions();
  const auto city = As("admin", "422800");
  auto before = Checklist(city);
  ASSERT_TRUE(before) << before.error().message;
  EXPECT_EQ(before->region.code, "422800");
  EXPECT_EQ(Counts(*before)["towns"], 11 + 8);  // 咸丰县's 11 and 来凤县's 8
  // The rules are the project office's: the city's office saves each county's (the admin may not).
  const auto office = As("coordinator", "422800");
  EXPECT_FALSE(service::ProgressService(tdb_->db(), *ledger_).PutSettings(city, "422826", {{"version", 0}}));
  ASSERT_TRUE(service::ProgressService(tdb_->db(), *ledger_).PutSettings(office, "422826", {{"version", 0}}));
  auto half = Checklist(city);
  EXPECT_EQ(Counts(*half)["rules"], 1);
  EXPECT_FALSE(Done(*half)["rules"]);
  ASSERT_TRUE(service::ProgressService(tdb_->db(), *ledger_).PutSettings(office, "422827", {{"version", 0}}));
  EXPECT_TRUE(Done(*Checklist(city))["rules"]);
}

TEST_P(SetupChecklistTest, OnlyAnAdminOfTheRegionSeesIt) {
  ASSERT_TRUE(service::SetupService(tdb_->db()).Init({"422827", "lfadmin", "long-enough-pass"}, kNow));
  ledger_->ReloadRegions();
  EXPECT_EQ(Checklist(As("coordinator", "422826")).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(Checklist(As("viewer", "422826"), "422826").error().code, ErrorCode::kForbidden);
  // Another county, the city above, an unknown code: not theirs to see.
  EXPECT_EQ(Checklist(Admin(), "422827").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Checklist(Admin(), "422800").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Checklist(Admin(), "999999").error().code, ErrorCode::kNotFound);
  // Readable but administered by someone else: an admin of 来凤县 who is also a viewer of 咸丰县.
  access::Caller both;
  both.user_id = admin_id_;
  both.grants = {{"admin", "422827", std::nullopt}, {"viewer", "422826", std::nullopt}};
  EXPECT_EQ(Checklist(service::Ctx(both, Date{2026, 6, 15}, kNow), "422826").error().code,
            ErrorCode::kForbidden);
  // A town has no checklist of its own.
  auto town = Checklist(Admin(), "422826101");
  ASSERT_FALSE(town);
  EXPECT_EQ(town.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(town.error().details[0].field, "region");
}

INSTANTIATE_TEST_SUITE_P(Engines, SetupChecklistTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

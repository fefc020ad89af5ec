#include "service/org/setup_service.h"

#include <gtest/gtest.h>

#include "service/access/auth_service.h"
#include "store/account_store.h"
#include "store/project_store.h"
#include "test_db.h"

namespace gj::testing {
namespace {

class SetupServiceTest : public DbTest {
 protected:
  Result<service::InitSummary> Init(const std::string& code, const std::string& login,
                                    const std::string& password = "long-enough-pass") {
    return service::SetupService(tdb_->db()).Init({code, login, password}, "2026-06-15T01:00:00Z");
  }
  size_t RegionCount() {
    auto c = tdb_->db().Acquire();
    return store::LoadRegions(*c).size();
  }
  size_t UserCount() {
    auto c = tdb_->db().Acquire();
    return static_cast<size_t>(store::AsInt(c->Query("SELECT COUNT(*) FROM users").rows[0][0]));
  }
};

TEST_P(SetupServiceTest, CountyComesWithItsChainTownsAndAdmin) {
  auto r = Init("422826", "xfadmin");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->region.name, "咸丰县");
  EXPECT_EQ(r->counties, 1);
  EXPECT_EQ(r->towns, 11);
  EXPECT_EQ(r->created.size(), 14u);  // 湖北省, 恩施州, 咸丰县 and its 11 towns
  auto c = tdb_->db().Acquire();
  const auto towns = store::ChildRegions(*c, "422826");
  ASSERT_EQ(towns.size(), 11u);
  EXPECT_EQ(towns.front().name, "高乐山镇");
  EXPECT_EQ(towns.front().level, "town");
  EXPECT_EQ(store::LoadRegions(*c).front().code, "420000");
  const auto admin = store::LoadAccountByLogin(*c, "xfadmin");
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->id, r->admin_id);
  service::AuthService auth(tdb_->db());
  auto login = auth.Login("xfadmin", "long-enough-pass", 1000, "now");
  ASSERT_TRUE(login);
  ASSERT_EQ(login->caller.grants.size(), 1u);
  EXPECT_EQ(login->caller.grants[0].role, "admin");
  EXPECT_EQ(login->caller.grants[0].region_code, "422826");
}

TEST_P(SetupServiceTest, RefusesWithoutWritingAnything) {
  EXPECT_EQ(Init("999999", "a1").error().code, ErrorCode::kInvalid);
  EXPECT_EQ(Init("422826100", "a1").error().code, ErrorCode::kInvalid);  // a town
  EXPECT_EQ(Init("422826", "a1", "short-pass").error().code, ErrorCode::kInvalid);
  EXPECT_EQ(Init("422826", "bad login!").error().code,
            ErrorCode::kInvalid);  // refused by AddUser: rolled back
  EXPECT_EQ(RegionCount(), 0u);
  EXPECT_EQ(UserCount(), 0u);
  ASSERT_TRUE(Init("422826", "xfadmin"));
  const size_t regions = RegionCount();
  EXPECT_EQ(Init("422826", "other").error().code, ErrorCode::kConflict);    // second init
  EXPECT_EQ(Init("422827", "xfadmin").error().code, ErrorCode::kConflict);  // login taken
  EXPECT_EQ(Init("422800", "enshi").error().code, ErrorCode::kConflict);    // the city is there
  EXPECT_EQ(RegionCount(), regions);
  EXPECT_EQ(UserCount(), 1u);
}

// A second county of the same city reuses the chain the first one created.
TEST_P(SetupServiceTest, SiblingCountyReusesTheChain) {
  ASSERT_TRUE(Init("422826", "xfadmin"));
  auto r = Init("422827", "lfadmin");  // 来凤县
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->created.front().code, "422827");
}

// A city gets its counties and their towns.
TEST_P(SetupServiceTest, CityGetsItsCountiesAndTheirTowns) {
  auto r = Init("371500", "lcadmin");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->counties, 8);
  EXPECT_GT(r->towns, 100);
  auto c = tdb_->db().Acquire();
  EXPECT_TRUE(store::RegionExists(*c, "371524101"));
}

INSTANTIATE_TEST_SUITE_P(Engines, SetupServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

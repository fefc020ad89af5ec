// Accounts, grants, sessions and failed-login counters through the account store, on both engines.
#include "store/account_store.h"

#include <gtest/gtest.h>

#include "store/org_store.h"
#include "test_db.h"

namespace gj::testing {
namespace {

class AccountStoreTest : public DbTest {
 protected:
  void Prepare(store::Connection& c) override {
    store::InsertRegion(c, {"371524", "东阿县", "county", ""}, 1);
  }
};

TEST_P(AccountStoreTest, AccountsAndGrants) {
  auto c = tdb_->db().Acquire();
  EXPECT_TRUE(store::RegionExists(*c, "371524"));
  EXPECT_FALSE(store::RegionExists(*c, "000000"));
  EXPECT_FALSE(store::UnitExists(*c, 1));
  EXPECT_FALSE(store::PersonExists(*c, 1));
  store::AccountRow a;
  a.login = "dongezb";
  a.name = "东阿县项目办";
  a.password_hash = "$argon2id$…";
  a.created_at = "2026-01-01T00:00:00Z";
  const int64_t id = store::InsertAccount(*c, a);
  store::InsertGrant(*c, id, {"coordinator", "371524", std::nullopt});
  store::InsertGrant(*c, id, {"viewer", "371524", std::nullopt});
  auto loaded = store::LoadAccountByLogin(*c, "dongezb");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->id, id);
  EXPECT_EQ(loaded->name, "东阿县项目办");
  EXPECT_TRUE(loaded->active);
  EXPECT_EQ(loaded->person_id, std::nullopt);
  EXPECT_EQ(store::LoadAccount(*c, id)->login, "dongezb");
  EXPECT_FALSE(store::LoadAccountByLogin(*c, "nobody"));
  const auto grants = store::LoadGrants(*c, id);
  ASSERT_EQ(grants.size(), 2u);
  EXPECT_EQ(grants[0].role, "coordinator");
  EXPECT_EQ(grants[1].role, "viewer");
}

TEST_P(AccountStoreTest, SessionsAndApiTokens) {
  auto c = tdb_->db().Acquire();
  const int64_t user = store::InsertAccount(*c, {0, "u", "U", "h", std::nullopt, true, "now"});
  store::SessionRow s;
  s.user_id = user;
  s.token_hash = "hash-1";
  s.kind = "session";
  s.created_at = "now";
  s.expires_at = 100;
  store::InsertSession(*c, s);
  EXPECT_EQ(store::FindLiveSession(*c, "hash-1", 99)->user_id, user);
  EXPECT_FALSE(store::FindLiveSession(*c, "hash-1", 100));  // expired
  store::RevokeSession(*c, "hash-1");
  EXPECT_FALSE(store::FindLiveSession(*c, "hash-1", 50));

  s.token_hash = "hash-2";
  s.kind = "api";
  s.name = "ci";
  const int64_t token = store::InsertSession(*c, s);
  const auto tokens = store::ListApiTokens(*c, user);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].id, token);
  EXPECT_EQ(tokens[0].name, "ci");
  EXPECT_TRUE(tokens[0].token_hash.empty());                 // never listed
  EXPECT_FALSE(store::RevokeApiToken(*c, user + 1, token));  // not theirs
  EXPECT_TRUE(store::RevokeApiToken(*c, user, token));
  EXPECT_TRUE(store::ListApiTokens(*c, user)[0].revoked);
}

TEST_P(AccountStoreTest, LoginFailuresAreCountedByCompareAndSet) {
  auto c = tdb_->db().Acquire();
  EXPECT_FALSE(store::LoadLoginFailures(*c, "login", "u"));
  // The first count inserts; a second "first" (a parallel request) finds the row taken.
  EXPECT_TRUE(store::CountLoginFailure(*c, "login", "u", std::nullopt, {1, 10}));
  EXPECT_FALSE(store::CountLoginFailure(*c, "login", "u", std::nullopt, {1, 10}));
  // A count from what was read succeeds once; the same read again is stale.
  const auto seen = store::LoadLoginFailures(*c, "login", "u");
  ASSERT_TRUE(seen);
  EXPECT_TRUE(store::CountLoginFailure(*c, "login", "u", seen, {2, 20}));
  EXPECT_FALSE(store::CountLoginFailure(*c, "login", "u", seen, {2, 20}));
  auto f = store::LoadLoginFailures(*c, "login", "u");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->failures, 2);
  EXPECT_EQ(f->last_at, 20);
  // Scopes are apart: the address "u" is another counter.
  EXPECT_FALSE(store::LoadLoginFailures(*c, "address", "u"));
  store::UncountLoginFailure(*c, "login", "u");
  EXPECT_EQ(store::LoadLoginFailures(*c, "login", "u")->failures, 1);
  store::UncountLoginFailure(*c, "login", "u");
  store::UncountLoginFailure(*c, "login", "u");
  EXPECT_EQ(store::LoadLoginFailures(*c, "login", "u")->failures, 0);  // never below zero
  store::ClearLoginFailures(*c, "login", "u");
  EXPECT_FALSE(store::LoadLoginFailures(*c, "login", "u"));
}

TEST_P(AccountStoreTest, VersionedEditsSearchGrantsAndSessions) {
  auto c = tdb_->db().Acquire();
  store::AccountRow a;
  a.login = "Wangfang";
  a.name = "王芳";
  a.password_hash = "h";
  a.created_at = a.updated_at = "2026-01-01T00:00:00Z";
  a.id = store::InsertAccount(*c, a);
  store::InsertGrant(*c, a.id, {"viewer", "371524", std::nullopt});
  EXPECT_EQ(store::LoadAccount(*c, a.id)->version, 1);
  EXPECT_EQ(store::ListAccounts(*c, "wang").size(), 1u);  // login, ignoring case
  EXPECT_EQ(store::ListAccounts(*c, "王").size(), 1u);    // name
  EXPECT_TRUE(store::ListAccounts(*c, "li").empty());
  a.active = false;
  a.must_change_password = true;
  ASSERT_TRUE(store::UpdateAccount(*c, a, 1));
  auto stale = store::UpdateAccount(*c, a, 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  auto loaded = store::LoadAccount(*c, a.id);
  EXPECT_EQ(loaded->version, 2);
  EXPECT_FALSE(loaded->active);
  EXPECT_TRUE(loaded->must_change_password);
  store::ReplaceGrants(*c, a.id, {{"admin", "371524", std::nullopt}, {"unit", "371524", std::nullopt}});
  EXPECT_EQ(store::LoadGrants(*c, a.id).size(), 2u);
  EXPECT_EQ(store::LoadAllGrants(*c).at(a.id).at(0).role, "admin");
  for (const char* h : {"h1", "h2", "h3"})
    store::InsertSession(*c, {0, a.id, h, "session", "", "t", 5000, false});
  EXPECT_EQ(store::ListLiveSessions(*c, a.id, 1000).size(), 3u);
  EXPECT_TRUE(store::ListLiveSessions(*c, a.id, 5000).empty());  // expired
  const int64_t first = store::ListLiveSessions(*c, a.id, 1000).at(0).id;
  EXPECT_EQ(store::RevokeAllSessions(*c, a.id, first), 2);
  EXPECT_EQ(store::ListLiveSessions(*c, a.id, 1000).size(), 1u);
  EXPECT_TRUE(store::RevokeSessionOf(*c, a.id, first));
  EXPECT_FALSE(store::RevokeSessionOf(*c, a.id + 1, first));
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountStoreTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

#include "service/access/auth_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "ledger_fixture.h"
#include "store/account_store.h"

namespace gj::testing {
namespace {

class AuthServiceTest : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    auth_ = std::make_unique<service::AuthService>(tdb_->db());
    ASSERT_TRUE(auth_->AddUser(
        {"dongezb", "东阿县项目办", "secret-pass-26", "coordinator", "371524", std::nullopt, std::nullopt},
        "now"));
  }
  std::unique_ptr<service::AuthService> auth_;
};

TEST_P(AuthServiceTest, PasswordsAreStoredAsArgon2idHashes) {
  auto c = tdb_->db().Acquire();
  const std::string hash = store::LoadAccountByLogin(*c, "dongezb")->password_hash;
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(hash.find("secret-pass-26"), std::string::npos);
}

TEST_P(AuthServiceTest, LoginAuthenticateLogout) {
  auto r = auth_->Login("dongezb", "secret-pass-26", 1000, "now");
  ASSERT_TRUE(r);
  auto caller = auth_->Authenticate(r->token, 1001);
  ASSERT_TRUE(caller);
  EXPECT_EQ(caller->grants.at(0).role, "coordinator");
  EXPECT_FALSE(auth_->Authenticate(r->token, 1000 + service::AuthService::kSessionSeconds));  // expired
  ASSERT_TRUE(auth_->Logout(r->token));
  EXPECT_FALSE(auth_->Authenticate(r->token, 1002));
  // Only the hash is stored.
  auto c = tdb_->db().Acquire();
  EXPECT_TRUE(c->Query("SELECT 1 FROM sessions WHERE token_hash = ?", {r->token}).empty());
}

// Every request reads its session from the database: a change written by another process (here:
// straight into the database) takes effect at once, the cached grants notwithstanding.
TEST_P(AuthServiceTest, DisablingStopsTokensAtOnce) {
  auto r = auth_->Login("dongezb", "secret-pass-26", 1000, "now");
  ASSERT_TRUE(r);
  ASSERT_TRUE(auth_->Authenticate(r->token, 1000));
  {
    auto c = tdb_->db().Acquire();
    c->Exec("UPDATE users SET active = 0 WHERE login = 'dongezb'");
  }
  EXPECT_FALSE(auth_->Authenticate(r->token, 1000));
  {
    auto c = tdb_->db().Acquire();
    c->Exec("UPDATE users SET active = 1, version = version + 1 WHERE login = 'dongezb'");
  }
  ASSERT_TRUE(auth_->Authenticate(r->token, 2000));
  ASSERT_TRUE(auth_->Logout(r->token));
  EXPECT_FALSE(auth_->Authenticate(r->token, 2001));
}

// A grant changed elsewhere bumps the user's version: the next request sees the new grants.
TEST_P(AuthServiceTest, CachedCallersFollowTheUsersVersion) {
  auto r = auth_->Login("dongezb", "secret-pass-26", 1000, "now");
  ASSERT_TRUE(r);
  EXPECT_EQ(auth_->Authenticate(r->token, 1000)->grants.at(0).role, "coordinator");
  {
    auto c = tdb_->db().Acquire();
    c->Exec("UPDATE role_grants SET role = 'viewer'");
    c->Exec("UPDATE users SET version = version + 1");
  }
  EXPECT_EQ(auth_->Authenticate(r->token, 1000)->grants.at(0).role, "viewer");
}

TEST_P(AuthServiceTest, ChangePasswordNeedsTheOldOneAndTheRule) {
  auto r = auth_->Login("dongezb", "secret-pass-26", 1000, "now");
  auto caller = auth_->Authenticate(r->token, 1000).value();
  auto bad = auth_->ChangePassword(caller, "wrong", "123456", "now");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().details.size(), 3u);  // old wrong; new short and common
  ASSERT_TRUE(auth_->ChangePassword(caller, "secret-pass-26", "Dong-E-Hu-2026", "now"));
  EXPECT_FALSE(auth_->Login("dongezb", "secret-pass-26", 1001, "now"));
  EXPECT_TRUE(auth_->Login("dongezb", "Dong-E-Hu-2026", 1002, "now"));
  EXPECT_TRUE(auth_->Authenticate(r->token, 1003));  // the session that changed it goes on
}

TEST_P(AuthServiceTest, SessionsAreListedRevokedAndEndedEverywhere) {
  auto a = auth_->Login("dongezb", "secret-pass-26", 1000, "now");
  auto b = auth_->Login("dongezb", "secret-pass-26", 1000, "now");
  auto caller = auth_->Authenticate(a->token, 1000).value();
  auto list = auth_->ListSessions(caller, 1000);
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.current, caller.session_id);
  const int64_t other = list.items[0].id == caller.session_id ? list.items[1].id : list.items[0].id;
  ASSERT_TRUE(auth_->RevokeSession(caller, other, "now"));
  EXPECT_FALSE(auth_->Authenticate(b->token, 1001));
  EXPECT_FALSE(auth_->RevokeSession(caller, other + 100, "now"));
  auto token = auth_->CreateApiToken(caller, "script", 30, 1000, "now");
  ASSERT_TRUE(token);
  EXPECT_EQ(auth_->LogoutAll(caller, "now").revoked, 2);  // this session and the token
  EXPECT_FALSE(auth_->Authenticate(a->token, 1002));
  EXPECT_FALSE(auth_->Authenticate(token->token, 1002));
}

TEST_P(AuthServiceTest, AnApiTokenCannotMintTokens) {
  auto caller =
      auth_->Authenticate(auth_->Login("dongezb", "secret-pass-26", 1000, "now")->token, 1000).value();
  auto t = auth_->CreateApiToken(caller, "script", 30, 1000, "now");
  ASSERT_TRUE(t);
  auto by_token = auth_->Authenticate(t->token, 1001).value();
  EXPECT_EQ(by_token.token_kind, "api");
  auto r = auth_->CreateApiToken(by_token, "another", 30, 1001, "now");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
}

TEST_P(AuthServiceTest, UserAddCanRequireAPasswordChange) {
  service::NewUser u{"wangfang", "王芳", "Liu-Ji-Zhen-2026", "viewer", "371524", std::nullopt, std::nullopt};
  u.must_change_password = true;
  ASSERT_TRUE(auth_->AddUser(u, "now"));
  auto r = auth_->Login("wangfang", "Liu-Ji-Zhen-2026", 1000, "now");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->caller.must_change_password);
  // The journal names the creation, never the password.
  auto c = tdb_->db().Acquire();
  const auto rows = c->Query("SELECT changes FROM journal WHERE entity = 'user' AND action = 'create'");
  ASSERT_FALSE(rows.empty());
  for (const auto& row : rows.rows) {
    const std::string text = store::AsText(row[0]);
    EXPECT_EQ(text.find("Liu-Ji-Zhen"), std::string::npos);
    EXPECT_EQ(text.find("argon2"), std::string::npos);
  }
}

TEST_P(AuthServiceTest, RepeatedFailuresAreThrottled) {
  for (int i = 0; i < 5; ++i) {
    auto r = auth_->Login("dongezb", "wrong", 1000 + i, "now");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated);
  }
  auto locked = auth_->Login("dongezb", "secret-pass-26", 1005, "now");
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, ErrorCode::kTooManyRequests);
  // After the wait (5 s after the last failure) the right password works again.
  EXPECT_TRUE(auth_->Login("dongezb", "secret-pass-26", 1004 + 5, "now"));
}

// Every attempt is counted before its password is checked: attempts made together (the parallel
// guesses of the finding) cannot all pass the check; past the free failures they are refused.
TEST_P(AuthServiceTest, ParallelFailuresAreEachCounted) {
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0}, throttled{0}, other{0};
  for (int i = 0; i < 12; ++i) {
    threads.emplace_back([&] {
      auto r = auth_->Login("dongezb", "wrong", 1000, "now", "10.0.0.1");
      if (!r && r.error().code == ErrorCode::kUnauthenticated) ++wrong;
      else if (!r && r.error().code == ErrorCode::kTooManyRequests) ++throttled;
      else ++other;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(wrong.load(), 5);  // the free failures, no more
  EXPECT_EQ(throttled.load(), 7);
  auto locked = auth_->Login("dongezb", "secret-pass-26", 1000, "now", "10.0.0.1");
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, ErrorCode::kTooManyRequests);
  EXPECT_EQ(locked.error().extra["retry_after"], 5);
}

// One address guessing at many logins is locked out across logins; another address is not.
TEST_P(AuthServiceTest, FailuresArePerClientAddressToo) {
  service::AuthService auth(tdb_->db(), {5, 5, 900, 3600, 3});
  for (int i = 0; i < 3; ++i) {
    auto r = auth.Login("nobody" + std::to_string(i), "wrong", 1000 + i, "now", "10.0.0.9");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated);
  }
  auto locked = auth.Login("dongezb", "secret-pass-26", 1003, "now", "10.0.0.9");
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, ErrorCode::kTooManyRequests);
  // The refused attempt did not count against the login: from elsewhere it logs in at once.
  EXPECT_TRUE(auth.Login("dongezb", "secret-pass-26", 1003, "now", "10.0.0.10"));
  // A success takes its own count back: logging in does not use up an address's allowance.
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(auth.Login("dongezb", "secret-pass-26", 1004, "now", "10.0.0.11"));
}

TEST_P(AuthServiceTest, ApiTokensLastAndCanBeRevoked) {
  auto caller =
      auth_->Authenticate(auth_->Login("dongezb", "secret-pass-26", 1000, "now")->token, 1000).value();
  auto t = auth_->CreateApiToken(caller, "script", 365, 1000, "now");
  ASSERT_TRUE(t);
  const std::string token = t->token;
  EXPECT_TRUE(auth_->Authenticate(token, 1000 + 300 * 86400));
  ASSERT_TRUE(auth_->RevokeApiToken(caller, t->id, "now"));
  EXPECT_FALSE(auth_->Authenticate(token, 1001));
}

TEST_P(AuthServiceTest, AddUserReportsEveryProblem) {
  auto r = auth_->AddUser({"dongezb", "", "short", "boss", "999999", std::nullopt, std::nullopt}, "now");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().details.size(), 4u);  // password, role, region, login exists
}

INSTANTIATE_TEST_SUITE_P(Engines, AuthServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

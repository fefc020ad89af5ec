#include "service/access/auth_service.h"

#include <gtest/gtest.h>

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
        {"dongezb", "东阿县项目办", "secret-pass", "coordinator", "371524", std::nullopt, std::nullopt},
        "now"));
  }
  std::unique_ptr<service::AuthService> auth_;
};

TEST_P(AuthServiceTest, PasswordsAreStoredAsArgon2idHashes) {
  auto c = tdb_->db().Acquire();
  const std::string hash = store::LoadAccountByLogin(*c, "dongezb")->password_hash;
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(hash.find("secret-pass"), std::string::npos);
}

TEST_P(AuthServiceTest, LoginAuthenticateLogout) {
  auto r = auth_->Login("dongezb", "secret-pass", 1000, "now");
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

// A token's caller is remembered for a few seconds: a revocation written by another process
// (here: straight into the database) is honoured once that time is up; a logout here at once.
TEST_P(AuthServiceTest, CallersAreRememberedBriefly) {
  auto r = auth_->Login("dongezb", "secret-pass", 1000, "now");
  ASSERT_TRUE(r);
  ASSERT_TRUE(auth_->Authenticate(r->token, 1000));
  {
    auto c = tdb_->db().Acquire();
    c->Exec("UPDATE users SET active = 0 WHERE login = 'dongezb'");
  }
  EXPECT_TRUE(auth_->Authenticate(r->token, 1000 + service::AuthService::kCallerCacheSeconds - 1));
  EXPECT_FALSE(auth_->Authenticate(r->token, 1000 + service::AuthService::kCallerCacheSeconds));
  {
    auto c = tdb_->db().Acquire();
    c->Exec("UPDATE users SET active = 1 WHERE login = 'dongezb'");
  }
  ASSERT_TRUE(auth_->Authenticate(r->token, 2000));
  ASSERT_TRUE(auth_->Logout(r->token));
  EXPECT_FALSE(auth_->Authenticate(r->token, 2001));
}

TEST_P(AuthServiceTest, RepeatedFailuresAreThrottled) {
  for (int i = 0; i < 5; ++i) {
    auto r = auth_->Login("dongezb", "wrong", 1000 + i, "now");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated);
  }
  auto locked = auth_->Login("dongezb", "secret-pass", 1005, "now");
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, ErrorCode::kTooManyRequests);
  // After the wait (5 s after the last failure) the right password works again.
  EXPECT_TRUE(auth_->Login("dongezb", "secret-pass", 1004 + 5, "now"));
}

TEST_P(AuthServiceTest, ApiTokensLastAndCanBeRevoked) {
  auto caller = auth_->Authenticate(auth_->Login("dongezb", "secret-pass", 1000, "now")->token, 1000).value();
  auto t = auth_->CreateApiToken(caller, "script", 365, 1000, "now");
  ASSERT_TRUE(t);
  const std::string token = t->token;
  EXPECT_TRUE(auth_->Authenticate(token, 1000 + 300 * 86400));
  ASSERT_TRUE(auth_->RevokeApiToken(caller, t->id));
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

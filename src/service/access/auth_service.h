// Accounts and sessions: argon2id password hashes (libsodium), bearer tokens stored only as hashes,
// expiry and revocation, long-lived API tokens, and throttling of repeated failed logins. All state
// lives in the store so several server instances can share it.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/access/access.h"
#include "store/account_store.h"
#include "store/db.h"

namespace gj::service {

std::string HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);

struct NewUser {
  std::string login;
  std::string name;
  std::string password;
  std::string role;
  std::string region_code;
  std::optional<int64_t> unit_id;
  std::optional<int64_t> person_id;
};

struct LoginResult {
  std::string token;
  int64_t expires_at = 0;
  access::Caller caller;
};

// A new API token: its text is shown once (the store keeps only its hash).
struct IssuedApiToken {
  int64_t id = 0;
  std::string name;
  std::string token;
  int64_t expires_at = 0;  // unix seconds
};

// A caller's API tokens (their hashes are not shown).
struct ApiTokenList {
  std::vector<store::SessionRow> items;
};

// Lock-out after repeated failures (policy as data).
struct LoginThrottle {
  int free_failures = 5;    // failures allowed before any wait
  int64_t base_wait_s = 5;  // wait after the first throttled failure, doubling after each
  int64_t max_wait_s = 900;
  int64_t forget_after_s = 3600;  // failures older than this are forgotten
};

class AuthService {
 public:
  explicit AuthService(store::Database& db, LoginThrottle throttle = {}) : db_(db), throttle_(throttle) {}

  // Creates a user with one role grant; validates role, region, unit and password strength.
  Result<int64_t> AddUser(const NewUser& u, const std::string& now_iso);
  // The same within the caller's transaction on `c` (nothing is committed here): a use case that
  // creates a user among other writes (gongjian init: the region and its first admin at once).
  Result<int64_t> AddUser(store::Connection& c, const NewUser& u, const std::string& now_iso);
  Result<LoginResult> Login(const std::string& login, const std::string& password, int64_t now_unix,
                            const std::string& now_iso);
  Result<access::Caller> Authenticate(const std::string& token, int64_t now_unix);
  Status Logout(const std::string& token);
  Result<IssuedApiToken> CreateApiToken(const access::Caller& caller, const std::string& name, int days,
                                        int64_t now_unix, const std::string& now_iso);
  ApiTokenList ListApiTokens(const access::Caller& caller);
  Status RevokeApiToken(const access::Caller& caller, int64_t id);

  static constexpr int64_t kSessionSeconds = 12 * 3600;
  // A token's caller is remembered this long: every request still checks its token, but reads
  // the session, user and grants from the database at most this often. Logout and revocation in
  // this process take effect at once; changes made by another process within this many seconds.
  static constexpr int64_t kCallerCacheSeconds = 5;

 private:
  struct IssuedToken {
    std::string token;  // shown once; the store keeps only its hash
    int64_t id = 0;     // the session's
  };
  IssuedToken IssueToken(store::Connection& c, int64_t user_id, const std::string& kind,
                         const std::string& name, int64_t expires_at, const std::string& now_iso);
  access::Caller LoadCaller(store::Connection& c, int64_t user_id);

  void ForgetCallers();

  store::Database& db_;
  LoginThrottle throttle_;
  struct CachedCaller {
    access::Caller caller;
    int64_t expires_at = 0;  // the session's
    int64_t loaded_at = 0;
  };
  std::mutex callers_mu_;
  std::unordered_map<std::string, CachedCaller> callers_;  // by token hash
};

}  // namespace gj::service

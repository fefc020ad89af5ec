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
  // The first log-in may do nothing but change the password (gongjian user add and init set it).
  bool must_change_password = false;
  // The demo's documented password (demo1234) is below the password rule; only the demo sets this.
  bool demo_password = false;
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

// A caller's live log-in sessions; `current` is the one the request came with (0 for an API token).
struct SessionList {
  std::vector<store::SessionRow> items;
  int64_t current = 0;
};

// How many sessions and tokens a log-out everywhere ended.
struct LoggedOut {
  int64_t revoked = 0;
};

// Lock-out after repeated failures (policy as data), per login and per client address: after the
// free failures each further attempt waits base_wait_s after the last one, doubling per failure up
// to max_wait_s. Every attempt is counted before its password is checked (and uncounted when it
// succeeds), so parallel guesses get no more checks than the free failures.
struct LoginThrottle {
  int free_failures = 5;    // failures of one login allowed before any wait
  int64_t base_wait_s = 5;  // wait after the first throttled failure, doubling after each
  int64_t max_wait_s = 900;
  int64_t forget_after_s = 3600;  // failures older than this are forgotten
  // Failures from one client address, across logins (an office behind one NAT shares it).
  int address_free_failures = 20;
};

class AuthService {
 public:
  explicit AuthService(store::Database& db, LoginThrottle throttle = {}) : db_(db), throttle_(throttle) {}

  // Creates a user with one role grant; validates login, role, region, unit and the password rule
  // (domain/access/password_rule.h); journaled as by the system.
  Result<int64_t> AddUser(const NewUser& u, const std::string& now_iso);
  // The same within the caller's transaction on `c` (nothing is committed here): a use case that
  // creates a user among other writes (gongjian init: the region and its first admin at once).
  Result<int64_t> AddUser(store::Connection& c, const NewUser& u, const std::string& now_iso);
  // `client_address` (the request's, see api::ClientAddress): throttled as well; "" for none (CLI).
  // A locked-out login or address is 429 with extra.retry_after, before any password is checked.
  Result<LoginResult> Login(const std::string& login, const std::string& password, int64_t now_unix,
                            const std::string& now_iso, const std::string& client_address = "");
  Result<access::Caller> Authenticate(const std::string& token, int64_t now_unix);
  Status Logout(const std::string& token);
  Result<IssuedApiToken> CreateApiToken(const access::Caller& caller, const std::string& name, int days,
                                        int64_t now_unix, const std::string& now_iso);
  ApiTokenList ListApiTokens(const access::Caller& caller);
  Status RevokeApiToken(const access::Caller& caller, int64_t id, const std::string& now_iso);

  // The caller's own password: the old one is required, the new one meets the password rule and
  // differs from the old; clears must_change_password and ends the caller's other log-in sessions.
  Status ChangePassword(const access::Caller& caller, const std::string& old_password,
                        const std::string& new_password, const std::string& now_iso);
  SessionList ListSessions(const access::Caller& caller, int64_t now_unix);
  Status RevokeSession(const access::Caller& caller, int64_t id, const std::string& now_iso);
  // Ends every session and API token of the caller, the current one included.
  LoggedOut LogoutAll(const access::Caller& caller, const std::string& now_iso);

  static constexpr int64_t kSessionSeconds = 12 * 3600;

 private:
  struct IssuedToken {
    std::string token;  // shown once; the store keeps only its hash
    int64_t id = 0;     // the session's
  };
  IssuedToken IssueToken(store::Connection& c, int64_t user_id, const std::string& kind,
                         const std::string& name, int64_t expires_at, const std::string& now_iso);
  access::Caller LoadCaller(store::Connection& c, int64_t user_id);

  // Counts one attempt of `subject` before its password is checked (retried while parallel
  // attempts count theirs): 0 when counted, else the seconds the subject is locked out for.
  Result<LoginResult> Login(store::Connection& c, const std::string& subject, const std::string& login,
                            const std::string& password, int64_t now, const std::string& now_iso,
                            const std::string& client_address);
  int64_t CountAttempt(store::Connection& c, const std::string& scope, const std::string& subject,
                       int free_failures, int64_t now) const;

  void ForgetCallers();
  // Revokes the caller's own session or API token (`kind` "session" or "api"), journaled.
  Status RevokeOwn(const access::Caller& caller, int64_t id, const std::string& kind,
                   const std::string& now_iso);

  store::Database& db_;
  LoginThrottle throttle_;
  // Every request reads its session (live, not revoked, user active) from the database, so a
  // revocation or a disabled account stops a token at once on every instance; the caller's
  // grants are reused while the user's version (bumped by every account change) is unchanged.
  struct CachedCaller {
    access::Caller caller;
    int64_t user_version = 0;
  };
  std::mutex callers_mu_;
  std::unordered_map<std::string, CachedCaller> callers_;  // by token hash
};

}  // namespace gj::service

// SQL of accounts: users and their role grants, sessions and API tokens (stored only as token
// hashes), and the failed-login counters that throttle guessing. The service (AuthService) owns
// hashing, validation and the throttling policy; this is rows in, rows out.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/access/access.h"
#include "store/db.h"
#include "store/fields.h"

namespace gj::store {

struct AccountRow {
  int64_t id = 0;
  std::string login, name, password_hash;
  std::optional<int64_t> person_id;
  bool active = true;
  std::string created_at;
  bool must_change_password = false;  // the next log-in may do nothing else until it is changed
  int64_t version = 1;
  std::string updated_at;
};

// The users table's field list (JournalDiff of an account change; the hash is not journaled).
const Fields<AccountRow>& UserFields();

// Whether the references of a new account exist.
bool RegionExists(Connection& c, const std::string& code);
bool UnitExists(Connection& c, int64_t id);
bool PersonExists(Connection& c, int64_t id);

std::optional<AccountRow> LoadAccount(Connection& c, int64_t id);
std::optional<AccountRow> LoadAccountByLogin(Connection& c, const std::string& login);
// Links the account `login` to a person (a leader account's "my projects"); false when no such account.
bool SetAccountPerson(Connection& c, const std::string& login, int64_t person_id);
// Inserts the user (active) and returns its id.
int64_t InsertAccount(Connection& c, const AccountRow& a);
void InsertGrant(Connection& c, int64_t user_id, const access::RoleGrant& g);
// In the order they were granted.
std::vector<access::RoleGrant> LoadGrants(Connection& c, int64_t user_id);

// Failed log-ins of one subject: a login (scope "login") or a client address (scope "address").
struct LoginFailures {
  int64_t failures = 0;
  int64_t last_at = 0;  // unix seconds of the latest counted attempt
};
std::optional<LoginFailures> LoadLoginFailures(Connection& c, const std::string& scope,
                                               const std::string& subject);
// Sets the subject's counter to `next` in one statement, only when it is still `seen` (nullopt: no
// counter yet): true when this call wrote it, false when another request changed it first (read
// again and retry). Parallel attempts are thus each counted once.
bool CountLoginFailure(Connection& c, const std::string& scope, const std::string& subject,
                       const std::optional<LoginFailures>& seen, const LoginFailures& next);
// One failure fewer (an attempt counted before it succeeded), in one statement, never below zero.
void UncountLoginFailure(Connection& c, const std::string& scope, const std::string& subject);
void ClearLoginFailures(Connection& c, const std::string& scope, const std::string& subject);

struct SessionRow {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string token_hash;
  std::string kind;  // session, api
  std::string name;  // an API token's label
  std::string created_at;
  int64_t expires_at = 0;  // unix seconds
  bool revoked = false;
  int64_t user_version = 0;  // FindLiveSession: the user's version (a cached caller is current while equal)
};
// Inserts a live session and returns its id.
int64_t InsertSession(Connection& c, const SessionRow& s);
// The session of `token_hash` when it is live at `now` (not revoked, not expired, its user active).
std::optional<SessionRow> FindLiveSession(Connection& c, const std::string& token_hash, int64_t now);
void RevokeSession(Connection& c, const std::string& token_hash);
// Revokes the user's API token `id`; false when the user has no such token.
bool RevokeApiToken(Connection& c, int64_t user_id, int64_t id);
// The user's API tokens (revoked too, without hashes), oldest first.
std::vector<SessionRow> ListApiTokens(Connection& c, int64_t user_id);

// --- Account administration (AccountService) ---

// Accounts whose login or name contains `q` (every account when empty), by login.
std::vector<AccountRow> ListAccounts(Connection& c, const std::string& q);
// Every account's grants, by user id (what an admin's list filters on).
std::map<int64_t, std::vector<access::RoleGrant>> LoadAllGrants(Connection& c);
// The one versioned write of a user (name, active, password, must_change_password): 409 through
// StaleVersion when `expected_version` is no longer the stored one.
Status UpdateAccount(Connection& c, const AccountRow& after, int64_t expected_version);
// A write that needs no expected version (the user's own password change): bumps the version.
void UpdateAccountUnversioned(Connection& c, const AccountRow& after);
// Replaces the user's grants with `grants`, in that order.
void ReplaceGrants(Connection& c, int64_t user_id, const std::vector<access::RoleGrant>& grants);
// The user's live log-in sessions (kind "session", not revoked, not expired), without hashes, oldest first.
std::vector<SessionRow> ListLiveSessions(Connection& c, int64_t user_id, int64_t now);
// Revokes the user's log-in session `id`; false when the user has no such live session.
bool RevokeSessionOf(Connection& c, int64_t user_id, int64_t id);
// Revokes every session and API token of the user but `keep` (0: none kept); returns how many.
int64_t RevokeAllSessions(Connection& c, int64_t user_id, int64_t keep = 0);

}  // namespace gj::store

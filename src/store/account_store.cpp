#include "store/account_store.h"

#include "store/fields.h"

namespace gj::store {

namespace {

// Each table's field list: what its rows read and write.
const Fields<AccountRow> kUserFields =
    GJ_COLUMNS(AccountRow, id, login, name, password_hash, person_id, active, created_at).ReadOnly({"id"});
const Fields<access::RoleGrant> kGrantFields = GJ_COLUMNS(access::RoleGrant, role, region_code, unit_id);
const Fields<SessionRow> kSessionFields =
    GJ_COLUMNS(SessionRow, id, user_id, token_hash, kind, name, created_at, expires_at, revoked).ReadOnly({"id"});
const Fields<LoginFailures> kFailureFields = GJ_COLUMNS(LoginFailures, failures, last_at);

const Table kUsers = TableOf("users", kUserFields);
const Table kGrants = TableOf("role_grants", kGrantFields).With({"id", "user_id"});
const Table kSessions = TableOf("sessions", kSessionFields);
const Table kFailures = TableOf("login_failures", kFailureFields).With({"login"});

bool Exists(Connection& c, const std::string& sql, Value key) {
  return !c.Query(sql, {std::move(key)}).empty();
}

}  // namespace

bool RegionExists(Connection& c, const std::string& code) {
  return Exists(c, "SELECT 1 FROM regions WHERE code = ?", code);
}
bool UnitExists(Connection& c, int64_t id) { return Exists(c, "SELECT 1 FROM units WHERE id = ?", id); }
bool PersonExists(Connection& c, int64_t id) { return Exists(c, "SELECT 1 FROM people WHERE id = ?", id); }

std::optional<AccountRow> LoadAccount(Connection& c, int64_t id) {
  return ReadOne(c, "SELECT " + kUsers.Select() + " FROM users WHERE id = ?", {id}, RecordOf(kUserFields));
}

std::optional<AccountRow> LoadAccountByLogin(Connection& c, const std::string& login) {
  return ReadOne(c, "SELECT " + kUsers.Select() + " FROM users WHERE login = ?", {login},
                 RecordOf(kUserFields));
}

bool SetAccountPerson(Connection& c, const std::string& login, int64_t person_id) {
  return UpdateWhere(c, kUsers, {{"person_id", person_id}}, {{"login", login}}) > 0;
}

int64_t InsertAccount(Connection& c, const AccountRow& a) {
  AccountRow active = a;
  active.active = true;
  return InsertReturningId(c, kUsers, InsertValuesOf(kUserFields, active));
}

void InsertGrant(Connection& c, int64_t user_id, const access::RoleGrant& g) {
  ColumnValues values = InsertValuesOf(kGrantFields, g);
  values.emplace_back("user_id", user_id);
  InsertRow(c, kGrants, values);
}

std::vector<access::RoleGrant> LoadGrants(Connection& c, int64_t user_id) {
  return ReadRows(c, "SELECT role, region_code, unit_id FROM role_grants WHERE user_id = ? ORDER BY id",
                  {user_id}, RecordOf(kGrantFields));
}

std::optional<LoginFailures> LoadLoginFailures(Connection& c, const std::string& login) {
  return ReadOne(c, "SELECT failures, last_at FROM login_failures WHERE login = ?", {login},
                 RecordOf(kFailureFields));
}

void SaveLoginFailures(Connection& c, const std::string& login, const LoginFailures& f) {
  ClearLoginFailures(c, login);
  ColumnValues values = InsertValuesOf(kFailureFields, f);
  values.emplace_back("login", login);
  InsertRow(c, kFailures, values);
}

void ClearLoginFailures(Connection& c, const std::string& login) {
  c.Exec("DELETE FROM login_failures WHERE login = ?", {login});
}

int64_t InsertSession(Connection& c, const SessionRow& s) {
  SessionRow live = s;
  live.revoked = false;
  return InsertReturningId(c, kSessions, InsertValuesOf(kSessionFields, live));
}

std::optional<SessionRow> FindLiveSession(Connection& c, const std::string& token_hash, int64_t now) {
  return ReadOne(c,
                 "SELECT " + kSessions.Select("s") +
                     " FROM sessions s JOIN users u ON u.id = s.user_id "
                     "WHERE s.token_hash = ? AND s.revoked = 0 AND s.expires_at > ? AND u.active = 1",
                 {token_hash, now}, RecordOf(kSessionFields));
}

void RevokeSession(Connection& c, const std::string& token_hash) {
  UpdateWhere(c, kSessions, {{"revoked", int64_t{1}}}, {{"token_hash", token_hash}});
}

bool RevokeApiToken(Connection& c, int64_t user_id, int64_t id) {
  return UpdateWhere(c, kSessions, {{"revoked", int64_t{1}}},
                     {{"id", id}, {"user_id", user_id}, {"kind", std::string("api")}}) > 0;
}

std::vector<SessionRow> ListApiTokens(Connection& c, int64_t user_id) {
  return ReadRows(
      c,
      "SELECT id, user_id, '' AS token_hash, kind, name, created_at, expires_at, revoked FROM sessions "
      "WHERE user_id = ? AND kind = 'api' ORDER BY id",
      {user_id}, RecordOf(kSessionFields));
}

}  // namespace gj::store

#include "store/account_store.h"

#include <cctype>

#include "store/fields.h"
#include "store/table.h"

namespace gj::store {

namespace {

// Each table's field list: what its rows read and write.
const Fields<AccountRow> kUserFields =
    GJ_COLUMNS(AccountRow, id, login, name, password_hash, person_id, active, created_at,
               must_change_password, version, updated_at)
        .ReadOnly({"id", "version"})
        .NotJournaled({"password_hash", "updated_at"})
        .JournaledAsBool({"active", "must_change_password"})
        .Fixed({"created_at"});
const Fields<access::RoleGrant> kGrantFields = GJ_COLUMNS(access::RoleGrant, role, region_code, unit_id);
const Fields<SessionRow> kSessionFields =
    GJ_COLUMNS(SessionRow, id, user_id, token_hash, kind, name, created_at, expires_at, revoked)
        .ReadOnly({"id"});
const Fields<LoginFailures> kFailureFields = GJ_COLUMNS(LoginFailures, failures, last_at);

const Table kUsers = TableOf("users", kUserFields);
const Table kGrants = TableOf("role_grants", kGrantFields).With({"id", "user_id"});
const Table kSessions = TableOf("sessions", kSessionFields);

bool Exists(Connection& c, const std::string& sql, Value key) {
  return !c.Query(sql, {std::move(key)}).empty();
}

}  // namespace

const Fields<AccountRow>& UserFields() { return kUserFields; }

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

std::optional<LoginFailures> LoadLoginFailures(Connection& c, const std::string& scope,
                                               const std::string& subject) {
  return ReadOne(c, "SELECT failures, last_at FROM login_throttle WHERE scope = ? AND subject = ?",
                 {scope, subject}, RecordOf(kFailureFields));
}

bool CountLoginFailure(Connection& c, const std::string& scope, const std::string& subject,
                       const std::optional<LoginFailures>& seen, const LoginFailures& next) {
  // One statement each, RETURNING the row it wrote: none when another request got there first.
  if (!seen) {
    return !c.Query(
                 "INSERT INTO login_throttle (scope, subject, failures, last_at) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (scope, subject) DO NOTHING RETURNING failures",
                 {scope, subject, next.failures, next.last_at})
                .empty();
  }
  return !c.Query(
               "UPDATE login_throttle SET failures = ?, last_at = ? "
               "WHERE scope = ? AND subject = ? AND failures = ? AND last_at = ? RETURNING failures",
               {next.failures, next.last_at, scope, subject, seen->failures, seen->last_at})
              .empty();
}

void UncountLoginFailure(Connection& c, const std::string& scope, const std::string& subject) {
  c.Exec("UPDATE login_throttle SET failures = failures - 1 WHERE scope = ? AND subject = ? AND failures > 0",
         {scope, subject});
}

void ClearLoginFailures(Connection& c, const std::string& scope, const std::string& subject) {
  c.Exec("DELETE FROM login_throttle WHERE scope = ? AND subject = ?", {scope, subject});
}

int64_t InsertSession(Connection& c, const SessionRow& s) {
  SessionRow live = s;
  live.revoked = false;
  return InsertReturningId(c, kSessions, InsertValuesOf(kSessionFields, live));
}

std::optional<SessionRow> FindLiveSession(Connection& c, const std::string& token_hash, int64_t now) {
  return ReadOne(c,
                 "SELECT " + kSessions.Select("s") +
                     ", u.version AS user_version FROM sessions s JOIN users u ON u.id = s.user_id "
                     "WHERE s.token_hash = ? AND s.revoked = 0 AND s.expires_at > ? AND u.active = 1",
                 {token_hash, now}, [](RowReader& r) {
                   SessionRow s;
                   ReadInto(kSessionFields, r, s);
                   s.user_version = r.Int("user_version");
                   return s;
                 });
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

std::vector<AccountRow> ListAccounts(Connection& c, const std::string& q) {
  std::string sql = "SELECT " + kUsers.Select() + " FROM users";
  std::vector<Value> params;
  if (!q.empty()) {
    sql += " WHERE LOWER(login) LIKE ? OR name LIKE ?";
    std::string like = "%";
    for (char ch : q) like += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    params = {like + "%", "%" + q + "%"};
  }
  return ReadRows(c, sql + " ORDER BY login", params, RecordOf(kUserFields));
}

std::map<int64_t, std::vector<access::RoleGrant>> LoadAllGrants(Connection& c) {
  std::map<int64_t, std::vector<access::RoleGrant>> out;
  ForEachRow(c, "SELECT user_id, role, region_code, unit_id FROM role_grants ORDER BY id", {},
             [&](RowReader& r) {
               const int64_t user = r.Int("user_id");
               access::RoleGrant g;
               out[user].push_back(ReadInto(kGrantFields, r, g));
             });
  return out;
}

Status UpdateAccount(Connection& c, const AccountRow& after, int64_t expected_version) {
  return UpdateVersioned(c, kUsers, "user", ValuesOf(kUserFields, after), after.id, expected_version);
}

void UpdateAccountUnversioned(Connection& c, const AccountRow& after) {
  UpdateWhere(c, kUsers, ValuesOf(kUserFields, after), {{"id", after.id}}, true);
}

void ReplaceGrants(Connection& c, int64_t user_id, const std::vector<access::RoleGrant>& grants) {
  c.Exec("DELETE FROM role_grants WHERE user_id = ?", {user_id});
  for (const auto& g : grants) InsertGrant(c, user_id, g);
}

std::vector<SessionRow> ListLiveSessions(Connection& c, int64_t user_id, int64_t now) {
  return ReadRows(
      c,
      "SELECT id, user_id, '' AS token_hash, kind, name, created_at, expires_at, revoked FROM sessions "
      "WHERE user_id = ? AND kind = 'session' AND revoked = 0 AND expires_at > ? ORDER BY id",
      {user_id, now}, RecordOf(kSessionFields));
}

bool RevokeSessionOf(Connection& c, int64_t user_id, int64_t id) {
  return UpdateWhere(c, kSessions, {{"revoked", int64_t{1}}},
                     {{"id", id}, {"user_id", user_id}, {"kind", std::string("session")}}) > 0;
}

int64_t RevokeAllSessions(Connection& c, int64_t user_id, int64_t keep) {
  return c.Exec("UPDATE sessions SET revoked = 1 WHERE user_id = ? AND revoked = 0 AND id <> ?",
                {user_id, keep});
}

}  // namespace gj::store

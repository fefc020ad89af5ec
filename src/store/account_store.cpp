#include "store/account_store.h"

#include "store/row.h"
#include "store/table.h"

namespace gj::store {

namespace {

const Table kUsers{"users", {"id", "login", "name", "password_hash", "person_id", "active", "created_at"}};
const Table kGrants{"role_grants", {"id", "user_id", "role", "region_code", "unit_id"}};
const Table kSessions{"sessions", {"id", "user_id", "token_hash", "kind", "name", "created_at", "expires_at", "revoked"}};
const Table kFailures{"login_failures", {"login", "failures", "last_at"}};

bool Exists(Connection& c, const std::string& sql, Value key) { return !c.Query(sql, {std::move(key)}).empty(); }

AccountRow AccountFrom(RowReader& r) {
  AccountRow a;
  a.id = r.Int("id");
  a.login = r.Text("login");
  a.name = r.Text("name");
  a.password_hash = r.Text("password_hash");
  a.person_id = r.OptInt("person_id");
  a.active = r.Int("active") == 1;
  a.created_at = r.Text("created_at");
  return a;
}

SessionRow SessionFrom(RowReader& r) {
  SessionRow s;
  s.id = r.Int("id");
  s.user_id = r.Int("user_id");
  if (r.Has("token_hash")) s.token_hash = r.Text("token_hash");
  s.kind = r.Text("kind");
  s.name = r.Text("name");
  s.created_at = r.Text("created_at");
  s.expires_at = r.Int("expires_at");
  s.revoked = r.Bool("revoked");
  return s;
}

}  // namespace

bool RegionExists(Connection& c, const std::string& code) { return Exists(c, "SELECT 1 FROM regions WHERE code = ?", code); }
bool UnitExists(Connection& c, int64_t id) { return Exists(c, "SELECT 1 FROM units WHERE id = ?", id); }
bool PersonExists(Connection& c, int64_t id) { return Exists(c, "SELECT 1 FROM people WHERE id = ?", id); }

std::optional<AccountRow> LoadAccount(Connection& c, int64_t id) {
  return ReadOne(c, "SELECT " + kUsers.Select() + " FROM users WHERE id = ?", {id}, AccountFrom);
}

std::optional<AccountRow> LoadAccountByLogin(Connection& c, const std::string& login) {
  return ReadOne(c, "SELECT " + kUsers.Select() + " FROM users WHERE login = ?", {login}, AccountFrom);
}

int64_t InsertAccount(Connection& c, const AccountRow& a) {
  return InsertReturningId(c, kUsers,
                           {{"login", a.login}, {"name", a.name}, {"password_hash", a.password_hash},
                            {"person_id", Opt(a.person_id)}, {"active", int64_t{1}}, {"created_at", a.created_at}});
}

void InsertGrant(Connection& c, int64_t user_id, const access::RoleGrant& g) {
  InsertRow(c, kGrants, {{"user_id", user_id}, {"role", g.role}, {"region_code", g.region_code}, {"unit_id", Opt(g.unit_id)}});
}

std::vector<access::RoleGrant> LoadGrants(Connection& c, int64_t user_id) {
  return ReadRows(c, "SELECT role, region_code, unit_id FROM role_grants WHERE user_id = ? ORDER BY id", {user_id},
                  [](RowReader& r) {
                    access::RoleGrant g;
                    g.role = r.Text("role");
                    g.region_code = r.Text("region_code");
                    g.unit_id = r.OptInt("unit_id");
                    return g;
                  });
}

std::optional<LoginFailures> LoadLoginFailures(Connection& c, const std::string& login) {
  return ReadOne(c, "SELECT failures, last_at FROM login_failures WHERE login = ?", {login},
                 [](RowReader& r) { return LoginFailures{r.Int("failures"), r.Int("last_at")}; });
}

void SaveLoginFailures(Connection& c, const std::string& login, const LoginFailures& f) {
  ClearLoginFailures(c, login);
  InsertRow(c, kFailures, {{"login", login}, {"failures", f.failures}, {"last_at", f.last_at}});
}

void ClearLoginFailures(Connection& c, const std::string& login) {
  c.Exec("DELETE FROM login_failures WHERE login = ?", {login});
}

int64_t InsertSession(Connection& c, const SessionRow& s) {
  return InsertReturningId(c, kSessions,
                           {{"user_id", s.user_id}, {"token_hash", s.token_hash}, {"kind", s.kind}, {"name", s.name},
                            {"created_at", s.created_at}, {"expires_at", s.expires_at}, {"revoked", int64_t{0}}});
}

std::optional<SessionRow> FindLiveSession(Connection& c, const std::string& token_hash, int64_t now) {
  return ReadOne(c,
                 "SELECT " + kSessions.Select("s") +
                     " FROM sessions s JOIN users u ON u.id = s.user_id "
                     "WHERE s.token_hash = ? AND s.revoked = 0 AND s.expires_at > ? AND u.active = 1",
                 {token_hash, now}, SessionFrom);
}

void RevokeSession(Connection& c, const std::string& token_hash) {
  UpdateWhere(c, kSessions, {{"revoked", int64_t{1}}}, {{"token_hash", token_hash}});
}

bool RevokeApiToken(Connection& c, int64_t user_id, int64_t id) {
  return UpdateWhere(c, kSessions, {{"revoked", int64_t{1}}}, {{"id", id}, {"user_id", user_id}, {"kind", std::string("api")}}) > 0;
}

std::vector<SessionRow> ListApiTokens(Connection& c, int64_t user_id) {
  return ReadRows(c,
                  "SELECT id, user_id, kind, name, created_at, expires_at, revoked FROM sessions "
                  "WHERE user_id = ? AND kind = 'api' ORDER BY id",
                  {user_id}, SessionFrom);
}

}  // namespace gj::store

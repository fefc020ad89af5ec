#include "service/access/auth_service.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "store/journal.h"

namespace gj::service {

namespace {

void EnsureSodium() {
  static const int ok = sodium_init();
  if (ok < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string Hex(const unsigned char* p, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

std::string TokenHash(const std::string& token) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return Hex(h, sizeof h);
}

// A valid argon2id hash of a random password: verifying against it makes an unknown login cost
// the same time as a known one.
const std::string& DummyHash() {
  static const std::string h = HashPassword("not-a-real-password-" + std::to_string(randombytes_random()));
  return h;
}

}  // namespace

std::string HashPassword(const std::string& password) {
  EnsureSodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.c_str(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
  EnsureSodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.c_str(), password.size()) == 0;
}

Result<int64_t> AuthService::AddUser(const NewUser& u, const std::string& now_iso) {
  Problems pr;
  if (u.login.empty() || u.login.size() > 64) pr.Add("login", u.login, "required, at most 64 characters");
  for (char ch : u.login) {
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.' || ch == '-')) {
      pr.Add("login", u.login, "only letters, digits, '_', '.', '-'");
      break;
    }
  }
  if (u.password.size() < 8) pr.Add("password", "", "at least 8 characters");
  if (!access::IsKnownRole(u.role)) pr.Add("role", u.role, "not one of admin, coordinator, leader, unit, viewer");
  if (u.role == "unit" && !u.unit_id) pr.Add("unit", "", "the unit role needs --unit");
  auto c = db_.Acquire();
  if (c->Query("SELECT 1 FROM regions WHERE code = ?", {u.region_code}).empty()) {
    pr.Add("region", u.region_code, "unknown region code");
  }
  if (u.unit_id && c->Query("SELECT 1 FROM units WHERE id = ?", {*u.unit_id}).empty()) {
    pr.Add("unit", std::to_string(*u.unit_id), "unknown unit id");
  }
  if (u.person_id && c->Query("SELECT 1 FROM people WHERE id = ?", {*u.person_id}).empty()) {
    pr.Add("person", std::to_string(*u.person_id), "unknown person id");
  }
  if (!c->Query("SELECT 1 FROM users WHERE login = ?", {u.login}).empty()) pr.Add("login", u.login, "already exists");
  if (!pr.empty()) return pr.ToError("cannot create user");

  const std::string hash = HashPassword(u.password);
  store::Transaction tx(*c);
  auto rows = c->Query("INSERT INTO users (login, name, password_hash, person_id, active, created_at) VALUES (?,?,?,?,1,?) RETURNING id",
                       {u.login, u.name.empty() ? u.login : u.name, hash, store::Opt(u.person_id), now_iso});
  const int64_t id = store::AsInt(rows.rows[0][0]);
  c->Exec("INSERT INTO role_grants (user_id, role, region_code, unit_id) VALUES (?,?,?,?)",
          {id, u.role, u.region_code, store::Opt(u.unit_id)});
  store::WriteJournal(*c, "user", id, "create", std::nullopt, now_iso,
                      nlohmann::json::array({{{"field", "login"}, {"old", nullptr}, {"new", u.login}},
                                             {{"field", "role"}, {"old", nullptr}, {"new", u.role}},
                                             {{"field", "region_code"}, {"old", nullptr}, {"new", u.region_code}}}));
  tx.Commit();
  ForgetCallers();
  return id;
}

access::Caller AuthService::LoadCaller(store::Connection& c, int64_t user_id) {
  access::Caller caller;
  auto u = c.Query("SELECT id, login, name, person_id FROM users WHERE id = ?", {user_id});
  if (u.empty()) return caller;
  caller.user_id = store::AsInt(u.rows[0][0]);
  caller.login = store::AsText(u.rows[0][1]);
  caller.name = store::AsText(u.rows[0][2]);
  caller.person_id = store::AsOptInt(u.rows[0][3]);
  auto g = c.Query("SELECT role, region_code, unit_id FROM role_grants WHERE user_id = ? ORDER BY id", {user_id});
  for (const auto& r : g.rows) {
    caller.grants.push_back({store::AsText(r[0]), store::AsText(r[1]), store::AsOptInt(r[2])});
  }
  return caller;
}

std::string AuthService::IssueToken(store::Connection& c, int64_t user_id, const std::string& kind,
                                    const std::string& name, int64_t expires_at, const std::string& now_iso) {
  EnsureSodium();
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  const std::string token = "gj_" + Hex(raw, sizeof raw);
  c.Exec("INSERT INTO sessions (user_id, token_hash, kind, name, created_at, expires_at, revoked) VALUES (?,?,?,?,?,?,0)",
         {user_id, TokenHash(token), kind, name, now_iso, expires_at});
  return token;
}

Result<LoginResult> AuthService::Login(const std::string& login, const std::string& password, int64_t now,
                                       const std::string& now_iso) {
  auto c = db_.Acquire();
  auto f = c->Query("SELECT failures, last_at FROM login_failures WHERE login = ?", {login});
  int64_t failures = 0;
  if (!f.empty() && now - store::AsInt(f.rows[0][1]) < throttle_.forget_after_s) failures = store::AsInt(f.rows[0][0]);
  if (failures >= throttle_.free_failures) {
    const int shift = static_cast<int>(std::min<int64_t>(failures - throttle_.free_failures, 20));
    const int64_t wait = std::min(throttle_.max_wait_s, throttle_.base_wait_s << shift);
    const int64_t until = store::AsInt(f.rows[0][1]) + wait;
    if (now < until) {
      Error e{ErrorCode::kTooManyRequests, "too many failed logins; try again in " + std::to_string(until - now) + " s", {}, {}};
      e.extra["retry_after"] = until - now;
      return e;
    }
  }
  auto u = c->Query("SELECT id, password_hash, active FROM users WHERE login = ?", {login});
  const bool known = !u.empty() && store::AsInt(u.rows[0][2]) == 1;
  const bool good = VerifyPassword(known ? store::AsText(u.rows[0][1]) : DummyHash(), password) && known;
  if (!good) {
    c->Exec("DELETE FROM login_failures WHERE login = ?", {login});
    c->Exec("INSERT INTO login_failures (login, failures, last_at) VALUES (?,?,?)", {login, failures + 1, now});
    return Error::Unauthenticated("wrong login or password");
  }
  c->Exec("DELETE FROM login_failures WHERE login = ?", {login});
  const int64_t user_id = store::AsInt(u.rows[0][0]);
  LoginResult r;
  r.expires_at = now + kSessionSeconds;
  r.token = IssueToken(*c, user_id, "session", "", r.expires_at, now_iso);
  r.caller = LoadCaller(*c, user_id);
  return r;
}

Result<access::Caller> AuthService::Authenticate(const std::string& token, int64_t now) {
  if (token.empty()) return Error::Unauthenticated("missing bearer token");
  const std::string hash = TokenHash(token);
  {
    std::lock_guard lock(callers_mu_);
    auto it = callers_.find(hash);
    if (it != callers_.end() && now < it->second.expires_at && now - it->second.loaded_at < kCallerCacheSeconds) return it->second.caller;
  }
  auto c = db_.Acquire();
  auto s = c->Query(
      "SELECT s.user_id, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id "
      "WHERE s.token_hash = ? AND s.revoked = 0 AND s.expires_at > ? AND u.active = 1",
      {hash, now});
  if (s.empty()) return Error::Unauthenticated("the token is unknown, expired or revoked");
  CachedCaller entry{LoadCaller(*c, store::AsInt(s.rows[0][0])), store::AsInt(s.rows[0][1]), now};
  std::lock_guard lock(callers_mu_);
  if (callers_.size() > 10000) callers_.clear();
  callers_[hash] = entry;
  return std::move(entry.caller);
}

void AuthService::ForgetCallers() {
  std::lock_guard lock(callers_mu_);
  callers_.clear();
}

Status AuthService::Logout(const std::string& token) {
  auto c = db_.Acquire();
  c->Exec("UPDATE sessions SET revoked = 1 WHERE token_hash = ?", {TokenHash(token)});
  std::lock_guard lock(callers_mu_);
  callers_.erase(TokenHash(token));
  return Ok{};
}

Result<nlohmann::json> AuthService::CreateApiToken(const access::Caller& caller, const std::string& name, int days,
                                                   int64_t now, const std::string& now_iso) {
  Problems pr;
  if (name.empty() || name.size() > 100) pr.Add("name", name, "required, at most 100 characters");
  if (days < 1 || days > 3650) pr.Add("days", std::to_string(days), "must be between 1 and 3650");
  if (!pr.empty()) return pr.ToError("cannot create API token");
  auto c = db_.Acquire();
  const int64_t expires = now + int64_t{days} * 86400;
  store::Transaction tx(*c);
  const std::string token = IssueToken(*c, caller.user_id, "api", name, expires, now_iso);
  auto id = c->Query("SELECT MAX(id) FROM sessions WHERE user_id = ? AND kind = 'api'", {caller.user_id});
  tx.Commit();
  return nlohmann::json{{"id", store::AsInt(id.rows[0][0])}, {"name", name}, {"token", token}, {"expires_at", expires}};
}

nlohmann::json AuthService::ListApiTokens(const access::Caller& caller) {
  auto c = db_.Acquire();
  auto rows = c->Query("SELECT id, name, created_at, expires_at, revoked FROM sessions WHERE user_id = ? AND kind = 'api' ORDER BY id",
                       {caller.user_id});
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : rows.rows) {
    items.push_back({{"id", store::AsInt(r[0])}, {"name", store::AsText(r[1])}, {"created_at", store::AsText(r[2])},
                     {"expires_at", store::AsInt(r[3])}, {"revoked", store::AsInt(r[4]) != 0}});
  }
  return {{"items", items}};
}

Status AuthService::RevokeApiToken(const access::Caller& caller, int64_t id) {
  auto c = db_.Acquire();
  if (c->Exec("UPDATE sessions SET revoked = 1 WHERE id = ? AND user_id = ? AND kind = 'api'", {id, caller.user_id}) == 0) {
    return Error::NotFound("no such API token");
  }
  ForgetCallers();  // the revoked token's hash is not known here
  return Ok{};
}

}  // namespace gj::service

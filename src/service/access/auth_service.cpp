#include "service/access/auth_service.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "store/account_store.h"
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
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
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
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto id = AddUser(*c, u, now_iso);
  if (!id) return id;
  tx.Commit();
  ForgetCallers();
  return id;
}

Result<int64_t> AuthService::AddUser(store::Connection& c, const NewUser& u, const std::string& now_iso) {
  Problems pr;
  if (u.login.empty() || u.login.size() > 64) pr.Add("login", u.login, "required, at most 64 characters");
  for (char ch : u.login) {
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.' || ch == '-')) {
      pr.Add("login", u.login, "only letters, digits, '_', '.', '-'");
      break;
    }
  }
  if (u.password.size() < 8) pr.Add("password", "", "at least 8 characters");
  if (!access::IsKnownRole(u.role))
    pr.Add("role", u.role, "not one of admin, coordinator, leader, unit, viewer");
  if (u.role == "unit" && !u.unit_id) pr.Add("unit", "", "the unit role needs --unit");
  if (!store::RegionExists(c, u.region_code)) pr.Add("region", u.region_code, "unknown region code");
  if (u.unit_id && !store::UnitExists(c, *u.unit_id))
    pr.Add("unit", std::to_string(*u.unit_id), "unknown unit id");
  if (u.person_id && !store::PersonExists(c, *u.person_id)) {
    pr.Add("person", std::to_string(*u.person_id), "unknown person id");
  }
  if (store::LoadAccountByLogin(c, u.login)) pr.Add("login", u.login, "already exists");
  if (!pr.empty()) return pr.ToError("cannot create user");

  store::AccountRow account;
  account.login = u.login;
  account.name = u.name.empty() ? u.login : u.name;
  account.password_hash = HashPassword(u.password);
  account.person_id = u.person_id;
  account.created_at = now_iso;
  const int64_t id = store::InsertAccount(c, account);
  store::InsertGrant(c, id, {u.role, u.region_code, u.unit_id});
  store::WriteJournal(
      c, "user", id, "create", std::nullopt, now_iso,
      nlohmann::json::array({{{"field", "login"}, {"old", nullptr}, {"new", u.login}},
                             {{"field", "role"}, {"old", nullptr}, {"new", u.role}},
                             {{"field", "region_code"}, {"old", nullptr}, {"new", u.region_code}}}));
  return id;
}

access::Caller AuthService::LoadCaller(store::Connection& c, int64_t user_id) {
  access::Caller caller;
  auto u = store::LoadAccount(c, user_id);
  if (!u) return caller;
  caller.user_id = u->id;
  caller.login = std::move(u->login);
  caller.name = std::move(u->name);
  caller.person_id = u->person_id;
  caller.grants = store::LoadGrants(c, user_id);
  return caller;
}

AuthService::IssuedToken AuthService::IssueToken(store::Connection& c, int64_t user_id,
                                                 const std::string& kind, const std::string& name,
                                                 int64_t expires_at, const std::string& now_iso) {
  EnsureSodium();
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  IssuedToken out;
  out.token = "gj_" + Hex(raw, sizeof raw);
  store::SessionRow s;
  s.user_id = user_id;
  s.token_hash = TokenHash(out.token);
  s.kind = kind;
  s.name = name;
  s.created_at = now_iso;
  s.expires_at = expires_at;
  out.id = store::InsertSession(c, s);
  return out;
}

Result<LoginResult> AuthService::Login(const std::string& login, const std::string& password, int64_t now,
                                       const std::string& now_iso) {
  auto c = db_.Acquire();
  const auto f = store::LoadLoginFailures(*c, login);
  int64_t failures = 0;
  if (f && now - f->last_at < throttle_.forget_after_s) failures = f->failures;
  if (failures >= throttle_.free_failures) {
    const int shift = static_cast<int>(std::min<int64_t>(failures - throttle_.free_failures, 20));
    const int64_t wait = std::min(throttle_.max_wait_s, throttle_.base_wait_s << shift);
    const int64_t until = f->last_at + wait;
    if (now < until) {
      Error e{ErrorCode::kTooManyRequests,
              "too many failed logins; try again in " + std::to_string(until - now) + " s",
              {},
              {}};
      e.extra["retry_after"] = until - now;
      return e;
    }
  }
  const auto u = store::LoadAccountByLogin(*c, login);
  const bool known = u && u->active;
  const bool good = VerifyPassword(known ? u->password_hash : DummyHash(), password) && known;
  if (!good) {
    store::SaveLoginFailures(*c, login, {failures + 1, now});
    return Error::Unauthenticated("wrong login or password");
  }
  store::ClearLoginFailures(*c, login);
  const int64_t user_id = u->id;
  LoginResult r;
  r.expires_at = now + kSessionSeconds;
  r.token = IssueToken(*c, user_id, "session", "", r.expires_at, now_iso).token;
  r.caller = LoadCaller(*c, user_id);
  return r;
}

Result<access::Caller> AuthService::Authenticate(const std::string& token, int64_t now) {
  if (token.empty()) return Error::Unauthenticated("missing bearer token");
  const std::string hash = TokenHash(token);
  {
    std::lock_guard lock(callers_mu_);
    auto it = callers_.find(hash);
    if (it != callers_.end() && now < it->second.expires_at &&
        now - it->second.loaded_at < kCallerCacheSeconds)
      return it->second.caller;
  }
  auto c = db_.Acquire();
  const auto s = store::FindLiveSession(*c, hash, now);
  if (!s) return Error::Unauthenticated("the token is unknown, expired or revoked");
  CachedCaller entry{LoadCaller(*c, s->user_id), s->expires_at, now};
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
  store::RevokeSession(*c, TokenHash(token));
  std::lock_guard lock(callers_mu_);
  callers_.erase(TokenHash(token));
  return Ok{};
}

Result<IssuedApiToken> AuthService::CreateApiToken(const access::Caller& caller, const std::string& name,
                                                   int days, int64_t now, const std::string& now_iso) {
  Problems pr;
  if (name.empty() || name.size() > 100) pr.Add("name", name, "required, at most 100 characters");
  if (days < 1 || days > 3650) pr.Add("days", std::to_string(days), "must be between 1 and 3650");
  if (!pr.empty()) return pr.ToError("cannot create API token");
  auto c = db_.Acquire();
  const int64_t expires = now + int64_t{days} * 86400;
  store::Transaction tx(*c);
  const IssuedToken issued = IssueToken(*c, caller.user_id, "api", name, expires, now_iso);
  tx.Commit();
  return IssuedApiToken{issued.id, name, issued.token, expires};
}

ApiTokenList AuthService::ListApiTokens(const access::Caller& caller) {
  auto c = db_.Acquire();
  return {store::ListApiTokens(*c, caller.user_id)};
}

Status AuthService::RevokeApiToken(const access::Caller& caller, int64_t id) {
  auto c = db_.Acquire();
  if (!store::RevokeApiToken(*c, caller.user_id, id)) return Error::NotFound("no such API token");
  ForgetCallers();  // the revoked token's hash is not known here
  return Ok{};
}

}  // namespace gj::service

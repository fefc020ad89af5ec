#include "service/access/auth_service.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "domain/access/password_rule.h"
#include "service/access/account_service.h"
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
  NewAccount a{
      u.login, u.name, u.password, {{u.role, u.region_code, u.unit_id}}, u.person_id, u.must_change_password};
  auto id = InsertNewAccount(c, a, std::nullopt, now_iso, !u.demo_password);
  if (!id) return id.error();
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
  caller.must_change_password = u->must_change_password;
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

int64_t AuthService::CountAttempt(store::Connection& c, const std::string& scope, const std::string& subject,
                                  int free_failures, int64_t now) const {
  for (int attempt = 0; attempt < 64; ++attempt) {
    const auto seen = store::LoadLoginFailures(c, scope, subject);
    const int64_t failures = seen && now - seen->last_at < throttle_.forget_after_s ? seen->failures : 0;
    if (failures >= free_failures) {
      const int shift = static_cast<int>(std::min<int64_t>(failures - free_failures, 20));
      const int64_t until = seen->last_at + std::min(throttle_.max_wait_s, throttle_.base_wait_s << shift);
      if (now < until) return until - now;
    }
    if (store::CountLoginFailure(c, scope, subject, seen, {failures + 1, now})) return 0;
  }
  return 1;  // counted by so many others at once: try again in a second
}

namespace {

constexpr const char* kLoginScope = "login";
constexpr const char* kAddressScope = "address";

Error TooManyLogins(int64_t wait) {
  Error e{ErrorCode::kTooManyRequests,
          "too many failed logins; try again in " + std::to_string(wait) + " s",
          {},
          {}};
  e.extra["retry_after"] = wait;
  return e;
}

}  // namespace

Result<LoginResult> AuthService::Login(const std::string& login, const std::string& password, int64_t now,
                                       const std::string& now_iso, const std::string& client_address) {
  // No login can be this long (account_service.cpp): the counter's key stays short.
  const std::string subject = login.substr(0, 200);
  auto c = db_.Acquire();
  try {
    return Login(*c, subject, login, password, now, now_iso, client_address);
  } catch (const store::DbError& e) {
    // SQLite still busy after its timeout under a burst of attempts: try again, never a 500.
    if (e.kind() != store::DbError::Kind::kBusy) throw;
    return TooManyLogins(1);
  }
}

Result<LoginResult> AuthService::Login(store::Connection& c, const std::string& subject,
                                       const std::string& login, const std::string& password, int64_t now,
                                       const std::string& now_iso, const std::string& client_address) {
  if (const int64_t wait = CountAttempt(c, kLoginScope, subject, throttle_.free_failures, now))
    return TooManyLogins(wait);
  if (!client_address.empty()) {
    if (const int64_t wait =
            CountAttempt(c, kAddressScope, client_address, throttle_.address_free_failures, now)) {
      store::UncountLoginFailure(c, kLoginScope, subject);
      return TooManyLogins(wait);
    }
  }
  const auto u = store::LoadAccountByLogin(c, login);
  const bool known = u && u->active;
  const bool good = VerifyPassword(known ? u->password_hash : DummyHash(), password) && known;
  // A failure is already counted (CountAttempt); a success forgets the login's failures and
  // takes its own count back from the address.
  if (!good) return Error::Unauthenticated("wrong login or password");
  store::ClearLoginFailures(c, kLoginScope, subject);
  if (!client_address.empty()) store::UncountLoginFailure(c, kAddressScope, client_address);
  const int64_t user_id = u->id;
  LoginResult r;
  r.expires_at = now + kSessionSeconds;
  const IssuedToken issued = IssueToken(c, user_id, "session", "", r.expires_at, now_iso);
  r.token = issued.token;
  r.caller = LoadCaller(c, user_id);
  r.caller.token_kind = "session";
  r.caller.session_id = issued.id;
  return r;
}

Result<access::Caller> AuthService::Authenticate(const std::string& token, int64_t now) {
  if (token.empty()) return Error::Unauthenticated("missing bearer token");
  const std::string hash = TokenHash(token);
  auto c = db_.Acquire();
  const auto s = store::FindLiveSession(*c, hash, now);
  if (!s) return Error::Unauthenticated("the token is unknown, expired or revoked");
  access::Caller caller;
  {
    std::lock_guard lock(callers_mu_);
    auto it = callers_.find(hash);
    if (it != callers_.end() && it->second.user_version == s->user_version) caller = it->second.caller;
  }
  if (caller.user_id == 0) {
    caller = LoadCaller(*c, s->user_id);
    caller.token_kind = s->kind;
    caller.session_id = s->id;
    std::lock_guard lock(callers_mu_);
    if (callers_.size() > 10000) callers_.clear();
    callers_[hash] = {caller, s->user_version};
  }
  return caller;
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
  if (caller.token_kind == "api")
    return Error::Forbidden(
        "API 令牌不能再创建令牌，请登录后创建 (an API token cannot create tokens; log in)");
  Problems pr;
  if (name.empty() || name.size() > 100) pr.Add("name", name, "required, at most 100 characters");
  if (days < 1 || days > 3650) pr.Add("days", std::to_string(days), "must be between 1 and 3650");
  if (!pr.empty()) return pr.ToError("cannot create API token");
  auto c = db_.Acquire();
  const int64_t expires = now + int64_t{days} * 86400;
  store::Transaction tx(*c);
  const IssuedToken issued = IssueToken(*c, caller.user_id, "api", name, expires, now_iso);
  store::WriteJournal(*c, "user", caller.user_id, "token_create", caller.user_id, now_iso,
                      nlohmann::json::array({{{"field", "api_token"}, {"old", nullptr}, {"new", name}}}));
  tx.Commit();
  return IssuedApiToken{issued.id, name, issued.token, expires};
}

ApiTokenList AuthService::ListApiTokens(const access::Caller& caller) {
  auto c = db_.Acquire();
  return {store::ListApiTokens(*c, caller.user_id)};
}

Status AuthService::RevokeApiToken(const access::Caller& caller, int64_t id, const std::string& now_iso) {
  return RevokeOwn(caller, id, "api", now_iso);
}

Status AuthService::ChangePassword(const access::Caller& caller, const std::string& old_password,
                                   const std::string& new_password, const std::string& now_iso) {
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto before = store::LoadAccount(*c, caller.user_id);
  if (!before) return Error::Unauthenticated("no such user");
  Problems pr;
  if (!VerifyPassword(before->password_hash, old_password))
    pr.Add("old_password", "", "原密码不正确 (the current password is wrong)");
  access::CheckNewPassword(new_password, before->login, pr, "new_password");
  if (new_password == old_password)
    pr.Add("new_password", "", "新密码不能与原密码相同 (must differ from the current password)");
  if (!pr.empty()) return pr.ToError("the password was not changed");
  store::AccountRow after = *before;
  after.password_hash = HashPassword(new_password);
  after.must_change_password = false;
  after.updated_at = now_iso;
  store::UpdateAccountUnversioned(*c, after);
  // Other log-in sessions end (someone who knew the old password is out); API tokens stay.
  for (const auto& s : store::ListLiveSessions(*c, caller.user_id, 0)) {
    if (s.id != caller.session_id) store::RevokeSessionOf(*c, caller.user_id, s.id);
  }
  nlohmann::json changes = store::JournalDiff(store::UserFields(), *before, after);
  changes.push_back({{"field", "password"}, {"old", nullptr}, {"new", "changed"}});
  store::WriteJournal(*c, "user", caller.user_id, "password_change", caller.user_id, now_iso, changes);
  tx.Commit();
  ForgetCallers();
  return Ok{};
}

SessionList AuthService::ListSessions(const access::Caller& caller, int64_t now) {
  auto c = db_.Acquire();
  return {store::ListLiveSessions(*c, caller.user_id, now),
          caller.token_kind == "session" ? caller.session_id : 0};
}

Status AuthService::RevokeSession(const access::Caller& caller, int64_t id, const std::string& now_iso) {
  return RevokeOwn(caller, id, "session", now_iso);
}

LoggedOut AuthService::LogoutAll(const access::Caller& caller, const std::string& now_iso) {
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  const int64_t n = store::RevokeAllSessions(*c, caller.user_id);
  store::WriteJournal(*c, "user", caller.user_id, "logout_all", caller.user_id, now_iso,
                      nlohmann::json::array({{{"field", "sessions_revoked"}, {"old", nullptr}, {"new", n}}}));
  tx.Commit();
  ForgetCallers();
  return {n};
}

Status AuthService::RevokeOwn(const access::Caller& caller, int64_t id, const std::string& kind,
                              const std::string& now_iso) {
  const bool api = kind == "api";
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  const bool found =
      api ? store::RevokeApiToken(*c, caller.user_id, id) : store::RevokeSessionOf(*c, caller.user_id, id);
  if (!found) return Error::NotFound(api ? "no such API token" : "no such session");
  store::WriteJournal(*c, "user", caller.user_id, api ? "token_revoke" : "session_revoke", caller.user_id,
                      now_iso,
                      nlohmann::json::array({{{"field", "session_id"}, {"old", id}, {"new", nullptr}}}));
  tx.Commit();
  return Ok{};
}

}  // namespace gj::service

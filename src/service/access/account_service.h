// Account administration: an admin lists, creates, edits (name, grants, active) and resets the
// password of the accounts within their reach. Reach is the read scope of `user.admin` (the
// policy table): an account is manageable when every one of its grants lies in that scope, so a
// county admin manages the county's accounts and a city admin also its counties'. Every change is
// journaled (entity "user"; never the password or its hash).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/json_field.h"
#include "common/result.h"
#include "domain/access/access.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "store/account_store.h"
#include "store/db.h"

namespace gj::service {

// What a new account is: shared by `gongjian user add`/`init` (AuthService::AddUser) and the API.
struct NewAccount {
  std::string login;
  std::string name;
  std::string password;
  std::vector<access::RoleGrant> grants;
  std::optional<int64_t> person_id;
  bool must_change_password = false;
};

// Checks and inserts a new account with its grants and its journal entry (by `by`, nullopt for
// the system), in the caller's transaction. Every problem at once: login, password (the one rule,
// domain/access/password_rule.h, unless `check_password` is false: the demo's documented
// password), grants (role, region, unit), person.
Result<int64_t> InsertNewAccount(store::Connection& c, const NewAccount& a, std::optional<int64_t> by,
                                 const std::string& now_iso, bool check_password = true);

// A grant as an admin sees it: with its region's and unit's names.
struct GrantView {
  std::string role;
  std::string region_code;
  std::string region_name;
  std::optional<int64_t> unit_id;
};

// An account as an admin sees it (never its password hash), with the person it is linked to
// (a leader's account sees that person's 包保 projects on the leader page).
struct AccountView {
  int64_t id = 0;
  std::string login, name;
  std::optional<int64_t> person_id;
  std::string person_name, person_title;  // "" when not linked
  bool active = true;
  bool must_change_password = false;
  int64_t version = 1;
  std::string created_at, updated_at;
  std::vector<GrantView> grants;
};

struct AccountList {
  std::vector<AccountView> items;
};

class AccountService {
 public:
  AccountService(store::Database& db, LedgerService& ledger) : db_(db), ledger_(ledger) {}

  // Accounts within the caller's reach whose login or name contains `q`, narrowed to those with a
  // grant in `region` (its subtree) when given.
  Result<AccountList> List(const Ctx& ctx, const std::string& q, const std::string& region);
  Result<AccountView> Get(const Ctx& ctx, int64_t id);
  // {"login","name","password","grants":[{"role","region_code","unit_id"}],"person_id"?}: the new
  // account must change its password at first log-in.
  Result<AccountView> Create(const Ctx& ctx, const nlohmann::json& body);
  // {"version", "name"?, "active"?, "grants"?, "person_id"?}. Disabling revokes every session and
  // token of the account at once (and the store refuses an inactive user's tokens anyway).
  // person_id null unlinks the person; a person the caller does not see is unknown (422).
  Result<AccountView> Update(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  // {"version","password"}: a new password the user must change at next log-in; their sessions end.
  Result<AccountView> ResetPassword(const Ctx& ctx, int64_t id, const nlohmann::json& body);

 private:
  struct Reach;
  struct Write;  // a versioned write's reach and the version it sends
  Result<Reach> ReachOf(const Ctx& ctx);
  // The reach and version of a versioned write whose body `f` reads (it takes "version" from it).
  Result<Write> BeginWrite(const Ctx& ctx, const nlohmann::json& body, JsonFields& f);
  AccountView ViewOf(store::Connection& c, int64_t id);
  AccountView View(store::Connection& c, const store::AccountRow& a,
                   const std::vector<access::RoleGrant>& grants);
  Result<store::AccountRow> LoadManageable(store::Connection& c, const Reach& reach, int64_t id);

  store::Database& db_;
  LedgerService& ledger_;
};

}  // namespace gj::service

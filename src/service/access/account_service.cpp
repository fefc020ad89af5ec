#include "service/access/account_service.h"

#include <algorithm>
#include <cctype>

#include "common/json_field.h"
#include "domain/access/password_rule.h"
#include "domain/access/read_scope.h"
#include "service/access/auth_service.h"
#include "store/journal.h"
#include "store/org_store.h"
#include "store/project_store.h"
#include "store/table.h"

namespace gj::service {

namespace {

using nlohmann::json;

json GrantsJson(const std::vector<access::RoleGrant>& grants) {
  json out = json::array();
  for (const auto& g : grants) {
    out.push_back({{"role", g.role},
                   {"region_code", g.region_code},
                   {"unit_id", g.unit_id ? json(*g.unit_id) : json(nullptr)}});
  }
  return out;
}

void CheckLogin(const std::string& login, Problems& pr) {
  if (login.empty() || login.size() > 64)
    pr.Add("login", login, "必填，最多 64 个字符 (required, at most 64 characters)");
  const bool plain = std::all_of(login.begin(), login.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.' || ch == '-';
  });
  if (!plain) pr.Add("login", login, "只能用字母、数字和 _ . - (only letters, digits, '_', '.', '-')");
}

constexpr const char* kUnknownRegion = "未知区划代码 (unknown region code)";

// Every problem of a list of grants: a role of the policy table, a known region, a unit for the
// unit role and a known unit of the grant's region (a unit elsewhere is as unknown as none).
void CheckGrants(store::Connection& c, const std::vector<access::RoleGrant>& grants, Problems& pr) {
  if (grants.empty()) pr.Add("grants", "[]", "至少一项授权 (at least one role grant)");
  const access::RegionTree tree(store::LoadRegions(c));
  for (size_t i = 0; i < grants.size(); ++i) {
    const auto& g = grants[i];
    const std::string f = "grants[" + std::to_string(i) + "]";
    if (!access::IsKnownRole(g.role))
      pr.Add({f + ".role", g.role, "不是已知角色 (not a role)", 0, access::kRoles});
    if (!store::RegionExists(c, g.region_code)) pr.Add(f + ".region_code", g.region_code, kUnknownRegion);
    if (g.role == "unit" && !g.unit_id)
      pr.Add(f + ".unit_id", "", "单位角色须指定单位 (the unit role needs a unit)");
    // A unit of the grant's region: read within that region only.
    const auto unit =
        g.unit_id ? store::LoadUnit(c, access::ReadScope::All().Within(g.region_code, tree), *g.unit_id)
                  : std::nullopt;
    if (g.unit_id && (!unit || !tree.Within(unit->region_code, g.region_code)))
      pr.Add(f + ".unit_id", std::to_string(*g.unit_id), "该区划下无此单位 (no such unit in this region)");
  }
}

// The grants of a body's "grants" array (each {role, region_code, unit_id?}); problems named by index.
std::vector<access::RoleGrant> ReadGrants(const json& list, Problems& pr) {
  std::vector<access::RoleGrant> out;
  for (size_t i = 0; i < list.size(); ++i) {
    JsonFields f(list[i], pr, "grants[" + std::to_string(i) + "].");
    access::RoleGrant g;
    g.role = f.Text("role", Need::kRequired).value_or("");
    g.region_code = f.Text("region_code", Need::kRequired).value_or("");
    g.unit_id = f.Int("unit_id");
    f.RejectUnknown();
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace

Result<int64_t> InsertNewAccount(store::Connection& c, const NewAccount& a, std::optional<int64_t> by,
                                 const std::string& now_iso, bool check_password) {
  Problems pr;
  CheckLogin(a.login, pr);
  if (check_password) access::CheckNewPassword(a.password, a.login, pr);
  CheckGrants(c, a.grants, pr);
  if (a.person_id && !store::PersonExists(c, *a.person_id))
    pr.Add("person_id", std::to_string(*a.person_id), "未知人员 (unknown person id)");
  if (!a.login.empty() && store::LoadAccountByLogin(c, a.login))
    pr.Add("login", a.login, "登录名已存在 (already exists)");
  if (!pr.empty()) return pr.ToError("cannot create user");

  store::AccountRow row;
  row.login = a.login;
  row.name = a.name.empty() ? a.login : a.name;
  row.password_hash = HashPassword(a.password);
  row.person_id = a.person_id;
  row.must_change_password = a.must_change_password;
  row.created_at = row.updated_at = now_iso;
  row.id = store::InsertAccount(c, row);
  for (const auto& g : a.grants) store::InsertGrant(c, row.id, g);
  json changes =
      json::array({{{"field", "login"}, {"old", nullptr}, {"new", row.login}},
                   {{"field", "name"}, {"old", nullptr}, {"new", row.name}},
                   {{"field", "grants"}, {"old", nullptr}, {"new", GrantsJson(a.grants)}},
                   {{"field", "must_change_password"}, {"old", nullptr}, {"new", row.must_change_password}}});
  store::WriteJournal(c, "user", row.id, "create", by, now_iso, changes);
  return row.id;
}

// What the caller may manage: the read scope of user.admin over the current region tree; and
// what the caller sees (GET /regions: observation.read, up and down).
struct AccountService::Reach {
  std::shared_ptr<const access::RegionTree> tree;
  access::ReadScope scope;
  access::ReadScope seen;
  // A grant's region the caller does not see is as unknown as one that does not exist (422, not a
  // 403 that would tell it exists).
  void Unseen(const std::vector<access::RoleGrant>& grants, Problems& pr) const {
    for (size_t i = 0; i < grants.size(); ++i) {
      if (tree->Find(grants[i].region_code) && !seen.ContainsRegion(grants[i].region_code))
        pr.Add("grants[" + std::to_string(i) + "].region_code", grants[i].region_code, kUnknownRegion);
    }
  }
  // The person an account is to be linked to: one the caller sees and not archived (a person the
  // caller does not see is as unknown as one that does not exist).
  void CheckPerson(store::Connection& c, std::optional<int64_t> id, Problems& pr) const {
    if (!id) return;
    const auto pe = store::LoadPerson(c, seen, *id);
    if (!pe || !seen.ContainsRegion(pe->region_code))
      pr.Add("person_id", std::to_string(*id), "未知人员 (unknown person id)");
    else if (pe->archived) pr.Add("person_id", std::to_string(*id), "该人员已归档 (the person is archived)");
  }
  bool Covers(const std::vector<access::RoleGrant>& grants) const {
    return std::all_of(grants.begin(), grants.end(),
                       [&](const access::RoleGrant& g) { return scope.ContainsRegion(g.region_code); });
  }
  // A write's new grants: those of known regions lie in the scope (an unknown region is a
  // validation problem, reported with the others).
  bool MayGrant(const std::vector<access::RoleGrant>& grants) const {
    return std::all_of(grants.begin(), grants.end(), [&](const access::RoleGrant& g) {
      return !tree->Find(g.region_code) || scope.ContainsRegion(g.region_code);
    });
  }
};

struct AccountService::Write {
  Reach reach;
  int64_t version = 0;
};

Result<AccountService::Reach> AccountService::ReachOf(const Ctx& ctx) {
  if (!access::AllowedAnywhere(ctx.caller, access::kUserAdmin))
    return Error::Forbidden("账号管理需要管理员角色 (managing accounts needs the admin role)");
  auto tree = ledger_.Regions();
  return Reach{tree, ctx.Reads(access::kUserAdmin, *tree), ctx.Reads(access::kObservationRead, *tree)};
}

AccountView AccountService::View(store::Connection& c, const store::AccountRow& a,
                                 const std::vector<access::RoleGrant>& grants) {
  auto tree = ledger_.Regions();
  AccountView v{a.id,      a.login,      a.name,       a.person_id, {}, {}, a.active, a.must_change_password,
                a.version, a.created_at, a.updated_at, {}};
  // The linked person's name, wherever they sit (the account's own link, checked when it was made).
  if (const auto pe =
          a.person_id ? store::LoadPerson(c, access::ReadScope::All(), *a.person_id) : std::nullopt) {
    v.person_name = pe->name;
    v.person_title = pe->title;
  }
  for (const auto& g : grants) {
    const access::Region* r = tree->Find(g.region_code);
    v.grants.push_back({g.role, g.region_code, r ? r->name : "", g.unit_id});
  }
  return v;
}

AccountView AccountService::ViewOf(store::Connection& c, int64_t id) {
  return View(c, *store::LoadAccount(c, id), store::LoadGrants(c, id));
}

Result<store::AccountRow> AccountService::LoadManageable(store::Connection& c, const Reach& reach,
                                                         int64_t id) {
  auto a = store::LoadAccount(c, id);
  if (!a || !reach.Covers(store::LoadGrants(c, id))) return Error::NotFound("no such user");
  return *a;
}

Result<AccountList> AccountService::List(const Ctx& ctx, const std::string& q, const std::string& region) {
  auto reach = ReachOf(ctx);
  if (!reach) return reach.error();
  const access::ReadScope within = region.empty() ? reach->scope : reach->scope.Within(region, *reach->tree);
  auto c = db_.Acquire();
  const auto grants = store::LoadAllGrants(*c);
  AccountList out;
  for (const auto& a : store::ListAccounts(*c, q)) {
    auto it = grants.find(a.id);
    const std::vector<access::RoleGrant> none;
    const auto& g = it == grants.end() ? none : it->second;
    if (!reach->Covers(g)) continue;
    const bool in_region = region.empty() || std::any_of(g.begin(), g.end(), [&](const access::RoleGrant& x) {
                             return within.ContainsRegion(x.region_code);
                           });
    if (in_region) out.items.push_back(View(*c, a, g));
  }
  return out;
}

Result<AccountView> AccountService::Get(const Ctx& ctx, int64_t id) {
  auto reach = ReachOf(ctx);
  if (!reach) return reach.error();
  auto c = db_.Acquire();
  auto a = LoadManageable(*c, *reach, id);
  if (!a) return a.error();
  return View(*c, *a, store::LoadGrants(*c, id));
}

Result<AccountView> AccountService::Create(const Ctx& ctx, const json& body) {
  auto reach = ReachOf(ctx);
  if (!reach) return reach.error();
  Problems pr;
  JsonFields f(body, pr);
  NewAccount a;
  a.login = f.Text("login", Need::kRequired).value_or("");
  a.name = f.Text("name").value_or("");
  a.password = f.Text("password", Need::kRequired).value_or("");
  if (const json* list = f.Array("grants", Need::kRequired)) a.grants = ReadGrants(*list, pr);
  a.person_id = f.Int("person_id");
  f.RejectUnknown();
  reach->Unseen(a.grants, pr);
  auto c = db_.Acquire();
  reach->CheckPerson(*c, a.person_id, pr);
  if (!pr.empty()) return pr.ToError("cannot create user");
  if (!reach->MayGrant(a.grants))
    return Error::Forbidden("授权超出您管理的区划 (a grant lies outside the regions you manage)");
  a.must_change_password = true;
  store::Transaction tx(*c);
  auto id = InsertNewAccount(*c, a, ctx.caller.user_id, ctx.now);
  if (!id) return id.error();
  tx.Commit();
  return ViewOf(*c, *id);
}

Result<AccountService::Write> AccountService::BeginWrite(const Ctx& ctx, const json& body, JsonFields& f) {
  f.Int("version");
  auto reach = ReachOf(ctx);
  if (!reach) return reach.error();
  auto version = VersionOf(body);
  if (!version) return version.error();
  return Write{std::move(*reach), *version};
}

Result<AccountView> AccountService::Update(const Ctx& ctx, int64_t id, const json& body) {
  Problems pr;
  JsonFields f(body, pr);
  auto w = BeginWrite(ctx, body, f);
  if (!w) return w.error();
  const auto name = f.Text("name");
  const auto active = f.Bool("active");
  const auto person = f.Int("person_id");
  const bool unlink = body.is_object() && body.contains("person_id") && body["person_id"].is_null();
  std::optional<std::vector<access::RoleGrant>> grants;
  if (const json* list = f.Array("grants")) grants = ReadGrants(*list, pr);
  f.RejectUnknown();
  if (name && (name->empty() || name->size() > 100))
    pr.Add("name", *name, "必填，最多 100 个字符 (required, at most 100 characters)");
  if (active && !*active && id == ctx.caller.user_id)
    pr.Add("active", "false", "不能停用自己的账号 (you cannot disable your own account)");
  auto c = db_.Acquire();
  if (grants) {
    w->reach.Unseen(*grants, pr);
    CheckGrants(*c, *grants, pr);
  }
  w->reach.CheckPerson(*c, person, pr);
  if (!pr.empty()) return pr.ToError("the change is not valid");
  store::Transaction tx(*c);
  auto before = LoadManageable(*c, w->reach, id);
  if (!before) return before.error();
  if (grants && !w->reach.MayGrant(*grants))
    return Error::Forbidden("授权超出您管理的区划 (a grant lies outside the regions you manage)");
  store::AccountRow after = *before;
  if (name) after.name = *name;
  if (active) after.active = *active;
  if (person) after.person_id = *person;
  if (unlink) after.person_id.reset();
  after.updated_at = ctx.now;
  if (auto st = store::UpdateAccount(*c, after, w->version); !st) return st.error();
  json changes = store::JournalDiff(store::UserFields(), *before, after);
  const auto old_grants = store::LoadGrants(*c, id);
  if (grants && *grants != old_grants) {
    store::ReplaceGrants(*c, id, *grants);
    changes.push_back({{"field", "grants"}, {"old", GrantsJson(old_grants)}, {"new", GrantsJson(*grants)}});
  }
  if (before->active && !after.active) store::RevokeAllSessions(*c, id);
  store::WriteJournal(*c, "user", id, "update", ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return ViewOf(*c, id);
}

Result<AccountView> AccountService::ResetPassword(const Ctx& ctx, int64_t id, const json& body) {
  Problems pr;
  JsonFields f(body, pr);
  auto w = BeginWrite(ctx, body, f);
  if (!w) return w.error();
  const std::string password = f.Text("password", Need::kRequired).value_or("");
  f.RejectUnknown();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto before = LoadManageable(*c, w->reach, id);
  if (!before) return before.error();
  access::CheckNewPassword(password, before->login, pr);
  if (!pr.empty()) return pr.ToError("the password is not valid");
  store::AccountRow after = *before;
  after.password_hash = HashPassword(password);
  after.must_change_password = true;
  after.updated_at = ctx.now;
  if (auto st = store::UpdateAccount(*c, after, w->version); !st) return st.error();
  const int64_t ended = store::RevokeAllSessions(*c, id);
  json changes = store::JournalDiff(store::UserFields(), *before, after);
  changes.push_back({{"field", "password"}, {"old", nullptr}, {"new", "reset"}});
  changes.push_back({{"field", "sessions_revoked"}, {"old", nullptr}, {"new", ended}});
  store::WriteJournal(*c, "user", id, "password_reset", ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return ViewOf(*c, id);
}

}  // namespace gj::service

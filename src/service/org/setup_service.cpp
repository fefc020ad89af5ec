#include "service/org/setup_service.h"

#include <set>

#include "domain/access/divisions.h"
#include "domain/access/password_rule.h"
#include "service/access/auth_service.h"
#include "store/account_store.h"
#include "store/journal.h"
#include "store/org_store.h"
#include "store/project_store.h"

namespace gj::service {

namespace {

std::set<std::string> StoredCodes(store::Connection& c) {
  std::set<std::string> out;
  for (auto& r : store::LoadRegions(c)) out.insert(std::move(r.code));
  return out;
}

// Writes `r` at sort position `sort` with its journal entry (a region's id is its numeric code).
void InsertJournaled(store::Connection& c, const access::Region& r, int sort, const std::string& now_iso) {
  store::InsertRegion(c, r, sort);
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& [field, value] :
       {std::pair{"code", r.code}, {"name", r.name}, {"level", r.level}, {"parent_code", r.parent_code}}) {
    changes.push_back({{"field", field}, {"old", nullptr}, {"new", value}});
  }
  store::WriteJournal(c, "region", std::stoll(r.code), "create", std::nullopt, now_iso, changes);
}

// What Init refuses before writing because of what the database holds.
std::optional<Error> InitConflict(store::Connection& c, const InitRequest& r) {
  if (store::RegionExists(c, r.region_code)) {
    return Error::Conflict("region " + r.region_code + " " + access::FindDivision(r.region_code)->name +
                           " is already in this database (set up before); nothing written");
  }
  if (store::LoadAccountByLogin(c, r.admin_login)) {
    return Error::Conflict("the login '" + r.admin_login + "' already exists; nothing written");
  }
  return std::nullopt;
}

}  // namespace

Result<std::vector<access::Region>> SetupService::AddDivision(store::Connection& c, const std::string& code,
                                                              const std::string& now_iso) {
  auto chain = access::DivisionChain(code);
  if (chain.empty())
    return Error::Invalid("unknown region", {{"region", code, "not a code of the national division codes"}});
  const std::set<std::string> stored = StoredCodes(c);
  std::vector<access::Region> created;
  chain.pop_back();  // the division itself comes first in its subtree
  for (auto& r : chain) {
    if (!stored.count(r.code)) created.push_back(std::move(r));
  }
  for (auto& r : access::DivisionSubtree(code)) {
    if (stored.count(r.code)) return Error::Conflict("region " + r.code + " " + r.name + " already exists");
    created.push_back(std::move(r));
  }
  int sort = store::NextRegionSort(c);
  for (const auto& r : created) InsertJournaled(c, r, sort++, now_iso);
  return created;
}

Status SetupService::AddCustomRegion(store::Connection& c, const access::Region& r,
                                     const std::string& now_iso) {
  if (store::RegionExists(c, r.code)) return Error::Conflict("region " + r.code + " already exists");
  if (!store::RegionExists(c, r.parent_code))
    return Error::Invalid("unknown parent region", {{"parent_code", r.parent_code, "unknown region code"}});
  InsertJournaled(c, r, store::NextRegionSort(c), now_iso);
  return Ok{};
}

Status SetupService::CheckRequest(const InitRequest& r) {
  Problems pr;
  const auto division = access::FindDivision(r.region_code);
  if (!division)
    pr.Add("region", r.region_code, "not a code of the national division codes (统计用区划代码)");
  else if (division->level == "town")
    pr.Add("region", r.region_code, "a town is set up with its county: give the county's code");
  if (r.admin_login.empty()) pr.Add("admin", "", "required");
  // The one password rule, checked before anything (even the database file) is created.
  access::CheckNewPassword(r.admin_password, r.admin_login, pr);
  if (!pr.empty()) return pr.ToError("cannot initialise; nothing written");
  return Ok{};
}

Result<InitSummary> SetupService::Init(const InitRequest& r, const std::string& now_iso) {
  if (auto st = CheckRequest(r); !st) return st.error();
  auto c = db_.Acquire();
  if (auto conflict = InitConflict(*c, r)) return *conflict;
  store::Transaction tx(*c);
  auto created = AddDivision(*c, r.region_code, now_iso);
  if (!created) return created.error();
  InitSummary sum;
  sum.region = *access::FindDivision(r.region_code);
  sum.created = std::move(*created);
  // The region's own tree: from the region on (the parents it lacked come before it).
  bool own = false;
  for (const auto& region : sum.created) {
    own = own || region.code == r.region_code;
    sum.counties += own && region.level == "county";
    sum.towns += own && region.level == "town";
  }
  AuthService auth(db_);
  NewUser admin_user{
      r.admin_login, sum.region.name + "管理员", r.admin_password, "admin", r.region_code, std::nullopt,
      std::nullopt};
  admin_user.must_change_password = true;  // the password was typed on the server's shell
  auto admin = auth.AddUser(*c, admin_user, now_iso);
  if (!admin) return admin.error();
  sum.admin_id = *admin;
  tx.Commit();
  return sum;
}

}  // namespace gj::service

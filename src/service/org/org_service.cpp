#include "service/org/org_service.h"

#include <algorithm>
#include <regex>

#include "common/json_field.h"
#include "domain/access/access.h"
#include "service/org/org_record.h"
#include "service/org/org_support.h"
#include "service/unique_write.h"
#include "store/journal.h"

namespace gj::service {

const std::vector<std::string> kUnitKinds = {"department", "town", "park", "soe", "other"};
const std::vector<std::string> kPersonKinds = {"leader", "head", "specialist", "helper", "liaison", "staff"};
const std::vector<std::string> kHelperTiers = {"county", "town", "village"};

namespace org {

Status Readable(const Problems& pr) {
  if (pr.empty()) return Ok{};
  return Error{ErrorCode::kBadRequest, "请求无法读取 (the body cannot be read)", pr.details(), {}};
}

const char* WriteAction(bool archived_before, bool archived_after) {
  if (archived_before == archived_after) return "update";
  return archived_after ? "archive" : "restore";
}

Status NotArchived(bool archived_before, bool archived_after, const std::string& what_zh) {
  if (archived_before && archived_after)
    return Error::Conflict("该" + what_zh + "已归档 (archived); send archived:false to restore");
  return Ok{};
}

Error StillNamed(const std::string& what_zh, const std::vector<store::Reference>& refs) {
  Error e = Error::Invalid("仍有未结事项引用该" + what_zh +
                           "，不能归档 (still named by open records; archive refused)");
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : refs) {
    e.details.push_back({r.kind,
                         r.kind == "region" ? r.code : std::to_string(r.id),
                         "仍被引用: " + (r.code.empty() ? "" : r.code + " ") + r.name + " (" + r.role + ")",
                         0,
                         {}});
    list.push_back({{"kind", r.kind}, {"id", r.id}, {"code", r.code}, {"name", r.name}, {"role", r.role}});
  }
  e.extra["references"] = std::move(list);
  return e;
}

Error NotAdmin() { return Error::Forbidden("你无权管理组织架构 (you may not manage the organisation)"); }

}  // namespace org

namespace {

using nlohmann::json;
using namespace org;

constexpr size_t kMaxName = 100;

void CheckName(const std::string& field, const std::string& value, Problems& pr) {
  if (value.empty()) pr.Add(field, value, kRequired);
  else if (value.size() > kMaxName * 3) pr.Add(field, value, "过长 (at most 100 characters)");
}

void CheckOneOf(const std::string& field, const std::string& value, const std::vector<std::string>& allowed,
                Problems& pr) {
  if (value.empty()) return pr.Add(field, value, kRequired);
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  pr.Add({field, value, "不是可选值之一 (" + OneOfReason(allowed) + ")", 0, allowed});
}

}  // namespace

store::Lease OrgService::Acquire() {
  ledger_.Regions();  // the tree before the lease: the checks read it while the lease is held
  return db_.Acquire();
}

const access::ReadScope& OrgService::Reads(const Ctx& ctx) {
  return ctx.Reads(access::kProjectRead, *ledger_.Regions());
}

Status OrgService::Visible(const Ctx& ctx, const std::string& region) {
  auto tree = ledger_.Regions();
  if (!tree->Find(region) || !ctx.Reads(access::kProjectRead, *tree).ContainsRegion(region))
    return Error::NotFound("no such record in your regions (" + region + ")");
  return Ok{};
}

Status OrgService::MayAdmin(const Ctx& ctx, const std::string& region) {
  auto tree = ledger_.Regions();
  if (!access::Allowed(ctx.caller, access::kOrgAdmin, {region, "", std::nullopt}, *tree))
    return Error::Forbidden("你无权管理该区域的组织架构 (you may not manage the organisation of " + region +
                            ")");
  return Ok{};
}

Status OrgService::MayWrite(const Ctx& ctx, const std::string& region) {
  if (auto st = Visible(ctx, region); !st) return st;
  return MayAdmin(ctx, region);
}

Status OrgService::MayCreate(const Ctx& ctx, const json& body, const char* field) {
  if (!access::AllowedAnywhere(ctx.caller, access::kOrgAdmin)) return NotAdmin();
  if (!body.is_object() || !body.contains(field) || !body[field].is_string()) return Ok{};
  const std::string region = body[field].get<std::string>();
  if (!Visible(ctx, region)) return Ok{};
  return MayAdmin(ctx, region);
}

// ---- Regions ----

Result<store::OrgRegion> OrgService::GetRegion(const Ctx& ctx, const std::string& code) {
  auto c = Acquire();
  auto r = store::LoadOrgRegion(*c, code);
  auto tree = ledger_.Regions(*c);
  const auto& scope = ctx.Reads(access::kObservationRead, *tree);
  // An archived region has left the tree: it is seen through its parent.
  const bool seen =
      r && (r->archived ? scope.ContainsRegion(r->region.parent_code) : scope.ContainsRegion(code));
  if (!seen) return Error::NotFound("no region " + code);
  return std::move(*r);
}

Result<store::OrgRegion> OrgService::CreateRegion(const Ctx& ctx, const json& body) {
  if (auto st = MayCreate(ctx, body, "parent_code"); !st) return st.error();
  Problems pr;
  JsonFields f(body, pr);
  store::OrgRegion r;
  r.region.code = f.Text("code").value_or("");
  r.region.name = f.Text("name").value_or("");
  r.region.level = f.Text("level").value_or("");
  r.region.parent_code = f.Text("parent_code").value_or("");
  const auto sort = f.Int("sort", Need::kOptional, {0, 1000000000});
  f.RejectUnknown();
  if (auto st = Readable(pr); !st) return st.error();
  static const std::regex kCode("[0-9A-Za-z_-]{2,32}");
  if (!std::regex_match(r.region.code, kCode))
    pr.Add("code", r.region.code, "2–32 位数字或字母 (2 to 32 digits or letters)");
  CheckName("name", r.region.name, pr);
  CheckOneOf("level", r.region.level, {"town", "zone"}, pr);
  auto tree = ledger_.Regions();
  const access::Region* parent = tree->Find(r.region.parent_code);
  if (r.region.parent_code.empty()) pr.Add("parent_code", "", kRequired);
  else if (!parent || !ctx.Reads(access::kProjectRead, *tree).ContainsRegion(r.region.parent_code))
    pr.Add("parent_code", r.region.parent_code, "未知区域 (unknown region)");
  else if (r.region.level == "town" && parent->level != "county")
    pr.Add("parent_code", r.region.parent_code, "镇街的上级须为县区 (a town's parent is a county)");
  else if (r.region.level == "zone" && parent->level != "county" && parent->level != "city")
    pr.Add("parent_code", r.region.parent_code,
           "园区的上级须为县区或市 (a zone's parent is a county or city)");
  if (!pr.empty()) return pr.ToError("区域信息有误 (the region is not valid)");
  if (auto st = MayAdmin(ctx, r.region.parent_code); !st) return st.error();
  auto c = Acquire();
  store::Transaction tx(*c);
  if (store::LoadOrgRegion(*c, r.region.code))
    return Error::Conflict("区域代码已存在 (region code " + r.region.code + " exists)");
  r.sort = sort.value_or(store::NextRegionSort(*c, r.region.parent_code));
  store::InsertOrgRegion(*c, r);
  store::WriteJournal(*c, "region:" + r.region.code, 0, "create", ctx.caller.user_id, ctx.now,
                      store::RegionChanges(store::OrgRegion{{}, 0, false, 0}, r));
  tx.Commit();
  ledger_.ReloadRegions();
  ledger_.Regions(*c);
  return *store::LoadOrgRegion(*c, r.region.code);
}

Result<store::OrgRegion> OrgService::UpdateRegion(const Ctx& ctx, const std::string& code, const json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto current = GetRegion(ctx, code);
  if (!current) return current.error();
  if (auto st = MayAdmin(ctx, current->archived ? current->region.parent_code : code); !st) return st.error();
  Problems pr;
  JsonFields f(body, pr);
  f.Int("version");
  store::OrgRegion next = *current;
  next.region.name = f.Text("name").value_or(next.region.name);
  next.sort = f.Int("sort", Need::kOptional, {0, 1000000000}).value_or(next.sort);
  next.archived = f.Bool("archived").value_or(next.archived);
  f.RejectUnknown();
  if (auto st = Readable(pr); !st) return st.error();
  if (current->version != *version) return store::StaleVersion("region", current->version);
  if (auto st = NotArchived(current->archived, next.archived, "区域"); !st) return st.error();
  CheckName("name", next.region.name, pr);
  if (next.archived && !current->archived && next.region.level != "town" && next.region.level != "zone")
    pr.Add("archived", "true", "只能归档镇街和园区 (only towns and zones are archived)");
  if (!pr.empty()) return pr.ToError("区域信息有误 (the region is not valid)");
  auto c = Acquire();
  store::Transaction tx(*c);
  if (next.archived && !current->archived) {
    if (auto refs = store::ReferencesToRegion(*c, code); !refs.empty()) return StillNamed("区域", refs);
  }
  if (auto st = store::UpdateRegion(*c, next, *version); !st) return st.error();
  store::WriteJournal(*c, "region:" + code, 0, WriteAction(current->archived, next.archived),
                      ctx.caller.user_id, ctx.now, store::RegionChanges(*current, next));
  tx.Commit();
  ledger_.ReloadRegions();
  ledger_.Regions(*c);
  return *store::LoadOrgRegion(*c, code);
}

// ---- Units ----

const RecordKind<store::Unit> OrgService::kUnitKind{"unit",
                                                    "单位",
                                                    "单位信息有误 (the unit is not valid)",
                                                    "该区域已有同名单位 (a unit of this name exists here)",
                                                    &OrgService::ApplyUnitFields,
                                                    &OrgService::CheckUnit,
                                                    &store::ReferencesToUnit,
                                                    &store::InsertUnit,
                                                    &store::UpdateUnit,
                                                    &store::UnitChanges,
                                                    &store::LoadUnit};

Result<store::Unit> OrgService::GetUnit(const Ctx& ctx, int64_t id) { return GetRecord(ctx, id, kUnitKind); }

Result<store::Unit> OrgService::CreateUnit(const Ctx& ctx, const json& body) {
  return CreateRecord(ctx, body, kUnitKind);
}

Result<store::Unit> OrgService::UpdateUnit(const Ctx& ctx, int64_t id, const json& body) {
  return UpdateRecord(ctx, id, body, kUnitKind);
}

Result<store::Unit> OrgService::AddUnit(const Ctx& ctx, store::Unit u) {
  return AddRecord(ctx, std::move(u), kUnitKind);
}

Result<int64_t> OrgService::AddUnitIn(store::Connection& c, const Ctx& ctx, store::Unit u) {
  return InsertRecord(c, ctx, std::move(u), kUnitKind, [] {});
}

Status OrgService::UpdateUnitIn(store::Connection& c, const Ctx& ctx, int64_t id, const json& body) {
  return WriteRecord(c, ctx, id, body, kUnitKind, [] {});
}

void OrgService::CheckUnit(store::Connection&, const store::Unit& u, Problems& pr) {
  CheckName("name", u.name, pr);
  CheckOneOf("kind", u.kind, kUnitKinds, pr);
  if (u.region_code.empty()) pr.Add("region_code", "", kRequired);
}

Status OrgService::ApplyUnitFields(const json& body, store::Unit& u, bool create) {
  return ReadFields(body, u, create, [&u](JsonFields& f, Problems&) {
    u.name = f.Text("name").value_or(u.name);
    u.kind = f.Text("kind").value_or(u.kind);
    u.region_code = f.Text("region_code").value_or(u.region_code);
  });
}

}  // namespace gj::service

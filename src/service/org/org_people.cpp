// OrgService: people (人员) and 专班 (teams). See org_service.h.
#include <algorithm>
#include <regex>

#include "common/json_field.h"
#include "service/org/org_service.h"
#include "service/org/org_support.h"
#include "store/journal.h"

namespace gj::service {

namespace {

using nlohmann::json;

using namespace org;

// An array of ids ("member_ids": [3, 5]), sorted and without repeats; a non-id element is a problem.
std::optional<std::vector<int64_t>> Ids(JsonFields& f, const std::string& name, Problems& pr) {
  const json* a = f.Array(name);
  if (!a) return std::nullopt;
  std::vector<int64_t> out;
  for (size_t i = 0; i < a->size(); ++i) {
    const json& v = (*a)[i];
    if (v.is_number_integer() && v.get<int64_t>() > 0) out.push_back(v.get<int64_t>());
    else pr.Add(name + "[" + std::to_string(i) + "]", ShownValue(v), "must be an id (integer ≥ 1)");
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

// ---- People ----

Result<store::Person> OrgService::GetPerson(const Ctx& ctx, int64_t id) {
  auto c = Acquire();
  auto p = store::LoadPerson(*c, id);
  if (!p || !Visible(ctx, p->region_code)) return Error::NotFound("no person " + std::to_string(id));
  return std::move(*p);
}

Status OrgService::ApplyPersonFields(const json& body, store::Person& p, bool create) {
  Problems pr;
  JsonFields f(body, pr);
  if (!create) f.Int("version");
  p.name = f.Text("name").value_or(p.name);
  p.title = f.Text("title").value_or(p.title);
  p.phone = f.Text("phone").value_or(p.phone);
  p.kind = f.Text("kind").value_or(p.kind);
  p.tier = f.Text("tier").value_or(p.tier);
  p.region_code = f.Text("region_code").value_or(p.region_code);
  // null clears the unit; absent keeps it.
  if (auto u = f.Int("unit_id", Need::kOptional, {1, std::numeric_limits<int64_t>::max()})) p.unit_id = u;
  else if (body.is_object() && body.contains("unit_id") && body["unit_id"].is_null()) p.unit_id.reset();
  if (!create) p.archived = f.Bool("archived").value_or(p.archived);
  f.RejectUnknown();
  return Readable(pr);
}

void OrgService::CheckPerson(store::Connection& c, const store::Person& p, Problems& pr) {
  if (p.name.empty()) pr.Add("name", "", kRequired);
  else if (p.name.size() > 300) pr.Add("name", p.name, "过长 (at most 100 characters)");
  if (std::find(kPersonKinds.begin(), kPersonKinds.end(), p.kind) == kPersonKinds.end())
    pr.Add({"kind", p.kind, p.kind.empty() ? kRequired : "不是可选值之一 (" + OneOfReason(kPersonKinds) + ")",
            0, kPersonKinds});
  if (!p.tier.empty() && p.kind != "helper")
    pr.Add("tier", p.tier, "只有红帮办/助企专员有级别 (only a helper has a tier)");
  else if (!p.tier.empty() &&
           std::find(kHelperTiers.begin(), kHelperTiers.end(), p.tier) == kHelperTiers.end())
    pr.Add({"tier", p.tier, "不是可选值之一 (" + OneOfReason(kHelperTiers) + ")", 0, kHelperTiers});
  static const std::regex kPhone("[0-9+\\- ]{0,20}");
  if (!std::regex_match(p.phone, kPhone)) pr.Add("phone", p.phone, "电话号码格式有误 (digits, + and - only)");
  if (p.region_code.empty()) pr.Add("region_code", "", kRequired);
  if (p.unit_id) {
    auto u = store::LoadUnit(c, *p.unit_id);
    if (!u || u->archived) pr.Add("unit_id", std::to_string(*p.unit_id), "未知单位 (unknown unit)");
  }
}

Result<store::Person> OrgService::CreatePerson(const Ctx& ctx, const json& body) {
  store::Person p;
  if (auto st = ApplyPersonFields(body, p, true); !st) return st.error();
  return CreatePerson(ctx, std::move(p));
}

Result<store::Person> OrgService::CreatePerson(const Ctx& ctx, store::Person p) {
  if (!access::AllowedAnywhere(ctx.caller, access::kOrgAdmin)) return NotAdmin();
  auto c = Acquire();
  Problems pr;
  CheckPerson(*c, p, pr);
  if (!p.region_code.empty() && !Visible(ctx, p.region_code))
    pr.Add("region_code", p.region_code, "未知区域 (unknown region)");
  if (!pr.empty()) return pr.ToError("人员信息有误 (the person is not valid)");
  if (auto st = MayAdmin(ctx, p.region_code); !st) return st.error();
  store::Transaction tx(*c);
  p.archived = false;
  p.id = store::InsertPerson(*c, p);
  store::WriteJournal(*c, "person", p.id, "create", ctx.caller.user_id, ctx.now, store::PersonChanges({}, p));
  tx.Commit();
  return *store::LoadPerson(*c, p.id);
}

Result<store::Person> OrgService::UpdatePerson(const Ctx& ctx, int64_t id, const json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto current = GetPerson(ctx, id);
  if (!current) return current.error();
  if (auto st = MayAdmin(ctx, current->region_code); !st) return st.error();
  store::Person next = *current;
  if (auto st = ApplyPersonFields(body, next, false); !st) return st.error();
  if (current->version != *version) return store::StaleVersion("person", current->version);
  if (auto st = NotArchived(current->archived, next.archived, "人员"); !st) return st.error();
  auto c = Acquire();
  Problems pr;
  CheckPerson(*c, next, pr);
  if (next.region_code != current->region_code && !MayWrite(ctx, next.region_code))
    pr.Add("region_code", next.region_code, "未知区域或无权管理 (unknown region, or not yours to manage)");
  if (!pr.empty()) return pr.ToError("人员信息有误 (the person is not valid)");
  store::Transaction tx(*c);
  if (next.archived && !current->archived) {
    if (auto refs = store::ReferencesToPerson(*c, id); !refs.empty()) return StillNamed("人员", refs);
  }
  if (auto st = store::UpdatePerson(*c, next, *version); !st) return st.error();
  store::WriteJournal(*c, "person", id, WriteAction(current->archived, next.archived), ctx.caller.user_id,
                      ctx.now, store::PersonChanges(*current, next));
  tx.Commit();
  return *store::LoadPerson(*c, id);
}

// ---- 专班 (teams) ----

Result<ItemList<store::Team>> OrgService::ListTeams(const Ctx& ctx, const std::string& region,
                                                    bool include_archived) {
  auto tree = ledger_.Regions();
  const auto scope = ctx.Reads(access::kProjectRead, *tree).Within(region, *tree);
  auto c = db_.Acquire();
  return ItemList<store::Team>{store::ListTeams(*c, scope, include_archived)};
}

Result<store::Team> OrgService::GetTeam(const Ctx& ctx, int64_t id) {
  auto c = Acquire();
  auto t = store::LoadTeam(*c, id);
  if (!t || !Visible(ctx, t->region_code)) return Error::NotFound("no team " + std::to_string(id));
  return std::move(*t);
}

Status OrgService::ApplyTeamFields(const json& body, store::Team& t, bool create) {
  Problems pr;
  JsonFields f(body, pr);
  if (!create) f.Int("version");
  t.name = f.Text("name").value_or(t.name);
  t.region_code = f.Text("region_code").value_or(t.region_code);
  if (auto l = f.Int("lead_person_id", Need::kOptional, {1, std::numeric_limits<int64_t>::max()}))
    t.lead_person_id = l;
  else if (body.is_object() && body.contains("lead_person_id") && body["lead_person_id"].is_null())
    t.lead_person_id.reset();
  if (auto m = Ids(f, "member_ids", pr)) t.member_ids = *m;
  if (auto p = Ids(f, "project_ids", pr)) t.project_ids = *p;
  if (!create) t.archived = f.Bool("archived").value_or(t.archived);
  f.RejectUnknown();
  return Readable(pr);
}

void OrgService::CheckTeam(store::Connection& c, const store::Team& t, Problems& pr) {
  if (t.name.empty()) pr.Add("name", "", kRequired);
  else if (t.name.size() > 300) pr.Add("name", t.name, "过长 (at most 100 characters)");
  if (t.region_code.empty()) pr.Add("region_code", "", kRequired);
  if (t.lead_person_id && !store::MissingIds(c, "people", {*t.lead_person_id}).empty())
    pr.Add("lead_person_id", std::to_string(*t.lead_person_id), "未知人员 (unknown person)");
  for (int64_t id : store::MissingIds(c, "people", t.member_ids))
    pr.Add("member_ids", std::to_string(id), "未知人员 (unknown person)");
  for (int64_t id : store::MissingIds(c, "projects", t.project_ids))
    pr.Add("project_ids", std::to_string(id), "未知项目 (unknown project)");
}

Result<store::Team> OrgService::CreateTeam(const Ctx& ctx, const json& body) {
  store::Team t;
  if (auto st = ApplyTeamFields(body, t, true); !st) return st.error();
  if (!access::AllowedAnywhere(ctx.caller, access::kOrgAdmin)) return NotAdmin();
  auto c = Acquire();
  Problems pr;
  CheckTeam(*c, t, pr);
  if (!t.region_code.empty() && !Visible(ctx, t.region_code))
    pr.Add("region_code", t.region_code, "未知区域 (unknown region)");
  if (!pr.empty()) return pr.ToError("专班信息有误 (the team is not valid)");
  if (auto st = MayAdmin(ctx, t.region_code); !st) return st.error();
  store::Transaction tx(*c);
  t.id = store::InsertTeam(*c, t);
  store::WriteJournal(*c, "team", t.id, "create", ctx.caller.user_id, ctx.now, store::TeamChanges({}, t));
  tx.Commit();
  return *store::LoadTeam(*c, t.id);
}

Result<store::Team> OrgService::UpdateTeam(const Ctx& ctx, int64_t id, const json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto current = GetTeam(ctx, id);
  if (!current) return current.error();
  if (auto st = MayAdmin(ctx, current->region_code); !st) return st.error();
  store::Team next = *current;
  if (auto st = ApplyTeamFields(body, next, false); !st) return st.error();
  if (current->version != *version) return store::StaleVersion("team", current->version);
  if (auto st = NotArchived(current->archived, next.archived, "专班"); !st) return st.error();
  auto c = Acquire();
  Problems pr;
  CheckTeam(*c, next, pr);
  if (next.region_code != current->region_code && !MayWrite(ctx, next.region_code))
    pr.Add("region_code", next.region_code, "未知区域或无权管理 (unknown region, or not yours to manage)");
  if (!pr.empty()) return pr.ToError("专班信息有误 (the team is not valid)");
  store::Transaction tx(*c);
  if (auto st = store::UpdateTeam(*c, next, *version); !st) return st.error();
  store::WriteJournal(*c, "team", id, WriteAction(current->archived, next.archived), ctx.caller.user_id,
                      ctx.now, store::TeamChanges(*current, next));
  tx.Commit();
  return *store::LoadTeam(*c, id);
}

}  // namespace gj::service

// OrgService: people (人员) and 专班 (teams). See org_service.h.
#include <algorithm>
#include <regex>
#include <set>

#include "common/json_field.h"
#include "service/org/org_record.h"
#include "service/org/org_service.h"
#include "service/org/org_support.h"
#include "store/journal.h"
#include "store/project_store.h"

namespace gj::service {

namespace {

using nlohmann::json;

using namespace org;

constexpr const char* kUnknownUnit = "未知单位 (unknown unit)";
constexpr const char* kUnknownPerson = "未知人员 (unknown person)";
constexpr const char* kUnknownProject = "未知项目 (unknown project)";

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

const RecordKind<store::Person> OrgService::kPersonKind{"person",
                                                        "人员",
                                                        "人员信息有误 (the person is not valid)",
                                                        nullptr,
                                                        &OrgService::ApplyPersonFields,
                                                        &OrgService::CheckPerson,
                                                        &store::ReferencesToPerson,
                                                        &store::InsertPerson,
                                                        &store::UpdatePerson,
                                                        &store::PersonChanges,
                                                        &store::LoadPerson,
                                                        &OrgService::ReachPerson};

Result<store::Person> OrgService::GetPerson(const Ctx& ctx, int64_t id) {
  return GetRecord(ctx, id, kPersonKind);
}

Result<store::Person> OrgService::CreatePerson(const Ctx& ctx, const json& body) {
  return CreateRecord(ctx, body, kPersonKind);
}

Result<store::Person> OrgService::UpdatePerson(const Ctx& ctx, int64_t id, const json& body) {
  return UpdateRecord(ctx, id, body, kPersonKind);
}

Result<store::Person> OrgService::AddPerson(const Ctx& ctx, store::Person p) {
  return AddRecord(ctx, std::move(p), kPersonKind);
}

Result<int64_t> OrgService::AddPersonIn(store::Connection& c, const Ctx& ctx, store::Person p) {
  return InsertRecord(c, ctx, std::move(p), kPersonKind, [] {});
}

Status OrgService::UpdatePersonIn(store::Connection& c, const Ctx& ctx, int64_t id, const json& body) {
  return WriteRecord(c, ctx, id, body, kPersonKind, [] {});
}

Status OrgService::ApplyPersonFields(const json& body, store::Person& p, bool create) {
  return ReadFields(body, p, create, [&](JsonFields& f, Problems&) {
    p.name = f.Text("name").value_or(p.name);
    p.title = f.Text("title").value_or(p.title);
    p.phone = f.Text("phone").value_or(p.phone);
    p.kind = f.Text("kind").value_or(p.kind);
    p.tier = f.Text("tier").value_or(p.tier);
    p.region_code = f.Text("region_code").value_or(p.region_code);
    // null clears the unit; absent keeps it.
    if (auto u = f.Int("unit_id", Need::kOptional, {1, std::numeric_limits<int64_t>::max()})) p.unit_id = u;
    else if (body.is_object() && body.contains("unit_id") && body["unit_id"].is_null()) p.unit_id.reset();
  });
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
    // Whether it exists and is active; ReachPerson asks whether the caller reads it.
    auto u = store::LoadUnit(c, access::ReadScope::All(), *p.unit_id);
    if (!u || u->archived) pr.Add("unit_id", std::to_string(*p.unit_id), kUnknownUnit);
  }
}

// A unit newly named that exists but lies outside the caller's read scope is as unknown as one
// that does not exist (CheckPerson reports those).
void OrgService::ReachPerson(const Ctx& ctx, store::Connection& c, const store::Person* before,
                             const store::Person& p, Problems& pr) {
  if (!p.unit_id || (before && before->unit_id == p.unit_id)) return;
  auto u = store::LoadUnit(c, access::ReadScope::All(), *p.unit_id);  // CheckPerson reports a missing one
  if (u && !u->archived && (!store::LoadUnit(c, Reads(ctx), u->id) || !Visible(ctx, u->region_code)))
    pr.Add("unit_id", std::to_string(*p.unit_id), kUnknownUnit);
}

// ---- 专班 (teams) ----

Result<ItemList<store::Team>> OrgService::ListTeams(const Ctx& ctx, const std::string& region,
                                                    bool include_archived) {
  auto tree = ledger_.Regions();
  const auto scope = ctx.Reads(access::kProjectRead, *tree).Within(region, *tree);
  auto c = db_.Acquire();
  return ItemList<store::Team>{store::ListTeams(*c, scope, include_archived)};
}

const RecordKind<store::Team> OrgService::kTeamKind{"team",
                                                    "专班",
                                                    "专班信息有误 (the team is not valid)",
                                                    nullptr,
                                                    &OrgService::ApplyTeamFields,
                                                    &OrgService::CheckTeam,
                                                    nullptr,
                                                    &store::InsertTeam,
                                                    &store::UpdateTeam,
                                                    &store::TeamChanges,
                                                    &store::LoadTeam,
                                                    &OrgService::ReachTeam};

Result<store::Team> OrgService::GetTeam(const Ctx& ctx, int64_t id) { return GetRecord(ctx, id, kTeamKind); }

Result<store::Team> OrgService::CreateTeam(const Ctx& ctx, const json& body) {
  return CreateRecord(ctx, body, kTeamKind);
}

Result<store::Team> OrgService::UpdateTeam(const Ctx& ctx, int64_t id, const json& body) {
  return UpdateRecord(ctx, id, body, kTeamKind);
}

Status OrgService::ApplyTeamFields(const json& body, store::Team& t, bool create) {
  return ReadFields(body, t, create, [&](JsonFields& f, Problems& pr) {
    t.name = f.Text("name").value_or(t.name);
    t.region_code = f.Text("region_code").value_or(t.region_code);
    if (auto l = f.Int("lead_person_id", Need::kOptional, {1, std::numeric_limits<int64_t>::max()}))
      t.lead_person_id = l;
    else if (body.is_object() && body.contains("lead_person_id") && body["lead_person_id"].is_null())
      t.lead_person_id.reset();
    if (auto m = Ids(f, "member_ids", pr)) t.member_ids = *m;
    if (auto p = Ids(f, "project_ids", pr)) t.project_ids = *p;
  });
}

void OrgService::CheckTeam(store::Connection&, const store::Team& t, Problems& pr) {
  if (t.name.empty()) pr.Add("name", "", kRequired);
  else if (t.name.size() > 300) pr.Add("name", t.name, "过长 (at most 100 characters)");
  if (t.region_code.empty()) pr.Add("region_code", "", kRequired);
}

// The lead, members and projects: every one must exist (an active person; any project), and each
// newly named must lie in the caller's read scope — a person by their region, a project by its
// county and town. Both failures read alike ("unknown"), so an admin learns nothing of another
// county's records. Those already on the team stay when someone with a narrower scope edits it.
void OrgService::ReachTeam(const Ctx& ctx, store::Connection& c, const store::Team* before,
                           const store::Team& t, Problems& pr) {
  auto is_new = [](const std::vector<int64_t>& old, int64_t id) {
    return !std::binary_search(old.begin(), old.end(), id);
  };
  auto unknown_people = [&](const std::vector<int64_t>& ids, const std::vector<int64_t>& old) {
    const auto missing = store::MissingIds(c, "people", ids);
    std::vector<int64_t> out;
    for (int64_t id : ids) {
      bool bad = std::find(missing.begin(), missing.end(), id) != missing.end();
      if (!bad && is_new(old, id)) {
        auto p = store::LoadPerson(c, Reads(ctx), id);
        bad = !p || !Visible(ctx, p->region_code);
      }
      if (bad) out.push_back(id);
    }
    return out;
  };
  std::vector<int64_t> old_lead;
  if (before && before->lead_person_id) old_lead.push_back(*before->lead_person_id);
  if (t.lead_person_id && !unknown_people({*t.lead_person_id}, old_lead).empty())
    pr.Add("lead_person_id", std::to_string(*t.lead_person_id), kUnknownPerson);
  for (int64_t id : unknown_people(t.member_ids, before ? before->member_ids : std::vector<int64_t>{}))
    pr.Add("member_ids", std::to_string(id), kUnknownPerson);

  const auto missing = store::MissingIds(c, "projects", t.project_ids);
  std::vector<int64_t> added;
  for (int64_t id : t.project_ids) {
    if (std::find(missing.begin(), missing.end(), id) == missing.end() &&
        (!before || is_new(before->project_ids, id)))
      added.push_back(id);
  }
  auto tree = ledger_.Regions();
  const auto& scope = ctx.Reads(access::kProjectRead, *tree);
  std::vector<int64_t> unknown = missing;
  // Those outside the scope do not load: as unknown as those that do not exist.
  std::set<int64_t> readable;
  for (const auto& p : store::LoadProjects(c, scope, added)) readable.insert(p.id);
  for (int64_t id : added) {
    if (!readable.count(id)) unknown.push_back(id);
  }
  std::sort(unknown.begin(), unknown.end());
  for (int64_t id : unknown) pr.Add("project_ids", std::to_string(id), kUnknownProject);
}

}  // namespace gj::service

#include "service/ledger/ledger_service.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "common/json_field.h"
#include "common/json_limits.h"
#include "service/ledger/plausibility_settings.h"
#include "service/ledger/single_flight.h"
#include "service/ledger/stage_change.h"
#include "service/unique_write.h"
#include "store/account_store.h"
#include "store/chain_store.h"
#include "store/journal.h"
#include "store/org_store.h"
#include "store/progress_store.h"
#include "store/project_year_store.h"
#include "store/table.h"

namespace gj::service {

access::Target TargetOf(const ledger::Project& p) {
  return {p.county_code, p.town_code.value_or(""), p.unit_id};
}

std::shared_ptr<const access::RegionTree> LedgerService::Regions() {
  std::lock_guard lock(mu_);
  if (!regions_) {
    auto c = db_.Acquire();
    regions_ = std::make_shared<const access::RegionTree>(store::LoadRegions(*c));
  }
  return regions_;
}

std::shared_ptr<const access::RegionTree> LedgerService::Regions(store::Connection& c) {
  std::lock_guard lock(mu_);
  if (!regions_) regions_ = std::make_shared<const access::RegionTree>(store::LoadRegions(c));
  return regions_;
}

void LedgerService::ReloadRegions() {
  std::lock_guard lock(mu_);
  regions_.reset();  // the next Regions() call loads a fresh snapshot
}

access::ReadScope LedgerService::ReadableScope(const Ctx& ctx, const std::string& region) {
  auto tree = Regions();
  return ctx.Reads(access::kProjectRead, *tree).Within(region, *tree);
}

Result<access::ReadScope> LedgerService::RegionScope(const Ctx& ctx, const std::string& region) {
  auto scope = ReadableScope(ctx, region);
  if (!region.empty() && scope.Empty()) return Error::NotFound("no region " + region);
  return scope;
}

namespace {

// The filter queries running now, of every LedgerService (a flight lives only while its first
// caller computes, so the service's address in the key names one service for that time).
SingleFlight<FilterIdCache::Ids>& IdFlights() {
  static SingleFlight<FilterIdCache::Ids> flights;
  return flights;
}

}  // namespace

FilterIdCache::Ids LedgerService::FilterIds(store::Connection& c, const store::ProjectFilter& f) {
  // The version first: a write committed after it makes these ids newer than their key, never older.
  const int64_t version = store::ProjectsVersion(c);
  const std::string key = store::FilterKey(f) + "\x1e" + f.sort + (f.descending ? " desc" : " asc");
  if (auto ids = id_cache_.Find(key, version)) return ids;
  // One query per filter and version however many requests ask for it at once.
  const std::string flight =
      std::to_string(reinterpret_cast<uintptr_t>(this)) + "\x1e" + std::to_string(version) + "\x1e" + key;
  return IdFlights().Run(flight, [&]() -> FilterIdCache::Ids {
    if (auto ids = id_cache_.Find(key, version)) return ids;  // finished while this one waited
    auto ids = std::make_shared<const std::vector<int64_t>>(store::ListProjectIds(c, f));
    id_cache_.Put(key, version, ids);
    return ids;
  });
}

Result<ProjectPage> LedgerService::List(const Ctx& ctx, store::ProjectFilter f) {
  f.scope = ReadableScope(ctx, "");
  auto c = db_.Acquire();
  if (!f.year) f.year = CurrentListYear(*c, ctx.today, f.scope);
  ProjectPage page;
  page.total_count = static_cast<int64_t>(FilterIds(*c, f)->size());
  page.items = store::ListProjects(*c, f);
  page.offset = f.offset;
  page.limit = f.limit;
  return page;
}

namespace {

// The refs of ids[offset, offset + limit) in that order (limit ≤ 0: to the end).
std::vector<store::ProjectRef> PageRefs(store::Connection& c, const access::ReadScope& scope,
                                        const std::vector<int64_t>& ids, int64_t offset, int64_t limit,
                                        std::optional<int> year) {
  const size_t begin = std::min(ids.size(), static_cast<size_t>(std::max<int64_t>(offset, 0)));
  const size_t end = limit > 0 ? std::min(ids.size(), begin + static_cast<size_t>(limit)) : ids.size();
  const std::vector<int64_t> page_ids(ids.begin() + begin, ids.begin() + end);
  std::unordered_map<int64_t, store::ProjectRef> by_id;
  for (auto& r : store::LoadProjectRefs(c, scope, page_ids, year)) by_id.emplace(r.id, std::move(r));
  std::vector<store::ProjectRef> out;
  for (int64_t id : page_ids) {
    auto it = by_id.find(id);
    if (it != by_id.end()) out.push_back(std::move(it->second));  // projects are archived, not deleted
  }
  return out;
}

}  // namespace

std::vector<ProjectJsonCache::Text> LedgerService::MemberTexts(store::Connection& c,
                                                               const access::ReadScope& scope,
                                                               const std::vector<store::ProjectRef>& refs) {
  std::vector<ProjectJsonCache::Text> texts(refs.size());
  std::vector<int64_t> missing;
  std::optional<int> year;
  for (size_t i = 0; i < refs.size(); ++i) {
    texts[i] = json_cache_.Find(refs[i].id, refs[i].version, refs[i].year, refs[i].year_version);
    if (!texts[i]) missing.push_back(refs[i].id);
    if (refs[i].year) year = refs[i].year;  // one page, one year
  }
  if (missing.empty()) return texts;
  // A write between the reads shows the newer row, kept under its own version.
  std::unordered_map<int64_t, ProjectJsonCache::Text> loaded;
  std::unordered_map<int64_t, int64_t> year_versions;
  for (const auto& r : store::LoadProjectRefs(c, scope, missing, year)) year_versions[r.id] = r.year_version;
  for (const auto& p : store::LoadProjects(c, scope, missing, year)) {
    std::string members;
    bool first = true;
    ledger::AppendJsonMembers(members, p, first);
    auto text = std::make_shared<const std::string>(std::move(members));
    json_cache_.Put(p.id, p.version, year ? *year : 0, year_versions[p.id], text);
    loaded.emplace(p.id, std::move(text));
  }
  for (size_t i = 0; i < refs.size(); ++i) {
    if (!texts[i]) texts[i] = loaded.at(refs[i].id);
  }
  return texts;
}

Result<ProjectListPage> LedgerService::ListPage(const Ctx& ctx, store::ProjectFilter f) {
  f.scope = ReadableScope(ctx, "");
  auto c = db_.Acquire();
  if (!f.year) f.year = CurrentListYear(*c, ctx.today, f.scope);
  const auto ids = FilterIds(*c, f);
  ProjectListPage page;
  page.year = *f.year;
  page.refs = PageRefs(*c, f.scope, *ids, f.offset, f.limit, f.year);
  page.members = MemberTexts(*c, f.scope, page.refs);
  page.total_count = static_cast<int64_t>(ids->size());
  page.offset = f.offset;
  page.limit = f.limit;
  return page;
}

Result<std::vector<store::ProjectRow>> LedgerService::ListInRegion(const Ctx& ctx, store::ProjectFilter f,
                                                                   const std::string& region) {
  f.scope = ReadableScope(ctx, region);
  f.offset = 0;
  f.limit = 0;
  auto c = db_.Acquire();
  if (!f.year) f.year = CurrentListYear(*c, ctx.today, f.scope);
  return store::ListProjects(*c, f);
}

Status LedgerService::ForEachInRegion(const Ctx& ctx, store::ProjectFilter f, const std::string& region,
                                      const std::function<void(const store::ProjectRow&)>& fn) {
  f.scope = ReadableScope(ctx, region);
  f.offset = 0;
  f.limit = 0;
  auto c = db_.Acquire();
  if (!f.year) f.year = CurrentListYear(*c, ctx.today, f.scope);
  store::ForEachProject(*c, f, fn);
  return Ok{};
}

Result<store::ProjectRow> LedgerService::Get(const Ctx& ctx, int64_t id, std::optional<int> year) {
  auto c = db_.Acquire();
  return Get(*c, ctx, id, year);
}

Result<store::ProjectRow> LedgerService::Get(store::Connection& c, const Ctx& ctx, int64_t id,
                                             std::optional<int> year) {
  const auto& reads = ctx.Reads(access::kProjectRead, *Regions(c));
  auto row = store::LoadProjectRow(c, reads, id, year ? *year : ShownYear(c, ctx, id));
  if (!row && !year) row = store::LoadProjectRow(c, reads, id);  // on no list
  if (!row || !access::Allowed(ctx.caller, access::kProjectRead, TargetOf(row->project), *Regions(c))) {
    return Error::NotFound("no project " + std::to_string(id) +
                           (year ? " on the " + std::to_string(*year) + " list" : ""));
  }
  return std::move(*row);
}

int LedgerService::CurrentListYear(store::Connection& c, const Date& as_of, const access::ReadScope& scope) {
  // ledger::CurrentListYear's rule (the latest list up to the as-of year, else that year), asked of
  // the store from the as-of year downward.
  return store::LatestYearWithList(c, scope, as_of.year).value_or(as_of.year);
}

int LedgerService::CurrentListYear(const Date& as_of, const access::ReadScope& scope) {
  auto c = db_.Acquire();
  return CurrentListYear(*c, as_of, scope);
}

int LedgerService::ShownYear(store::Connection& c, const Ctx& ctx, int64_t id) {
  std::vector<int> years;
  // The tree through this connection: a thread holding one never asks the pool for a second.
  const auto tree = Regions(c);
  for (const auto& y : store::ListProjectYears(c, ctx.Reads(access::kProjectRead, *tree), id))
    years.push_back(y.year);
  return ledger::ProjectDisplayYear(years,
                                    CurrentListYear(c, ctx.today, ctx.Reads(access::kProjectRead, *tree)));
}

namespace {

// 链长制: a body's "chain_id" names the project's chain (projects.chain_id, the reference), a
// chain of the project's county; the text `chain` beside it is that chain's name, written here
// (it was the free text the 0130 migration turned into chains; the sheet's 产业链 column still
// carries it). The store sets chain_id from the text (store::LinkProjectChain), so the two agree;
// null clears both. A body that sends only `chain` (the sheet, an older client) names the chain.
void ApplyChainRef(store::Connection& c, const nlohmann::json& body, ledger::Project& p, Problems& pr) {
  if (!body.is_object() || !body.contains("chain_id")) return;
  const auto& v = body["chain_id"];
  if (v.is_null()) {
    p.chain.clear();
    return;
  }
  if (!v.is_number_integer() || v.get<int64_t>() < 1) {
    pr.Add("chain_id", ShownValue(v), "must be an integer ≥ 1 or null");
    return;
  }
  const auto chain = store::LoadChain(c, v.get<int64_t>());
  if (!chain || chain->archived || chain->region_code != p.county_code) {
    pr.Add("chain_id", ShownValue(v),
           "rule ledger.chain_of_county: 未知产业链 (not a chain of county " + p.county_code + ")");
    return;
  }
  p.chain = chain->name;
}

// The body without "chain_id" (ApplyPatch knows the project's own fields only).
nlohmann::json WithoutChainRef(const nlohmann::json& body) {
  nlohmann::json rest = body;
  if (rest.is_object()) rest.erase("chain_id");
  return rest;
}

}  // namespace

void LedgerService::CheckReferences(store::Connection& c, const Ctx& ctx, const ledger::Project& p,
                                    Problems& pr, bool check_people_and_units, const char* permission) {
  auto tree_ptr = Regions();
  const access::RegionTree& tree = *tree_ptr;
  const access::Region* county = tree.Find(p.county_code);
  if (!p.county_code.empty() && (!county || county->level != "county")) {
    pr.Add("county_code", p.county_code, "not a county (县区) code");
  }
  if (p.town_code) {
    const access::Region* town = tree.Find(*p.town_code);
    if (!town || town->parent_code != p.county_code)
      pr.Add("town_code", *p.town_code, "not a town (镇街) of county " + p.county_code);
  }
  // References may name people and units of any region (a city leader carries a county's project):
  // whether they exist, not their rows.
  if (check_people_and_units && p.leader_id && !store::PersonExists(c, *p.leader_id))
    pr.Add("leader_id", std::to_string(*p.leader_id), "unknown person");
  if (check_people_and_units && p.unit_id && !store::UnitExists(c, *p.unit_id))
    pr.Add("unit_id", std::to_string(*p.unit_id), "unknown unit");
  if (county && !access::Allowed(ctx.caller, permission, TargetOf(p), tree)) {
    pr.Add("county_code", p.county_code, "you may not edit projects there (outside your region or unit)");
  }
}

Result<store::ProjectRow> LedgerService::Create(const Ctx& ctx, const nlohmann::json& body) {
  if (!access::AllowedAnywhere(ctx.caller, access::kProjectWrite))
    return Error::Forbidden("you may not create projects");
  ledger::Project p;
  p.year = ctx.today.year;
  p.stage = "planned";
  if (auto st = ledger::ApplyPatch(p, WithoutChainRef(body)); !st) return st.error();
  auto c = db_.Acquire();
  Problems pr = ledger::ValidateProject(p, store::LoadDictionaries(*c), ctx.today);
  CheckReferences(*c, ctx, p, pr);
  ApplyChainRef(*c, body, p, pr);
  const auto breaches = ledger::ProjectBreaches(p, LoadPlausibility(*c));
  ledger::AddBreaches(pr, breaches);
  if (!pr.empty()) return ledger::PlausibilityError(pr, breaches, "the project is not valid");
  p.version = 1;
  p.created_at = p.updated_at = ctx.now;
  store::Transaction tx(*c);
  auto inserted =
      UniqueWrite([&] { return store::InsertProject(*c, p); },
                  "a project with this code (项目编号) or national code (项目代码) already exists");
  if (!inserted) return inserted.error();
  p.id = *inserted;
  store::WriteJournal(*c, "project", p.id, "create", ctx.caller.user_id, ctx.now, ledger::CreationChanges(p));
  tx.Commit();
  return *store::LoadProjectRow(*c, access::ReadScope::All(), p.id, p.year);  // the write checked access
}

Result<store::ProjectRow> LedgerService::Mutate(const Ctx& ctx, int64_t id, const nlohmann::json& body,
                                                const std::string& action, const Mutation& change) {
  if (auto v = VersionOf(body); !v) return v.error();
  const int64_t version = body["version"].get<int64_t>();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  // The year fields (kind, annual figures) are those of the year the read showed, or of the body's
  // "year" when the project is on that list; a "year" it is not on makes it join that list.
  std::optional<store::ProjectRow> current;
  const auto& reads = ctx.Reads(access::kProjectRead, *Regions(*c));
  if (body.contains("year") && body["year"].is_number_integer())
    current = store::LoadProjectRow(*c, reads, id, body["year"].get<int>());
  if (!current) current = store::LoadProjectRow(*c, reads, id, ShownYear(*c, ctx, id));
  if (!current) current = store::LoadProjectRow(*c, reads, id);
  auto tree_ptr = Regions();
  const access::RegionTree& tree = *tree_ptr;
  if (!current || !access::Allowed(ctx.caller, access::kProjectRead, TargetOf(current->project), tree)) {
    return Error::NotFound("no project " + std::to_string(id));
  }
  if (!access::Allowed(ctx.caller, access::kProjectWrite, TargetOf(current->project), tree)) {
    return Error::Forbidden("you may read this project but not change it");
  }
  if (current->project.version != version) return store::StaleVersion("project", current->project.version);
  if (current->project.archived && action != "archive") return Error::Conflict("the project is archived");

  ledger::Project p = current->project;
  const nlohmann::json before = ledger::ToJson(p);
  if (auto st = change(p); !st) return st.error();
  Problems pr = ledger::ValidateProject(p, store::LoadDictionaries(*c), ctx.today);
  CheckReferences(*c, ctx, p, pr);
  ApplyChainRef(*c, body, p, pr);
  // Plausibility asks only the figures this change touches (an old figure blocks nothing else).
  const auto breaches = ledger::ProjectBreaches(p, LoadPlausibility(*c), &current->project);
  ledger::AddBreaches(pr, breaches);
  if (!pr.empty()) return ledger::PlausibilityError(pr, breaches, "the change is not valid");
  const auto changes = ledger::Diff(before, ledger::ToJson(p));
  if (changes.empty()) return std::move(*current);  // nothing to do: no new version, no entry
  const int shown_year = p.year;
  p.version = version + 1;
  p.updated_at = ctx.now;
  auto updated = UniqueWrite([&] { return store::UpdateProject(*c, p, version); },
                             "another project already has this code (项目编号) or national code (项目代码)");
  if (!updated) return updated.error();
  if (!*updated) return updated->error();
  store::WriteJournal(*c, "project", id, action, ctx.caller.user_id, ctx.now, ledger::ChangesToJson(changes));
  tx.Commit();
  return *store::LoadProjectRow(*c, access::ReadScope::All(), id, shown_year);  // the write checked access
}

Result<store::ProjectRow> LedgerService::Update(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  const nlohmann::json fields = WithoutChainRef(body);  // chain_id: Mutate (ApplyChainRef)
  return Mutate(ctx, id, body, "update", [&](ledger::Project& p) { return ApplyProjectChange(p, fields); });
}

Result<store::ProjectRow> LedgerService::ChangeStage(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  // The body is checked once the caller may change the project (Mutate: 404, 403, 409 first).
  return Mutate(ctx, id, body, "stage", [&](ledger::Project& p) -> Status {
    if (auto st = CheckStageChangeBody(body); !st) return st;
    return ApplyProjectChange(p, body);
  });
}

Result<store::ProjectRow> LedgerService::Archive(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  return Mutate(ctx, id, body, "archive", [](ledger::Project& p) -> Status {
    if (p.archived) return Error::Conflict("the project is already archived");
    p.archived = true;
    return Ok{};
  });
}

Result<ProjectJournal> LedgerService::Journal(const Ctx& ctx, int64_t id) {
  auto row = Get(ctx, id);
  if (!row) return row.error();
  auto c = db_.Acquire();
  ProjectJournal out;
  for (const auto& r : store::ReadJournal(*c, "project", id).rows) {
    out.items.push_back({store::AsInt(r[0]), store::AsText(r[1]),
                         store::IsNull(r[2]) ? std::nullopt : std::optional<int64_t>(store::AsInt(r[2])),
                         store::AsText(r[3]), store::AsText(r[4]), store::AsText(r[5])});
  }
  return out;
}

ledger::Dictionaries LedgerService::Dictionaries() {
  auto c = db_.Acquire();
  return store::LoadDictionaries(*c);
}

Result<ledger::Dictionaries> LedgerService::PutDictionary(const Ctx& ctx, const std::string& kind,
                                                          const nlohmann::json& body) {
  if (!access::AllowedSystemWide(ctx.caller, access::kDictionaryAdmin, *Regions()))
    return Error::Forbidden("only the system admin may edit dictionaries");
  if (std::find(ledger::kDictionaryKinds.begin(), ledger::kDictionaryKinds.end(), kind) ==
      ledger::kDictionaryKinds.end()) {
    return Error::NotFound("no dictionary '" + kind + "'");
  }
  if (!body.is_object() || !body.contains("items") || !body["items"].is_array()) {
    return Error::BadRequest("the body must be {\"items\": [...]}");
  }
  Problems pr;
  std::vector<ledger::DictEntry> items;
  for (size_t i = 0; i < body["items"].size(); ++i) {
    const auto& it = body["items"][i];
    const std::string at = "items[" + std::to_string(i) + "]";
    if (!it.is_object() || !it.contains("code") || !it["code"].is_string() ||
        it["code"].get<std::string>().empty() || !it.contains("label_zh") || !it["label_zh"].is_string()) {
      pr.Add(at, BoundedDump(it), "needs code and label_zh strings");
      continue;
    }
    ledger::DictEntry e{it["code"], it["label_zh"], it.value("label_en", it["code"].get<std::string>()),
                        it.value("sort", static_cast<int>(i + 1)), it.value("active", true)};
    for (const auto& prev : items) {
      if (prev.code == e.code) pr.Add(at + ".code", e.code, "duplicate code");
    }
    items.push_back(std::move(e));
  }
  if (items.empty()) pr.Add("items", "[]", "a dictionary needs at least one entry");
  if (!pr.empty()) return pr.ToError("the dictionary is not valid");
  const auto dicts = Dictionaries();
  const auto it = dicts.find(kind);
  const nlohmann::json before = it == dicts.end() ? nlohmann::json::array() : nlohmann::json(it->second);
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  // Seed every kind on the first edit so the stored set is complete.
  if (store::AsInt(c->Query("SELECT COUNT(*) FROM dictionaries").rows[0][0]) == 0) {
    for (const auto& [k, list] : ledger::DefaultDictionaries()) store::ReplaceDictionary(*c, k, list);
  }
  store::ReplaceDictionary(*c, kind, items);
  store::WriteJournal(*c, "dictionary", 0, "update", ctx.caller.user_id, ctx.now,
                      nlohmann::json::array({{{"field", kind}, {"old", before}, {"new", body["items"]}}}));
  tx.Commit();
  return store::LoadDictionaries(*c);
}

RegionList LedgerService::VisibleRegions(const Ctx& ctx) {
  auto tree_ptr = Regions();
  const access::RegionTree& tree = *tree_ptr;
  RegionList out;
  // The regions the caller reads anything in, up and down its grants: the observation.read rows
  // (every role holds one) reach both ways.
  const auto readable = ctx.Reads(access::kObservationRead, tree);
  for (const auto& r : tree.all()) {
    if (readable.ContainsRegion(r.code)) out.items.push_back(r);
  }
  return out;
}

UnitList LedgerService::Units(const Ctx& ctx, const std::string& region) {
  auto c = db_.Acquire();
  return {store::ListUnits(*c, ReadableScope(ctx, region))};
}

PersonList LedgerService::People(const Ctx& ctx, const std::string& region, const std::string& kind) {
  auto c = db_.Acquire();
  return {store::ListPeople(*c, ReadableScope(ctx, region), kind)};
}

}  // namespace gj::service

#include "service/supervision/supervision_settings.h"

#include <algorithm>

#include "common/json_field.h"
#include "common/json_limits.h"
#include "service/supervision/supervision_support.h"
#include "store/journal.h"
#include "store/project_store.h"
#include "store/supervision_store.h"

namespace gj::service {

namespace sv = supervision;
using nlohmann::json;

namespace {

// The settings a region may hold as its own (region_settings rows of these names).
constexpr const char* kRegional[] = {"escalation", "visit_rule", "map_tile_url"};

sv::EscalationPolicy EscalationFrom(const json& steps) {
  sv::EscalationPolicy p;
  for (const auto& j : steps) {
    if (j.is_object())
      p.steps.push_back({j.value("after_days", 0), j.value("level", ""), j.value("label_zh", "")});
  }
  return p;
}

// The stored form of a visit rule (JSON text, as the API shows it).
std::string VisitRuleText(const sv::VisitRule& r) {
  return json{{"window_days", r.window_days}, {"min_visits", r.min_visits}}.dump();
}

// Validation problems of one setting, named under it ("escalation.steps[0].level").
void AddUnder(const std::string& name, const Problems& found, Problems& pr) {
  for (const auto& d : found.details()) pr.Add({name + "." + d.field, d.value, d.reason, 0, {}});
}

// The stored text of one setting from the body's value, or the problems found.
std::string StoredValue(const std::string& name, const json& v, Problems& pr) {
  if (name == "escalation") {
    if (!v.is_array()) pr.Add("escalation", BoundedDump(v), "must be an array of steps");
    else AddUnder("escalation", sv::ValidateEscalation(EscalationFrom(v)), pr);
    return v.dump();
  }
  if (name == "visit_rule") {
    const sv::VisitRule r{v.is_object() ? v.value("window_days", 7) : 0,
                          v.is_object() ? v.value("min_visits", 1) : 0};
    AddUnder("visit_rule", sv::ValidateVisitRule(r), pr);
    return VisitRuleText(r);
  }
  const std::string url = v.is_string() ? v.get<std::string>() : "";
  if (!v.is_string() || (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)) {
    pr.Add("map_tile_url", v.is_string() ? url : BoundedDump(v), "must be an http(s) URL with {z}/{x}/{y}");
  }
  return url;
}

SettingSource SourceOf(const std::optional<std::pair<std::string, std::string>>& found,
                       const std::string& region) {
  if (!found) return {};
  return {found->second == region ? "own" : "inherited", found->second};
}

}  // namespace

std::string SettingsRegionOf(const ledger::Project& p) {
  return p.town_code.value_or("").empty() ? p.county_code : *p.town_code;
}

Result<std::string> SettingsRegion(const Ctx& ctx, const access::RegionTree& tree,
                                   const std::string& region) {
  std::string code = region;
  if (code.empty() && !ctx.caller.grants.empty()) code = ctx.caller.grants.front().region_code;
  if (!tree.Find(code)) return Error::NotFound("no region " + code);
  // A region's settings are read by those who work in it, below it (a county reads what its city
  // set) or above it (a city office looks at its counties).
  for (const auto& g : ctx.caller.grants) {
    if (tree.Within(code, g.region_code) || tree.Within(g.region_code, code)) return code;
  }
  return Error::NotFound("no region " + code);
}

std::optional<std::pair<std::string, std::string>> SupervisionSettings::Lookup(store::Connection& c,
                                                                               const std::string& region,
                                                                               const std::string& name) {
  std::string code = region;
  for (int guard = 0; guard < 16 && !code.empty(); ++guard) {
    if (auto v = store::GetRegionSetting(c, code, name)) return std::pair(*v, code);
    code = store::ParentRegionOf(c, code);
  }
  return std::nullopt;
}

sv::EscalationPolicy SupervisionSettings::Escalation(store::Connection& c, const std::string& region) {
  auto s = Lookup(c, region, "escalation");
  return s ? EscalationFrom(ParseStoredJson(s->first)) : sv::DefaultEscalation();
}

sv::VisitRule SupervisionSettings::VisitRule(store::Connection& c, const std::string& region) {
  auto s = Lookup(c, region, "visit_rule");
  if (!s) return {};
  auto j = ParseStoredJson(s->first);
  return {j.value("window_days", 7), j.value("min_visits", 1)};
}

std::string SupervisionSettings::MapTileUrl(store::Connection& c, const std::string& region) {
  auto s = Lookup(c, region, "map_tile_url");
  return s ? s->first : "";
}

std::vector<store::ProcedureKindRow> SupervisionSettings::ProcedureKinds(store::Connection& c,
                                                                         const std::string& region) {
  std::vector<store::ProcedureKindRow> kinds;
  // The guides each region above (and at) `region` set, nearest first.
  std::vector<std::pair<std::string, std::map<std::string, std::string>>> chain;
  std::string code = region;
  for (int guard = 0; guard < 16 && !code.empty(); ++guard) {
    chain.emplace_back(code, store::RegionSettings(c, code));
    code = store::ParentRegionOf(c, code);
  }
  // The system's kinds and those a region of the chain added.
  for (auto& k : store::ListProcedureKinds(c)) {
    if (!k.region_code.empty() && std::none_of(chain.begin(), chain.end(),
                                               [&](const auto& held) { return held.first == k.region_code; }))
      continue;
    if (!k.region_code.empty()) {
      k.source = k.region_code == region ? "own" : "inherited";
      k.source_region = k.region_code;
    }
    kinds.push_back(std::move(k));
  }
  for (auto& k : kinds) {
    for (const auto& [holder, settings] : chain) {
      auto it = settings.find("procedure_kind:" + k.kind.code);
      if (it == settings.end()) continue;
      const json g = json::parse(it->second, nullptr, false);
      if (!g.is_object()) continue;
      k.kind.label_zh = g.value("label_zh", k.kind.label_zh);
      k.kind.label_en = g.value("label_en", k.kind.label_en);
      k.documents = g.value("documents", k.documents);
      k.handling_unit = g.value("handling_unit", k.handling_unit);
      k.office = g.value("office", k.office);
      k.phone = g.value("phone", k.phone);
      k.source = holder == region ? "own" : "inherited";
      k.source_region = holder;
      break;
    }
  }
  return kinds;
}

Result<SupervisionConfig> SupervisionSettings::Config(const Ctx& ctx, const std::string& region) {
  auto c = db_.Acquire();
  const access::RegionTree tree(store::LoadRegions(*c));
  auto code = SettingsRegion(ctx, tree, region);
  if (!code) return code.error();
  SupervisionConfig out{
      Escalation(*c, *code),
      VisitRule(*c, *code),
      ProcedureKinds(*c, *code),
      MapTileUrl(*c, *code),
      *code,
      {},
      access::Allowed(ctx.caller, access::kSupervisionManage, {*code, "", std::nullopt}, tree)};
  for (const char* name : kRegional) out.sources[name] = SourceOf(Lookup(*c, *code, name), *code);
  return out;
}

Result<SupervisionConfig> SupervisionSettings::PutSettings(const Ctx& ctx, const json& body,
                                                           const std::string& region) {
  const Status allowed = CheckWrite(ctx, access::kSupervisionManage,
                                    "only the project office changes supervision settings", body);
  if (!allowed) return allowed.error();
  std::string code = region;
  if (auto st = PutOn(ctx, body, code); !st) return st.error();
  return Config(ctx, code);
}

Status SupervisionSettings::PutOn(const Ctx& ctx, const json& body, std::string& code) {
  auto c = db_.Acquire();
  const access::RegionTree tree(store::LoadRegions(*c));
  if (code.empty()) {
    // The caller's own region: the first grant that may manage supervision.
    for (const auto& g : ctx.caller.grants) {
      if (access::ScopeOf(g.role, access::kSupervisionManage) != access::Scope::kNone) {
        code = g.region_code;
        break;
      }
    }
  }
  auto readable = SettingsRegion(ctx, tree, code);
  if (!readable) return readable.error();
  // A region's own values: written by the project office of that region or one above it.
  if (!access::Allowed(ctx.caller, access::kSupervisionManage, {code, "", std::nullopt}, tree))
    return Error::Forbidden("only the project office of " + code + " or above changes its settings");
  Problems pr;
  std::map<std::string, std::optional<std::string>> put;  // nullopt: clear the own value
  for (const char* name : kRegional) {
    if (!body.contains(name)) continue;
    if (body[name].is_null()) put[name] = std::nullopt;
    else put[name] = StoredValue(name, body[name], pr);
  }
  if (!pr.empty()) return pr.ToError("the settings are not valid");
  store::Transaction tx(*c);
  json changes = json::array();
  for (const auto& [name, value] : put) {
    const auto before = store::GetRegionSetting(*c, code, name);
    if (before == value) continue;
    if (value) store::PutRegionSetting(*c, code, name, *value, ctx.now);
    else store::ClearRegionSetting(*c, code, name);
    changes.push_back({{"field", code + "." + name},
                       {"old", before ? json(*before) : json(nullptr)},
                       {"new", value ? json(*value) : json(nullptr)}});
  }
  if (!changes.empty())
    store::WriteJournal(*c, "supervision_settings", 0, "update", ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return Ok{};
}

}  // namespace gj::service

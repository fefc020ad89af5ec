#include "service/supervision/progress_service.h"

#include <algorithm>

#include "common/json_limits.h"
#include "service/supervision/supervision_support.h"
#include "store/journal.h"
#include "store/table.h"

namespace gj::service {

// ---- settings ------------------------------------------------------------------------------

supervision::LightRules ProgressService::RulesFor(store::Connection& c, const std::string& region) {
  auto tree = ledger_.Regions();
  for (std::string code = region; !code.empty();) {
    if (auto s = store::LoadSettings(c, code)) {
      if (auto r = supervision::RulesFromJson(ParseStoredJson(s->light_rules))) return r.value();
    }
    const auto* r = tree->Find(code);
    code = r ? r->parent_code : "";
  }
  return {};
}

supervision::ReportPolicy ProgressService::PolicyFor(store::Connection& c, const std::string& region) {
  auto tree = ledger_.Regions();
  for (std::string code = region; !code.empty();) {
    if (auto s = store::LoadSettings(c, code)) {
      // Stored policies were validated when written; members added since take their defaults.
      auto pol = supervision::PolicyFromJson(ParseStoredJson(s->report_policy), {});
      return pol ? pol.value() : supervision::ReportPolicy{};
    }
    const auto* r = tree->Find(code);
    code = r ? r->parent_code : "";
  }
  return {};
}

namespace {

// The rules of a region belong with its projects: 404 for a region whose projects the caller may
// not read (unknown included), as for every other regional read; 403 is for what they may see.
Status Readable(const Ctx& ctx, const std::string& region, const access::RegionTree& tree) {
  if (!tree.Find(region) || !ctx.Reads(access::kProjectRead, tree).ContainsRegion(region))
    return Error::NotFound("no region " + region);
  return Ok{};
}

}  // namespace

Result<ProgressSettings> ProgressService::Settings(const Ctx& ctx, const std::string& region) {
  auto tree = ledger_.Regions();
  if (auto st = Readable(ctx, region, *tree); !st) return st.error();
  auto c = db_.Acquire();
  const auto stored = store::LoadSettings(*c, region);
  ProgressSettings out{region, RulesFor(*c, region), PolicyFor(*c, region), stored ? stored->version : 0};
  for (std::string code = region; !code.empty();) {
    if (store::LoadSettings(*c, code)) {
      out.source = code == region ? "own" : "inherited";
      out.source_region = code;
      break;
    }
    const auto* r = tree->Find(code);
    code = r ? r->parent_code : "";
  }
  out.editable = access::Allowed(ctx.caller, access::kSupervisionAdmin, {region, "", std::nullopt}, *tree);
  return out;
}

Result<ProgressSettings> ProgressService::PutSettings(const Ctx& ctx, const std::string& region,
                                                      const nlohmann::json& body) {
  auto tree = ledger_.Regions();
  if (auto st = Readable(ctx, region, *tree); !st) return st.error();
  // The region's own rules: its project office's, or one above it (a city's office sets the city's
  // default for its counties; a county's office never its city's or another county's).
  if (!access::Allowed(ctx.caller, access::kSupervisionAdmin, {region, "", std::nullopt}, *tree)) {
    return Error::Forbidden("only the project office (coordinator) may change the supervision rules");
  }
  auto version = VersionOf(body);
  if (!version) return version.error();
  if (auto st = StoreSettings(ctx, region, *version, body); !st) return st.error();
  return Settings(ctx, region);
}

Status ProgressService::StoreSettings(const Ctx& ctx, const std::string& region, int64_t version,
                                      const nlohmann::json& body) {
  Problems pr;
  auto c = db_.Acquire();
  if (body.value("inherit", false) == true) {
    // {"version", "inherit": true}: the region drops its own rules and inherits again.
    store::Transaction tx(*c);
    const auto before = store::LoadSettings(*c, region);
    if (const int64_t stored = before ? before->version : 0; stored != version)
      return store::StaleVersion("settings record", stored);
    if (store::DeleteSettings(*c, region)) {
      store::WriteJournal(
          *c, "progress_settings", 0, "inherit", ctx.caller.user_id, ctx.now,
          nlohmann::json::array(
              {{{"field", region}, {"old", ParseStoredJson(before->light_rules)}, {"new", nullptr}}}));
      store::BumpSupervisionVersion(*c);
    }
    tx.Commit();
    return Ok{};
  }
  // A half left out keeps the rules in force (the region's own, or inherited from above).
  const auto current = PolicyFor(*c, region);
  auto rules = supervision::RulesFromJson(
      body.contains("light_rules") ? body["light_rules"] : supervision::ToJson(RulesFor(*c, region)));
  if (!rules)
    for (const auto& d : rules.error().details) pr.Add(d);
  auto pol = supervision::PolicyFromJson(
      body.contains("report_policy") ? body["report_policy"] : nlohmann::json::object(), current);
  if (!pol)
    for (const auto& d : pol.error().details) pr.Add(d);
  if (!pr.empty()) return pr.ToError("the settings are not valid");
  store::Transaction tx(*c);
  const auto before = store::LoadSettings(*c, region);
  if (const int64_t stored = before ? before->version : 0; stored != version)
    return store::StaleVersion("settings record", stored);
  const nlohmann::json policy = supervision::ToJson(pol.value());
  store::UpsertSettings(*c, {region, supervision::ToJson(rules.value()).dump(), policy.dump(), 0}, ctx.now);
  store::WriteJournal(
      *c, "progress_settings", 0, "update", ctx.caller.user_id, ctx.now,
      nlohmann::json::array(
          {{{"field", region},
            {"old", before ? ParseStoredJson(before->light_rules) : nlohmann::json(nullptr)},
            {"new", supervision::ToJson(rules.value())}},
           {{"field", region + ".report_policy"},
            {"old", before ? ParseStoredJson(before->report_policy) : nlohmann::json(nullptr)},
            {"new", policy}}}));
  store::BumpSupervisionVersion(*c);
  tx.Commit();
  return Ok{};
}

// ---- shared by the sections -----------------------------------------------------------------

Result<ProgressService::OfficePeriod> ProgressService::OfficePeriodOf(const Ctx& ctx,
                                                                      const nlohmann::json& body,
                                                                      const std::string& what) {
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  const std::string region = body.value("region", std::string());
  auto tree = ledger_.Regions();
  if (!tree->Find(region))
    return Error::Invalid("unknown region", {{"region", region, "unknown region code"}});
  if (!access::Allowed(ctx.caller, access::kSupervisionAdmin, {tree->CountyOf(region), "", std::nullopt},
                       *tree)) {
    return Error::Forbidden("only the project office (coordinator) " + what);
  }
  const std::string key = body.value("period", std::string());
  auto c = db_.Acquire();
  const auto policy = PolicyFor(*c, region);
  auto period = key.empty() ? std::optional(supervision::PeriodOf(ctx.today, policy))
                            : supervision::ParsePeriod(key, policy);
  if (!period)
    return Error::Invalid("the period is not valid", {{"period", key, "2026-W23 (week) or 2026-06 (month)"}});
  return OfficePeriod{region, *period};
}

Result<std::unordered_map<int64_t, store::ProjectRow>> ProgressService::ReadableById(
    const Ctx& ctx, const std::string& region) {
  auto projects = ledger_.ListInRegion(ctx, {}, region);
  if (!projects) return projects.error();
  std::unordered_map<int64_t, store::ProjectRow> by_id;
  for (auto& row : projects.value()) by_id.emplace(row.project.id, std::move(row));
  return by_id;
}

Result<store::ProjectRow> ProgressService::ReadableProject(const Ctx& ctx, int64_t project_id,
                                                           std::optional<int> year) {
  if (year) {
    // With that year's figures when the project is on that year's list, else as it reads by default.
    if (auto row = ledger_.Get(ctx, project_id, year)) return row;
  }
  return ledger_.Get(ctx, project_id);
}

Status ProgressService::Allowed(const Ctx& ctx, const char* action, const ledger::Project& p,
                                const char* what) {
  if (!access::Allowed(ctx.caller, action, TargetOf(p), *ledger_.Regions()))
    return Error::Forbidden(std::string("you may not ") + what);
  return Ok{};
}

}  // namespace gj::service

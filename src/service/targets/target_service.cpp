#include "service/targets/target_service.h"

#include <algorithm>
#include <unordered_map>

#include "domain/ledger/project_year.h"
#include "domain/targets/composite.h"
#include "store/attraction_store.h"
#include "store/enterprise_store.h"
#include "store/journal.h"
#include "store/progress_store.h"
#include "store/table.h"
#include "store/target_part_store.h"

namespace gj::service {

Status TargetService::CheckAdmin(const Ctx& ctx, const std::string& region) {
  auto tree = ledger_.Regions();
  if (!tree->Find(region))
    return Error::Invalid("unknown region", {{"region", region, "unknown region code"}});
  const auto* r = tree->Find(region);
  const std::string county = r->level == "city" || r->level == "province" ? region : tree->CountyOf(region);
  if (!access::Allowed(ctx.caller, access::kSupervisionAdmin, {county, "", std::nullopt}, *tree)) {
    return Error::Forbidden("only the project office (coordinator) sets targets for this region");
  }
  return Ok{};
}

namespace {

bool CountsCompletion(const targets::Target& t) {
  return t.metric == "investment_rate" || (t.metric == "sum_amount" && t.amount == "annual_completed");
}

// Completed this year as of the date, as the lights count it (ledger::AnnualCompletedAt).
void CompletedAsOf(store::Connection& c, const Date& at, std::vector<ledger::Project>& set) {
  constexpr size_t kMaxListed =
      500;  // beyond, reading every project's reports is cheaper than a long IN list
  std::vector<int64_t> ids;
  if (set.size() <= kMaxListed)
    for (const auto& p : set) ids.push_back(p.id);
  // The facts of `set`, projects the caller's metrics read in scope: joined by id below.
  const auto facts = store::LoadReportFacts(c, access::ReadScope::All(), at, at, ids);
  for (auto& p : set) {
    auto it = facts.find(p.id);
    if (it != facts.end()) p.annual_completed = ledger::AnnualCompletedAt(p, it->second.filed_year_total);
  }
}

// The leads (with steps) and funds entries of the target's region: the figures of a target the
// caller may read are the region's whole (attraction figures, not lead records, are shown).
void AttractionFacts(store::Connection& c, const access::ReadScope& region, targets::TargetFacts& f) {
  store::LeadFilter lf;
  lf.scope = region;
  std::unordered_map<int64_t, size_t> at;
  for (const auto& l : store::ListLeads(c, lf)) {
    at[l.id] = f.leads.size();
    f.leads.push_back({l.id, l.created_on, l.expected_investment, {}});
  }
  for (const auto& s : store::ListStepsOf(c, lf))
    if (auto it = at.find(s.lead_id); it != at.end())
      f.leads[it->second].steps.push_back({s.step, s.dated_on});
  for (const auto& e : store::ListFundsOf(c, lf))
    f.funds.push_back({e.lead_id, e.month, e.fixed_assets, e.working_capital, e.foreign_usd});
}

// The region's enterprises tagged backbone (骨干企业) with their yearly figures.
void BackboneFacts(store::Connection& c, const access::ReadScope& region, targets::TargetFacts& f) {
  store::EnterpriseFilter ef{region, "", "backbone", std::nullopt, 0, 0};
  for (const auto& e : store::ListEnterprises(c, ef).items) {
    targets::BackboneFacts b{e.id, e.name, {}};
    for (const auto& y : store::ListEnterpriseYears(c, e.id)) b.years[y.year] = {y.revenue, y.tax};
    f.backbone.push_back(std::move(b));
  }
}

}  // namespace

Result<targets::TargetStatus> TargetService::Evaluate(const Ctx& ctx, const targets::Target& t,
                                                      const Date& as_of) {
  auto projects = metrics_.Projects(ctx, {t.region, "", "", "", "", "", std::nullopt});
  if (!projects) return projects.error();
  targets::TargetFacts facts;
  if (t.metric == "composite") {
    facts.projects = std::move(projects.value());
  } else {
    for (auto& p : projects.value()) {
      if (targets::InSet(t, p)) facts.projects.push_back(std::move(p));
    }
  }
  const bool attraction = targets::NeedsAttraction(t), backbone = targets::NeedsBackbone(t);
  if ((CountsCompletion(t) && !facts.projects.empty()) || attraction || backbone) {
    auto c = db_.Acquire();
    if (CountsCompletion(t)) CompletedAsOf(*c, std::min(as_of, t.deadline), facts.projects);
    const auto region = access::ReadScope::All().Within(t.region, *ledger_.Regions());
    if (attraction) AttractionFacts(*c, region, facts);
    if (backbone) BackboneFacts(*c, region, facts);
  }
  return targets::EvaluateWith(t, facts, as_of);
}

Result<std::vector<std::pair<targets::Target, targets::TargetStatus>>> TargetService::StatusesFor(
    const Ctx& ctx, const std::string& region, const Date& as_of) {
  auto tree = ledger_.Regions();
  const auto scope = ctx.Reads(access::kProjectRead, *tree).Within(region, *tree);
  std::vector<targets::Target> all;
  {
    auto c = db_.Acquire();
    all = store::LoadTargets(*c, scope);
    store::AttachTargetParts(*c, all);
  }
  std::vector<std::pair<targets::Target, targets::TargetStatus>> out;
  for (const auto& t : all) {
    if (!scope.ContainsRegion(t.region)) continue;
    auto s = Evaluate(ctx, t, as_of);
    if (!s) return s.error();
    out.emplace_back(t, s.value());
  }
  return out;
}

Result<TargetList> TargetService::List(const Ctx& ctx, const std::string& region, const Date& as_of) {
  auto all = StatusesFor(ctx, region, as_of);
  if (!all) return all.error();
  TargetList out{as_of, {}};
  for (auto& [t, s] : all.value()) out.items.push_back({std::move(t), std::move(s)});
  return out;
}

Result<targets::Target> TargetService::Readable(const Ctx& ctx, int64_t id) {
  std::optional<targets::Target> t;
  auto tree = ledger_.Regions();
  {
    auto c = db_.Acquire();
    t = store::LoadTarget(*c, ctx.Reads(access::kProjectRead, *tree), id);
    if (t) {
      std::vector<targets::Target> one{std::move(*t)};
      store::AttachTargetParts(*c, one);
      t = std::move(one[0]);
    }
  }
  if (!t || !ctx.Reads(access::kProjectRead, *tree).ContainsRegion(t->region))
    return Error::NotFound("no target " + std::to_string(id));
  return std::move(*t);
}

Result<TargetDetail> TargetService::Get(const Ctx& ctx, int64_t id, const Date& as_of) {
  auto t = Readable(ctx, id);
  if (!t) return t.error();
  auto s = Evaluate(ctx, t.value(), as_of);
  if (!s) return s.error();
  return TargetDetail{{std::move(t.value()), std::move(s.value())}, as_of};
}

Result<TargetDetail> TargetService::Create(const Ctx& ctx, const nlohmann::json& body) {
  // Who may set targets, and for the body's region when it names a known one, before the body.
  if (!access::AllowedAnywhere(ctx.caller, access::kSupervisionAdmin))
    return Error::Forbidden("only the project office (coordinator) sets targets");
  if (body.is_object() && body.contains("region") && body["region"].is_string() &&
      ledger_.Regions()->Find(body["region"].get<std::string>())) {
    if (auto st = CheckAdmin(ctx, body["region"].get<std::string>()); !st) return st.error();
  }
  auto t = targets::TargetFromJson(body);
  if (!t) return t.error();
  if (auto st = CheckAdmin(ctx, t->region); !st) return st.error();
  {
    auto c = db_.Acquire();
    store::Transaction tx(*c);
    t->id = store::InsertTarget(*c, t.value(), ctx.now);
    store::ReplaceTargetParts(*c, t->id, t->parts);
    auto created = targets::ToJson(t.value());
    if (!t->parts.empty()) created["parts"] = targets::PartsToJson(t->parts);
    store::WriteJournal(*c, "target", t->id, "create", ctx.caller.user_id, ctx.now,
                        nlohmann::json::array({{{"field", "target"}, {"old", nullptr}, {"new", created}}}));
    tx.Commit();
  }
  return Get(ctx, t->id, ctx.today);
}

Result<TargetDetail> TargetService::Update(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  if (auto v = VersionOf(body); !v) return v.error();
  auto current = Readable(ctx, id);
  if (!current) return current.error();
  // The body's fields over the stored definition, read back as one target (every bad field at once).
  nlohmann::json merged = targets::ToJson(current.value());
  if (!current->parts.empty()) merged["parts"] = targets::PartsToJson(current->parts);
  for (const auto& [k, v] : body.items()) merged[k] = v;
  auto t = targets::TargetFromJson(merged);
  if (!t) return t.error();
  if (auto st = CheckAdmin(ctx, current->region); !st) return st.error();
  if (auto st = CheckAdmin(ctx, t->region); !st) return st.error();
  t->id = id;
  {
    auto c = db_.Acquire();
    store::Transaction tx(*c);
    if (auto st = store::UpdateTarget(*c, t.value(), body["version"].get<int64_t>(), ctx.now); !st)
      return st.error();
    store::ReplaceTargetParts(*c, id, t->parts);
    auto changes = store::TargetChanges(current.value(), t.value());
    if (current->parts != t->parts)
      changes.push_back({{"field", "parts"},
                         {"old", targets::PartsToJson(current->parts)},
                         {"new", targets::PartsToJson(t->parts)}});
    store::WriteJournal(*c, "target", id, "update", ctx.caller.user_id, ctx.now, changes);
    tx.Commit();
  }
  return Get(ctx, id, ctx.today);
}

Result<ArchivedTarget> TargetService::Archive(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  if (auto v = VersionOf(body); !v) return v.error();
  auto current = Readable(ctx, id);
  if (!current) return current.error();
  if (auto st = CheckAdmin(ctx, current->region); !st) return st.error();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  if (auto st = store::ArchiveTarget(*c, id, body["version"].get<int64_t>(), ctx.now); !st) return st.error();
  store::WriteJournal(*c, "target", id, "archive", ctx.caller.user_id, ctx.now,
                      nlohmann::json::array({{{"field", "archived"}, {"old", false}, {"new", true}}}));
  tx.Commit();
  return ArchivedTarget{id};
}

}  // namespace gj::service

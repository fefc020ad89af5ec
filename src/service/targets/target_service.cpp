#include "service/targets/target_service.h"

#include <algorithm>

#include "domain/ledger/project_year.h"
#include "store/journal.h"
#include "store/progress_store.h"
#include "store/table.h"

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

}  // namespace

Result<targets::TargetStatus> TargetService::Evaluate(const Ctx& ctx, const targets::Target& t,
                                                      const Date& as_of) {
  auto projects = metrics_.Projects(ctx, {t.region, "", "", "", "", "", std::nullopt});
  if (!projects) return projects.error();
  std::vector<ledger::Project> set;
  for (auto& p : projects.value()) {
    if (targets::InSet(t, p)) set.push_back(std::move(p));
  }
  if (CountsCompletion(t) && !set.empty()) {
    auto c = db_.Acquire();
    CompletedAsOf(*c, std::min(as_of, t.deadline), set);
  }
  return targets::Evaluate(t, set, as_of);
}

Result<std::vector<std::pair<targets::Target, targets::TargetStatus>>> TargetService::StatusesFor(
    const Ctx& ctx, const std::string& region, const Date& as_of) {
  auto tree = ledger_.Regions();
  const auto scope = ctx.Reads(access::kProjectRead, *tree).Within(region, *tree);
  std::vector<targets::Target> all;
  {
    auto c = db_.Acquire();
    all = store::LoadTargets(*c, scope);
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
    store::WriteJournal(*c, "target", t->id, "create", ctx.caller.user_id, ctx.now,
                        nlohmann::json::array(
                            {{{"field", "target"}, {"old", nullptr}, {"new", targets::ToJson(t.value())}}}));
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
    store::WriteJournal(*c, "target", id, "update", ctx.caller.user_id, ctx.now,
                        store::TargetChanges(current.value(), t.value()));
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

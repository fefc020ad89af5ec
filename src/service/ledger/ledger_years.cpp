// Project years: a project's rows of the annual lists (GET/PUT /projects/{id}/years/{year}) and
// the year roll-over (POST /years/{year}/rollover).
#include <algorithm>
#include <map>

#include "common/json_field.h"
#include "common/money.h"
#include "service/ledger/ledger_service.h"
#include "service/ledger/plausibility_settings.h"
#include "store/journal.h"
#include "store/project_year_store.h"

namespace gj::service {

namespace {

// A body that cannot be read as asked (wrong types, unknown fields): 400 with every problem.
Error Unreadable(const Problems& pr) {
  return Error{ErrorCode::kBadRequest, "the body cannot be read", pr.details(), {}};
}

Error NotOnList(int64_t id, int year) {
  return Error::NotFound("project " + std::to_string(id) + " is not on the " + std::to_string(year) +
                         " list");
}

}  // namespace

Result<ProjectYearList> LedgerService::Years(const Ctx& ctx, int64_t id) {
  auto c = db_.Acquire();
  if (auto row = Get(*c, ctx, id); !row) return row.error();
  return ProjectYearList{store::ListProjectYears(*c, ctx.Reads(access::kProjectRead, *Regions(*c)), id)};
}

Result<ledger::ProjectYear> LedgerService::Year(const Ctx& ctx, int64_t id, int year) {
  auto c = db_.Acquire();
  if (auto row = Get(*c, ctx, id); !row) return row.error();
  auto y = store::LoadProjectYear(*c, ctx.Reads(access::kProjectRead, *Regions(*c)), id, year);
  if (!y) return NotOnList(id, year);
  return std::move(*y);
}

Result<PutYearResult> LedgerService::PutYear(const Ctx& ctx, int64_t id, int year,
                                             const nlohmann::json& body) {
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto row = Get(*c, ctx, id);
  if (!row) return row.error();
  if (!access::Allowed(ctx.caller, access::kProjectWrite, TargetOf(row->project), *Regions(*c)))
    return Error::Forbidden("you may read this project but not change it");
  Problems pr;
  JsonFields f(body, pr);
  const auto version = f.Int("version");
  const auto kind = f.Text("kind");
  const auto annual_plan = f.Int("annual_plan");
  const auto annual_completed = f.Int("annual_completed");
  f.RejectUnknown();
  if (!pr.empty()) return Unreadable(pr);

  const auto& reads = ctx.Reads(access::kProjectRead, *Regions(*c));
  const auto before = store::LoadProjectYear(*c, reads, id, year);
  if (version && !before) return NotOnList(id, year);
  if (before && !version) {
    return Error::Conflict("project " + std::to_string(id) + " is already on the " + std::to_string(year) +
                           " list: send its version to change it");
  }
  if (before && *version != before->version) return store::StaleVersion("project year", before->version);
  ledger::ProjectYear y = before ? *before : ledger::ProjectYear{};
  y.project_id = id;
  y.year = year;
  if (kind) y.kind = *kind;
  else if (!before) {
    // Joining a list: continuing (续建) after an earlier list, else new (新开工).
    const auto years = store::ListProjectYears(*c, reads, id);
    const bool earlier =
        std::any_of(years.begin(), years.end(), [&](const auto& e) { return e.year < year; });
    y.kind = earlier ? "continuing" : "new";
  }
  y.annual_plan = annual_plan;
  y.annual_completed = annual_completed;
  pr = ledger::ValidateProjectYear(y, store::LoadDictionaries(*c));
  // The year's figures against the project's total, asked only where they change.
  ledger::Project with_year = row->project, with_before = row->project;
  with_year.annual_plan = y.annual_plan;
  with_year.annual_completed = y.annual_completed;
  with_before.annual_plan = before ? before->annual_plan : std::nullopt;
  with_before.annual_completed = before ? before->annual_completed : std::nullopt;
  const auto breaches = ledger::ProjectBreaches(with_year, LoadPlausibility(*c), &with_before);
  ledger::AddBreaches(pr, breaches);
  if (!pr.empty()) return ledger::PlausibilityError(pr, breaches, "the year is not valid");
  if (row->project.archived) return Error::Conflict("the project is archived");

  const auto changes = ledger::YearChanges(before ? &*before : nullptr, y);
  if (before && changes.empty()) return PutYearResult{*before, false};
  y.updated_at = ctx.now;
  if (!before) y.created_at = ctx.now;
  store::BumpProjectsVersion(*c);  // lists and their caches see the change
  if (before) {
    if (auto st = store::UpdateProjectYear(*c, y, *version); !st) return st.error();
  } else {
    store::InsertProjectYear(*c, y);
  }
  store::WriteJournal(*c, "project", id, "year.put", ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return PutYearResult{*store::LoadProjectYear(*c, reads, id, year), !before};
}

Result<RolloverResult> LedgerService::Rollover(const Ctx& ctx, int from_year, const nlohmann::json& body) {
  if (!access::AllowedAnywhere(ctx.caller, access::kProjectRollover))
    return Error::Forbidden("you may not roll the annual list over");
  Problems pr;
  JsonFields f(body, pr);
  const auto dry_run = f.Bool("dry_run", Need::kRequired);
  const auto region = f.Text("region");
  std::map<int64_t, std::optional<int64_t>> plans;
  const nlohmann::json* given = f.Object("plans");
  f.RejectUnknown();
  if (!pr.empty()) return Unreadable(pr);
  if (given) {
    {
      for (const auto& [key, value] : given->items()) {
        int64_t pid = 0;
        try {
          size_t used = 0;
          pid = std::stoll(key, &used);
          if (used != key.size()) pid = 0;
        } catch (...) {
          pid = 0;
        }
        if (pid <= 0) pr.Add("plans." + key, key, "not a project id");
        else if (value.is_null()) plans[pid] = std::nullopt;
        else if (!value.is_number_integer() || value.get<int64_t>() < 0)
          pr.Add("plans." + key, ShownValue(value), "must be a non-negative integer (yuan)");
        else if (CheckAmount(pr, "plans." + key, value.get<int64_t>())) plans[pid] = value.get<int64_t>();
      }
    }
  }
  if (from_year < ledger::kFirstListYear || from_year >= ledger::kLastListYear)
    pr.Add("year", std::to_string(from_year), "must be between 2000 and 2099");
  if (!pr.empty()) return pr.ToError("the roll-over is not valid");

  auto tree_ptr = Regions();
  const access::RegionTree& tree = *tree_ptr;
  const auto scope = ctx.Reads(access::kProjectRead, tree).Within(region.value_or(""), tree);
  if (region && !region->empty() && scope.Empty()) return Error::NotFound("no region " + *region);
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  const auto candidates = store::RolloverCandidates(*c, scope, from_year);
  RolloverResult out{from_year, from_year + 1, *dry_run, 0, ledger::DecideRollover(candidates, from_year)};
  // A plan for a project that does not carry is a mistake the caller should hear of.
  for (const auto& [pid, plan] : plans) {
    const auto it =
        std::find_if(out.items.begin(), out.items.end(),
                     [&pid = pid](const ledger::RolloverDecision& d) { return d.project_id == pid; });
    if (it == out.items.end() || !it->carries)
      pr.Add("plans." + std::to_string(pid), plan ? std::to_string(*plan) : "null",
             "not a project that carries over to " + std::to_string(from_year + 1));
  }
  if (!pr.empty()) return pr.ToError("the roll-over is not valid");
  // Every carried project must be one the caller may change.
  std::vector<const ledger::RolloverDecision*> carried;
  for (const auto& d : out.items) {
    if (d.carries) carried.push_back(&d);
  }
  out.carried = static_cast<int64_t>(carried.size());
  if (*dry_run || carried.empty()) return out;
  std::vector<int64_t> ids;
  for (const auto* d : carried) ids.push_back(d->project_id);
  const auto loaded = store::LoadProjects(*c, scope, ids, from_year);
  if (loaded.size() != ids.size())
    return Error::Forbidden("you may not roll over projects outside your regions");
  for (const auto& p : loaded) {
    if (!access::Allowed(ctx.caller, access::kProjectRollover, TargetOf(p), tree))
      return Error::Forbidden("you may not roll over project " + p.code);
  }
  store::BumpProjectsVersion(*c);
  for (const auto* d : carried) {
    ledger::ProjectYear y;
    y.project_id = d->project_id;
    y.year = from_year + 1;
    y.kind = "continuing";
    if (auto it = plans.find(d->project_id); it != plans.end()) y.annual_plan = it->second;
    y.created_at = y.updated_at = ctx.now;
    store::InsertProjectYear(*c, y);
    store::WriteJournal(*c, "project", d->project_id, "year.rollover", ctx.caller.user_id, ctx.now,
                        ledger::YearChanges(nullptr, y));
  }
  tx.Commit();
  return out;
}

}  // namespace gj::service

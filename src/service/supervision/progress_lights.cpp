#include "service/supervision/progress_service.h"

#include <algorithm>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "domain/supervision/problem.h"
#include "domain/supervision/procedure.h"
#include "service/supervision/supervision_support.h"
#include "store/journal.h"
#include "store/supervision_store.h"

namespace gj::service {

// ---- lights --------------------------------------------------------------------------------

namespace {

// Report facts older than this cannot change a light (the missing-reports rule looks back a few periods).
Date ReportWindowFrom(const supervision::ReportPolicy& policy, const supervision::LightRules& rules,
                      const Date& as_of) {
  const int span = policy.frequency == "month" ? 31 : 7;
  return as_of.AddDays(-static_cast<int64_t>(span) * (rules.missing_reports_yellow + 1));
}

// A refresh recomputes at most this many projects; beyond, a rebuild is as cheap.
constexpr size_t kRefreshMaxProjects = 64;

// Adds (sign +1) or takes away (-1) one entry's part of a dashboard, as Summarise counts it: a town
// or rule whose counts all fall to zero leaves, as it would be absent from a fresh summary.
void Account(LightDashboard& d, const LightEntry& e, int sign) {
  const int l = static_cast<int>(e.light.light);
  d.counts[l] += sign;
  const auto& p = e.row.project;
  const std::string& code = p.town_code ? *p.town_code : p.county_code;
  auto t = std::lower_bound(d.by_town.begin(), d.by_town.end(), code,
                            [](const TownLights& x, const std::string& c) { return x.code < c; });
  if (t == d.by_town.end() || t->code != code)
    t = d.by_town.insert(t,
                         TownLights{code, e.row.town_name.empty() ? e.row.county_name : e.row.town_name, {}});
  t->counts[l] += sign;
  if (t->counts == LightCounts{}) d.by_town.erase(t);
  for (const auto& r : e.light.reasons) {
    auto& counts = d.by_rule[r.rule];
    counts[static_cast<int>(r.light)] += sign;
    if (counts == LightCounts{}) d.by_rule.erase(r.rule);
  }
}

// How a refreshed board came from its base: the entries it replaced (index, old entry). Kept beside
// the boards, by board, while the board lives (a weak pointer tells a board from a later one at
// the same address), so that a dashboard summarised from the base can follow the refresh.
struct Lineage {
  std::weak_ptr<const LightBoard> self, base;
  std::vector<std::pair<size_t, std::shared_ptr<const LightEntry>>> replaced;
};
std::mutex lineage_mu;
std::map<const LightBoard*, Lineage> lineages;

// Called by RefreshBoard with what it replaced; Board then names the base (it holds it).
void RememberRefresh(const std::shared_ptr<const LightBoard>& board, Lineage l) {
  std::lock_guard lock(lineage_mu);
  for (auto it = lineages.begin(); it != lineages.end();)
    it = it->second.self.expired() ? lineages.erase(it) : std::next(it);
  l.self = board;
  lineages[board.get()] = std::move(l);
}

void RememberBase(const std::shared_ptr<const LightBoard>& board,
                  const std::shared_ptr<const LightBoard>& base) {
  std::lock_guard lock(lineage_mu);
  if (auto it = lineages.find(board.get()); it != lineages.end() && it->second.self.lock() == board)
    it->second.base = base;
}

// The summary kept for `kept` brought to `b` when `b` was refreshed from `kept`: the replaced
// entries taken away, their successors added (a few projects instead of every one of the region's).
std::optional<LightDashboard> FollowRefresh(const std::shared_ptr<const LightBoard>& kept,
                                            const LightDashboard& summary,
                                            const std::shared_ptr<const LightBoard>& b) {
  std::vector<std::pair<size_t, std::shared_ptr<const LightEntry>>> replaced;
  {
    std::lock_guard lock(lineage_mu);
    auto it = lineages.find(b.get());
    if (it == lineages.end() || it->second.self.lock() != b || it->second.base.lock() != kept)
      return std::nullopt;
    replaced = it->second.replaced;
  }
  LightDashboard d = summary;
  for (const auto& [i, old] : replaced) {
    Account(d, *old, -1);
    Account(d, *b->entries[i], +1);
  }
  return d;
}

}  // namespace

Result<std::shared_ptr<const LightBoard>> ProgressService::Board(const Ctx& ctx, const std::string& region,
                                                                 const Date& as_of) {
  auto tree = ledger_.Regions();
  if (!region.empty() && !tree->Find(region))
    return Error::Invalid("unknown region", {{"region", region, "unknown region code"}});
  const std::string key =
      region + "|" + as_of.ToString() + "|" + ctx.Reads(access::kProjectRead, *tree).Key();
  JournalMark now;
  {
    auto c = db_.Acquire();
    now = ReadJournalMark(*c);
  }
  std::shared_ptr<const LightBoard> cached;
  {
    std::lock_guard lock(cache_mu_);
    if (auto it = boards_.find(key); it != boards_.end()) cached = it->second;
  }
  if (cached && cached->journal == now) return cached;
  std::shared_ptr<const LightBoard> out = cached ? RefreshBoard(ctx, region, *cached, now) : nullptr;
  if (out) RememberBase(out, cached);
  if (!out) {
    auto built = BuildBoard(ctx, region, as_of, now);
    if (!built) return built.error();
    out = std::move(built.value());
  }
  std::lock_guard lock(cache_mu_);
  if (boards_.size() > 64) boards_.clear();
  boards_[key] = out;
  return out;
}

Result<std::shared_ptr<const LightBoard>> ProgressService::BuildBoard(const Ctx& ctx,
                                                                      const std::string& region,
                                                                      const Date& as_of,
                                                                      const JournalMark& mark) {
  auto board = std::make_shared<LightBoard>();
  board->as_of = as_of;
  board->journal = mark;
  supervision::ReportPolicy policy;
  {
    // Held connections stay at one per thread at a time: the pool (threads + 2) never starves.
    auto c0 = db_.Acquire();
    board->rules = RulesFor(
        *c0, region.empty() ? (ctx.caller.grants.empty() ? "" : ctx.caller.grants[0].region_code) : region);
    policy = PolicyFor(*c0, region);
  }
  // The reports' facts load on a second connection while the projects load on this thread.
  const access::ReadScope scope = ledger_.ReadableScope(ctx, region);
  const Date window_from = ReportWindowFrom(policy, board->rules, as_of);
  auto facts_future = std::async(std::launch::async, [this, as_of, window_from, scope] {
    auto c2 = db_.Acquire();
    return store::LoadReportFacts(*c2, scope, as_of, window_from);
  });
  store::ProjectFilter list;
  list.year = ledger_.CurrentListYear(
      as_of, ledger_.ReadableScope(ctx, region));  // the list and figures of the as-of date's year
  auto projects = ledger_.ListInRegion(ctx, list, region);
  LightSources sources;
  sources.report_facts = facts_future.get();
  if (!projects) return projects.error();
  {
    auto c = db_.Acquire();
    LoadLightSources(*c, as_of, {}, sources);
    std::vector<const store::ProjectRow*> rows;
    for (const auto& row : projects.value()) rows.push_back(&row);
    LoadProcedureKinds(*c, rows, sources);
  }
  board->entries.reserve(projects->size());
  for (auto& row : projects.value())
    board->entries.push_back(MakeLightEntry(std::move(row), sources, board->rules, as_of));
  return std::shared_ptr<const LightBoard>(std::move(board));
}

std::shared_ptr<const LightBoard> ProgressService::RefreshBoard(const Ctx& ctx, const std::string& region,
                                                                const LightBoard& old,
                                                                const JournalMark& now) {
  JournalDelta delta;
  {
    auto c = db_.Acquire();
    delta = ReadJournalDelta(*c, old.journal, now, kRefreshMaxProjects);
  }
  if (delta.rebuild) return nullptr;
  auto board = std::make_shared<LightBoard>(old);
  board->journal = now;
  // Where the written projects sit on the board (delta.project_ids is sorted): one pass over the
  // entries, not a map of every one of them (25,000 nodes allocated and freed per write).
  std::unordered_map<int64_t, size_t> index;
  for (size_t i = 0; i < board->entries.size(); ++i) {
    const int64_t id = board->entries[i]->row.project.id;
    if (std::binary_search(delta.project_ids.begin(), delta.project_ids.end(), id)) index[id] = i;
  }
  std::vector<std::pair<size_t, store::ProjectRow>> changed;
  for (const int64_t id : delta.project_ids) {
    store::ProjectFilter f;
    f.id = id;
    f.year = ledger_.CurrentListYear(board->as_of, ledger_.ReadableScope(ctx, region));
    auto rows = ledger_.ListInRegion(ctx, f, region);
    if (!rows) return nullptr;
    auto it = index.find(id);
    if (rows->empty() != (it == index.end()))
      return nullptr;  // a project came or went: the board's order needs a rebuild
    if (it != index.end()) changed.emplace_back(it->second, std::move(rows->front()));
  }
  if (changed.empty()) {
    std::shared_ptr<const LightBoard> same = std::move(board);
    RememberRefresh(same, {});
    return same;
  }
  LightSources sources;
  {
    auto c = db_.Acquire();
    const Date window_from = ReportWindowFrom(PolicyFor(*c, region), board->rules, board->as_of);
    // The changed rows were read through the caller's scope (ListInRegion): their ids are the
    // scope here. The scope's own SQL condition lists the region's every project (25,000 in a
    // county) in each query: 9 ms apiece, against 0.01 ms for the ids alone.
    std::vector<int64_t> ids;
    for (const auto& [i, row] : changed) ids.push_back(row.project.id);
    sources.report_facts =
        store::LoadReportFacts(*c, access::ReadScope::All(), board->as_of, window_from, ids);
    LoadLightSources(*c, board->as_of, ids, sources);
    std::vector<const store::ProjectRow*> rows;
    for (const auto& [i, row] : changed) rows.push_back(&row);
    LoadProcedureKinds(*c, rows, sources);
  }
  Lineage lineage;
  for (auto& [i, row] : changed) {
    lineage.replaced.emplace_back(i, board->entries[i]);
    board->entries[i] = MakeLightEntry(std::move(row), sources, board->rules, board->as_of);
  }
  std::shared_ptr<const LightBoard> out = std::move(board);
  RememberRefresh(out, std::move(lineage));
  return out;
}

Result<LightPage> ProgressService::Lights(const Ctx& ctx, const std::string& region, const Date& as_of,
                                          const std::string& light, int64_t offset, int64_t limit) {
  auto board = Board(ctx, region, as_of);
  if (!board) return board.error();
  const auto& b = *board.value();
  LightPage page{as_of, b.rules.preset, 0, {}};
  int64_t& total = page.total_count;
  // Red first, then yellow, then green; within a light by code.
  std::vector<std::shared_ptr<const LightEntry>> order = b.entries;
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& x, const auto& y) { return x->light.light > y->light.light; });
  for (const auto& e : order) {
    if (!light.empty() && light != supervision::LightName(e->light.light)) continue;
    if (total >= offset && (limit <= 0 || total < offset + limit)) page.items.push_back(e);
    ++total;
  }
  return page;
}

Result<LightDashboard> ProgressService::Dashboard(const Ctx& ctx, const std::string& region,
                                                  const Date& as_of) {
  auto board = Board(ctx, region, as_of);
  if (!board) return board.error();
  const std::string key = region + "|" + as_of.ToString();
  std::pair<std::shared_ptr<const LightBoard>, LightDashboard> kept;
  {
    std::lock_guard lock(cache_mu_);
    if (auto it = dashboards_.find(key); it != dashboards_.end()) {
      if (it->second.first == board.value()) return it->second.second;
      kept = it->second;
    }
  }
  // After a write: the kept summary follows the few entries the refresh replaced.
  std::optional<LightDashboard> followed;
  if (kept.first) followed = FollowRefresh(kept.first, kept.second, board.value());
  auto summary = followed ? std::move(*followed) : Summarise(*board.value(), region);
  std::lock_guard lock(cache_mu_);
  if (dashboards_.size() > 64) dashboards_.clear();
  dashboards_[key] = {board.value(), summary};
  return summary;
}

LightDashboard ProgressService::Summarise(const LightBoard& b, const std::string& region) {
  LightDashboard d{b.as_of, region, b.rules.preset, {}, b.entries.size(), {}, {}};
  std::map<std::string, TownLights> towns;
  for (const auto& e : b.entries) {
    const int l = static_cast<int>(e->light.light);
    ++d.counts[l];
    const auto& p = e->row.project;
    const std::string& town = p.town_code ? *p.town_code : p.county_code;
    auto [t, fresh] = towns.try_emplace(town);
    if (fresh) t->second = {town, e->row.town_name.empty() ? e->row.county_name : e->row.town_name, {}};
    t->second.counts[l]++;
    for (const auto& r : e->light.reasons) d.by_rule[r.rule][static_cast<int>(r.light)]++;
  }
  for (auto& [code, t] : towns) d.by_town.push_back(std::move(t));
  return d;
}

Result<ProjectLightView> ProgressService::ProjectLight(const Ctx& ctx, int64_t project_id,
                                                       const Date& as_of) {
  auto row = ReadableProject(ctx, project_id);
  if (!row) return row.error();
  auto board = Board(ctx, row->project.town_code.value_or(row->project.county_code), as_of);
  if (!board) return board.error();
  const auto& b = *board.value();
  for (const auto& e : b.entries) {
    if (e->row.project.id == project_id) return ProjectLightView{as_of, b.rules.preset, e};
  }
  return Error::NotFound("no project " + std::to_string(project_id));
}

Result<SnapshotKept> ProgressService::KeepSnapshot(const Ctx& ctx, const nlohmann::json& body) {
  auto office = OfficePeriodOf(ctx, body, "keeps light snapshots");
  if (!office) return office.error();
  const std::string& region = office->region;
  const supervision::Period& period = office->period;
  const Date as_of = std::min(period.end, ctx.today);
  auto board = Board(ctx, region, as_of);
  if (!board) return board.error();
  std::vector<store::SnapshotRow> rows;
  LightCounts counts{};
  for (const auto& e : board.value()->entries) {
    const auto& l = e->light;
    ++counts[static_cast<int>(l.light)];
    rows.push_back({l.project_id, supervision::LightName(l.light), ReasonsJson(l).dump()});
  }
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  store::ReplaceSnapshot(*c, region, period.key, as_of, rows, ctx.now);
  store::WriteJournal(
      *c, "light_snapshot", 0, "keep", ctx.caller.user_id, ctx.now,
      nlohmann::json::array({{{"field", region + " " + period.key},
                              {"old", nullptr},
                              {"new", {{"green", counts[0]}, {"yellow", counts[1]}, {"red", counts[2]}}}}}));
  tx.Commit();
  return SnapshotKept{region, period.key, as_of, counts};
}

Result<LightSnapshot> ProgressService::Snapshot(const Ctx& ctx, const std::string& region,
                                                const std::string& period) {
  auto by_id = ReadableById(ctx, region);
  if (!by_id) return by_id.error();
  auto c = db_.Acquire();
  LightSnapshot out{region, period, "", {}};
  for (auto& s : store::LoadSnapshot(*c, region, period, &out.as_of)) {
    auto it = by_id->find(s.project_id);
    if (it == by_id->end()) continue;
    out.items.push_back({s.project_id, it->second.project.code, it->second.project.name, std::move(s.light),
                         std::move(s.reasons_json)});
  }
  if (out.as_of.empty()) return Error::NotFound("no light snapshot kept for " + region + " " + period);
  return out;
}

}  // namespace gj::service

#include "service/supervision/bulletin_service.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "common/money.h"
#include "domain/supervision/problem.h"
#include "domain/supervision/procedure.h"
#include "domain/supervision/visit.h"
#include "io/bulletin_export.h"
#include "service/supervision/supervision_settings.h"
#include "store/org_store.h"
#include "store/supervision_store.h"

namespace gj::service {

namespace {

std::string Reasons(const supervision::ProjectLight& l, supervision::Light at_least) {
  std::string out;
  for (const auto& r : l.reasons) {
    if (r.light >= at_least) out += (out.empty() ? "" : "；") + r.text;
  }
  return out;
}

// Overdue problems by unit and the leaders' onsite-visit compliance over the period, for the
// projects of the bulletin.
void AddProblemsAndVisits(store::Connection& c, const std::set<int64_t>& projects,
                          const supervision::Period& period, supervision::Bulletin& b) {
  std::vector<supervision::ProblemFact> facts;
  for (auto& f : store::ListProblemFacts(c, access::ReadScope::All())) {
    if (projects.count(f.project_id)) facts.push_back(std::move(f));
  }
  const auto units = store::UnitNames(c, access::ReadScope::All());  // the bulletin checked access
  b.has_problems = true;
  for (const auto& u : supervision::OverdueByUnit(facts, b.as_of)) {
    if (u.overdue == 0) continue;
    auto it = units.find(u.unit_id);
    b.overdue_problems_by_unit.push_back({it == units.end() ? "（未交办）" : it->second,
                                          std::to_string(u.overdue), std::to_string(u.open),
                                          std::to_string(u.max_days_overdue)});
  }
  std::vector<supervision::Assignment> assignments;
  for (const auto& a : store::ListAssignments(c, access::ReadScope::All())) {
    if (projects.count(a.project_id)) assignments.push_back(a);
  }
  const auto visits = store::ListVisitFacts(c, access::ReadScope::All(), period.start, period.end);
  const auto people = store::PersonNames(c, access::ReadScope::All());
  const auto rule = SupervisionSettings::VisitRule(c, b.region_code);
  b.has_visits = true;
  b.visit_rule = "每" + std::to_string(rule.window_days) + "天至少" + std::to_string(rule.min_visits) + "次";
  for (const auto& l :
       supervision::VisitCompliance(assignments, visits, period.start, period.end, b.as_of, rule)) {
    auto it = people.find(l.leader_id);
    char rate[16];
    std::snprintf(rate, sizeof rate, "%.0f%%", l.rate * 100);
    b.visit_compliance.push_back({it == people.end() ? std::to_string(l.leader_id) : it->second,
                                  std::to_string(l.projects), std::to_string(l.required),
                                  std::to_string(l.met), rate});
  }
}

// Projects of the board whose planned start is held up by procedures as of the bulletin's date.
void AddBlockingProcedures(store::Connection& c, const LightBoard& board, supervision::Bulletin& b) {
  ProcedureKindsByRegion checklists;  // each project's county's kinds, as its light reads them
  std::map<int64_t, std::vector<supervision::ProcedureFact>> facts;
  for (auto& f : store::ListProcedureFacts(c, access::ReadScope::All()))
    facts[f.project_id].push_back(std::move(f));
  for (const auto& e : board.entries) {
    const auto& p = e->row.project;
    std::vector<const supervision::ProcedureFact*> recorded;
    for (const auto& f : facts[p.id]) recorded.push_back(&f);
    const auto& kinds = ProcedureKindsOf(c, p, checklists);
    std::string names;
    for (const auto& code :
         supervision::BlockingKinds(recorded, kinds, p.planned_start, p.actual_start, b.as_of)) {
      auto k = std::find_if(kinds.begin(), kinds.end(), [&](const auto& x) { return x.code == code; });
      names += (names.empty() ? "" : "、") + k->label_zh;
    }
    if (!names.empty())
      b.blocked.push_back({p.code, p.name, e->row.unit_name, p.planned_start->ToString(), names});
  }
}

}  // namespace

Result<supervision::Bulletin> BulletinService::Build(const Ctx& ctx, const std::string& region,
                                                     const std::string& period_key) {
  auto tree = ledger_.Regions();
  const auto* reg = tree->Find(region);
  if (!reg) return Error::Invalid("unknown region", {{"region", region, "unknown region code"}});
  const auto period = supervision::ParsePeriod(period_key, {});
  if (!period)
    return Error::Invalid("the period is not valid",
                          {{"period", period_key, "2026-W23 (week) or 2026-06 (month)"}});
  supervision::Bulletin b;
  b.region_code = region;
  b.region_name = reg->name;
  b.period = period->key;
  b.period_start = period->start;
  b.period_end = period->end;
  b.as_of = std::min(period->end, ctx.today);  // a running period: as of today, never ahead of the data
  b.generated_at = ctx.now;
  b.title = reg->name + "重点项目调度通报";
  auto board_r = supervision_.Board(ctx, region, b.as_of);
  if (!board_r) return board_r.error();
  const LightBoard& board = *board_r.value();
  std::vector<supervision::RankInput> towns, units;
  for (const auto& e : board.entries) {
    const auto& row = e->row;
    const auto& p = row.project;
    const auto& l = e->light;
    ++b.projects;
    const bool is_new = p.kind == "new", started = p.actual_start && *p.actual_start <= b.as_of;
    if (is_new) {
      ++b.new_total;
      if (started) ++b.new_started;
    }
    b.total_investment = AddYuan(b.total_investment, p.total_investment.value_or(0));
    b.annual_plan = AddYuan(b.annual_plan, p.annual_plan.value_or(0));
    b.completed = AddYuan(b.completed, e->completed);
    ++b.lights[static_cast<int>(l.light)];
    const std::string town = p.town_code.value_or(p.county_code);
    towns.push_back({town, row.town_name.empty() ? row.county_name : row.town_name, is_new, started,
                     p.annual_plan.value_or(0), e->completed});
    units.push_back({std::to_string(p.unit_id.value_or(0)),
                     row.unit_name.empty() ? "（未定）" : row.unit_name, is_new, started,
                     p.annual_plan.value_or(0), e->completed});
    const std::string place = row.town_name.empty() ? row.county_name : row.town_name;
    if (l.light == supervision::Light::kRed)
      b.red.push_back({p.code, p.name, place, row.unit_name, Reasons(l, supervision::Light::kRed)});
    if (l.light == supervision::Light::kYellow)
      b.yellow.push_back({p.code, p.name, place, row.unit_name, Reasons(l, supervision::Light::kYellow)});
    for (const auto& r : l.reasons) {
      if (r.rule == "stopped") b.stopped.push_back({p.code, p.name, "", r.text});
    }
  }
  b.towns = supervision::Rank(towns);
  b.units = supervision::Rank(units);
  std::vector<const store::ProjectRow*> rows;
  for (const auto& e : board.entries) rows.push_back(&e->row);
  const auto missing =
      supervision_.MissingReportsOf(rows, region, b.as_of);  // the board's projects: read once
  for (const auto& u : missing.units) {
    for (const auto& it : u.items) {
      if (it.kind != "missing") continue;
      b.missing.push_back({u.unit_name, it.code, it.name, it.period, it.due.ToString()});
    }
  }
  {
    std::set<int64_t> ids;
    for (const auto& e : board.entries) ids.insert(e->row.project.id);
    auto c = supervision_.db().Acquire();
    AddProblemsAndVisits(*c, ids, *period, b);
    AddBlockingProcedures(*c, board, b);
  }
  auto ts = targets_.StatusesFor(ctx, region, b.as_of);
  if (!ts) return ts.error();
  b.targets = std::move(ts.value());
  return b;
}

Result<std::string> BulletinService::Render(const Ctx& ctx, const std::string& region,
                                            const std::string& period, const std::string& format) {
  if (format != "pdf" && format != "xlsx")
    return Error::Invalid("unknown format", {{"format", format, "pdf or xlsx", 0, {"pdf", "xlsx"}}});
  auto b = Build(ctx, region, period);
  if (!b) return b.error();
  return format == "pdf" ? io::BulletinPdf(b.value()) : io::BulletinXlsx(b.value());
}

}  // namespace gj::service

#include "service/supervision/light_board.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "domain/ledger/project_year.h"
#include "domain/supervision/monthly_plan.h"
#include "domain/supervision/problem.h"
#include "service/supervision/supervision_settings.h"
#include "store/supervision_store.h"

namespace gj::service {

namespace {

// How a journaled write reaches the lights (policy as data). Entities listed true reach the one
// project their record belongs to (store::ProjectOfRecord); listed false do not reach the lights;
// every other entity (settings, report tasks, procedure kinds, dictionaries, anything new) asks
// for a rebuild.
const std::map<std::string_view, bool>& EntityReachesProject() {
  static const std::map<std::string_view, bool> m = {
      {"project", true},
      {"problem", true},
      {"procedure", true},
      {"progress_report", true},
      {"stop_request", true},
      {"milestone", false},
      {"visit", false},
      {"target", false},
      {"light_snapshot", false},
      {"user", false},
      {"observation_event", false},
      {"ranking_scheme", false},
      {"ranking_run", false},
      {"le_data", false},
      {"le_policy", false},
      {"le_run", false},
      {"le_scheme", false},
      // Attraction: a lead, its steps and funds never change a project's light (a lead that
      // becomes a project is journaled as the project it creates).
      {"lead", false},
      {"lead_step", false},
      {"funds_entry", false},
      {"chain", false},  // 链长制: a rename rewrites its projects' chain text, which no light reads
      {"chain_report", false},
      {"chain_visit", false},
  };
  return m;
}

int64_t WindowCount(store::Connection& c, int64_t newest) {
  return store::CountJournalEntries(c, newest - kJournalWindow, newest);
}

supervision::LightInput InputOf(const store::ProjectRow& row, const LightSources& s, const Date& as_of) {
  supervision::LightInput in;
  in.project = &row.project;
  const int64_t id = row.project.id;
  if (auto it = s.report_facts.find(id); it != s.report_facts.end()) {
    in.completed_this_year = it->second.filed_year_total;
    in.consecutive_missing_reports = it->second.consecutive_missing;
  }
  if (auto it = s.stopped.find(id); it != s.stopped.end()) in.stopped_reason = it->second;
  if (auto it = s.monthly_plans.find(id); it != s.monthly_plans.end())
    in.monthly_plan = supervision::CumulativePlan(it->second);
  if (auto it = s.problems.find(id); it != s.problems.end()) in.open_problems = it->second;
  // Kinds never recorded count as not started, as on the project's checklist.
  std::vector<const supervision::ProcedureFact*> recorded;
  if (auto it = s.procedures.find(id); it != s.procedures.end()) {
    for (size_t k : it->second) recorded.push_back(&s.procedure_facts[k]);
  }
  // The project's region's checklist (LoadProcedureKinds); the system's if it was not loaded.
  auto held = s.procedure_kinds.find(SettingsRegionOf(row.project));
  if (held == s.procedure_kinds.end()) held = s.procedure_kinds.find("");
  static const std::vector<supervision::ProcedureKind> kNone;
  const auto& kinds = held == s.procedure_kinds.end() ? kNone : held->second;
  for (const auto& code : supervision::BlockingKinds(recorded, kinds, row.project.planned_start,
                                                     row.project.actual_start, as_of)) {
    auto kind = std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.code == code; });
    in.blocking_procedures.push_back(kind->label_zh);
  }
  return in;
}

}  // namespace

nlohmann::json ReasonsJson(const supervision::ProjectLight& l) {
  nlohmann::json reasons = nlohmann::json::array();
  for (const auto& r : l.reasons)
    reasons.push_back({{"rule", r.rule}, {"light", supervision::LightName(r.light)}, {"text", r.text}});
  return reasons;
}

void LoadLightSources(store::Connection& c, const Date& as_of, const std::vector<int64_t>& ids,
                      LightSources& s) {
  s.stopped = store::StoppedProjects(c, access::ReadScope::All(), as_of);  // `ids` are the board's, scoped
  for (const auto& f : store::ListProblemFacts(c, access::ReadScope::All(), ids)) {
    if (f.deadline && supervision::IsOverdue(f, as_of))
      s.problems[f.project_id].push_back({f.id, supervision::ProblemCategoryLabel(f.category), *f.deadline});
  }
  // The system's checklist; each region's is added for the projects lit (LoadProcedureKinds).
  ProcedureKindsOf(c, ledger::Project{}, s.procedure_kinds);
  s.procedure_facts = store::ListProcedureFacts(c, access::ReadScope::All(), ids);
  s.monthly_plans = store::MonthlyPlansOf(c, access::ReadScope::All(), as_of.year, ids);
  for (size_t i = 0; i < s.procedure_facts.size(); ++i)
    s.procedures[s.procedure_facts[i].project_id].push_back(i);
}

const std::vector<supervision::ProcedureKind>& ProcedureKindsOf(store::Connection& c,
                                                                const ledger::Project& p,
                                                                ProcedureKindsByRegion& loaded) {
  const std::string region = SettingsRegionOf(p);
  auto it = loaded.find(region);
  if (it == loaded.end()) {
    std::vector<supervision::ProcedureKind> kinds;
    for (auto& k : SupervisionSettings::ProcedureKinds(c, region)) kinds.push_back(std::move(k.kind));
    it = loaded.emplace(region, std::move(kinds)).first;
  }
  return it->second;
}

void LoadProcedureKinds(store::Connection& c, const std::vector<const store::ProjectRow*>& rows,
                        LightSources& s) {
  for (const auto* row : rows) ProcedureKindsOf(c, row->project, s.procedure_kinds);
}

std::shared_ptr<const LightEntry> MakeLightEntry(store::ProjectRow row, const LightSources& s,
                                                 const supervision::LightRules& rules, const Date& as_of) {
  auto e = std::make_shared<LightEntry>();
  e->row = std::move(row);
  const auto in = InputOf(e->row, s, as_of);
  e->completed = ledger::AnnualCompletedAt(e->row.project, in.completed_this_year);
  e->light = supervision::ComputeLight(in, rules, as_of);
  return e;
}

JournalMark ReadJournalMark(store::Connection& c) {
  JournalMark m;
  m.id = store::NewestJournalId(c);
  m.window_count = WindowCount(c, m.id);
  return m;
}

JournalDelta ReadJournalDelta(store::Connection& c, const JournalMark& seen, const JournalMark& now,
                              size_t max_projects) {
  JournalDelta d;
  // An entry older than the mark committed after it was read: the window's count tells.
  if (now.id < seen.id || WindowCount(c, seen.id) != seen.window_count ||
      now.id - seen.id > static_cast<int64_t>(max_projects) * 4) {
    d.rebuild = true;
    return d;
  }
  const auto& reach = EntityReachesProject();
  std::set<int64_t> ids;
  for (const auto& r : store::JournalEntriesBetween(c, seen.id, now.id)) {
    auto it = reach.find(r.entity);
    if (it == reach.end()) {
      d.rebuild = true;
      return d;
    }
    if (!it->second) continue;
    if (auto p = store::ProjectOfRecord(c, r.entity, r.entity_id)) ids.insert(*p);
    if (ids.size() > max_projects) {
      d.rebuild = true;
      return d;
    }
  }
  d.project_ids.assign(ids.begin(), ids.end());
  return d;
}

}  // namespace gj::service

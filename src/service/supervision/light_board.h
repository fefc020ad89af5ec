// The light board: every project of a region with its warning light as of a date, and how a
// cached board is brought up to date. Lights read projects, report facts, stops, problems and
// procedures; every write to those is journaled in its own transaction, so the journal entries
// newer than a board name exactly the projects whose light may have changed. A board is
// refreshed by recomputing those projects only, and rebuilt when a write reaches every project
// (settings, report tasks, procedure kinds) or changes which projects the board holds.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "domain/supervision/light.h"
#include "domain/supervision/procedure.h"
#include "store/db.h"
#include "store/progress_store.h"
#include "store/project_store.h"

namespace gj::service {

// How far into the journal a board has seen: its newest id, and how many entries lay in the
// window (id − kJournalWindow, id] then. Read before a board's data, so a write the board might
// have missed is always newer, or (PostgreSQL sequences are not commit-ordered) one that
// committed late inside the window and changed its count.
struct JournalMark {
  int64_t id = 0;
  int64_t window_count = 0;
  bool operator==(const JournalMark&) const = default;
};
constexpr int64_t kJournalWindow = 4096;
JournalMark ReadJournalMark(store::Connection& c);

// One project of a board with its light and its completed-this-year figure as of the date (yuan).
struct LightEntry {
  store::ProjectRow row;
  supervision::ProjectLight light;
  int64_t completed = 0;
};

// The lights of every project of a region readable by the caller, as of a date. Entries are
// shared, never changed: a refreshed board copies the pointers and replaces the changed ones.
struct LightBoard {
  Date as_of;
  supervision::LightRules rules;
  std::vector<std::shared_ptr<const LightEntry>> entries;
  JournalMark journal;
};

// A light's reasons as served and as kept in snapshots: [{"rule","light","text"}].
nlohmann::json ReasonsJson(const supervision::ProjectLight& l);

// The procedure checklist each region's projects read (SupervisionSettings::ProcedureKinds: the
// system's kinds and those the region, its county or its city added, each labelled by the nearest
// guide), by the region whose settings a project reads (SettingsRegionOf).
using ProcedureKindsByRegion = std::map<std::string, std::vector<supervision::ProcedureKind>>;
// The checklist of project `p`, loaded into `loaded` the first time its region is asked for.
const std::vector<supervision::ProcedureKind>& ProcedureKindsOf(store::Connection& c,
                                                                const ledger::Project& p,
                                                                ProcedureKindsByRegion& loaded);

// Everything a light needs besides the project row. `report_facts` are loaded apart (they are the
// big read and can overlap the projects' load).
struct LightSources {
  std::unordered_map<int64_t, store::ReportFacts> report_facts;
  std::unordered_map<int64_t, std::string> stopped;
  std::unordered_map<int64_t, std::vector<supervision::OverdueProblem>> problems;
  // The checklists, in order, of the projects' regions (LoadProcedureKinds); "" the system's.
  ProcedureKindsByRegion procedure_kinds;
  std::vector<supervision::ProcedureFact> procedure_facts;
  std::unordered_map<int64_t, std::vector<size_t>> procedures;  // project → indexes into procedure_facts
  std::unordered_map<int64_t, std::vector<int64_t>>
      monthly_plans;  // project → 分月计划 of the as-of year (yuan per month)
};

// Stops, overdue problems and procedures as of `as_of`, of every project (`ids` empty) or of `ids`.
void LoadLightSources(store::Connection& c, const Date& as_of, const std::vector<int64_t>& ids,
                      LightSources& s);

// The checklists of the regions of `rows` (each project's own county's kinds, not only the system's).
void LoadProcedureKinds(store::Connection& c, const std::vector<const store::ProjectRow*>& rows,
                        LightSources& s);

// `row` with its light as of `as_of` under `rules`.
std::shared_ptr<const LightEntry> MakeLightEntry(store::ProjectRow row, const LightSources& s,
                                                 const supervision::LightRules& rules, const Date& as_of);

// What the writes journaled between two marks mean for a board.
struct JournalDelta {
  bool rebuild = false;              // a write reaches every project, or too many projects changed
  std::vector<int64_t> project_ids;  // the projects whose light may have changed (sorted, unique)
};
// `max_projects`: beyond this many changed projects a rebuild is cheaper.
JournalDelta ReadJournalDelta(store::Connection& c, const JournalMark& seen, const JournalMark& now,
                              size_t max_projects);

}  // namespace gj::service

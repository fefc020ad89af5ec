// Use cases of observation events (观摩评议): set up an event, open it, judges submit ballots or
// score sheets, close (frozen from then on), publish rank only or with scores. The rules live in
// domain/assessment/observation.h; this layer loads the event, checks who may act, applies one
// domain transition and stores it with its journal entry in one transaction.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/assessment/observation.h"
#include "service/assessment/region_grants.h"
#include "service/context.h"
#include "service/item_list.h"
#include "service/ledger/ledger_service.h"
#include "store/assessment_store.h"
#include "store/db.h"

namespace gj::io {
struct ObservationExportData;
}  // namespace gj::io

namespace gj::service {

// A nominated project as the set-up keeps it (the ledger's names when it was nominated).
struct ObservationNomination {
  std::string group, county_code, county_name;
  int64_t project_id = 0;
  std::string project_code, project_name;
};

// How an event is judged, by whom, and what: the set-up an organiser edits while a draft.
struct ObservationSetup {
  std::vector<std::string> groups;
  std::string mode = "sheet";  // sheet | ballot
  double step = 3;
  bool trim = true;
  std::vector<assessment::Criterion> criteria;
  assessment::BlendWeights blend;
  std::map<std::string, double> indicator_scores;  // county → score
  std::vector<std::string> judges;                 // logins
  std::vector<ObservationNomination> nominations;
};

// One event as the caller sees it: the record, its set-up, whether the caller manages or judges
// it, every judge's progress (counts only) and, for a judge, their own submissions.
struct ObservationView {
  struct Progress {
    std::string judge, name;
    int submitted = 0;
    size_t expected = 0;
  };
  store::EventRecord record;  // its `setup` text is `setup` below
  std::string region_name;
  ObservationSetup setup;
  bool can_manage = false;
  bool is_judge = false;
  std::vector<Progress> progress;
  // Only when is_judge: the caller's ballots and sheets (totals unrounded).
  std::vector<assessment::Ballot> my_ballots;
  std::vector<assessment::SheetSubmission> my_sheets;
};

// A line of the event list.
struct ObservationSummary {
  store::EventRecord record;
  std::string region_name, mode;
  std::vector<std::string> groups;
  bool is_judge = false;
};

using ObservationList = ItemList<ObservationSummary>;

// The ranking per group, and per project in sheet mode when scores are shown. Scores unrounded;
// absent when withheld (a rank-only publication) or when no judge scored the project.
struct ObservationResults {
  struct Place {
    std::string county;
    int rank = 0;
    std::optional<double> score;
  };
  struct Group {
    std::string group;
    std::vector<Place> items;
  };
  struct ProjectScore {
    std::string group, county;
    int64_t project_id = 0;
    std::string project_name;
    size_t judges = 0;
    std::optional<double> score;
  };
  int64_t id = 0;
  std::string name, state, mode;
  std::optional<std::string> publication;
  bool with_scores = false;
  std::vector<Group> groups;
  std::vector<ProjectScore> projects;
};

using ObservationJudges = ItemList<store::JudgeUser>;

// A download: the results as a workbook (观摩评比结果).
struct ObservationWorkbook {
  std::string bytes, content_type, filename;
};

class ObservationService {
 public:
  ObservationService(store::Database& db, LedgerService& ledger)
      : db_(db), ledger_(ledger), grants_(ledger, access::kObservationManage, access::kObservationRead) {}

  Result<ObservationList> List(const Ctx& ctx);
  Result<ObservationView> Create(const Ctx& ctx, const nlohmann::json& body);
  // Edits a draft: body {"version", …the fields of Create to change}; 409 on a stale version or
  // once the event has opened (rule observation.draft_only). The region stays.
  Result<ObservationView> Update(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<ObservationView> Get(const Ctx& ctx, int64_t id);
  // action: open, close, publish (body {"version", "publication": "rank_only|with_scores"}).
  Result<ObservationView> Transition(const Ctx& ctx, int64_t id, const std::string& action,
                                     const nlohmann::json& body);
  // body {"group", "places": [{"county", "rank"}]}
  Result<ObservationView> SubmitBallot(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  // body {"project_id", "points": {"投资规模": 26, …}} (each 0..its weight) or
  // {"project_id", "ratings": {"投资规模": 85, …}} (each 0..100)
  Result<ObservationView> SubmitSheet(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<ObservationResults> Results(const Ctx& ctx, int64_t id);
  // The results as an .xlsx (observation_export.cpp): whoever may read them, as they see them
  // (404 / 409 as Results); named <event>-评比结果.xlsx.
  Result<ObservationWorkbook> ExportResults(const Ctx& ctx, int64_t id);
  // Users with the judge role, for an organiser naming an event's judges.
  Result<ObservationJudges> Judges(const Ctx& ctx);

 private:
  struct Loaded {
    store::EventRecord record;
    nlohmann::json setup;
    assessment::Event event;
  };
  // The event if the caller may see it (its region, an ancestor or a descendant of a grant).
  Result<Loaded> Load(store::Connection& c, const Ctx& ctx, int64_t id);
  // Load, and 403 `forbidden` unless the caller manages the event's region.
  Result<Loaded> LoadManaged(store::Connection& c, const Ctx& ctx, int64_t id, const std::string& forbidden);
  // An event's fields from a Create-shaped body (setup as JSON text); every problem into `pr`.
  store::EventRecord ReadEvent(store::Connection& c, const Ctx& ctx, const nlohmann::json& body,
                               Problems& pr);
  ObservationView View(const Ctx& ctx, const Loaded& l, store::Connection& c);
  // The judges' sheets of an event the caller manages, into the export (observation_export.cpp).
  void AddSheets(const Ctx& ctx, int64_t id, const ObservationView& ev, io::ObservationExportData& d);
  // Applies the domain submission (which also refuses a closed event or a non-judge), then stores
  // the payload the callback filled, journaled.
  Result<ObservationView> Submit(const Ctx& ctx, int64_t id, const std::string& item, nlohmann::json payload,
                                 const std::function<Status(assessment::Event&, nlohmann::json&)>& apply);
  // Before a submission's body is read: a judge (403), an event the caller sees (404) that names
  // them among its judges (403).
  Status MayJudge(const Ctx& ctx, int64_t id);

  store::Database& db_;
  LedgerService& ledger_;
  RegionGrants grants_;
};

}  // namespace gj::service

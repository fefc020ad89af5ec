// SQL of the assessment capability: observation events with their submissions, ranking schemes
// and their runs. Set-ups and run bodies are JSON text; the services map them to domain types.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "store/db.h"

namespace gj::store {

struct EventRecord {
  int64_t id = 0;
  std::string region_code, name, level, start_date, end_date;
  std::string setup;                       // JSON: groups, config, nominations, judges, indicator_scores
  std::string state;                       // draft, open, closed, published
  std::optional<std::string> publication;  // rank_only, with_scores
  int64_t version = 1;
  std::string created_at, updated_at;
};

struct SubmissionRecord {
  std::string judge, item, payload, submitted_at;
};

int64_t InsertEvent(Connection& c, const EventRecord& e);
std::optional<EventRecord> LoadEvent(Connection& c, int64_t id);
std::vector<EventRecord> ListEvents(Connection& c);
// Writes state, publication and setup when the stored version is `expected`; else the 409 (StaleVersion).
Status UpdateEvent(Connection& c, const EventRecord& e, int64_t expected);
// The journal's changes of an edit: name, level, start_date, end_date, setup that differ.
nlohmann::json EventChanges(const EventRecord& before, const EventRecord& after);
// Locks the event row while it is open (false when it is not): a submission and a close then
// serialize, so no sheet slips in after the event closed.
bool LockOpenEvent(Connection& c, int64_t id);
std::vector<SubmissionRecord> LoadSubmissions(Connection& c, int64_t event_id);
void UpsertSubmission(Connection& c, int64_t event_id, const SubmissionRecord& s);

// A user who may judge events: active, holding the judge role.
struct JudgeUser {
  std::string login, name;
};
// Every judge, by login.
std::vector<JudgeUser> ListJudges(Connection& c);
bool IsActiveJudge(Connection& c, const std::string& login);

struct SchemeRecord {
  int64_t id = 0;
  std::string region_code, name, subject_kind;
  std::string definition;  // JSON: metrics, warning
  int64_t version = 1;
  std::string created_at, updated_at;
  bool archived = false;
};

int64_t InsertScheme(Connection& c, const SchemeRecord& s);
// Writes name, definition, archived, version and updated_at when the stored version is `expected`;
// else the 409 (StaleVersion).
Status UpdateScheme(Connection& c, const SchemeRecord& s, int64_t expected);
std::optional<SchemeRecord> LoadScheme(Connection& c, int64_t id);
std::vector<SchemeRecord> ListSchemes(Connection& c);

struct RunRecord {
  int64_t id = 0;
  int64_t scheme_id = 0;
  std::string period, period_label;
  int run_version = 1;
  std::string as_of;
  bool published = false;
  std::string body;  // JSON: entries, figures, subject names
  int64_t version = 1;
  std::string computed_at;
  std::optional<std::string> published_at;
};

int64_t InsertRun(Connection& c, const RunRecord& r);
std::optional<RunRecord> LoadRun(Connection& c, int64_t id);
// Every run of a scheme, by period label then run version.
std::vector<RunRecord> ListRuns(Connection& c, int64_t scheme_id);
// Rewrites an unpublished run (body, as_of, published flag) at `expected` version; else the 409
// (StaleVersion: the version moved, or the run is published).
Status UpdateRun(Connection& c, const RunRecord& r, int64_t expected);

}  // namespace gj::store

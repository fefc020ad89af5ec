#include "store/assessment_store.h"

#include "store/journal.h"

namespace gj::store {

namespace {

// ---- the tables, one field list each

// An event update writes name … updated_at; its journal entry shows the set-up fields.
const Fields<EventRecord> kEventFields =
    GJ_COLUMNS(EventRecord, id, region_code, name, level, start_date, end_date, setup, state, publication,
               version, created_at, updated_at)
        .ReadOnly({"id"})
        .OnInsert({"region_code", "version", "created_at"})
        .NotJournaled({"region_code", "state", "publication", "version", "created_at", "updated_at"});
// Judge and item are the sheet's key with the event: an upsert writes only the payload.
const Fields<SubmissionRecord> kSubmissionFields =
    GJ_COLUMNS(SubmissionRecord, judge, item, payload, submitted_at).OnInsert({"judge", "item"});
const Fields<SchemeRecord> kSchemeFields =
    GJ_COLUMNS(SchemeRecord, id, region_code, name, subject_kind, definition, version, created_at, updated_at,
               archived)
        .ReadOnly({"id"})
        .OnInsert({"region_code", "subject_kind", "version", "created_at"})
        .OnUpdate({"archived"});
// A run's recomputation writes as_of … published_at; what it is a run of never changes.
const Fields<RunRecord> kRunFields =
    GJ_COLUMNS(RunRecord, id, scheme_id, period, period_label, run_version, as_of, published, body, version,
               computed_at, published_at)
        .ReadOnly({"id"})
        .OnInsert({"scheme_id", "period", "period_label", "run_version", "version"});

const Table kEvents = TableOf("observation_events", kEventFields);
const Table kSubmissions = TableOf("observation_submissions", kSubmissionFields).With({"event_id"});
const Table kSchemes = TableOf("ranking_schemes", kSchemeFields);
const Table kRuns = TableOf("ranking_runs", kRunFields);

// SELECT of every column of `t` + `rest` (WHERE/ORDER BY).
std::string SelectAll(const Table& t, const std::string& rest) {
  return "SELECT " + t.Select() + " FROM " + t.name + " " + rest;
}

}  // namespace

int64_t InsertEvent(Connection& c, const EventRecord& e) {
  return InsertReturningId(c, kEvents, InsertValuesOf(kEventFields, e));
}

std::optional<EventRecord> LoadEvent(Connection& c, int64_t id) {
  return ReadOne(c, SelectAll(kEvents, "WHERE id = ?"), {id}, RecordOf(kEventFields));
}

std::vector<EventRecord> ListEvents(Connection& c) {
  return ReadRows(c, SelectAll(kEvents, "ORDER BY start_date DESC, id DESC"), {}, RecordOf(kEventFields));
}

Status UpdateEvent(Connection& c, const EventRecord& e, int64_t expected) {
  return UpdateVersioned(c, kEvents, "observation event", ValuesOf(kEventFields, e), e.id, expected);
}

nlohmann::json EventChanges(const EventRecord& before, const EventRecord& after) {
  return JournalDiff(kEventFields, before, after);
}

bool LockOpenEvent(Connection& c, int64_t id) {
  // A no-op write takes the row lock on PostgreSQL (SQLite's BEGIN IMMEDIATE already serializes).
  return c.Exec("UPDATE observation_events SET state = state WHERE id = ? AND state = 'open'", {id}) == 1;
}

std::vector<SubmissionRecord> LoadSubmissions(Connection& c, int64_t event_id) {
  return ReadRows(
      c,
      "SELECT judge, item, payload, submitted_at FROM observation_submissions WHERE event_id = ? ORDER BY id",
      {event_id}, RecordOf(kSubmissionFields));
}

void UpsertSubmission(Connection& c, int64_t event_id, const SubmissionRecord& s) {
  Upsert(c, kSubmissions, ValuesOf(kSubmissionFields, s),
         {{"event_id", event_id}, {"judge", s.judge}, {"item", s.item}});
}

std::vector<JudgeUser> ListJudges(Connection& c) {
  return ReadRows(c,
                  "SELECT DISTINCT u.login, u.name FROM users u JOIN role_grants g ON g.user_id = u.id "
                  "WHERE g.role = 'judge' AND u.active = 1 ORDER BY u.login",
                  {}, [](RowReader& r) {
                    return JudgeUser{r.Text("login"), r.Text("name")};
                  });
}

bool IsActiveJudge(Connection& c, const std::string& login) {
  return !c.Query(
               "SELECT 1 FROM users u JOIN role_grants g ON g.user_id = u.id "
               "WHERE u.login = ? AND g.role = 'judge' AND u.active = 1",
               {login})
              .empty();
}

int64_t InsertScheme(Connection& c, const SchemeRecord& s) {
  return InsertReturningId(c, kSchemes, InsertValuesOf(kSchemeFields, s));
}

Status UpdateScheme(Connection& c, const SchemeRecord& s, int64_t expected) {
  return UpdateVersioned(c, kSchemes, "ranking scheme", ValuesOf(kSchemeFields, s), s.id, expected);
}

std::optional<SchemeRecord> LoadScheme(Connection& c, int64_t id) {
  return ReadOne(c, SelectAll(kSchemes, "WHERE id = ?"), {id}, RecordOf(kSchemeFields));
}

std::vector<SchemeRecord> ListSchemes(Connection& c) {
  return ReadRows(c, SelectAll(kSchemes, "ORDER BY id"), {}, RecordOf(kSchemeFields));
}

int64_t InsertRun(Connection& c, const RunRecord& r) {
  return InsertReturningId(c, kRuns, InsertValuesOf(kRunFields, r));
}

std::optional<RunRecord> LoadRun(Connection& c, int64_t id) {
  return ReadOne(c, SelectAll(kRuns, "WHERE id = ?"), {id}, RecordOf(kRunFields));
}

std::vector<RunRecord> ListRuns(Connection& c, int64_t scheme_id) {
  return ReadRows(c, SelectAll(kRuns, "WHERE scheme_id = ? ORDER BY period_label, run_version"), {scheme_id},
                  RecordOf(kRunFields));
}

Status UpdateRun(Connection& c, const RunRecord& r, int64_t expected) {
  // `published = 0` in the condition: a published run is frozen even against a raced writer.
  return UpdateVersioned(c, kRuns, "ranking run", ValuesOf(kRunFields, r), r.id, expected, "published = 0");
}

}  // namespace gj::store

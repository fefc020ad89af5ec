#include "store/assessment_store.h"

namespace gj::store {

namespace {

constexpr const char* kEventColumns =
    "id, region_code, name, level, start_date, end_date, setup, state, publication, version, created_at, updated_at";

EventRecord EventFrom(const std::vector<Value>& r) {
  EventRecord e;
  e.id = AsInt(r[0]);
  e.region_code = AsText(r[1]);
  e.name = AsText(r[2]);
  e.level = AsText(r[3]);
  e.start_date = AsText(r[4]);
  e.end_date = AsText(r[5]);
  e.setup = AsText(r[6]);
  e.state = AsText(r[7]);
  e.publication = AsOptText(r[8]);
  e.version = AsInt(r[9]);
  e.created_at = AsText(r[10]);
  e.updated_at = AsText(r[11]);
  return e;
}

constexpr const char* kSchemeColumns =
    "id, region_code, name, subject_kind, definition, version, created_at, updated_at, archived";

SchemeRecord SchemeFrom(const std::vector<Value>& r) {
  return {AsInt(r[0]),  AsText(r[1]), AsText(r[2]), AsText(r[3]), AsText(r[4]),
          AsInt(r[5]),  AsText(r[6]), AsText(r[7]), AsInt(r[8]) != 0};
}

constexpr const char* kRunColumns =
    "id, scheme_id, period, period_label, run_version, as_of, published, body, version, computed_at, published_at";

RunRecord RunFrom(const std::vector<Value>& r) {
  RunRecord x;
  x.id = AsInt(r[0]);
  x.scheme_id = AsInt(r[1]);
  x.period = AsText(r[2]);
  x.period_label = AsText(r[3]);
  x.run_version = static_cast<int>(AsInt(r[4]));
  x.as_of = AsText(r[5]);
  x.published = AsInt(r[6]) != 0;
  x.body = AsText(r[7]);
  x.version = AsInt(r[8]);
  x.computed_at = AsText(r[9]);
  x.published_at = AsOptText(r[10]);
  return x;
}

}  // namespace

int64_t InsertEvent(Connection& c, const EventRecord& e) {
  auto rows = c.Query(
      "INSERT INTO observation_events (region_code, name, level, start_date, end_date, setup, state, publication, "
      "version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {e.region_code, e.name, e.level, e.start_date, e.end_date, e.setup, e.state, Opt(e.publication), e.version,
       e.created_at, e.updated_at});
  return AsInt(rows.rows.at(0).at(0));
}

std::optional<EventRecord> LoadEvent(Connection& c, int64_t id) {
  auto rows = c.Query(std::string("SELECT ") + kEventColumns + " FROM observation_events WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return EventFrom(rows.rows[0]);
}

std::vector<EventRecord> ListEvents(Connection& c) {
  std::vector<EventRecord> out;
  for (const auto& r : c.Query(std::string("SELECT ") + kEventColumns + " FROM observation_events ORDER BY start_date DESC, id DESC").rows) {
    out.push_back(EventFrom(r));
  }
  return out;
}

bool UpdateEvent(Connection& c, const EventRecord& e, int64_t expected) {
  return c.Exec(
             "UPDATE observation_events SET name = ?, level = ?, start_date = ?, end_date = ?, setup = ?, state = ?, "
             "publication = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
             {e.name, e.level, e.start_date, e.end_date, e.setup, e.state, Opt(e.publication), e.version, e.updated_at,
              e.id, expected}) == 1;
}

bool LockOpenEvent(Connection& c, int64_t id) {
  // A no-op write takes the row lock on PostgreSQL (SQLite's BEGIN IMMEDIATE already serializes).
  return c.Exec("UPDATE observation_events SET state = state WHERE id = ? AND state = 'open'", {id}) == 1;
}

std::vector<SubmissionRecord> LoadSubmissions(Connection& c, int64_t event_id) {
  std::vector<SubmissionRecord> out;
  for (const auto& r : c.Query("SELECT judge, item, payload, submitted_at FROM observation_submissions WHERE event_id = ? "
                               "ORDER BY id",
                               {event_id})
                           .rows) {
    out.push_back({AsText(r[0]), AsText(r[1]), AsText(r[2]), AsText(r[3])});
  }
  return out;
}

void UpsertSubmission(Connection& c, int64_t event_id, const SubmissionRecord& s) {
  const int64_t n = c.Exec("UPDATE observation_submissions SET payload = ?, submitted_at = ? WHERE event_id = ? AND judge = ? AND item = ?",
                           {s.payload, s.submitted_at, event_id, s.judge, s.item});
  if (n == 0) {
    c.Exec("INSERT INTO observation_submissions (event_id, judge, item, payload, submitted_at) VALUES (?, ?, ?, ?, ?)",
           {event_id, s.judge, s.item, s.payload, s.submitted_at});
  }
}

int64_t InsertScheme(Connection& c, const SchemeRecord& s) {
  auto rows = c.Query(
      "INSERT INTO ranking_schemes (region_code, name, subject_kind, definition, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {s.region_code, s.name, s.subject_kind, s.definition, s.version, s.created_at, s.updated_at});
  return AsInt(rows.rows.at(0).at(0));
}

bool UpdateScheme(Connection& c, const SchemeRecord& s, int64_t expected) {
  return c.Exec("UPDATE ranking_schemes SET name = ?, definition = ?, archived = ?, version = ?, updated_at = ? "
                "WHERE id = ? AND version = ?",
                {s.name, s.definition, int64_t{s.archived ? 1 : 0}, s.version, s.updated_at, s.id, expected}) == 1;
}

std::optional<SchemeRecord> LoadScheme(Connection& c, int64_t id) {
  auto rows = c.Query(std::string("SELECT ") + kSchemeColumns + " FROM ranking_schemes WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return SchemeFrom(rows.rows[0]);
}

std::vector<SchemeRecord> ListSchemes(Connection& c) {
  std::vector<SchemeRecord> out;
  for (const auto& r : c.Query(std::string("SELECT ") + kSchemeColumns + " FROM ranking_schemes ORDER BY id").rows) {
    out.push_back(SchemeFrom(r));
  }
  return out;
}

int64_t InsertRun(Connection& c, const RunRecord& r) {
  auto rows = c.Query(
      "INSERT INTO ranking_runs (scheme_id, period, period_label, run_version, as_of, published, body, version, "
      "computed_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {r.scheme_id, r.period, r.period_label, int64_t{r.run_version}, r.as_of, int64_t{r.published ? 1 : 0}, r.body,
       r.version, r.computed_at, Opt(r.published_at)});
  return AsInt(rows.rows.at(0).at(0));
}

std::optional<RunRecord> LoadRun(Connection& c, int64_t id) {
  auto rows = c.Query(std::string("SELECT ") + kRunColumns + " FROM ranking_runs WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return RunFrom(rows.rows[0]);
}

std::vector<RunRecord> ListRuns(Connection& c, int64_t scheme_id) {
  std::vector<RunRecord> out;
  for (const auto& r : c.Query(std::string("SELECT ") + kRunColumns +
                                   " FROM ranking_runs WHERE scheme_id = ? ORDER BY period_label, run_version",
                               {scheme_id})
                           .rows) {
    out.push_back(RunFrom(r));
  }
  return out;
}

bool UpdateRun(Connection& c, const RunRecord& r, int64_t expected) {
  // `published = 0` in the condition: a published run is frozen even against a raced writer.
  return c.Exec("UPDATE ranking_runs SET as_of = ?, published = ?, body = ?, version = ?, computed_at = ?, published_at = ? "
                "WHERE id = ? AND version = ? AND published = 0",
                {r.as_of, int64_t{r.published ? 1 : 0}, r.body, r.version, r.computed_at, Opt(r.published_at), r.id,
                 expected}) == 1;
}

}  // namespace gj::store

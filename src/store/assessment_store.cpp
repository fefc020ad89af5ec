#include "store/assessment_store.h"

#include "store/journal.h"
#include "store/row.h"
#include "store/table.h"

namespace gj::store {

namespace {

// ---- the tables, one column list each

const Table kEvents{"observation_events",
                    {"id", "region_code", "name", "level", "start_date", "end_date", "setup", "state", "publication",
                     "version", "created_at", "updated_at"}};
const Table kSubmissions{"observation_submissions", {"event_id", "judge", "item", "payload", "submitted_at"}};
const Table kSchemes{"ranking_schemes",
                     {"id", "region_code", "name", "subject_kind", "definition", "version", "created_at", "updated_at",
                      "archived"}};
const Table kRuns{"ranking_runs",
                  {"id", "scheme_id", "period", "period_label", "run_version", "as_of", "published", "body", "version",
                   "computed_at", "published_at"}};

// What an event update writes; the set-up fields are what its journal entry shows.
const Fields<EventRecord> kEventUpdate = {
    {"name", [](const EventRecord& e) -> Value { return e.name; }},
    {"level", [](const EventRecord& e) -> Value { return e.level; }},
    {"start_date", [](const EventRecord& e) -> Value { return e.start_date; }},
    {"end_date", [](const EventRecord& e) -> Value { return e.end_date; }},
    {"setup", [](const EventRecord& e) -> Value { return e.setup; }},
    {"state", [](const EventRecord& e) -> Value { return e.state; }, Field<EventRecord>::kNotJournaled},
    {"publication", [](const EventRecord& e) { return Opt(e.publication); }, Field<EventRecord>::kNotJournaled},
    {"updated_at", [](const EventRecord& e) -> Value { return e.updated_at; }, Field<EventRecord>::kNotJournaled},
};

EventRecord EventFrom(RowReader& r) {
  EventRecord e;
  e.id = r.Int("id");
  e.region_code = r.Text("region_code");
  e.name = r.Text("name");
  e.level = r.Text("level");
  e.start_date = r.Text("start_date");
  e.end_date = r.Text("end_date");
  e.setup = r.Text("setup");
  e.state = r.Text("state");
  e.publication = r.OptText("publication");
  e.version = r.Int("version");
  e.created_at = r.Text("created_at");
  e.updated_at = r.Text("updated_at");
  return e;
}

SchemeRecord SchemeFrom(RowReader& r) {
  SchemeRecord s;
  s.id = r.Int("id");
  s.region_code = r.Text("region_code");
  s.name = r.Text("name");
  s.subject_kind = r.Text("subject_kind");
  s.definition = r.Text("definition");
  s.version = r.Int("version");
  s.created_at = r.Text("created_at");
  s.updated_at = r.Text("updated_at");
  s.archived = r.Bool("archived");
  return s;
}

RunRecord RunFrom(RowReader& r) {
  RunRecord x;
  x.id = r.Int("id");
  x.scheme_id = r.Int("scheme_id");
  x.period = r.Text("period");
  x.period_label = r.Text("period_label");
  x.run_version = static_cast<int>(r.Int("run_version"));
  x.as_of = r.Text("as_of");
  x.published = r.Bool("published");
  x.body = r.Text("body");
  x.version = r.Int("version");
  x.computed_at = r.Text("computed_at");
  x.published_at = r.OptText("published_at");
  return x;
}

// SELECT of every column of `t` + `rest` (WHERE/ORDER BY).
std::string SelectAll(const Table& t, const std::string& rest) { return "SELECT " + t.Select() + " FROM " + t.name + " " + rest; }

}  // namespace

int64_t InsertEvent(Connection& c, const EventRecord& e) {
  ColumnValues values = ValuesOf(kEventUpdate, e);
  values.insert(values.end(), {{"region_code", e.region_code}, {"version", e.version}, {"created_at", e.created_at}});
  return InsertReturningId(c, kEvents, values);
}

std::optional<EventRecord> LoadEvent(Connection& c, int64_t id) {
  return ReadOne(c, SelectAll(kEvents, "WHERE id = ?"), {id}, EventFrom);
}

std::vector<EventRecord> ListEvents(Connection& c) {
  return ReadRows(c, SelectAll(kEvents, "ORDER BY start_date DESC, id DESC"), {}, EventFrom);
}

bool UpdateEvent(Connection& c, const EventRecord& e, int64_t expected) {
  return UpdateVersioned(c, kEvents, ValuesOf(kEventUpdate, e), e.id, expected);
}

nlohmann::json EventChanges(const EventRecord& before, const EventRecord& after) {
  return JournalDiff(kEventUpdate, before, after);
}

bool LockOpenEvent(Connection& c, int64_t id) {
  // A no-op write takes the row lock on PostgreSQL (SQLite's BEGIN IMMEDIATE already serializes).
  return c.Exec("UPDATE observation_events SET state = state WHERE id = ? AND state = 'open'", {id}) == 1;
}

std::vector<SubmissionRecord> LoadSubmissions(Connection& c, int64_t event_id) {
  return ReadRows(c, "SELECT judge, item, payload, submitted_at FROM observation_submissions WHERE event_id = ? ORDER BY id",
                  {event_id}, [](RowReader& r) {
                    SubmissionRecord s;
                    s.judge = r.Text("judge");
                    s.item = r.Text("item");
                    s.payload = r.Text("payload");
                    s.submitted_at = r.Text("submitted_at");
                    return s;
                  });
}

void UpsertSubmission(Connection& c, int64_t event_id, const SubmissionRecord& s) {
  Upsert(c, kSubmissions, {{"payload", s.payload}, {"submitted_at", s.submitted_at}},
         {{"event_id", event_id}, {"judge", s.judge}, {"item", s.item}});
}

int64_t InsertScheme(Connection& c, const SchemeRecord& s) {
  return InsertReturningId(c, kSchemes,
                           {{"region_code", s.region_code}, {"name", s.name}, {"subject_kind", s.subject_kind},
                            {"definition", s.definition}, {"version", s.version}, {"created_at", s.created_at},
                            {"updated_at", s.updated_at}});
}

bool UpdateScheme(Connection& c, const SchemeRecord& s, int64_t expected) {
  return UpdateVersioned(c, kSchemes,
                         {{"name", s.name}, {"definition", s.definition}, {"archived", int64_t{s.archived ? 1 : 0}},
                          {"updated_at", s.updated_at}},
                         s.id, expected);
}

std::optional<SchemeRecord> LoadScheme(Connection& c, int64_t id) {
  return ReadOne(c, SelectAll(kSchemes, "WHERE id = ?"), {id}, SchemeFrom);
}

std::vector<SchemeRecord> ListSchemes(Connection& c) { return ReadRows(c, SelectAll(kSchemes, "ORDER BY id"), {}, SchemeFrom); }

int64_t InsertRun(Connection& c, const RunRecord& r) {
  return InsertReturningId(c, kRuns,
                           {{"scheme_id", r.scheme_id}, {"period", r.period}, {"period_label", r.period_label},
                            {"run_version", int64_t{r.run_version}}, {"as_of", r.as_of},
                            {"published", int64_t{r.published ? 1 : 0}}, {"body", r.body}, {"version", r.version},
                            {"computed_at", r.computed_at}, {"published_at", Opt(r.published_at)}});
}

std::optional<RunRecord> LoadRun(Connection& c, int64_t id) { return ReadOne(c, SelectAll(kRuns, "WHERE id = ?"), {id}, RunFrom); }

std::vector<RunRecord> ListRuns(Connection& c, int64_t scheme_id) {
  return ReadRows(c, SelectAll(kRuns, "WHERE scheme_id = ? ORDER BY period_label, run_version"), {scheme_id}, RunFrom);
}

bool UpdateRun(Connection& c, const RunRecord& r, int64_t expected) {
  // `published = 0` in the condition: a published run is frozen even against a raced writer.
  return UpdateVersioned(c, kRuns,
                         {{"as_of", r.as_of}, {"published", int64_t{r.published ? 1 : 0}}, {"body", r.body},
                          {"computed_at", r.computed_at}, {"published_at", Opt(r.published_at)}},
                         r.id, expected, "published = 0");
}

}  // namespace gj::store

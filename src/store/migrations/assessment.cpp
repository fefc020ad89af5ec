// Assessment tables (versions 50–69). An event keeps its set-up (groups, criteria, nominations,
// judges) as JSON documents: they are read and written whole, always with the event, and the
// domain validates them. Submissions are rows of their own, one per (judge, item), so a judge
// replacing a sheet touches one row and judges do not race on the event's version.
#include "store/migrations/migrations.h"

namespace gj::store {

std::vector<Migration> AssessmentMigrations() {
  return {
      {50, "observation events and periodic rankings", R"SQL(
CREATE TABLE observation_events (
  id {{ID}},
  region_code TEXT NOT NULL REFERENCES regions(code),
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  setup TEXT NOT NULL,
  state TEXT NOT NULL,
  publication TEXT,
  {{VERSION}},
  {{STAMPS}}
);
CREATE INDEX observation_events_region ON observation_events(region_code);
CREATE TABLE observation_submissions (
  id {{ID}},
  event_id BIGINT NOT NULL REFERENCES observation_events(id),
  judge TEXT NOT NULL,
  item TEXT NOT NULL,
  payload TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  UNIQUE (event_id, judge, item)
);
CREATE TABLE ranking_schemes (
  id {{ID}},
  region_code TEXT NOT NULL REFERENCES regions(code),
  name TEXT NOT NULL,
  subject_kind TEXT NOT NULL,
  definition TEXT NOT NULL,
  {{VERSION}},
  {{STAMPS}},
  UNIQUE (region_code, name)
);
CREATE TABLE ranking_runs (
  id {{ID}},
  scheme_id BIGINT NOT NULL REFERENCES ranking_schemes(id),
  period TEXT NOT NULL,
  period_label TEXT NOT NULL,
  run_version INTEGER NOT NULL,
  as_of TEXT NOT NULL,
  published INTEGER NOT NULL DEFAULT 0,
  body TEXT NOT NULL,
  {{VERSION}},
  computed_at TEXT NOT NULL,
  published_at TEXT,
  UNIQUE (scheme_id, period_label, run_version)
);
CREATE INDEX ranking_runs_scheme ON ranking_runs(scheme_id, period_label);
)SQL"},
      {51, "ranking schemes can be archived", R"SQL(
ALTER TABLE ranking_schemes ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
)SQL"},
  };
}

}  // namespace gj::store

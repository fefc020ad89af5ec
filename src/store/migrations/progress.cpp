// The progress table, lights and targets of supervision own versions 20–29 (problems,
// milestones, procedures and visits: 10–19 in supervision.cpp).
#include "store/migrations/migrations.h"

namespace gj::store {

std::vector<Migration> ProgressMigrations() {
  return {
      {20, "progress reports, stop/resume requests, targets, light snapshots, supervision settings", R"SQL(
CREATE TABLE progress_settings (
  region_code TEXT PRIMARY KEY REFERENCES regions(code),
  light_rules TEXT NOT NULL,
  report_policy TEXT NOT NULL,
  {{VERSION}},
  updated_at TEXT NOT NULL
);
CREATE TABLE progress_reports (
  id {{ID}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  period TEXT NOT NULL,
  frequency TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  investment_period BIGINT NOT NULL DEFAULT 0,
  investment_year BIGINT NOT NULL DEFAULT 0,
  src_central_budget BIGINT NOT NULL DEFAULT 0,
  src_special_bonds BIGINT NOT NULL DEFAULT 0,
  src_local_fiscal BIGINT NOT NULL DEFAULT 0,
  src_enterprise BIGINT NOT NULL DEFAULT 0,
  src_bank_loan BIGINT NOT NULL DEFAULT 0,
  src_other BIGINT NOT NULL DEFAULT 0,
  visual_progress TEXT NOT NULL DEFAULT '',
  problems_raised TEXT NOT NULL DEFAULT '',
  workers INTEGER NOT NULL DEFAULT 0,
  reopened INTEGER NOT NULL DEFAULT 0,
  late INTEGER NOT NULL DEFAULT 0,
  submitted_by BIGINT,
  submitted_at TEXT,
  reviewed_by BIGINT,
  reviewed_at TEXT,
  review_note TEXT NOT NULL DEFAULT '',
  {{VERSION}},
  {{STAMPS}},
  UNIQUE (project_id, period)
);
CREATE INDEX progress_reports_period ON progress_reports(period);
CREATE INDEX progress_reports_due ON progress_reports(due_date, project_id, status);
CREATE INDEX progress_reports_filed ON progress_reports(project_id, status, period_end, investment_year);
CREATE TABLE report_photos (
  id {{ID}},
  report_id BIGINT NOT NULL REFERENCES progress_reports(id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  data_base64 TEXT NOT NULL,
  uploaded_by BIGINT,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX report_photos_report ON report_photos(report_id);
CREATE TABLE stop_requests (
  id {{ID}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  kind TEXT NOT NULL,
  reason TEXT NOT NULL,
  effective_date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'requested',
  requested_by BIGINT,
  requested_at TEXT NOT NULL,
  decided_by BIGINT,
  decided_at TEXT,
  decision_note TEXT NOT NULL DEFAULT '',
  {{VERSION}}
);
CREATE INDEX stop_requests_project ON stop_requests(project_id);
CREATE TABLE targets (
  id {{ID}},
  name TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  definition TEXT NOT NULL,
  deadline TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0,
  {{VERSION}},
  {{STAMPS}}
);
-- Bumped in the same transaction as every supervision write: caches (the lights dashboard) compare
-- it, across server instances too.
CREATE TABLE supervision_version (
  id INTEGER PRIMARY KEY,
  version BIGINT NOT NULL
);
INSERT INTO supervision_version (id, version) VALUES (1, 1);
CREATE TABLE light_snapshots (
  region_code TEXT NOT NULL,
  period TEXT NOT NULL,
  as_of TEXT NOT NULL,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  light TEXT NOT NULL,
  reasons TEXT NOT NULL,
  computed_at TEXT NOT NULL,
  PRIMARY KEY (region_code, period, project_id)
);
)SQL"},
      {21, "monthly investment plans (分月计划投资) per project and year", R"SQL(
CREATE TABLE monthly_plans (
  project_id BIGINT NOT NULL REFERENCES projects(id),
  year INTEGER NOT NULL,
  m01 BIGINT NOT NULL, m02 BIGINT NOT NULL, m03 BIGINT NOT NULL, m04 BIGINT NOT NULL,
  m05 BIGINT NOT NULL, m06 BIGINT NOT NULL, m07 BIGINT NOT NULL, m08 BIGINT NOT NULL,
  m09 BIGINT NOT NULL, m10 BIGINT NOT NULL, m11 BIGINT NOT NULL, m12 BIGINT NOT NULL,
  {{VERSION}},
  updated_at TEXT NOT NULL,
  PRIMARY KEY (project_id, year)
);
)SQL"},
  };
}

}  // namespace gj::store

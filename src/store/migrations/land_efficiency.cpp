// Land-efficiency tables (versions 30–49). Input figures are statistics (REAL, 万元 as in the
// offices' sheets); an evaluation run keeps a snapshot of its input and scheme so it can be
// recomputed exactly and explained years later, whatever happens to the live data.
#include "store/migrations/migrations.h"

namespace gj::store {

std::vector<Migration> LandEfficiencyMigrations() {
  return {
      {30, "land efficiency: enterprises, yearly data, schemes, runs, adjustments, appeals, policy", R"SQL(
CREATE TABLE le_enterprises (
  id {{ID}},
  credit_code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  county_code TEXT NOT NULL REFERENCES regions(code),
  town TEXT NOT NULL DEFAULT '',
  industry_code TEXT NOT NULL DEFAULT '',
  above_scale INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);
CREATE INDEX le_enterprises_county ON le_enterprises(county_code);
CREATE TABLE le_data (
  id {{ID}},
  enterprise_id BIGINT NOT NULL REFERENCES le_enterprises(id),
  year INTEGER NOT NULL,
  land_mu DOUBLE PRECISION NOT NULL,
  tax DOUBLE PRECISION NOT NULL,
  revenue DOUBLE PRECISION NOT NULL,
  value_added DOUBLE PRECISION,
  energy_tce DOUBLE PRECISION,
  emission_eq DOUBLE PRECISION,
  rd_spend DOUBLE PRECISION,
  employees DOUBLE PRECISION,
  electricity_kwh DOUBLE PRECISION,
  bonus DOUBLE PRECISION NOT NULL DEFAULT 0,
  penalty DOUBLE PRECISION NOT NULL DEFAULT 0,
  veto INTEGER NOT NULL DEFAULT 0,
  undetermined INTEGER NOT NULL DEFAULT 0,
  county_text TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'submitted',
  return_reason TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  UNIQUE (enterprise_id, year)
);
CREATE TABLE le_schemes (
  id {{ID}},
  county_code TEXT NOT NULL REFERENCES regions(code),
  version INTEGER NOT NULL,
  doc TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by BIGINT,
  UNIQUE (county_code, version)
);
CREATE TABLE le_runs (
  id {{ID}},
  county_code TEXT NOT NULL REFERENCES regions(code),
  year INTEGER NOT NULL,
  run_no INTEGER NOT NULL,
  scheme_id BIGINT REFERENCES le_schemes(id),
  scheme_doc TEXT NOT NULL,
  input_doc TEXT NOT NULL,
  state TEXT NOT NULL,
  published_on TEXT,
  finalized_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by BIGINT,
  UNIQUE (county_code, year, run_no)
);
CREATE TABLE le_adjustments (
  id {{ID}},
  run_id BIGINT NOT NULL REFERENCES le_runs(id),
  credit_code TEXT NOT NULL,
  old_class TEXT NOT NULL,
  new_class TEXT NOT NULL,
  reason TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT 'adjust',
  user_id BIGINT,
  at TEXT NOT NULL
);
CREATE INDEX le_adjustments_run ON le_adjustments(run_id);
CREATE TABLE le_appeals (
  id {{ID}},
  run_id BIGINT NOT NULL REFERENCES le_runs(id),
  credit_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  filed_on TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'open',
  decision TEXT NOT NULL DEFAULT '',
  new_class TEXT NOT NULL DEFAULT '',
  decided_on TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX le_appeals_run ON le_appeals(run_id);
CREATE TABLE le_policies (
  id {{ID}},
  county_code TEXT NOT NULL REFERENCES regions(code),
  class TEXT NOT NULL,
  land_mu DOUBLE PRECISION NOT NULL DEFAULT 0,
  energy_tce DOUBLE PRECISION NOT NULL DEFAULT 0,
  emission_t DOUBLE PRECISION NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (county_code, class)
);
CREATE TABLE le_policy_ledger (
  id {{ID}},
  run_id BIGINT NOT NULL REFERENCES le_runs(id),
  county_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  credit_code TEXT NOT NULL,
  name TEXT NOT NULL,
  class TEXT NOT NULL,
  surcharge_fen BIGINT,
  land_mu DOUBLE PRECISION NOT NULL DEFAULT 0,
  energy_tce DOUBLE PRECISION NOT NULL DEFAULT 0,
  emission_t DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE INDEX le_policy_ledger_run ON le_policy_ledger(run_id);
)SQL"},
  };
}

}  // namespace gj::store

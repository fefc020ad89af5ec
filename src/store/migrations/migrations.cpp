// Versioned schema migrations, one portable SQL text per version. `{{ID}}` becomes each engine's
// auto-increment primary key. Timestamps are ISO-8601 UTC text, dates 'YYYY-MM-DD' text (both sort
// correctly as text on both engines), money BIGINT yuan.
#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "store/db.h"
#include "store/migrations/migrations.h"
#include "store/row.h"

namespace gj::store {

std::vector<Migration> LedgerMigrations() {
  return {
      {1, "organisation, accounts, projects, journal", R"SQL(
CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  parent_code TEXT REFERENCES regions(code),
  sort INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE units (
  id {{ID}},
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  archived INTEGER NOT NULL DEFAULT 0,
  UNIQUE (region_code, name)
);
CREATE TABLE people (
  id {{ID}},
  name TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  unit_id BIGINT REFERENCES units(id),
  phone TEXT NOT NULL DEFAULT ''
);
CREATE INDEX people_region ON people(region_code);
CREATE TABLE users (
  id {{ID}},
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  person_id BIGINT REFERENCES people(id),
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE role_grants (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  unit_id BIGINT REFERENCES units(id)
);
CREATE INDEX role_grants_user ON role_grants(user_id);
CREATE TABLE sessions (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE login_failures (
  login TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_at BIGINT NOT NULL
);
CREATE TABLE dictionaries (
  kind TEXT NOT NULL,
  code TEXT NOT NULL,
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (kind, code)
);
CREATE TABLE projects (
  id {{ID}},
  code TEXT NOT NULL UNIQUE,
  national_code TEXT UNIQUE,
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  county_code TEXT NOT NULL REFERENCES regions(code),
  town_code TEXT REFERENCES regions(code),
  category TEXT NOT NULL,
  level TEXT NOT NULL,
  kind TEXT NOT NULL,
  track TEXT NOT NULL,
  stage TEXT NOT NULL,
  total_investment BIGINT,
  annual_plan BIGINT,
  annual_completed BIGINT,
  land_mu DOUBLE PRECISION,
  builder TEXT NOT NULL DEFAULT '',
  leader_id BIGINT REFERENCES people(id),
  unit_id BIGINT REFERENCES units(id),
  specialist TEXT NOT NULL DEFAULT '',
  chain TEXT NOT NULL DEFAULT '',
  planned_start TEXT,
  actual_start TEXT,
  planned_completion TEXT,
  actual_completion TEXT,
  content TEXT NOT NULL DEFAULT '',
  longitude DOUBLE PRECISION,
  latitude DOUBLE PRECISION,
  search_text TEXT NOT NULL DEFAULT '',
  archived INTEGER NOT NULL DEFAULT 0,
  {{VERSION}},
  {{STAMPS}}
);
CREATE INDEX projects_county ON projects(county_code, archived);
CREATE INDEX projects_town ON projects(town_code);
CREATE INDEX projects_leader ON projects(leader_id);
CREATE INDEX projects_unit ON projects(unit_id);
CREATE TABLE journal (
  id {{ID}},
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  user_id BIGINT,
  at TEXT NOT NULL,
  changes TEXT NOT NULL
);
CREATE INDEX journal_entity ON journal(entity, entity_id);
)SQL"},
      {2, "list index in code order per county; change counters", R"SQL(
CREATE INDEX projects_county_code ON projects(county_code, archived, code);
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('projects', 0);
)SQL"},
      {3, "drop the county index that projects_county_code covers", R"SQL(
DROP INDEX projects_county;
)SQL"},
      // The list page's two filters together (category and stage) answered from the index alone,
      // in code order: the page's rows are found without reading the rows it skips.
      {4, "list index per county, category and stage in code order", R"SQL(
CREATE INDEX projects_county_category_stage ON projects(county_code, archived, category, stage, code);
)SQL"},
  };
}

namespace {

// Every capability's migrations (each capability owns a version range, see Migrate).
std::vector<Migration> AllMigrations() {
  std::vector<Migration> all;
  for (auto part : {LedgerMigrations, SupervisionMigrations, ProgressMigrations, LandEfficiencyMigrations,
                    AssessmentMigrations, AccountMigrations}) {
    auto v = part();
    all.insert(all.end(), v.begin(), v.end());
  }
  return all;
}

// The SQL of a migration with its placeholders (migrations.h) written out for the engine.
std::string ForDialect(const std::string& sql, Dialect d) {
  const std::pair<std::string_view, std::string_view> kPlaceholders[] = {
      {"{{ID}}", d == Dialect::kPostgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"},
      {"{{VERSION}}", "version BIGINT NOT NULL DEFAULT 1"},
      {"{{STAMPS}}", "created_at TEXT NOT NULL,\n  updated_at TEXT NOT NULL"},
  };
  std::string out = sql;
  for (const auto& [name, text] : kPlaceholders) {
    for (size_t p; (p = out.find(name)) != std::string::npos;) out.replace(p, name.size(), text);
  }
  return out;
}

}  // namespace

int Migrate(Database& db) {
  auto c = db.Acquire();
  c->ExecScript(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at TEXT NOT NULL)");
  Transaction tx(*c);
  if (db.dialect() == Dialect::kPostgres) c->Query("SELECT pg_advisory_xact_lock(7100231)");
  // Apply every version not applied yet, in order: capabilities own version ranges (ledger 1–9,
  // supervision 10–29, land efficiency 30–49, assessment 50–69), so a lower number may arrive later.
  std::set<int64_t> applied;
  ForEachRow(*c, "SELECT version FROM schema_migrations", {},
             [&](RowReader& r) { applied.insert(r.Int("version")); });
  std::vector<Migration> pending;
  for (const auto& m : AllMigrations()) {
    if (!applied.count(m.version)) pending.push_back(m);
  }
  std::sort(pending.begin(), pending.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (const auto& m : pending) {
    c->ExecScript(ForDialect(m.sql, db.dialect()));
    c->Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            {int64_t{m.version}, std::string(m.name), NowUtcIso()});
    applied.insert(m.version);
  }
  tx.Commit();
  return applied.empty() ? 0 : static_cast<int>(*applied.rbegin());
}

}  // namespace gj::store

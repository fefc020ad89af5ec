// Versioned schema migrations. Each capability owns a range of versions and a function returning
// its migrations (ledger 1–9, supervision 10–29, land efficiency 30–49, assessment 50–69);
// AllMigrations() in migrations.cpp lists the functions. Write portable SQL (TEXT dates, BIGINT
// yuan) with these placeholders for the columns every table declares alike:
//   {{ID}}       the id column's type: each engine's auto-increment primary key;
//   {{VERSION}}  the version of a record written through UpdateVersioned (starts at 1);
//   {{STAMPS}}   its created_at and updated_at timestamps (ISO-8601 UTC text).
// They are written out before the SQL runs, so the schema each engine stores is plain SQL.
#pragma once

#include <vector>

namespace gj::store {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

std::vector<Migration> LedgerMigrations();
std::vector<Migration> LandEfficiencyMigrations();
std::vector<Migration> SupervisionMigrations();  // versions 10–19
std::vector<Migration> ProgressMigrations();     // versions 20–29 (progress table, lights, targets)
std::vector<Migration> AssessmentMigrations();
std::vector<Migration> AccountMigrations();  // versions 80–89 (accounts)

}  // namespace gj::store

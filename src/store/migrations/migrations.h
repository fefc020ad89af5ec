// Versioned schema migrations. Each capability owns a range of versions and a function returning
// its migrations (ledger 1–9, supervision 10–29, land efficiency 30–49, assessment 50–69);
// AllMigrations() in migrations.cpp lists the functions. `{{ID}}` in SQL becomes each engine's
// auto-increment primary key; write portable SQL otherwise (TEXT dates, BIGINT yuan).
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

}  // namespace gj::store

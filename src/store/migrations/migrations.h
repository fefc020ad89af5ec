// Versioned schema migrations: one file per version in migrations/sql/, compiled into the binary.
//
// A file is `NNNN_<slug>.sql.in` (NNNN the version, zero-padded so the folder lists in version
// order; the slug is for readers only). Its first line is `-- name: <what it does>`, the name
// recorded in schema_migrations; `--` lines right after it are notes for readers. The SQL is the
// rest of the file, from the newline ending the last of those lines. (`.sql.in`, the suffix of a
// file that is expanded before use: the placeholders below make it a template, not SQL one can run.)
//
// Each capability owns a range of versions: ledger 1–9, supervision 10–19, progress 20–29, land
// efficiency 30–49, assessment 50–69, organisation 70–79, accounts 80–89. Adding a migration is
// adding the next file of its range (cmake picks it up). A version once released is never edited:
// existing databases skip it.
//
// Write portable SQL (TEXT dates 'YYYY-MM-DD' and ISO-8601 UTC timestamps, which sort as text on
// both engines; BIGINT yuan) with these placeholders for the columns every table declares alike:
//   {{ID}}       the id column's type: each engine's auto-increment primary key;
//   {{VERSION}}  the version of a record written through UpdateVersioned (starts at 1);
//   {{STAMPS}}   its created_at and updated_at timestamps (ISO-8601 UTC text).
// They are written out before the SQL runs, so the schema each engine stores is plain SQL.
#pragma once

#include <string_view>
#include <vector>

namespace gj::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;  // static storage: the embedded file, or a literal
};

// A file of migrations/sql/ as the build embedded it (generated from the folder by CMakeLists.txt).
struct EmbeddedFile {
  std::string_view name;  // its file name, "0001_organisation_accounts_projects_journal.sql.in"
  std::string_view text;  // its bytes
};
std::vector<EmbeddedFile> EmbeddedMigrationFiles();

// The migrations of `files`, in version order. A file not of the form above, or two files of one
// version, is a build mistake: std::logic_error naming the file.
std::vector<Migration> MigrationsOf(const std::vector<EmbeddedFile>& files);

// Every migration the binary carries, in version order; Migrate applies those a database lacks.
std::vector<Migration> AllMigrations();

}  // namespace gj::store

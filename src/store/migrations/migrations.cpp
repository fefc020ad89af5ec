// The migration runner: reads the embedded migration files (migrations.h), writes out their
// placeholders for the engine and applies, in one transaction, the versions a database lacks.
#include "store/migrations/migrations.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include "common/clock.h"
#include "store/db.h"
#include "store/row.h"

namespace gj::store {
namespace {

// A migration file by the form of migrations.h: the version from its name, the name from its
// first line, the SQL after that line and the note lines that follow it.
Migration FromFile(const EmbeddedFile& f) {
  const auto bad = [&](const char* why) {
    throw std::logic_error("migration file " + std::string(f.name) + ": " + why);
  };
  int version = 0;
  const char* const last = f.name.data() + f.name.size();
  const auto [end, ec] = std::from_chars(f.name.data(), last, version);
  if (ec != std::errc{} || version <= 0 || end == last || *end != '_')
    bad("its name is not NNNN_<slug>.sql.in");
  constexpr std::string_view kName = "-- name: ";
  size_t line_end = f.text.find('\n');
  if (!f.text.starts_with(kName) || line_end == std::string_view::npos) bad("no \"-- name: \" line");
  const std::string_view name = f.text.substr(kName.size(), line_end - kName.size());
  while (f.text.substr(line_end + 1).starts_with("--")) {
    line_end = f.text.find('\n', line_end + 1);
    if (line_end == std::string_view::npos) bad("no SQL after its notes");
  }
  return {version, name, f.text.substr(line_end)};
}

// Sorted by version; two migrations of one version are a build mistake.
std::vector<Migration> InVersionOrder(std::vector<Migration> all) {
  std::sort(all.begin(), all.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (size_t i = 1; i < all.size(); ++i) {
    if (all[i].version == all[i - 1].version) {
      throw std::logic_error("two migrations of version " + std::to_string(all[i].version) + ": " +
                             std::string(all[i - 1].name) + "; " + std::string(all[i].name));
    }
  }
  return all;
}

// The SQL of a migration with its placeholders (migrations.h) written out for the engine.
std::string ForDialect(std::string_view sql, Dialect d) {
  const std::pair<std::string_view, std::string_view> kPlaceholders[] = {
      {"{{ID}}", d == Dialect::kPostgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"},
      {"{{VERSION}}", "version BIGINT NOT NULL DEFAULT 1"},
      {"{{STAMPS}}", "created_at TEXT NOT NULL,\n  updated_at TEXT NOT NULL"},
  };
  std::string out(sql);
  for (const auto& [name, text] : kPlaceholders) {
    for (size_t p; (p = out.find(name)) != std::string::npos;) out.replace(p, name.size(), text);
  }
  return out;
}

}  // namespace

std::vector<Migration> MigrationsOf(const std::vector<EmbeddedFile>& files) {
  std::vector<Migration> out;
  for (const auto& f : files) out.push_back(FromFile(f));
  return InVersionOrder(std::move(out));
}

std::vector<Migration> AllMigrations() {
  std::vector<Migration> all = MigrationsOf(EmbeddedMigrationFiles());
  // Migrations still written in C++ (the form before migrations/sql/: a function returning
  // {{version, "name", R"SQL(…)SQL"}, …}), until they are moved into files.
  for (auto part : std::initializer_list<std::vector<Migration> (*)()>{}) {
    auto v = part();
    all.insert(all.end(), v.begin(), v.end());
  }
  return InVersionOrder(std::move(all));
}

int Migrate(Database& db) { return Migrate(db, {}); }

int Migrate(Database& db, const std::vector<int>& left_out) {
  auto c = db.Acquire();
  c->ExecScript(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at TEXT NOT NULL)");
  Transaction tx(*c);
  if (db.dialect() == Dialect::kPostgres) c->Query("SELECT pg_advisory_xact_lock(7100231)");
  // Apply every version not applied yet, in order: capabilities own version ranges, so a lower
  // number may arrive later.
  std::set<int64_t> applied;
  ForEachRow(*c, "SELECT version FROM schema_migrations", {},
             [&](RowReader& r) { applied.insert(r.Int("version")); });
  for (const auto& m : AllMigrations()) {
    if (applied.count(m.version) || std::find(left_out.begin(), left_out.end(), m.version) != left_out.end())
      continue;
    c->ExecScript(ForDialect(m.sql, db.dialect()));
    c->Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            {int64_t{m.version}, std::string(m.name), NowUtcIso()});
    applied.insert(m.version);
  }
  tx.Commit();
  return applied.empty() ? 0 : static_cast<int>(*applied.rbegin());
}

}  // namespace gj::store

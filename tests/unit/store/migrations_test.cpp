// Migrations as embedded files (store/migrations/migrations.h): how a file reads, and a database
// migrated once being left alone the next time, on both engines.
#include "store/migrations/migrations.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "store/row.h"
#include "test_db.h"

namespace gj::testing {
namespace {

using store::EmbeddedFile;
using store::MigrationsOf;

TEST(MigrationFiles, VersionFromTheFileNameNameFromTheFirstLineSqlAfterTheNotes) {
  const auto m = MigrationsOf({
      {"0012_later.sql.in", "-- name: b\nDROP INDEX y;\n"},
      {"0002_two_tables.sql.in",
       "-- name: tables, and why\n-- a note\n--another\nCREATE TABLE t (x TEXT);\n-- kept\n"},
  });
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].version, 2);
  EXPECT_EQ(m[0].name, "tables, and why");
  // The SQL starts at the newline that ends the header, as the SQL of a C++ raw string did.
  EXPECT_EQ(m[0].sql, "\nCREATE TABLE t (x TEXT);\n-- kept\n");
  EXPECT_EQ(m[1].version, 12);
  EXPECT_EQ(m[1].sql, "\nDROP INDEX y;\n");
}

TEST(MigrationFiles, AFileNotOfTheFormOrAVersionTwiceIsABuildMistake) {
  const std::vector<std::vector<EmbeddedFile>> bad = {
      {{"create.sql.in", "-- name: x\nSELECT 1;\n"}},
      {{"0000_zero.sql.in", "-- name: x\nSELECT 1;\n"}},
      {{"0003.sql.in", "-- name: x\nSELECT 1;\n"}},
      {{"0003_no_name.sql.in", "SELECT 1;\n"}},
      {{"0003_only_notes.sql.in", "-- name: x\n-- note"}},
      {{"0003_a.sql.in", "-- name: a\nSELECT 1;\n"}, {"0003_b.sql.in", "-- name: b\nSELECT 2;\n"}},
  };
  for (const auto& files : bad) EXPECT_THROW(MigrationsOf(files), std::logic_error) << files[0].name;
}

TEST(MigrationFiles, TheBinaryCarriesEveryVersionOnceInOrder) {
  const auto all = store::AllMigrations();
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all.front().version, 1);
  EXPECT_EQ(all.front().name, "organisation, accounts, projects, journal");
  for (size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].version, all[i].version);
  for (const auto& m : all) EXPECT_FALSE(m.name.empty() || m.sql.empty()) << m.version;
}

class MigrateTest : public DbTest {};

TEST_P(MigrateTest, RecordsEachMigrationOnceAndLeavesAMigratedDatabaseAlone) {
  const auto all = store::AllMigrations();
  auto applied = [&] {
    auto c = tdb_->db().Acquire();
    return store::ReadRows(*c, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version", {},
                           [](store::RowReader& r) {
                             return std::to_string(r.Int("version")) + " " + r.Text("name") + " " +
                                    r.Text("applied_at");
                           });
  };
  const auto before = applied();
  ASSERT_EQ(before.size(), all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_TRUE(before[i].starts_with(std::to_string(all[i].version) + " " + std::string(all[i].name) + " "));
  }
  EXPECT_EQ(store::Migrate(tdb_->db()), all.back().version);
  EXPECT_EQ(applied(), before);  // nothing run again: not one applied_at changed
}

INSTANTIATE_TEST_SUITE_P(Engines, MigrateTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

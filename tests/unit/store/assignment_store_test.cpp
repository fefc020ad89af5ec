// Dated assignments in the store, on each engine: migration 0012 carries the old rows over (from
// 1 January of the project's list year), one open assignment per holder and project, overlaps,
// the versioned end, and the compliance facts (dated rows, the project's own leader, unit visits).
#include "store/assignment_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "store/migrations/migrations.h"
#include "store/row.h"
#include "store/supervision_store.h"
#include "test_db.h"

namespace gj::testing {
namespace {

namespace sv = supervision;

// A fresh database migrated up to (not including) `version`, as an older binary left it.
class TestDbAt {
 public:
  TestDbAt(const std::string& engine, int version) {
    std::random_device rd;
    name_ = "gjt_" + std::to_string(rd()) + std::to_string(rd());
    if (engine == "postgres") {
      admin_url_ = std::getenv("GONGJIAN_TEST_PG_URL");
      store::Database::Open(admin_url_, 1)->Acquire()->ExecScript("CREATE DATABASE " + name_);
      url_ = admin_url_.substr(0, admin_url_.rfind('/')) + "/" + name_;
    } else {
      url_ = (std::filesystem::temp_directory_path() / (name_ + ".db")).string();
    }
    db_ = store::Database::Open(url_, 2);
    auto c = db_->Acquire();
    const bool pg = db_->dialect() == store::Dialect::kPostgres;
    c->ExecScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)");
    for (const auto& m : store::AllMigrations()) {
      if (m.version >= version) break;
      std::string sql(m.sql);
      const std::pair<std::string, std::string> kPlaceholders[] = {
          {"{{ID}}", pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"},
          {"{{VERSION}}", "version BIGINT NOT NULL DEFAULT 1"},
          {"{{STAMPS}}", "created_at TEXT NOT NULL,\n  updated_at TEXT NOT NULL"}};
      for (const auto& [name, text] : kPlaceholders) {
        for (size_t p; (p = sql.find(name)) != std::string::npos;) sql.replace(p, name.size(), text);
      }
      c->ExecScript(sql);
      c->Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
              {int64_t{m.version}, std::string(m.name), std::string("2026-01-01T00:00:00Z")});
    }
  }
  ~TestDbAt() {
    db_.reset();
    if (!admin_url_.empty()) {
      store::Database::Open(admin_url_, 1)
          ->Acquire()
          ->ExecScript("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } else {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(url_ + suffix);
    }
  }
  store::Database& db() { return *db_; }

 private:
  std::string name_, url_, admin_url_;
  std::unique_ptr<store::Database> db_;
};

class FreshDb : public ::testing::TestWithParam<std::string> {};

TEST_P(FreshDb, Migration12CarriesOldAssignmentsOverFromTheListYear) {
  // A database at version 11 with one project of the 2026 list and two assigned leaders.
  TestDbAt tdb(GetParam(), 12);
  {
    auto c = tdb.db().Acquire();
    c->ExecScript(
        "INSERT INTO regions (code, name, level) VALUES ('371524', '东阿县', 'county');"
        "INSERT INTO people (name, kind, region_code) VALUES ('王海涛', 'leader', '371524');"
        "INSERT INTO people (name, kind, region_code) VALUES ('李卫东', 'leader', '371524');"
        "INSERT INTO projects (code, name, year, county_code, category, level, track, stage, created_at, "
        "updated_at) VALUES ('P-1', '项目', 2026, '371524', 'industrial', 'county', 'implementation', "
        "'signed', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z');"
        "INSERT INTO project_assignments (project_id, person_id) VALUES (1, 1);"
        "INSERT INTO project_assignments (project_id, person_id) VALUES (1, 2);"
        "INSERT INTO visits (project_id, person_id, visit_date, created_at) VALUES (1, 1, '2026-03-02', 'x');");
  }
  store::Migrate(tdb.db());
  auto c = tdb.db().Acquire();
  const auto rows = store::ListProjectAssignments(*c, access::ReadScope::System(), 1);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].person_id, 1);
  EXPECT_EQ(rows[0].from_date, (Date{2026, 1, 1}));
  EXPECT_FALSE(rows[0].to_date);
  EXPECT_EQ(rows[0].version, 1);
  EXPECT_EQ(rows[0].holder_name, "王海涛");
  EXPECT_EQ(rows[1].person_id, 2);
  // The open one per holder is unique: a second open row of 王海涛 is refused by the database.
  EXPECT_ANY_THROW(
      c->Exec("INSERT INTO project_assignments (project_id, person_id, from_date, created_at, "
              "updated_at) VALUES (1, 1, '2026-05-01', 'x', 'x')"));
  // Neither or both holders: refused.
  EXPECT_ANY_THROW(
      c->Exec("INSERT INTO project_assignments (project_id, from_date, created_at, updated_at) "
              "VALUES (1, '2026-05-01', 'x', 'x')"));
  const auto visits =
      store::ListHolderVisits(*c, access::ReadScope::All(), Date{2026, 3, 1}, Date{2026, 3, 31});
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_FALSE(visits[0].unit_id);
}

TEST_P(FreshDb, OverlapsEndAndComplianceFacts) {
  TestDb tdb(GetParam());
  auto c = tdb.db().Acquire();
  c->ExecScript(
      "INSERT INTO regions (code, name, level) VALUES ('371524', '东阿县', 'county');"
      "INSERT INTO units (name, kind, region_code) VALUES ('住房和城乡建设局', 'department', '371524');"
      "INSERT INTO people (name, kind, region_code) VALUES ('王海涛', 'leader', '371524');"
      "INSERT INTO people (name, kind, region_code, unit_id) VALUES ('赵立新', 'liaison', '371524', 1);"
      "INSERT INTO projects (code, name, year, county_code, category, level, track, stage, leader_id, "
      "created_at, updated_at) VALUES ('P-1', '项目', 2026, '371524', 'industrial', 'county', "
      "'implementation', 'signed', 1, 'x', 'x');");
  store::AssignmentRow unit;
  unit.project_id = 1;
  unit.unit_id = 1;
  unit.from_date = Date{2026, 6, 1};
  unit.id = store::InsertAssignment(*c, unit, "2026-06-01T00:00:00Z");
  const sv::Holder u{sv::HolderKind::kUnit, 1};
  EXPECT_TRUE(store::AssignmentOverlaps(*c, 1, u, Date{2026, 7, 1}, std::nullopt));
  EXPECT_FALSE(store::AssignmentOverlaps(*c, 1, u, Date{2026, 5, 1}, Date{2026, 5, 31}));
  EXPECT_FALSE(store::AssignmentOverlaps(*c, 1, u, Date{2026, 7, 1}, std::nullopt, unit.id));
  EXPECT_FALSE(
      store::AssignmentOverlaps(*c, 1, {sv::HolderKind::kPerson, 1}, Date{2026, 7, 1}, std::nullopt));
  store::AssignmentRow ended = *store::LoadAssignment(*c, access::ReadScope::System(), unit.id);
  EXPECT_EQ(ended.holder_name, "住房和城乡建设局");
  ended.to_date = Date{2026, 6, 30};
  EXPECT_EQ(store::EndAssignment(*c, ended, 2, "t").error().code, ErrorCode::kConflict);
  ASSERT_TRUE(store::EndAssignment(*c, ended, 1, "t"));
  EXPECT_EQ(store::LoadAssignment(*c, access::ReadScope::System(), unit.id)->version, 2);
  EXPECT_EQ(store::LoadAssignment(*c, access::ReadScope::System(), unit.id)->to_date, (Date{2026, 6, 30}));
  EXPECT_TRUE(store::OpenAssignmentsOf(*c, u, access::ReadScope::All()).empty());
  EXPECT_FALSE(store::AssignmentOverlaps(*c, 1, u, Date{2026, 7, 1}, std::nullopt));
  // Facts of July: the unit's ended row is out; the project's leader counts from 2026-01-01.
  auto facts = store::ListDatedAssignments(*c, access::ReadScope::All(), Date{2026, 7, 1}, Date{2026, 7, 31});
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].holder, (sv::Holder{sv::HolderKind::kPerson, 1}));
  EXPECT_EQ(facts[0].from, (Date{2026, 1, 1}));
  facts = store::ListDatedAssignments(*c, access::ReadScope::All(), Date{2026, 6, 1}, Date{2026, 6, 30});
  EXPECT_EQ(facts.size(), 2u);
  store::VisitRow v;
  v.project_id = 1;
  v.person_id = 2;
  v.unit_id = 1;
  v.visit_date = Date{2026, 6, 3};
  v.created_at = "t";
  store::InsertVisit(*c, v);
  const auto visits =
      store::ListHolderVisits(*c, access::ReadScope::All(), Date{2026, 6, 1}, Date{2026, 6, 30});
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_TRUE(visits[0].By(u));
  EXPECT_TRUE(visits[0].By({sv::HolderKind::kPerson, 2}));
  EXPECT_EQ(store::ListVisits(*c, access::ReadScope::All(), 1, std::nullopt)[0].unit_name,
            "住房和城乡建设局");
}

INSTANTIATE_TEST_SUITE_P(Engines, FreshDb, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

// Project years through the ledger service: a project's rows of the annual lists, reads by year,
// PUT's versions and validation, the roll-over, and the migration of an existing database.
#include <gtest/gtest.h>

#include <filesystem>

#include "ledger_fixture.h"
#include "store/progress_store.h"
#include "store/project_year_store.h"

namespace gj::testing {
namespace {

using LedgerYearsTest = LedgerFixture;

TEST_P(LedgerYearsTest, ACreatedProjectIsOnItsYearsListWithItsFigures) {
  auto ctx = As("coordinator", "371524");
  auto body = NewProject("DE-1");
  body["annual_plan"] = 300000000;
  body["annual_completed"] = 100000000;
  auto r = ledger_->Create(ctx, body);
  ASSERT_TRUE(r) << r.error().message;
  auto years = ledger_->Years(ctx, r->project.id);
  ASSERT_TRUE(years);
  ASSERT_EQ(years->items.size(), 1u);
  EXPECT_EQ(years->items[0].year, 2026);
  EXPECT_EQ(years->items[0].kind, "new");
  EXPECT_EQ(years->items[0].annual_plan, 300000000);
  EXPECT_EQ(years->items[0].annual_completed, 100000000);
}

// The years that have a list, as a scope reads them (what a list opened without ?year= starts
// from): every year for all, a county's own years, nothing for an empty scope.
TEST_P(LedgerYearsTest, YearsWithAListAreTheScopesOwn) {
  auto dong = As("coordinator", "371524");
  auto guan = As("coordinator", "371525");
  const int64_t a = ledger_->Create(dong, NewProject("DE-1")).value().project.id;
  ASSERT_TRUE(ledger_->PutYear(dong, a, 2027, {{"annual_plan", 500000000}}));
  auto body = NewProject("GX-1");
  body["county_code"] = "371525";
  body.erase("town_code");
  auto b = ledger_->Create(guan, body);
  ASSERT_TRUE(b) << b.error().message;
  ASSERT_TRUE(ledger_->PutYear(guan, b->project.id, 2025, {{"annual_plan", 100000000}}));
  const auto tree = ledger_->Regions();
  auto c = tdb_->db().Acquire();
  EXPECT_EQ(store::YearsWithList(*c, access::ReadScope::All()), (std::vector<int>{2025, 2026, 2027}));
  EXPECT_EQ(store::YearsWithList(*c, dong.Reads(access::kProjectRead, *tree)),
            (std::vector<int>{2026, 2027}));
  EXPECT_EQ(store::YearsWithList(*c, guan.Reads(access::kProjectRead, *tree)),
            (std::vector<int>{2025, 2026}));
  EXPECT_TRUE(store::YearsWithList(*c, access::ReadScope::None()).empty());
  // The latest of them up to a year, as the list's default year asks it (downward from the year).
  const auto& dong_scope = dong.Reads(access::kProjectRead, *tree);
  const auto& guan_scope = guan.Reads(access::kProjectRead, *tree);
  EXPECT_EQ(store::LatestYearWithList(*c, access::ReadScope::All(), 2030), 2027);
  EXPECT_EQ(store::LatestYearWithList(*c, access::ReadScope::All(), 2026), 2026);
  EXPECT_EQ(store::LatestYearWithList(*c, guan_scope, 2027), 2026);  // not 冠县's: 东阿县's 2027
  EXPECT_EQ(store::LatestYearWithList(*c, dong_scope, 2025), std::nullopt);
  EXPECT_EQ(store::LatestYearWithList(*c, guan_scope, 2025), 2025);
  EXPECT_EQ(store::LatestYearWithList(*c, access::ReadScope::None(), 2030), std::nullopt);
  // The service's default year follows ledger::CurrentListYear's rule.
  EXPECT_EQ(ledger_->CurrentListYear(*c, Date{2027, 3, 1}, guan_scope), 2026);
  EXPECT_EQ(ledger_->CurrentListYear(*c, Date{2024, 3, 1}, dong_scope), 2024);
}

TEST_P(LedgerYearsTest, PutCreatesThenUpdatesWithItsVersionAndReadsKeepTheirYear) {
  auto ctx = As("coordinator", "371524");
  auto body = NewProject("DE-1");
  body["annual_plan"] = 300000000;
  auto p = ledger_->Create(ctx, body).value();
  const int64_t id = p.project.id;
  auto created = ledger_->PutYear(ctx, id, 2027, {{"annual_plan", 500000000}});
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_TRUE(created->created);
  EXPECT_EQ(created->year.kind, "continuing");  // after the 2026 list
  EXPECT_EQ(created->year.version, 1);
  // Without a version a second PUT is a conflict; a stale one the 409 of StaleVersion.
  EXPECT_EQ(ledger_->PutYear(ctx, id, 2027, {{"annual_plan", 1}}).error().code, ErrorCode::kConflict);
  auto stale = ledger_->PutYear(ctx, id, 2027, {{"version", 5}, {"annual_plan", 1}});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().extra.value("current_version", 0), 1);
  auto updated = ledger_->PutYear(
      ctx, id, 2027, {{"version", 1}, {"annual_plan", 500000000}, {"annual_completed", 2000000}});
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_FALSE(updated->created);
  EXPECT_EQ(updated->year.version, 2);
  // Every problem at once: negative amounts and an unknown kind.
  auto bad = ledger_->PutYear(ctx, id, 2027,
                              {{"version", 2}, {"kind", "x"}, {"annual_plan", -1}, {"annual_completed", -2}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(bad.error().details.size(), 3u);
  // Each year keeps its figures; the single read shows the current list year's (2026 on 2026-06-15).
  EXPECT_EQ(ledger_->Get(ctx, id)->project.annual_plan, 300000000);
  EXPECT_EQ(ledger_->Get(ctx, id, 2027)->project.annual_plan, 500000000);
  EXPECT_EQ(ledger_->Get(ctx, id, 2027)->project.annual_completed, 2000000);
  EXPECT_EQ(ledger_->Get(ctx, id, 2025).error().code, ErrorCode::kNotFound);
  // The lists of each year.
  store::ProjectFilter f;
  f.year = 2027;
  auto list = ledger_->List(ctx, f).value();
  ASSERT_EQ(list.items.size(), 1u);
  EXPECT_EQ(list.items[0].project.kind, "continuing");
  f.year = 2028;
  EXPECT_EQ(ledger_->List(ctx, f)->total_count, 0);
  // A leader reads but may not write; outside the scope it is not found.
  EXPECT_EQ(ledger_->PutYear(As("leader", "371524"), id, 2028, {}).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(ledger_->Years(As("coordinator", "371525"), id).error().code, ErrorCode::kNotFound);
  // The journal names the year.
  auto j = ledger_->Journal(ctx, id).value();
  EXPECT_EQ(j.items.at(0).action, "year.put");
  EXPECT_EQ(nlohmann::json::parse(j.items.at(0).changes_json)[0]["year"], 2027);
}

TEST_P(LedgerYearsTest, PatchWritesTheYearItRead) {
  auto ctx = As("coordinator", "371524");
  auto body = NewProject("DE-1");
  body["annual_plan"] = 300000000;
  auto p = ledger_->Create(ctx, body).value();
  const int64_t id = p.project.id;
  ASSERT_TRUE(ledger_->PutYear(ctx, id, 2027, {{"annual_plan", 500000000}}));
  // On 2026-06-15 the read shows 2026: a PATCH of the plan writes 2026's row.
  auto patched = ledger_->Update(ctx, id, {{"version", p.project.version}, {"annual_plan", 310000000}});
  ASSERT_TRUE(patched) << patched.error().message;
  EXPECT_EQ(patched->project.year, 2026);
  EXPECT_EQ(ledger_->Get(ctx, id, 2026)->project.annual_plan, 310000000);
  EXPECT_EQ(ledger_->Get(ctx, id, 2027)->project.annual_plan, 500000000);
  // With "year": 2027 the PATCH writes 2027's.
  auto v = patched->project.version;
  ASSERT_TRUE(ledger_->Update(ctx, id, {{"version", v}, {"year", 2027}, {"annual_completed", 7000000}}));
  EXPECT_EQ(ledger_->Get(ctx, id, 2027)->project.annual_completed, 7000000);
  EXPECT_EQ(ledger_->Get(ctx, id, 2026)->project.annual_completed, std::nullopt);
}

TEST_P(LedgerYearsTest, RolloverCarriesTheUnfinishedAllOrNothing) {
  auto ctx = As("coordinator", "371524");
  auto a = NewProject("DE-1");
  a["annual_plan"] = 300000000;
  a["annual_completed"] = 250000000;
  const int64_t unfinished = ledger_->Create(ctx, a).value().project.id;
  auto b = NewProject("DE-2");
  b["national_code"] = nullptr;
  b["stage"] = "completed";
  b["actual_start"] = "2026-02-01";
  b["actual_completion"] = "2026-05-30";
  const int64_t done = ledger_->Create(ctx, b).value().project.id;
  const std::string plan_key = std::to_string(unfinished);
  // A leader may not roll over.
  EXPECT_EQ(ledger_->Rollover(As("leader", "371524"), 2026, {{"dry_run", true}}).error().code,
            ErrorCode::kForbidden);
  auto dry = ledger_->Rollover(ctx, 2026, {{"dry_run", true}, {"plans", {{plan_key, 400000000}}}});
  ASSERT_TRUE(dry) << dry.error().message;
  EXPECT_EQ(dry->to_year, 2027);
  EXPECT_EQ(dry->carried, 1);
  ASSERT_EQ(dry->items.size(), 2u);
  EXPECT_EQ(dry->items[0].project_id, unfinished);
  EXPECT_EQ(dry->items[0].reason, "unfinished");
  EXPECT_EQ(dry->items[1].project_id, done);
  EXPECT_EQ(dry->items[1].reason, "completed");
  EXPECT_FALSE(ledger_->Get(ctx, unfinished, 2027));  // the dry run wrote nothing
  // A plan for a project that does not carry: nothing is written.
  auto bad = ledger_->Rollover(ctx, 2026, {{"dry_run", false}, {"plans", {{std::to_string(done), 1}}}});
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  auto applied = ledger_->Rollover(ctx, 2026, {{"dry_run", false}, {"plans", {{plan_key, 400000000}}}});
  ASSERT_TRUE(applied) << applied.error().message;
  EXPECT_EQ(applied->carried, 1);
  auto next = ledger_->Get(ctx, unfinished, 2027).value().project;
  EXPECT_EQ(next.kind, "continuing");
  EXPECT_EQ(next.annual_plan, 400000000);
  EXPECT_EQ(next.annual_completed, std::nullopt);
  EXPECT_EQ(ledger_->Get(ctx, unfinished, 2026)->project.annual_completed, 250000000);  // unchanged
  // Again: already listed.
  auto again = ledger_->Rollover(ctx, 2026, {{"dry_run", true}});
  EXPECT_EQ(again->carried, 0);
  EXPECT_EQ(again->items[0].reason, "already_listed");
}

TEST_P(LedgerYearsTest, OverviewOfAYearWithLastYearsList) {
  auto ctx = As("coordinator", "371524");
  auto a = NewProject("DE-1");
  a["annual_plan"] = 300000000;
  a["annual_completed"] = 250000000;
  const int64_t id = ledger_->Create(ctx, a).value().project.id;
  auto o = ledger_->Overview(ctx, "371524").value();
  EXPECT_EQ(o.year, 2026);
  EXPECT_FALSE(o.previous);
  ASSERT_TRUE(ledger_->PutYear(ctx, id, 2027, {{"annual_plan", 500000000}, {"annual_completed", 1000000}}));
  o = ledger_->Overview(ctx, "371524", std::nullopt, Date{2027, 3, 31}).value();
  EXPECT_EQ(o.year, 2027);
  EXPECT_EQ(o.annual_plan, 500000000);
  EXPECT_EQ(o.annual_completed, 1000000);
  ASSERT_TRUE(o.previous);
  EXPECT_EQ(o.previous->year, 2026);
  EXPECT_EQ(o.previous->as_of, (Date{2026, 3, 31}));
  EXPECT_EQ(o.previous->project_count, 1);
  EXPECT_EQ(o.previous->annual_plan, 300000000);
  EXPECT_EQ(o.previous->annual_completed, 250000000);  // no report filed: the ledger's figure
}

// 同比 counts both years one way: 年度完成投资 at the date is, per project, the highest year-to-date
// figure filed (submitted or approved) in a report of that year by then, else the year row's.
TEST_P(LedgerYearsTest, OverviewCountsThisYearAndLastYearTheSameWay) {
  auto ctx = As("coordinator", "371524");
  auto a = NewProject("DE-A");
  a["annual_plan"] = 300000000;
  a["annual_completed"] = 250000000;
  const int64_t pa = ledger_->Create(ctx, a).value().project.id;
  auto b = NewProject("DE-B");
  b["annual_plan"] = 50000000;
  b["annual_completed"] = 40000000;
  const int64_t pb = ledger_->Create(ctx, b).value().project.id;
  ASSERT_TRUE(ledger_->PutYear(ctx, pa, 2025, {{"annual_plan", 200000000}, {"annual_completed", 180000000}}));
  ASSERT_TRUE(ledger_->PutYear(ctx, pb, 2025, {{"annual_plan", 100000000}, {"annual_completed", 95000000}}));
  {
    auto c = tdb_->db().Acquire();
    auto report = [&](int64_t project, const char* period, const char* end, const char* status, int64_t ytd) {
      c->Exec(
          "INSERT INTO progress_reports (project_id, period, frequency, period_start, period_end, due_date, "
          "status, investment_year, created_at, updated_at) VALUES (?, ?, 'weekly', ?, ?, ?, ?, ?, 'now', 'now')",
          {project, std::string(period), std::string(end), std::string(end), std::string(end),
           std::string(status), ytd});
    };
    report(pa, "2025-W20", "2025-05-18", "submitted", 60000000);  // by 2025-06-15: counts
    report(pa, "2025-W30", "2025-07-27", "approved", 120000000);  // after the date a year ago
    report(pa, "2026-W20", "2026-05-17", "approved", 110000000);  // by 2026-06-15: counts
    report(pa, "2026-W23", "2026-06-07", "pending", 130000000);   // not filed
  }
  auto o = ledger_->Overview(ctx, "371524").value();
  EXPECT_EQ(o.year, 2026);
  EXPECT_EQ(o.annual_plan, 350000000);
  EXPECT_EQ(o.annual_completed, 110000000 + 40000000);  // A filed, B the ledger's
  ASSERT_EQ(o.by_stage.size(), 1u);
  EXPECT_EQ(o.by_stage[0].figures.annual_completed, 150000000);
  EXPECT_EQ(o.by_town.at(0).figures.annual_completed, 150000000);
  ASSERT_TRUE(o.previous);
  EXPECT_EQ(o.previous->as_of, (Date{2025, 6, 15}));
  EXPECT_EQ(o.previous->annual_plan, 300000000);
  EXPECT_EQ(o.previous->annual_completed, 60000000 + 95000000);  // the same rule a year earlier
  // A past year asked later is counted at its last day: A's highest 2025 figure, B's row.
  auto past = ledger_->Overview(ctx, "371524", 2025).value();
  EXPECT_EQ(past.year, 2025);
  EXPECT_EQ(past.annual_completed, 120000000 + 95000000);
  EXPECT_FALSE(past.previous);  // no 2024 list
}

// A filed report never counts as its own "previous" figure, nor as a figure "by" a date before its
// period ended. SQLite 3.40.1 (Debian 12) answers MAX() wrongly when an IN list on `status` meets
// a range on `period_end` in the covering index progress_reports_filed: it returned the report's own
// 71,300,000 as the figure before it (the December jump warning that never came).
TEST_P(LedgerYearsTest, FiledFiguresBeforeAReportExcludeItAndLaterOnes) {
  auto ctx = As("coordinator", "371524");
  auto a = NewProject("DE-J");
  a["annual_plan"] = 96000000;
  const int64_t pa = ledger_->Create(ctx, a).value().project.id;
  auto c = tdb_->db().Acquire();
  auto report = [&](const char* period, const char* end, const char* status, int64_t ytd) {
    c->Exec(
        "INSERT INTO progress_reports (project_id, period, frequency, period_start, period_end, due_date, "
        "status, investment_year, created_at, updated_at) VALUES (?, ?, 'weekly', ?, ?, ?, ?, ?, 'now', 'now')",
        {pa, std::string(period), std::string(end), std::string(end), std::string(end), std::string(status),
         ytd});
  };
  report("2026-W47", "2026-11-22", "approved", 32210000);
  report("2026-W48", "2026-11-29", "approved", 32900000);
  report("2026-W49", "2026-12-06", "submitted", 71300000);
  if (c->dialect() == store::Dialect::kSqlite) {
    // The statistics of the demo database (~2,000 reports), which make the planner seek the index
    // with the IN list: loaded by ANALYZE of the schema.
    c->ExecScript("ANALYZE");
    c->ExecScript(
        "DELETE FROM sqlite_stat1 WHERE tbl = 'progress_reports';"
        "INSERT INTO sqlite_stat1 VALUES ('progress_reports', 'progress_reports_filed', '2070 9 4 1 1'),"
        "('progress_reports', 'progress_reports_due', '2070 230 1 1'),"
        "('progress_reports', 'progress_reports_period', '2070 230');"
        "ANALYZE sqlite_schema");
  }
  EXPECT_EQ(store::PreviousYearTotal(*c, pa, "2026-W49", Date{2026, 12, 6}), 32900000);
  EXPECT_EQ(store::PreviousYearTotal(*c, pa, "2026-W48", Date{2026, 11, 29}), 32210000);
  EXPECT_EQ(
      store::LoadReportFacts(*c, access::ReadScope::System(), Date{2026, 12, 5}, Date{2026, 11, 1}, {pa})[pa]
          .filed_year_total,
      32900000);
  EXPECT_EQ(store::LoadReportFacts(
                *c, access::ReadScope::All().Within("371524", access::RegionTree(store::LoadRegions(*c))),
                Date{2026, 12, 6}, Date{2026, 11, 1}, {})[pa]
                .filed_year_total,
            71300000);
}

INSTANTIATE_TEST_SUITE_P(Engines, LedgerYearsTest, ::testing::ValuesIn(Engines()));

// A database an older binary left (every migration but 0005) with a project's figures: after the
// migration they are that project's year's, and the columns left projects.
TEST(ProjectYearsMigration, TodaysFiguresBecomeTheProjectsYear) {
  const auto path = std::filesystem::temp_directory_path() / "gj_years_migration_test.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  {
    auto db = store::Database::Open(path.string(), 1);
    store::Migrate(*db, {5});
    db->Acquire()->ExecScript(
        "INSERT INTO regions (code, name, level, parent_code) VALUES ('371524', '东阿县', 'county', NULL);"
        "INSERT INTO projects (code, name, year, county_code, category, level, kind, track, stage, "
        "total_investment, annual_plan, annual_completed, created_at, updated_at) VALUES "
        "('DE-1', '项目', 2026, '371524', 'industrial', 'county', 'continuing', 'implementation', 'started', "
        "1200000000, 300000000, 120000000, '2026-01-05T00:00:00Z', '2026-01-05T00:00:00Z');");
    store::Migrate(*db);
    auto c = db->Acquire();
    auto p = store::LoadProjectByCode(*c, access::ReadScope::System(), "DE-1").value();
    EXPECT_EQ(p.year, 2026);
    EXPECT_EQ(p.kind, "continuing");
    EXPECT_EQ(p.annual_plan, 300000000);
    EXPECT_EQ(p.annual_completed, 120000000);
    auto y = store::LoadProjectYear(*c, access::ReadScope::System(), p.id, 2026).value();
    EXPECT_EQ(y.version, 1);
    EXPECT_EQ(y.created_at, "2026-01-05T00:00:00Z");
    EXPECT_THROW(c->Query("SELECT annual_plan FROM projects"), std::exception);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

}  // namespace
}  // namespace gj::testing

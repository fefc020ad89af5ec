// One column list per table, the versioned update and the journal diff builder, on both engines.
#include "store/table.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "store/journal.h"
#include "store/row.h"
#include "test_db.h"

namespace gj::testing {
namespace {

const store::Table kThings{"things", {"id", "name", "size", "done", "version"}};

struct Thing {
  int64_t id = 0;
  std::string name;
  std::optional<int64_t> size;
  bool done = false;
};

const store::Fields<Thing> kThingFields = {
    {"name", [](const Thing& t) -> store::Value { return t.name; }},
    {"size", [](const Thing& t) { return store::Opt(t.size); }},
    {"done", [](const Thing& t) -> store::Value { return int64_t{t.done ? 1 : 0}; },
     store::Field<Thing>::kJournaledAsBool},
};

class TableTest : public DbTest {
 protected:
  void Prepare(store::Connection& c) override {
    c.ExecScript(
        "CREATE TABLE things (id BIGINT PRIMARY KEY, name TEXT NOT NULL, size BIGINT, done INTEGER NOT NULL DEFAULT 0, "
        "version BIGINT NOT NULL DEFAULT 1)");
  }
  int64_t VersionOf(store::Connection& c, int64_t id) {
    return store::ReadOne(c, "SELECT version FROM things WHERE id = ?", {id},
                          [](store::RowReader& r) { return r.Int("version"); })
        .value_or(-1);
  }
};

TEST_P(TableTest, SelectListsAndChecksColumns) {
  EXPECT_EQ(kThings.Select(), "id, name, size, done, version");
  EXPECT_EQ(kThings.Select("t"), "t.id, t.name, t.size, t.done, t.version");
  EXPECT_NO_THROW(kThings.Check("size"));
  EXPECT_THROW(kThings.Check("colour"), std::logic_error);
  auto c = tdb_->db().Acquire();
  EXPECT_THROW(store::InsertRow(*c, kThings, {{"id", int64_t{1}}, {"colour", std::string("red")}}),
               std::logic_error);
}

TEST_P(TableTest, AVersionedUpdateMovesTheVersionByOneAndRefusesAStaleOne) {
  auto c = tdb_->db().Acquire();
  Thing t{1, "a", 3, false};
  store::ColumnValues values = store::ValuesOf(kThingFields, t);
  values.emplace_back("id", t.id);
  ASSERT_EQ(store::InsertRow(*c, kThings, values), 1);
  t.name = "b";
  EXPECT_TRUE(store::UpdateVersioned(*c, kThings, "thing", store::ValuesOf(kThingFields, t), t.id, 1).ok());
  EXPECT_EQ(VersionOf(*c, 1), 2);
  // A stale write answers the one 409 itself, with the version stored now.
  auto stale = store::UpdateVersioned(*c, kThings, "thing", store::ValuesOf(kThingFields, t), t.id, 1);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().message,
            "the thing was changed by someone else (version 2); reload and apply your change again");
  EXPECT_EQ(stale.error().extra["current_version"], 2);
  EXPECT_EQ(VersionOf(*c, 1), 2);
  // An extra condition that no longer holds refuses the write the same way.
  auto refused =
      store::UpdateVersioned(*c, kThings, "thing", {{"name", std::string("c")}}, t.id, 2, "done = 1");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().extra["current_version"], 2);
  EXPECT_TRUE(
      store::UpdateVersioned(*c, kThings, "thing", {{"name", std::string("c")}}, t.id, 2, "done = 0").ok());
  EXPECT_EQ(VersionOf(*c, 1), 3);
  // A row that is not there: version 0.
  EXPECT_EQ(store::UpdateVersioned(*c, kThings, "thing", {{"name", std::string("d")}}, 99, 1)
                .error()
                .extra["current_version"],
            0);
  // The version is the helper's to set.
  EXPECT_THROW((void)store::UpdateVersioned(*c, kThings, "thing", {{"version", int64_t{9}}}, t.id, 3),
               std::logic_error);
}

TEST_P(TableTest, UpsertInsertsThenUpdates) {
  auto c = tdb_->db().Acquire();
  store::Upsert(*c, kThings, {{"name", std::string("x")}}, {{"id", int64_t{5}}}, /*bump_version=*/true);
  EXPECT_EQ(VersionOf(*c, 5), 1);
  store::Upsert(*c, kThings, {{"name", std::string("y")}}, {{"id", int64_t{5}}}, /*bump_version=*/true);
  EXPECT_EQ(VersionOf(*c, 5), 2);
  EXPECT_EQ(store::ReadOne(*c, "SELECT name FROM things WHERE id = 5", {},
                           [](store::RowReader& r) { return r.Text("name"); }),
            "y");
  EXPECT_EQ(store::UpdateWhere(*c, kThings, {{"size", int64_t{7}}}, {{"id", int64_t{5}}}), 1);
  EXPECT_EQ(VersionOf(*c, 5), 2);
}

TEST(StaleVersionTest, OneCodeOneMessageWithTheCurrentRecord) {
  const Error e = store::StaleVersion("problem", 4, {{"status", "raised"}});
  EXPECT_EQ(e.code, ErrorCode::kConflict);
  EXPECT_EQ(e.message,
            "the problem was changed by someone else (version 4); reload and apply your change again");
  EXPECT_EQ(e.extra["current_version"], 4);
  EXPECT_EQ(e.extra["current"]["status"], "raised");
  EXPECT_FALSE(store::StaleVersion("run", 2).extra.contains("current"));
}

TEST(JournalDiffTest, OnlyChangedJournaledFieldsInListOrder) {
  const Thing before{1, "a", std::nullopt, false};
  Thing after = before;
  EXPECT_EQ(store::JournalDiff(kThingFields, before, after), nlohmann::json::array());
  after.done = true;
  after.size = 3;
  const auto changes = store::JournalDiff(kThingFields, before, after);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0], (nlohmann::json{{"field", "size"}, {"old", nullptr}, {"new", 3}}));
  EXPECT_EQ(changes[1], (nlohmann::json{{"field", "done"}, {"old", false}, {"new", true}}));
}

INSTANTIATE_TEST_SUITE_P(Engines, TableTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

// Field lists built from members: reading a row, the values of an insert and of an update, and
// the journal diff, all from one list.
#include "store/fields.h"

#include <gtest/gtest.h>

#include "store/journal.h"

namespace gj::testing {
namespace {

struct Inner {
  double share = 0;
};

struct Thing {
  int64_t id = 0;
  std::string owner;
  std::string name;
  int size = 0;
  std::optional<int64_t> unit_id;
  bool done = false;
  std::optional<Date> due;
  std::string decided_at;  // "" until decided
  Inner inner;
  int64_t version = 1;
};

// Each member named once; modifiers by column name; the nested member through GJ_COLUMNS_IN.
const store::Fields<Thing> kThingFields =
    GJ_COLUMNS(Thing, id, owner, name, size, unit_id, done, due, decided_at)
        .And(GJ_COLUMNS_IN(Thing::inner, share))
        .And(GJ_COLUMNS(Thing, version))
        .ReadOnly({"id", "version"})
        .Fixed({"owner"})
        .JournaledAsBool({"done"})
        .OnUpdate({"decided_at"})
        .OrNull({"decided_at"})
        .NotJournaled({"share"});

// The same list written field by field.
const store::Fields<Thing> kExplicitThingFields = {
    store::Col<&Thing::id>("id").ReadOnly(),
    store::Col<&Thing::owner>("owner").Fixed(),
    store::Col<&Thing::name>("name"),
    store::Col<&Thing::size>("size"),
    store::Col<&Thing::unit_id>("unit_id"),
    store::Col<&Thing::done>("done").JournaledAsBool(),
    store::Col<&Thing::due>("due"),
    store::ColOrNull<&Thing::decided_at>("decided_at").OnUpdate(),
    store::Col<&Thing::inner, &Inner::share>("share").NotJournaled(),
    store::Col<&Thing::version>("version").ReadOnly(),
};

std::vector<std::string> Columns(const store::ColumnValues& values) {
  std::vector<std::string> out;
  for (const auto& v : values) out.emplace_back(v.first);
  return out;
}

TEST(FieldsTest, ReadsEveryFieldByItsMemberType) {
  const std::vector<std::string> columns = {"id",  "owner",      "name",  "size",    "unit_id", "done",
                                            "due", "decided_at", "share", "version", "extra"};
  std::vector<store::Value> row = {int64_t{7},    std::string("a"), std::string("n"),          int64_t{3},
                                   store::Null(), int64_t{1},       std::string("2026-06-30"), store::Null(),
                                   0.25,          int64_t{4},       std::string("ignored")};
  store::RowReader r(columns);
  r.Bind(row);
  Thing t;
  store::ReadInto(kThingFields, r, t);
  EXPECT_EQ(t.id, 7);
  EXPECT_EQ(t.owner, "a");
  EXPECT_EQ(t.name, "n");
  EXPECT_EQ(t.size, 3);
  EXPECT_FALSE(t.unit_id);
  EXPECT_TRUE(t.done);
  ASSERT_TRUE(t.due);
  EXPECT_EQ(t.due->ToString(), "2026-06-30");
  EXPECT_EQ(t.decided_at, "");
  EXPECT_DOUBLE_EQ(t.inner.share, 0.25);
  EXPECT_EQ(t.version, 4);
}

TEST(FieldsTest, AMissingColumnIsAProgrammingError) {
  std::vector<store::Value> row = {int64_t{7}};
  store::RowReader r({"id"});
  r.Bind(row);
  Thing t;
  EXPECT_THROW(store::ReadInto(kThingFields, r, t), std::logic_error);
}

TEST(FieldsTest, InsertAndUpdateCarryTheirFields) {
  Thing t;
  t.owner = "a";
  t.done = true;
  EXPECT_EQ(Columns(store::InsertValuesOf(kThingFields, t)),
            (std::vector<std::string>{"owner", "name", "size", "unit_id", "done", "due", "share"}));
  const auto update = store::ValuesOf(kThingFields, t);
  EXPECT_EQ(Columns(update),
            (std::vector<std::string>{"name", "size", "unit_id", "done", "due", "decided_at", "share"}));
  EXPECT_EQ(store::AsInt(update[3].second), 1);  // a bool is stored as 0/1
  EXPECT_TRUE(store::IsNull(update[5].second));  // "" is stored as NULL
  EXPECT_EQ(store::TableOf("things", kThingFields).columns.size(), kThingFields.size());
}

TEST(FieldsTest, JournalDiffShowsOnlyJournaledFields) {
  Thing before, after;
  after.id = 9;
  after.owner = "b";
  after.name = "renamed";
  after.done = true;
  after.inner.share = 1;
  EXPECT_EQ(store::JournalDiff(kThingFields, before, after).dump(),
            R"([{"field":"name","new":"renamed","old":""},{"field":"done","new":true,"old":false}])");
}

TEST(FieldsTest, NamedColumnsAreTheExplicitList) {
  ASSERT_EQ(kThingFields.size(), kExplicitThingFields.size());
  Thing t;
  t.decided_at = "";
  for (size_t i = 0; i < kThingFields.size(); ++i) {
    const auto& named = kThingFields[i];
    const auto& explicit_field = kExplicitThingFields[i];
    EXPECT_EQ(named.column, explicit_field.column);
    EXPECT_EQ(named.write, explicit_field.write) << named.column;
    EXPECT_EQ(named.journal, explicit_field.journal) << named.column;
    EXPECT_EQ(named.get(t), explicit_field.get(t)) << named.column;
  }
}

TEST(FieldsTest, AModifierOfNoColumnThrows) {
  const auto misspelt = [] { return store::Fields<Thing>(GJ_COLUMNS(Thing, id, name).ReadOnly({"idd"})); };
  EXPECT_THROW(misspelt(), std::logic_error);
  const auto twice = [] {
    return store::Fields<Thing>(GJ_COLUMNS(Thing, name).And(GJ_COLUMNS(Thing, name)).Fixed({"name"}));
  };
  EXPECT_THROW(twice(), std::logic_error);
  // Only a text field can write "" as NULL.
  const auto not_text = [] { return store::Fields<Thing>(GJ_COLUMNS(Thing, size).OrNull({"size"})); };
  EXPECT_THROW(not_text(), std::logic_error);
}

TEST(FieldsTest, TableOfListsEachColumnOnce) {
  const store::Fields<Inner> inner = {store::Col<&Inner::share>("ratio")};
  const store::Table t = store::TableOf("things", kThingFields, inner).With({"extra"});
  EXPECT_EQ(t.columns.back(), "extra");
  EXPECT_EQ(t.columns.size(), kThingFields.size() + 2);
  EXPECT_THROW(store::TableOf("things", kThingFields, kThingFields), std::logic_error);
  EXPECT_THROW(t.With({"name"}), std::logic_error);
}

}  // namespace
}  // namespace gj::testing

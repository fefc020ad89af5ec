#include "common/json_shape.h"

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <gtest/gtest.h>

namespace gj {
namespace {

struct Fact {
  int64_t id = 7;
  std::string name = "pump";
};

struct Row {
  Fact fact;
  std::string unit_name;
  std::optional<Date> due;
  int version = 3;
};

TEST(JsonShape, FieldsAreKeyedByTheMemberNameInListOrder) {
  const JFields<Fact> fields = GJ_JSON_FIELDS(Fact, name, id);
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].name, "name");
  EXPECT_EQ(fields[1].name, "id");
  EXPECT_EQ(ObjectOf(Fact{}, fields), (nlohmann::json{{"name", "pump"}, {"id", 7}}));
}

TEST(JsonShape, JoinKeepsTheOrderOfItsPartsAndLiftReadsTheMember) {
  // The list Lift reads is a temporary: Lift keeps copies of its writers.
  const JFields<Row> fields =
      Join<Row>(GJ_JSON_FIELDS(Row, version), Lift<&Row::fact>(GJ_JSON_FIELDS(Fact, id)),
                JFieldOrNull<&Row::unit_name>("unit"), GJ_JSON_FIELDS(Row, due),
                JField<&Row::fact, &Fact::name>("fact_name"));
  Row r;
  // nlohmann's object keeps its keys sorted; the order written is checked through the field list.
  std::vector<std::string> keys;
  for (const auto& f : fields) keys.emplace_back(f.name);
  EXPECT_EQ(keys, (std::vector<std::string>{"version", "id", "unit", "due", "fact_name"}));
  EXPECT_EQ(ObjectOf(r, fields),
            (nlohmann::json{
                {"version", 3}, {"id", 7}, {"unit", nullptr}, {"due", nullptr}, {"fact_name", "pump"}}));
  r.due = Date{2026, 6, 15};
  r.unit_name = "office";
  EXPECT_EQ(ObjectOf(r, fields)["due"], "2026-06-15");
  EXPECT_EQ(ObjectOf(r, fields)["unit"], "office");
}

TEST(JsonShape, JObjectWritesANestedListItKeeps) {
  struct Holder {
    std::vector<Fact> items;
  };
  const JFields<Holder> fields = {JObject<&Holder::items>("items", GJ_JSON_FIELDS(Fact, id))};
  EXPECT_EQ(ObjectOf(Holder{{Fact{}, Fact{9, "x"}}}, fields).dump(), R"({"items":[{"id":7},{"id":9}]})");
}

TEST(JsonShape, MembersAreReadByTheirNamesInListOrder) {
  Fact f;
  std::vector<std::string> keys;
  auto read = [&](const char* key, auto& member) {
    keys.emplace_back(key);
    if constexpr (std::is_same_v<std::decay_t<decltype(member)>, std::string>) member = "valve";
    else member = 9;
  };
  GJ_JSON_MEMBERS(read, f, name, id)
  EXPECT_EQ(keys, (std::vector<std::string>{"name", "id"}));
  EXPECT_EQ(f.name, "valve");
  EXPECT_EQ(f.id, 9);
}

}  // namespace
}  // namespace gj

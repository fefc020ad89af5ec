// JsonFields: every bad field of a body is reported at once, each naming the field, the value as
// sent and why; absent and null fields are "not sent".
#include "common/json_field.h"

#include <gtest/gtest.h>

namespace gj::testing {
namespace {

using nlohmann::json;

TEST(JsonFields, ReadsTypedFields) {
  const json body = {{"name", "东阿"},
                     {"days", 30},
                     {"ratio", 0.5},
                     {"on", true},
                     {"due", "2026-06-30"},
                     {"kind", "stop"},
                     {"items", json::array({1})},
                     {"nested", json::object()}};
  Problems pr;
  JsonFields f(body, pr);
  EXPECT_EQ(f.Text("name"), "东阿");
  EXPECT_EQ(f.Int("days"), 30);
  EXPECT_EQ(f.Number("ratio"), 0.5);
  EXPECT_EQ(f.Bool("on"), true);
  EXPECT_EQ(f.DateField("due"), (Date{2026, 6, 30}));
  EXPECT_EQ(f.OneOf("kind", {"stop", "resume"}), "stop");
  ASSERT_NE(f.Array("items"), nullptr);
  ASSERT_NE(f.Object("nested"), nullptr);
  f.RejectUnknown();
  EXPECT_TRUE(pr.empty());
}

TEST(JsonFields, AbsentAndNullAreNotSentAndOnlyRequiredOnesAreProblems) {
  const json body = {{"note", nullptr}};
  Problems pr;
  JsonFields f(body, pr);
  EXPECT_FALSE(f.Text("note"));
  EXPECT_FALSE(f.Int("days"));
  EXPECT_FALSE(f.Text("login", Need::kRequired));
  ASSERT_EQ(pr.size(), 1u);
  EXPECT_EQ(pr.details()[0].field, "login");
  EXPECT_EQ(pr.details()[0].reason, "is required");
}

TEST(JsonFields, CollectsEveryProblemWithFieldValueAndReason) {
  const json body = {{"name", 7},       {"days", "30"}, {"due", "2026-02-30"},
                     {"kind", "pause"}, {"on", "yes"},  {"extra", 1}};
  Problems pr;
  JsonFields f(body, pr);
  f.Text("name");
  f.Int("days");
  f.DateField("due");
  f.OneOf("kind", {"stop", "resume"});
  f.Bool("on");
  f.RejectUnknown();
  ASSERT_EQ(pr.size(), 6u);
  const auto& d = pr.details();
  EXPECT_EQ(d[0].field, "name");
  EXPECT_EQ(d[0].value, "7");
  EXPECT_EQ(d[0].reason, "must be a string");
  EXPECT_EQ(d[1].value, "30");
  EXPECT_EQ(d[1].reason, "must be an integer");
  EXPECT_EQ(d[2].reason, "must be a date YYYY-MM-DD");
  EXPECT_EQ(d[3].reason, "must be one of stop, resume");
  EXPECT_EQ(d[3].allowed, (std::vector<std::string>{"stop", "resume"}));
  EXPECT_EQ(d[4].reason, "must be true or false");
  EXPECT_EQ(d[5].field, "extra");
  EXPECT_EQ(d[5].reason, "unknown field");
}

TEST(JsonFields, IntegersHonourTheirRangeAndAcceptWholeFloats) {
  const json body = {{"a", 3.0}, {"b", 3.5}, {"c", 0}, {"d", 18446744073709551615ull}};
  Problems pr;
  JsonFields f(body, pr);
  EXPECT_EQ(f.Int("a"), 3);
  EXPECT_FALSE(f.Int("b"));
  EXPECT_FALSE(f.Int("c", Need::kOptional, {1, 10}));
  EXPECT_FALSE(f.Int("d"));
  ASSERT_EQ(pr.size(), 3u);
  EXPECT_EQ(pr.details()[1].reason, "must be an integer from 1 to 10");
}

TEST(JsonFields, NotAnObjectIsOneProblemNamedAfterThePrefix) {
  const json months = json::array({1, 2});
  Problems pr;
  JsonFields f(months, pr, "months.");
  EXPECT_FALSE(f.is_object());
  EXPECT_FALSE(f.Text("name", Need::kRequired));
  f.RejectUnknown();
  ASSERT_EQ(pr.size(), 1u);
  EXPECT_EQ(pr.details()[0].field, "months");
  EXPECT_EQ(pr.details()[0].value, "[1,2]");
  EXPECT_EQ(pr.details()[0].reason, "must be a JSON object");
}

TEST(JsonFields, NestedFieldsCarryThePrefix) {
  const json body = {{"year", "x"}};
  Problems pr;
  JsonFields f(body, pr, "plan.");
  f.Int("year");
  ASSERT_EQ(pr.size(), 1u);
  EXPECT_EQ(pr.details()[0].field, "plan.year");
}

TEST(ShownValue, CutsLongValuesOnACharacterBoundary) {
  const std::string long_text(100, 'a');
  EXPECT_EQ(ShownValue(json(long_text)), std::string(80, 'a') + "…");
  std::string chinese;
  for (int i = 0; i < 40; ++i) chinese += "项";  // 3 bytes each
  const std::string shown = ShownValue(json(chinese));
  EXPECT_EQ(shown.substr(shown.size() - 3), "…");
  EXPECT_EQ((shown.size() - 3) % 3, 0u);
}

}  // namespace
}  // namespace gj::testing

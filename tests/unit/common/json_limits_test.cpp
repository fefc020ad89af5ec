// The bounded JSON reader and renderer (issue 14: a viewer crashed the server with a deeply nested
// `version`; nothing a user sends may be copied, compared or printed by recursion without bound).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "common/json_field.h"
#include "common/json_limits.h"
#include "common/money.h"
#include "common/reason_catalog.h"

namespace gj {
namespace {

std::string Nested(size_t depth, const std::string& inner = "1") {
  return std::string(depth, '[') + inner + std::string(depth, ']');
}

// Every refusal names the field and a reason the catalog knows (so the web app has its words).
void ExpectRefused(const Result<nlohmann::json>& r, ErrorCode code, const std::string& rule) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, code);
  ASSERT_EQ(r.error().details.size(), 1u);
  EXPECT_EQ(r.error().details[0].field, "body");
  const auto known = RuleOfReason(r.error().details[0].reason);
  ASSERT_TRUE(known) << r.error().details[0].reason;
  EXPECT_EQ(known->rule, rule);
}

TEST(ParseJsonBounded, ReadsOrdinaryJson) {
  auto r = ParseJsonBounded(R"({"version": 3, "name": "a \"[{\" b", "list": [1, [2, {"x": []}]]})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value()["version"], 3);
  EXPECT_EQ(r.value()["name"], "a \"[{\" b");  // brackets inside strings do not nest
}

TEST(ParseJsonBounded, RefusesDeepNestingWithoutRecursing) {
  // 100,000 levels: the scan refuses it at level 33 (the parser never sees it).
  ExpectRefused(ParseJsonBounded(R"({"version": )" + Nested(100'000) + "}"), ErrorCode::kBadRequest,
                "json_too_deep");
  // Exactly the limit is fine; one more is not.
  JsonLimits lim;
  lim.max_depth = 5;
  EXPECT_TRUE(ParseJsonBounded(Nested(5), lim).ok());
  ExpectRefused(ParseJsonBounded(Nested(6), lim), ErrorCode::kBadRequest, "json_too_deep");
  ExpectRefused(ParseJsonBounded(std::string(1'000'000, '{'), {}), ErrorCode::kBadRequest, "json_too_deep");
  // Brackets in a string (with escaped quotes) are text, not nesting.
  EXPECT_TRUE(
      ParseJsonBounded("[\"" + std::string(100, '[') + "\\\"" + std::string(100, '{') + "\"]", lim).ok());
}

TEST(ParseJsonBounded, RefusesTooManyValues) {
  JsonLimits lim;
  lim.max_elements = 1000;
  std::string ok = "[0";
  for (int i = 1; i < 999; ++i) ok += ",0";
  ok += "]";  // 1 array + 999 numbers = 1000 values
  EXPECT_TRUE(ParseJsonBounded(ok, lim).ok());
  std::string big = "[0";
  for (int i = 1; i < 100'000; ++i) big += ",0";
  big += "]";
  ExpectRefused(ParseJsonBounded(big, lim), ErrorCode::kBadRequest, "json_too_many");
  // The default counts a 1 MB body of empty arrays as too many.
  std::string empties = "[[]";
  while (empties.size() < 900'000) empties += ",[]";
  empties += "]";
  ExpectRefused(ParseJsonBounded(empties), ErrorCode::kBadRequest, "json_too_many");
}

TEST(ParseJsonBounded, RefusesLongStringsAndLargeText) {
  JsonLimits lim;
  lim.max_string = 100;
  EXPECT_TRUE(ParseJsonBounded("\"" + std::string(100, 'x') + "\"", lim).ok());
  ExpectRefused(ParseJsonBounded("\"" + std::string(101, 'x') + "\"", lim), ErrorCode::kBadRequest,
                "json_string_too_long");
  ExpectRefused(ParseJsonBounded(R"({")" + std::string(200, 'k') + R"(": 1})", lim), ErrorCode::kBadRequest,
                "json_string_too_long");  // keys too
  lim.max_bytes = 10;
  ExpectRefused(ParseJsonBounded(R"({"a":"0123456789"})", lim), ErrorCode::kPayloadTooLarge,
                "json_too_large");
}

TEST(ParseJsonBounded, MalformedIsA400NamingTheBody) {
  ExpectRefused(ParseJsonBounded("{nope"), ErrorCode::kBadRequest, "bad_json");
  ExpectRefused(ParseJsonBounded(""), ErrorCode::kBadRequest, "bad_json");
  ExpectRefused(ParseJsonBounded("[1,2"), ErrorCode::kBadRequest, "bad_json");
  // A number beyond a double (found by params_fuzz: nlohmann throws out_of_range, not
  // parse_error, and it answered 500 before any permission check).
  ExpectRefused(ParseJsonBounded(R"({"version":6e9999})"), ErrorCode::kBadRequest, "bad_json");
}

TEST(ParseStoredJson, ReadsWhatTheProductWroteAndThrowsOnGarbage) {
  EXPECT_EQ(ParseStoredJson(R"({"a":[1,2]})")["a"][1], 2);
  EXPECT_THROW(ParseStoredJson("{"), std::runtime_error);
  EXPECT_THROW(ParseStoredJson(Nested(10'000)), std::runtime_error);
}

TEST(BoundedDump, RendersAtMostTheLimitWhateverTheValue) {
  EXPECT_EQ(BoundedDump(nlohmann::json::parse(R"({"a":[1,"x",null]})")), R"({"a":[1,"x",null]})");
  EXPECT_EQ(BoundedDump(nlohmann::json::array()), "[]");
  EXPECT_EQ(BoundedDump(nlohmann::json("abc"), 3), "\"ab…");
  // A value nested 100,000 deep (built without the parser) renders in constant stack.
  nlohmann::json deep = 1;
  for (int i = 0; i < 100'000; ++i) {
    nlohmann::json outer = nlohmann::json::array();
    outer.push_back(std::move(deep));
    deep = std::move(outer);
  }
  const std::string shown = BoundedDump(deep, 40);
  EXPECT_EQ(shown, std::string(40, '[') + "…");
  // A huge string costs what shows.
  const std::string s = BoundedDump(nlohmann::json(std::string(10'000'000, 'x')), 20);
  EXPECT_EQ(s, "\"" + std::string(19, 'x') + "…");
  // Never half a character.
  const std::string zh = BoundedDump(nlohmann::json("攻坚攻坚攻坚"), 5);  // "攻 is 4 bytes
  EXPECT_EQ(zh, "\"攻…");
}

TEST(ShownValue, NeverTheWholeValue) {
  nlohmann::json big = nlohmann::json::array();
  for (int i = 0; i < 100'000; ++i) big.push_back(i);
  EXPECT_LE(ShownValue(big).size(), 80u + std::string("…").size());
  EXPECT_EQ(ShownValue(nlohmann::json("plain")), "plain");
  EXPECT_EQ(ShownValue(nlohmann::json(std::string(200, 'y'))), std::string(80, 'y') + "…");
}

TEST(MoneyBound, EveryReaderRefusesAmountsBeyondIt) {
  EXPECT_EQ(kMaxAmountYuan, 1'000'000'000'000);
  EXPECT_EQ(ParseWanToYuan("100000000"), kMaxAmountYuan);  // 1 亿万元
  EXPECT_FALSE(ParseWanToYuan("100000000.0001"));
  EXPECT_FALSE(ParseWanToYuan("922337203685477"));
  EXPECT_TRUE(WanDoubleToYuan(1e8));
  EXPECT_FALSE(WanDoubleToYuan(1.0001e8));
  Problems pr;
  EXPECT_TRUE(CheckAmount(pr, "a", kMaxAmountYuan));
  EXPECT_FALSE(CheckAmount(pr, "b", kMaxAmountYuan + 1));
  EXPECT_FALSE(CheckAmount(pr, "c", -1));
  EXPECT_TRUE(CheckAmount(pr, "d", -5, /*may_be_negative=*/true));
  EXPECT_FALSE(CheckAmount(pr, "e", INT64_MIN, true));
  ASSERT_EQ(pr.size(), 3u);
  // The plausibility rule's own words: one bound, one rule, wherever an amount is refused.
  EXPECT_EQ(RuleOfReason(pr.details()[0].reason)->rule, "plausible.amount_above_bound");
  EXPECT_EQ(RuleOfReason(pr.details()[0].reason)->params.at("max_yuan"), "1000000000000");
  EXPECT_EQ(RuleOfReason(pr.details()[1].reason)->rule, "negative");
}

TEST(MoneyBound, AmountFromJson) {
  Problems pr;
  EXPECT_EQ(AmountFromJson(nlohmann::json(5), "a", pr), 5);
  EXPECT_EQ(AmountFromJson(nlohmann::json(5.0), "a", pr), 5);
  EXPECT_FALSE(AmountFromJson(nlohmann::json(INT64_MAX), "big", pr));
  EXPECT_FALSE(AmountFromJson(nlohmann::json(UINT64_MAX), "bigger", pr));
  EXPECT_FALSE(AmountFromJson(nlohmann::json(1e300), "huge", pr));
  EXPECT_FALSE(AmountFromJson(nlohmann::json("5"), "text", pr));
  ASSERT_EQ(pr.size(), 4u);
  EXPECT_EQ(pr.details()[0].field, "big");
  EXPECT_EQ(RuleOfReason(pr.details()[0].reason)->rule, "plausible.amount_above_bound");
  EXPECT_EQ(RuleOfReason(pr.details()[3].reason)->rule, "not_amount");
}

TEST(MoneyBound, SumsNeverOverflow) {
  EXPECT_EQ(AddYuan(1, 2), 3);
  EXPECT_EQ(AddYuan(INT64_MAX, 1), INT64_MAX);
  EXPECT_EQ(AddYuan(INT64_MIN, -1), INT64_MIN);
  EXPECT_EQ(ClampYuan(INT64_MAX), kMaxAmountYuan);
  EXPECT_EQ(ClampYuan(INT64_MIN), -kMaxAmountYuan);
  // 9,000,000 amounts at the bound fit int64.
  EXPECT_LT(static_cast<__int128>(kMaxAmountYuan) * 9'000'000, static_cast<__int128>(INT64_MAX));
}

}  // namespace
}  // namespace gj

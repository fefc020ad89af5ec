// Issue 14 item 2: one validation answer lists at most kMaxErrorDetails details and then says how
// many more there were; a date inside a body lies between 1949-10-01 and 2100-12-31, else a 400
// naming the field (every reader of body dates: JsonFields, the supervision bodies, a project's patch).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/router.h"
#include "common/json_field.h"
#include "domain/ledger/project.h"
#include "service/supervision/supervision_support.h"

namespace gj::testing {
namespace {

using nlohmann::json;

TEST(ErrorAnswer, ListsTheFirstDetailsAndCountsTheRest) {
  Problems pr;
  for (int i = 0; i < 1000; ++i) pr.Add("f" + std::to_string(i), "x", "required");
  api::http::Response res;
  api::SendError(res, pr.ToError());
  const auto body = json::parse(res.body);
  const auto& details = body["error"]["details"];
  ASSERT_EQ(details.size(), api::kMaxErrorDetails + 1);
  EXPECT_EQ(details[0]["field"], "f0");
  EXPECT_EQ(details[api::kMaxErrorDetails - 1]["field"], "f" + std::to_string(api::kMaxErrorDetails - 1));
  EXPECT_EQ(details.back()["value"], std::to_string(1000 - api::kMaxErrorDetails));
  EXPECT_NE(details.back()["reason"].get<std::string>().find("800 more"), std::string::npos);
}

TEST(ErrorAnswer, AFewDetailsAreListedWhole) {
  Problems pr;
  for (int i = 0; i < 3; ++i) pr.Add("f" + std::to_string(i), "x", "required");
  api::http::Response res;
  api::SendError(res, pr.ToError());
  EXPECT_EQ(json::parse(res.body)["error"]["details"].size(), 3u);
}

TEST(BodyDates, OutsideTheWindowAreAProblemNamingTheField) {
  const json body = {{"a", "1949-10-01"},
                     {"b", "2100-12-31"},
                     {"c", "1949-09-30"},
                     {"d", "2101-01-01"},
                     {"e", "0001-01-01"}};
  Problems pr;
  JsonFields f(body, pr);
  EXPECT_EQ(f.DateField("a"), (Date{1949, 10, 1}));
  EXPECT_EQ(f.DateField("b"), (Date{2100, 12, 31}));
  EXPECT_FALSE(f.DateField("c"));
  EXPECT_FALSE(f.DateField("d"));
  EXPECT_FALSE(f.DateField("e"));
  ASSERT_EQ(pr.size(), 3u);
  EXPECT_EQ(pr.details()[0].field, "c");
  EXPECT_EQ(pr.details()[0].reason, "must be a date from 1949-10-01 to 2100-12-31");
  EXPECT_EQ(pr.ToError().code, ErrorCode::kInvalid);

  Problems sv;
  EXPECT_FALSE(service::supervision_support::DateField(json{{"deadline", "2999-01-01"}}, "deadline", sv));
  ASSERT_EQ(sv.size(), 1u);
  EXPECT_EQ(sv.details()[0].field, "deadline");
  EXPECT_TRUE(service::supervision_support::DateField(json{{"deadline", "1990-05-01"}}, "deadline", sv));
  EXPECT_EQ(sv.size(), 1u);
}

TEST(BodyDates, AProjectMayStartBefore2000ButNotBefore1949) {
  ledger::Project p;
  EXPECT_TRUE(ledger::ApplyPatch(p, json{{"planned_start", "1995-03-01"}}));
  EXPECT_EQ(p.planned_start, (Date{1995, 3, 1}));
  auto st = ledger::ApplyPatch(p, json{{"actual_start", "1900-01-01"}});
  ASSERT_FALSE(st);
  ASSERT_FALSE(st.error().details.empty());
  EXPECT_EQ(st.error().details[0].field, "actual_start");
}

}  // namespace
}  // namespace gj::testing

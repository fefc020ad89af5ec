// The API form of supervision results: what is null, what is absent, what is an empty object.
#include <gtest/gtest.h>

#include "api/json/supervision_json.h"

namespace gj::testing {
namespace {

using nlohmann::json;

TEST(SupervisionJsonTest, AProblemInAListHasNoActionsAndNullsForWhatIsNotSet) {
  service::ProblemView v;
  v.row.fact.id = 3;
  v.row.fact.status = "raised";
  v.row.fact.raised_on = Date{2026, 6, 1};
  json j = v;
  EXPECT_FALSE(j.contains("actions"));
  EXPECT_TRUE(j["town_code"].is_null());
  EXPECT_TRUE(j["unit_id"].is_null());
  EXPECT_TRUE(j["deadline"].is_null());
  EXPECT_TRUE(j["escalation"].is_null());
  EXPECT_EQ(j["raised_on"], "2026-06-01");
  v.actions = std::vector<std::string>{"assign"};
  v.escalation = supervision::EscalationStep{7, "unit_head", "责任单位主要领导"};
  j = v;
  EXPECT_EQ(j["actions"], json::array({"assign"}));
  EXPECT_EQ(j["escalation"],
            (json{{"after_days", 7}, {"level", "unit_head"}, {"label_zh", "责任单位主要领导"}}));
  service::ProblemDetail d{v, {}, {}};
  j = d;
  EXPECT_EQ(j["steps"], json::array());
  EXPECT_EQ(j["attachments"], json::array());
  EXPECT_EQ(j["id"], 3);
}

TEST(SupervisionJsonTest, AProcedureNotRecordedHasANullIdAndAnEmptyMapHasNoTowns) {
  service::ProcedureList list;
  list.items.resize(1);
  list.items[0].kind.kind.code = "eia";
  json j = json(list)["items"][0];
  EXPECT_TRUE(j["id"].is_null());
  EXPECT_EQ(j["kind"], "eia");
  EXPECT_TRUE(j["duration_days"].is_null());
  EXPECT_EQ(j["guide"]["phone"], "");
  json m = service::ProjectMap{};
  EXPECT_EQ(m["towns"], json::object());
  EXPECT_EQ(m["items"], json::array());
}

TEST(SupervisionJsonTest, ALoggedVisitAndTheResponsibilityListsVisits) {
  store::VisitRow v;
  v.id = 1;
  v.project_id = 2;
  v.person_id = 3;
  v.visit_date = Date{2026, 6, 1};
  v.person_name = "张明远";
  json logged = v;
  EXPECT_EQ(logged["project_id"], 2);
  EXPECT_FALSE(logged.contains("person_name"));
  json list = service::ResponsibilityList{2, {}, std::nullopt, "", "", {v}};
  EXPECT_FALSE(list["visits"][0].contains("project_id"));
  EXPECT_EQ(list["visits"][0]["person_name"], "张明远");
  EXPECT_TRUE(list["unit_name"].is_null());
}

}  // namespace
}  // namespace gj::testing

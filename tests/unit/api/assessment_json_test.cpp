// The JSON of the assessment results: what each key holds, scores to six decimals, a judge's own
// submissions only for a judge, withheld scores as null, a run's entries as the run keeps them.
#include "api/json/assessment_json.h"

#include <gtest/gtest.h>

namespace gj::testing {
namespace {

using nlohmann::json;

service::ObservationView EventView(bool judge) {
  service::ObservationView v;
  v.record.id = 7;
  v.record.name = "观摩";
  v.record.state = "open";
  v.record.version = 3;
  v.region_name = "聊城市";
  v.setup.groups = {"县市区组"};
  v.setup.criteria = {{"投资规模", 30}};
  v.setup.judges = {"judge1"};
  v.setup.nominations = {{"县市区组", "371524", "东阿县", 12, "DE-1", "项目"}};
  v.is_judge = judge;
  v.progress = {{"judge1", "评委", 1, 2}};
  v.my_sheets = {{{"judge1", "县市区组", "东阿县", "12", 85.12345678},
                  {{"投资规模", 85.12345678}},
                  {{"投资规模", 25.537037034}}}};
  return v;
}

TEST(AssessmentJson, AnEventMergesItsSetUpAndShowsSubmissionsOnlyToItsJudge) {
  const json j = EventView(false);
  EXPECT_EQ(j["id"], 7);
  EXPECT_EQ(j["publication"], nullptr);
  EXPECT_EQ(j["groups"], json({"县市区组"}));
  EXPECT_EQ(j["nominations"][0]["project_id"], 12);
  EXPECT_EQ(j["nominations"][0]["county_name"], "东阿县");
  EXPECT_EQ(j["progress"][0], json::parse(R"({"judge":"judge1","name":"评委","submitted":1,"expected":2})"));
  EXPECT_FALSE(j.contains("my_sheets"));
  EXPECT_FALSE(j.contains("my_ballots"));
  const json mine = EventView(true);
  EXPECT_EQ(mine["my_ballots"], json::array());
  EXPECT_EQ(mine["my_sheets"][0]["project_id"], 12);                         // the nomination's id, a number
  EXPECT_DOUBLE_EQ(mine["my_sheets"][0]["total"].get<double>(), 85.123457);  // six decimals
  EXPECT_DOUBLE_EQ(mine["my_sheets"][0]["ratings"]["投资规模"].get<double>(), 85.123457);
  // The same marks out of the criterion's weight (the judge's page works in points).
  EXPECT_DOUBLE_EQ(mine["my_sheets"][0]["points"]["投资规模"].get<double>(), 25.537037);
}

TEST(AssessmentJson, WithheldScoresAreNull) {
  service::ObservationResults r;
  r.id = 7;
  r.mode = "sheet";
  r.groups = {{"县市区组", {{"冠县", 1, std::nullopt}, {"东阿县", 2, 84.3333333333}}}};
  const json j = r;
  EXPECT_EQ(j["groups"][0]["items"][0]["score"], nullptr);
  EXPECT_DOUBLE_EQ(j["groups"][0]["items"][1]["score"].get<double>(), 84.333333);
  EXPECT_EQ(j["projects"], json::array());
  EXPECT_EQ(j["publication"], nullptr);
}

TEST(AssessmentJson, ASchemeAndARunWithTheirDetails) {
  service::RankingSchemeDetail s;
  s.scheme.record.id = 2;
  s.scheme.metrics = {{"review", "manual", "综合评议", "ratio", 30, 100, 1, 3, "manual"}};
  s.can_manage = true;
  s.subjects = {{"刘集镇", 0}};
  const json sj = s;
  EXPECT_EQ(sj["id"], 2);
  EXPECT_EQ(sj["metrics"][0]["source"], "manual");
  EXPECT_EQ(sj["warning"], json::parse(R"({"yellow_below":0.6,"red_after":2})"));
  EXPECT_EQ(sj["subjects"], json::parse(R"([{"name":"刘集镇","projects":0}])"));
  EXPECT_EQ(sj["can_manage"], true);

  service::RankingRunDetail r;
  r.run.record.id = 5;
  r.run.scheme_name = "月度评比";
  assessment::RunEntry e;
  e.subject = "铜城街道";
  e.score = 55;
  e.rank = 1;
  e.movement = assessment::Movement::kUp;
  e.places_moved = 1;
  e.light = assessment::Light::kRed;
  r.run.entries = {e};
  r.run.figures["铜城街道"]["review"] = 55;
  const json rj = r;
  EXPECT_EQ(rj["published_at"], nullptr);
  EXPECT_EQ(rj["entries"][0]["movement_label"], "↑1");
  EXPECT_EQ(rj["entries"][0]["light"], "red");
  EXPECT_EQ(rj["figures"]["铜城街道"]["review"], 55.0);
  EXPECT_EQ(rj["scheme"]["metrics"], json::array());
  EXPECT_EQ(rj["metrics"], json::array());
}

}  // namespace
}  // namespace gj::testing

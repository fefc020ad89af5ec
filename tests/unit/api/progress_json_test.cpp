// The wire form of the progress table's and the lights' results (api/json/progress_json): the
// keys, nulls and nesting the web app reads, from typed results built by hand.
#include "api/json/progress_json.h"

#include <gtest/gtest.h>

namespace gj::testing {
namespace {

TEST(ProgressJson, AReportCarriesItsContentPhotosAndProject) {
  service::ReportView v;
  v.report.id = 7;
  v.report.project_id = 3;
  v.report.period = "2026-W25";
  v.report.due = Date{2026, 6, 23};
  v.report.content.by_source[4] = 1000000;  // bank_loan
  v.report.content.workers = 85;
  v.report.reviewed_at = "";
  v.photos.push_back({11, "site.png", "image/png", 108});
  v.project = {"DE-1", "东阿项目", "", "铜城街道", std::nullopt};
  const nlohmann::json j = v;
  EXPECT_EQ(j["id"], 7);
  EXPECT_EQ(j["due_date"], "2026-06-23");
  EXPECT_EQ(j["by_source"]["bank_loan"], 1000000);
  EXPECT_EQ(j["workers"], 85);
  EXPECT_TRUE(j["submitted_by"].is_null());
  EXPECT_TRUE(j["reviewed_at"].is_null());  // "" → null
  EXPECT_TRUE(j["annual_plan"].is_null());
  EXPECT_EQ(j["project_code"], "DE-1");
  EXPECT_EQ(j["photos"][0]["url"], "/api/v1/report-photos/11");
}

TEST(ProgressJson, TasksNameTheirRegionOnlyWhenOneCallCoveredSeveral) {
  service::GeneratedTasks one{"2026-W25", Date{2026, 6, 23}, 2, 5, "", ""};
  const nlohmann::json j = one;
  EXPECT_EQ(j, (nlohmann::json{
                   {"period", "2026-W25"}, {"due_date", "2026-06-23"}, {"created", 2}, {"projects", 5}}));
  one.region = "371524";
  one.region_name = "东阿县";
  const nlohmann::json all = service::RunningTasks{{one}};
  EXPECT_EQ(all["items"][0]["region_name"], "东阿县");
}

TEST(ProgressJson, MissingReportsWithoutAUnitHaveANullUnitId) {
  service::MissingReportList m{Date{2026, 6, 24}, {}};
  m.units.push_back({std::nullopt,
                     "（未定责任单位）",
                     1,
                     0,
                     {{5, 3, "DE-1", "东阿项目", "2026-W25", Date{2026, 6, 23}, "missing", "pending"}}});
  const nlohmann::json j = m;
  EXPECT_EQ(j["as_of"], "2026-06-24");
  EXPECT_TRUE(j["units"][0]["unit_id"].is_null());
  EXPECT_EQ(j["units"][0]["items"][0]["due_date"], "2026-06-23");
  EXPECT_EQ(j["units"][0]["items"][0]["kind"], "missing");
}

TEST(ProgressJson, TheDashboardCountsByLightTownAndRule) {
  service::LightDashboard d{
      Date{2026, 6, 15}, "371524", "default", {3, 2, 1}, 6, {{"371524001", "铜城街道", {1, 1, 0}}}, {}};
  d.by_rule["start"] = {0, 1, 1};
  const nlohmann::json j = d;
  EXPECT_EQ(j["counts"], (nlohmann::json{{"green", 3}, {"yellow", 2}, {"red", 1}}));
  EXPECT_EQ(j["total"], 6);
  EXPECT_EQ(
      j["by_town"][0],
      (nlohmann::json{{"code", "371524001"}, {"name", "铜城街道"}, {"green", 1}, {"yellow", 1}, {"red", 0}}));
  EXPECT_EQ(j["by_rule"]["start"], (nlohmann::json{{"yellow", 1}, {"red", 1}}));
}

TEST(ProgressJson, ASnapshotServesTheReasonsAsKept) {
  service::LightSnapshot s{
      "371524",
      "2026-W24",
      "2026-06-14",
      {{3, "DE-1", "东阿项目", "red", R"([{"rule":"start","light":"red","text":"x"}])"}}};
  const nlohmann::json j = s;
  EXPECT_EQ(j["items"][0]["reasons"][0]["rule"], "start");
  EXPECT_EQ(j["as_of"], "2026-06-14");
}

}  // namespace
}  // namespace gj::testing

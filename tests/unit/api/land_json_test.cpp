// The JSON of the land-efficiency endpoints written from LandService's typed results: what is null,
// what is absent, and money as text with two decimals (the web app and the API tests rely on it).
#include "api/json/land_json.h"

#include <gtest/gtest.h>

namespace gj::service {
namespace {

using nlohmann::json;

TEST(LandJson, ImportReportCountsOnlyWithoutProblems) {
  LandImportReport dry{true,         "371524",    2025, 3, {{"land_mu", "0", "must be > 0", 4, {}}},
                       std::nullopt, std::nullopt};
  const json j = dry;
  EXPECT_EQ(
      j["problems"],
      json::parse(
          R"([{"row":4,"column":"land_mu","value":"0","reason":"must be > 0","rule":"not_positive","params":{}}])"));
  EXPECT_FALSE(j.contains("created"));
  dry.problems.clear();
  dry.created = 2;
  dry.updated = 1;
  EXPECT_EQ(json(dry)["created"], 2);
  EXPECT_EQ(json(dry)["updated"], 1);
}

TEST(LandJson, RunDatesAreNullUntilSetAndTheAppealWindowOnlyWhenPublished) {
  LandRun run;
  run.row.id = 7;
  run.row.state = "computed";
  run.actions = {"preliminary"};
  json j = run;
  EXPECT_TRUE(j["published_on"].is_null());
  EXPECT_TRUE(j["finalized_on"].is_null());
  EXPECT_FALSE(j.contains("appeal_until"));
  EXPECT_EQ(j["actions"], json::array({"preliminary"}));
  run.row.published_on = "2026-06-15";
  run.appeal_until = "2026-06-19";
  j = run;
  EXPECT_EQ(j["published_on"], "2026-06-15");
  EXPECT_EQ(j["appeal_until"], "2026-06-19");
}

TEST(LandJson, PolicyLedgerMoneyIsTextWithTwoDecimals) {
  LandPolicyLedger ledger{
      3, true, {{"c1", "E1", "C", 617285, 0, -50, -0.5}, {"c2", "E2", "A", std::nullopt, 20, 500, 5}}};
  const json j = ledger;
  EXPECT_EQ(j["run_id"], 3);
  EXPECT_EQ(j["items"][0]["surcharge_yuan"], "6172.85");
  EXPECT_TRUE(j["items"][1]["surcharge_yuan"].is_null());
  EXPECT_EQ(j["items"][1]["class"], "A");
}

TEST(LandJson, DataRowHasNoCountyButItsCountyCode) {
  LandData d;
  d.row.county_code = "371524";
  d.row.e.county = "371524";
  d.row.e.value_added = std::nullopt;
  d.row.e.energy_tce = 12.5;
  const json j = d;
  EXPECT_FALSE(j.contains("county"));
  EXPECT_EQ(j["county_code"], "371524");
  EXPECT_TRUE(j["value_added"].is_null());
  EXPECT_EQ(j["energy_tce"], 12.5);
}

}  // namespace
}  // namespace gj::service

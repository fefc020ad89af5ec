#include "service/ledger/ledger_service.h"

#include <gtest/gtest.h>

#include "api/json/ledger_json.h"
#include "ledger_fixture.h"

namespace gj::testing {
namespace {

using LedgerServiceTest = LedgerFixture;

TEST_P(LedgerServiceTest, CreateWritesTheRowAndItsJournalEntry) {
  auto ctx = As("coordinator", "371524");
  auto r = ledger_->Create(ctx, NewProject("DE-1"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->project.version, 1);
  EXPECT_EQ(r->county_name, "东阿县");
  EXPECT_EQ(r->town_name, "铜城街道");
  EXPECT_EQ(r->leader_name, "张明远");
  EXPECT_EQ(JournalCount(), 1);
  auto j = ledger_->Journal(ctx, r->project.id);
  ASSERT_TRUE(j);
  EXPECT_EQ(j->items.at(0).action, "create");
}

TEST_P(LedgerServiceTest, InvalidInputChangesNothing) {
  auto ctx = As("coordinator", "371524");
  auto body = NewProject("DE-1");
  body["category"] = "factory";
  body["town_code"] = "371525";
  auto r = ledger_->Create(ctx, body);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().details.size(), 2u);
  EXPECT_EQ(JournalCount(), 0);
}

TEST_P(LedgerServiceTest, DuplicateCodeIsAConflict) {
  auto ctx = As("coordinator", "371524");
  ASSERT_TRUE(ledger_->Create(ctx, NewProject("DE-1")));
  auto r = ledger_->Create(ctx, NewProject("DE-1"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(JournalCount(), 1);
}

// The service names the version it found; the route adds the project as GET shows it.
TEST_P(LedgerServiceTest, StaleVersionIsRefusedWithTheCurrentVersion) {
  auto ctx = As("coordinator", "371524");
  const int64_t id = ledger_->Create(ctx, NewProject("DE-1"))->project.id;
  ASSERT_TRUE(ledger_->Update(ctx, id, {{"version", 1}, {"name", "第一次"}}));
  auto r = ledger_->Update(ctx, id, {{"version", 1}, {"name", "第二次"}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().extra["current_version"], 2);
  EXPECT_EQ(ledger_->Get(ctx, id)->project.name, "第一次");
}

TEST_P(LedgerServiceTest, UpdateJournalsEachChangedFieldOldToNew) {
  auto ctx = As("coordinator", "371524");
  const int64_t id = ledger_->Create(ctx, NewProject("DE-1"))->project.id;
  ASSERT_TRUE(ledger_->Update(ctx, id, {{"version", 1}, {"name", "新名"}, {"annual_plan", 300000000}}));
  auto j = ledger_->Journal(ctx, id).value();
  ASSERT_EQ(j.items.size(), 2u);
  const auto changes = nlohmann::json::parse(j.items[0].changes_json);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0]["field"], "name");
  EXPECT_EQ(changes[0]["old"], "阿胶生物科技产业园项目");
  EXPECT_EQ(changes[0]["new"], "新名");
  EXPECT_EQ(changes[1]["field"], "annual_plan");
  EXPECT_TRUE(changes[1]["old"].is_null());
  EXPECT_EQ(changes[1]["new"], 300000000);
}

TEST_P(LedgerServiceTest, OutsideTheScopeIsNotFoundAndLeadersCannotEdit) {
  const int64_t id = ledger_->Create(As("coordinator", "371524"), NewProject("DE-1"))->project.id;
  auto other = ledger_->Get(As("coordinator", "371525"), id);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(ledger_->Get(As("coordinator", "371500"), id));  // the city sees its counties
  auto leader = ledger_->Update(As("leader", "371524"), id, {{"version", 1}, {"name", "x"}});
  ASSERT_FALSE(leader);
  EXPECT_EQ(leader.error().code, ErrorCode::kForbidden);
}

TEST_P(LedgerServiceTest, UnitEditsOnlyProjectsItLeads) {
  const int64_t id = ledger_->Create(As("coordinator", "371524"), NewProject("DE-1"))->project.id;
  EXPECT_TRUE(ledger_->Update(As("unit", "371524", unit_a_), id, {{"version", 1}, {"name", "x"}}));
  auto r = ledger_->Update(As("unit", "371524", unit_b_), id, {{"version", 2}, {"name", "y"}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
  // Handing the project to another unit is outside its write scope.
  auto hand_over = ledger_->Update(As("unit", "371524", unit_a_), id, {{"version", 2}, {"unit_id", unit_b_}});
  ASSERT_FALSE(hand_over);
  EXPECT_EQ(hand_over.error().code, ErrorCode::kInvalid);
}

TEST_P(LedgerServiceTest, StageChangeFollowsTheRules) {
  auto ctx = As("coordinator", "371524");
  const int64_t id = ledger_->Create(ctx, NewProject("DE-1"))->project.id;
  auto no_date = ledger_->ChangeStage(ctx, id, {{"version", 1}, {"stage", "started"}});
  ASSERT_FALSE(no_date);
  EXPECT_EQ(no_date.error().details[0].field, "actual_start");
  auto skip = ledger_->ChangeStage(ctx, id,
                                   {{"version", 1},
                                    {"stage", "completed"},
                                    {"actual_start", "2026-03-01"},
                                    {"actual_completion", "2026-05-01"}});
  ASSERT_FALSE(skip);
  EXPECT_EQ(skip.error().code, ErrorCode::kConflict);
  auto ok =
      ledger_->ChangeStage(ctx, id, {{"version", 1}, {"stage", "started"}, {"actual_start", "2026-03-05"}});
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->project.stage, "started");
  EXPECT_EQ(ok->project.version, 2);
}

TEST_P(LedgerServiceTest, ArchiveHidesFromTheListButKeepsTheRow) {
  auto ctx = As("coordinator", "371524");
  const int64_t id = ledger_->Create(ctx, NewProject("DE-1"))->project.id;
  ASSERT_TRUE(ledger_->Create(ctx, NewProject("DE-2")));
  ASSERT_TRUE(ledger_->Archive(ctx, id, {{"version", 1}}));
  store::ProjectFilter f;
  EXPECT_EQ(ledger_->List(ctx, f)->total_count, 1);
  f.include_archived = true;
  EXPECT_EQ(ledger_->List(ctx, f)->total_count, 2);
  EXPECT_TRUE(ledger_->Get(ctx, id)->project.archived);
}

TEST_P(LedgerServiceTest, ListFiltersAndSearchesAcrossScripts) {
  auto ctx = As("coordinator", "371500");
  auto a = NewProject("DE-1");
  auto b = NewProject("GX-1");
  b["county_code"] = "371525";
  b.erase("town_code");
  b["name"] = "冠縣鋼板項目";
  b["builder"] = "冠县建设投资有限公司";
  b["category"] = "infrastructure";
  ASSERT_TRUE(ledger_->Create(ctx, a));
  ASSERT_TRUE(ledger_->Create(ctx, b));
  store::ProjectFilter f;
  f.q = "冠县钢板";  // simplified query, traditional name
  auto page = ledger_->List(ctx, f).value();
  ASSERT_EQ(page.total_count, 1);
  EXPECT_EQ(page.items[0].project.code, "GX-1");
  f.q = "東阿阿膠";  // traditional query, stored builder is traditional too; name is simplified
  EXPECT_EQ(ledger_->List(ctx, f)->total_count, 1);
  f.q = "阿胶股份";  // simplified query, traditional builder
  EXPECT_EQ(ledger_->List(ctx, f)->total_count, 1);
  store::ProjectFilter g;
  g.category = "infrastructure";
  EXPECT_EQ(ledger_->List(ctx, g)->total_count, 1);
  g = {};
  g.region = "371524";
  EXPECT_EQ(ledger_->List(ctx, g)->items.at(0).project.code, "DE-1");
  EXPECT_EQ(ledger_->List(As("viewer", "371525"), store::ProjectFilter{})->total_count, 1);
}

// The list endpoint's text: the same page as List, written from per-version texts; an edit
// shows at once (the edited project's version changes, so its kept text is not used).
TEST_P(LedgerServiceTest, ListPageIsTheListPageAndFollowsEdits) {
  auto ctx = As("coordinator", "371524");
  std::vector<int64_t> ids;
  for (int i = 1; i <= 5; ++i) {
    auto body = NewProject("DE-" + std::to_string(i));
    body["total_investment"] = int64_t{100000000} * (i % 3 + 1);  // DE-1..5: 2, 3, 1, 2, 3 (× 10⁸)
    if (i == 4) body.erase("town_code");
    ids.push_back(ledger_->Create(ctx, body)->project.id);
  }
  store::ProjectFilter f;
  f.sort = "total_investment";
  f.descending = true;
  f.offset = 1;
  f.limit = 3;
  auto page_json = [&](const service::Ctx& c) {
    return nlohmann::json::parse(api::ProjectListPageJson(ledger_->ListPage(c, f).value()));
  };
  auto expected = [&] {
    auto page = ledger_->List(ctx, f).value();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& row : page.items) items.push_back(row);
    return nlohmann::json{{"items", items},
                          {"total_count", page.total_count},
                          {"offset", f.offset},
                          {"limit", f.limit},
                          {"year", 2026}};  // the list's year: the current list year on 2026-06-15
  };
  auto first = page_json(ctx);
  EXPECT_EQ(first, expected());
  // By investment descending, then id: DE-2, DE-5, DE-1, DE-4, DE-3; offset 1 → DE-5, DE-1, DE-4.
  ASSERT_EQ(first["items"].size(), 3u);
  EXPECT_EQ(first["items"][0]["code"], "DE-5");
  EXPECT_EQ(first["items"][2]["code"], "DE-4");
  EXPECT_TRUE(first["items"][2]["town_name"].is_null());
  EXPECT_EQ(first["total_count"], 5);

  ASSERT_TRUE(ledger_->Update(ctx, ids[0], {{"version", 1}, {"name", "改过的名字"}}));
  auto second = page_json(ctx);
  EXPECT_EQ(second, expected());
  EXPECT_EQ(second["items"][1]["name"], "改过的名字");
  EXPECT_EQ(second["items"][1]["version"], 2);
  // Archiving DE-5 changes which ids the filter selects: the page moves up by one.
  ASSERT_TRUE(ledger_->Archive(ctx, ids[4], {{"version", 1}}));
  auto third = page_json(ctx);
  EXPECT_EQ(third, expected());
  EXPECT_EQ(third["total_count"], 4);
  EXPECT_EQ(third["items"][0]["code"], "DE-1");
  EXPECT_EQ(third["items"][2]["code"], "DE-3");

  f = {};
  f.stage = "signed";
  f.category = "industrial";
  auto filtered = page_json(ctx);
  EXPECT_EQ(filtered, expected());
  EXPECT_EQ(filtered["total_count"], 4);
  EXPECT_EQ(page_json(As("viewer", "371525"))["items"].size(), 0u);
}

TEST_P(LedgerServiceTest, OverviewSumsByStageAndTown) {
  auto ctx = As("coordinator", "371524");
  ASSERT_TRUE(ledger_->Create(ctx, NewProject("DE-1")));
  auto b = NewProject("DE-2");
  b["total_investment"] = 300000000;
  ASSERT_TRUE(ledger_->Create(ctx, b));
  auto o = ledger_->Overview(ctx, "371524").value();
  EXPECT_EQ(o.project_count, 2);
  EXPECT_EQ(o.total_investment, 1500000000);
  EXPECT_EQ(o.by_stage.at(0).figures.key, "signed");
  EXPECT_EQ(o.by_town.at(0).label_zh, "铜城街道");
}

INSTANTIATE_TEST_SUITE_P(Engines, LedgerServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

// Observation events through the service, on SQLite and PostgreSQL. Expected figures are
// computed by hand in the comments.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "assessment_fixture.h"

namespace gj::testing {
namespace {

class AssessmentServiceTest : public AssessmentFixture {};

TEST_P(AssessmentServiceTest, ScoreSheetsTrimmedFrozenAfterClosePublishedRankOnly) {
  const int64_t a = Project("DE-1", "371524"), b = Project("GX-1", "371525");
  const auto boss = As("coordinator", "371500");
  auto ev = observations_->Create(boss, NewEvent("sheet", {{{"group", "县市区组"}, {"project_id", a}},
                                                           {{"group", "县市区组"}, {"project_id", b}}}));
  ASSERT_TRUE(ev.ok()) << ev.error().message;
  const int64_t id = ev->record.id;
  EXPECT_EQ(ev->record.state, "draft");
  // Submitting before the event opens is refused.
  EXPECT_EQ(observations_->SubmitSheet(Judge("judge1"), id, {{"project_id", a}, {"ratings", Flat(80)}})
                .error()
                .code,
            ErrorCode::kConflict);
  ASSERT_TRUE(observations_->Transition(boss, id, "open", {{"version", 1}}).ok());
  // A stale version is refused.
  EXPECT_EQ(observations_->Transition(boss, id, "close", {{"version", 1}}).error().code,
            ErrorCode::kConflict);

  // A: 80, 90, 85 (judge3 first gave 50, then replaced it) → drop 90 and 80 → 85.
  // B: 70, 95, 88 → drop 95 and 70 → 88.
  const std::vector<std::tuple<std::string, int64_t, double>> sheets = {
      {"judge1", a, 80}, {"judge2", a, 90}, {"judge3", a, 50}, {"judge3", a, 85},
      {"judge1", b, 70}, {"judge2", b, 95}, {"judge3", b, 88}};
  for (const auto& [judge, project, v] : sheets) {
    auto r = observations_->SubmitSheet(Judge(judge), id, {{"project_id", project}, {"ratings", Flat(v)}});
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  // Not a judge of the event; not a nominated project.
  const auto outsider = Judge("someone");
  EXPECT_EQ(observations_->SubmitSheet(outsider, id, {{"project_id", a}, {"ratings", Flat(80)}}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(observations_->SubmitSheet(Judge("judge1"), id, {{"project_id", 999}, {"ratings", Flat(80)}})
                .error()
                .code,
            ErrorCode::kNotFound);
  EXPECT_EQ(
      observations_->SubmitSheet(As("coordinator", "371500"), id, {{"project_id", a}, {"ratings", Flat(80)}})
          .error()
          .code,
      ErrorCode::kForbidden);

  // Before close a judge sees their own sheets only, and no results.
  auto mine = observations_->Get(Judge("judge3"), id);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->my_sheets.size(), 2u);
  for (const auto& s : mine->my_sheets)
    EXPECT_TRUE(std::abs(s.entry.score - 85.0) < 1e-9 || std::abs(s.entry.score - 88.0) < 1e-9)
        << s.entry.score;
  EXPECT_EQ(mine->progress[2].submitted, 2);
  EXPECT_EQ(observations_->Results(Judge("judge1"), id).error().code, ErrorCode::kConflict);

  ASSERT_TRUE(observations_->Transition(boss, id, "close", {{"version", 2}}).ok());
  auto late = observations_->SubmitSheet(Judge("judge1"), id, {{"project_id", a}, {"ratings", Flat(100)}});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
  EXPECT_NE(late.error().message.find("closed"), std::string::npos) << late.error().message;

  auto res = observations_->Results(Judge("judge2"), id);
  ASSERT_TRUE(res.ok()) << res.error().message;
  const auto& items = res->groups[0].items;
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].county, "冠县");
  EXPECT_NEAR(*items[0].score, 88.0, 1e-9);
  EXPECT_EQ(items[0].rank, 1);
  EXPECT_EQ(items[1].county, "东阿县");
  EXPECT_NEAR(*items[1].score, 85.0, 1e-9);
  EXPECT_EQ(items[1].rank, 2);

  // A viewer sees nothing before publication, then ranks without scores.
  EXPECT_EQ(observations_->Results(As("viewer", "371524"), id).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(
      observations_->Transition(boss, id, "publish", {{"version", 3}, {"publication", "rank_only"}}).ok());
  auto pub = observations_->Results(As("viewer", "371524"), id);
  ASSERT_TRUE(pub.ok());
  EXPECT_EQ(pub->groups[0].items[0].rank, 1);
  EXPECT_FALSE(pub->groups[0].items[0].score.has_value());
  EXPECT_TRUE(pub->projects.empty());
  // Published: no second publication, no submissions.
  EXPECT_EQ(observations_->Transition(boss, id, "publish", {{"version", 4}, {"publication", "with_scores"}})
                .error()
                .code,
            ErrorCode::kConflict);

  auto c = tdb_->db().Acquire();
  // create, open, 7 submissions, close, publish.
  EXPECT_EQ(
      store::AsInt(c->Query("SELECT COUNT(*) FROM journal WHERE entity = 'observation_event'").rows[0][0]),
      11);
  EXPECT_EQ(store::AsInt(c->Query("SELECT COUNT(*) FROM observation_submissions").rows[0][0]), 6);
}

TEST_P(AssessmentServiceTest, BallotsWithTiesAndScope) {
  const int64_t a = Project("DE-1", "371524"), b = Project("GX-1", "371525"), g = Project("GT-1", "371526");
  const auto boss = As("coordinator", "371500");
  json nominations = json::array();
  for (int64_t p : {a, b, g}) nominations.push_back({{"group", "县市区组"}, {"project_id", p}});
  json body = NewEvent("ballot", nominations);
  body["judges"] = {"judge1", "judge2"};
  auto ev = observations_->Create(boss, body);
  ASSERT_TRUE(ev.ok()) << ev.error().message;
  const int64_t id = ev->record.id;
  // A county coordinator neither manages the city's event nor may create one there.
  EXPECT_EQ(observations_->Transition(As("coordinator", "371524"), id, "open", {{"version", 1}}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(observations_->Create(As("coordinator", "371524"), body).error().code, ErrorCode::kInvalid);
  ASSERT_TRUE(observations_->Transition(boss, id, "open", {{"version", 1}}).ok());
  auto ballot = [&](const char* judge, const char* first, const char* second, const char* third) {
    return observations_->SubmitBallot(Judge(judge), id,
                                       {{"group", "县市区组"},
                                        {"places",
                                         {{{"county", first}, {"rank", 1}},
                                          {{"county", second}, {"rank", 2}},
                                          {{"county", third}, {"rank", 3}}}}});
  };
  // A ballot must rank every county of the group.
  EXPECT_FALSE(observations_
                   ->SubmitBallot(Judge("judge1"), id,
                                  {{"group", "县市区组"}, {"places", {{{"county", "东阿县"}, {"rank", 1}}}}})
                   .ok());
  ASSERT_TRUE(ballot("judge1", "东阿县", "冠县", "高唐县").ok());
  ASSERT_TRUE(ballot("judge2", "冠县", "东阿县", "高唐县").ok());
  ASSERT_TRUE(observations_->Transition(boss, id, "close", {{"version", 2}}).ok());
  // 东阿 (100 + 97) / 2 = 98.5, 冠县 (97 + 100) / 2 = 98.5, 高唐 (94 + 94) / 2 = 94 → 1, 1, 3.
  auto res = observations_->Results(boss, id);
  ASSERT_TRUE(res.ok()) << res.error().message;
  const auto& items = res->groups[0].items;
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].county, "东阿县");
  EXPECT_DOUBLE_EQ(*items[0].score, 98.5);
  EXPECT_EQ(items[0].rank, 1);
  EXPECT_EQ(items[1].county, "冠县");
  EXPECT_EQ(items[1].rank, 1);
  EXPECT_DOUBLE_EQ(*items[2].score, 94.0);
  EXPECT_EQ(items[2].rank, 3);
  // Outside the caller's scope (a user of another city) → 404.
  auto other = As("viewer", "371600");
  EXPECT_EQ(observations_->Get(other, id).error().code, ErrorCode::kNotFound);
}

TEST_P(AssessmentServiceTest, EditADraftOnly) {
  const int64_t a = Project("DE-1", "371524"), b = Project("GX-1", "371525");
  const auto boss = As("coordinator", "371500");
  auto ev = observations_->Create(boss, NewEvent("sheet", {{{"group", "县市区组"}, {"project_id", a}}}));
  ASSERT_TRUE(ev.ok()) << ev.error().message;
  const int64_t id = ev->record.id;
  const int64_t journal = JournalCount();

  // A partial edit: the named fields change, the rest stays.
  auto ed = observations_->Update(
      boss, id,
      {{"version", 1},
       {"name", "改名后的观摩"},
       {"judges", {"judge1", "judge2"}},
       {"nominations",
        {{{"group", "县市区组"}, {"project_id", a}}, {{"group", "县市区组"}, {"project_id", b}}}}});
  ASSERT_TRUE(ed.ok()) << ed.error().message;
  EXPECT_EQ(ed->record.name, "改名后的观摩");
  EXPECT_EQ(ed->record.version, 2);
  EXPECT_EQ(ed->record.state, "draft");
  EXPECT_EQ(ed->setup.judges, (std::vector<std::string>{"judge1", "judge2"}));
  ASSERT_EQ(ed->setup.nominations.size(), 2u);
  EXPECT_EQ(ed->setup.nominations[1].county_name, "冠县");
  EXPECT_EQ(ed->record.start_date, "2026-06-10");
  EXPECT_EQ(ed->setup.criteria.size(), 4u);
  EXPECT_EQ(JournalCount(), journal + 1);
  {
    auto c = tdb_->db().Acquire();
    auto row = c->Query(
        "SELECT action, changes FROM journal WHERE entity = 'observation_event' AND entity_id = ? ORDER BY id DESC",
        {id});
    EXPECT_EQ(store::AsText(row.rows[0][0]), "update");
    EXPECT_NE(store::AsText(row.rows[0][1]).find("改名后的观摩"), std::string::npos);
  }

  // Every problem of the body at once; nothing changes.
  auto bad = observations_->Update(boss, id,
                                   {{"version", 2},
                                    {"name", ""},
                                    {"end_date", "2026-06-01"},
                                    {"judges", {"viewer"}},
                                    {"criteria", {{{"name", "投资规模"}, {"weight", 0}}}},
                                    {"region_code", "371524"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  std::set<std::string> fields;
  for (const auto& d : bad.error().details) fields.insert(d.field);
  EXPECT_EQ(fields,
            (std::set<std::string>{"name", "end_date", "judges", "criteria[0].weight", "region_code"}))
      << bad.error().message;
  EXPECT_EQ(JournalCount(), journal + 1);

  ExpectStale(observations_->Update(boss, id, {{"version", 1}, {"name", "x"}}), 2);
  // Not an organiser there: 403. The version is required.
  EXPECT_EQ(
      observations_->Update(As("coordinator", "371524"), id, {{"version", 2}, {"name", "x"}}).error().code,
      ErrorCode::kForbidden);
  EXPECT_EQ(observations_->Update(boss, id, {{"name", "x"}}).error().code, ErrorCode::kInvalid);

  // Once open: 409 naming the rule.
  ASSERT_TRUE(observations_->Transition(boss, id, "open", {{"version", 2}}).ok());
  auto open = observations_->Update(boss, id, {{"version", 3}, {"name", "x"}});
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.error().code, ErrorCode::kConflict);
  EXPECT_NE(open.error().message.find("rule observation.draft_only"), std::string::npos)
      << open.error().message;
  EXPECT_EQ(observations_->Get(boss, id)->record.name, "改名后的观摩");
}

INSTANTIATE_TEST_SUITE_P(Engines, AssessmentServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

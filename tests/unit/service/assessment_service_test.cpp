// Observation events and periodic rankings through the services, on SQLite and PostgreSQL.
// Expected figures are computed by hand in the comments.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "ledger_fixture.h"
#include "service/assessment/observation_service.h"
#include "service/assessment/ranking_service.h"

namespace gj::testing {
namespace {

using nlohmann::json;

class AssessmentServiceTest : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    auto c = tdb_->db().Acquire();
    store::InsertRegion(*c, {"371526", "高唐县", "county", "371500"}, 4);
    store::InsertRegion(*c, {"371524100", "刘集镇", "town", "371524"}, 5);
    for (const char* login : {"judge1", "judge2", "judge3"}) {
      const int64_t id = store::AsInt(
          c->Query(
               "INSERT INTO users (login, name, password_hash, created_at) VALUES (?, ?, 'x', 'now') RETURNING id",
               {std::string(login), std::string(login)})
              .rows[0][0]);
      c->Exec("INSERT INTO role_grants (user_id, role, region_code) VALUES (?, 'judge', '371500')", {id});
    }
    observations_ = std::make_unique<service::ObservationService>(tdb_->db(), *ledger_);
    rankings_ = std::make_unique<service::RankingService>(tdb_->db(), *ledger_);
  }

  service::Ctx Judge(const std::string& login) {
    return Edited(As("judge", "371500"), [&](access::Caller& c) { c.login = login; });
  }

  int64_t Project(const std::string& code, const std::string& county) {
    json p = NewProject(code);
    p["county_code"] = county;
    if (county != "371524") {
      p.erase("town_code");
      p.erase("unit_id");
      p.erase("leader_id");
    }
    auto r = ledger_->Create(As("coordinator", "371500"), p);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r->project.id;
  }

  json NewEvent(const std::string& mode, const json& nominations) {
    return {{"name", "2026年聊城市重点项目观摩评议"},
            {"region_code", "371500"},
            {"level", "city"},
            {"start_date", "2026-06-10"},
            {"end_date", "2026-06-12"},
            {"groups", {"县市区组"}},
            {"mode", mode},
            {"judges", {"judge1", "judge2", "judge3"}},
            {"nominations", nominations}};
  }

  // Every criterion rated the same: the weighted total equals the rating.
  static json Flat(double v) {
    return {{"投资规模", v}, {"建设进度", v}, {"产业层次与科技含量", v}, {"综合效益", v}};
  }

  std::unique_ptr<service::ObservationService> observations_;
  std::unique_ptr<service::RankingService> rankings_;
};

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

TEST_P(AssessmentServiceTest, RankingRunsMovementRedYellowAndFrozenVersions) {
  const auto boss = As("coordinator", "371524");
  auto scheme = rankings_->CreateScheme(
      boss, {{"name", "东阿县镇街月度评比"},
             {"region_code", "371524"},
             {"subject_kind", "town"},
             {"metrics", {{{"id", "review"}, {"kind", "manual"}, {"weight", 1}, {"target", 100}}}}});
  ASSERT_TRUE(scheme.ok()) << scheme.error().message;
  const int64_t sid = scheme->record.id;
  // A scheme the domain refuses (weight 0) reports the problem.
  EXPECT_EQ(rankings_
                ->CreateScheme(boss, {{"name", "x"},
                                      {"region_code", "371524"},
                                      {"metrics", {{{"id", "r"}, {"kind", "manual"}, {"weight", 0}}}}})
                .error()
                .code,
            ErrorCode::kInvalid);
  // Every problem at once: the body's and the domain's together.
  auto bad_scheme = rankings_->CreateScheme(boss, {{"name", ""},
                                                   {"region_code", "371524"},
                                                   {"subject_kind", "village"},
                                                   {"metrics",
                                                    {{{"id", "r"}, {"kind", "manual"}, {"weight", 0}},
                                                     {{"id", "r"}, {"kind", "manual"}, {"weight", 1}}}}});
  ASSERT_FALSE(bad_scheme.ok());
  std::set<std::string> scheme_fields;
  for (const auto& d : bad_scheme.error().details) scheme_fields.insert(d.field);
  EXPECT_EQ(scheme_fields,
            (std::set<std::string>{"name", "subject_kind", "metrics[0].weight", "metrics[1].id"}))
      << bad_scheme.error().message;
  // A malformed warning rule is a problem, not a crash.
  auto warn =
      rankings_->CreateScheme(boss, {{"name", "w"},
                                     {"region_code", "371524"},
                                     {"warning", {{"yellow_below", "60%"}, {"red_after", 0}}},
                                     {"metrics", {{{"id", "r"}, {"kind", "manual"}, {"weight", 1}}}}});
  ASSERT_FALSE(warn.ok());
  EXPECT_EQ(warn.error().details.at(0).field, "warning");
  auto compute = [&](const std::string& label, double tongcheng, double liuji) {
    return rankings_->Compute(
        boss, sid,
        {{"period", "month"},
         {"period_label", label},
         {"manual", {{"铜城街道", {{"review", tongcheng}}}, {"刘集镇", {{"review", liuji}}}}}});
  };
  // April: 刘集 80 (1st), 铜城 50 (2nd, completion 0.5 < 0.6 → yellow).
  auto april = compute("2026-04", 50, 80);
  ASSERT_TRUE(april.ok()) << april.error().message;
  EXPECT_EQ(april->entries[0].subject, "刘集镇");
  EXPECT_EQ(april->entries[1].light, assessment::Light::kYellow);
  EXPECT_EQ(assessment::MovementLabel(april->entries[1]), "新");
  ASSERT_TRUE(rankings_->Publish(boss, april->record.id, {{"version", 1}}).ok());
  // May: 铜城 55 (1st, ↑1, second yellow in a row → red), 刘集 40 (2nd, ↓1, yellow).
  auto may = compute("2026-05", 55, 40);
  ASSERT_TRUE(may.ok());
  const auto& e = may->entries;
  EXPECT_EQ(e[0].subject, "铜城街道");
  EXPECT_EQ(assessment::MovementLabel(e[0]), "↑1");
  EXPECT_EQ(e[0].light, assessment::Light::kRed);
  EXPECT_EQ(assessment::MovementLabel(e[1]), "↓1");
  EXPECT_EQ(e[1].light, assessment::Light::kYellow);
  // Recomputing a draft replaces it (same run, run_version 1, row version 2).
  auto again = compute("2026-05", 55, 40);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->record.id, may->record.id);
  EXPECT_EQ(again->record.run_version, 1);
  EXPECT_EQ(again->record.version, 2);
  auto stale_run = rankings_->Publish(boss, may->record.id, {{"version", 1}});
  EXPECT_EQ(stale_run.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale_run.error().extra["current_version"], 2);
  ASSERT_TRUE(rankings_->Publish(boss, may->record.id, {{"version", 2}}).ok());
  // Published runs are frozen: a recomputation is version 2, the old one stays.
  auto v2 = compute("2026-05", 60, 40);
  ASSERT_TRUE(v2.ok());
  EXPECT_NE(v2->record.id, may->record.id);
  EXPECT_EQ(v2->record.run_version, 2);
  auto old = rankings_->GetRun(boss, may->record.id);
  ASSERT_TRUE(old.ok());
  EXPECT_TRUE(old->run.record.published);
  EXPECT_DOUBLE_EQ(old->run.entries[0].score, 55.0);
  EXPECT_EQ(rankings_->Publish(boss, may->record.id, {{"version", 3}}).error().code, ErrorCode::kConflict);
  EXPECT_EQ(rankings_->ListRuns(boss, sid)->items.size(), 3u);
  // Bad input: an unknown subject, a missing figure, a bad label.
  auto bad = rankings_->Compute(boss, sid, {{"period", "month"}, {"period_label", "2026-13"}});
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  auto missing = rankings_->Compute(
      boss, sid,
      {{"period", "month"}, {"period_label", "2026-06"}, {"manual", {{"铜城街道", {{"review", 50}}}}}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().details.at(0).field, "manual.刘集镇.review");
  // A viewer reads, may not compute.
  EXPECT_TRUE(rankings_->GetRun(As("viewer", "371524"), april->record.id).ok());
  EXPECT_EQ(
      rankings_->Compute(As("viewer", "371524"), sid, {{"period", "month"}, {"period_label", "2026-06"}})
          .error()
          .code,
      ErrorCode::kForbidden);
  // The bulletin: an xlsx (zip) and a PDF.
  auto x = rankings_->MakeBulletin(boss, may->record.id, "xlsx");
  ASSERT_TRUE(x.ok());
  EXPECT_EQ(x->bytes.substr(0, 2), "PK");
  auto p = rankings_->MakeBulletin(boss, may->record.id, "pdf");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->bytes.substr(0, 5), "%PDF-");
}

// A scheme is edited with its version (runs computed keep the definition they were computed
// with), and archived: no new runs, hidden from the list, its runs readable.
TEST_P(AssessmentServiceTest, SchemesAreEditedAndArchived) {
  const auto boss = As("coordinator", "371524");
  auto scheme = rankings_->CreateScheme(
      boss, {{"name", "月度评比"},
             {"region_code", "371524"},
             {"subject_kind", "town"},
             {"metrics", {{{"id", "review"}, {"kind", "manual"}, {"weight", 1}, {"target", 100}}}}});
  ASSERT_TRUE(scheme.ok()) << scheme.error().message;
  const int64_t sid = scheme->record.id;
  ASSERT_TRUE(rankings_
                  ->CreateScheme(boss, {{"name", "季度考评"},
                                        {"region_code", "371524"},
                                        {"metrics", {{{"id", "r"}, {"kind", "manual"}, {"weight", 1}}}}})
                  .ok());
  auto april =
      rankings_->Compute(boss, sid,
                         {{"period", "month"},
                          {"period_label", "2026-04"},
                          {"manual", {{"铜城街道", {{"review", 50}}}, {"刘集镇", {{"review", 80}}}}}});
  ASSERT_TRUE(april.ok()) << april.error().message;

  // Every problem at once; nothing changes.
  auto bad = rankings_->UpdateScheme(boss, sid,
                                     {{"version", 1},
                                      {"name", ""},
                                      {"subject_kind", "chain"},
                                      {"metrics", {{{"id", "review"}, {"kind", "manual"}, {"weight", 0}}}}});
  ASSERT_FALSE(bad.ok());
  std::set<std::string> fields;
  for (const auto& d : bad.error().details) fields.insert(d.field);
  EXPECT_EQ(fields, (std::set<std::string>{"name", "subject_kind", "metrics[0].weight"}))
      << bad.error().message;
  // The name of another scheme of the region, a stale version: 409.
  EXPECT_EQ(rankings_->UpdateScheme(boss, sid, {{"version", 1}, {"name", "季度考评"}}).error().code,
            ErrorCode::kConflict);
  auto stale = rankings_->UpdateScheme(boss, sid, {{"version", 7}, {"name", "x"}});
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  // The service names the version it found; the route adds the scheme as GET shows it.
  EXPECT_EQ(stale.error().extra["current_version"], 1);
  EXPECT_EQ(
      rankings_->UpdateScheme(As("viewer", "371524"), sid, {{"version", 1}, {"name", "x"}}).error().code,
      ErrorCode::kForbidden);

  // Two metrics now, and a new warning rule; the omitted name is kept.
  auto edited =
      rankings_->UpdateScheme(boss, sid,
                              {{"version", 1},
                               {"metrics",
                                {{{"id", "review"}, {"kind", "manual"}, {"weight", 3}, {"target", 100}},
                                 {{"id", "safety"}, {"kind", "manual"}, {"weight", 1}, {"target", 10}}}},
                               {"warning", {{"yellow_below", 0.5}, {"red_after", 3}}}});
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->record.version, 2);
  EXPECT_EQ(edited->record.name, "月度评比");
  EXPECT_EQ(edited->metrics.size(), 2u);
  EXPECT_EQ(edited->warning.red_after, 3);
  // April was computed with one metric and keeps it.
  EXPECT_EQ(rankings_->GetRun(boss, april->record.id)->scheme.metrics.size(), 1u);
  EXPECT_EQ(rankings_->GetRun(boss, april->record.id)->run.metrics.size(), 1u);
  // May needs the new metric: 铜城 review 90 → 0.9×3, safety 10 → 1×1: (2.7 + 1) / 4 = 0.925.
  auto may = rankings_->Compute(
      boss, sid,
      {{"period", "month"},
       {"period_label", "2026-05"},
       {"manual",
        {{"铜城街道", {{"review", 90}, {"safety", 10}}}, {"刘集镇", {{"review", 100}, {"safety", 0}}}}}});
  ASSERT_TRUE(may.ok()) << may.error().message;
  EXPECT_EQ(rankings_->GetRun(boss, may->record.id)->scheme.metrics.size(), 2u);

  // Archive: hidden from the list, no new runs, runs readable; journaled.
  EXPECT_EQ(rankings_->ArchiveScheme(boss, sid, {{"version", 1}}).error().code, ErrorCode::kConflict);
  ASSERT_TRUE(rankings_->ArchiveScheme(boss, sid, {{"version", 2}}).ok());
  auto names = [&](bool archived) {
    std::set<std::string> out;
    const auto list = rankings_->ListSchemes(boss, archived);
    for (const auto& x : list->items) out.insert(x.record.name);
    return out;
  };
  EXPECT_EQ(names(false), (std::set<std::string>{"季度考评"}));
  EXPECT_EQ(names(true), (std::set<std::string>{"月度评比", "季度考评"}));
  EXPECT_EQ(rankings_->Compute(boss, sid, {{"period", "month"}, {"period_label", "2026-06"}}).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(rankings_->UpdateScheme(boss, sid, {{"version", 3}, {"name", "y"}}).error().code,
            ErrorCode::kConflict);
  EXPECT_TRUE(rankings_->GetRun(boss, may->record.id).ok());
  auto c = tdb_->db().Acquire();
  EXPECT_EQ(
      store::AsInt(
          c->Query("SELECT COUNT(*) FROM journal WHERE entity = 'ranking_scheme' AND entity_id = ?", {sid})
              .rows[0][0]),
      3);
}

TEST_P(AssessmentServiceTest, LedgerMetricsFromProjects) {
  // 铜城街道: one new project started 2026-03-10, plan 100, done 40 → start rate 1, investment 0.4.
  json p = NewProject("DE-9");
  p["stage"] = "started";
  p["actual_start"] = "2026-03-10";
  p["annual_plan"] = 1000000;
  p["annual_completed"] = 400000;
  ASSERT_TRUE(ledger_->Create(As("coordinator", "371500"), p).ok());
  const auto boss = As("coordinator", "371524");
  auto scheme = rankings_->CreateScheme(
      boss, {{"name", "s"},
             {"region_code", "371524"},
             {"subject_kind", "town"},
             {"metrics",
              {{{"kind", "start_rate"}, {"weight", 50}, {"target", 0.8}, {"cap", 1.2}},
               {{"kind", "investment_rate"}, {"weight", 50}, {"target", 0.5}}}}});
  ASSERT_TRUE(scheme.ok()) << scheme.error().message;
  // The subjects a run would rank, with their projects (for entering manual figures).
  auto got = rankings_->GetScheme(boss, scheme->record.id);
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->subjects.size(), 2u);
  EXPECT_EQ(got->subjects[0].name, "刘集镇");
  EXPECT_EQ(got->subjects[0].projects, 0u);
  EXPECT_EQ(got->subjects[1].name, "铜城街道");
  EXPECT_EQ(got->subjects[1].projects, 1u);
  auto run =
      rankings_->Compute(boss, scheme->record.id, {{"period", "quarter"}, {"period_label", "2026-Q1"}});
  ASSERT_TRUE(run.ok()) << run.error().message;
  // 刘集镇 has no projects: left out. 铜城: start 100·min(1/0.8, 1.2) = 120, investment 100·0.4/0.5 = 80 →
  // 100.
  ASSERT_EQ(run->entries.size(), 1u);
  EXPECT_EQ(run->entries[0].subject, "铜城街道");
  EXPECT_DOUBLE_EQ(run->entries[0].score, 100.0);
  EXPECT_EQ(run->record.as_of, "2026-03-31");
}

TEST_P(AssessmentServiceTest, ProblemsClosedOnTimeFromTheProblemList) {
  const int64_t a = Project("DE-1", "371524");
  {
    auto c = tdb_->db().Acquire();
    // 铜城街道's project: closed in time, closed late, open past its deadline → 1 / 3.
    for (auto [deadline, closed, status] :
         {std::tuple{"2026-05-10", "2026-05-09", "closed"}, std::tuple{"2026-05-10", "2026-05-20", "closed"},
          std::tuple{"2026-05-15", "", "assigned"}}) {
      c->Exec(
          "INSERT INTO problems (project_id, category, description, status, unit_id, deadline, raised_on, closed_on, created_at, updated_at) "
          "VALUES (?, '土地', '用地指标', ?, ?, ?, '2026-05-01', ?, 'now', 'now')",
          {a, std::string(status), unit_a_, std::string(deadline),
           *closed ? store::Value(std::string(closed)) : store::Null()});
    }
  }
  const auto boss = As("coordinator", "371524");
  for (const char* kind : {"town", "department"}) {
    auto scheme = rankings_->CreateScheme(
        boss, {{"name", std::string("p-") + kind},
               {"region_code", "371524"},
               {"subject_kind", kind},
               {"metrics", {{{"kind", "problems_closed_on_time"}, {"weight", 1}, {"target", 1}}}}});
    ASSERT_TRUE(scheme.ok()) << scheme.error().message;
    EXPECT_EQ(scheme->metrics[0].source, "supervision");
    auto run =
        rankings_->Compute(boss, scheme->record.id, {{"period", "month"}, {"period_label", "2026-05"}});
    ASSERT_TRUE(run.ok()) << run.error().message;
    const auto& e = run->entries;
    // Towns: 铜城街道 1/3 (刘集镇 has no projects: left out). Departments: 工信局 1/3; 住建局 has
    // no problems and no projects: left out.
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].subject, std::string(kind) == "town" ? "铜城街道" : "工业和信息化局");
    EXPECT_NEAR(e[0].score, 100.0 / 3, 1e-6);
    EXPECT_EQ(e[0].light, assessment::Light::kYellow);
  }
}

TEST_P(AssessmentServiceTest, ReportsOnTimeFromTheProgressReports) {
  // a: 铜城街道, 工业和信息化局. b: 刘集镇, 住房和城乡建设局.
  const int64_t a = Project("DE-1", "371524");
  json pb = NewProject("DE-2");
  pb["town_code"] = "371524100";
  pb["unit_id"] = unit_b_;
  auto b = ledger_->Create(As("coordinator", "371500"), pb);
  ASSERT_TRUE(b.ok()) << b.error().message;
  {
    auto c = tdb_->db().Acquire();
    auto report = [&](int64_t project, const char* period, const char* due, const char* status,
                      const char* submitted_at, int late) {
      c->Exec(
          "INSERT INTO progress_reports (project_id, period, frequency, period_start, period_end, due_date, status, submitted_at, late, "
          "created_at, updated_at) VALUES (?, ?, 'week', ?, ?, ?, ?, ?, ?, 'now', 'now')",
          {project, std::string(period), std::string(due), std::string(due), std::string(due),
           std::string(status), *submitted_at ? store::Value(std::string(submitted_at)) : store::Null(),
           int64_t{late}});
    };
    report(a, "2026-W17", "2026-04-28", "approved", "2026-04-27T03:00:00Z", 0);  // in time
    report(a, "2026-W18", "2026-05-05", "approved", "2026-05-04T02:00:00Z", 0);  // in time
    report(a, "2026-W19", "2026-05-12", "submitted", "2026-05-12T15:30:00Z",
           0);  // 23:30 in China on the due day: in time
    // 00:30 in China the day after the due date, stored without the late mark: the China day decides.
    report(a, "2026-W20", "2026-05-19", "approved", "2026-05-19T16:30:00Z", 0);
    report(a, "2026-W21", "2026-05-26", "pending", "", 0);                        // missing
    report(a, "2026-W22", "2026-06-02", "submitted", "2026-05-30T01:00:00Z", 0);  // due in June
    report(b->project.id, "2026-W18", "2026-05-05", "returned", "2026-05-04T01:00:00Z",
           0);  // returned after a filing in time
    report(b->project.id, "2026-W19", "2026-05-12", "approved", "2026-05-11T01:00:00Z", 0);  // in time
    report(b->project.id, "2026-W20", "2026-05-19", "draft", "", 0);  // never submitted
  }
  const auto boss = As("coordinator", "371524");
  for (const char* kind : {"town", "department"}) {
    auto scheme = rankings_->CreateScheme(
        boss,
        {{"name", std::string("r-") + kind},
         {"region_code", "371524"},
         {"subject_kind", kind},
         {"metrics", {{{"id", "reports"}, {"kind", "reports_on_time"}, {"weight", 1}, {"target", 1}}}}});
    ASSERT_TRUE(scheme.ok()) << scheme.error().message;
    EXPECT_EQ(scheme->metrics[0].source, "supervision");
    const std::string first = std::string(kind) == "town" ? "刘集镇" : "住房和城乡建设局";
    const std::string second = std::string(kind) == "town" ? "铜城街道" : "工业和信息化局";
    // May (due 05-01..05-31): a 2 of 4 (W18, W19) = 50; b 2 of 3 = 66.67. No manual figures needed.
    auto may =
        rankings_->Compute(boss, scheme->record.id, {{"period", "month"}, {"period_label", "2026-05"}});
    ASSERT_TRUE(may.ok()) << may.error().message;
    const auto& e = may->entries;
    ASSERT_EQ(e.size(), 2u);
    EXPECT_EQ(e[0].subject, first);
    EXPECT_NEAR(e[0].score, 200.0 / 3, 1e-6);
    EXPECT_EQ(e[1].subject, second);
    EXPECT_DOUBLE_EQ(e[1].score, 50.0);
    EXPECT_DOUBLE_EQ(may->figures.at(second).at("reports"), 0.5);
    // Q2 as of 05-20 (due 04-01..05-20): a 3 of 4 (W17, W18, W19) = 75; b 2 of 3 = 66.67.
    auto q2 =
        rankings_->Compute(boss, scheme->record.id,
                           {{"period", "quarter"}, {"period_label", "2026-Q2"}, {"as_of", "2026-05-20"}});
    ASSERT_TRUE(q2.ok()) << q2.error().message;
    const auto& q = q2->entries;
    ASSERT_EQ(q.size(), 2u);
    EXPECT_EQ(q[0].subject, second);
    EXPECT_DOUBLE_EQ(q[0].score, 75.0);
    EXPECT_NEAR(q[1].score, 200.0 / 3, 1e-6);
  }
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

  // A stale version: 409 naming the current version (the route adds the event as GET shows it).
  auto stale = observations_->Update(boss, id, {{"version", 1}, {"name", "x"}});
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().extra["current_version"], 2);
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

// Periodic rankings (schemes, runs, metrics from the ledger, problems and reports) through the
// service, on SQLite and PostgreSQL. Expected figures are computed by hand in the comments.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "assessment_fixture.h"

namespace gj::testing {
namespace {

class RankingServiceTest : public AssessmentFixture {};

TEST_P(RankingServiceTest, RankingRunsMovementRedYellowAndFrozenVersions) {
  const auto boss = As("coordinator", "371524");
  auto scheme = rankings_->CreateScheme(boss, Scheme("东阿县镇街月度评比", ManualReview(), "town"));
  ASSERT_TRUE(scheme.ok()) << scheme.error().message;
  const int64_t sid = scheme->record.id;
  // A scheme the domain refuses (weight 0) reports the problem.
  EXPECT_EQ(rankings_->CreateScheme(boss, Scheme("x", {{{"id", "r"}, {"kind", "manual"}, {"weight", 0}}}))
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
  ExpectStale(rankings_->Publish(boss, may->record.id, {{"version", 1}}), 2);
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
TEST_P(RankingServiceTest, SchemesAreEditedAndArchived) {
  const auto boss = As("coordinator", "371524");
  auto scheme = rankings_->CreateScheme(boss, Scheme("月度评比", ManualReview(), "town"));
  ASSERT_TRUE(scheme.ok()) << scheme.error().message;
  const int64_t sid = scheme->record.id;
  ASSERT_TRUE(
      rankings_->CreateScheme(boss, Scheme("季度考评", {{{"id", "r"}, {"kind", "manual"}, {"weight", 1}}}))
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
  ExpectStale(rankings_->UpdateScheme(boss, sid, {{"version", 7}, {"name", "x"}}), 1);
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

// A filed progress report (monthly) with its cumulative investment of the year (yuan).
void FileReport(store::Connection& c, int64_t project, const std::string& month, const std::string& end,
                int64_t year_total) {
  c.Exec(
      "INSERT INTO progress_reports (project_id, period, frequency, period_start, period_end, due_date, status, "
      "investment_year, submitted_at, created_at, updated_at) VALUES (?, ?, 'month', ?, ?, ?, 'approved', ?, ?, "
      "'now', 'now')",
      {project, month, month + "-01", end, end, year_total, end + "T02:00:00Z"});
}

TEST_P(RankingServiceTest, LedgerMetricsFromProjects) {
  // 铜城街道: one new project started 2026-03-10, plan 100 万. Completed investment comes from the
  // filed progress reports: 40 万 by March's end. The ledger's current annual_completed (90 万,
  // entered later) is not read: a ranking as of 03-31 cannot know it.
  json p = NewProject("DE-9");
  p["stage"] = "started";
  p["actual_start"] = "2026-03-10";
  p["annual_plan"] = 1000000;
  p["annual_completed"] = 900000;
  auto de9 = ledger_->Create(As("coordinator", "371500"), p);
  ASSERT_TRUE(de9.ok()) << de9.error().message;
  {
    auto c = tdb_->db().Acquire();
    FileReport(*c, de9->project.id, "2026-03", "2026-03-31", 400000);
  }
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
  EXPECT_DOUBLE_EQ(run->figures.at("铜城街道").at("investment_rate"), 0.4);
  EXPECT_EQ(run->record.as_of, "2026-03-31");

  // April's report (80 万, dated after the quarter's end) does not change a re-run of Q1; Q2 (as of
  // today, 06-15) counts it: investment 100·min(0.8/0.5, 1) = 100, start 120 → 110.
  {
    auto c = tdb_->db().Acquire();
    FileReport(*c, de9->project.id, "2026-04", "2026-04-30", 800000);
  }
  auto again =
      rankings_->Compute(boss, scheme->record.id, {{"period", "quarter"}, {"period_label", "2026-Q1"}});
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_DOUBLE_EQ(again->entries[0].score, 100.0);
  EXPECT_DOUBLE_EQ(again->figures.at("铜城街道").at("investment_rate"), 0.4);
  auto q2 = rankings_->Compute(boss, scheme->record.id, {{"period", "quarter"}, {"period_label", "2026-Q2"}});
  ASSERT_TRUE(q2.ok()) << q2.error().message;
  EXPECT_DOUBLE_EQ(q2->figures.at("铜城街道").at("investment_rate"), 0.8);
  EXPECT_DOUBLE_EQ(q2->entries[0].score, 110.0);
}

// 不适用 through the service: a subject with nothing due for a metric has no figure for it, and the
// metric's weight goes to its other metrics (docs/assessment.md).
TEST_P(RankingServiceTest, AMetricWithNothingDueIsNotApplicable) {
  // 铜城街道: DE-9 new, started 03-10, plan 100 万, 40 万 filed by 03-31 → start 1, investment 0.4.
  json p = NewProject("DE-9");
  p["stage"] = "started";
  p["actual_start"] = "2026-03-10";
  p["annual_plan"] = 1000000;
  auto de9 = ledger_->Create(As("coordinator", "371500"), p);
  ASSERT_TRUE(de9.ok()) << de9.error().message;
  // 刘集镇: DE-8 continuing (续建: nothing to start), plan 100 万, 30 万 filed → investment 0.3.
  json q = NewProject("DE-8");
  q["town_code"] = "371524101";
  q["kind"] = "continuing";
  q["stage"] = "started";
  q["actual_start"] = "2025-05-01";
  q["annual_plan"] = 1000000;
  auto de8 = ledger_->Create(As("coordinator", "371500"), q);
  ASSERT_TRUE(de8.ok()) << de8.error().message;
  {
    auto c = tdb_->db().Acquire();
    FileReport(*c, de9->project.id, "2026-03", "2026-03-31", 400000);
    FileReport(*c, de8->project.id, "2026-03", "2026-03-31", 300000);
  }
  const auto boss = As("coordinator", "371524");
  auto scheme = rankings_->CreateScheme(
      boss, {{"name", "s"},
             {"region_code", "371524"},
             {"subject_kind", "town"},
             {"metrics",
              {{{"kind", "start_rate"}, {"weight", 50}, {"target", 0.8}, {"cap", 1.2}},
               {{"kind", "investment_rate"}, {"weight", 50}, {"target", 0.5}}}}});
  ASSERT_TRUE(scheme.ok()) << scheme.error().message;
  auto run =
      rankings_->Compute(boss, scheme->record.id, {{"period", "quarter"}, {"period_label", "2026-Q1"}});
  ASSERT_TRUE(run.ok()) << run.error().message;
  ASSERT_EQ(run->entries.size(), 2u);
  // 铜城: (50·120 + 50·80) / 100 = 100.
  EXPECT_EQ(run->entries[0].subject, "铜城街道");
  EXPECT_DOUBLE_EQ(run->entries[0].score, 100.0);
  // 刘集: start rate 不适用, its 50 goes to the investment rate: 50·(100·0.3/0.5) / 50 = 60.
  // (The old rule gave the start rate full marks: (50·120 + 50·60) / 100 = 90.)
  const auto& liuji = run->entries[1];
  EXPECT_EQ(liuji.subject, "刘集镇");
  EXPECT_DOUBLE_EQ(liuji.score, 60.0);
  EXPECT_EQ(liuji.not_applicable, (std::set<std::string>{"start_rate"}));
  EXPECT_EQ(run->figures.at("刘集镇").count("start_rate"), 0u);
  // The stored run reads back with its 不适用.
  auto stored = rankings_->GetRun(boss, run->record.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->run.entries[1].not_applicable, (std::set<std::string>{"start_rate"}));
  // The bulletin prints it.
  auto x = rankings_->MakeBulletin(boss, run->record.id, "xlsx");
  ASSERT_TRUE(x.ok());
  EXPECT_EQ(x->bytes.substr(0, 2), "PK");
}

// A city ranks its counties: the city's coordinator sets it up and computes it; a county's
// coordinator reads the published runs only.
TEST_P(RankingServiceTest, ACityRanksItsCounties) {
  // 东阿县: DE-9 new, started, plan 100 万, 40 万 filed → start 1 → 100·min(1/0.8, 1.2) = 120,
  //   investment 0.4 → 100·0.4/0.5 = 80: (50·120 + 50·80) / 100 = 100.
  // 冠县: GX-1 new, not started → 0; no annual plan → investment 不适用: 50·0 / 50 = 0.
  // 高唐县: GT-1 continuing (nothing to start), no annual plan: no metric applies — not ranked,
  //   listed last with rank 0.
  json p = NewProject("DE-9");
  p["stage"] = "started";
  p["actual_start"] = "2026-03-10";
  p["annual_plan"] = 1000000;
  auto de9 = ledger_->Create(As("coordinator", "371500"), p);
  ASSERT_TRUE(de9.ok()) << de9.error().message;
  Project("GX-1", "371525");
  json gt = NewProject("GT-1");
  gt["county_code"] = "371526";
  gt["kind"] = "continuing";
  for (const char* k : {"town_code", "unit_id", "leader_id"}) gt.erase(k);
  ASSERT_TRUE(ledger_->Create(As("coordinator", "371500"), gt).ok());
  {
    auto c = tdb_->db().Acquire();
    FileReport(*c, de9->project.id, "2026-03", "2026-03-31", 400000);
  }
  const auto city = As("coordinator", "371500");
  json body = {{"name", "聊城市县市区季度考评"},
               {"region_code", "371500"},
               {"subject_kind", "county"},
               {"metrics",
                {{{"kind", "start_rate"}, {"weight", 50}, {"target", 0.8}, {"cap", 1.2}},
                 {{"kind", "investment_rate"}, {"weight", 50}, {"target", 0.5}}}}};
  // A county office may not set it up; a county's scheme cannot rank counties.
  const auto county = As("coordinator", "371524");
  auto theirs = rankings_->CreateScheme(county, body);
  ASSERT_FALSE(theirs.ok());
  EXPECT_EQ(theirs.error().details.at(0).field, "region_code");
  json of_county = body;
  of_county["region_code"] = "371524";
  auto wrong = rankings_->CreateScheme(county, of_county);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().details.at(0).field, "subject_kind");
  EXPECT_EQ(wrong.error().details.at(0).reason, "counties are ranked by a scheme of their city");

  auto scheme = rankings_->CreateScheme(city, body);
  ASSERT_TRUE(scheme.ok()) << scheme.error().message;
  auto got = rankings_->GetScheme(city, scheme->record.id);
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->subjects.size(), 3u);  // 东阿县, 冠县, 高唐县
  auto run =
      rankings_->Compute(city, scheme->record.id, {{"period", "quarter"}, {"period_label", "2026-Q1"}});
  ASSERT_TRUE(run.ok()) << run.error().message;
  ASSERT_EQ(run->entries.size(), 3u);
  EXPECT_EQ(run->entries[2].subject, "高唐县");
  EXPECT_EQ(run->entries[2].rank, 0);
  EXPECT_EQ(run->entries[2].movement, assessment::Movement::kNone);
  EXPECT_EQ(run->entries[2].not_applicable.size(), 2u);
  EXPECT_EQ(run->entries[0].subject, "东阿县");
  EXPECT_DOUBLE_EQ(run->entries[0].score, 100.0);
  EXPECT_EQ(run->entries[1].subject, "冠县");
  EXPECT_DOUBLE_EQ(run->entries[1].score, 0.0);
  EXPECT_EQ(run->entries[1].not_applicable, (std::set<std::string>{"investment_rate"}));

  // The county sees the scheme, not the draft; once published, the run.
  EXPECT_TRUE(rankings_->GetScheme(county, scheme->record.id).ok());
  EXPECT_EQ(rankings_->GetRun(county, run->record.id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(rankings_->ListRuns(county, scheme->record.id)->items.empty());
  EXPECT_EQ(
      rankings_->Compute(county, scheme->record.id, {{"period", "quarter"}, {"period_label", "2026-Q1"}})
          .error()
          .code,
      ErrorCode::kForbidden);
  ASSERT_TRUE(rankings_->Publish(city, run->record.id, {{"version", run->record.version}}).ok());
  auto read = rankings_->GetRun(county, run->record.id);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->run.entries.size(), 3u);
  EXPECT_EQ(read->run.entries[2].rank, 0);
  // The bulletin prints the subject that is not ranked (— and 不参与排名) in both formats.
  for (const char* format : {"xlsx", "pdf"}) {
    auto b = rankings_->MakeBulletin(county, run->record.id, format);
    ASSERT_TRUE(b.ok()) << b.error().message;
    EXPECT_GT(b->bytes.size(), 100u);
  }
  EXPECT_EQ(rankings_->ListRuns(county, scheme->record.id)->items.size(), 1u);
  // Another county reads it too (it concerns every county of the city).
  EXPECT_TRUE(rankings_->GetRun(As("viewer", "371525"), run->record.id).ok());
}

TEST_P(RankingServiceTest, ProblemsClosedOnTimeFromTheProblemList) {
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

TEST_P(RankingServiceTest, ReportsOnTimeFromTheProgressReports) {
  // a: 铜城街道, 工业和信息化局. b: 刘集镇, 住房和城乡建设局.
  const int64_t a = Project("DE-1", "371524");
  json pb = NewProject("DE-2");
  pb["town_code"] = "371524101";
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

INSTANTIATE_TEST_SUITE_P(Engines, RankingServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

// Hand-computed expectations for observation scoring (issue 5, "Tests").
#include "domain/assessment/observation.h"

#include <gtest/gtest.h>

#include "domain/assessment/ranking.h"

namespace gj::assessment {
namespace {

std::vector<Ballot> Ranking(const std::string& judge, const std::string& group,
                            const std::vector<std::string>& counties_in_order) {
  std::vector<Ballot> out;
  for (std::size_t i = 0; i < counties_in_order.size(); ++i) {
    out.push_back({judge, group, counties_in_order[i], static_cast<int>(i) + 1});
  }
  return out;
}

std::vector<Ballot> Concat(std::vector<std::vector<Ballot>> parts) {
  std::vector<Ballot> out;
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

TEST(Ballot, PointsWithTiesShareRank) {
  // J1: A B C D → 100 97 94 91; J2: A C B D → 100 97 94 91.
  // A = 100, B = (97+94)/2 = 95.5, C = (94+97)/2 = 95.5, D = 91 → ranks 1, 2, 2, 4.
  auto ballots = Concat({Ranking("J1", "g", {"A", "B", "C", "D"}), Ranking("J2", "g", {"A", "C", "B", "D"})});
  auto r = ScoreBallots(ballots, 3);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ((*r)[0].county, "A");
  EXPECT_DOUBLE_EQ((*r)[0].score, 100);
  EXPECT_EQ((*r)[0].rank, 1);
  EXPECT_EQ((*r)[1].county, "B");
  EXPECT_DOUBLE_EQ((*r)[1].score, 95.5);
  EXPECT_EQ((*r)[1].rank, 2);
  EXPECT_EQ((*r)[2].county, "C");
  EXPECT_EQ((*r)[2].rank, 2);
  EXPECT_EQ((*r)[3].county, "D");
  EXPECT_DOUBLE_EQ((*r)[3].score, 91);
  EXPECT_EQ((*r)[3].rank, 4);
}

TEST(Ballot, StepIsConfigurable) {
  // step 5: J1 A B C → 100 95 90; J2 B A C → 100 95 90; J3 A C B → 100 95 90.
  // A = 295/3, B = (95+100+90)/3 = 95, C = (90+90+95)/3 = 275/3.
  auto ballots = Concat({Ranking("J1", "g", {"A", "B", "C"}), Ranking("J2", "g", {"B", "A", "C"}),
                         Ranking("J3", "g", {"A", "C", "B"})});
  auto r = ScoreBallots(ballots, 5);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].county, "A");
  EXPECT_DOUBLE_EQ((*r)[0].score, 295.0 / 3);
  EXPECT_EQ((*r)[1].county, "B");
  EXPECT_DOUBLE_EQ((*r)[1].score, 95);
  EXPECT_EQ((*r)[2].county, "C");
  EXPECT_DOUBLE_EQ((*r)[2].score, 275.0 / 3);
  EXPECT_EQ((*r)[2].rank, 3);
}

TEST(Ballot, GroupsAreRankedApart) {
  // Each group has its own first place and its own n (3 and 2).
  auto ballots = Concat(
      {Ranking("J1", "县市区组", {"冠县", "东阿", "莘县"}), Ranking("J1", "开发区组", {"高新区", "经开区"})});
  auto r = ScoreBallots(ballots, 3);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 5u);
  // Byte order: 开 (E5 BC 80) sorts after 县 (E5 8E BF).
  EXPECT_EQ((*r)[0].group, "县市区组");
  EXPECT_EQ((*r)[0].county, "冠县");
  EXPECT_EQ((*r)[0].rank, 1);
  EXPECT_EQ((*r)[3].group, "开发区组");
  EXPECT_EQ((*r)[3].county, "高新区");
  EXPECT_EQ((*r)[3].rank, 1);
  EXPECT_DOUBLE_EQ((*r)[4].score, 97);
}

TEST(Ballot, InvalidBallotsAreAllReported) {
  std::vector<Ballot> ballots = {
      {"J1", "g", "A", 1}, {"J1", "g", "A", 2},  // A twice
      {"J1", "g", "B", 3},                       // rank outside 1..2
      {"J2", "g", "A", 1}, {"J2", "g", "B", 1},  // rank 1 twice
      {"J3", "g", "A", 1},                       // B missing
  };
  auto problems = ValidateBallots(ballots);
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].entry, 1u);
  EXPECT_EQ(problems[0].column, "county");
  EXPECT_EQ(problems[0].related, 0u);
  EXPECT_EQ(problems[1].entry, 2u);
  EXPECT_EQ(problems[1].column, "rank");
  EXPECT_EQ(problems[2].entry, 4u);
  EXPECT_EQ(problems[2].column, "rank");
  EXPECT_FALSE(problems[3].entry.has_value());
  EXPECT_EQ(problems[3].value, "B");
  auto r = ScoreBallots(ballots, 3);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().details.size(), 4u);
  EXPECT_EQ(r.error().details[0].field, "ballots[1].county");
}

TEST(Sheet, TrimmedMeanWithTwoThreeAndFiveJudges) {
  EXPECT_DOUBLE_EQ(TrimmedMean({80, 90}, true), 85);         // 2 judges: nothing dropped
  EXPECT_DOUBLE_EQ(TrimmedMean({95, 70, 80}, true), 80);     // 3: drop 95 and 70
  EXPECT_DOUBLE_EQ(TrimmedMean({85, 60, 99, 90, 85}, true),  // 5: drop 99 and 60
                   260.0 / 3);
  EXPECT_DOUBLE_EQ(TrimmedMean({90, 90, 80, 80, 85}, true), 85);  // one instance of each tie
  EXPECT_DOUBLE_EQ(TrimmedMean({95, 70, 80}, false), 245.0 / 3);  // --no-trim
  EXPECT_DOUBLE_EQ(TrimmedMean({77}, true), 77);
}

TEST(Sheet, CountyScoreIsMeanOfProjects) {
  // X: p1 by 3 judges 70 80 95 → 80; p2 by 2 judges 90 95 → 92.5; X = 86.25.
  // Y: q by 5 judges 60 85 85 90 99 → 260/3 = 86.666…; Y ranks first.
  std::vector<SheetEntry> e = {
      {"J1", "g", "X", "p1", 70}, {"J2", "g", "X", "p1", 80}, {"J3", "g", "X", "p1", 95},
      {"J1", "g", "X", "p2", 90}, {"J2", "g", "X", "p2", 95}, {"J1", "g", "Y", "q", 60},
      {"J2", "g", "Y", "q", 85},  {"J3", "g", "Y", "q", 85},  {"J4", "g", "Y", "q", 90},
      {"J5", "g", "Y", "q", 99},
  };
  auto r = ScoreSheets(e, true);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].county, "Y");
  EXPECT_DOUBLE_EQ((*r)[0].score, 260.0 / 3);
  EXPECT_EQ((*r)[1].county, "X");
  EXPECT_DOUBLE_EQ((*r)[1].score, 86.25);
  EXPECT_EQ((*r)[1].rank, 2);
  // Without trimming: X = (245/3 + 92.5)/2, Y = 419/5 = 83.8 → X first.
  auto u = ScoreSheets(e, false);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ((*u)[0].county, "X");
  EXPECT_DOUBLE_EQ((*u)[0].score, (245.0 / 3 + 92.5) / 2);
  EXPECT_DOUBLE_EQ((*u)[1].score, 83.8);
}

TEST(Sheet, BlendsWithIndicatorScore) {
  // X: projects 80, indicator 90, weights 0.7 / 0.3 → 56 + 27 = 83.
  std::vector<SheetEntry> e = {{"J1", "g", "X", "p", 80}};
  auto r = ScoreSheets(e, true, {0.7, 0.3}, {{"X", 90}});
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ((*r)[0].score, 83);
  auto missing = ScoreSheets(e, true, {0.7, 0.3}, {});
  ASSERT_FALSE(missing.ok());
}

TEST(Sheet, InvalidEntries) {
  std::vector<SheetEntry> e = {
      {"J1", "g", "X", "p", 100.5},                             // above 100
      {"J1", "g", "X", "q", -1},                                // below 0
      {"J1", "g", "X", "r", 50},    {"J1", "g", "X", "r", 60},  // r twice by J1
      {"", "g", "X", "s", 50},                                  // no judge
  };
  auto problems = ValidateSheets(e);
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].column, "score");
  EXPECT_EQ(problems[1].column, "score");
  EXPECT_EQ(problems[2].column, "project");
  EXPECT_EQ(problems[2].entry, 3u);
  EXPECT_EQ(problems[3].column, "judge");
  // Bounds are inclusive.
  EXPECT_TRUE(
      ValidateSheets(std::vector<SheetEntry>{{"J", "g", "X", "p", 0}, {"J", "g", "X", "q", 100}}).empty());
}

TEST(Criteria, WeightedTotalOfDefaults) {
  // 0.3·80 + 0.3·90 + 0.2·70 + 0.2·60 = 24 + 27 + 14 + 12 = 77.
  auto total = WeightedTotal(
      DefaultCriteria(), {{"投资规模", 80}, {"建设进度", 90}, {"产业层次与科技含量", 70}, {"综合效益", 60}});
  ASSERT_TRUE(total.ok());
  EXPECT_DOUBLE_EQ(*total, 77);
  // Weights need not add up to 100: (2·50 + 1·80) / 3 = 60.
  std::vector<Criterion> custom = {{"a", 2}, {"b", 1}};
  EXPECT_DOUBLE_EQ(*WeightedTotal(custom, {{"a", 50}, {"b", 80}}), 60);
  EXPECT_FALSE(WeightedTotal(custom, {{"a", 50}}).ok());                       // b not rated
  EXPECT_FALSE(WeightedTotal(custom, {{"a", 50}, {"b", 80}, {"c", 1}}).ok());  // unknown
  EXPECT_FALSE(WeightedTotal(custom, {{"a", 101}, {"b", 80}}).ok());           // out of range
}

TEST(Criteria, PointsOutOfEachWeightAreTheSheetsTotal) {
  // The paper form: 26/30 + 27/30 + 17/20 + 18/20 = 88 points, the total itself (weights add to 100).
  const std::map<std::string, double> points = {
      {"投资规模", 26}, {"建设进度", 27}, {"产业层次与科技含量", 17}, {"综合效益", 18}};
  auto sheet = SheetFromPoints(DefaultCriteria(), points);
  ASSERT_TRUE(sheet.ok()) << sheet.error().message;
  EXPECT_EQ(sheet->total, 88);  // exactly, not 87.99999…
  // Each is the rating 100·p/w: 26 of 30 → 86.67, 17 of 20 → 85.
  EXPECT_DOUBLE_EQ(sheet->ratings.at("投资规模"), 2600.0 / 30);
  EXPECT_DOUBLE_EQ(sheet->ratings.at("产业层次与科技含量"), 85);
  // The ratings give the same total the weight-averaged way, and back the same points.
  EXPECT_NEAR(*WeightedTotal(DefaultCriteria(), sheet->ratings), 88, 1e-9);
  auto back = PointsOfRatings(DefaultCriteria(), sheet->ratings);
  for (const auto& [name, p] : points) EXPECT_NEAR(back.at(name), p, 1e-12) << name;
  // Half points, and the bounds 0 and the full weight, are taken.
  auto half = SheetFromPoints(
      DefaultCriteria(), {{"投资规模", 30}, {"建设进度", 0}, {"产业层次与科技含量", 12.5}, {"综合效益", 20}});
  ASSERT_TRUE(half.ok());
  EXPECT_EQ(half->total, 62.5);
  EXPECT_EQ(FullMarks(DefaultCriteria()), 100);
  // Weights adding up to 90: 45 of 90 points is still 50 out of 100.
  std::vector<Criterion> ninety = {{"a", 60}, {"b", 30}};
  EXPECT_DOUBLE_EQ(SheetFromPoints(ninety, {{"a", 30}, {"b", 15}})->total, 50);
}

TEST(Criteria, PointsBeyondTheWeightAreRefusedByField) {
  auto bad =
      SheetFromPoints(DefaultCriteria(), {{"投资规模", 31}, {"建设进度", -1}, {"综合效益", 18}, {"x", 1}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  std::map<std::string, std::pair<std::string, std::string>> by_field;
  for (const auto& d : bad.error().details) by_field[d.field] = {d.value, d.reason};
  EXPECT_EQ(by_field.at("points.投资规模"),
            std::make_pair(std::string("31"), std::string("must be within 0..30")));
  EXPECT_EQ(by_field.at("points.建设进度").second, "must be within 0..30");
  EXPECT_EQ(by_field.at("points.产业层次与科技含量").second, "criterion not rated");
  EXPECT_EQ(by_field.at("points.x").second, "unknown criterion");
  EXPECT_EQ(by_field.size(), 4u);
}

TEST(Ranking, CompetitionRankingOneTwoTwoFour) {
  auto r = CompetitionRank({{"d", 70}, {"b", 80}, {"a", 90}, {"c", 80}});
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].key, "a");
  EXPECT_EQ(r[0].rank, 1);
  EXPECT_EQ(r[1].key, "b");
  EXPECT_EQ(r[1].rank, 2);
  EXPECT_EQ(r[2].key, "c");
  EXPECT_EQ(r[2].rank, 2);
  EXPECT_EQ(r[3].key, "d");
  EXPECT_EQ(r[3].rank, 4);
}

TEST(Ranking, TiesWithinEpsilonAnchoredAtTopOfRun) {
  // c and b differ by 0.8e-9 (tie); a is 1.6e-9 below c: not tied with the run although it is
  // within 1e-9 of b.
  auto r = CompetitionRank({{"a", 80}, {"b", 80 + 0.8e-9}, {"c", 80 + 1.6e-9}});
  EXPECT_EQ(r[0].key, "b");  // tied with c; ties are listed by key
  EXPECT_EQ(r[0].rank, 1);
  EXPECT_EQ(r[1].key, "c");
  EXPECT_EQ(r[1].rank, 1);
  EXPECT_EQ(r[2].key, "a");
  EXPECT_EQ(r[2].rank, 3);
  // Floating noise: 0.1 + 0.2 and 0.3 are the same score.
  auto n = CompetitionRank({{"x", 0.1 + 0.2}, {"y", 0.3}});
  EXPECT_EQ(n[0].rank, 1);
  EXPECT_EQ(n[1].rank, 1);
}

// ---- event lifecycle ----------------------------------------------------------------------

Event SheetEvent() {
  Event e;
  e.name = "2026年一季度重点项目观摩评议";
  e.start = {2026, 3, 20};
  e.end = {2026, 3, 22};
  e.level = "city";
  e.groups = {"县市区组"};
  e.config.mode = JudgingMode::kSheet;
  e.nominations = {{"县市区组", "冠县", "p1"}, {"县市区组", "东阿", "p2"}};
  e.judges = {"J1", "J2", "J3"};
  return e;
}

std::map<std::string, double> AllRatings(double v) {
  return {{"投资规模", v}, {"建设进度", v}, {"产业层次与科技含量", v}, {"综合效益", v}};
}

TEST(Event, JudgesSubmitWhileOpenAndReplaceTheirOwn) {
  Event e = SheetEvent();
  EXPECT_EQ(SubmitSheet(e, "J1", e.nominations[0], AllRatings(80)).error().code,
            ErrorCode::kConflict);  // still draft
  ASSERT_TRUE(Open(e).ok());
  ASSERT_TRUE(SubmitSheet(e, "J1", e.nominations[0], AllRatings(80)).ok());
  ASSERT_TRUE(SubmitSheet(e, "J1", e.nominations[0], AllRatings(85)).ok());  // replaces
  ASSERT_TRUE(SubmitSheet(e, "J2", e.nominations[0], AllRatings(90)).ok());
  EXPECT_EQ(SubmitSheet(e, "stranger", e.nominations[0], AllRatings(90)).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(SubmitSheet(e, "J1", {"县市区组", "冠县", "nope"}, AllRatings(90)).error().code,
            ErrorCode::kNotFound);
  ASSERT_EQ(e.submissions.size(), 2u);
  // Before close a judge sees only their own sheets, and nobody sees results.
  auto mine = SheetsVisibleTo(e, "J1");
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_DOUBLE_EQ(mine[0].entry.score, 85);
  EXPECT_FALSE(Results(e).ok());
  ASSERT_TRUE(Close(e).ok());
  EXPECT_EQ(SheetsVisibleTo(e, "J1").size(), 2u);
  auto results = Results(e);
  ASSERT_TRUE(results.ok());
  EXPECT_DOUBLE_EQ((*results)[0].score, 87.5);  // (85 + 90) / 2, two judges: no trim
}

TEST(Event, FrozenAfterClose) {
  Event e = SheetEvent();
  ASSERT_TRUE(Open(e).ok());
  ASSERT_TRUE(SubmitSheet(e, "J1", e.nominations[0], AllRatings(80)).ok());
  ASSERT_TRUE(SubmitSheet(e, "J1", e.nominations[1], AllRatings(70)).ok());
  ASSERT_TRUE(Close(e).ok());
  auto before = Results(e);
  ASSERT_TRUE(before.ok());
  auto s = SubmitSheet(e, "J1", e.nominations[1], AllRatings(99));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(Open(e).ok());   // no reopening
  EXPECT_FALSE(Close(e).ok());  // already closed
  auto after = Results(e);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), before->size());
  for (std::size_t i = 0; i < after->size(); ++i) {
    EXPECT_EQ((*after)[i].county, (*before)[i].county);
    EXPECT_EQ((*after)[i].score, (*before)[i].score);
    EXPECT_EQ((*after)[i].rank, (*before)[i].rank);
  }
  ASSERT_TRUE(Publish(e, Publication::kWithScores).ok());
  EXPECT_FALSE(SubmitSheet(e, "J2", e.nominations[0], AllRatings(10)).ok());
  EXPECT_FALSE(Publish(e, Publication::kRankOnly).ok());  // published once
}

TEST(Event, OnlyADraftIsEdited) {
  Event e = SheetEvent();
  EXPECT_TRUE(CheckEditable(e).ok());
  ASSERT_TRUE(Open(e).ok());
  for (int step = 0; step < 3; ++step) {
    auto s = CheckEditable(e);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::kConflict);
    EXPECT_NE(s.error().message.find("rule observation.draft_only"), std::string::npos) << s.error().message;
    if (step == 0) {
      ASSERT_TRUE(Close(e).ok());
    } else if (step == 1) {
      ASSERT_TRUE(Publish(e, Publication::kRankOnly).ok());
    }
  }
}

TEST(Event, PublishRankOnlyOrWithScores) {
  Event e = SheetEvent();
  ASSERT_TRUE(Open(e).ok());
  ASSERT_TRUE(SubmitSheet(e, "J1", e.nominations[0], AllRatings(80)).ok());
  ASSERT_TRUE(SubmitSheet(e, "J1", e.nominations[1], AllRatings(90)).ok());
  EXPECT_FALSE(Publish(e, Publication::kRankOnly).ok());  // must close first
  ASSERT_TRUE(Close(e).ok());
  EXPECT_FALSE(PublishedResults(e).ok());  // closed is not yet public
  Event with_scores = e;
  ASSERT_TRUE(Publish(e, Publication::kRankOnly).ok());
  auto pub = PublishedResults(e);
  ASSERT_TRUE(pub.ok());
  EXPECT_EQ((*pub)[0].county, "东阿");
  EXPECT_EQ((*pub)[0].rank, 1);
  EXPECT_FALSE((*pub)[0].score.has_value());
  ASSERT_TRUE(Publish(with_scores, Publication::kWithScores).ok());
  auto scored = PublishedResults(with_scores);
  ASSERT_TRUE(scored.ok());
  EXPECT_DOUBLE_EQ(*(*scored)[0].score, 90);
}

TEST(Event, BallotEventNeedsCompleteBallots) {
  Event e;
  e.name = "观摩";
  e.groups = {"g"};
  e.config.mode = JudgingMode::kBallot;
  e.nominations = {{"g", "A", "a1"}, {"g", "B", "b1"}, {"g", "C", "c1"}};
  e.judges = {"J1", "J2"};
  ASSERT_TRUE(Open(e).ok());
  EXPECT_FALSE(SubmitBallot(e, "J1", "g", {{"A", 1}, {"B", 2}}).ok());            // C missing
  EXPECT_FALSE(SubmitBallot(e, "J1", "g", {{"A", 1}, {"B", 1}, {"C", 3}}).ok());  // rank twice
  EXPECT_FALSE(SubmitBallot(e, "J1", "g", {{"A", 1}, {"B", 2}, {"Z", 3}}).ok());  // unknown
  ASSERT_TRUE(SubmitBallot(e, "J1", "g", {{"A", 3}, {"B", 2}, {"C", 1}}).ok());
  ASSERT_TRUE(SubmitBallot(e, "J1", "g", {{"A", 1}, {"B", 2}, {"C", 3}}).ok());  // replaces
  ASSERT_TRUE(SubmitBallot(e, "J2", "g", {{"B", 1}, {"A", 2}, {"C", 3}}).ok());
  EXPECT_EQ(BallotsVisibleTo(e, "J2").size(), 3u);
  ASSERT_TRUE(Close(e).ok());
  EXPECT_EQ(BallotsVisibleTo(e, "J2").size(), 6u);
  auto r = Results(e);
  ASSERT_TRUE(r.ok());
  // A = (100 + 97)/2 = 98.5, B = 98.5, C = 94 → 1, 1, 3.
  EXPECT_EQ((*r)[0].county, "A");
  EXPECT_EQ((*r)[1].county, "B");
  EXPECT_EQ((*r)[1].rank, 1);
  EXPECT_DOUBLE_EQ((*r)[2].score, 94);
  EXPECT_EQ((*r)[2].rank, 3);
}

TEST(Event, AJudgeMarksPointsAndSeesThemBack) {
  Event e = SheetEvent();
  ASSERT_TRUE(Open(e).ok());
  ASSERT_TRUE(
      SubmitSheetPoints(e, "J1", e.nominations[0],
                        {{"投资规模", 26}, {"建设进度", 27}, {"产业层次与科技含量", 17}, {"综合效益", 18}})
          .ok());
  ASSERT_TRUE(SubmitSheet(e, "J2", e.nominations[0], AllRatings(80)).ok());
  ASSERT_EQ(e.submissions.size(), 2u);
  EXPECT_EQ(e.submissions[0].entry.score, 88);
  EXPECT_EQ(e.submissions[0].points.at("投资规模"), 26);
  // A sheet rated 0..100 carries its points too: 80 of 100 on 30 → 24.
  EXPECT_DOUBLE_EQ(e.submissions[1].points.at("投资规模"), 24);
  EXPECT_DOUBLE_EQ(e.submissions[1].points.at("综合效益"), 16);
  // The same rules as ratings: a stranger, a closed event, points over the weight.
  EXPECT_EQ(SubmitSheetPoints(e, "stranger", e.nominations[0], {}).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(SubmitSheetPoints(e, "J1", e.nominations[1], {{"投资规模", 40}}).error().code,
            ErrorCode::kInvalid);
  ASSERT_TRUE(Close(e).ok());
  EXPECT_EQ(SubmitSheetPoints(e, "J3", e.nominations[0], {}).error().code, ErrorCode::kConflict);
  EXPECT_DOUBLE_EQ((*Results(e))[0].score, 84);  // (88 + 80) / 2
}

}  // namespace
}  // namespace gj::assessment

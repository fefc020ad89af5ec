// The offline scoring command on text and on files: exact output, and every problem reported
// with its row and column while nothing is written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/observation_score.h"
#include "io/observation_csv.h"

namespace gj::cli {
namespace {

ObservationScoreOptions Ballot(double step = 3) { return {"", "", "ballot", step, true}; }
ObservationScoreOptions Sheet(bool trim = true) { return {"", "", "sheet", 3, trim}; }

using Lines = std::vector<std::string>;

// The problems of scoring `in`, in order; an input with problems gives no output.
Lines Problems(const std::string& in, const ObservationScoreOptions& o) {
  auto out = ScoreObservationCsv(in, o);
  if (!out.problems.empty()) EXPECT_TRUE(out.csv.empty()) << out.csv;
  return out.problems;
}

TEST(FormatScore, ShortestRoundTripWithoutExponent) {
  EXPECT_EQ(io::FormatScore(97), "97");
  EXPECT_EQ(io::FormatScore(95.5), "95.5");
  EXPECT_EQ(io::FormatScore(260.0 / 3), "86.66666666666667");
  EXPECT_EQ(io::FormatScore(0.0001), "0.0001");
  EXPECT_EQ(io::FormatScore(-0.0), "0");
  EXPECT_EQ(io::FormatScore(-6), "-6");
}

TEST(ObservationScoreCsv, BallotsExactOutput) {
  // Columns in another order, an extra column, CRLF, BOM, a blank line.
  const char* in =
      "\xEF\xBB\xBF"
      "county,rank,judge,group,note\r\n"
      "冠县,1,张,县市区组,\r\n东阿,2,张,县市区组,x\r\n莘县,3,张,县市区组,\r\n"
      "冠县,2,李,县市区组,\r\n东阿,1,李,县市区组,\r\n莘县,3,李,县市区组,\r\n"
      "\r\n"
      "\"开发,区\",1,张,开发区组,\r\n";
  auto out = ScoreObservationCsv(in, Ballot());
  ASSERT_TRUE(out.problems.empty()) << out.problems.front();
  EXPECT_EQ(out.csv,
            "group,county,score,rank\n"
            "县市区组,东阿,98.5,1\n"
            "县市区组,冠县,98.5,1\n"
            "县市区组,莘县,94,3\n"
            "开发区组,\"开发,区\",100,1\n");
  auto step5 = ScoreObservationCsv(in, Ballot(5));
  EXPECT_NE(step5.csv.find("县市区组,莘县,90,3\n"), std::string::npos);
}

TEST(ObservationScoreCsv, SheetsExactOutput) {
  // X: p (70, 80, 95 → 80), q (90, 95 → 92.5) → 86.25; Y: r 60 85 85 90 99 → 260/3.
  const char* in =
      "judge,group,county,project,score\n"
      "J1,g,X,p,70\nJ2,g,X,p,80\nJ3,g,X,p,95\nJ1,g,X,q,90\nJ2,g,X,q,95\n"
      "J1,g,Y,r,60\nJ2,g,Y,r,85\nJ3,g,Y,r,85\nJ4,g,Y,r,90\nJ5,g,Y,r,99\n";
  auto out = ScoreObservationCsv(in, Sheet());
  ASSERT_TRUE(out.problems.empty());
  EXPECT_EQ(out.csv, "group,county,score,rank\ng,Y,86.66666666666667,1\ng,X,86.25,2\n");
  // --no-trim: X = (245/3 + 92.5)/2 = 87.08333…, Y = 83.8.
  auto untrimmed = ScoreObservationCsv(in, Sheet(false));
  EXPECT_EQ(untrimmed.csv, "group,county,score,rank\ng,X,87.08333333333334,1\ng,Y,83.8,2\n");
}

TEST(ObservationScoreCsv, EveryBallotProblemWithRowAndColumn) {
  const char* in =
      "judge,group,county,rank\n"
      "A,g,x,1\n"
      "A,g,x,2\n"    // row 3: x twice
      "A,g,y,5\n"    // row 4: outside 1..2
      "B,g,x,abc\n"  // row 5: not a number; B never ranks y
      "B,g,y,1\n"
      "C,g,x,1\nC,g,y,1\n";  // row 8: rank 1 twice
  EXPECT_EQ(Problems(in, Ballot()),
            (Lines{"row 3, column county, value x: judge A ranks this county twice in group g (also row 2)",
                   "row 4, column rank, value 5: rank must be within 1..2 (group g has 2 counties)",
                   "row 5, column rank, value abc: rank must be a whole number",
                   "row 8, column rank, value 1: judge C gives this rank twice in group g (also row 7)"}));
}

TEST(ObservationScoreCsv, RepeatedRowIsOneProblemAndEmptyCountyIsNotACounty) {
  EXPECT_EQ(
      Problems("judge,group,county,rank\nA,g,x,1\nA,g,x,1\n", Ballot()),
      (Lines{"row 3, column county, value x: judge A ranks this county twice in group g (also row 2)"}));
  EXPECT_EQ(Problems("judge,group,county,rank\nA,g,x,1\nB,g,x,1\nB,g,,2\n", Ballot()),
            (Lines{"row 4, column county, value (empty): must not be empty",
                   "row 4, column rank, value 2: rank must be within 1..1 (group g has 1 county)"}));
}

TEST(ObservationScoreCsv, IncompleteBallotIsInvalid) {
  EXPECT_EQ(Problems("judge,group,county,rank\nA,g,x,1\nA,g,y,2\nB,g,x,1\n", Ballot()),
            (Lines{"column county, value y: judge B does not rank this county in group g (each judge ranks "
                   "every county of the group)"}));
}

TEST(ObservationScoreCsv, SheetProblems) {
  const char* in =
      "judge,group,county,project,score\n"
      "A,g,x,p,101\n"
      "A,g,x,q,-0.5\n"
      "A,g,x,r,八十\n"
      "A,g,x,s,80\nA,g,x,s,81\n"
      ",g,x,t,80\n";
  EXPECT_EQ(Problems(in, Sheet()),
            (Lines{"row 2, column score, value 101: score must be a number within 0..100",
                   "row 3, column score, value -0.5: score must be a number within 0..100",
                   "row 4, column score, value 八十: score must be a number within 0..100",
                   "row 6, column project, value s: judge A scores this project twice (also row 5)",
                   "row 7, column judge, value (empty): must not be empty"}));
}

TEST(ObservationScoreCsv, MissingColumnsAndEmptyInput) {
  auto out = ScoreObservationCsv("judge,county,rank\nA,x,1\n", Ballot());
  ASSERT_EQ(out.problems.size(), 1u);
  EXPECT_EQ(out.problems[0], "row 1, column group: missing column group");
  auto sheet = ScoreObservationCsv("judge,group,county,rank\nA,g,x,1\n", Sheet());
  ASSERT_EQ(sheet.problems.size(), 2u);  // project and score
  EXPECT_FALSE(ScoreObservationCsv("", Ballot()).problems.empty());
  EXPECT_FALSE(ScoreObservationCsv("judge,group,county,rank\n", Ballot()).problems.empty());
  // A stray unquoted comma shifts a row: reported rather than silently mis-read.
  auto shifted = ScoreObservationCsv("judge,group,county,rank\nA,g,x,y,1\n", Ballot());
  EXPECT_FALSE(shifted.problems.empty());
}

class RunObservationScoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("gj_obs_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    auto p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  // Scoring ballots from a file `csv` into out.csv of the test's directory.
  ObservationScoreOptions BallotFiles(const std::string& csv) {
    ObservationScoreOptions o = Ballot();
    o.input = Write("in.csv", csv);
    o.output = (dir_ / "out.csv").string();
    return o;
  }
  std::filesystem::path dir_;
};

TEST_F(RunObservationScoreTest, WritesOutputOnSuccess) {
  const ObservationScoreOptions o = BallotFiles("judge,group,county,rank\nA,g,x,2\nA,g,y,1\n");
  std::ostringstream err;
  EXPECT_EQ(RunObservationScore(o, err), kExitOk);
  EXPECT_TRUE(err.str().empty());
  std::ifstream f(o.output);
  std::stringstream s;
  s << f.rdbuf();
  EXPECT_EQ(s.str(), "group,county,score,rank\ng,y,100,1\ng,x,97,2\n");
  // Only the output: no temporary file left beside it.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_), {}), 2);
}

TEST_F(RunObservationScoreTest, InvalidInputExitsTwoAndWritesNothing) {
  ObservationScoreOptions o = BallotFiles("judge,group,county,rank\nA,g,x,1\nA,g,x,2\n");
  std::ostringstream err;
  EXPECT_EQ(RunObservationScore(o, err), kExitInvalidInput);
  EXPECT_NE(err.str().find("row 3, column county"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(o.output));
  o.input = (dir_ / "missing.csv").string();
  EXPECT_EQ(RunObservationScore(o, err), kExitInvalidInput);
  EXPECT_FALSE(std::filesystem::exists(o.output));
}

}  // namespace
}  // namespace gj::cli

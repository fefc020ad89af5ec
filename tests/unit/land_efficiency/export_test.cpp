#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/xlsx_reader.h"
#include "service/land_efficiency/export.h"
#include "service/land_efficiency/input.h"

namespace gj::land {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class LandExport : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("gj_land_export_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    scheme_.name = "example";
    auto fixed = [](IndicatorId id, double w, double b) {
      return IndicatorSpec{id, w, {BenchmarkMode::kFixed, 1, b}, 1.5};
    };
    scheme_.above = GroupScheme{
        {fixed(IndicatorId::kTaxPerMu, 40, 20), fixed(IndicatorId::kRevenuePerEmission, 15, 800)}};
    scheme_.below =
        GroupScheme{{fixed(IndicatorId::kTaxPerMu, 100, 20), fixed(IndicatorId::kRevenuePerMu, 10, 50)}};
    auto table = ParseInputCsv(
        "credit_code,name,industry_code,above_scale,land_mu,tax,revenue,emission_eq,electricity_kwh\n"
        "91371500MA3C00001J,\"A, \"\"one\"\"\",3311,是,100,3000,60000,50,1000\n"
        "91371500MA3C00002M,B,3311,是,50,500,10000,,\n"
        "91371500MA3C00003Q,C,4412,是,80,80,4000,20,\n"
        "000000000000000000,D,,否,2,1,1,,\n");
    ASSERT_TRUE(table) << table.error().message;
    input_ = std::move(table->enterprises);
    ev_ = Evaluate(scheme_, input_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  Scheme scheme_;
  std::vector<Enterprise> input_;
  Evaluation ev_;
};

TEST_F(LandExport, CsvColumnsAndCells) {
  io::FileSink file((dir_ / "out.csv").string());
  WriteResultsCsv(file, NamesOf(input_), ev_);
  ASSERT_TRUE(file.Close());
  // A: 60 (capped) + 22.5 (capped) = 82.5; B: 40·10/20 = 20 + emission missing → mean of {22.5}
  // = 42.5; N = 2 → A, C; B needs s' = 20 + 40 = 60 = w·cap → x' = 30 → tax' 1500 → +1000.
  // Indicator columns: above's in order, then below's new one (revenue_per_mu), each once.
  EXPECT_EQ(
      Slurp(dir_ / "out.csv"),
      "credit_code,name,group,status,score,rank,class,tax_per_mu,tax_per_mu_score,revenue_per_emission,"
      "revenue_per_emission_score,revenue_per_mu,revenue_per_mu_score,surcharge_yuan,tax_to_next_class\n"
      "91371500MA3C00001J,\"A, \"\"one\"\"\",above,classed,82.5,1,A,30,60,1200,22.5,,,0.00,\n"
      "91371500MA3C00002M,B,above,classed,42.5,2,C,10,20,,22.5,,,,1000.00\n"
      "91371500MA3C00003Q,C,excluded,excluded,,,,,,,,,,,\n"
      "000000000000000000,D,not_evaluated,not_evaluated,,,,,,,,,,,\n");
}

TEST_F(LandExport, XlsxReadsBack) {
  auto table = io::XlsxTable::Create((dir_ / "out.xlsx").string(), "results");
  ASSERT_TRUE(table);
  WriteResultsXlsx(**table, NamesOf(input_), ev_);
  ASSERT_TRUE((*table)->Close());
  auto rows = io::ReadXlsxFile((dir_ / "out.xlsx").string());
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 5u);
  EXPECT_EQ((*rows)[0][4], "score");
  EXPECT_EQ((*rows)[1][1], "A, \"one\"");
  EXPECT_EQ((*rows)[1][4], "82.5");
  EXPECT_EQ((*rows)[2][14], "1000");
  EXPECT_TRUE((*rows)[3].size() <= 4 || (*rows)[3][4].empty());  // rows are as wide as their last value
}

TEST_F(LandExport, JsonAndSummary) {
  io::StringSink out;
  WriteResultsJson(out, scheme_, NamesOf(input_), ev_);
  const auto doc = nlohmann::json::parse(out.bytes());
  EXPECT_EQ(doc["results"].size(), 4u);
  EXPECT_EQ(doc["results"][1]["tax_to_next_class"], 1000.0);
  EXPECT_TRUE(doc["results"][2]["score"].is_null());
  EXPECT_EQ(doc["summary"], SummaryJson(scheme_, ev_));
  const auto summary = SummaryJson(scheme_, ev_);
  EXPECT_EQ(summary["groups"][0]["class_counts"]["A"], 1);
  EXPECT_EQ(summary["groups"][0]["benchmarks"]["tax_per_mu"], 20.0);
  EXPECT_EQ(summary["groups"][2]["group"], "excluded");
  EXPECT_EQ(summary["groups"][2]["count"], 1);
}

TEST(LandFormat, NumbersAndCents) {
  EXPECT_EQ(FormatNumber(126.75), "126.75");
  EXPECT_EQ(FormatNumber(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(FormatNumber(-0.0), "0");
  EXPECT_EQ(FormatCents(54750), "547.50");
  EXPECT_EQ(FormatCents(5), "0.05");
  EXPECT_EQ(FormatCents(-5), "-0.05");
}

}  // namespace
}  // namespace gj::land

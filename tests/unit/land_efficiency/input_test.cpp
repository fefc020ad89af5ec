#include <gtest/gtest.h>

#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "domain/land_efficiency/evaluate.h"
#include "service/land_efficiency/input.h"

namespace gj::land {
namespace {

constexpr const char* kHeader = "credit_code,name,above_scale,land_mu,tax,revenue,veto\n";

TEST(LandInput, ChineseLabelsBomAndBooleans) {
  const std::string csv =
      "\xEF\xBB\xBF统一社会信用代码,企业名称,是否规上,用地面积（亩）,税收(万元),营业收入(万元),一票否决,不定等级,加分,备注\r\n"
      "91371500MA3C00001J,甲,是,10,1.5,100,否,,2,x\r\n"
      "\r\n"
      "91371500MA3C00002M,\"乙, 有限公司\",N,5,-3,0,Y,true,,\r\n"
      "91371500MA3C00003Q,丙,0,7,0,0,1,0,,\r\n";
  auto r = ParseInputCsv(csv);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->enterprises.size(), 3u);  // the blank line is skipped
  EXPECT_EQ(r->row_numbers, (std::vector<size_t>{2, 4, 5}));
  const auto& a = r->enterprises[0];
  EXPECT_TRUE(a.above_scale);
  EXPECT_DOUBLE_EQ(a.tax, 1.5);
  EXPECT_DOUBLE_EQ(a.bonus, 2);
  EXPECT_FALSE(a.veto);
  EXPECT_FALSE(a.value_added);
  const auto& b = r->enterprises[1];
  EXPECT_EQ(b.name, "乙, 有限公司");
  EXPECT_FALSE(b.above_scale);
  EXPECT_TRUE(b.veto);
  EXPECT_TRUE(b.undetermined);
  EXPECT_DOUBLE_EQ(b.tax, -3);
  EXPECT_TRUE(r->enterprises[2].veto);
}

TEST(LandInput, EveryInvalidRowIsReported) {
  const std::string csv = std::string(kHeader) +
                          "91371500MA3C00001J,甲,是,10,1,100,\n"
                          "91371500MA3C00001K,乙,maybe,0,abc,-1,\n"  // row 3: five problems
                          "91371500MA3C00001J,丙,否,10,1,1,\n"       // row 4: duplicate of row 2
                          ",,是,10,1,1,\n";                          // row 5: two required cells empty
  auto r = ParseInputCsv(csv);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  std::vector<std::string> got;
  for (const auto& d : r.error().details) got.push_back(d.field + " | " + d.value + " | " + d.reason);
  const std::vector<std::string> expected = {
      "row 3, column credit_code | 91371500MA3C00001K | check character should be 'J', not 'K'",
      "row 3, column above_scale | maybe | not a yes/no value (是/否, Y/N, true/false, 1/0)",
      "row 3, column land_mu | 0 | must be > 0",
      "row 3, column tax | abc | not a number",
      "row 3, column revenue | -1 | must be >= 0",
      "row 4, column credit_code | 91371500MA3C00001J | duplicate credit code (first in row 2)",
      "row 5, column credit_code |  | required",
      "row 5, column name |  | required",
  };
  EXPECT_EQ(got, expected);
}

TEST(LandInput, MultiLineCellsKeepSpreadsheetRowNumbers) {
  const std::string csv = std::string(kHeader) + "91371500MA3C00001J,\"two\nlines\",是,10,1,100,\n" +
                          "91371500MA3C00002M,乙,是,-1,1,100,\n";
  auto r = ParseInputCsv(csv);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().details.at(0).field, "row 3, column land_mu");
}

TEST(LandInput, MissingRequiredColumnsAreAnError) {
  auto r = ParseInputCsv("credit_code,name,tax\n91371500MA3C00001J,甲,1\n");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().details.size(), 3u);  // above_scale, land_mu, revenue
  EXPECT_EQ(r.error().details[0].field, "column above_scale");
  EXPECT_FALSE(ParseInputCsv(""));
}

TEST(LandInput, ColumnNamedTwiceIsAnError) {
  auto r = ParseInputCsv("credit_code,name,above_scale,land_mu,tax,revenue,税收(万元)\n");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().details.at(0).reason.find("appears twice"), std::string::npos);
}

TEST(LandInput, FromSpreadsheetRows) {
  const std::vector<std::vector<std::string>> rows = {
      {"credit_code", "name", "above_scale", "land_mu", "tax", "revenue", "employees"},
      {"91371500MA3C00001J", "甲", "1", "10", "1234.5", "1E3", ""},
      {"", "", "", "", "", "", ""},
      {"91371500MA3C00002M", "乙", "0", "12", "x", "0", "3"}};
  auto r = ParseInputRows(rows);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().details.at(0).field, "row 4, column tax");
}

// The CLI's compact reader: the same rows, figures and problems as ParseInputCsv, grouped for the
// scheme, with the names the output repeats (an escaped quote, spaces trimmed).
TEST(LandInput, CompactFileReadsWhatTheTableReads) {
  const auto path =
      std::filesystem::temp_directory_path() / ("gj_land_compact_" + std::to_string(::getpid()) + ".csv");
  const std::string csv =
      "credit_code,name,industry_code,above_scale,land_mu,tax,revenue,energy_tce,加分,减分,veto\r\n"
      "91371500MA3C00001J,\"甲 \"\"一\"\" \",3311,是,10,1.5,100,,2,0.5,\r\n"
      ",,,,,,,,,,\r\n"
      "91371500MA3C00002M,乙,4412,否,5,-3,0,7,,,是\r\n"
      "91371500MA3C00003Q,丙,3311,否,2,0,0,1e1,,,\r\n";
  std::ofstream(path, std::ios::binary) << csv;
  const Scheme scheme = ShandongScheme();
  auto compact = ReadInputFile(path.string(), scheme);
  auto table = ParseInputCsv(csv);
  ASSERT_TRUE(compact) << compact.error().message;
  ASSERT_TRUE(table);
  ASSERT_EQ(compact->figures.size(), 3u);
  ASSERT_EQ(compact->names.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    const Enterprise& e = table->enterprises[i];
    const Figures expected = FiguresOf(e, scheme);
    const Figures& got = compact->figures[i];
    EXPECT_EQ(compact->names.Code(i), e.credit_code);
    EXPECT_EQ(compact->names.Name(i), e.name);
    EXPECT_EQ(std::memcmp(&got, &expected, offsetof(Figures, group)), 0) << i;  // the doubles, bit for bit
    EXPECT_EQ(got.group, expected.group) << i;
    EXPECT_EQ(got.veto, expected.veto) << i;
    EXPECT_EQ(got.undetermined, expected.undetermined) << i;
  }
  EXPECT_EQ(compact->names.Name(0), "甲 \"一\"");
  EXPECT_EQ(compact->figures[0].group, Group::kAbove);
  EXPECT_DOUBLE_EQ(compact->figures[0].bonus_minus_penalty, 1.5);
  EXPECT_TRUE(std::isnan(compact->figures[0].energy_tce));
  EXPECT_EQ(compact->figures[1].group, Group::kExcluded);
  EXPECT_EQ(compact->figures[2].group, Group::kNotEvaluated);
  EXPECT_EQ(compact->figures[2].energy_tce, 10);

  std::ofstream(path, std::ios::binary) << "credit_code,name,above_scale,land_mu,tax,revenue\n"
                                        << "91371500MA3C00001J,甲,是,0,1,1\n";
  auto bad = ReadInputFile(path.string(), scheme);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().details.at(0).field, "row 2, column land_mu");
  std::filesystem::remove(path);
}

TEST(LandInput, Numbers) {
  EXPECT_EQ(ParseNumber(" 12.5 "), 12.5);
  EXPECT_EQ(ParseNumber("+3"), 3);
  EXPECT_EQ(ParseNumber("-1e2"), -100);
  EXPECT_FALSE(ParseNumber("1,000"));
  EXPECT_FALSE(ParseNumber("inf"));
  EXPECT_FALSE(ParseNumber("nan"));
  EXPECT_FALSE(ParseNumber("+-1"));
  EXPECT_FALSE(ParseNumber(""));
  EXPECT_EQ(ParseBool("TRUE"), true);
  EXPECT_EQ(ParseBool("n"), false);
  EXPECT_FALSE(ParseBool("yes"));
}

}  // namespace
}  // namespace gj::land

namespace gj::land {
namespace {

// The fast path for plain decimals must give exactly the double from_chars gives.
TEST(LandInput, FastNumbersAgreeWithFromChars) {
  for (const char* s :
       {"0", "-0", "0.1", "1234.56", "-3.14159", "999999999999999", "0.000000000000000000001",
        "123456789.123456", "1.", ".5", "-.25", "33.3", "0.3", "1234567890123456", "17.000"}) {
    double expected = 0;
    std::from_chars(s, s + std::strlen(s), expected);
    auto got = ParseNumber(s);
    ASSERT_TRUE(got) << s;
    EXPECT_EQ(*got, expected) << s;
  }
  EXPECT_FALSE(ParseNumber("."));
  EXPECT_FALSE(ParseNumber("-"));
  EXPECT_FALSE(ParseNumber("1.2.3"));
  EXPECT_FALSE(ParseNumber("12a"));
}

}  // namespace
}  // namespace gj::land

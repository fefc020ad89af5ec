#include <gtest/gtest.h>

#include "io/csv.h"

namespace gj::io {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows Read(std::string_view s) {
  auto r = ReadCsvRows(s);
  EXPECT_TRUE(r) << r.error().message;
  return r ? *r : Rows{};
}

TEST(Csv, PlainAndQuotedFields) {
  EXPECT_EQ(Read("a,b,c\n1,,3\n"), (Rows{{"a", "b", "c"}, {"1", "", "3"}}));
  EXPECT_EQ(Read("\"a,b\",\"say \"\"hi\"\"\",\"\"\n"), (Rows{{"a,b", "say \"hi\"", ""}}));
  EXPECT_EQ(Read("\"line1\r\nline2\",x\r\ny,z"), (Rows{{"line1\r\nline2", "x"}, {"y", "z"}}));
}

TEST(Csv, LineEndsBomAndTrailingComma) {
  EXPECT_EQ(Read("\xEF\xBB\xBFid,name\r\n1,甲\r\n"), (Rows{{"id", "name"}, {"1", "甲"}}));
  EXPECT_EQ(Read("a\rb\n"), (Rows{{"a"}, {"b"}}));
  EXPECT_EQ(Read("a,\n"), (Rows{{"a", ""}}));
  EXPECT_EQ(Read(""), Rows{});
}

TEST(Csv, EscapedQuotesInSeveralColumnsStayValid) {
  // Scratch buffers of earlier columns must survive later ones being created.
  std::string line;
  Rows expected(1);
  for (int i = 0; i < 40; ++i) {
    const std::string n = std::to_string(i);
    if (i) line.push_back(',');
    line.append("\"c").append(n).append("\"\"q\"\"\"");
    expected[0].push_back(std::string("c").append(n).append("\"q\""));
  }
  EXPECT_EQ(Read(line), expected);
}

TEST(Csv, RecordNumbersCountRecordsNotLines) {
  std::vector<size_t> numbers;
  auto st = ForEachCsvRow("h\n\"a\nb\"\nc\n", [&](size_t n, std::span<const std::string_view>) {
    numbers.push_back(n);
    return true;
  });
  ASSERT_TRUE(st);
  EXPECT_EQ(numbers, (std::vector<size_t>{1, 2, 3}));
}

TEST(Csv, UnterminatedQuoteIsAnError) {
  auto r = ReadCsvRows("a,b\n\"open,c\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_NE(r.error().message.find("row 2"), std::string::npos);
}

TEST(Csv, WriterQuotesOnlyWhenNeeded) {
  std::string out;
  std::vector<std::string_view> fields = {"plain", "a,b", "say \"hi\"", "two\nlines", ""};
  AppendCsvRow(out, fields);
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n");
  EXPECT_EQ(Read(out), (Rows{{"plain", "a,b", "say \"hi\"", "two\nlines", ""}}));
}

}  // namespace
}  // namespace gj::io

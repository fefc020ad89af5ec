// The hand-written JSON of hot list pages must stay valid JSON: escapes, runs of plain text,
// Chinese text untouched; checked by parsing it back with nlohmann.
#include "common/json_writer.h"

#include "common/date.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <vector>

namespace gj::testing {
namespace {

std::string Quoted(std::string_view s) {
  std::string out;
  json::AppendString(out, s);
  return out;
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(Quoted(""), "\"\"");
  EXPECT_EQ(Quoted("东阿县阿胶产业园"), "\"东阿县阿胶产业园\"");
  EXPECT_EQ(Quoted("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(Quoted("line\nnext\ttab\r"), "\"line\\nnext\\ttab\\r\"");
  EXPECT_EQ(Quoted(std::string("x\x01y\x1f", 4)), "\"x\\u0001y\\u001f\"");
  EXPECT_EQ(Quoted("\"\""), "\"\\\"\\\"\"");  // escapes back to back, nothing between
  for (const std::string s :
       std::vector<std::string>{"项目\"名称\"", "C:\\路径\\文件", std::string("\x7f\x02末尾", 8)}) {
    EXPECT_EQ(nlohmann::json::parse(Quoted(s)).get<std::string>(), s);
  }
}

TEST(JsonWriter, DatesWriteAndReadBack) {
  EXPECT_EQ((Date{2026, 3, 5}).ToString(), "2026-03-05");
  EXPECT_EQ((Date{987, 12, 31}).ToString(), "0987-12-31");
  EXPECT_EQ(ParseIsoDate("2026-11-23"), (Date{2026, 11, 23}));
  EXPECT_FALSE(ParseIsoDate("2026-02-30"));
}

}  // namespace
}  // namespace gj::testing

#include "io/xlsx_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/xlsx_reader.h"

namespace gj::io {
namespace {

using Rows = std::vector<std::vector<std::string>>;
using Style = XlsxSheetWriter::Style;

TEST(XlsxSheetWriter, WritesWhatTheReaderReadsBack) {
  XlsxSheetWriter w("重点项目", {{12, false}, {20, true}, {16, true}, {13, true}});
  w.FreezeHeaderAndFilter();
  w.Row();
  w.Text(0, "编号", Style::kHeader);
  w.Text(1, "名称", Style::kHeader);
  w.Text(2, "金额", Style::kHeader);
  w.Text(3, "日期", Style::kHeader);
  w.Row();
  w.Text(0, "A-1");
  w.Text(1, "县 & <镇>");
  w.Number(2, 1234.5, Style::kMoney);
  w.Integer(3, 46096, Style::kDate);
  w.Row();  // a gap before a cell
  w.Text(1, " spaced ");
  w.Number(3, 0.1);
  w.Row();
  w.Text(0, "=HYPERLINK(\"x\")");  // guarded, inline
  w.Text(1, "+A1");                // guarded, shared
  w.Text(2, "ctl\x01z");
  w.Text(3, "县 & <镇>");  // shared twice
  w.Row();                 // an empty last row
  const std::string bytes = w.Finish();
  auto rows = ReadXlsxRows(bytes);
  ASSERT_TRUE(rows) << rows.error().message;
  const Rows want = {{"编号", "名称", "金额", "日期"},
                     {"A-1", "县 & <镇>", "1234.5", "46096"},
                     {"", " spaced ", "", "0.1"},
                     {"'=HYPERLINK(\"x\")", "'+A1", "ctl_x0001_z", "县 & <镇>"}};
  EXPECT_EQ(*rows, want);
  auto names = ReadXlsxSheetNames(bytes);
  ASSERT_TRUE(names);
  EXPECT_EQ(*names, std::vector<std::string>{"重点项目"});
}

TEST(XlsxSheetWriter, ManyRowsStreamThroughTheDeflatingThread) {
  XlsxSheetWriter w("S", {{10, true}, {10, false}});
  for (int r = 0; r < 50000; ++r) {
    w.Row();
    w.Text(0, "county " + std::to_string(r % 7));
    w.Text(1, "unique " + std::to_string(r));
  }
  auto rows = ReadXlsxRows(w.Finish());
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 50000u);
  EXPECT_EQ((*rows)[49999], (std::vector<std::string>{"county 5", "unique 49999"}));
}

TEST(XlsxSheetWriter, AnEmptySheetIsAWorkbook) {
  XlsxSheetWriter w("S", {});
  auto rows = ReadXlsxRows(w.Finish());
  ASSERT_TRUE(rows) << rows.error().message;
  EXPECT_TRUE(rows->empty());
}

}  // namespace
}  // namespace gj::io

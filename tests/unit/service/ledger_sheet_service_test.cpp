#include "service/ledger/ledger_sheet_service.h"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/ledger/ledger_sheet.h"
#include "ledger_fixture.h"

namespace gj::testing {
namespace {

using Sheet = std::vector<std::vector<std::string>>;

// Writes a sheet of text cells to an xlsx file and returns its bytes.
std::string MakeXlsx(const Sheet& rows) {
  // Unique per process and call: ctest runs tests in parallel processes with the same rand() seed.
  static int calls = 0;
  const std::string path =
      (std::filesystem::temp_directory_path() /
       ("gj-sheet-" + std::to_string(getpid()) + "-" + std::to_string(++calls) + ".xlsx"))
          .string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      if (!rows[r][c].empty())
        worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), rows[r][c].c_str(),
                               nullptr);
    }
  }
  workbook_close(wb);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::filesystem::remove(path);
  return ss.str();
}

const std::vector<std::string> kHeader = {"项目编号", "项目名称", "县区",        "镇街",     "项目类别",
                                          "项目级别", "建设性质", "项目类型",    "项目阶段", "总投资(万元)",
                                          "包保领导", "责任单位", "实际开工日期"};

class LedgerSheetTest : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    sheets_ = std::make_unique<service::LedgerSheetService>(tdb_->db(), *ledger_);
  }
  std::unique_ptr<service::LedgerSheetService> sheets_;
};

TEST_P(LedgerSheetTest, DryRunListsEveryProblemAndWritesNothing) {
  auto bytes =
      MakeXlsx({kHeader,
                {"DE-1", "项目一", "东阿县", "铜城街道", "工业", "县重点", "新开工", "实施类", "签约",
                 "1234.5", "张明远", "工业和信息化局", ""},
                {"DE-2", "项目二", "东阿县", "不存在镇", "工厂", "县重点", "新开工", "实施类", "开工", "abc",
                 "", "", ""},
                {"DE-1", "", "东阿县", "", "工业", "县重点", "新开工", "实施类", "签约", "", "", "", ""}});
  auto r = sheets_->Import(As("coordinator", "371524"), bytes, true);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->rows, 3);
  EXPECT_EQ(r->created, 1);
  // Row 3: town, category, amount; row 4: name required, duplicate code. Row 3's stage 开工
  // without a start date is only checked once its cells are valid.
  std::vector<std::pair<int, std::string>> got;
  for (const auto& d : r->problems.details()) got.emplace_back(d.row, d.field);
  std::vector<std::pair<int, std::string>> want = {
      {3, "镇街"}, {3, "项目类别"}, {3, "总投资(万元)"}, {4, "项目名称"}, {4, "项目编号"}};
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  EXPECT_EQ(got, want);
  for (const auto& d : r->problems.details()) {
    if (d.field == "项目类别") {
      EXPECT_EQ(d.value, "工厂");
      EXPECT_EQ(d.allowed, (std::vector<std::string>{"工业", "农业", "服务业", "基础设施", "社会民生"}));
    }
  }
  EXPECT_EQ(JournalCount(), 0);
  // A real import of the same file writes nothing either.
  auto real = sheets_->Import(As("coordinator", "371524"), bytes, false);
  ASSERT_FALSE(real);
  EXPECT_EQ(real.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(ledger_->List(As("coordinator", "371524"), {})->total_count, 0);
}

TEST_P(LedgerSheetTest, ImportCreatesThenUpdatesByCodeWithJournal) {
  auto ctx = As("coordinator", "371524");
  auto first = MakeXlsx({kHeader,
                         {"DE-1", "项目一", "东阿县", "铜城街道", "工业", "县重点", "新开工", "实施类",
                          "开工", "1234.5", "张明远", "工业和信息化局", "2026/3/15"}});
  auto r = sheets_->Import(ctx, first, false);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->created, 1);
  auto p = ledger_->List(ctx, {})->items.at(0);
  EXPECT_EQ(p.project.total_investment, 12345000);
  EXPECT_EQ(p.project.actual_start, (Date{2026, 3, 15}));
  EXPECT_EQ(p.leader_name, "张明远");
  EXPECT_EQ(p.unit_name, "工业和信息化局");

  auto second = MakeXlsx({kHeader,
                          {"DE-1", "项目一（更名）", "东阿县", "铜城街道", "工业", "县重点", "新开工",
                           "实施类", "开工", "1234.5", "张明远", "工业和信息化局", "2026-03-15"}});
  auto again = sheets_->Import(ctx, second, false);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->updated, 1);
  EXPECT_EQ(again->created, 0);
  auto j = ledger_->Journal(ctx, p.project.id).value();
  ASSERT_EQ(j.items.size(), 2u);
  EXPECT_EQ(j.items[0].action, "import");
  EXPECT_EQ(nlohmann::json::parse(j.items[0].changes_json),
            nlohmann::json::parse(R"([{"field":"name","old":"项目一","new":"项目一（更名）"}])"));
  EXPECT_EQ(ledger_->Get(ctx, p.project.id)->project.version, 2);
}

TEST_P(LedgerSheetTest, ProjectRulesAreCheckedPerRow) {
  auto bytes = MakeXlsx(
      {kHeader,
       {"DE-1", "项目一", "东阿县", "", "工业", "县重点", "新开工", "实施类", "开工", "", "", "", ""}});
  auto r = sheets_->Import(As("coordinator", "371524"), bytes, true);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->problems.size(), 1u);
  EXPECT_EQ(r->problems.details()[0].field, "实际开工日期");
  EXPECT_EQ(r->problems.details()[0].row, 2);
}

TEST_P(LedgerSheetTest, ACorruptFileIsAClearError) {
  auto r = sheets_->Import(As("coordinator", "371524"), "this is not a spreadsheet", true);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  auto missing =
      sheets_->Import(As("coordinator", "371524"), MakeXlsx({{"项目编号", "项目名称"}, {"DE-1", "x"}}), true);
  ASSERT_TRUE(missing);
  EXPECT_GE(missing->problems.size(), 6u);  // every missing required column, in row 1
  EXPECT_EQ(missing->problems.details()[0].row, 1);
}

TEST_P(LedgerSheetTest, ExportThenImportChangesNothing) {
  auto ctx = As("coordinator", "371524");
  // Text a spreadsheet would take for a formula goes out guarded ("'=…") and comes back as it was.
  auto body = NewProject("DE-1");
  body["builder"] = "=HYPERLINK(\"http://x\",\"阿胶\")";
  ASSERT_TRUE(ledger_->Create(ctx, body));
  auto file = sheets_->Export(ctx, {}, "xlsx");
  ASSERT_TRUE(file);
  EXPECT_EQ(file->filename, "重点项目台账-" + std::to_string(ctx.today.year) + ".xlsx");
  auto r = sheets_->Import(ctx, file->bytes, false);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->unchanged, 1);
  EXPECT_EQ(JournalCount(), 1);
  auto csv = sheets_->Export(ctx, {}, "csv").value().bytes;
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF项目编号,项目名称", 0), 0u);
  EXPECT_NE(csv.find("120000.00"), std::string::npos);  // 1,200,000,000 yuan = 120000.00 万元
}

INSTANTIATE_TEST_SUITE_P(Engines, LedgerSheetTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

#include <gtest/gtest.h>
#include <minizip/zip.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "io/xlsx_reader.h"

namespace gj::io {
namespace {

using Rows = std::vector<std::vector<std::string>>;
namespace fs = std::filesystem;

class XlsxReader : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("gj_xlsx_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  static std::string Slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  // A zip with exactly the given parts (for malformed workbooks).
  void MakeZip(const std::string& path, const std::map<std::string, std::string>& parts) {
    zipFile z = zipOpen64(path.c_str(), 0);
    ASSERT_TRUE(z);
    for (const auto& [name, content] : parts) {
      zip_fileinfo info{};
      ASSERT_EQ(
          zipOpenNewFileInZip64(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 9, 1),
          ZIP_OK);
      ASSERT_EQ(zipWriteInFileInZip(z, content.data(), static_cast<unsigned>(content.size())), ZIP_OK);
      zipCloseFileInZip(z);
    }
    zipClose(z, nullptr);
  }

  std::string MinimalWorkbook() const {
    return R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
      <sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)";
  }

  fs::path dir_;
};

TEST_F(XlsxReader, CellsAsText) {
  const std::string path = Path("cells.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* first = workbook_add_worksheet(wb, "first");
  worksheet_write_string(first, 0, 0, "name", nullptr);
  worksheet_write_string(first, 0, 1, "amount", nullptr);
  worksheet_write_string(first, 1, 0, "甲企业", nullptr);
  worksheet_write_number(first, 1, 1, 1234.5, nullptr);
  worksheet_write_number(first, 1, 3, 46096, nullptr);  // column C left empty, D set
  worksheet_write_boolean(first, 3, 0, 1, nullptr);     // row 3 missing entirely
  worksheet_write_boolean(first, 3, 1, 0, nullptr);
  lxw_worksheet* second = workbook_add_worksheet(wb, "第二");
  worksheet_write_string(second, 0, 0, "only", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

  auto rows = ReadXlsxFile(path);
  ASSERT_TRUE(rows) << rows.error().message;
  // Each row as wide as its own last value (no padding to the widest row); the missing row is empty.
  EXPECT_EQ(*rows, (Rows{{"name", "amount"}, {"甲企业", "1234.5", "", "46096"}, {}, {"1", "0"}}));
  auto named = ReadXlsxFile(path, "第二");
  ASSERT_TRUE(named);
  EXPECT_EQ(*named, (Rows{{"only"}}));
  auto names = ReadXlsxSheetNames(Slurp(path));
  ASSERT_TRUE(names);
  EXPECT_EQ(*names, (std::vector<std::string>{"first", "第二"}));
}

TEST_F(XlsxReader, InlineStringsFromConstantMemoryMode) {
  const std::string path = Path("inline.xlsx");
  lxw_workbook_options opt{};
  opt.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &opt);
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  worksheet_write_string(ws, 0, 0, "a & <b>", nullptr);
  worksheet_write_string(ws, 0, 1, " spaced ", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  auto rows = ReadXlsxRows(Slurp(path));
  ASSERT_TRUE(rows) << rows.error().message;
  EXPECT_EQ(*rows, (Rows{{"a & <b>", " spaced "}}));
}

TEST_F(XlsxReader, MissingSheetIsAnError) {
  const std::string path = Path("one.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  workbook_add_worksheet(wb, "only");
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  auto rows = ReadXlsxFile(path, "nope");
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, ErrorCode::kInvalid);
  EXPECT_NE(rows.error().message.find("no sheet named 'nope'"), std::string::npos);
}

TEST_F(XlsxReader, NotAZip) {
  for (std::string bytes :
       {std::string(), std::string("credit_code,name\n1,2\n"), std::string("PK\x03\x04garbage", 11)}) {
    auto rows = ReadXlsxRows(bytes);
    ASSERT_FALSE(rows);
    EXPECT_EQ(rows.error().code, ErrorCode::kInvalid);
  }
  EXPECT_FALSE(ReadXlsxFile(Path("does-not-exist.xlsx")));
}

// A workbook the reader refuses (a missing part, XML that is not well-formed, a dangling shared
// string): invalid, the message saying what is wrong.
TEST_F(XlsxReader, MissingPartsAndBrokenXml) {
  struct Case {
    std::string file;
    std::map<std::string, std::string> parts;
    std::string message;
  };
  const Case cases[] = {
      {"empty.zip", {{"hello.txt", "hi"}}, "xl/workbook.xml is missing"},
      {"nosheet.xlsx", {{"xl/workbook.xml", MinimalWorkbook()}}, "is missing"},
      {"broken.xlsx",
       {{"xl/workbook.xml", MinimalWorkbook()},
        {"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c><v>1</v></row>"}},
       "not well-formed XML"},
      {"badref.xlsx",
       {{"xl/workbook.xml", MinimalWorkbook()},
        {"xl/worksheets/sheet1.xml",
         "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>"}},
       "shared string index"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    MakeZip(Path(c.file), c.parts);
    auto r = ReadXlsxFile(Path(c.file));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    EXPECT_NE(r.error().message.find(c.message), std::string::npos) << r.error().message;
  }
}

TEST_F(XlsxReader, MinimalHandWrittenSheet) {
  MakeZip(Path("min.xlsx"),
          {{"xl/workbook.xml", MinimalWorkbook()},
           {"xl/sharedStrings.xml",
            R"(<sst><si><t>x</t></si><si><r><t>ri</t></r><r><t>ch</t></r><rPh><t>no</t></rPh></si></sst>)"},
           {"xl/worksheets/sheet1.xml", R"(<x:worksheet xmlns:x="urn:x"><x:sheetData>
              <x:row r="2"><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>
              </x:sheetData></x:worksheet>)"}});
  auto r = ReadXlsxFile(Path("min.xlsx"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, (Rows{{}, {"", "rich", "x"}}));
}

TEST_F(XlsxReader, EntitiesCdataAndMalformedSheets) {
  auto sheet_with = [&](const std::string& name, const std::string& data) {
    MakeZip(Path(name),
            {{"xl/workbook.xml", MinimalWorkbook()},
             {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><!-- c --><worksheet><sheetData>" + data}});
    return ReadXlsxFile(Path(name));
  };
  auto ok = sheet_with(
      "ok.xlsx",
      R"(<row r='1'><c r="A1" t="inlineStr"><is><t>&#x4E2D;&#22269;&amp;&lt;</t></is></c>)"
      R"(<c r="B1" t="str"><f>A1</f><v><![CDATA[a<b]]></v></c><c r="C1" t="e"><v>#N/A</v></c></row>)"
      "</sheetData></worksheet>");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(*ok, (Rows{{"中国&<", "a<b", "#N/A"}}));
  for (const auto& [name, data] : std::vector<std::pair<std::string, std::string>>{
           {"truncated.xlsx", "<row r=\"1\"><c r=\"A1\"><v>1</v></c>"},
           {"mismatch.xlsx", "<row><c><v>1</c></v></row></sheetData></worksheet>"},
           {"entity.xlsx", "<row><c><v>&bogus;</v></c></row></sheetData></worksheet>"},
           {"attr.xlsx", "<row r=1><c><v>1</v></c></row></sheetData></worksheet>"},
           {"doctype.xlsx", "<!DOCTYPE x></sheetData></worksheet>"}}) {
    auto r = sheet_with(name, data);
    ASSERT_FALSE(r) << name;
    EXPECT_NE(r.error().message.find("not well-formed XML"), std::string::npos) << r.error().message;
  }
}

TEST_F(XlsxReader, ZipBombs) {
  // 8 MiB of one repeated character compresses about 1000:1: over the ratio limit.
  std::string sheet = "<worksheet><sheetData>" + std::string(8u << 20, ' ') + "</sheetData></worksheet>";
  MakeZip(Path("bomb.xlsx"), {{"xl/workbook.xml", MinimalWorkbook()}, {"xl/worksheets/sheet1.xml", sheet}});
  auto r = ReadXlsxFile(Path("bomb.xlsx"));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("zip bomb"), std::string::npos);
  // Over the size budget.
  XlsxLimits small;
  small.max_uncompressed_bytes = 100;
  r = ReadXlsxFile(Path("bomb.xlsx"), "", small);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("beyond the limit"), std::string::npos);
}

}  // namespace
}  // namespace gj::io

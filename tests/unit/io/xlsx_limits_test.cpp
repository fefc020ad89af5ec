// Hostile workbooks built here with minizip (issue 14 item 2): each is refused with 413 naming
// the cap it reached, or read within bounded memory; none pads rows to the widest column.
#include <gtest/gtest.h>
#include <minizip/zip.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "io/xlsx_reader.h"

namespace gj::io {
namespace {

namespace fs = std::filesystem;
using Parts = std::vector<std::pair<std::string, std::string>>;

const char* kWorkbook =
    R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
 <sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)";

std::string Sheet(const std::string& data) {
  return "<worksheet><sheetData>" + data + "</sheetData></worksheet>";
}

class XlsxLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("gj_xlsx_limits_" + std::to_string(::getpid()) + ".xlsx")).string();
  }
  void TearDown() override { fs::remove(path_); }

  static std::string Slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  // A zip of the parts, deflated; `lie` gives a part's declared uncompressed size instead of its real one.
  std::string Zip(const Parts& parts, const std::string& liar = "", uint64_t declared = 0) {
    zipFile z = zipOpen64(path_.c_str(), 0);
    EXPECT_TRUE(z);
    for (const auto& [name, content] : parts) {
      zip_fileinfo info{};
      if (name != liar) {
        EXPECT_EQ(
            zipOpenNewFileInZip64(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 9, 1),
            ZIP_OK);
        EXPECT_EQ(zipWriteInFileInZip(z, content.data(), static_cast<unsigned>(content.size())), ZIP_OK);
        zipCloseFileInZip(z);
        continue;
      }
      // Raw: deflate ourselves, then declare whatever size we like.
      std::string deflated(compressBound(content.size()) + 64, '\0');
      z_stream s{};
      deflateInit2(&s, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
      s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.data()));
      s.avail_in = static_cast<uInt>(content.size());
      s.next_out = reinterpret_cast<Bytef*>(deflated.data());
      s.avail_out = static_cast<uInt>(deflated.size());
      EXPECT_EQ(deflate(&s, Z_FINISH), Z_STREAM_END);
      deflated.resize(s.total_out);
      deflateEnd(&s);
      const uLong crc =
          crc32(0, reinterpret_cast<const Bytef*>(content.data()), static_cast<uInt>(content.size()));
      EXPECT_EQ(
          zipOpenNewFileInZip2_64(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 9,
                                  /*raw=*/1, 1),
          ZIP_OK);
      EXPECT_EQ(zipWriteInFileInZip(z, deflated.data(), static_cast<unsigned>(deflated.size())), ZIP_OK);
      zipCloseFileInZipRaw64(z, declared, crc);
    }
    zipClose(z, nullptr);
    return Slurp(path_);
  }

  static void ExpectLimit(const Result<std::vector<std::vector<std::string>>>& r, const std::string& limit) {
    ASSERT_FALSE(r) << "expected the cap " << limit;
    EXPECT_EQ(r.error().code, ErrorCode::kPayloadTooLarge) << r.error().message;
    EXPECT_TRUE(r.error().details.empty()) << r.error().message;
    EXPECT_EQ(r.error().extra["limit"]["name"], limit);
    EXPECT_NE(r.error().message.find(limit), std::string::npos) << r.error().message;
  }

  std::string path_;
};

// The finding: a few hundred bytes with one cell at XFD1048576 padded every row to 16,384 columns
// (4 GB and beyond). Now refused at once, saying which cap and where.
TEST_F(XlsxLimitsTest, OneCellAtTheLastCellOfExcelIsRefusedQuickly) {
  const std::string bytes =
      Zip({{"xl/workbook.xml", kWorkbook},
           {"xl/worksheets/sheet1.xml",
            Sheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>项目编号</t></is></c></row>)"
                  R"(<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>)")}});
  EXPECT_LT(bytes.size(), 1200u);
  const auto start = std::chrono::steady_clock::now();
  auto r = ReadXlsxRows(bytes);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  ExpectLimit(r, "max_rows");
  EXPECT_NE(r.error().extra["limit"]["where"].get<std::string>().find("cell XFD1048576"), std::string::npos)
      << r.error().extra.dump();
  EXPECT_EQ(r.error().extra["limit"]["row"], 1048576);

  // A cell far right in the first row: the column cap.
  auto wide = ReadXlsxRows(
      Zip({{"xl/workbook.xml", kWorkbook},
           {"xl/worksheets/sheet1.xml", Sheet(R"(<row r="1"><c r="XFD1"><v>1</v></c></row>)")}}));
  ExpectLimit(wide, "max_columns");
}

// With Excel's own dimensions allowed (the CLI), the same file reads without padding: a million
// empty rows and one row as wide as its value, not a million rows of 16,384 cells.
TEST_F(XlsxLimitsTest, NoPaddingToTheWidestRow) {
  XlsxLimits excel;
  excel.max_rows = 1048576;
  excel.max_columns = 16384;
  auto r = ReadXlsxRows(
      Zip({{"xl/workbook.xml", kWorkbook},
           {"xl/worksheets/sheet1.xml", Sheet(R"(<row r="1"><c r="A1"><v>7</v></c></row>)"
                                              R"(<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>)"
                                              R"(<row r="1048576"><c r="XFC1048576"/></row>)")}}),
      "", excel);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1048576u);
  EXPECT_EQ((*r)[0], std::vector<std::string>{"7"});
  EXPECT_TRUE((*r)[1].empty());
  EXPECT_EQ((*r)[1048575].size(), 16384u);
  EXPECT_EQ((*r)[1048575].back(), "1");

  // Empty cells far right and empty rows far down take nothing.
  auto empty =
      ReadXlsxRows(Zip({{"xl/workbook.xml", kWorkbook},
                        {"xl/worksheets/sheet1.xml",
                         Sheet(R"(<row r="1"><c r="A1"><v>a</v></c><c r="XFD1" s="1"/></row>)"
                               R"(<row r="1048576" s="2"><c r="XFD1048576" s="1"><v></v></c></row>)")}}));
  ASSERT_TRUE(empty) << empty.error().message;
  EXPECT_EQ(*empty, (std::vector<std::vector<std::string>>{{"a"}}));
}

// Data declared small that inflates large: minizip stops at the declared size and the checksum
// fails (422); declared at its real size over the part cap: refused before inflating (413);
// declared at the cap but larger: stopped at the cap, the checksum fails.
TEST_F(XlsxLimitsTest, ZipBombDeclaredSmallOrLarge) {
  const std::string bomb = Sheet(std::string(16u << 20, ' '));  // 16 MiB of one character
  const std::string part = "xl/worksheets/sheet1.xml";
  auto small = ReadXlsxRows(Zip({{"xl/workbook.xml", kWorkbook}, {part, bomb}}, part, 1000));
  ASSERT_FALSE(small);
  EXPECT_EQ(small.error().code, ErrorCode::kInvalid) << small.error().message;

  XlsxLimits limits;
  limits.max_ratio = 1u << 30;  // the ratio check off: the byte caps alone must hold
  limits.max_part_bytes = 4u << 20;
  ExpectLimit(ReadXlsxRows(Zip({{"xl/workbook.xml", kWorkbook}, {part, bomb}}), "", limits),
              "max_part_bytes");
  auto at_cap = ReadXlsxRows(Zip({{"xl/workbook.xml", kWorkbook}, {part, bomb}}, part, 4u << 20), "", limits);
  ASSERT_FALSE(at_cap);
  EXPECT_EQ(at_cap.error().code, ErrorCode::kInvalid) << at_cap.error().message;

  // Two parts each under the part cap, together over the workbook's budget (checked while
  // inflating, across the two threads that inflate them).
  limits.max_part_bytes = 12u << 20;
  limits.max_uncompressed_bytes = 12u << 20;
  const std::string half = Sheet(std::string(8u << 20, ' '));
  std::string sst = "<sst>" + std::string(8u << 20, ' ') + "</sst>";
  auto both = ReadXlsxRows(Zip({{"xl/workbook.xml", kWorkbook}, {part, half}, {"xl/sharedStrings.xml", sst}}),
                           "", limits);
  ExpectLimit(both, "max_uncompressed_bytes");

  // With the defaults, the ratio stops a 16 MiB part of spaces after about 1 MiB.
  auto ratio = ReadXlsxRows(Zip({{"xl/workbook.xml", kWorkbook}, {part, bomb}}));
  ExpectLimit(ratio, "max_ratio");
}

TEST_F(XlsxLimitsTest, SharedStringsAreCountedAndStreamed) {
  std::string sst = "<sst>";
  for (int i = 0; i < 200000; ++i) sst += "<si><t>s" + std::to_string(i) + "</t></si>";
  sst += "</sst>";
  const std::string sheet =
      Sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>199999</v></c></row>)");
  const std::string bytes = Zip(
      {{"xl/workbook.xml", kWorkbook}, {"xl/sharedStrings.xml", sst}, {"xl/worksheets/sheet1.xml", sheet}});
  auto ok = ReadXlsxRows(bytes);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(*ok, (std::vector<std::vector<std::string>>{{"s0", "s199999"}}));

  XlsxLimits limits;
  limits.max_shared_strings = 100000;
  ExpectLimit(ReadXlsxRows(bytes, "", limits), "max_shared_strings");
}

// One long shared string referenced by many cells: the text returned is capped, not the XML read.
TEST_F(XlsxLimitsTest, SharedStringAmplificationAndLongCells) {
  const std::string sst = "<sst><si><t>" + std::string(100000, 'x') + "</t></si></sst>";
  std::string data;
  for (int r = 1; r <= 200; ++r) {
    data += "<row r=\"" + std::to_string(r) + "\">";
    for (int c = 0; c < 10; ++c) data += "<c t=\"s\"><v>0</v></c>";
    data += "</row>";
  }
  XlsxLimits limits;
  limits.max_text_bytes = 8u << 20;
  ExpectLimit(ReadXlsxRows(Zip({{"xl/workbook.xml", kWorkbook},
                                {"xl/sharedStrings.xml", sst},
                                {"xl/worksheets/sheet1.xml", Sheet(data)}}),
                           "", limits),
              "max_text_bytes");

  const std::string long_cell =
      "<row r=\"1\"><c t=\"inlineStr\"><is><t>" + std::string(200000, 'y') + "</t></is></c></row>";
  ExpectLimit(
      ReadXlsxRows(Zip({{"xl/workbook.xml", kWorkbook}, {"xl/worksheets/sheet1.xml", Sheet(long_cell)}})),
      "max_cell_bytes");
}

// Ragged rows still cost their own width: the slots returned are capped.
TEST_F(XlsxLimitsTest, CellsRowsAndStructureParts) {
  std::string data;
  for (int r = 1; r <= 20; ++r)
    data += "<row r=\"" + std::to_string(r) + "\"><c r=\"ALL" + std::to_string(r) + "\"><v>1</v></c></row>";
  XlsxLimits limits;
  limits.max_cells = 10000;
  ExpectLimit(ReadXlsxRows(Zip({{"xl/workbook.xml", kWorkbook}, {"xl/worksheets/sheet1.xml", Sheet(data)}}),
                           "", limits),
              "max_cells");

  limits = {};
  limits.max_rows = 10;
  ExpectLimit(ReadXlsxRows(Zip({{"xl/workbook.xml", kWorkbook}, {"xl/worksheets/sheet1.xml", Sheet(data)}}),
                           "", limits),
              "max_rows");

  // The workbook part is parsed into a tree: capped at 4 MiB before parsing.
  std::string big_wb = kWorkbook;
  big_wb.insert(big_wb.find("<sheets>"), "<definedNames>" + std::string(5u << 20, ' ') + "</definedNames>");
  XlsxLimits no_ratio;
  no_ratio.max_ratio = 1u << 30;
  ExpectLimit(
      ReadXlsxRows(Zip({{"xl/workbook.xml", big_wb}, {"xl/worksheets/sheet1.xml", Sheet("")}}), "", no_ratio),
      "max_part_bytes");
}

}  // namespace
}  // namespace gj::io

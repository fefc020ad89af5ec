// The worksheet is inflated and scanned in one pass (issue 14, streaming): tokens split across
// chunk boundaries at every offset read the same as whole, and a sheet of 50 MB of XML is read
// with a peak memory far under its inflated size.
#include <gtest/gtest.h>
#include <minizip/zip.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "io/xlsx_reader.h"
#include "io/xlsx_xml.h"

namespace gj::io {
namespace {

namespace fs = std::filesystem;
using Rows = std::vector<std::vector<std::string>>;
using Parts = std::vector<std::pair<std::string, std::string>>;

const char* kWorkbook =
    R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
 <sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)";

// Every kind of token the scanner meets: a declaration, a comment, prefixed names, attributes in
// both quotes with '>' inside, entities and character references, CDATA, self-closing tags,
// shared, inline and rich strings, gaps in r=.
const char* kSheet =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    "\n<!-- a comment with <tags> & such --><x:worksheet xmlns:x=\"urn:x\"><x:sheetData>"
    R"(<x:row r="1" spans='1:3'><x:c r="A1" t="s"><x:v>1</x:v></x:c><x:c r="B1" s="2"/>)"
    R"(<x:c r="C1" t="inlineStr" note='a>b'><x:is><x:t>&#x4E2D;&#22269;&amp;&lt;&gt;&quot;&apos;</x:t></x:is></x:c></x:row>)"
    R"(<x:row r="3"><x:c r="B3" t="str"><x:f>A1</x:f><x:v><![CDATA[a<b]]>&amp;c</x:v></x:c>)"
    R"(<x:c r="D3" t="inlineStr"><x:is><x:r><x:t>ri</x:t></x:r><x:r><x:t xml:space="preserve">ch </x:t></x:r>)"
    R"(<x:rPh><x:t>no</x:t></x:rPh></x:is></x:c></x:row>)"
    "<x:row r=\"4\"  >\n<x:c r=\"A4\" ><x:v>12345.5</x:v></x:c></x:row>"
    "</x:sheetData></x:worksheet>\n";

const char* kShared = R"(<sst count="2"><si><t>zero</t></si><si><t>one &amp; 一</t></si></sst>)";

const Rows kExpected{{"one & 一", "", "中国&<>\"'"}, {}, {"", "a<b&c", "", "rich "}, {"12345.5"}};

class XlsxStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("gj_xlsx_stream_" + std::to_string(::getpid()) + ".xlsx")).string();
  }
  void TearDown() override { fs::remove(path_); }

  std::string Zip(const Parts& parts) {
    zipFile z = zipOpen64(path_.c_str(), 0);
    EXPECT_TRUE(z);
    for (const auto& [name, content] : parts) {
      zip_fileinfo info{};
      EXPECT_EQ(
          zipOpenNewFileInZip64(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 6, 1),
          ZIP_OK);
      EXPECT_EQ(zipWriteInFileInZip(z, content.data(), static_cast<unsigned>(content.size())), ZIP_OK);
      zipCloseFileInZip(z);
    }
    zipClose(z, nullptr);
    std::ifstream in(path_, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  std::string path_;
};

// Records every event, to compare a scan in pieces with a scan of the whole.
class Recorder : public xlsx::XmlHandler {
 public:
  std::vector<std::string> events;
  bool Open(std::string_view name, xlsx::XmlAttrs attrs) override {
    std::string e = "<" + std::string(name);
    for (const auto& [k, v] : attrs) e += " " + std::string(k) + "=" + std::string(v);
    events.push_back(e);
    if (name == "t" || name == "v") capture = true, text.clear();
    return true;
  }
  bool Close(std::string_view name) override {
    if (capture && (name == "t" || name == "v")) events.push_back("text:" + text), capture = false;
    events.push_back("/" + std::string(name));
    return true;
  }
};

Result<std::vector<std::string>> ScanInPieces(std::string_view xml, const std::vector<size_t>& cuts) {
  Recorder r;
  const std::string part = "sheet.xml";
  xlsx::XmlStream stream(part, "worksheet", 1000, r);
  size_t from = 0;
  for (const size_t cut : cuts) {
    if (auto st = stream.Feed(xml.substr(from, cut - from)); !st) return st.error();
    from = cut;
  }
  if (auto st = stream.Feed(xml.substr(from)); !st) return st.error();
  if (auto st = stream.Finish(); !st) return st.error();
  EXPECT_LE(stream.peak_held(), xml.size());
  return std::move(r.events);
}

TEST_F(XlsxStreamTest, ATokenSplitAtEveryOffsetScansAsWhole) {
  const std::string xml = kSheet;
  auto whole = ScanInPieces(xml, {});
  ASSERT_TRUE(whole) << whole.error().message;
  ASSERT_GT(whole->size(), 40u);
  for (size_t i = 0; i <= xml.size(); ++i) {
    auto two = ScanInPieces(xml, {i});
    ASSERT_TRUE(two) << "cut at " << i << ": " << two.error().message;
    ASSERT_EQ(*two, *whole) << "cut at " << i;
    for (size_t j = i; j <= std::min(xml.size(), i + 12); ++j) {  // two cuts close together
      auto three = ScanInPieces(xml, {i, j});
      ASSERT_TRUE(three) << "cuts at " << i << ", " << j << ": " << three.error().message;
      ASSERT_EQ(*three, *whole) << "cuts at " << i << ", " << j;
    }
  }
  std::vector<size_t> every;  // one byte at a time
  for (size_t i = 1; i < xml.size(); ++i) every.push_back(i);
  auto bytes = ScanInPieces(xml, every);
  ASSERT_TRUE(bytes) << bytes.error().message;
  EXPECT_EQ(*bytes, *whole);
}

// The reader itself with tiny chunks: the same rows whatever the chunk size.
TEST_F(XlsxStreamTest, TheReaderReadsTheSameRowsWithAnyChunkSize) {
  const std::string bytes = Zip({{"xl/workbook.xml", kWorkbook},
                                 {"xl/sharedStrings.xml", kShared},
                                 {"xl/worksheets/sheet1.xml", kSheet}});
  auto whole = ReadXlsxRows(bytes);
  ASSERT_TRUE(whole) << whole.error().message;
  EXPECT_EQ(*whole, kExpected);
  const size_t size = std::string(kSheet).size();
  for (size_t chunk = 1; chunk <= size + 1; ++chunk) {
    XlsxLimits limits;
    limits.stream_chunk_bytes = chunk;
    auto rows = ReadXlsxRows(bytes, "", limits);
    ASSERT_TRUE(rows) << "chunk " << chunk << ": " << rows.error().message;
    ASSERT_EQ(*rows, kExpected) << "chunk " << chunk;
  }
}

// Broken XML is still refused when the break falls on a chunk boundary, and the caps still hold.
TEST_F(XlsxStreamTest, MalformedAndCappedInTinyChunks) {
  XlsxLimits tiny;
  tiny.stream_chunk_bytes = 1;
  for (const std::string& data :
       {std::string("<row r=\"1\"><c r=\"A1\"><v>1</v></c>"),
        std::string("<row><c><v>1</c></v></row></sheetData></worksheet>"),
        std::string("<row><c><v>&bogus;</v></c></row></sheetData></worksheet>"),
        std::string("<row><c><v>&amp</v></c></row></sheetData></worksheet>"),
        std::string("<row r=1><c><v>1</v></c></row></sheetData></worksheet>"),
        std::string("<!DOCTYPE x></sheetData></worksheet>"),
        std::string("<row><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet><x"),
        std::string("<row><!-- open</sheetData></worksheet>")}) {
    const std::string sheet = "<worksheet><sheetData>" + data;
    auto r =
        ReadXlsxRows(Zip({{"xl/workbook.xml", kWorkbook}, {"xl/worksheets/sheet1.xml", sheet}}), "", tiny);
    ASSERT_FALSE(r) << data;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid) << r.error().message;
    EXPECT_NE(r.error().message.find("not well-formed XML"), std::string::npos) << r.error().message;
  }
  // A tag that never ends is not kept whole: refused once longer than a cell may be.
  const std::string endless =
      "<worksheet><sheetData><row r=\"1\"><c r=\"" + std::string(300000, 'A') + "\"/>";
  XlsxLimits limits;
  limits.stream_chunk_bytes = 4096;
  auto r =
      ReadXlsxRows(Zip({{"xl/workbook.xml", kWorkbook}, {"xl/worksheets/sheet1.xml", endless}}), "", limits);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kPayloadTooLarge) << r.error().message;
  EXPECT_EQ(r.error().extra["limit"]["name"], "max_cell_bytes");
  // A long cell split over many chunks: the text cap counts the pieces together.
  const std::string long_cell = "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>" +
                                std::string(200000, 'y') + "</t></is></c></row></sheetData></worksheet>";
  auto cell = ReadXlsxRows(Zip({{"xl/workbook.xml", kWorkbook}, {"xl/worksheets/sheet1.xml", long_cell}}), "",
                           limits);
  ASSERT_FALSE(cell);
  EXPECT_EQ(cell.error().extra["limit"]["name"], "max_cell_bytes");
}

std::string StatusLine(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(field)) return line;
  }
  return "";
}

long StatusKb(const char* field) {
  const std::string line = StatusLine(field);
  return line.empty() ? -1 : std::stol(line.substr(line.find(':') + 1));
}

// 50 MB of worksheet XML (rows of styled empty cells, as Excel writes for formatted ranges, and a
// value every 1,000 rows): read in a child process whose peak resident memory is reset first; the
// growth must stay far under the XML's size (the whole part in memory took at least 50 MB).
TEST_F(XlsxStreamTest, ALargeSheetIsReadInMemoryFarUnderItsXmlSize) {
  zipFile z = zipOpen64(path_.c_str(), 0);
  ASSERT_TRUE(z);
  for (const auto& [name, content] : Parts{{"xl/workbook.xml", kWorkbook}}) {
    zip_fileinfo info{};
    ASSERT_EQ(
        zipOpenNewFileInZip64(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 6, 1),
        ZIP_OK);
    zipWriteInFileInZip(z, content.data(), static_cast<unsigned>(content.size()));
    zipCloseFileInZip(z);
  }
  zip_fileinfo info{};
  ASSERT_EQ(zipOpenNewFileInZip64(z, "xl/worksheets/sheet1.xml", &info, nullptr, 0, nullptr, 0, nullptr,
                                  Z_DEFLATED, 6, 1),
            ZIP_OK);
  uint64_t inflated = 0;
  auto put = [&](const std::string& s) {
    zipWriteInFileInZip(z, s.data(), static_cast<unsigned>(s.size()));
    inflated += s.size();
  };
  put("<worksheet><sheetData>");
  int rows = 0;
  const uint64_t target = 50'000'000;
  while (inflated < target) {
    std::string row = "<row r=\"" + std::to_string(++rows) + "\" spans=\"1:26\" s=\"3\" customFormat=\"1\">";
    for (char col = 'A'; col <= 'Z'; ++col)
      row +=
          std::string("<c r=\"") + col + std::to_string(rows) + "\" s=\"" + std::to_string(rows % 7) + "\"/>";
    if (rows % 1000 == 0)
      row += "<c r=\"AA" + std::to_string(rows) + "\"><v>" + std::to_string(rows) + "</v></c>";
    put(row + "</row>");
  }
  put("</sheetData></worksheet>");
  zipCloseFileInZip(z);
  zipClose(z, nullptr);
  std::string bytes;
  {
    std::ifstream in(path_, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
  }
  ASSERT_GE(inflated, target);
  const int last = rows - rows % 1000;

  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::close(fds[0]);
    std::ofstream("/proc/self/clear_refs") << "5";  // the peak resident size starts again from now
    const long before = StatusKb("VmHWM:");
    XlsxLimits limits;
    limits.max_ratio = 1u << 20;  // the ratio is not what this test measures
    auto r = ReadXlsxRows(bytes, "", limits);
    const long after = StatusKb("VmHWM:");
    const bool ok = r && static_cast<int>(r->size()) == last && r->back().size() == 27 &&
                    r->back().back() == std::to_string(last) && (*r)[999].back() == "1000";
    char out[128];
    const int n = std::snprintf(out, sizeof out, "%d %ld %ld", ok ? 1 : 0, before, after);
    if (::write(fds[1], out, static_cast<size_t>(n)) != n) ::_exit(2);
    ::_exit(0);
  }
  ::close(fds[1]);
  char in[128] = {};
  const ssize_t got = ::read(fds[0], in, sizeof in - 1);
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_GT(got, 0);
  int ok = 0;
  long before = 0, after = 0;
  ASSERT_EQ(std::sscanf(in, "%d %ld %ld", &ok, &before, &after), 3) << in;
  EXPECT_EQ(ok, 1) << "the rows read are not the rows written";
  ASSERT_GT(before, 0);
  const long growth_kb = after - before;
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer keeps freed blocks resident in its quarantine (up to 256 MB), so the peak says
  // nothing about what the reader holds: the bound is checked by the Release tests
  // (scripts/test_quick.sh), the rows read are checked here.
  GTEST_SKIP() << "peak memory is not measured under AddressSanitizer (growth " << growth_kb << " kB)";
#endif
  std::printf("sheet XML %.1f MB (%zu bytes zipped, %d rows): peak resident growth %.1f MB\n", inflated / 1e6,
              bytes.size(), rows, growth_kb / 1024.0);
  EXPECT_LT(growth_kb, 16 * 1024) << "the reader held the sheet's XML (" << inflated / 1e6 << " MB)";
}

}  // namespace
}  // namespace gj::io

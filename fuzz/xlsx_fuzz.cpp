// The .xlsx reader (io/xlsx_reader) and the three sheet parsers behind it: the ledger import
// (domain/ledger/ledger_sheet), the roster (domain/org/roster_sheet) and the land-efficiency
// input (service/land_efficiency/input).
//
// Input: either a whole file (it starts with "PK": a zip as uploaded), or the text of the parts of
// a workbook separated by lines "====" — the first worksheet, xl/sharedStrings.xml,
// xl/workbook.xml, xl/_rels/workbook.xml.rels, then more worksheets — zipped here without
// compression and with correct CRCs, so that mutations reach the XML parsing instead of dying in
// the zip's checksums. Parts left out get a minimal default.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "domain/ledger/ledger_sheet.h"
#include "domain/org/roster_sheet.h"
#include "fuzz_util.h"
#include "io/xlsx_reader.h"
#include "service/land_efficiency/input.h"

namespace {

using namespace gj;

const char* const kWorkbook =
    R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
    R"(<sheet name="单位" sheetId="1" r:id="rId1"/><sheet name="人员" sheetId="2" r:id="rId2"/></sheets></workbook>)";
const char* const kRels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>)"
    R"(</Relationships>)";
const char* const kSheet =
    R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>)";

std::string Workbook(std::string_view input) {
  if (input.starts_with("PK")) return std::string(input);
  const auto parts = fuzz::Split(input, "\n====\n");
  auto part = [&](size_t i, const char* fallback) {
    return i < parts.size() ? std::string(parts[i]) : std::string(fallback);
  };
  std::vector<std::pair<std::string, std::string>> files = {
      {"[Content_Types].xml", "<Types/>"},
      {"xl/workbook.xml", part(2, kWorkbook)},
      {"xl/_rels/workbook.xml.rels", part(3, kRels)},
      {"xl/worksheets/sheet1.xml", part(0, kSheet)},
      {"xl/worksheets/sheet2.xml", part(4, kSheet)},
  };
  if (parts.size() > 1) files.push_back({"xl/sharedStrings.xml", std::string(parts[1])});
  return fuzz::StoredZip(files);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes = Workbook(fuzz::View(data, size));
  // Small caps keep one input's memory bounded whatever the reader does with them.
  io::XlsxLimits limits;
  limits.max_uncompressed_bytes = 8u << 20;
  auto names = io::ReadXlsxSheetNames(bytes, limits);
  auto rows = io::ReadXlsxRows(bytes, "", limits);
  // Oracle: the sheet is scanned in chunks as it inflates; tiny chunks (every token split
  // somewhere) read the same rows, and succeed exactly when the default chunks do.
  io::XlsxLimits tiny = limits;
  tiny.stream_chunk_bytes = 1 + size % 13;
  auto again = io::ReadXlsxRows(bytes, "", tiny);
  if (static_cast<bool>(rows) != static_cast<bool>(again) || (rows && *rows != *again)) __builtin_trap();
  if (!rows) return 0;

  (void)land::ParseInputRows(*rows);

  ledger::Dictionaries dicts = ledger::DefaultDictionaries();
  ledger::OrgIndex org;
  org.county_by_name = {{"东阿县", "371524"}};
  org.town_by_name = {{{"371524", "铜城街道"}, "371524001"}};
  org.leader_by_name = {{{"371524", "王海涛"}, 1}};
  org.unit_by_name = {{{"371524", "工业和信息化局"}, 2}};
  (void)ledger::ParseLedgerSheet(*rows, dicts, org, Date{2026, 6, 15}, 2026);

  roster::RosterIndex index;
  index.county_code = "371524";
  index.regions = {{"371524", "东阿县", "county", "371500"}, {"371524001", "铜城街道", "town", "371524"}};
  index.units = {{2, "工业和信息化局", "371524", false}};
  index.people = {{1, "王海涛", std::nullopt, false}};
  std::optional<std::vector<std::vector<std::string>>> people;
  if (names && names->size() > 1) {
    auto second = io::ReadXlsxRows(bytes, (*names)[1], limits);
    if (second) people = std::move(second.value());
  }
  (void)roster::ParseRoster(*rows, people, index);
  return 0;
}

// A fast writer of a one-sheet workbook for the big exports (the ledger of 100,000 projects):
// the sheet XML is built row by row with std::to_chars into a buffer that is deflated (zlib level 1)
// on a second thread as it fills, so the XML is never held whole and formatting and compression
// run side by side; the zip is assembled in memory. Text goes to the shared-string table where a
// column repeats its values (county, category, stage, ...) and inline where it does not (codes,
// names): shared strings only where they pay. Every text cell goes through GuardFormula
// (io/formula_guard.h), like io::WriteText. LibreOffice, Excel and io::ReadXlsxRows open it.
// libxlsxwriter (io/workbook.h) stays the writer of the small, formatted sheets.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gj::io {

class XlsxSheetWriter {
 public:
  // The cell formats: a column header (bold, light blue, thin border, wrapping, as
  // io::HeaderFormat), amounts with two decimals, dates as yyyy-mm-dd.
  enum class Style : uint8_t { kPlain = 0, kHeader = 1, kMoney = 2, kDate = 3 };
  struct Column {
    double width = 12;
    bool shared = true;  // text of this column goes to the shared-string table
  };
  XlsxSheetWriter(std::string sheet, std::vector<Column> columns);
  ~XlsxSheetWriter();
  XlsxSheetWriter(const XlsxSheetWriter&) = delete;
  XlsxSheetWriter& operator=(const XlsxSheetWriter&) = delete;

  // Starts the next row (the first call starts row 1). Cells of a row come in column order;
  // a column not written is an empty cell.
  void Row();
  void Text(uint32_t col, std::string_view text, Style style = Style::kPlain);  // nothing for ""
  void Number(uint32_t col, double v, Style style = Style::kPlain);             // NaN/inf: nothing
  void Integer(uint32_t col, int64_t v, Style style = Style::kPlain);
  // Row 1 frozen, and an autofilter over the rows written (applied by Finish).
  void FreezeHeaderAndFilter() { header_tools_ = true; }
  // The .xlsx bytes. The writer is spent.
  std::string Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  bool header_tools_ = false;
};

}  // namespace gj::io

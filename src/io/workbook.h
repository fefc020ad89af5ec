// The one way io writes a whole workbook with libxlsxwriter, which writes only to a path: on a
// scratch file (io/file_store.h BytesWrittenTo) that is removed whatever happens.
#pragma once

#include <xlsxwriter.h>

#include <functional>
#include <string>
#include <string_view>

namespace gj::io {

// The bytes of the workbook `fill` builds (sheets, formats, cells). `constant_memory`: rows go to
// disk as written, so they must come in order (flat memory for a long sheet).
// Throws std::runtime_error("<what> failed: <reason>") when it cannot be written.
std::string WorkbookBytes(const std::string& what, const std::function<void(lxw_workbook*)>& fill,
                          bool constant_memory = false);

// The formats every sheet Gongjian writes shares, so that all its exports look alike: a column
// header (bold, light blue, thin border, wrapping), amounts with two decimals (万元), shares as
// 0.0%, dates as yyyy-mm-dd. Added to `wb` (libxlsxwriter owns them).
lxw_format* HeaderFormat(lxw_workbook* wb);

// The one way an export writes a text cell (worksheet_write_string): formula-like user text gets a
// leading apostrophe (io/formula_guard.h). Numbers go through worksheet_write_number, unchanged.
// A unit test fails when worksheet_write_string is called anywhere else.
lxw_error WriteText(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view text,
                    lxw_format* format);
lxw_format* NumberFormat(lxw_workbook* wb, const char* pattern);  // "0.00", "0.0%", "yyyy-mm-dd", "@"
inline constexpr const char* kMoneyPattern = "0.00";
inline constexpr const char* kPercentPattern = "0.0%";
inline constexpr const char* kDatePattern = "yyyy-mm-dd";

}  // namespace gj::io

// Reads the cells of one worksheet of an .xlsx file as text (no Debian library does this:
// minizip + a streaming scanner, pugixml for the small workbook parts). The worksheet is inflated
// and scanned in one pass, chunk by chunk: its memory is the rows returned, not its XML. Shared by the
// land-efficiency evaluation, the ledger import and the roster import.
// Hostile input is refused, never a crash and never unbounded memory:
// - corrupt input (not a zip, missing parts, broken XML, a zip entry whose size is not the one
//   it declares): kInvalid (422);
// - input over a cap of XlsxLimits (bytes inflated, checked while inflating whatever the zip
//   header declares; rows; columns; cells; text; shared strings): kPayloadTooLarge (413), naming
//   the cap and where it was reached (io/input_limits.h). Reading has no side effect.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace gj::io {

// The defaults fit the largest workbook the server takes (the ledger import of 100,000 projects
// × 23 columns) with room; callers that read bigger files on purpose (the CLI) raise them.
struct XlsxLimits {
  uint64_t max_uncompressed_bytes = 256ull << 20;  // over all parts read, counted while inflating
  uint64_t max_part_bytes = 192ull << 20;          // one part (the sheet; 100,000 ledger rows ≈ 120 MB)
  uint64_t max_ratio = 200;                        // inflated / compressed, for parts over 1 MiB
  size_t max_rows = 200'000;                       // the last row holding a value (1-based)
  size_t max_columns = 1'024;                      // the last column holding a value (A..AMJ)
  size_t max_cells = 3'000'000;                    // cell slots returned (each row as wide as its last value)
  uint64_t max_text_bytes = 128ull << 20;          // the text of all returned cells together
  size_t max_cell_bytes = 128u << 10;              // one cell or shared string (Excel: 32,767 characters)
  size_t max_shared_strings = 1'000'000;
  size_t stream_chunk_bytes = 64u << 10;  // the worksheet is inflated and scanned this much at a time
};

// Rows of the first worksheet (or the named one), every cell as text: shared/inline strings resolved,
// numbers exactly as stored in the XML (e.g. "46096", "1234.5"), booleans "1"/"0", empty cells "".
// Each row is as wide as its own last cell holding a value (rows are NOT padded to the widest
// row: callers treat a missing cell as empty); rows missing between rows with values (gaps in r=)
// are empty rows; rows after the last value are not returned.
Result<std::vector<std::vector<std::string>>> ReadXlsxRows(std::string_view bytes,
                                                           const std::string& sheet = "",
                                                           XlsxLimits limits = {});
Result<std::vector<std::vector<std::string>>> ReadXlsxFile(const std::string& path,
                                                           const std::string& sheet = "",
                                                           XlsxLimits limits = {});

// Names of the worksheets in workbook order.
Result<std::vector<std::string>> ReadXlsxSheetNames(std::string_view bytes, XlsxLimits limits = {});

}  // namespace gj::io

// Reads the cells of one worksheet of an .xlsx file as text (no Debian library does this:
// minizip + pugixml). Shared by the land-efficiency evaluation and the ledger import.
// Corrupt or hostile input (not a zip, missing parts, broken XML, zip bombs) is an Error with
// code kInvalid, never a crash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace gj::io {

struct XlsxLimits {
  uint64_t max_uncompressed_bytes = 512ull << 20;  // over all parts read
  uint64_t max_ratio = 200;                        // uncompressed / compressed, checked for parts over 1 MiB
};

// Rows of the first worksheet (or the named one), every cell as text: shared/inline strings resolved,
// numbers exactly as stored in the XML (e.g. "46096", "1234.5"), booleans "1"/"0", empty cells "",
// each row padded to the widest row; missing rows (gaps in r=) become empty rows.
Result<std::vector<std::vector<std::string>>> ReadXlsxRows(std::string_view bytes,
                                                           const std::string& sheet = "",
                                                           XlsxLimits limits = {});
Result<std::vector<std::vector<std::string>>> ReadXlsxFile(const std::string& path,
                                                           const std::string& sheet = "",
                                                           XlsxLimits limits = {});

// Names of the worksheets in workbook order.
Result<std::vector<std::string>> ReadXlsxSheetNames(std::string_view bytes, XlsxLimits limits = {});

}  // namespace gj::io

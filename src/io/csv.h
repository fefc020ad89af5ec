// RFC 4180 CSV: quoted fields with embedded commas, quotes ("") and newlines, CRLF or LF line
// ends, a leading UTF-8 BOM stripped. The reader streams rows as string_views into the input
// buffer (or into per-column scratch strings for fields with escaped quotes), so a million rows
// cost no per-cell allocation.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace gj::io {

// Called once per record with its cells and its 1-based record number (the spreadsheet row
// number: a record spanning lines through a quoted newline still counts once). The views are
// valid only during the call. Return false to stop reading.
using CsvRowFn = std::function<bool(size_t record_number, std::span<const std::string_view> cells)>;

// Caps of one read; nothing is ever reserved from the input's own counts (lines, commas).
// The defaults fit a sheet program's own limits (1,048,576 rows) and the CLI's million-enterprise
// land input; the memory a reader takes stays a small multiple of the input's size.
struct CsvLimits {
  size_t max_rows = 1'048'576;          // records, the header included
  size_t max_columns = 1'024;           // fields of one record
  size_t max_field_bytes = 128u << 10;  // one field (Excel: 32,767 characters per cell)
};

// Errors: a quoted field that is never closed (kInvalid, 422); a record, field or the input over a
// cap of `limits` (kPayloadTooLarge, 413, naming the cap and the row: io/input_limits.h). Records
// before the failing one have been passed to on_row.
Status ForEachCsvRow(std::string_view data, const CsvRowFn& on_row, const CsvLimits& limits = {});

// Convenience for small inputs and tests.
Result<std::vector<std::vector<std::string>>> ReadCsvRows(std::string_view data,
                                                          const CsvLimits& limits = {});

// Writer helpers: a field is quoted when it holds a comma, a quote, CR or LF. AppendCsvField
// writes user text: formula-like text gets a leading apostrophe (io/formula_guard.h); plain
// numbers are written as they are.
bool CsvNeedsQuotes(std::string_view field);
void AppendCsvField(std::string& out, std::string_view field);
// Appends the fields (AppendCsvField each) separated by commas and a final "\n".
void AppendCsvRow(std::string& out, std::span<const std::string_view> fields);

// A read-only memory map of a whole file (empty files map to an empty view).
class MappedFile {
 public:
  static Result<MappedFile> Open(const std::string& path);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();
  std::string_view data() const { return {static_cast<const char*>(addr_), size_}; }
  // The whole pages within [begin, end) leave the resident set (MADV_DONTNEED): a reader lets go
  // of what it has read. Read again, they map back from the page cache.
  void Release(size_t begin, size_t end) const;

 private:
  MappedFile() = default;
  void* addr_ = nullptr;
  size_t size_ = 0;
};

}  // namespace gj::io

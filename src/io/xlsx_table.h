// A one-sheet workbook written row by row (libxlsxwriter's constant-memory mode: a million rows
// stay small in memory), for writers that produce cells and never open files: the CLI opens one on
// its output path, the server gets the bytes from XlsxTableBytes.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace gj::io {

class XlsxTable {
 public:
  // A workbook at `path` with one sheet named `sheet`; cells of a row must be written in column
  // order and rows in order (constant-memory mode).
  static Result<std::unique_ptr<XlsxTable>> Create(const std::string& path, const std::string& sheet);
  ~XlsxTable();
  XlsxTable(const XlsxTable&) = delete;
  XlsxTable& operator=(const XlsxTable&) = delete;

  // Row 0 in bold, frozen.
  void Header(const std::vector<std::string>& columns);
  void Text(uint32_t row, uint16_t col, std::string_view s);  // nothing for ""
  void Number(uint32_t row, uint16_t col, double v);
  void Money(uint32_t row, uint16_t col, double v);  // shown with two decimals
  Status Close();

 private:
  struct Impl;
  explicit XlsxTable(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The bytes of the workbook `fill` writes (on a scratch file io removes); fill's error as it is.
Result<std::string> XlsxTableBytes(const std::string& sheet, const std::function<Status(XlsxTable&)>& fill);

}  // namespace gj::io

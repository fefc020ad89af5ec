// Reads the land-efficiency input table (spec §1) from CSV or xlsx into domain Enterprises.
// All-or-nothing: every invalid row is reported (spreadsheet row number, the column's header as
// written, the value, the reason) and no enterprise is returned if there is any.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/land_efficiency/enterprise.h"

namespace gj::land {

struct InputTable {
  std::vector<Enterprise> enterprises;
  std::vector<size_t> row_numbers;  // spreadsheet row of each enterprise (header = row 1)
};

// A problem of one cell; Error::details carry it as field "row N, column C".
struct RowProblem {
  size_t row = 0;
  std::string column;
  std::string value;
  std::string reason;
};

// Incremental: feed the header, then each data row (blank rows are skipped), then Finish().
class InputParser {
 public:
  InputParser();
  ~InputParser();
  InputParser(const InputParser&) = delete;
  InputParser& operator=(const InputParser&) = delete;

  // Error (kInvalid) when a required column is missing or a column appears twice.
  Status Header(std::span<const std::string_view> cells);
  void Row(size_t row_number, std::span<const std::string_view> cells);
  Result<InputTable> Finish();
  void Reserve(size_t rows);  // an upper bound of the data rows to come

  const std::vector<RowProblem>& problems() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

Result<InputTable> ParseInputCsv(std::string_view data);
Result<InputTable> ParseInputRows(const std::vector<std::vector<std::string>>& rows);
// By extension: .csv or .xlsx.
Result<InputTable> ReadInputFile(const std::string& path);

// The input columns (spec §1) in their order: identifier, Chinese label (what the template writes as
// the header), whether a row must fill it. A header may be either name.
struct InputColumn {
  std::string_view id;
  std::string_view label;
  bool required = false;
};
std::vector<InputColumn> InputColumns();

// "是", "Y", "true", "1" (any case) → true; "否", "N", "false", "0" → false.
std::optional<bool> ParseBool(std::string_view s);
// A plain decimal number (sign, digits, point, exponent), surrounding spaces allowed.
std::optional<double> ParseNumber(std::string_view s);

}  // namespace gj::land

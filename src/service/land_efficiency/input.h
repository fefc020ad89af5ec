// Reads the land-efficiency input table (spec §1) from CSV or xlsx into domain Enterprises.
// All-or-nothing: every invalid row is reported (spreadsheet row number, the column's header as
// written, the value, the reason) and no enterprise is returned if there is any.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/land_efficiency/enterprise.h"
#include "domain/land_efficiency/scheme.h"

namespace gj::land {

struct InputTable {
  std::vector<Enterprise> enterprises;
  std::vector<size_t> row_numbers;  // spreadsheet row of each enterprise (header = row 1)
};

// The credit code and name of each enterprise (what the output repeats of the input), back to back
// in one buffer: no string per row.
class Names {
 public:
  // `text_bytes`: an upper bound of the codes and names together (growing a buffer of tens of
  // megabytes by doubling copied it into new pages each time; an untouched reservation is free).
  void Reserve(size_t rows, size_t text_bytes = 0);
  void Add(std::string_view code, std::string_view name);
  size_t size() const { return ends_.size() / 2; }
  std::string_view Code(size_t i) const { return Slice(i == 0 ? 0 : ends_[2 * i - 1], ends_[2 * i]); }
  std::string_view Name(size_t i) const { return Slice(ends_[2 * i], ends_[2 * i + 1]); }

 private:
  std::string_view Slice(uint64_t begin, uint64_t end) const {
    return std::string_view(text_).substr(begin, end - begin);
  }
  std::string text_;
  std::vector<uint64_t> ends_;  // where row i's code ends (2i) and its name ends (2i + 1)
};
Names NamesOf(std::span<const Enterprise> enterprises);

// The input as the CLI evaluates it: what the engine reads of each enterprise (grouped for the
// scheme given to the reader) and what the output repeats. About 120 bytes an enterprise.
struct CompactInput {
  std::vector<Figures> figures;
  Names names;
};

// A problem of one cell; Error::details carry it as field "row N, column C".
struct RowProblem {
  size_t row = 0;
  std::string column;
  std::string value;
  std::string reason;
};

// Incremental: feed the header, then each data row (blank rows are skipped), then Finish().
// Either collects full Enterprises (Finish) or, given a scheme, CompactInput (FinishCompact): the
// same checks, problems and messages.
class InputParser {
 public:
  explicit InputParser(const Scheme* compact_for = nullptr);
  ~InputParser();
  InputParser(const InputParser&) = delete;
  InputParser& operator=(const InputParser&) = delete;

  // Error (kInvalid) when a required column is missing or a column appears twice.
  Status Header(std::span<const std::string_view> cells);
  void Row(size_t row_number, std::span<const std::string_view> cells);
  Result<InputTable> Finish();
  Result<CompactInput> FinishCompact();
  // Upper bounds of the data rows to come and of their bytes (size hints, never caps).
  void Reserve(size_t rows, size_t bytes = 0);

  const std::vector<RowProblem>& problems() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

Result<InputTable> ParseInputCsv(std::string_view data);
Result<InputTable> ParseInputRows(const std::vector<std::vector<std::string>>& rows);
// The operator's own file (the CLI), by extension: .csv or .xlsx; grouped for `scheme`. A CSV is
// read from a memory map, the table reserved for one enterprise per line (capped by the reader's
// row limit) and the map's pages let go behind the reader, so the file is never resident whole
// beside the table.
Result<CompactInput> ReadInputFile(const std::string& path, const Scheme& scheme);

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

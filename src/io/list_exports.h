// A list as the page shows it, written out as a workbook: sheets of typed cells under Chinese
// headers (bold, frozen, filterable), numbers as numbers, money in 万元 with two decimals (as the
// ledger export, io/ledger_export.h), shares as percentages, dates as real dates (yyyy-mm-dd).
// The one way a list export or an import template is written; what goes in the cells (labels of
// codes, which rows) is the caller's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"

namespace gj::io {

struct ListCell {
  enum class Kind { kEmpty, kText, kNumber, kMoney, kPercent, kDate };
  Kind kind = Kind::kEmpty;
  std::string text;
  double number = 0;

  static ListCell Text(std::string s);
  static ListCell Number(double v);
  static ListCell Number(const std::optional<int64_t>& v);
  // Yuan, written in 万元 (the column's header says 万元).
  static ListCell Money(const std::optional<int64_t>& yuan);
  // A share (0.6), shown as 60.0%.
  static ListCell Percent(const std::optional<double>& share);
  static ListCell DateOf(const std::optional<Date>& d);
};

struct ListColumn {
  std::string label;  // Chinese header, with its unit: 年度计划投资(万元)
  double width = 12;
};

struct ListSheet {
  std::string name;
  std::vector<ListColumn> columns;
  std::vector<std::vector<ListCell>> rows;  // cells in column order
  bool autofilter = true;
};

// The .xlsx bytes of the sheets, in order. Throws std::runtime_error when it cannot be written
// (io/workbook.h).
std::string ListXlsx(const std::vector<ListSheet>& sheets);

inline constexpr const char* kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace gj::io

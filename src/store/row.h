// Reading result rows by column name. A store names the columns it reads, never their positions,
// so a SELECT list can change order or grow without breaking the code that reads it.
//
// The null rule (the one rule of every store):
//   - NULL means absent. The Opt… getters return std::nullopt for it; the plain getters return
//     the type's zero value (0, 0.0, "", false, Date{}).
//   - An empty string is a value for text (OptText gives ""), but not a date: a date column is
//     ISO text ('2026-06-30'), and NULL, '' or anything that is not an ISO date reads as no date.
//   - Booleans are integers: non-zero is true.
//   - Each getter tolerates each engine's choice of integer/real/text storage for the column.
// Dates are written by DateValue, the inverse of that rule (no date → NULL).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/date.h"
#include "store/db.h"

namespace gj::store {

class RowReader {
 public:
  // Reads a result with these column names. Engines name a plain column reference by the column
  // alone ("p.code" → "code"), anything else by its AS alias, which every computed or clashing
  // column therefore carries. The reader refers to `columns`, which must outlive it (the engine's,
  // for the query's duration); a temporary list is kept by the reader itself.
  explicit RowReader(const std::vector<std::string>& columns) : names_(&columns) {}
  explicit RowReader(std::vector<std::string>&& columns) : owned_(std::move(columns)), names_(&owned_) {}
  RowReader(const RowReader&) = delete;
  RowReader& operator=(const RowReader&) = delete;

  // The row the getters read next. Text getters move strings out of it: read a text column
  // once per row.
  RowReader& Bind(std::vector<Value>& row);

  // A column the result does not have is a programming error: std::logic_error naming it.
  int64_t Int(std::string_view column);
  std::optional<int64_t> OptInt(std::string_view column);
  double Double(std::string_view column);
  std::optional<double> OptDouble(std::string_view column);
  std::string Text(std::string_view column);
  std::optional<std::string> OptText(std::string_view column);
  gj::Date Date(std::string_view column);
  std::optional<gj::Date> OptDate(std::string_view column);
  bool Bool(std::string_view column);
  bool Has(std::string_view column) const { return Find(column) < names_->size(); }

 private:
  friend void ForEachRow(Connection&, std::string_view, const std::vector<Value>&,
                         const std::function<void(RowReader&)>&);
  Value& At(std::string_view column);
  // At's miss: finds `column` and remembers its position as the n-th read.
  [[gnu::noinline]] Value& LookUp(size_t n, std::string_view column);
  // The position of `column` (the first of clashing names), or names_->size() when absent.
  size_t Find(std::string_view column) const;

  std::vector<std::string> owned_;
  const std::vector<std::string>* names_;
  // Stores read a row's columns in the same order each row: the n-th read of a row remembers the
  // position of the n-th read of the previous one, so a row costs one name compare per column and
  // only the first row looks names up. No index is built: a result read for one row (ReadOne)
  // costs a scan of its names per column read, less than hashing them all.
  std::vector<uint32_t> recent_;
  size_t reads_ = 0;
  std::vector<Value>* row_ = nullptr;
};

// The stored form of a date by the null rule: ISO text, NULL for no date.
Value DateValue(const std::optional<gj::Date>& d);
// The stored form of text for which "" means absent (timestamps not yet set): NULL for "".
Value NullIfEmpty(const std::string& s);

// Runs `sql` and calls `read` with a reader bound to each row, one row at a time (SQLite
// streams; exports of 100,000 projects never hold the whole result).
void ForEachRow(Connection& c, std::string_view sql, const std::vector<Value>& params,
                const std::function<void(RowReader&)>& read);

// Every row of `sql`, each read by `read(RowReader&)`.
template <class Read>
auto ReadRows(Connection& c, std::string_view sql, const std::vector<Value>& params, Read read) {
  std::vector<std::invoke_result_t<Read, RowReader&>> out;
  ForEachRow(c, sql, params, [&](RowReader& r) { out.push_back(read(r)); });
  return out;
}

// The first row of `sql` read by `read`, or nullopt when there is none.
template <class Read>
auto ReadOne(Connection& c, std::string_view sql, const std::vector<Value>& params, Read read)
    -> std::optional<std::invoke_result_t<Read, RowReader&>> {
  auto rows = c.Query(sql, params);
  if (rows.empty()) return std::nullopt;
  RowReader r(rows.columns);
  return read(r.Bind(rows.rows[0]));
}

}  // namespace gj::store

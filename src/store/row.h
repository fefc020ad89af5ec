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
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/date.h"
#include "store/db.h"

namespace gj::store {

class RowReader {
 public:
  // Resolves the result's column names once; the reader then reads any row of that result.
  // Engines name a plain column reference by the column alone ("p.code" → "code"), anything
  // else by its AS alias, which every computed or clashing column therefore carries.
  explicit RowReader(const std::vector<std::string>& columns);

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
  bool Has(std::string_view column) const { return index_.count(column) > 0; }

 private:
  Value& At(std::string_view column);

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> names_;
  std::unordered_map<std::string, size_t, Hash, std::equal_to<>> index_;
  // Stores read a row's columns in the same order each row: the n-th read of a row remembers the
  // column of the n-th read of the previous one, so a row costs a string compare per column.
  std::vector<std::pair<std::string_view, size_t>> recent_;
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

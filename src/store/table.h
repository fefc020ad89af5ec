// One column list per table. A store describes each table once (its name and the columns the
// store reads or writes); that list builds the table's SELECT list, and every INSERT and UPDATE
// names its values by column, checked against the list, so no statement's column order has to
// match a parameter order kept elsewhere.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "store/db.h"

namespace gj::store {

struct Table {
  std::string name;
  std::vector<std::string> columns;

  // "c1, c2, …", or "a.c1, a.c2, …" with an alias.
  std::string Select(std::string_view alias = {}) const;
  // Throws std::logic_error unless `column` is one of `columns` (a misspelt write is a bug).
  void Check(std::string_view column) const;
  // Appends `column`; throws std::logic_error when the table has it already.
  void Add(std::string_view column);
  // This table with `more` columns: those a store writes beside a record's fields (its owner's
  // key, a time stamp), or that no field list names. Throws as Add.
  Table With(std::initializer_list<std::string_view> more) const;
};

// The values of a write, each with its column.
using ColumnValues = std::vector<std::pair<std::string_view, Value>>;

// INSERT INTO table (columns of `values`) VALUES (…) RETURNING id; returns the new id.
int64_t InsertReturningId(Connection& c, const Table& t, const ColumnValues& values);
// The same for tables without an id (or whose id the caller does not need); returns rows inserted.
// `suffix` follows the statement (e.g. " ON CONFLICT (a, b) DO NOTHING").
int64_t InsertRow(Connection& c, const Table& t, const ColumnValues& values, std::string_view suffix = {});
// UPDATE table SET (columns of `values`) WHERE (columns of `key`); returns rows changed. With
// `bump_version`, also version = version + 1 (a write that needs no expected version, as a
// re-import; `values` then must not name version).
int64_t UpdateWhere(Connection& c, const Table& t, const ColumnValues& values, const ColumnValues& key,
                    bool bump_version = false);
// Updates the row with `key`, or inserts key + values when there is none (settings-like rows
// keyed by name). With `bump_version` an update also moves the row's version by one (an insert
// takes the column's default, 1).
void Upsert(Connection& c, const Table& t, const ColumnValues& values, const ColumnValues& key,
            bool bump_version = false);

// The one versioned update: UPDATE table SET …, version = version + 1 WHERE key AND version =
// expected_version [AND also_where]. `values` must not name `version`: the stored version only
// ever moves by one, from the version the writer read. When no row matched (the version moved, or
// `also_where` no longer holds) it answers the one 409 itself: StaleVersion(what, the version
// stored under `key` now, 0 when there is no such row); the route adds "current".
Status UpdateVersioned(Connection& c, const Table& t, std::string_view what, const ColumnValues& values,
                       const ColumnValues& key, int64_t expected_version, std::string_view also_where = {});
// The common case: the row with this id.
Status UpdateVersioned(Connection& c, const Table& t, std::string_view what, const ColumnValues& values,
                       int64_t id, int64_t expected_version, std::string_view also_where = {});

// The version stored in the row with `key`, 0 when there is none.
int64_t StoredVersion(Connection& c, const Table& t, const ColumnValues& key);

// The one answer to a write whose version is no longer the stored one (409 conflict):
// "the <what> was changed by someone else (version N); reload and apply your change again",
// extra {"current_version": N} and, when given, {"current": the record as the API shows it}.
Error StaleVersion(std::string_view what, int64_t current_version, nlohmann::json current = nullptr);

}  // namespace gj::store

#include "store/table.h"

#include "store/row.h"

#include <algorithm>
#include <stdexcept>

namespace gj::store {

namespace {

// "a = ?<sep>b = ?…", appending the values to params.
std::string Assign(const Table& t, const ColumnValues& values, const char* sep, std::vector<Value>& params) {
  std::string out;
  for (const auto& [column, value] : values) {
    t.Check(column);
    if (!out.empty()) out += sep;
    out += std::string(column) + " = ?";
    params.push_back(value);
  }
  return out;
}

// "INSERT INTO t (a, b…) VALUES (?, ?…)", appending the values to params.
std::string InsertSql(const Table& t, const ColumnValues& values, std::vector<Value>& params) {
  std::string names, marks;
  for (const auto& [column, value] : values) {
    t.Check(column);
    names += (names.empty() ? "" : ", ") + std::string(column);
    marks += marks.empty() ? "?" : ", ?";
    params.push_back(value);
  }
  return "INSERT INTO " + t.name + " (" + names + ") VALUES (" + marks + ")";
}

}  // namespace

std::string Table::Select(std::string_view alias) const {
  const std::string prefix = alias.empty() ? "" : std::string(alias) + ".";
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + prefix + c;
  return out;
}

void Table::Check(std::string_view column) const {
  if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
    throw std::logic_error("table " + name + " has no column " + std::string(column) + " in its column list");
  }
}

void Table::Add(std::string_view column) {
  if (std::find(columns.begin(), columns.end(), column) != columns.end())
    throw std::logic_error("table " + name + " lists column " + std::string(column) + " twice");
  columns.emplace_back(column);
}

Table Table::With(std::initializer_list<std::string_view> more) const {
  Table t = *this;
  for (std::string_view column : more) t.Add(column);
  return t;
}

int64_t InsertRow(Connection& c, const Table& t, const ColumnValues& values, std::string_view suffix) {
  std::vector<Value> params;
  return c.Exec(InsertSql(t, values, params) + std::string(suffix), params);
}

int64_t InsertReturningId(Connection& c, const Table& t, const ColumnValues& values) {
  std::vector<Value> params;
  auto rows = c.Query(InsertSql(t, values, params) + " RETURNING id", params);
  RowReader r(rows.columns);
  return r.Bind(rows.rows.at(0)).Int("id");
}

namespace {
// UPDATE t SET values [, version = version + 1] WHERE key; appends the parameters.
std::string UpdateSql(const Table& t, const ColumnValues& values, bool bump_version, const ColumnValues& key,
                      std::vector<Value>& params) {
  for (const auto& v : values) {
    if (bump_version && v.first == "version")
      throw std::logic_error("a versioned update of " + t.name + " sets version itself");
  }
  std::string sql = "UPDATE " + t.name + " SET " + Assign(t, values, ", ", params);
  if (bump_version) sql += std::string(values.empty() ? "" : ", ") + "version = version + 1";
  return sql + " WHERE " + Assign(t, key, " AND ", params);
}
}  // namespace

int64_t UpdateWhere(Connection& c, const Table& t, const ColumnValues& values, const ColumnValues& key,
                    bool bump_version) {
  std::vector<Value> params;
  const std::string sql = UpdateSql(t, values, bump_version, key, params);
  return c.Exec(sql, params);
}

void Upsert(Connection& c, const Table& t, const ColumnValues& values, const ColumnValues& key,
            bool bump_version) {
  if (UpdateWhere(c, t, values, key, bump_version) > 0) return;
  ColumnValues all = key;
  all.insert(all.end(), values.begin(), values.end());
  InsertRow(c, t, all);
}

Status UpdateVersioned(Connection& c, const Table& t, std::string_view what, const ColumnValues& values,
                       const ColumnValues& key, int64_t expected_version, std::string_view also_where) {
  std::vector<Value> params;
  std::string sql = UpdateSql(t, values, true, key, params) + " AND version = ?";
  params.emplace_back(expected_version);
  if (!also_where.empty()) sql += " AND " + std::string(also_where);
  if (c.Exec(sql, params) == 1) return Ok{};
  return StaleVersion(what, StoredVersion(c, t, key));
}

Status UpdateVersioned(Connection& c, const Table& t, std::string_view what, const ColumnValues& values,
                       int64_t id, int64_t expected_version, std::string_view also_where) {
  return UpdateVersioned(c, t, what, values, {{"id", id}}, expected_version, also_where);
}

int64_t StoredVersion(Connection& c, const Table& t, const ColumnValues& key) {
  std::vector<Value> params;
  const std::string where = Assign(t, key, " AND ", params);
  const auto version = ReadOne(c, "SELECT version FROM " + t.name + " WHERE " + where, params,
                               [](RowReader& r) { return r.Int("version"); });
  return version.value_or(0);
}

Error StaleVersion(std::string_view what, int64_t current_version, nlohmann::json current) {
  Error e = Error::Conflict("the " + std::string(what) + " was changed by someone else (version " +
                            std::to_string(current_version) + "); reload and apply your change again");
  e.extra["current_version"] = current_version;
  if (!current.is_null()) e.extra["current"] = std::move(current);
  return e;
}

}  // namespace gj::store

#pragma once

#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "store/db.h"

namespace gj::store {

// One SQLite connection (WAL, foreign keys on, 5 s busy timeout) with a prepared-statement cache:
// the list endpoint runs the same few statements thousands of times a second.
class SqliteConnection : public Connection {
 public:
  explicit SqliteConnection(const std::string& path);
  ~SqliteConnection() override;
  Rows Query(std::string_view sql, const std::vector<Value>& params) override;
  void QueryEach(std::string_view sql, const std::vector<Value>& params, const RowCallback& row) override;
  int64_t Exec(std::string_view sql, const std::vector<Value>& params) override;
  void ExecScript(std::string_view sql) override;
  Dialect dialect() const override { return Dialect::kSqlite; }
  void Begin() override { Exec("BEGIN IMMEDIATE", {}); }
  void SetBulkMode(bool on) override {
    ExecScript(on ? "PRAGMA cache_size=-262144; PRAGMA cache_spill=OFF" : "PRAGMA cache_size=-2000; PRAGMA cache_spill=ON");
  }

 private:
  sqlite3_stmt* Prepare(std::string_view sql);
  void Bind(sqlite3_stmt* st, const std::vector<Value>& params);
  [[noreturn]] void Fail(int rc, std::string_view sql);
  // Steps a bound statement, handing each row to `row`.
  void Step(sqlite3_stmt* st, std::string_view sql, const std::function<void(std::vector<Value>&&)>& row);

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace gj::store

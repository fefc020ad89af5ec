#include <sqlite3.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "common/private_files.h"
#include "store/engines.h"

namespace gj::store {

namespace {

constexpr size_t kMaxCachedStatements = 256;

// One SQLite connection with a prepared-statement cache: the list endpoint runs the same few
// statements thousands of times a second.
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
    ExecScript(on ? "PRAGMA cache_size=-262144; PRAGMA cache_spill=OFF"
                  : "PRAGMA cache_size=-2000; PRAGMA cache_spill=ON");
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

}  // namespace

std::unique_ptr<Connection> ConnectSqlite(const std::string& path) {
  return std::make_unique<SqliteConnection>(path);
}

SqliteConnection::SqliteConnection(const std::string& path) {
  // The database is the owner's only (0600): created so before SQLite opens it (SQLite gives its
  // -wal and -shm the mode of the database file), an older one open to other users tightened.
  EnsurePrivateFile(path);
  for (const char* suffix : {"-wal", "-shm", "-journal"}) TightenIfPresent(path + suffix);
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw DbError(DbError::Kind::kOther, "cannot open SQLite database '" + path + "': " + msg);
  }
  sqlite3_busy_timeout(db_, 5000);
  // synchronous=FULL: a committed transaction is on the disk (the WAL is synced at every commit),
  // so it survives a power loss, not only a crash of the process (bench/durability_bench.cpp has
  // the cost).
  ExecScript(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;");
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, st] : cache_) sqlite3_finalize(st);
  sqlite3_close(db_);
}

void SqliteConnection::Fail(int rc, std::string_view sql) {
  const int ext = sqlite3_extended_errcode(db_);
  DbError::Kind kind = DbError::Kind::kOther;
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
    kind = DbError::Kind::kUniqueViolation;
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) kind = DbError::Kind::kBusy;
  throw DbError(kind,
                std::string("SQLite: ") + sqlite3_errmsg(db_) + " in: " + std::string(sql.substr(0, 200)));
}

sqlite3_stmt* SqliteConnection::Prepare(std::string_view sql) {
  std::string key(sql);
  if (auto it = cache_.find(key); it != cache_.end()) {
    sqlite3_reset(it->second);
    sqlite3_clear_bindings(it->second);
    return it->second;
  }
  sqlite3_stmt* st = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &st, nullptr);
  if (rc != SQLITE_OK) Fail(rc, sql);
  if (cache_.size() >= kMaxCachedStatements) {
    for (auto& [k, s] : cache_) sqlite3_finalize(s);
    cache_.clear();
  }
  cache_.emplace(std::move(key), st);
  return st;
}

void SqliteConnection::Bind(sqlite3_stmt* st, const std::vector<Value>& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    const int idx = static_cast<int>(i + 1);
    const Value& v = params[i];
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::monostate>(v)) rc = sqlite3_bind_null(st, idx);
    else if (auto p = std::get_if<int64_t>(&v)) rc = sqlite3_bind_int64(st, idx, *p);
    else if (auto p = std::get_if<double>(&v)) rc = sqlite3_bind_double(st, idx, *p);
    else {
      const auto& s = std::get<std::string>(v);
      rc = sqlite3_bind_text(st, idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) Fail(rc, sqlite3_sql(st));
  }
}

void SqliteConnection::Step(sqlite3_stmt* st, std::string_view sql,
                            const std::function<void(std::vector<Value>&&)>& row) {
  const int n = sqlite3_column_count(st);
  for (;;) {
    const int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      sqlite3_reset(st);
      Fail(rc, sql);
    }
    std::vector<Value> values;
    values.reserve(n);
    for (int i = 0; i < n; ++i) {
      switch (sqlite3_column_type(st, i)) {
        case SQLITE_INTEGER: values.emplace_back(static_cast<int64_t>(sqlite3_column_int64(st, i))); break;
        case SQLITE_FLOAT: values.emplace_back(sqlite3_column_double(st, i)); break;
        case SQLITE_NULL: values.emplace_back(std::monostate{}); break;
        default: {
          const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
          values.emplace_back(std::string(p, sqlite3_column_bytes(st, i)));
        }
      }
    }
    row(std::move(values));
  }
  sqlite3_reset(st);
}

namespace {
std::vector<std::string> ColumnNames(sqlite3_stmt* st) {
  const int n = sqlite3_column_count(st);
  std::vector<std::string> out;
  out.reserve(n);
  for (int i = 0; i < n; ++i) out.emplace_back(sqlite3_column_name(st, i));
  return out;
}
}  // namespace

Rows SqliteConnection::Query(std::string_view sql, const std::vector<Value>& params) {
  sqlite3_stmt* st = Prepare(sql);
  Bind(st, params);
  Rows out;
  out.columns = ColumnNames(st);
  Step(st, sql, [&](std::vector<Value>&& r) { out.rows.push_back(std::move(r)); });
  return out;
}

void SqliteConnection::QueryEach(std::string_view sql, const std::vector<Value>& params,
                                 const RowCallback& row) {
  sqlite3_stmt* st = Prepare(sql);
  Bind(st, params);
  const std::vector<std::string> columns = ColumnNames(st);
  try {
    Step(st, sql, [&](std::vector<Value>&& r) { row(columns, r); });
  } catch (...) {
    sqlite3_reset(st);
    throw;
  }
}

int64_t SqliteConnection::Exec(std::string_view sql, const std::vector<Value>& params) {
  sqlite3_stmt* st = Prepare(sql);
  Bind(st, params);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {}
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) Fail(rc, sql);
  return sqlite3_changes64(db_);
}

void SqliteConnection::ExecScript(std::string_view sql) {
  char* err = nullptr;
  const std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw DbError(DbError::Kind::kOther, "SQLite script: " + msg);
  }
}

}  // namespace gj::store

// The store: one SQL interface, two engines (SQLite embedded by default, PostgreSQL for several
// server instances). Services write portable SQL with `?` placeholders; each engine binds values
// natively (SQLite) or rewrites them to $n (PostgreSQL). Values are a small closed variant so the
// two engines return the same C++ types for the same schema.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gj::store {

using Value = std::variant<std::monostate, int64_t, double, std::string>;

inline Value Null() { return std::monostate{}; }
template <class T>
Value Opt(const std::optional<T>& v) {
  if (!v) return std::monostate{};
  if constexpr (std::is_integral_v<T>) return static_cast<int64_t>(*v);
  else return *v;
}

// Infrastructure faults (exceptions by design: they are not expected outcomes). A unique-key
// violation is distinguished so a service can answer 409 instead of 500.
class DbError : public std::runtime_error {
 public:
  enum class Kind { kOther, kUniqueViolation, kBusy };
  DbError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

class Rows {
 public:
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;

  size_t size() const { return rows.size(); }
  bool empty() const { return rows.empty(); }
  int Col(std::string_view name) const;  // -1 when absent
};

// Typed reads that tolerate each engine's choice of integer/real/text for a column.
bool IsNull(const Value& v);
int64_t AsInt(const Value& v, int64_t fallback = 0);
double AsDouble(const Value& v, double fallback = 0);
std::string AsText(const Value& v);
// AsText that moves a string out of `v` (rows being consumed).
std::string TakeText(Value& v);
std::optional<int64_t> AsOptInt(const Value& v);
std::optional<double> AsOptDouble(const Value& v);
std::optional<std::string> AsOptText(const Value& v);
std::optional<std::string> TakeOptText(Value& v);

// "?,?,?" for an IN (…) list, appending the values to params; "NULL" (matches nothing) when empty.
template <class T>
std::string InList(const std::vector<T>& values, std::vector<Value>& params) {
  std::string in;
  for (const auto& v : values) {
    in += in.empty() ? "?" : ",?";
    params.emplace_back(v);
  }
  return in.empty() ? "NULL" : in;
}

enum class Dialect { kSqlite, kPostgres };

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Rows Query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Calls `row` with the result's column names and each result row, without keeping them all
  // (exports of 100,000 projects). The row is the callee's to consume (move its strings out).
  // The default materialises the result; SQLite streams. Stores read through ForEachRow.
  using RowCallback = std::function<void(const std::vector<std::string>& columns, std::vector<Value>& row)>;
  virtual void QueryEach(std::string_view sql, const std::vector<Value>& params, const RowCallback& row) {
    auto result = Query(sql, params);
    for (auto& r : result.rows) row(result.columns, r);
  }
  // Returns the number of rows changed.
  virtual int64_t Exec(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Several statements without parameters (migrations).
  virtual void ExecScript(std::string_view sql) = 0;
  virtual Dialect dialect() const = 0;
  // Starts a write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of deadlocking).
  virtual void Begin() = 0;
  // For one large write transaction (imports): lets SQLite keep every dirty page in memory
  // instead of spilling mid-transaction. Off restores the default cache.
  virtual void SetBulkMode(bool on) { (void)on; }
};

class Database;

// A connection borrowed from the pool; returned on destruction.
class Lease {
 public:
  Lease(Database* db, std::unique_ptr<Connection> c) : db_(db), conn_(std::move(c)) {}
  Lease(Lease&&) = default;
  Lease& operator=(Lease&&) = delete;
  ~Lease();
  Connection* operator->() { return conn_.get(); }
  Connection& operator*() { return *conn_; }

 private:
  Database* db_;
  std::unique_ptr<Connection> conn_;
};

// Bulk mode for the lifetime of the scope.
class BulkScope {
 public:
  explicit BulkScope(Connection& c) : c_(c) { c_.SetBulkMode(true); }
  ~BulkScope() {
    try {
      c_.SetBulkMode(false);
    } catch (...) {  // the connection is broken; the pool will discard nothing, but no harm
    }
  }
  BulkScope(const BulkScope&) = delete;
  BulkScope& operator=(const BulkScope&) = delete;

 private:
  Connection& c_;
};

// Rolls back unless committed.
class Transaction {
 public:
  explicit Transaction(Connection& c) : c_(c) { c_.Begin(); }
  ~Transaction();
  void Commit();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Connection& c_;
  bool done_ = false;
};

class Database {
 public:
  // url: "postgresql://…" or "postgres://…" for PostgreSQL, anything else is a SQLite file path
  // (":memory:" is refused: each pooled connection would see its own empty database).
  static std::unique_ptr<Database> Open(const std::string& url, size_t pool_size = 8);
  Lease Acquire();
  Dialect dialect() const { return dialect_; }
  // A thread holds at most one connection at a time: one that waits for a second while holding
  // one can starve the pool (every connection held by a thread waiting for another). On, a second
  // Acquire by a thread that holds a lease throws std::logic_error (tests turn it on).
  void RefuseNestedLeases(bool on) { refuse_nested_ = on; }
  // How many leases of this database the calling thread holds.
  int LeasesHeldByThisThread() const;
  const std::string& url() const { return url_; }

 private:
  friend class Lease;
  Database(std::string url, Dialect d, size_t pool_size)
      : url_(std::move(url)), dialect_(d), max_(pool_size) {}
  std::unique_ptr<Connection> Connect();
  void Release(std::unique_ptr<Connection> c);

  std::string url_;
  Dialect dialect_;
  size_t max_;
  size_t open_ = 0;
  std::atomic<bool> refuse_nested_{false};
  std::vector<std::unique_ptr<Connection>> idle_;
  std::mutex mu_;
  std::condition_variable cv_;
};

// Applies the versioned migrations not yet applied (idempotent; safe with several instances on
// PostgreSQL thanks to an advisory lock). Returns the schema version.
int Migrate(Database& db);
// The same without the versions in `left_out`: a database as an older binary left it (tests of a
// migration over existing data).
int Migrate(Database& db, const std::vector<int>& left_out);

}  // namespace gj::store

#include "store/db.h"

#include <cmath>
#include <cstdio>
#include <type_traits>
#include <unordered_map>

#include "store/engines.h"

namespace gj::store {

namespace {
// Leases held by this thread, per database.
thread_local std::unordered_map<const Database*, int> t_held;
}  // namespace

int Rows::Col(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

bool IsNull(const Value& v) { return std::holds_alternative<std::monostate>(v); }

namespace {
// A number of kind N from any stored form: the other numeric kind converted (a real rounded to
// the nearest integer), text parsed; `fallback` for NULL and for text that is not a number.
template <class N>
N AsNumber(const Value& v, N fallback) {
  constexpr bool kInt = std::is_same_v<N, int64_t>;
  if (auto p = std::get_if<int64_t>(&v)) return static_cast<N>(*p);
  if (auto p = std::get_if<double>(&v)) return kInt ? static_cast<N>(std::llround(*p)) : static_cast<N>(*p);
  if (auto p = std::get_if<std::string>(&v)) {
    try {
      if constexpr (kInt) return std::stoll(*p);
      else return std::stod(*p);
    } catch (...) {
      return fallback;
    }
  }
  return fallback;
}
}  // namespace

int64_t AsInt(const Value& v, int64_t fallback) { return AsNumber<int64_t>(v, fallback); }
double AsDouble(const Value& v, double fallback) { return AsNumber<double>(v, fallback); }

std::string AsText(const Value& v) {
  if (auto p = std::get_if<std::string>(&v)) return *p;
  if (auto p = std::get_if<int64_t>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", *p);
    return buf;
  }
  return "";
}

std::string TakeText(Value& v) {
  if (auto p = std::get_if<std::string>(&v)) return std::move(*p);
  return AsText(v);
}

std::optional<int64_t> AsOptInt(const Value& v) {
  if (IsNull(v)) return std::nullopt;
  return AsInt(v);
}
std::optional<double> AsOptDouble(const Value& v) {
  if (IsNull(v)) return std::nullopt;
  return AsDouble(v);
}
std::optional<std::string> AsOptText(const Value& v) {
  if (IsNull(v)) return std::nullopt;
  return AsText(v);
}

std::optional<std::string> TakeOptText(Value& v) {
  if (IsNull(v)) return std::nullopt;
  return TakeText(v);
}

Lease::~Lease() {
  if (conn_) db_->Release(std::move(conn_));
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      c_.Exec("ROLLBACK");
    } catch (...) {  // the connection is already broken; nothing more to undo
    }
  }
}

void Transaction::Commit() {
  c_.Exec("COMMIT");
  done_ = true;
}

std::unique_ptr<Database> Database::Open(const std::string& url, size_t pool_size) {
  const bool pg = url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
  if (!pg && (url.empty() || url == ":memory:")) {
    throw DbError(DbError::Kind::kOther, "a SQLite database needs a file path");
  }
  std::unique_ptr<Database> db(new Database(url, pg ? Dialect::kPostgres : Dialect::kSqlite, pool_size));
  db->open_ = 1;
  db->Release(db->Connect());  // fail early on a bad URL or path
  return db;
}

std::unique_ptr<Connection> Database::Connect() {
  if (dialect_ == Dialect::kPostgres) return ConnectPostgres(url_);
  return ConnectSqlite(url_);
}

int Database::LeasesHeldByThisThread() const {
  auto it = t_held.find(this);
  return it == t_held.end() ? 0 : it->second;
}

Lease Database::Acquire() {
  if (refuse_nested_ && LeasesHeldByThisThread() > 0) {
    throw std::logic_error(
        "a second database connection requested by a thread that holds one (pool starvation risk)");
  }
  std::unique_lock lock(mu_);
  for (;;) {
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      ++t_held[this];
      return Lease(this, std::move(c));
    }
    if (open_ < max_) {
      ++open_;
      lock.unlock();
      try {
        auto c = Connect();
        ++t_held[this];
        return Lease(this, std::move(c));
      } catch (...) {
        std::lock_guard relock(mu_);
        --open_;
        throw;
      }
    }
    cv_.wait(lock);
  }
}

void Database::Release(std::unique_ptr<Connection> c) {
  if (auto it = t_held.find(this); it != t_held.end() && --it->second <= 0) t_held.erase(it);
  {
    std::lock_guard lock(mu_);
    idle_.push_back(std::move(c));
  }
  cv_.notify_one();
}

}  // namespace gj::store

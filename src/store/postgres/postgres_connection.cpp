#include <libpq-fe.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "store/engines.h"

namespace gj::store {

namespace {
constexpr Oid kBoolOid = 16, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23, kFloat4Oid = 700, kFloat8Oid = 701,
              kNumericOid = 1700;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

// One libpq connection. Values travel as text and come back typed by the column's type OID, so
// callers see the same Value kinds as with SQLite.
class PostgresConnection : public Connection {
 public:
  explicit PostgresConnection(const std::string& url);
  ~PostgresConnection() override { PQfinish(conn_); }
  Rows Query(std::string_view sql, const std::vector<Value>& params) override;
  int64_t Exec(std::string_view sql, const std::vector<Value>& params) override;
  void ExecScript(std::string_view sql) override;
  Dialect dialect() const override { return Dialect::kPostgres; }
  void Begin() override { Exec("BEGIN", {}); }

 private:
  PGresult* Run(std::string_view sql, const std::vector<Value>& params);
  PGconn* conn_ = nullptr;
};

// "a = ? AND b = '?'" → "a = $1 AND b = '?'"
std::string RewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool in_quote = false;
  for (char c : sql) {
    if (c == '\'') in_quote = !in_quote;
    if (c == '?' && !in_quote) {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::unique_ptr<Connection> ConnectPostgres(const std::string& url) {
  return std::make_unique<PostgresConnection>(url);
}

PostgresConnection::PostgresConnection(const std::string& url) {
  conn_ = PQconnectdb(url.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn_);
    PQfinish(conn_);
    conn_ = nullptr;
    throw DbError(DbError::Kind::kOther, "cannot connect to PostgreSQL: " + msg);
  }
  ExecScript("SET client_min_messages = warning");
}

PGresult* PostgresConnection::Run(std::string_view sql, const std::vector<Value>& params) {
  const std::string text = RewritePlaceholders(sql);
  std::vector<std::string> storage(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (size_t i = 0; i < params.size(); ++i) {
    const Value& v = params[i];
    if (std::holds_alternative<std::monostate>(v)) continue;
    if (auto p = std::get_if<int64_t>(&v)) storage[i] = std::to_string(*p);
    else if (auto p = std::get_if<double>(&v)) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", *p);
      storage[i] = buf;
    } else storage[i] = std::get<std::string>(v);
    values[i] = storage[i].c_str();
  }
  PGresult* r = PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr, values.data(),
                             nullptr, nullptr, 0);
  const auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    const bool unique = state && std::strcmp(state, "23505") == 0;
    std::string msg = PQresultErrorMessage(r);
    PQclear(r);
    throw DbError(unique ? DbError::Kind::kUniqueViolation : DbError::Kind::kOther,
                  "PostgreSQL: " + msg + " in: " + std::string(sql.substr(0, 200)));
  }
  return r;
}

Rows PostgresConnection::Query(std::string_view sql, const std::vector<Value>& params) {
  ResultPtr r(Run(sql, params));
  Rows out;
  const int nf = PQnfields(r.get()), nt = PQntuples(r.get());
  std::vector<Oid> types(nf);
  for (int i = 0; i < nf; ++i) {
    out.columns.emplace_back(PQfname(r.get(), i));
    types[i] = PQftype(r.get(), i);
  }
  out.rows.reserve(nt);
  for (int t = 0; t < nt; ++t) {
    std::vector<Value> row;
    row.reserve(nf);
    for (int i = 0; i < nf; ++i) {
      if (PQgetisnull(r.get(), t, i)) {
        row.emplace_back(std::monostate{});
        continue;
      }
      const char* s = PQgetvalue(r.get(), t, i);
      switch (types[i]) {
        case kBoolOid: row.emplace_back(static_cast<int64_t>(s[0] == 't')); break;
        case kInt2Oid:
        case kInt4Oid:
        case kInt8Oid: row.emplace_back(static_cast<int64_t>(std::strtoll(s, nullptr, 10))); break;
        case kFloat4Oid:
        case kFloat8Oid:
        case kNumericOid: row.emplace_back(std::strtod(s, nullptr)); break;
        default: row.emplace_back(std::string(s, PQgetlength(r.get(), t, i)));
      }
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

int64_t PostgresConnection::Exec(std::string_view sql, const std::vector<Value>& params) {
  ResultPtr r(Run(sql, params));
  const char* n = PQcmdTuples(r.get());
  return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}

void PostgresConnection::ExecScript(std::string_view sql) {
  ResultPtr r(PQexec(conn_, std::string(sql).c_str()));
  const auto status = PQresultStatus(r.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    throw DbError(DbError::Kind::kOther, std::string("PostgreSQL script: ") + PQresultErrorMessage(r.get()));
  }
}

}  // namespace gj::store

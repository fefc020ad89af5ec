#pragma once

#include <libpq-fe.h>

#include <string>

#include "store/db.h"

namespace gj::store {

// One libpq connection. `?` placeholders are rewritten to $1…$n; values travel as text and come
// back typed by the column's type OID, so callers see the same Value kinds as with SQLite.
class PostgresConnection : public Connection {
 public:
  explicit PostgresConnection(const std::string& url);
  ~PostgresConnection() override;
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
std::string RewritePlaceholders(std::string_view sql);

}  // namespace gj::store

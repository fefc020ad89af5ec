// The two engines behind Connection (db.h): SQLite, embedded, the default; PostgreSQL for several
// server instances. Each engine is private to its folder (sqlite/, postgres/); the pool (Database)
// opens its connections here and sees them only as Connection. A connection that cannot open
// throws DbError.
#pragma once

#include <memory>
#include <string>

#include "store/db.h"

namespace gj::store {

// WAL, foreign keys on, a 5 s busy timeout and a prepared-statement cache.
std::unique_ptr<Connection> ConnectSqlite(const std::string& path);
// `?` placeholders become $1…$n; values travel as text and come back typed by the column's type.
std::unique_ptr<Connection> ConnectPostgres(const std::string& url);

}  // namespace gj::store

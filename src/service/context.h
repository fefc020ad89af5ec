// What every use case needs to know about the request: who asks, and what "now" is. The edges
// (API, CLI) fill it from the clock; services and the domain never read the clock themselves.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/result.h"
#include "domain/access/access.h"

namespace gj::service {

struct Ctx {
  access::Caller caller;
  Date today;          // China Standard Time calendar date
  std::string now;     // UTC timestamp for journal entries
  int64_t now_unix = 0;
};

Ctx MakeCtx(access::Caller caller);

// Where uploaded files are kept unless configured: $GONGJIAN_FILES_DIR; beside a SQLite file
// ("<db>.files"); for PostgreSQL ./gongjian-files. The edges build the io::FileStore from it.
std::string DefaultFilesDir(const std::string& db_url);

// The "version" a write body carries (a write to a stale version is refused, never applied):
// 400 when the body is not a JSON object, 422 naming the field when it is missing or not an integer.
Result<int64_t> VersionOf(const nlohmann::json& body);

}  // namespace gj::service

// What every use case needs to know about the request: who asks, what they may read, and what
// "now" is. The edges (API, CLI) fill the caller and the clock; services and the domain never read
// the clock themselves.
#pragma once

#include <cstdint>
#include <forward_list>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/result.h"
#include "domain/access/access.h"
#include "domain/access/read_scope.h"

namespace gj::service {

// One request's context. The edges make it once the caller is known (the API after
// authenticating, the CLI with the system caller); the caller never changes afterwards, so what is
// derived from it (Reads) stays true for the whole request.
//
// Threads: a Ctx belongs to one request and is used by one thread at a time (the API makes it in
// the worker that serves the request, and no service hands it, or a reference to it, to another
// thread). Reads fills its cache without locking on that contract. A copy has its own cache.
class Ctx {
 public:
  explicit Ctx(access::Caller caller = {}, Date today = {}, std::string now = {}, int64_t now_unix = 0)
      : caller(std::move(caller)), today(today), now(std::move(now)), now_unix(now_unix) {}

  const access::Caller caller;  // const: fixed for the request (a Ctx is copied, never reassigned)
  Date today;                   // China Standard Time calendar date
  std::string now;              // UTC timestamp for journal entries
  int64_t now_unix = 0;

  // The request's read scope for `action`: from the caller's grants and the policy table, taken
  // on first use, then the same value for every query of the request (services narrow it with
  // ReadScope::Within and pass it to the stores). Kept per action and region-tree snapshot
  // (RegionTree::id), so a tree reloaded during the request gives a fresh scope. Requests of
  // callers with the same grants share the built scope (a process-wide memo, context.cpp). The
  // reference lives as long as this Ctx. Costs nothing for a request that reads no scope.
  const access::ReadScope& Reads(std::string_view action, const access::RegionTree& tree) const;

 private:
  struct BuiltScope {
    std::string action;
    uint64_t tree_id = 0;
    std::shared_ptr<const access::ReadScope> scope;  // shared with other requests (immutable)
  };
  // The scopes this request has read: empty (one null pointer, no allocation) until it reads one;
  // one or two entries after. Each holds its scope, so every reference Reads returned stays valid.
  mutable std::forward_list<BuiltScope> scopes_;
};

// A Ctx for `caller` at the clock's now (the edges' one way to read the clock for a request).
Ctx MakeCtx(access::Caller caller);

// Where uploaded files are kept unless configured: $GONGJIAN_FILES_DIR; beside a SQLite file
// ("<db>.files"); for PostgreSQL ./gongjian-files. The edges build the io::FileStore from it.
std::string DefaultFilesDir(const std::string& db_url);

// The "version" a write body carries (a write to a stale version is refused, never applied):
// 400 when the body is not a JSON object, 422 naming the field when it is missing or not an integer.
Result<int64_t> VersionOf(const nlohmann::json& body);

// The start of a write a caller may make wherever they hold `action` (settings, new events and
// schemes, visits): 403 `forbidden` when they hold it nowhere, else 400 when the body is not a JSON
// object, else Ok. The order matters: a caller without the right learns nothing about the body.
Status CheckWrite(const Ctx& ctx, const std::string& action, const char* forbidden,
                  const nlohmann::json& body);

}  // namespace gj::service

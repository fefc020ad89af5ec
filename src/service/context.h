// What every use case needs to know about the request: who asks, what they may read, and what
// "now" is. The edges (API, CLI) fill the caller and the clock; services and the domain never read
// the clock themselves.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/result.h"
#include "domain/access/access.h"
#include "domain/access/read_scope.h"

namespace gj::service {

struct Ctx {
  access::Caller caller;
  Date today;       // China Standard Time calendar date
  std::string now;  // UTC timestamp for journal entries
  int64_t now_unix = 0;

  // The request's read scope for `action`: built once per request from the caller's grants and the
  // policy table on first use, then the same value for every query of the request (services
  // narrow it with ReadScope::Within and pass it to the stores). Copies of a Ctx share it; a
  // changed caller (the API edge fills it after authenticating) or region tree builds it afresh.
  access::ReadScope Reads(const std::string& action, const access::RegionTree& tree) const;

 private:
  struct BuiltScope {
    std::vector<access::RoleGrant> grants;
    const access::RegionTree* tree = nullptr;
    access::ReadScope scope = access::ReadScope::All();
  };
  struct Scopes {
    std::mutex mu;
    std::map<std::string, std::shared_ptr<const BuiltScope>> by_action;
  };
  std::shared_ptr<Scopes> scopes_ = std::make_shared<Scopes>();
};

Ctx MakeCtx(access::Caller caller);

// Where uploaded files are kept unless configured: $GONGJIAN_FILES_DIR; beside a SQLite file
// ("<db>.files"); for PostgreSQL ./gongjian-files. The edges build the io::FileStore from it.
std::string DefaultFilesDir(const std::string& db_url);

// The "version" a write body carries (a write to a stale version is refused, never applied):
// 400 when the body is not a JSON object, 422 naming the field when it is missing or not an integer.
Result<int64_t> VersionOf(const nlohmann::json& body);

}  // namespace gj::service

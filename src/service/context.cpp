#include "service/context.h"

#include <cstdlib>
#include <mutex>
#include <unordered_map>

#include "common/clock.h"
#include "common/json_field.h"
#include "common/json_limits.h"

namespace gj::service {

namespace {

// Read scopes built by earlier requests, shared by all threads. A scope depends only on the
// caller's grants, the action and the region-tree snapshot (the policy table is code), and a
// server's requests come from few distinct grant sets: most requests find theirs here (a lookup
// under a short lock) instead of building it (for a county grant about as much work as the rest
// of a cached list page's own code). Bounded: when full it starts over; a tree reloaded since
// only leaves entries nobody asks for again until then.
class ScopeMemo {
 public:
  std::shared_ptr<const access::ReadScope> Get(const access::Caller& caller, std::string_view action,
                                               const access::RegionTree& tree) {
    std::string key = Key(caller, action, tree);
    {
      std::lock_guard lock(mu_);
      if (auto it = scopes_.find(key); it != scopes_.end()) return it->second;
    }
    auto scope =
        std::make_shared<const access::ReadScope>(access::ReadScope::Of(caller, std::string(action), tree));
    std::lock_guard lock(mu_);
    if (scopes_.size() >= kMaxScopes) scopes_.clear();
    scopes_.emplace(std::move(key), scope);
    return scope;
  }

 private:
  static constexpr size_t kMaxScopes = 1024;

  // Everything the scope depends on: tree, action, each grant (codes hold no control characters).
  static std::string Key(const access::Caller& caller, std::string_view action,
                         const access::RegionTree& tree) {
    std::string key = std::to_string(tree.id());
    key += '\x1f';
    key += action;
    for (const auto& g : caller.grants) {
      key += '\x1f';
      key += g.role;
      key += '\x1e';
      key += g.region_code;
      if (g.unit_id) key += '\x1e' + std::to_string(*g.unit_id);
    }
    return key;
  }

  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const access::ReadScope>> scopes_;
};

ScopeMemo& Memo() {
  static ScopeMemo memo;
  return memo;
}

}  // namespace

Ctx MakeCtx(access::Caller caller) {
  return Ctx(std::move(caller), TodayChina(), NowUtcIso(), NowUnixSeconds());
}

const access::ReadScope& Ctx::Reads(std::string_view action, const access::RegionTree& tree) const {
  for (const auto& built : scopes_) {
    if (built.tree_id == tree.id() && built.action == action) return *built.scope;
  }
  scopes_.push_front(BuiltScope{std::string(action), tree.id(), Memo().Get(caller, action, tree)});
  return *scopes_.front().scope;
}

std::string DefaultFilesDir(const std::string& db_url) {
  if (const char* env = std::getenv("GONGJIAN_FILES_DIR"); env && *env) return env;
  if (db_url.rfind("postgres", 0) == 0) return "gongjian-files";
  return db_url + ".files";
}

Status CheckWrite(const Ctx& ctx, const std::string& action, const char* forbidden,
                  const nlohmann::json& body) {
  if (!access::AllowedAnywhere(ctx.caller, action)) return Error::Forbidden(forbidden);
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  return Ok{};
}

Result<int64_t> VersionOf(const nlohmann::json& body) {
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  if (!body.contains("version") || !body["version"].is_number_integer()) {
    return Error::Invalid("the current version is required",
                          {{"version",
                            body.contains("version") ? BoundedDump(body["version"]) : "",
                            "required integer",
                            0,
                            {}}});
  }
  return body["version"].get<int64_t>();
}

}  // namespace gj::service

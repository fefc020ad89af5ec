#include "service/context.h"

#include <cstdlib>

#include "common/clock.h"

namespace gj::service {

Ctx MakeCtx(access::Caller caller) {
  Ctx c;
  c.caller = std::move(caller);
  c.today = TodayChina();
  c.now = NowUtcIso();
  c.now_unix = NowUnixSeconds();
  return c;
}

access::ReadScope Ctx::Reads(const std::string& action, const access::RegionTree& tree) const {
  std::lock_guard lock(scopes_->mu);
  auto& built = scopes_->by_action[action];
  if (!built || built->tree != &tree || built->grants != caller.grants) {
    built = std::make_shared<const BuiltScope>(
        BuiltScope{caller.grants, &tree, access::ReadScope::Of(caller, action, tree)});
  }
  return built->scope;
}

std::string DefaultFilesDir(const std::string& db_url) {
  if (const char* env = std::getenv("GONGJIAN_FILES_DIR"); env && *env) return env;
  if (db_url.rfind("postgres", 0) == 0) return "gongjian-files";
  return db_url + ".files";
}

Result<int64_t> VersionOf(const nlohmann::json& body) {
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  if (!body.contains("version") || !body["version"].is_number_integer()) {
    return Error::Invalid(
        "the current version is required",
        {{"version", body.value("version", nlohmann::json()).dump(), "required integer", 0, {}}});
  }
  return body["version"].get<int64_t>();
}

}  // namespace gj::service

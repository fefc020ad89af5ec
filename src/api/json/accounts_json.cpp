// JSON of accounts: an admin's view of a user (never the password hash), the caller's sessions.
#include "api/json/results_json.h"
#include "common/json_shape.h"

namespace gj::service {

void to_json(nlohmann::json& j, const GrantView& g) {
  static const JFields<GrantView> kFields =
      GJ_JSON_FIELDS(GrantView, role, region_code, region_name, unit_id);
  WriteObject(j, g, kFields);
}

void to_json(nlohmann::json& j, const AccountView& v) {
  static const JFields<AccountView> kFields =
      GJ_JSON_FIELDS(AccountView, id, login, name, person_id, person_name, person_title, active,
                     must_change_password, version, created_at, updated_at, grants);
  WriteObject(j, v, kFields);
}

void to_json(nlohmann::json& j, const AccountList& l) { j = {{"items", l.items}}; }

void to_json(nlohmann::json& j, const SessionList& l) {
  using T = store::SessionRow;
  static const JFields<T> kSession = GJ_JSON_FIELDS(T, id, created_at, expires_at);
  nlohmann::json items = ArrayOf(l.items, kSession);
  for (auto& item : items) item["current"] = item["id"] == l.current;
  j = {{"items", std::move(items)}, {"current", l.current}};
}

void to_json(nlohmann::json& j, const LoggedOut& v) { j = {{"revoked", v.revoked}}; }

}  // namespace gj::service

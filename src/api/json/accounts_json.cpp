// JSON of accounts: an admin's view of a user (never the password hash), the caller's sessions.
#include "api/json/results_json.h"
#include "common/json_shape.h"

namespace gj::service {

void to_json(nlohmann::json& j, const GrantView& g) {
  static const JFields<GrantView> kFields = {
      JField<&GrantView::role>("role"), JField<&GrantView::region_code>("region_code"),
      JField<&GrantView::region_name>("region_name"), JField<&GrantView::unit_id>("unit_id")};
  WriteObject(j, g, kFields);
}

void to_json(nlohmann::json& j, const AccountView& v) {
  static const JFields<AccountView> kFields = {
      JField<&AccountView::id>("id"),
      JField<&AccountView::login>("login"),
      JField<&AccountView::name>("name"),
      JField<&AccountView::person_id>("person_id"),
      JField<&AccountView::active>("active"),
      JField<&AccountView::must_change_password>("must_change_password"),
      JField<&AccountView::version>("version"),
      JField<&AccountView::created_at>("created_at"),
      JField<&AccountView::updated_at>("updated_at"),
      JField<&AccountView::grants>("grants"),
  };
  WriteObject(j, v, kFields);
}

void to_json(nlohmann::json& j, const AccountList& l) { j = {{"items", l.items}}; }

void to_json(nlohmann::json& j, const SessionList& l) {
  using T = store::SessionRow;
  static const JFields<T> kSession = {JField<&T::id>("id"), JField<&T::created_at>("created_at"),
                                      JField<&T::expires_at>("expires_at")};
  nlohmann::json items = ArrayOf(l.items, kSession);
  for (auto& item : items) item["current"] = item["id"] == l.current;
  j = {{"items", std::move(items)}, {"current", l.current}};
}

void to_json(nlohmann::json& j, const LoggedOut& v) { j = {{"revoked", v.revoked}}; }

}  // namespace gj::service

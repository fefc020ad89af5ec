// Endpoints of accounts: an admin's user administration (/users, scoped by the user.admin policy
// row), and everyone's own password, sessions and log-out everywhere (/auth/…).
#include "api/json/results_json.h"
#include "api/routes.h"
#include "common/json_field.h"

namespace gj::api {

namespace {

void UserAdminRoutes(Services& s, std::vector<Route>& r) {
  auto& a = s.accounts;
  r.push_back({"GET", "/api/v1/users",
               "Accounts the caller manages (?q= login or name, ?region= with a grant there)", true,
               [&a](Call& c) { return JsonReply(a.List(c.ctx, c.Query("q"), c.Query("region"))); }});
  // A stale version's 409 carries the user as GET shows it.
  auto user_now = VersionedRecordRoutes(
      r, a,
      {"/api/v1/users/{id}",
       "Create an account {login, name, password, grants: [{role, region_code, unit_id}], person_id?}; it must "
       "change the password at first log-in",
       "One account with its grants and version",
       "Change an account {version, name?, active?, grants?, person_id? (null unlinks)}; active false disables it at once"},
      &service::AccountService::Create, &service::AccountService::Get, &service::AccountService::Update);
  r.push_back({"POST", "/api/v1/users/{id}/password-reset",
               "Set a new password {version, password}; the user must change it at next log-in", true,
               VersionedMethodHandler(a, &service::AccountService::ResetPassword, user_now)});
}

void OwnAccountRoutes(Services& s, std::vector<Route>& r) {
  r.push_back({"POST", "/api/v1/auth/password",
               "Change the caller's password {old_password, new_password} (also when a change is required)",
               true, BodyHandler([&s](Call& c, const nlohmann::json& b) -> Result<nlohmann::json> {
                 Problems pr;
                 JsonFields f(b, pr);
                 const auto old_password = f.Text("old_password", Need::kRequired);
                 const auto new_password = f.Text("new_password", Need::kRequired);
                 f.RejectUnknown();
                 if (!pr.empty()) return pr.ToError("the password was not changed");
                 if (auto st = s.auth.ChangePassword(c.ctx.caller, *old_password, *new_password, c.ctx.now);
                     !st)
                   return st.error();
                 return nlohmann::json::object();
               })});
  r.push_back({"GET", "/api/v1/auth/sessions", "The caller's live log-in sessions (current marked)", true,
               [&s](Call& c) -> Result<Reply> {
                 return Reply::Json(s.auth.ListSessions(c.ctx.caller, c.ctx.now_unix));
               }});
  r.push_back({"DELETE", "/api/v1/auth/sessions/{id}", "End one of the caller's log-in sessions", true,
               [&s](Call& c) -> Result<Reply> {
                 if (auto st = s.auth.RevokeSession(c.ctx.caller, c.PathId(), c.ctx.now); !st)
                   return st.error();
                 return Reply::Json(nlohmann::json::object());
               }});
  r.push_back(
      {"POST", "/api/v1/auth/logout-all",
       "Log out everywhere: end every session and API token of the caller, this one included", true,
       [&s](Call& c) -> Result<Reply> { return Reply::Json(s.auth.LogoutAll(c.ctx.caller, c.ctx.now)); }});
}

}  // namespace

void AccountRoutes(Services& s, std::vector<Route>& r) {
  UserAdminRoutes(s, r);
  OwnAccountRoutes(s, r);
}

}  // namespace gj::api

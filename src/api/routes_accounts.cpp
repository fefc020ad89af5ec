// Endpoints of accounts: an admin's user administration (/users, scoped by the user.admin policy
// row), everyone's own password, sessions and log-out everywhere (/auth/…), and the log-in that
// answers a token (API clients) and sets the browser's session cookie (session_cookie.h).
#include "api/json/ledger_json.h"
#include "api/json/results_json.h"
#include "api/routes.h"
#include "api/session_cookie.h"
#include "common/json_field.h"

namespace gj::api {

namespace {

bool OverTls(const Call& c) { return RequestIsSecure(c.req.get_header_value("X-Forwarded-Proto")); }

bool ByCookie(const Call& c) {
  return ChooseCredential(c.req.get_header_value("Authorization"), c.req.get_header_value("Cookie")).source ==
         Credential::Source::kCookie;
}

// Both cookies gone (Max-Age=0): a log-out, whichever credential it came with.
Reply ExpiringCookies(const Call& c, nlohmann::json body) {
  Reply reply = Reply::Json(std::move(body));
  reply.headers.emplace_back("Set-Cookie", ExpiredSessionCookie(OverTls(c)));
  reply.headers.emplace_back("Set-Cookie", ExpiredCsrfCookie(OverTls(c)));
  return reply;
}

// The session's csrf cookie, again: /auth/me after a restart of the server (a new CSRF key).
void SetCsrfCookie(const Call& c, Reply& reply, const std::string& token, int64_t max_age) {
  reply.headers.emplace_back("Set-Cookie", CsrfSetCookie(CsrfTokenFor(token), max_age, OverTls(c)));
}

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
  r.push_back({"POST", "/api/v1/auth/logout-all",
               "Log out everywhere: end every session and API token of the caller, this one included", true,
               [&s](Call& c) -> Result<Reply> {
                 return ExpiringCookies(c, s.auth.LogoutAll(c.ctx.caller, c.ctx.now));
               }});
}

}  // namespace

void SessionRoutes(Services& s, std::vector<Route>& r) {
  r.push_back(
      {"POST", "/api/v1/auth/login",
       "Log in with login and password; returns a bearer token and csrf_token, and sets the browser's "
       "session cookie (gj_session, HttpOnly) and gj_csrf",
       false, [&s](Call& c) -> Result<Reply> {
         auto b = c.Body();
         if (!b) return b.error();
         Problems pr;
         JsonFields f(b.value(), pr);
         const auto login = f.Text("login", Need::kRequired);
         const auto password = f.Text("password", Need::kRequired);
         f.RejectUnknown();
         if (!pr.empty()) return BadBody(pr);
         const std::string address =
             ClientAddress(c.req.remote_addr, c.req.get_header_value("X-Forwarded-For"));
         auto res = s.auth.Login(*login, *password, c.ctx.now_unix, c.ctx.now, address);
         if (!res) return res.error();
         const std::string csrf = CsrfTokenFor(res->token);
         nlohmann::json body = LoginJson(res.value(), *s.ledger.Regions());
         body["csrf_token"] = csrf;
         body["user"]["session_id"] = res->caller.session_id;  // not a secret: "once per log-in"
         Reply reply = Reply::Json(std::move(body));
         if (MaySetSessionCookie(c.req.get_header_value("Sec-Fetch-Site"))) {
           const int64_t max_age = res->expires_at - c.ctx.now_unix;
           reply.headers.emplace_back("Set-Cookie", SessionSetCookie(res->token, max_age, OverTls(c)));
           SetCsrfCookie(c, reply, res->token, max_age);
         }
         return reply;
       }});
  r.push_back({"POST", "/api/v1/auth/logout", "Revoke the current token (and expire the session cookie)",
               true, [&s](Call& c) -> Result<Reply> {
                 if (auto st = s.auth.Logout(c.token); !st) return st.error();
                 return ExpiringCookies(c, nlohmann::json::object());
               }});
  r.push_back({"GET", "/api/v1/auth/me",
               "The current user, roles and permissions (with the cookie: csrf_token, gj_csrf set again)",
               true, [&s](Call& c) -> Result<Reply> {
                 nlohmann::json me = CallerJson(c.ctx.caller, *s.ledger.Regions());
                 me["session_id"] = c.ctx.caller.session_id;
                 if (!ByCookie(c)) return Reply::Json(std::move(me));
                 me["csrf_token"] = CsrfTokenFor(c.token);
                 Reply reply = Reply::Json(std::move(me));
                 SetCsrfCookie(c, reply, c.token, service::AuthService::kSessionSeconds);
                 return reply;
               }});
}

void AccountRoutes(Services& s, std::vector<Route>& r) {
  UserAdminRoutes(s, r);
  OwnAccountRoutes(s, r);
}

}  // namespace gj::api

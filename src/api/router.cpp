#include "api/router.h"

#include "api/http/route_table.h"
#include "api/params.h"
#include "api/session_cookie.h"
#include "common/reason_catalog.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string_view>

namespace gj::api {

namespace {

// RFC 5987 percent-encoding for a UTF-8 file name.
std::string EncodeFilename(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '.' || ch == '-' || ch == '_') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

void Send(http::Response& res, Reply&& r) {
  res.status = r.status;
  if (!r.raw.empty() || !r.content_type.empty()) {
    if (!r.filename.empty()) {
      res.set_header("Content-Disposition",
                     "attachment; filename=\"export\"; filename*=UTF-8''" + EncodeFilename(r.filename));
    }
    // Moved, not copied: a list page is ~60 kB.
    res.set_content(std::move(r.raw), std::move(r.content_type));
  } else {
    res.set_content(r.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=utf-8");
  }
  for (auto& [name, value] : r.headers) res.set_header(std::move(name), std::move(value));
}

}  // namespace

nlohmann::json DetailJson(const ErrorDetail& d) {
  nlohmann::json j = {{"field", d.field}, {"value", d.value}, {"reason", d.reason}};
  if (d.row > 0) {
    j["row"] = d.row;
    j["column"] = d.field;
  }
  if (!d.allowed.empty()) j["allowed"] = d.allowed;
  // The reason as a stable code and its figures, for a client to word in its reader's language.
  if (auto r = RuleOfReason(d.reason)) {
    j["rule"] = r->rule;
    if (!r->params.empty()) j["params"] = r->params;
  }
  return j;
}

void SendError(http::Response& res, const Error& e) {
  // At most kMaxErrorDetails details, then one saying how many more there were: a sheet of 100,000
  // bad rows answers in a few kilobytes, not a hundred megabytes.
  nlohmann::json details = nlohmann::json::array();
  for (size_t i = 0; i < e.details.size() && i < kMaxErrorDetails; ++i)
    details.push_back(DetailJson(e.details[i]));
  if (e.details.size() > kMaxErrorDetails) {
    const std::string more = std::to_string(e.details.size() - kMaxErrorDetails);
    details.push_back({{"field", ""},
                       {"value", more},
                       {"reason", more + " more problems not shown (the first " +
                                      std::to_string(kMaxErrorDetails) + " are)"}});
  }
  nlohmann::json body = {
      {"error", {{"code", CodeName(e.code)}, {"message", e.message}, {"details", details}}}};
  // A message that names a rule ("rule report.own_report: …") says which, as a detail does.
  if (auto r = RuleOfReason(e.message)) {
    body["error"]["rule"] = r->rule;
    if (!r->params.empty()) body["error"]["params"] = r->params;
  }
  if (e.extra.is_object()) {
    for (const auto& [k, v] : e.extra.items()) body[k] = v;
  }
  if (e.code == ErrorCode::kTooManyRequests && e.extra.contains("retry_after")) {
    res.set_header("Retry-After", std::to_string(e.extra["retry_after"].get<int64_t>()));
  }
  Send(res, Reply::Json(body, HttpStatus(e.code)));
}

namespace {

// What a caller whose password must be changed (first log-in, after an admin's reset) may do:
// see who they are, change the password, log out. Everything else answers 403
// "password_change_required" until the password is changed.
constexpr std::string_view kBeforePasswordChange[] = {
    "/api/v1/auth/me",
    "/api/v1/auth/password",
    "/api/v1/auth/logout",
};

bool AllowedBeforePasswordChange(const std::string& path) {
  return std::find(std::begin(kBeforePasswordChange), std::end(kBeforePasswordChange), path) !=
         std::end(kBeforePasswordChange);
}

}  // namespace

size_t BodyLimitOf(const Route& route, const BodyLimits& limits) {
  if (route.max_body == kUploadBody) return limits.max_upload_bytes;
  if (route.max_body != kDefaultBody) return route.max_body;
  if (route.path.rfind("/api/v1/auth/", 0) == 0) return limits.max_auth_bytes;
  return limits.max_json_bytes;
}

void Install(http::RouteTable& table, const std::vector<Route>& routes, Authenticator auth,
             BodyLimits limits) {
  for (const auto& route : routes) {
    auto handler = [route, auth, limits](const http::Request& req, http::Response& res) {
      try {
        // Authenticated first: the Ctx is made with its caller, which then never changes.
        // The Bearer header, else the browser's session cookie (session_cookie.h); a cookie
        // request with an unsafe method must carry the session's X-CSRF-Token.
        const Credential cred =
            ChooseCredential(req.get_header_value("Authorization"), req.get_header_value("Cookie"));
        std::string token = cred.token;
        access::Caller caller;
        if (route.needs_caller) {
          auto known = auth(token);
          if (!known) return SendError(res, known.error());
          if (!CsrfSatisfied(cred, req.method, req.get_header_value("X-CSRF-Token")))
            return Send(res, Reply::Json(CsrfRefusalBody(), 403));
          caller = std::move(known.value());
          if (caller.must_change_password && !AllowedBeforePasswordChange(route.path))
            return SendError(res,
                             Error{ErrorCode::kPasswordChangeRequired,
                                   "请先修改密码 (change your password first: POST /api/v1/auth/password)",
                                   {},
                                   {}});
        }
        if (auto st = CheckPathParams(route.path, req); !st) return SendError(res, st.error());
        Call call{req, service::MakeCtx(std::move(caller)), std::move(token), limits.max_json_bytes};
        auto reply = route.handler(call);
        if (!reply) return SendError(res, reply.error());
        Send(res, std::move(reply.value()));
      } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s %s: %s\n", req.method.c_str(), req.path.c_str(), e.what());
        SendError(res, Error{ErrorCode::kInternal, "internal error; the request changed nothing", {}, {}});
      }
    };
    table.Add(route.method, route.path, IsIntegerPathParam, BodyLimitOf(route, limits), std::move(handler));
  }
}

nlohmann::json OpenApi(const std::vector<Route>& routes) {
  nlohmann::json paths = nlohmann::json::object();
  const nlohmann::json error_ref = {{"$ref", "#/components/schemas/Error"}};
  for (const auto& r : routes) {
    std::string method = r.method;
    for (auto& ch : method) ch = static_cast<char>(std::tolower(ch));
    nlohmann::json op = {{"summary", r.summary},
                         {"responses",
                          {{"200", {{"description", "OK"}}},
                           {"default",
                            {{
                                 "description",
                                 "error",
                             },
                             {"content", {{"application/json", {{"schema", error_ref}}}}}}}}}};
    nlohmann::json params = nlohmann::json::array();
    for (size_t i = r.path.find('{'); i != std::string::npos; i = r.path.find('{', i + 1)) {
      const std::string name = r.path.substr(i + 1, r.path.find('}', i) - i - 1);
      params.push_back({{"name", name},
                        {"in", "path"},
                        {"required", true},
                        {"schema", {{"type", IsIntegerPathParam(name) ? "integer" : "string"}}}});
    }
    if (!params.empty()) op["parameters"] = params;
    if (!r.needs_caller) op["security"] = nlohmann::json::array();
    paths[r.path][method] = op;
  }
  return {{"openapi", "3.0.3"},
          {"info", {{"title", "Gongjian (攻坚) API"}, {"version", "1"}}},
          {"paths", paths},
          {"security", nlohmann::json::array({{{"bearer", nlohmann::json::array()}}})},
          {"components",
           {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}},
            {"schemas",
             {{"Error",
               {{"type", "object"},
                {"properties",
                 {{"error",
                   {{"type", "object"},
                    {"properties",
                     {{"code", {{"type", "string"}}},
                      {"message", {{"type", "string"}}},
                      {"details",
                       {{"type", "array"},
                        {"items",
                         {{"type", "object"},
                          {"properties",
                           {{"field", {{"type", "string"}}},
                            {"value", {{"type", "string"}}},
                            {"reason", {{"type", "string"}}}}}}}}}}}}}}}}}}}}}};
}

}  // namespace gj::api

// How a request proves who it is, without I/O: the browser's session cookie with its CSRF token,
// or an API client's `Authorization: Bearer` header (docs/api.md "Authentication").
//
// The web app never holds its session token in script-readable storage: log-in sets
//   gj_session=<token>; Path=/api/; HttpOnly; SameSite=Strict[; Secure]   (unreadable by scripts)
//   gj_csrf=<csrf>;     Path=/;     SameSite=Strict[; Secure]             (read by the app)
// and a request that comes with the cookie and an unsafe method (POST, PUT, PATCH, DELETE) must
// repeat the csrf in the X-CSRF-Token header. The csrf is a keyed hash of the session token
// (BLAKE2b, libsodium crypto_generichash, keyed by the server's CSRF secret): stateless (nothing is
// stored), bound to that one session (another session's csrf does not fit), and not a way back to
// the token. A Bearer header, when present, is the credential and needs no csrf: a page of another
// site cannot make the browser send one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace gj::api {

inline constexpr std::string_view kSessionCookie = "gj_session";
inline constexpr std::string_view kCsrfCookie = "gj_csrf";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

// The value of cookie `name` in a Cookie request header ("a=1; b=2"); "" when absent. The first
// occurrence wins (a browser sends the most specific path first).
std::string CookieValue(std::string_view cookie_header, std::string_view name);

// The token of an `Authorization: Bearer <token>` header value; "" for anything else.
std::string BearerOf(std::string_view authorization);

// Which credential a request carries: the Bearer header when there is one, else the session cookie.
struct Credential {
  enum class Source { kNone, kBearer, kCookie };
  Source source = Source::kNone;
  std::string token;
};
Credential ChooseCredential(std::string_view authorization_header, std::string_view cookie_header);

// POST, PUT, PATCH, DELETE (anything but GET, HEAD, OPTIONS).
bool IsUnsafeMethod(std::string_view method);

// The csrf of a session token under `key` (64 hex digits); the process's key when omitted.
std::string CsrfTokenFor(std::string_view session_token, std::string_view key);
std::string CsrfTokenFor(std::string_view session_token);

// Equal length and bytes, in time that depends on the length only.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// Whether a request may go on as far as CSRF goes: a Bearer request or a safe method always; a
// cookie request with an unsafe method only when `csrf_header` is the session's csrf.
bool CsrfSatisfied(const Credential& cred, std::string_view method, std::string_view csrf_header);

// The body of the 403 that refuses such a write: the error shape of every route, its code
// "csrf_failed" stable (the web app then re-reads its csrf from /auth/me and tries once more).
nlohmann::json CsrfRefusalBody();

// The server's CSRF key: GONGJIAN_CSRF_SECRET (hashed) when set, so several instances behind one
// address agree; else random for the life of the process (a restart makes the web app re-read its
// csrf from /auth/me, the session itself lives on).
const std::string& CsrfKey();

// Whether the request reached us over TLS (X-Forwarded-Proto "https" from a proxy in front):
// cookies then carry Secure.
bool RequestIsSecure(std::string_view forwarded_proto);

// Set-Cookie values: the session cookie and the csrf cookie for `max_age_s` seconds, and both
// expired (Max-Age=0) for a log-out.
std::string SessionSetCookie(std::string_view token, int64_t max_age_s, bool secure);
std::string CsrfSetCookie(std::string_view csrf, int64_t max_age_s, bool secure);
std::string ExpiredSessionCookie(bool secure);
std::string ExpiredCsrfCookie(bool secure);

// Whether a log-in may set the session cookie: not when the browser says the request came from
// another site (Sec-Fetch-Site: cross-site), so a page elsewhere cannot log a visitor in as
// someone else. The JSON answer (the token for API clients) is the same either way.
bool MaySetSessionCookie(std::string_view sec_fetch_site);

// The client address throttling counts: the peer, or, when the peer is a proxy on this machine
// (loopback), the last address of its X-Forwarded-For.
std::string ClientAddress(std::string_view remote_addr, std::string_view forwarded_for);

}  // namespace gj::api

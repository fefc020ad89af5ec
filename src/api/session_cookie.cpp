#include "api/session_cookie.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <stdexcept>

namespace gj::api {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// A token as issued (gj_ and hex) or any value without the characters a cookie cannot carry.
bool CookieSafe(std::string_view v) {
  return std::all_of(v.begin(), v.end(), [](char ch) {
    return ch > 0x20 && ch < 0x7f && ch != ';' && ch != ',' && ch != '"' && ch != '\\';
  });
}

std::string Cookie(std::string_view name, std::string_view value, std::string_view path, int64_t max_age,
                   bool http_only, bool secure) {
  if (!CookieSafe(value)) throw std::invalid_argument("a cookie value with a separator");
  std::string out;
  out.append(name).append("=").append(value).append("; Path=").append(path);
  out.append("; Max-Age=").append(std::to_string(std::max<int64_t>(max_age, 0)));
  if (http_only) out += "; HttpOnly";
  out += "; SameSite=Strict";
  if (secure) out += "; Secure";
  return out;
}

void EnsureSodium() {
  static const int ok = sodium_init();
  if (ok < 0) throw std::runtime_error("libsodium failed to initialise");
}

bool IsLoopback(std::string_view a) {
  if (a.rfind("::ffff:", 0) == 0) a.remove_prefix(7);
  return a == "::1" || a.rfind("127.", 0) == 0;
}

bool LooksLikeAddress(std::string_view a) {
  return !a.empty() && a.size() <= 45 && std::all_of(a.begin(), a.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F') || ch == '.' ||
           ch == ':';
  });
}

}  // namespace

std::string CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const size_t end = std::min(header.find(';'), header.size());
    std::string_view pair = Trim(header.substr(0, end));
    header.remove_prefix(std::min(end + 1, header.size()));
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (Trim(pair.substr(0, eq)) != name) continue;
    std::string_view value = Trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    return std::string(value);
  }
  return "";
}

std::string BearerOf(std::string_view h) {
  h = Trim(h);
  constexpr std::string_view kScheme = "Bearer ";
  if (h.size() <= kScheme.size() || !EqualsNoCase(h.substr(0, kScheme.size()), kScheme)) return "";
  return std::string(Trim(h.substr(kScheme.size())));
}

Credential ChooseCredential(std::string_view authorization, std::string_view cookie_header) {
  if (!Trim(authorization).empty()) {
    // An Authorization header decides, even a malformed one (401), never the cookie behind it.
    return {Credential::Source::kBearer, BearerOf(authorization)};
  }
  std::string token = CookieValue(cookie_header, kSessionCookie);
  if (token.empty()) return {};
  return {Credential::Source::kCookie, std::move(token)};
}

bool IsUnsafeMethod(std::string_view m) { return !(m == "GET" || m == "HEAD" || m == "OPTIONS"); }

std::string CsrfTokenFor(std::string_view token, std::string_view key) {
  EnsureSodium();
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     reinterpret_cast<const unsigned char*>(key.data()), key.size());
  char hex[sizeof h * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return std::string(hex, sizeof h * 2);
}

std::string CsrfTokenFor(std::string_view token) { return CsrfTokenFor(token, CsrfKey()); }

const std::string& CsrfKey() {
  static const std::string key = [] {
    EnsureSodium();
    unsigned char k[crypto_generichash_KEYBYTES];
    const char* secret = std::getenv("GONGJIAN_CSRF_SECRET");
    if (secret && *secret) {
      const std::string_view s(secret);
      crypto_generichash(k, sizeof k, reinterpret_cast<const unsigned char*>(s.data()), s.size(),
                         reinterpret_cast<const unsigned char*>("gongjian-csrf"), 13);
    } else {
      randombytes_buf(k, sizeof k);
    }
    return std::string(reinterpret_cast<const char*>(k), sizeof k);
  }();
  return key;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool CsrfSatisfied(const Credential& cred, std::string_view method, std::string_view csrf_header) {
  if (cred.source != Credential::Source::kCookie || !IsUnsafeMethod(method)) return true;
  const std::string_view given = Trim(csrf_header);
  if (given.empty()) return false;
  return ConstantTimeEquals(given, CsrfTokenFor(cred.token));
}

nlohmann::json CsrfRefusalBody() {
  return {{"error",
           {{"code", "csrf_failed"},
            {"message", "缺少或错误的 X-CSRF-Token (a cookie session's write needs its X-CSRF-Token)"},
            {"details", nlohmann::json::array()}}}};
}

bool RequestIsSecure(std::string_view forwarded_proto) {
  // "https" or a list whose first hop was https ("https, http").
  const std::string_view first = Trim(forwarded_proto.substr(0, forwarded_proto.find(',')));
  return EqualsNoCase(first, "https");
}

std::string SessionSetCookie(std::string_view token, int64_t max_age_s, bool secure) {
  return Cookie(kSessionCookie, token, "/api/", max_age_s, true, secure);
}

std::string CsrfSetCookie(std::string_view csrf, int64_t max_age_s, bool secure) {
  return Cookie(kCsrfCookie, csrf, "/", max_age_s, false, secure);
}

std::string ExpiredSessionCookie(bool secure) { return Cookie(kSessionCookie, "", "/api/", 0, true, secure); }

std::string ExpiredCsrfCookie(bool secure) { return Cookie(kCsrfCookie, "", "/", 0, false, secure); }

bool MaySetSessionCookie(std::string_view sec_fetch_site) {
  return !EqualsNoCase(Trim(sec_fetch_site), "cross-site");
}

std::string ClientAddress(std::string_view remote_addr, std::string_view forwarded_for) {
  if (IsLoopback(remote_addr) && !Trim(forwarded_for).empty()) {
    const size_t comma = forwarded_for.rfind(',');
    const std::string_view last =
        Trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    if (LooksLikeAddress(last)) return std::string(last);
  }
  return std::string(remote_addr);
}

}  // namespace gj::api

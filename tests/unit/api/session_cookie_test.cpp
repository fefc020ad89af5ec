// The browser's session cookie and its CSRF token, and the Bearer header of API clients: which
// credential a request carries, when a write needs X-CSRF-Token, and the Set-Cookie values.
#include "api/session_cookie.h"

#include <gtest/gtest.h>

namespace gj::testing {
namespace {

using api::Credential;

TEST(SessionCookie, CookieHeaderParsing) {
  EXPECT_EQ(api::CookieValue("gj_session=gj_abc; gj_csrf=123", "gj_session"), "gj_abc");
  EXPECT_EQ(api::CookieValue("a=1;gj_csrf=123 ;  gj_session = tok ", "gj_session"), "tok");
  EXPECT_EQ(api::CookieValue("gj_session=\"quoted\"", "gj_session"), "quoted");
  EXPECT_EQ(api::CookieValue("gj_session=first; gj_session=second", "gj_session"), "first");
  EXPECT_EQ(api::CookieValue("xgj_session=no; gj_sessionx=no", "gj_session"), "");
  EXPECT_EQ(api::CookieValue("novalue; =x; gj_session", "gj_session"), "");
  EXPECT_EQ(api::CookieValue("", "gj_session"), "");
}

TEST(SessionCookie, BearerHeaderWinsOverTheCookie) {
  EXPECT_EQ(api::BearerOf("Bearer gj_123"), "gj_123");
  EXPECT_EQ(api::BearerOf("bearer gj_123"), "gj_123");  // the scheme is case-insensitive
  EXPECT_EQ(api::BearerOf("Basic dXNlcg=="), "");
  EXPECT_EQ(api::BearerOf("Bearer "), "");

  auto bearer = api::ChooseCredential("Bearer gj_api", "gj_session=gj_cookie");
  EXPECT_EQ(bearer.source, Credential::Source::kBearer);
  EXPECT_EQ(bearer.token, "gj_api");
  auto cookie = api::ChooseCredential("", "theme=dark; gj_session=gj_cookie");
  EXPECT_EQ(cookie.source, Credential::Source::kCookie);
  EXPECT_EQ(cookie.token, "gj_cookie");
  // A malformed Authorization header is a failed Bearer (401), never a fall-back to the cookie.
  auto malformed = api::ChooseCredential("Basic x", "gj_session=gj_cookie");
  EXPECT_EQ(malformed.source, Credential::Source::kBearer);
  EXPECT_EQ(malformed.token, "");
  EXPECT_EQ(api::ChooseCredential("", "gj_csrf=1").source, Credential::Source::kNone);
}

TEST(SessionCookie, CsrfIsAKeyedHashBoundToTheSession) {
  const std::string a = api::CsrfTokenFor("gj_aaaa", "key-1");
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a, api::CsrfTokenFor("gj_aaaa", "key-1"));  // stateless: the same every time
  EXPECT_NE(a, api::CsrfTokenFor("gj_bbbb", "key-1"));  // another session, another csrf
  EXPECT_NE(a, api::CsrfTokenFor("gj_aaaa", "key-2"));  // another key, another csrf
  EXPECT_EQ(a.find("aaaa"), std::string::npos);
  EXPECT_EQ(api::CsrfKey().size(), 32u);
  EXPECT_EQ(api::CsrfTokenFor("gj_aaaa"), api::CsrfTokenFor("gj_aaaa", api::CsrfKey()));
}

TEST(SessionCookie, ConstantTimeCompare) {
  EXPECT_TRUE(api::ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(api::ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(api::ConstantTimeEquals("abc", "abcd"));
  EXPECT_TRUE(api::ConstantTimeEquals("", ""));
}

TEST(SessionCookie, CookieWritesNeedTheSessionsCsrf) {
  const Credential cookie{Credential::Source::kCookie, "gj_tok"};
  const std::string csrf = api::CsrfTokenFor("gj_tok");
  for (const char* m : {"POST", "PUT", "PATCH", "DELETE"}) {
    EXPECT_TRUE(api::IsUnsafeMethod(m));
    EXPECT_FALSE(api::CsrfSatisfied(cookie, m, "")) << m;
    EXPECT_FALSE(api::CsrfSatisfied(cookie, m, api::CsrfTokenFor("gj_other"))) << m;
    EXPECT_TRUE(api::CsrfSatisfied(cookie, m, csrf)) << m;
  }
  for (const char* m : {"GET", "HEAD", "OPTIONS"}) {
    EXPECT_FALSE(api::IsUnsafeMethod(m));
    EXPECT_TRUE(api::CsrfSatisfied(cookie, m, "")) << m;
  }
  // Bearer requests (and requests with no credential, refused elsewhere) need no csrf.
  EXPECT_TRUE(api::CsrfSatisfied({Credential::Source::kBearer, "gj_tok"}, "POST", ""));
  EXPECT_TRUE(api::CsrfSatisfied({}, "POST", ""));
  EXPECT_EQ(api::CsrfRefusalBody()["error"]["code"], "csrf_failed");
}

TEST(SessionCookie, SetCookieValues) {
  EXPECT_EQ(api::SessionSetCookie("gj_tok", 43200, false),
            "gj_session=gj_tok; Path=/api/; Max-Age=43200; HttpOnly; SameSite=Strict");
  EXPECT_EQ(api::SessionSetCookie("gj_tok", 60, true),
            "gj_session=gj_tok; Path=/api/; Max-Age=60; HttpOnly; SameSite=Strict; Secure");
  EXPECT_EQ(api::CsrfSetCookie("c0ffee", 60, false), "gj_csrf=c0ffee; Path=/; Max-Age=60; SameSite=Strict");
  EXPECT_EQ(api::ExpiredSessionCookie(false),
            "gj_session=; Path=/api/; Max-Age=0; HttpOnly; SameSite=Strict");
  EXPECT_EQ(api::ExpiredCsrfCookie(true), "gj_csrf=; Path=/; Max-Age=0; SameSite=Strict; Secure");
  EXPECT_THROW(api::SessionSetCookie("a;b", 1, false), std::invalid_argument);
}

TEST(SessionCookie, TlsAndCrossSiteAndClientAddress) {
  EXPECT_TRUE(api::RequestIsSecure("https"));
  EXPECT_TRUE(api::RequestIsSecure("HTTPS, http"));
  EXPECT_FALSE(api::RequestIsSecure(""));
  EXPECT_FALSE(api::RequestIsSecure("http"));

  EXPECT_TRUE(api::MaySetSessionCookie(""));
  EXPECT_TRUE(api::MaySetSessionCookie("same-origin"));
  EXPECT_FALSE(api::MaySetSessionCookie("cross-site"));

  EXPECT_EQ(api::ClientAddress("10.1.2.3", ""), "10.1.2.3");
  // X-Forwarded-For counts only from a proxy on this machine, and then its last hop.
  EXPECT_EQ(api::ClientAddress("10.1.2.3", "203.0.113.9"), "10.1.2.3");
  EXPECT_EQ(api::ClientAddress("127.0.0.1", "1.1.1.1, 203.0.113.9"), "203.0.113.9");
  EXPECT_EQ(api::ClientAddress("::1", "2001:db8::7"), "2001:db8::7");
  EXPECT_EQ(api::ClientAddress("127.0.0.1", "not an address"), "127.0.0.1");
}

}  // namespace
}  // namespace gj::testing

// The pure pieces of the HTTP layer (src/api/http/): request-target parsing (decoding, "..",
// NUL), the route table's matching, the per-route body limits, header lookup and static paths.
#include <gtest/gtest.h>

#include "api/http/request.h"
#include "api/http/response.h"
#include "api/http/route_table.h"
#include "api/http/static_files.h"
#include "api/http/target.h"
#include "api/params.h"
#include "api/router.h"

namespace gj::testing {
namespace {

using api::http::ParseTarget;
using api::http::TargetStatus;
using Params = std::multimap<std::string, std::string>;

TEST(HttpTarget, DecodesThePathAndTheQueryAsHttplibDid) {
  std::string path;
  Params params;
  ASSERT_EQ(ParseTarget("/api/v1/projects?q=%E9%92%A2+%E7%90%83&limit=50&flag&=x&a=1&a=2", path, params),
            TargetStatus::kOk);
  EXPECT_EQ(path, "/api/v1/projects");
  EXPECT_EQ(params.find("q")->second, "钢 球");
  EXPECT_EQ(params.find("limit")->second, "50");
  EXPECT_EQ(params.find("flag")->second, "");
  EXPECT_EQ(params.count(""), 0u);  // no name: dropped
  EXPECT_EQ(params.count("a"), 2u);
  path.clear();
  params.clear();
  ASSERT_EQ(ParseTarget("/a%20b+c/%zz%4", path, params), TargetStatus::kOk);
  EXPECT_EQ(path, "/a b+c/%zz%4");  // '+' stays in the path; a malformed escape is kept
  ASSERT_EQ(ParseTarget("http://example.org/healthz?x=1", path, params), TargetStatus::kOk);
  EXPECT_EQ(path, "/healthz");
  EXPECT_EQ(ParseTarget("healthz", path, params), TargetStatus::kMalformed);
  EXPECT_EQ(ParseTarget("", path, params), TargetStatus::kMalformed);
  EXPECT_EQ(ParseTarget("/index.html%00.js", path, params), TargetStatus::kMalformed);
}

TEST(HttpTarget, RefusesEveryDotDotSegment) {
  std::string path;
  Params params;
  for (const char* t : {"/..", "/../etc/passwd", "/assets/../../x", "/%2e%2e/x", "/%2E%2e/x",
                        "/assets/..%2f..%2fx", "/a/..%5cx", "/..\\x", "/a/b/..?x=1"}) {
    EXPECT_EQ(ParseTarget(t, path, params), TargetStatus::kTraversal) << t;
  }
  for (const char* t : {"/a..b", "/.../x", "/assets/app..js", "/./x", "/?q=.."}) {
    EXPECT_EQ(ParseTarget(t, path, params), TargetStatus::kOk) << t;
  }
}

TEST(HttpRequest, HeadersAreCaseInsensitiveAndParamsHaveHttplibsGetters) {
  api::http::Request req;
  req.headers = {{"authorization", "Bearer t"}, {"X-A", "1"}, {"x-a", "2"}};
  EXPECT_EQ(req.get_header_value("Authorization"), "Bearer t");
  EXPECT_TRUE(req.has_header("AUTHORIZATION"));
  EXPECT_FALSE(req.has_header("Cookie"));
  EXPECT_EQ(req.get_header_value("Cookie"), "");
  EXPECT_EQ(req.get_header_value("x-A", 1), "2");
  EXPECT_EQ(req.get_header_value_count("X-a"), 2u);
  req.params = {{"a", "1"}, {"a", "2"}};
  EXPECT_TRUE(req.has_param("a"));
  EXPECT_EQ(req.get_param_value("a", 1), "2");
  EXPECT_EQ(req.get_param_value("a", 2), "");
  EXPECT_EQ(req.get_param_value_count("a"), 2u);
}

TEST(HttpRouteTable, MatchesWholeSegmentsInOrderAndFillsMatches) {
  api::http::RouteTable t;
  int hit = 0;
  auto mark = [&hit](int n) {
    return [&hit, n](const api::http::Request&, api::http::Response&) { hit = n; };
  };
  t.Add("GET", "/api/v1/projects/{id}", api::IsIntegerPathParam, 10, mark(1));
  t.Add("GET", "/api/v1/projects/export", api::IsIntegerPathParam, 20, mark(2));
  t.Add("GET", "/api/v1/land/schemes/{county}", api::IsIntegerPathParam, 30, mark(3));
  t.Add("POST", "/api/v1/projects/{id}/assignments/{person}", api::IsIntegerPathParam, 40, mark(4));
  t.SetFallback(5, mark(9));
  api::http::Request req;
  auto find = [&](const char* method, const char* path) {
    req.method = method;
    req.path = path;
    req.matches.clear();
    const auto& r = t.Find(req);
    api::http::Response res;
    r.handler(req, res);
    return r.max_body;
  };
  EXPECT_EQ(find("GET", "/api/v1/projects/42"), 10u);
  EXPECT_EQ(hit, 1);
  ASSERT_EQ(req.matches.size(), 2u);
  EXPECT_EQ(req.matches[0].str(), "/api/v1/projects/42");
  EXPECT_EQ(req.matches[1].str(), "42");
  EXPECT_EQ(find("HEAD", "/api/v1/projects/export"), 20u);  // HEAD is GET's; {id} is digits only
  EXPECT_EQ(find("GET", "/api/v1/land/schemes/371524"), 30u);
  EXPECT_EQ(req.matches[1].str(), "371524");
  EXPECT_EQ(find("POST", "/api/v1/projects/7/assignments/8"), 40u);
  EXPECT_EQ(req.matches[2].str(), "8");
  for (const char* p :
       {"/api/v1/projects/42/", "/api/v1/projects/", "/api/v1/projects//42", "/api/v1/projects/4x",
        "/api/v1/land/schemes/", "/api/v1/projects/7/assignments/x", "api/v1/projects/1"}) {
    EXPECT_EQ(find("GET", p), 5u) << p;
    EXPECT_EQ(hit, 9) << p;
  }
  EXPECT_EQ(find("DELETE", "/api/v1/projects/42"), 5u);  // another method: no route
}

TEST(BodyLimits, ByRouteKind) {
  api::BodyLimits limits;
  limits.max_json_bytes = 1000;
  limits.max_upload_bytes = 5000;
  limits.max_auth_bytes = 100;
  api::Route json{"POST", "/api/v1/projects", "", true, nullptr};
  api::Route login{"POST", "/api/v1/auth/login", "", false, nullptr};
  api::Route upload{"POST", "/api/v1/projects/import", "", true, nullptr, api::kUploadBody};
  api::Route own{"POST", "/api/v1/x", "", true, nullptr, 42};
  EXPECT_EQ(api::BodyLimitOf(json, limits), 1000u);
  EXPECT_EQ(api::BodyLimitOf(login, limits), 100u);
  EXPECT_EQ(api::BodyLimitOf(upload, limits), 5000u);
  EXPECT_EQ(api::BodyLimitOf(own, limits), 42u);
  EXPECT_EQ(api::BodyLimits{}.max_auth_bytes, 8u << 10);
  EXPECT_EQ(api::BodyLimits{}.max_json_bytes, 1u << 20);
}

TEST(HttpResponse, ErrorShapeAndCacheControl) {
  api::http::Response res;
  api::http::SetError(res, 413, "payload_too_large", "too \"big\"");
  EXPECT_EQ(res.status, 413);
  EXPECT_EQ(res.body, R"({"error":{"code":"payload_too_large","message":"too \"big\"","details":[]}})");
  EXPECT_EQ(res.get_header_value("content-type"), "application/json; charset=utf-8");
  EXPECT_STREQ(api::http::CacheControlOf("/assets/index-78CK_6zR.js"), "public, max-age=31536000, immutable");
  EXPECT_STREQ(api::http::CacheControlOf("/index.html"), "no-cache");
  EXPECT_STREQ(api::http::CacheControlOf("/favicon.ico"), "no-cache");
  EXPECT_EQ(api::http::ContentTypeOf("/assets/a.JS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(api::http::ContentTypeOf("/assets.d/noext"), "application/octet-stream");
}

TEST(HttpStaticFiles, AcceptEncodingPicksWhatTheClientTakes) {
  using api::http::AcceptsEncoding;
  EXPECT_TRUE(AcceptsEncoding("gzip, deflate, br, zstd", "br"));  // Chromium's
  EXPECT_TRUE(AcceptsEncoding("gzip, deflate, br, zstd", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("gzip, deflate", "br"));
  EXPECT_FALSE(AcceptsEncoding("", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("identity", "gzip"));
  EXPECT_TRUE(AcceptsEncoding("GZIP", "gzip"));
  EXPECT_TRUE(AcceptsEncoding(" br ;q=0.5 , gzip", "br"));
  EXPECT_FALSE(AcceptsEncoding("br;q=0, gzip", "br"));
  EXPECT_FALSE(AcceptsEncoding("br; q=0.000", "br"));
  EXPECT_FALSE(AcceptsEncoding("br;q=x", "br"));
  EXPECT_TRUE(AcceptsEncoding("*", "br"));
  EXPECT_FALSE(AcceptsEncoding("*;q=0", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("*, br;q=0", "br"));  // the name beats the star
  EXPECT_TRUE(AcceptsEncoding("br;level=1;q=0.8", "br"));
  EXPECT_FALSE(AcceptsEncoding("brotli", "br"));
}

}  // namespace
}  // namespace gj::testing

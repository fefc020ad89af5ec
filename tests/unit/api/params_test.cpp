// The request-parameter module: every malformed query or path parameter is a 400 bad_request
// naming the parameter, the value and why; the project filter reads the same parameters for every
// route that selects projects.
#include "api/params.h"

#include <gtest/gtest.h>

namespace gj::testing {
namespace {

using api::Call;
using api::QueryParams;

// A parameter of each typed getter with a well-formed value and a malformed one (a list is never
// malformed).
struct Sample {
  const char* name;
  const char* good;
  const char* bad;
};
constexpr Sample kSamples[] = {{"as_of", "2026-02-28", "2026-13-45"},
                               {"year", "2024", "abc"},
                               {"unit", "7", "0"},
                               {"archived", "1", "yes"},
                               {"order", "desc", "up"},
                               {"codes", "a,,b", "a,,b"},
                               {"offset", "20", "-1"},
                               {"limit", "10", "500"}};

// A request with the given query parameters, as the server parses them.
struct FakeRequest {
  explicit FakeRequest(std::initializer_list<std::pair<const char*, const char*>> params) {
    for (const auto& [k, v] : params) req.params.emplace(k, v);
    call.ctx.today = Date{2026, 6, 15};
  }
  // Every sample parameter with its `value` (&Sample::good or &Sample::bad).
  explicit FakeRequest(const char* Sample::*value) {
    for (const auto& s : kSamples) req.params.emplace(s.name, s.*value);
    call.ctx.today = Date{2026, 6, 15};
  }
  api::http::Request req;
  Call call{req, service::MakeCtx({}), "", 1 << 20};
};

TEST(QueryParams, NotSentAndEmptyGiveTheFallback) {
  FakeRequest r({{"year", ""}});
  QueryParams q(r.call);
  EXPECT_EQ(q.AsOf(), (Date{2026, 6, 15}));
  EXPECT_EQ(q.YearOr(2025), 2025);
  EXPECT_FALSE(q.Id("unit"));
  EXPECT_FALSE(q.Flag("archived"));
  EXPECT_FALSE(q.OneOf("order", {"asc", "desc"}));
  EXPECT_EQ(q.OneOf("format", {"xlsx", "csv"}, "xlsx"), "xlsx");
  EXPECT_TRUE(q.List("codes").empty());
  EXPECT_TRUE(q.Check().ok());
}

TEST(QueryParams, ReadsWellFormedValues) {
  FakeRequest r(&Sample::good);
  QueryParams q(r.call);
  EXPECT_EQ(q.AsOf(), (Date{2026, 2, 28}));
  EXPECT_EQ(q.Year(), 2024);
  EXPECT_EQ(q.Id("unit"), 7);
  EXPECT_TRUE(q.Flag("archived"));
  EXPECT_EQ(q.OneOf("order", {"asc", "desc"}), "desc");
  EXPECT_EQ(q.List("codes"), (std::vector<std::string>{"a", "b"}));
  const auto page = q.Page(50, 100);
  EXPECT_EQ(page.offset, 20);
  EXPECT_EQ(page.limit, 10);
  EXPECT_TRUE(q.Check().ok());
}

TEST(QueryParams, EveryMalformedValueIsOne400DetailNamingParameterValueAndReason) {
  FakeRequest r(&Sample::bad);
  QueryParams q(r.call);
  EXPECT_EQ(q.AsOf(), (Date{2026, 6, 15}));  // the fallback, so a handler can read on
  q.Year();
  q.Id("unit");
  q.Flag("archived");
  q.OneOf("order", {"asc", "desc"});
  q.Page(50, 100);
  const auto st = q.Check();
  ASSERT_FALSE(st.ok());
  const Error& e = st.error();
  EXPECT_EQ(e.code, ErrorCode::kBadRequest);
  EXPECT_EQ(HttpStatus(e.code), 400);
  ASSERT_EQ(e.details.size(), 7u);
  EXPECT_EQ(e.details[0].field, "as_of");
  EXPECT_EQ(e.details[0].value, "2026-13-45");
  EXPECT_EQ(e.details[0].reason, "must be a date YYYY-MM-DD");
  EXPECT_EQ(e.details[1].field, "year");
  EXPECT_EQ(e.details[1].reason, "must be an integer from 2000 to 2100");
  EXPECT_EQ(e.details[2].reason, "must be an integer ≥ 1");
  EXPECT_EQ(e.details[3].reason, "must be one of true, false, 1, 0");
  EXPECT_EQ(e.details[4].allowed, (std::vector<std::string>{"asc", "desc"}));
  EXPECT_EQ(e.details[5].field, "offset");
  EXPECT_EQ(e.details[6].field, "limit");
  EXPECT_EQ(e.details[6].reason, "must be an integer from 1 to 100");
  // The message alone says what to fix.
  EXPECT_NE(e.message.find("as_of=\"2026-13-45\" must be a date YYYY-MM-DD"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("year=\"abc\""), std::string::npos) << e.message;
}

TEST(QueryParams, RequiredParameterMissing) {
  FakeRequest r({{"other", "x"}});
  QueryParams q(r.call);
  EXPECT_FALSE(q.Year("year", Need::kRequired));
  ASSERT_FALSE(q.Check().ok());
  EXPECT_EQ(q.Check().error().details[0].reason, "is required");
}

TEST(QueryParams, ThenSkipsTheServiceOnABadParameter) {
  FakeRequest r({{"as_of", "soon"}});
  QueryParams q(r.call);
  q.AsOf();
  bool called = false;
  auto reply = q.Then([&]() -> Result<nlohmann::json> {
    called = true;
    return nlohmann::json::object();
  });
  EXPECT_FALSE(called);
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, ErrorCode::kBadRequest);
}

TEST(QueryParams, PageWhoseDefaultIsTheWholeListAcceptsLimitZero) {
  FakeRequest r({{"limit", "0"}});
  QueryParams q(r.call);
  EXPECT_EQ(q.Page(0, 1000).limit, 0);
  EXPECT_TRUE(q.Check().ok());
}

TEST(ProjectFilterFrom, ReadsEveryFilterOfTheList) {
  FakeRequest r({{"region", "371524"},
                 {"town", "371524101"},
                 {"category", "industrial"},
                 {"level", "province"},
                 {"kind", "new"},
                 {"track", "t"},
                 {"stage", "construction"},
                 {"q", "物流"},
                 {"leader", "3"},
                 {"unit", "4"},
                 {"year", "2026"},
                 {"archived", "true"},
                 {"sort", "name"},
                 {"order", "desc"}});
  QueryParams q(r.call);
  const auto f = api::ProjectFilterFrom(q);
  ASSERT_TRUE(q.Check().ok()) << q.Check().error().message;
  EXPECT_EQ(f.region, "371524");
  EXPECT_EQ(f.town, "371524101");
  EXPECT_EQ(f.category, "industrial");
  EXPECT_EQ(f.level, "province");
  EXPECT_EQ(f.kind, "new");
  EXPECT_EQ(f.track, "t");
  EXPECT_EQ(f.stage, "construction");
  EXPECT_EQ(f.q, "物流");
  EXPECT_EQ(f.leader_id, 3);
  EXPECT_EQ(f.unit_id, 4);
  EXPECT_EQ(f.year, 2026);
  EXPECT_TRUE(f.include_archived);
  EXPECT_EQ(f.sort, "name");
  EXPECT_TRUE(f.descending);
}

TEST(ProjectFilterFrom, ReportsEveryBadFilter) {
  FakeRequest r({{"year", "abc"}, {"leader", "x"}, {"sort", "password"}, {"order", "sideways"}});
  QueryParams q(r.call);
  api::ProjectFilterFrom(q);
  ASSERT_FALSE(q.Check().ok());
  EXPECT_EQ(q.Check().error().details.size(), 4u);
}

TEST(ParseJsonBody, EmptyIsAnObjectMalformedIs400OversizedIs413) {
  EXPECT_EQ(api::ParseJsonBody("", 10).value(), nlohmann::json::object());
  EXPECT_EQ(api::ParseJsonBody(R"({"a":1})", 100).value()["a"], 1);
  auto bad = api::ParseJsonBody("{nope", 100);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kBadRequest);
  auto big = api::ParseJsonBody(R"({"a":"0123456789"})", 5);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().code, ErrorCode::kPayloadTooLarge);
}

TEST(CheckPathParams, AnIdThatDoesNotFitIs400NamingIt) {
  api::http::Request req;
  req.matches = {{"/api/v1/projects/99999999999999999999/assignments/12"}, {"99999999999999999999"}, {"12"}};
  const auto st = api::CheckPathParams("/api/v1/projects/{id}/assignments/{person}", req);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kBadRequest);
  ASSERT_EQ(st.error().details.size(), 1u);
  EXPECT_EQ(st.error().details[0].field, "id");
  EXPECT_EQ(st.error().details[0].value, "99999999999999999999");

  req.matches = {{"/api/v1/land/schemes/371524"}, {"371524"}};
  EXPECT_TRUE(api::CheckPathParams("/api/v1/land/schemes/{county}", req).ok());
}

TEST(IsIntegerPathParam, IdAndPerson) {
  EXPECT_TRUE(api::IsIntegerPathParam("id"));
  EXPECT_TRUE(api::IsIntegerPathParam("person"));
  EXPECT_FALSE(api::IsIntegerPathParam("county"));
}

}  // namespace
}  // namespace gj::testing

// plausible.photo_reused: the pure rule over the hashes as data.
#include <gtest/gtest.h>

#include "domain/ledger/plausibility.h"

namespace gj::ledger {
namespace {

const Date kWeek48End{2026, 11, 29};
const Date kWeek49End{2026, 12, 6};
const Date kWeek50End{2026, 12, 13};

FiledPhoto Filed(const std::string& hash, int64_t report, int64_t project, const std::string& period,
                 const Date& end, bool readable, const std::string& name = "城南污水厂") {
  return {hash, report, project, period, end, name, readable};
}

TEST(PhotoReuse, SameProjectEarlierPeriodWarnsNamingIt) {
  const std::vector<PhotoHash> mine = {{11, "site.jpg", "aa"}, {12, "new.jpg", "bb"}};
  auto w = PhotoWarnings(7, 1, kWeek49End, mine, {Filed("aa", 5, 1, "2026-W48", kWeek48End, true)});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].rule, kRulePhotoReused);
  EXPECT_EQ(w[0].field, "photos");
  EXPECT_EQ(w[0].value, 11);
  EXPECT_EQ(w[0].limit, 5);
  EXPECT_EQ(w[0].photo, "site.jpg");
  EXPECT_EQ(w[0].other_period, "2026-W48");
  EXPECT_EQ(w[0].other_project, "城南污水厂");
  nlohmann::json j = w[0];
  EXPECT_EQ(j["code"], "plausible.photo_reused");
  EXPECT_EQ(j["photo"], "site.jpg");
  EXPECT_EQ(j["other_period"], "2026-W48");
  EXPECT_EQ(j["other_project"], "城南污水厂");
}

TEST(PhotoReuse, SameProjectLaterPeriodIsTheCopyNotThis) {
  const std::vector<PhotoHash> mine = {{11, "site.jpg", "aa"}};
  EXPECT_TRUE(
      PhotoWarnings(7, 1, kWeek49End, mine, {Filed("aa", 9, 1, "2026-W50", kWeek50End, true)}).empty());
}

TEST(PhotoReuse, AnotherProjectWarnsInAnyPeriod) {
  const std::vector<PhotoHash> mine = {{11, "site.jpg", "aa"}};
  auto w =
      PhotoWarnings(7, 1, kWeek49End, mine, {Filed("aa", 9, 2, "2026-W50", kWeek50End, true, "东区学校")});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].other_project, "东区学校");
  EXPECT_EQ(w[0].other_period, "2026-W50");
}

TEST(PhotoReuse, AnUnreadableProjectIsNotNamed) {
  const std::vector<PhotoHash> mine = {{11, "site.jpg", "aa"}};
  auto w =
      PhotoWarnings(7, 1, kWeek49End, mine, {Filed("aa", 9, 2, "2026-W48", kWeek48End, false, "邻县项目")});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].photo, "site.jpg");
  EXPECT_EQ(w[0].limit, 0);
  EXPECT_EQ(w[0].other_period, "");
  EXPECT_EQ(w[0].other_project, "");
  nlohmann::json j = w[0];
  EXPECT_TRUE(j["other_project"].is_null());
  EXPECT_TRUE(j["other_period"].is_null());
  EXPECT_EQ(j.dump().find("邻县"), std::string::npos);
}

TEST(PhotoReuse, PrefersTheReadableThenTheEarliest) {
  const std::vector<PhotoHash> mine = {{11, "site.jpg", "aa"}};
  auto w = PhotoWarnings(
      7, 1, kWeek50End, mine,
      {Filed("aa", 3, 2, "2026-W48", kWeek48End, false, "邻县项目"),
       Filed("aa", 6, 1, "2026-W49", kWeek49End, true), Filed("aa", 4, 1, "2026-W48", kWeek48End, true)});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].limit, 4);
  EXPECT_EQ(w[0].other_period, "2026-W48");
}

TEST(PhotoReuse, TwiceInOneReportIsNotThisRuleAndOneWarningPerHash) {
  // The same bytes twice in this report: nothing filed elsewhere, no warning.
  const std::vector<PhotoHash> twice = {{11, "a.jpg", "aa"}, {12, "b.jpg", "aa"}};
  EXPECT_TRUE(PhotoWarnings(7, 1, kWeek49End, twice, {}).empty());
  // Its own photos, should they be passed, are not "another report".
  EXPECT_TRUE(
      PhotoWarnings(7, 1, kWeek49End, twice, {Filed("aa", 7, 1, "2026-W49", kWeek49End, true)}).empty());
  // Filed elsewhere: one warning, on the first of the two.
  auto w = PhotoWarnings(7, 1, kWeek49End, twice, {Filed("aa", 5, 2, "2026-W48", kWeek48End, true)});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].value, 11);
  // Unknown hashes (photos from before the hash column) compare with nothing.
  EXPECT_TRUE(
      PhotoWarnings(7, 1, kWeek49End, {{13, "old.jpg", ""}}, {Filed("", 5, 2, "2026-W48", kWeek48End, true)})
          .empty());
}

}  // namespace
}  // namespace gj::ledger

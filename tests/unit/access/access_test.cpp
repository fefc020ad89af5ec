#include "domain/access/access.h"

#include <gtest/gtest.h>

#include "access/callers.h"
#include "domain/attraction/permissions.h"

namespace gj::access {
namespace {

RegionTree Tree() { return testing::LiaochengTree(); }

using testing::With;

TEST(RegionTree, WithinAndSubtree) {
  auto t = Tree();
  EXPECT_TRUE(t.Within("371524001", "371500"));
  EXPECT_FALSE(t.Within("371525", "371524"));
  EXPECT_EQ(t.Subtree("371524").size(), 4u);  // the county, its two towns and its zone
  EXPECT_EQ(t.CountyOf("371524001"), "371524");
}

TEST(Access, CoordinatorEditsEverythingInTheRegion) {
  auto t = Tree();
  auto c = With("coordinator", "371524");
  EXPECT_TRUE(Allowed(c, kProjectWrite, {"371524", "371524001", 9}, t));
  EXPECT_FALSE(Allowed(c, kProjectRead, {"371525", "", 9}, t));
}

TEST(Access, CityCoordinatorSeesAllCounties) {
  auto t = Tree();
  auto c = With("coordinator", "371500");
  EXPECT_TRUE(Allowed(c, kProjectRead, {"371525", "", std::nullopt}, t));
}

TEST(Access, LeaderReadsButDoesNotEdit) {
  auto t = Tree();
  auto c = With("leader", "371524");
  EXPECT_TRUE(Allowed(c, kProjectRead, {"371524", "", std::nullopt}, t));
  EXPECT_FALSE(Allowed(c, kProjectWrite, {"371524", "", std::nullopt}, t));
}

TEST(Access, UnitEditsOnlyItsOwnProjects) {
  auto t = Tree();
  auto c = With("unit", "371524", 5);
  EXPECT_TRUE(Allowed(c, kProjectWrite, {"371524", "", 5}, t));
  EXPECT_FALSE(Allowed(c, kProjectWrite, {"371524", "", 6}, t));
  EXPECT_FALSE(Allowed(c, kProjectWrite, {"371524", "", std::nullopt}, t));
}

TEST(Access, OnlyAdminsEditDictionaries) {
  EXPECT_TRUE(AllowedAnywhere(With("admin", "371500"), kDictionaryAdmin));
  EXPECT_FALSE(AllowedAnywhere(With("coordinator", "371500"), kDictionaryAdmin));
  EXPECT_EQ(Permissions(With("viewer", "371524")),
            (std::set<std::string>{kProjectRead, kLandRead, kObservationRead, kRankingRead, kAttractionRead,
                                   kEnterpriseRead, kChainRead}));  // events read with attraction.read
}

// Issue 14: the global dictionaries are the system admin's (the admin at the top of the
// deployment), not a county admin's; the table's kSystem row says so, not an if.
TEST(Access, OnlyTheSystemAdminEditsGlobalDictionaries) {
  auto t = Tree();
  EXPECT_EQ(ScopeOf("admin", kDictionaryAdmin), Scope::kSystem);
  EXPECT_TRUE(t.IsSystemRegion("371500"));
  EXPECT_FALSE(t.IsSystemRegion("371524"));
  EXPECT_TRUE(AllowedSystemWide(With("admin", "371500"), kDictionaryAdmin, t));
  EXPECT_FALSE(AllowedSystemWide(With("admin", "371524"), kDictionaryAdmin, t));
  EXPECT_FALSE(AllowedSystemWide(With("coordinator", "371500"), kDictionaryAdmin, t));
  // A county initialised alone hangs under its province and city: its admin is the system admin.
  const RegionTree alone({{"420000", "湖北省", "province", ""},
                          {"422800", "恩施州", "city", "420000"},
                          {"422826", "咸丰县", "county", "422800"},
                          {"422826100", "高乐山镇", "town", "422826"},
                          {"422826101", "忠堡镇", "town", "422826"}});
  EXPECT_TRUE(alone.IsSystemRegion("422826"));
  EXPECT_TRUE(alone.IsSystemRegion("420000"));
  EXPECT_FALSE(alone.IsSystemRegion("422826100"));
  EXPECT_TRUE(AllowedSystemWide(With("admin", "422826"), kDictionaryAdmin, alone));
}

// Issue 14 (roles do what README says and no more): the admin reads what a viewer reads over its
// region and holds 系统管理 (organisation, accounts, dictionaries), plus project.import for the first
// sheet of the first-run checklist; no business write (projects, problems, reports, rules, land,
// assessment) is the admin's.
TEST(Access, AdminReadsAndAdministersButDoesNoBusiness) {
  auto t = Tree();
  auto admin = With("admin", "371500");
  const auto held = Permissions(admin);
  for (const char* action : {kProjectRead, kLandRead, kObservationRead, kRankingRead, kDictionaryAdmin,
                             kUserAdmin, kOrgAdmin, kProjectImport})
    EXPECT_TRUE(held.count(action)) << action;
  // Every other permission it holds is a read the viewer has too (capabilities added later).
  for (const auto& action : held) {
    if (action == kDictionaryAdmin || action == kUserAdmin || action == kOrgAdmin || action == kProjectImport)
      continue;
    EXPECT_NE(ScopeOf("viewer", action), Scope::kNone) << action;
  }
  for (const char* action :
       {kProjectWrite, kProjectRollover, kReportWrite, kReportReview, kSupervisionAdmin, kSupervisionManage,
        kProblemRaise, kProblemHandle, kVisitWrite, kScheduleWrite, kLandWrite, kLandReview, kLandConfirm,
        kLandEvaluate, kLandAppeal, kObservationManage, kObservationJudge, kRankingManage}) {
    EXPECT_FALSE(AllowedAnywhere(admin, action)) << action;
  }
  EXPECT_TRUE(Allowed(admin, kProjectRead, {"371524", "", std::nullopt}, t));
  EXPECT_TRUE(Allowed(admin, kOrgAdmin, {"371524", "", std::nullopt}, t));
  EXPECT_TRUE(Allowed(admin, kProjectImport, {"371524", "", std::nullopt}, t));
  // The reads reach as the viewer's do.
  for (const char* action : {kProjectRead, kLandRead, kObservationRead, kRankingRead})
    EXPECT_EQ(ReachOf("admin", action), ReachOf("viewer", action)) << action;
}

// Issue 14: a leader approved a progress report. README: a leader reads, verifies and closes out
// his problems and logs visits; reviewing reports is the project office's.
TEST(Access, LeadersDoNotReviewReports) {
  auto t = Tree();
  EXPECT_EQ(ScopeOf("leader", kReportReview), Scope::kNone);
  EXPECT_FALSE(Allowed(With("leader", "371524"), kReportReview, {"371524", "", std::nullopt}, t));
  EXPECT_TRUE(Allowed(With("coordinator", "371524"), kReportReview, {"371524", "", std::nullopt}, t));
}

TEST(Access, LandEfficiencyRoles) {
  auto t = Tree();
  const Target dong{"371524", "", std::nullopt};
  EXPECT_TRUE(Allowed(With("coordinator", "371524"), kLandEvaluate, dong, t));
  EXPECT_TRUE(Allowed(With("unit", "371524", 5), kLandReview, dong, t));
  EXPECT_FALSE(Allowed(With("unit", "371524", 5), kLandEvaluate, dong, t));
  EXPECT_FALSE(Allowed(With("unit", "371524", 5), kLandConfirm, dong, t));
  EXPECT_FALSE(Allowed(With("leader", "371524"), kLandWrite, dong, t));
  EXPECT_TRUE(Allowed(With("leader", "371524"), kLandRead, dong, t));
  EXPECT_FALSE(Allowed(With("coordinator", "371525"), kLandRead, dong, t));
}

TEST(Access, JudgesScoreAndReadObservationsOnly) {
  const auto judge = With("judge", "371500");
  EXPECT_TRUE(IsKnownRole("judge"));
  EXPECT_EQ(Permissions(judge), (std::set<std::string>{kObservationRead, kObservationJudge}));
  EXPECT_FALSE(AllowedAnywhere(judge, kProjectRead));
  EXPECT_FALSE(AllowedAnywhere(With("coordinator", "371500"), kObservationJudge));
  EXPECT_TRUE(AllowedAnywhere(With("coordinator", "371524"), kRankingManage));
  EXPECT_FALSE(AllowedAnywhere(With("leader", "371524"), kRankingManage));
}

}  // namespace
}  // namespace gj::access

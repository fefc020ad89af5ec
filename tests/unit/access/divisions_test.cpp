#include "domain/access/divisions.h"

#include <gtest/gtest.h>

#include <set>

namespace gj::access {
namespace {

std::vector<std::string> Names(const std::vector<Region>& regions) {
  std::vector<std::string> out;
  for (const auto& r : regions) out.push_back(r.name);
  return out;
}

TEST(Divisions, XianfengHasItsElevenTowns) {
  const auto towns = DivisionChildren("422826");
  ASSERT_EQ(towns.size(), 11u);
  EXPECT_EQ(Names(towns),
            (std::vector<std::string>{"高乐山镇", "忠堡镇", "坪坝营镇", "朝阳寺镇", "清坪镇", "唐崖镇",
                                      "曲江镇", "活龙坪乡", "小村乡", "黄金洞乡", "大路坝区"}));
  EXPECT_EQ(towns.front().code, "422826100");
  EXPECT_EQ(towns.back().code, "422826400");
  for (const auto& t : towns) {
    EXPECT_EQ(t.level, "town");
    EXPECT_EQ(t.parent_code, "422826");
  }
}

TEST(Divisions, FindsByCode) {
  const auto liuji = FindDivision("371524101");
  ASSERT_TRUE(liuji);
  EXPECT_EQ(liuji->name, "刘集镇");
  EXPECT_EQ(liuji->level, "town");
  EXPECT_EQ(liuji->parent_code, "371524");
  EXPECT_EQ(FindDivision("371524001")->name, "铜城街道");
  EXPECT_EQ(FindDivision("370000")->level, "province");
  EXPECT_EQ(FindDivision("370000")->parent_code, "");
  EXPECT_EQ(FindDivision("371500")->level, "city");
  EXPECT_EQ(FindDivision("371524")->level, "county");
}

TEST(Divisions, ChainRunsFromTheProvinceDown) {
  const auto chain = DivisionChain("422826");
  ASSERT_EQ(chain.size(), 3u);
  EXPECT_EQ(chain[0].code, "420000");
  EXPECT_EQ(chain[0].name, "湖北省");
  EXPECT_EQ(chain[1].code, "422800");
  EXPECT_EQ(chain[1].name, "恩施土家族苗族自治州");
  EXPECT_EQ(chain[1].parent_code, "420000");
  EXPECT_EQ(chain[2].code, "422826");
  EXPECT_EQ(chain[2].name, "咸丰县");
  EXPECT_EQ(DivisionChain("371524101").size(), 4u);
}

TEST(Divisions, UnknownCodesAreNotFound) {
  EXPECT_FALSE(FindDivision("371524100"));  // the old demo's invented code of 刘集镇
  EXPECT_FALSE(FindDivision("999999"));
  EXPECT_FALSE(FindDivision("37"));
  EXPECT_FALSE(FindDivision("37152x"));
  EXPECT_FALSE(FindDivision(""));
  EXPECT_TRUE(DivisionChain("999999").empty());
  EXPECT_TRUE(DivisionChildren("999999").empty());
  EXPECT_TRUE(DivisionSubtree("999999").empty());
}

// Pseudo cities are left out: a municipality's districts and a province's directly administered
// county-level cities hang under the province; a city without counties holds its towns.
TEST(Divisions, MunicipalitiesAndCitiesWithoutCounties) {
  EXPECT_FALSE(FindDivision("110100"));  // 北京市 市辖区
  EXPECT_EQ(FindDivision("110101")->parent_code, "110000");
  EXPECT_EQ(FindDivision("429004")->parent_code, "420000");  // 仙桃市
  EXPECT_EQ(FindDivision("441900")->level, "city");          // 东莞市
  EXPECT_EQ(FindDivision("441900003")->parent_code, "441900");
}

TEST(Divisions, SubtreeListsParentsBeforeChildren) {
  const auto tree = DivisionSubtree("371500");
  ASSERT_FALSE(tree.empty());
  EXPECT_EQ(tree.front().code, "371500");
  std::set<std::string> seen;
  for (const auto& r : tree) {
    if (r.code != "371500") {
      EXPECT_TRUE(seen.count(r.parent_code)) << r.code;
    }
    seen.insert(r.code);
  }
  EXPECT_TRUE(seen.count("371524101"));
  EXPECT_EQ(DivisionSubtree("422826").size(), 12u);
}

}  // namespace
}  // namespace gj::access

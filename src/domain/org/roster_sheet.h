// The roster workbook (组织架构与责任人): a sheet 单位 and a sheet 人员 with Chinese headers and
// Chinese labels, and the translation of their rows into units and people of one county.
// Pure: the county's regions and its existing units and people come in as an index.
//
// Keys (an import adds or updates by key, never deletes):
//  - a unit: its 单位名称 within the county;
//  - a person: 姓名 + 所属单位 within the county (姓名 alone for someone of no unit).
// A key that names only archived records is a problem (restore it in 系统管理 first); a key that
// names two active records is a problem (ambiguous).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/access/access.h"

namespace gj::roster {

inline constexpr const char* kUnitSheet = "单位";
inline constexpr const char* kPersonSheet = "人员";
inline constexpr const char* kNoteSheet = "说明";
inline constexpr const char* kListSheet = "选项";  // the data-validation lists of the template
inline constexpr size_t kMaxRows = 5000;           // data rows per sheet

struct RosterColumn {
  const char* label;  // the Chinese header
  const char* field;  // the record field it fills (the API's name)
  bool required;      // the column must be in the header and the cell filled
};
// 单位名称, 单位类型, 所属区域.
const std::vector<RosterColumn>& UnitColumns();
// 姓名, 职务, 人员类型, 层级, 手机号, 所属单位, 所属区域.
const std::vector<RosterColumn>& PersonColumns();

// A field value's Chinese label in the sheet; the first label of each list is the one written.
struct Label {
  const char* code;
  const char* zh;
};
const std::vector<Label>& UnitKindLabels();    // department 县直部门 … other 其他
const std::vector<Label>& PersonKindLabels();  // leader 县级领导 … staff 工作人员
const std::vector<Label>& TierLabels();        // county 县级, town 镇街级, village 村(社区)级
// The label written for a code ("" for "", the code itself when unknown).
std::string LabelOf(const std::vector<Label>& labels, const std::string& code);
// The labels offered (one per code, in order).
std::vector<std::string> LabelsOf(const std::vector<Label>& labels);

// How a problem names its place: "【人员】所属单位".
std::string ColumnName(const char* sheet, const std::string& label);

// What the sheet refers to: the county's regions and its units and people (archived ones too).
struct RosterIndex {
  std::string county_code;
  std::vector<access::Region> regions;  // the county and every region below it
  struct UnitKey {
    int64_t id = 0;
    std::string name;
    std::string region_code;
    bool archived = false;
  };
  struct PersonKey {
    int64_t id = 0;
    std::string name;
    std::optional<int64_t> unit_id;
    bool archived = false;
  };
  std::vector<UnitKey> units;
  std::vector<PersonKey> people;
};

struct UnitRow {
  int row = 0;     // spreadsheet row (the header is row 1)
  int64_t id = 0;  // the unit it updates; 0: a new unit
  std::string name;
  std::string kind;  // department, town, park, soe, other
  std::string region_code;
};

struct PersonRow {
  int row = 0;
  int64_t id = 0;  // the person it updates; 0: a new person
  std::string name;
  std::string title;
  std::string kind;  // leader, head, specialist, helper, liaison, staff
  std::string tier;  // county, town, village, or ""
  std::string phone;
  std::string region_code;
  std::string unit_name;           // "" for no unit
  std::optional<int64_t> unit_id;  // an existing unit; unset with a unit_name: a unit of this sheet
};

struct ParsedRoster {
  std::vector<UnitRow> units;           // rows without a problem, in sheet order
  std::vector<PersonRow> people;        // rows without a problem, in sheet order
  std::set<std::string> unit_fields;    // fields the 单位 sheet has columns for
  std::set<std::string> person_fields;  // fields the 人员 sheet has columns for
  int rows = 0;                         // data rows read (both sheets, blank ones skipped)
  Problems problems;                    // row, column (ColumnName), value, reason, allowed values
};

// Reads both sheets (either may be absent: std::nullopt) and checks every cell: required
// columns and cells, labels, regions of the county (name or code; empty: the person's unit's
// region, else the county), units of persons (this sheet's or the county's), keys repeated in
// the sheet, archived and ambiguous keys. Every problem of every row is reported; a row with a
// problem is left out of the result.
ParsedRoster ParseRoster(const std::optional<std::vector<std::vector<std::string>>>& units,
                         const std::optional<std::vector<std::vector<std::string>>>& people,
                         const RosterIndex& index);

}  // namespace gj::roster

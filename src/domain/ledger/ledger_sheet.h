// The ledger sheet (the Excel table offices keep): its columns, and the translation of its rows
// into projects. Pure: the organisation's names come in as an index, "today" as an argument.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "domain/ledger/project.h"

namespace gj::ledger {

struct SheetColumn {
  const char* label;  // the Chinese header
  const char* field;  // the project field it fills
  bool required;
};
// In sheet order: 项目编号 … 建设内容.
const std::vector<SheetColumn>& LedgerColumns();

// Names → ids of the organisation a sheet may refer to.
struct OrgIndex {
  std::map<std::string, std::string> county_by_name;                        // 东阿县 → 371524
  std::map<std::pair<std::string, std::string>, std::string> town_by_name;  // (county, 铜城街道) → code
  std::map<std::pair<std::string, std::string>, int64_t> leader_by_name;    // (county, name) → person
  std::map<std::pair<std::string, std::string>, int64_t> unit_by_name;      // (county, name) → unit
};

struct ParsedRow {
  int row = 0;  // spreadsheet row number (the header is row 1)
  Project project;
};

struct ParsedSheet {
  std::vector<ParsedRow> rows;
  Problems problems;                // each with row, column label, value, reason and allowed values
  std::vector<std::string> fields;  // project fields the sheet has columns for
};

// A cell's text without the spaces, tabs, line breaks and ideographic spaces (U+3000) around it
// (every sheet import reads its cells through this).
std::string TrimCell(const std::string& s);

// The sheet label of a project field ("category" → "项目类别"), or nullptr.
const char* SheetLabelOf(const std::string& field);

// Reads every data row and checks each cell (required, dictionary values, amounts, dates, names
// of the organisation, duplicate 项目编号). Header labels may come in any order; unknown columns
// are ignored; a missing required column is one problem. Every problem of every row is reported.
// The project rules (ValidateProject) are checked by the caller once a row is merged with the
// project it updates.
ParsedSheet ParseLedgerSheet(const std::vector<std::vector<std::string>>& cells, const Dictionaries& dicts,
                             const OrgIndex& org, const Date& today, int default_year);

}  // namespace gj::ledger

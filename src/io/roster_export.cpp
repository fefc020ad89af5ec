#include "io/roster_export.h"

#include "domain/org/roster_sheet.h"
#include "io/workbook.h"

namespace gj::io {

namespace {

struct Formats {
  lxw_format* header;
  lxw_format* text;  // "@": a phone number stays text, never 1.38E+10
  lxw_format* wrap;
};

std::string ListRange(char column, size_t n) {
  const std::string col(1, column);
  return "='" + std::string(roster::kListSheet) + "'!$" + col + "$2:$" + col + "$" + std::to_string(n + 1);
}

// A drop-down on rows 2 … kMaxRows+1 of column `col`. Values off the list are refused (stop) or
// only warned about (warning: 所属区域 also takes region codes).
void DropDown(lxw_worksheet* ws, lxw_col_t col, const std::string& formula, bool strict) {
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  std::string f = formula;
  v.value_formula = f.data();
  v.ignore_blank = LXW_VALIDATION_ON;
  v.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
  std::string title = "请从列表中选择";
  v.error_title = title.data();
  std::string message = strict ? "只能填写列表中的值" : "不在列表中：请填写本县（区）的区域名称或区划代码";
  v.error_message = message.data();
  worksheet_data_validation_range(ws, 1, col, static_cast<lxw_row_t>(roster::kMaxRows), col, &v);
}

double Width(const std::string& label) {
  if (label == "单位名称" || label == "所属单位") return 28;
  if (label == "职务" || label == "人员类型") return 20;
  if (label == "手机号" || label == "所属区域") return 16;
  return 12;
}

lxw_worksheet* DataSheet(lxw_workbook* wb, const char* name, const std::vector<roster::RosterColumn>& columns,
                         const std::vector<std::vector<std::string>>& rows, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name);
  for (size_t i = 0; i < columns.size(); ++i) {
    const auto col = static_cast<lxw_col_t>(i);
    const std::string label = columns[i].label;
    worksheet_set_column(ws, col, col, Width(label), label == "手机号" ? f.text : nullptr);
    WriteText(ws, 0, col, columns[i].label, f.header);
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t i = 0; i < rows[r].size() && i < columns.size(); ++i) {
      if (!rows[r][i].empty())
        WriteText(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(i), rows[r][i].c_str(),
                  std::string(columns[i].label) == "手机号" ? f.text : nullptr);
    }
  }
  return ws;
}

void NoteSheet(lxw_workbook* wb, const RosterWorkbook& book, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, roster::kNoteSheet);
  worksheet_set_column(ws, 0, 0, 110, f.wrap);
  const std::vector<std::string> lines = {
      "组织架构与责任人" + (book.county_name.empty() ? "" : "（" + book.county_name + "）"),
      "“单位”页：每行一个单位。单位名称、单位类型必填；所属区域填本县（区）或其镇街、园区的名称或区划代码，不填即为本县（区）。",
      "单位类型：" +
          [] {
            std::string s;
            for (const auto& l : roster::LabelsOf(roster::UnitKindLabels())) s += (s.empty() ? "" : "、") + l;
            return s;
          }() +
          "。",
      "“人员”页：每行一人。姓名、人员类型必填；层级只填红帮办（助企专员），可选县级、镇街级、村(社区)级；所属单位须为“单位”页或系统中本县（区）已有的单位；所属区域不填即为所属单位的区域。",
      "人员类型：" +
          [] {
            std::string s;
            for (const auto& l : roster::LabelsOf(roster::PersonKindLabels()))
              s += (s.empty() ? "" : "、") + l;
            return s;
          }() +
          "。",
      "按名称更新：单位以“单位名称”识别，人员以“姓名＋所属单位”识别；已有的就更新，没有的就新增。导入从不删除；要停用请在系统管理中归档。",
      "已归档的单位或人员不能通过导入更新，请先在系统管理中恢复。",
      "先“试导入”查看问题清单（行号、列、值、原因、可选值）；有任何问题则整表不导入。每表至多 5000 行。",
      "导出的表可直接修改后再导入；未修改的行不会产生任何变更。",
  };
  for (size_t i = 0; i < lines.size(); ++i)
    WriteText(ws, static_cast<lxw_row_t>(i), 0, lines[i].c_str(), i == 0 ? f.header : f.wrap);
}

// Column A: 单位类型, B: 人员类型, C: 层级, D: 所属区域.
void ListSheet(lxw_workbook* wb, const RosterWorkbook& book, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, roster::kListSheet);
  const std::vector<std::pair<const char*, std::vector<std::string>>> lists = {
      {"单位类型", roster::LabelsOf(roster::UnitKindLabels())},
      {"人员类型", roster::LabelsOf(roster::PersonKindLabels())},
      {"层级", roster::LabelsOf(roster::TierLabels())},
      {"所属区域", book.region_names},
  };
  for (size_t c = 0; c < lists.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(ws, col, col, 18, nullptr);
    WriteText(ws, 0, col, lists[c].first, f.header);
    for (size_t r = 0; r < lists[c].second.size(); ++r)
      WriteText(ws, static_cast<lxw_row_t>(r + 1), col, lists[c].second[r].c_str(), nullptr);
  }
  worksheet_hide(ws);
}

}  // namespace

std::string RosterXlsx(const RosterWorkbook& book) {
  return WorkbookBytes("roster export", [&](lxw_workbook* wb) {
    Formats f{HeaderFormat(wb), NumberFormat(wb, "@"), workbook_add_format(wb)};
    format_set_text_wrap(f.wrap);
    lxw_worksheet* units = DataSheet(wb, roster::kUnitSheet, roster::UnitColumns(), book.units, f);
    lxw_worksheet* people = DataSheet(wb, roster::kPersonSheet, roster::PersonColumns(), book.people, f);
    NoteSheet(wb, book, f);
    ListSheet(wb, book, f);
    const size_t regions = std::max<size_t>(1, book.region_names.size());
    DropDown(units, 1, ListRange('A', roster::LabelsOf(roster::UnitKindLabels()).size()), true);
    DropDown(units, 2, ListRange('D', regions), false);
    DropDown(people, 2, ListRange('B', roster::LabelsOf(roster::PersonKindLabels()).size()), true);
    DropDown(people, 3, ListRange('C', roster::LabelsOf(roster::TierLabels()).size()), true);
    DropDown(people, 6, ListRange('D', regions), false);
  });
}

}  // namespace gj::io

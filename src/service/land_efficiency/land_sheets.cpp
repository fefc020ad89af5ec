#include "service/land_efficiency/land_sheets.h"

#include <cmath>
#include <optional>
#include <vector>

#include "domain/land_efficiency/credit_code.h"
#include "io/workbook.h"
#include "service/land_efficiency/export.h"
#include "service/land_efficiency/input.h"

namespace gj::land {

namespace {

// What each column takes, in the reader's words (spec §1).
std::string_view NoteOf(std::string_view id) {
  struct Note {
    std::string_view id, text;
  };
  static constexpr Note kNotes[] = {
      {"credit_code", "18 位，末位为校验位（GB 32100-2015）；同一企业每年一行"},
      {"name", "企业全称"},
      {"county", "可不填（导入到所选县区）"},
      {"town", "镇街或园区名称，用于按镇街统计"},
      {"industry_code", "国民经济行业分类代码；44、45、46 开头（电力热力、燃气、水的生产和供应）不参评"},
      {"above_scale", "是 / 否（也可填 Y/N、1/0）"},
      {"land_mu", "大于 0"},
      {"tax", "万元；可为负数（退税）"},
      {"revenue", "万元；不小于 0"},
      {"value_added", "万元；空白表示缺失，该指标取组内平均得分"},
      {"energy_tce", "吨标准煤；空白表示缺失"},
      {"emission_eq", "吨；空白表示缺失"},
      {"rd_spend", "万元；空白表示缺失"},
      {"employees", "人；空白表示缺失"},
      {"electricity_kwh", "千瓦时；用于计算差别化电费，空白则不计"},
      {"bonus", "不小于 0，默认 0"},
      {"penalty", "不小于 0，默认 0"},
      {"veto", "是 / 否；安全、环保、能耗等一票否决的定为 D 类"},
      {"undetermined", "是 / 否；新投产或在建重大项目：参与排名，不定等级"},
  };
  for (const auto& n : kNotes) {
    if (n.id == id) return n.text;
  }
  return "";
}

std::string Bool(bool b) { return b ? "是" : "否"; }

// One enterprise's cells in InputColumns() order: text, or a number (nullopt: an empty cell).
struct Cell {
  std::string text;
  std::optional<double> number;
};

std::vector<Cell> CellsOf(const Enterprise& e) {
  auto num = [](std::optional<double> v) { return Cell{"", v}; };
  auto txt = [](std::string s) { return Cell{std::move(s), std::nullopt}; };
  return {txt(e.credit_code),
          txt(e.name),
          txt(e.county),
          txt(e.town),
          txt(e.industry_code),
          txt(Bool(e.above_scale)),
          num(e.land_mu),
          num(e.tax),
          num(e.revenue),
          num(e.value_added),
          num(e.energy_tce),
          num(e.emission_eq),
          num(e.rd_spend),
          num(e.employees),
          num(e.electricity_kwh),
          num(e.bonus),
          num(e.penalty),
          txt(Bool(e.veto)),
          txt(Bool(e.undetermined))};
}

std::string CellText(const Cell& c) { return c.number ? FormatNumber(*c.number) : c.text; }

struct Formats {
  lxw_format* header;
  lxw_format* required;
  lxw_format* text;  // "@": a credit or industry code stays text
  lxw_format* wrap;
};

bool IsCode(std::string_view id) { return id == "credit_code" || id == "industry_code"; }

void DataSheet(lxw_workbook* wb, std::span<const Enterprise> rows, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, kDataSheet);
  const auto columns = InputColumns();
  for (size_t i = 0; i < columns.size(); ++i) {
    const auto col = static_cast<lxw_col_t>(i);
    const std::string label(columns[i].label);
    const double width = columns[i].id == "name" ? 30 : columns[i].id == "credit_code" ? 22 : 14;
    worksheet_set_column(ws, col, col, width, IsCode(columns[i].id) ? f.text : nullptr);
    io::WriteText(ws, 0, col, label.c_str(), columns[i].required ? f.required : f.header);
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto cells = CellsOf(rows[r]);
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (size_t i = 0; i < cells.size(); ++i) {
      const auto col = static_cast<lxw_col_t>(i);
      if (cells[i].number && std::isfinite(*cells[i].number))
        worksheet_write_number(ws, row, col, *cells[i].number, nullptr);
      else if (!cells[i].text.empty())
        io::WriteText(ws, row, col, cells[i].text.c_str(), IsCode(columns[i].id) ? f.text : nullptr);
    }
  }
}

void NoteSheet(lxw_workbook* wb, const std::string& title, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, kNoteSheet);
  worksheet_set_column(ws, 0, 0, 22, nullptr);
  worksheet_set_column(ws, 1, 1, 10, nullptr);
  worksheet_set_column(ws, 2, 2, 70, f.wrap);
  worksheet_set_column(ws, 3, 3, 24, nullptr);
  lxw_row_t r = 0;
  io::WriteText(ws, r++, 0, title.c_str(), f.header);
  for (
      const char* line : {
          "在“企业数据”页第 2 行起每行填写一家企业的一个年度数据；第 1 行表头请勿修改（带底色加粗的为必填列）。",
          "导入时先“试导入”检查：任何一行有问题（行号、列、值、原因）则整表不导入，修改后再导入。",
          "同一统一社会信用代码再次导入即更新该企业当年数据，需重新审核、确认。",
          "金额单位为万元；空白单元格表示缺失，不等于 0。",
      }) {
    io::WriteText(ws, r++, 0, line, nullptr);
  }
  ++r;
  const char* head[] = {"列名", "是否必填", "填写说明", "示例"};
  for (lxw_col_t c = 0; c < 4; ++c) io::WriteText(ws, r, c, head[c], f.header);
  ++r;
  const auto columns = InputColumns();
  const auto sample = CellsOf(SampleEnterprise());
  for (size_t i = 0; i < columns.size(); ++i, ++r) {
    io::WriteText(ws, r, 0, std::string(columns[i].label).c_str(), nullptr);
    io::WriteText(ws, r, 1, columns[i].required ? "必填" : "选填", nullptr);
    io::WriteText(ws, r, 2, std::string(NoteOf(columns[i].id)).c_str(), f.wrap);
    const std::string s = CellText(sample[i]);
    if (!s.empty()) io::WriteText(ws, r, 3, s.c_str(), f.text);
  }
}

}  // namespace

Enterprise SampleEnterprise() {
  Enterprise e;
  const std::string body = "91371524MA3C00001";
  e.credit_code = body + std::string(1, CreditCodeCheckChar(body).value_or('0'));
  e.name = "示例机械制造有限公司";
  e.town = "铜城街道";
  e.industry_code = "3489";
  e.above_scale = true;
  e.land_mu = 52.5;
  e.tax = 860;
  e.revenue = 24000;
  e.value_added = 6200;
  e.energy_tce = 3100;
  e.emission_eq = 18.6;
  e.rd_spend = 720;
  e.employees = 310;
  e.electricity_kwh = 5200000;
  return e;
}

std::string LandDataXlsx(const std::string& title, std::span<const Enterprise> rows) {
  return io::WorkbookBytes("land data workbook", [&](lxw_workbook* wb) {
    Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb),
              workbook_add_format(wb)};
    format_set_bold(f.header);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_bold(f.required);
    format_set_border(f.required, LXW_BORDER_THIN);
    format_set_bg_color(f.required, 0xDDEBF7);
    format_set_num_format(f.text, "@");
    format_set_text_wrap(f.wrap);
    DataSheet(wb, rows, f);
    NoteSheet(wb, title, f);
  });
}

}  // namespace gj::land

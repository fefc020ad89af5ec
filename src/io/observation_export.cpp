#include "io/observation_export.h"

#include <utility>

#include "io/workbook.h"

namespace gj::io {

namespace {

struct Formats {
  lxw_format* title;
  lxw_format* header;
  lxw_format* num;
};

// Title, subtitle, then the header row at row 3; returns the first data row.
lxw_row_t Head(lxw_worksheet* ws, const Formats& f, const ObservationExportData& d,
               const std::vector<std::pair<std::string, double>>& cols) {
  WriteText(ws, 0, 0, d.title.c_str(), f.title);
  WriteText(ws, 1, 0, d.subtitle.c_str(), nullptr);
  for (size_t i = 0; i < cols.size(); ++i) {
    const auto c = static_cast<lxw_col_t>(i);
    WriteText(ws, 3, c, cols[i].first.c_str(), f.header);
    worksheet_set_column(ws, c, c, cols[i].second, nullptr);
  }
  worksheet_freeze_panes(ws, 4, 0);
  return 4;
}

}  // namespace

std::string ObservationResultsXlsx(const ObservationExportData& d) {
  return WorkbookBytes("xlsx observation results", [&](lxw_workbook* wb) {
    Formats f{workbook_add_format(wb), HeaderFormat(wb), NumberFormat(wb, kMoneyPattern)};
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);

    lxw_worksheet* ws = workbook_add_worksheet(wb, "评比结果");
    std::vector<std::pair<std::string, double>> cols = {{"分组", 14}, {"名次", 8}, {"县(市、区)", 16}};
    if (d.with_scores) cols.push_back({"得分", 10});
    lxw_row_t r = Head(ws, f, d, cols);
    for (const auto& p : d.places) {
      WriteText(ws, r, 0, p.group.c_str(), nullptr);
      worksheet_write_number(ws, r, 1, p.rank, nullptr);
      WriteText(ws, r, 2, p.county.c_str(), nullptr);
      if (d.with_scores && p.score) worksheet_write_number(ws, r, 3, *p.score, f.num);
      ++r;
    }
    if (d.places.empty()) WriteText(ws, r, 0, "无", nullptr);

    if (!d.projects.empty()) {
      ws = workbook_add_worksheet(wb, "项目得分");
      r = Head(ws, f, d, {{"分组", 14}, {"县(市、区)", 16}, {"项目", 36}, {"评委数", 8}, {"得分", 10}});
      for (const auto& p : d.projects) {
        WriteText(ws, r, 0, p.group.c_str(), nullptr);
        WriteText(ws, r, 1, p.county.c_str(), nullptr);
        WriteText(ws, r, 2, p.project.c_str(), nullptr);
        worksheet_write_number(ws, r, 3, static_cast<double>(p.judges), nullptr);
        if (p.score) worksheet_write_number(ws, r, 4, *p.score, f.num);
        ++r;
      }
    }
    if (d.sheets.empty()) return;
    // The judges' sheets as on paper: each criterion's points, then the total.
    ws = workbook_add_worksheet(wb, "评委评分");
    std::vector<std::pair<std::string, double>> sheet_cols = {
        {"评委", 12}, {"分组", 14}, {"县(市、区)", 16}, {"项目", 36}};
    for (const auto& c : d.criteria) sheet_cols.push_back({c, 14});
    sheet_cols.push_back({"合计", 10});
    r = Head(ws, f, d, sheet_cols);
    for (const auto& s : d.sheets) {
      lxw_col_t c = 0;
      for (const auto* text : {&s.judge, &s.group, &s.county, &s.project})
        WriteText(ws, r, c++, text->c_str(), nullptr);
      for (double p : s.points) worksheet_write_number(ws, r, c++, p, f.num);
      worksheet_write_number(ws, r, c, s.total, f.num);
      ++r;
    }
  });
}

}  // namespace gj::io

#include "io/ranking_bulletin.h"

#include "io/workbook.h"

namespace gj::io {

std::string BulletinXlsx(const BulletinData& d) {
  return WorkbookBytes("xlsx bulletin", [&](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "通报");
    lxw_format* title = workbook_add_format(wb);
    format_set_bold(title);
    format_set_font_size(title, 14);
    lxw_format* header = HeaderFormat(wb);
    lxw_format* num = NumberFormat(wb, kMoneyPattern);
    lxw_format* pct = NumberFormat(wb, kPercentPattern);
    lxw_format* red = workbook_add_format(wb);
    format_set_font_color(red, LXW_COLOR_RED);
    format_set_bold(red);
    lxw_format* yellow = workbook_add_format(wb);
    format_set_bg_color(yellow, 0xFFF2CC);
    WriteText(ws, 0, 0, d.title.c_str(), title);
    WriteText(ws, 1, 0, d.subtitle.c_str(), nullptr);
    std::vector<std::string> cols = {"名次", "对象"};
    for (const auto& a : d.about_labels) cols.push_back(a);
    cols.push_back("得分");
    for (const auto& m : d.metric_labels) cols.push_back(m);
    cols.insert(cols.end(), {"完成度", "升降", "预警"});
    for (size_t i = 0; i < cols.size(); ++i) {
      WriteText(ws, 3, static_cast<lxw_col_t>(i), cols[i].c_str(), header);
      worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), i == 1 ? 20 : 12,
                           nullptr);
    }
    lxw_row_t r = 4;
    for (const auto& row : d.rows) {
      lxw_col_t c = 0;
      if (row.rank > 0) worksheet_write_number(ws, r, c++, row.rank, nullptr);
      else WriteText(ws, r, c++, "—", nullptr);
      WriteText(ws, r, c++, row.subject.c_str(), nullptr);
      for (size_t i = 0; i < d.about_labels.size(); ++i)
        WriteText(ws, r, c++, i < row.about.size() ? row.about[i].c_str() : "", nullptr);
      if (row.rank > 0) worksheet_write_number(ws, r, c++, row.score, num);
      else WriteText(ws, r, c++, kUnranked, nullptr);
      for (const auto& v : row.metric_scores) {
        if (v) worksheet_write_number(ws, r, c++, *v, num);
        else WriteText(ws, r, c++, kNotApplicable, nullptr);
      }
      if (row.rank > 0) worksheet_write_number(ws, r, c++, row.completion, pct);
      else WriteText(ws, r, c++, "—", nullptr);
      WriteText(ws, r, c++, row.movement.c_str(), nullptr);
      if (!row.light.empty()) WriteText(ws, r, c, row.light.c_str(), row.light == "红牌" ? red : yellow);
      ++r;
    }
    // The red/yellow list below the table: what the bulletin criticises.
    r += 1;
    WriteText(ws, r++, 0, "红黄榜", title);
    bool any = false;
    for (const auto& row : d.rows) {
      if (row.light.empty()) continue;
      any = true;
      WriteText(ws, r, 0, row.light.c_str(), row.light == "红牌" ? red : yellow);
      WriteText(ws, r, 1, row.subject.c_str(), nullptr);
      worksheet_write_number(ws, r, 2, row.completion, pct);
      ++r;
    }
    if (!any) WriteText(ws, r, 0, "无", nullptr);
  });
}

}  // namespace gj::io

#include "io/list_exports.h"

#include "common/money.h"
#include "io/workbook.h"

namespace gj::io {

ListCell ListCell::Text(std::string s) {
  if (s.empty()) return {};
  return {Kind::kText, std::move(s), 0};
}
ListCell ListCell::Number(double v) { return {Kind::kNumber, "", v}; }
ListCell ListCell::Number(const std::optional<int64_t>& v) {
  return v ? ListCell{Kind::kNumber, "", static_cast<double>(*v)} : ListCell{};
}
ListCell ListCell::Money(const std::optional<int64_t>& yuan) {
  return yuan ? ListCell{Kind::kMoney, "", YuanToWan(*yuan)} : ListCell{};
}
ListCell ListCell::Percent(const std::optional<double>& share) {
  return share ? ListCell{Kind::kPercent, "", *share} : ListCell{};
}
ListCell ListCell::DateOf(const std::optional<Date>& d) {
  return d ? ListCell{Kind::kDate, d->ToString(), static_cast<double>(ToExcelSerial(*d))} : ListCell{};
}

std::string ListXlsx(const std::vector<ListSheet>& sheets) {
  return WorkbookBytes("list export", [&](lxw_workbook* wb) {
    lxw_format* header = HeaderFormat(wb);
    lxw_format* money = NumberFormat(wb, kMoneyPattern);
    lxw_format* percent = NumberFormat(wb, kPercentPattern);
    lxw_format* date = NumberFormat(wb, kDatePattern);
    lxw_format* wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    for (const auto& sheet : sheets) {
      lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
      for (size_t i = 0; i < sheet.columns.size(); ++i) {
        const auto col = static_cast<lxw_col_t>(i);
        worksheet_set_column(ws, col, col, sheet.columns[i].width,
                             sheet.columns[i].width >= 40 ? wrap : nullptr);
        WriteText(ws, 0, col, sheet.columns[i].label.c_str(), header);
      }
      worksheet_freeze_panes(ws, 1, 0);
      lxw_row_t r = 1;
      for (const auto& row : sheet.rows) {
        for (size_t i = 0; i < row.size(); ++i) {
          const auto& c = row[i];
          const auto col = static_cast<lxw_col_t>(i);
          switch (c.kind) {
            case ListCell::Kind::kEmpty: break;
            case ListCell::Kind::kText: WriteText(ws, r, col, c.text.c_str(), nullptr); break;
            case ListCell::Kind::kNumber: worksheet_write_number(ws, r, col, c.number, nullptr); break;
            case ListCell::Kind::kMoney: worksheet_write_number(ws, r, col, c.number, money); break;
            case ListCell::Kind::kPercent: worksheet_write_number(ws, r, col, c.number, percent); break;
            case ListCell::Kind::kDate: worksheet_write_number(ws, r, col, c.number, date); break;
          }
        }
        ++r;
      }
      if (sheet.autofilter && r > 1 && !sheet.columns.empty())
        worksheet_autofilter(ws, 0, 0, r - 1, static_cast<lxw_col_t>(sheet.columns.size() - 1));
    }
  });
}

}  // namespace gj::io

#include "io/ledger_export.h"

#include <cstdio>

#include "common/money.h"
#include "domain/ledger/ledger_sheet.h"
#include "io/csv.h"
#include "io/workbook.h"

namespace gj::io {

namespace {

enum class Kind { kText, kMoney, kNumber, kDate };

struct Cell {
  Kind kind = Kind::kText;
  std::string text;
  double number = 0;
  bool empty = true;
};

std::string Label(const ledger::Dictionaries& dicts, const char* kind, const std::string& code) {
  auto it = dicts.find(kind);
  const ledger::DictEntry* e = it == dicts.end() ? nullptr : ledger::FindByCode(it->second, code);
  return e ? e->label_zh : code;
}

Cell Text(const std::string& s) { return {Kind::kText, s, 0, s.empty()}; }
Cell Money(const std::optional<int64_t>& y) {
  return y ? Cell{Kind::kMoney, FormatYuanAsWan(*y), YuanToWan(*y), false} : Cell{Kind::kMoney, "", 0, true};
}
Cell DateCell(const std::optional<Date>& d) {
  return d ? Cell{Kind::kDate, d->ToString(), static_cast<double>(ToExcelSerial(*d)), false}
           : Cell{Kind::kDate, "", 0, true};
}

// The cells of one project, in LedgerColumns() order.
std::vector<Cell> Cells(const store::ProjectRow& r, const ledger::Dictionaries& d) {
  const auto& p = r.project;
  char land[32] = "";
  if (p.land_mu) std::snprintf(land, sizeof land, "%.2f", *p.land_mu);
  return {Text(p.code),
          Text(p.name),
          Text(r.county_name),
          Text(r.town_name),
          Text(Label(d, "category", p.category)),
          Text(Label(d, "level", p.level)),
          Text(Label(d, "kind", p.kind)),
          Text(Label(d, "track", p.track)),
          Text(Label(d, "stage", p.stage)),
          Money(p.total_investment),
          Money(p.annual_plan),
          Money(p.annual_completed),
          p.land_mu ? Cell{Kind::kNumber, land, *p.land_mu, false} : Cell{Kind::kNumber, "", 0, true},
          Text(p.builder),
          Text(r.leader_name),
          Text(r.unit_name),
          Text(p.specialist),
          Text(p.chain),
          DateCell(p.planned_start),
          DateCell(p.actual_start),
          DateCell(p.planned_completion),
          DateCell(p.actual_completion),
          Text(p.content),
          Text(p.builder_code.value_or(""))};
}

double Width(const char* label) {
  const std::string l = label;
  if (l == "项目名称" || l == "建设单位") return 36;
  if (l == "建设内容") return 60;
  if (l.find("日期") != std::string::npos) return 13;
  if (l.find("万元") != std::string::npos) return 16;
  return 12;
}

}  // namespace

std::string LedgerXlsx(const RowProducer& rows, const ledger::Dictionaries& dicts) {
  // Constant memory: rows stream to disk, flat memory for 100,000 projects.
  return WorkbookBytes(
      "xlsx export",
      [&](lxw_workbook* wb) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, "重点项目");
        lxw_format* header = HeaderFormat(wb);
        lxw_format* money = NumberFormat(wb, kMoneyPattern);
        lxw_format* date = NumberFormat(wb, kDatePattern);
        const auto& cols = ledger::LedgerColumns();
        for (size_t i = 0; i < cols.size(); ++i) {
          worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), Width(cols[i].label),
                               nullptr);
          WriteText(ws, 0, static_cast<lxw_col_t>(i), cols[i].label, header);
        }
        worksheet_freeze_panes(ws, 1, 0);
        lxw_row_t r = 1;
        rows([&](const store::ProjectRow& row) {
          const auto cells = Cells(row, dicts);
          for (size_t i = 0; i < cells.size(); ++i) {
            const auto& c = cells[i];
            if (c.empty) continue;
            const auto col = static_cast<lxw_col_t>(i);
            switch (c.kind) {
              case Kind::kText: WriteText(ws, r, col, c.text.c_str(), nullptr); break;
              case Kind::kMoney: worksheet_write_number(ws, r, col, c.number, money); break;
              case Kind::kNumber: worksheet_write_number(ws, r, col, c.number, nullptr); break;
              case Kind::kDate: worksheet_write_number(ws, r, col, c.number, date); break;
            }
          }
          ++r;
        });
        if (r > 1) worksheet_autofilter(ws, 0, 0, r - 1, static_cast<lxw_col_t>(cols.size() - 1));
      },
      /*constant_memory=*/true);
}

std::string LedgerCsv(const RowProducer& rows, const ledger::Dictionaries& dicts) {
  std::string out = "\xEF\xBB\xBF";
  const auto& cols = ledger::LedgerColumns();
  for (size_t i = 0; i < cols.size(); ++i) {
    if (i) out += ',';
    out += cols[i].label;
  }
  out += "\r\n";
  rows([&](const store::ProjectRow& row) {
    const auto cells = Cells(row, dicts);
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      AppendCsvField(out,
                     cells[i].text);  // text guarded against formulas; amounts and dates are plain numbers
    }
    out += "\r\n";
  });
  return out;
}

}  // namespace gj::io

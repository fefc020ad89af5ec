#include "io/ledger_export.h"

#include <cstdio>

#include "common/money.h"
#include "domain/ledger/ledger_sheet.h"
#include "io/csv.h"
#include "io/xlsx_writer.h"

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

const std::vector<ledger::DictEntry>* DictOf(const ledger::Dictionaries& dicts, const char* kind) {
  auto it = dicts.find(kind);
  return it == dicts.end() ? nullptr : &it->second;
}

std::string_view LabelIn(const std::vector<ledger::DictEntry>* list, const std::string& code) {
  const ledger::DictEntry* e = list ? ledger::FindByCode(*list, code) : nullptr;
  return e ? std::string_view(e->label_zh) : std::string_view(code);
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
  // Streams: each row is formatted as it comes and deflated on a second thread (io/xlsx_writer.h).
  using Style = XlsxSheetWriter::Style;
  const auto& cols = ledger::LedgerColumns();
  std::vector<XlsxSheetWriter::Column> columns;
  for (const auto& c : cols) {
    const std::string field = c.field;
    // Text that repeats goes to the shared strings; codes, names and contents are mostly unique.
    const bool unique = field == "code" || field == "name" || field == "content" || field == "builder_code";
    columns.push_back({Width(c.label), !unique});
  }
  XlsxSheetWriter w("重点项目", std::move(columns));
  w.FreezeHeaderAndFilter();
  w.Row();
  for (size_t i = 0; i < cols.size(); ++i) w.Text(static_cast<uint32_t>(i), cols[i].label, Style::kHeader);
  const auto* category = DictOf(dicts, "category");
  const auto* level = DictOf(dicts, "level");
  const auto* kind = DictOf(dicts, "kind");
  const auto* track = DictOf(dicts, "track");
  const auto* stage = DictOf(dicts, "stage");
  rows([&](const store::ProjectRow& row) {
    const auto& p = row.project;
    w.Row();
    uint32_t col = 0;
    auto text = [&](std::string_view s) { w.Text(col++, s); };
    auto money = [&](const std::optional<int64_t>& y) {
      if (y) w.Number(col, YuanToWan(*y), Style::kMoney);
      ++col;
    };
    auto date = [&](const std::optional<Date>& d) {
      if (d) w.Integer(col, ToExcelSerial(*d), Style::kDate);
      ++col;
    };
    text(p.code);
    text(p.name);
    text(row.county_name);
    text(row.town_name);
    text(LabelIn(category, p.category));
    text(LabelIn(level, p.level));
    text(LabelIn(kind, p.kind));
    text(LabelIn(track, p.track));
    text(LabelIn(stage, p.stage));
    money(p.total_investment);
    money(p.annual_plan);
    money(p.annual_completed);
    if (p.land_mu) w.Number(col, *p.land_mu);
    ++col;
    text(p.builder);
    text(row.leader_name);
    text(row.unit_name);
    text(p.specialist);
    text(p.chain);
    date(p.planned_start);
    date(p.actual_start);
    date(p.planned_completion);
    date(p.actual_completion);
    text(p.content);
    text(p.builder_code ? std::string_view(*p.builder_code) : std::string_view());
  });
  return w.Finish();
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

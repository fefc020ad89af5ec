#include "domain/ledger/ledger_sheet.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <string_view>
#include <unordered_map>

#include "common/money.h"

namespace gj::ledger {

const std::vector<SheetColumn>& LedgerColumns() {
  static const std::vector<SheetColumn> kColumns = {
      {"项目编号", "code", true},
      {"项目名称", "name", true},
      {"县区", "county_code", true},
      {"镇街", "town_code", false},
      {"项目类别", "category", true},
      {"项目级别", "level", true},
      {"建设性质", "kind", true},
      {"项目类型", "track", true},
      {"项目阶段", "stage", true},
      {"总投资(万元)", "total_investment", false},
      {"年度计划投资(万元)", "annual_plan", false},
      {"年度完成投资(万元)", "annual_completed", false},
      {"占地(亩)", "land_mu", false},
      {"建设单位", "builder", false},
      {"包保领导", "leader_id", false},
      {"责任单位", "unit_id", false},
      {"项目专员", "specialist", false},
      {"产业链", "chain", false},
      {"计划开工日期", "planned_start", false},
      {"实际开工日期", "actual_start", false},
      {"计划竣工日期", "planned_completion", false},
      {"实际竣工日期", "actual_completion", false},
      {"建设内容", "content", false},
      {"建设单位统一社会信用代码", "builder_code", false},
  };
  return kColumns;
}

namespace {

std::string Trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  // Also strip the ideographic space (U+3000) offices paste around names.
  std::string out = s.substr(b, e - b);
  while (out.size() >= 3 && out.compare(0, 3, "\xE3\x80\x80") == 0) out.erase(0, 3);
  while (out.size() >= 3 && out.compare(out.size() - 3, 3, "\xE3\x80\x80") == 0) out.erase(out.size() - 3);
  return out;
}

// Header text → column label, accepting full-width parentheses and the field identifiers.
std::string CanonicalHeader(std::string h) {
  h = Trim(h);
  for (auto [from, to] : {std::pair{"（", "("}, std::pair{"）", ")"}}) {
    for (size_t p; (p = h.find(from)) != std::string::npos;) h.replace(p, std::string(from).size(), to);
  }
  for (const auto& c : LedgerColumns()) {
    if (h == c.field) return c.label;
  }
  return h;
}

class RowReader {
 public:
  RowReader(int row, const Dictionaries& dicts, const OrgIndex& org, const Date& today, Problems& pr)
      : row_(row), dicts_(dicts), org_(org), today_(today), pr_(pr) {}

  void Fail(const char* column, const std::string& value, std::string reason,
            std::vector<std::string> allowed = {}) {
    pr_.Add({column, value, std::move(reason), row_, std::move(allowed)});
  }

  std::string Dict(const char* column, const char* kind, const std::string& v) {
    const auto& list = dicts_.at(kind);
    const DictEntry* e = FindByLabel(list, v);
    if (!e) e = FindByCode(list, v);
    if (e && e->active) return e->code;
    std::vector<std::string> allowed;
    for (const auto& x : list) {
      if (x.active) allowed.push_back(x.label_zh);
    }
    Fail(column, v, "not one of the allowed values", allowed);
    return "";
  }

  std::optional<int64_t> Money(const char* column, const std::string& v) {
    if (v.empty()) return std::nullopt;
    if (auto y = ParseWanToYuan(v)) {
      if (*y >= 0) return y;
      Fail(column, v, "must not be negative");
      return std::nullopt;
    }
    double d = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    if (ec == std::errc() && p == v.data() + v.size() && d >= 0) {
      if (auto y = WanDoubleToYuan(d)) return y;
      Fail(column, v, AmountBoundReason());  // never silently empty
      return std::nullopt;
    }
    Fail(column, v, "not an amount in 万元 (e.g. 1234.56)");
    return std::nullopt;
  }

  std::optional<double> Number(const char* column, const std::string& v) {
    if (v.empty()) return std::nullopt;
    double d = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    if (ec != std::errc() || p != v.data() + v.size() || !std::isfinite(d) || d < 0) {
      Fail(column, v, "not a number ≥ 0");
      return std::nullopt;
    }
    return d;
  }

  std::optional<Date> DateCell(const char* column, const std::string& v) {
    if (v.empty()) return std::nullopt;
    if (auto d = ParseLooseDate(v)) return d;
    Fail(column, v, "not a date (2026-03-15, 2026/3/15 or an Excel date)");
    return std::nullopt;
  }

  template <class Map, class T>
  std::optional<T> Named(const char* column, const Map& map, const std::string& county, const std::string& v,
                         const char* what) {
    if (v.empty()) return std::nullopt;
    auto it = map.find({county, v});
    if (it != map.end()) return it->second;
    std::vector<std::string> allowed;
    for (const auto& [key, id] : map) {
      if (key.first == county) allowed.push_back(key.second);
    }
    Fail(column, v, std::string("unknown ") + what + " in this county", allowed);
    return std::nullopt;
  }

  int row() const { return row_; }
  const OrgIndex& org() const { return org_; }
  const Date& today() const { return today_; }

 private:
  int row_;
  const Dictionaries& dicts_;
  const OrgIndex& org_;
  const Date& today_;
  Problems& pr_;
};

// Position of a label in LedgerColumns().
size_t ColumnIndex(std::string_view label) {
  static const std::unordered_map<std::string_view, size_t> kIndex = [] {
    std::unordered_map<std::string_view, size_t> m;
    for (size_t i = 0; i < LedgerColumns().size(); ++i) m.emplace(LedgerColumns()[i].label, i);
    return m;
  }();
  return kIndex.at(label);
}

// `cell` holds the row's trimmed values in LedgerColumns() order ("" where the sheet has no column).
Project ReadRow(RowReader& r, const std::vector<std::string>& cell, int default_year) {
  auto get = [&](const char* label) -> const std::string& { return cell[ColumnIndex(label)]; };
  for (const auto& c : LedgerColumns()) {
    if (c.required && get(c.label).empty()) r.Fail(c.label, "", "required");
  }
  Project p;
  p.year = default_year;
  p.code = get("项目编号");
  p.name = get("项目名称");
  const std::string county = get("县区");
  if (!county.empty()) {
    auto it = r.org().county_by_name.find(county);
    if (it != r.org().county_by_name.end()) {
      p.county_code = it->second;
    } else {
      std::vector<std::string> allowed;
      for (const auto& [name, code] : r.org().county_by_name) allowed.push_back(name);
      r.Fail("县区", county, "unknown county", allowed);
    }
  }
  p.town_code = r.Named<decltype(r.org().town_by_name), std::string>("镇街", r.org().town_by_name,
                                                                     p.county_code, get("镇街"), "town");
  if (!get("项目类别").empty()) p.category = r.Dict("项目类别", "category", get("项目类别"));
  if (!get("项目级别").empty()) p.level = r.Dict("项目级别", "level", get("项目级别"));
  if (!get("建设性质").empty()) p.kind = r.Dict("建设性质", "kind", get("建设性质"));
  if (!get("项目类型").empty()) p.track = r.Dict("项目类型", "track", get("项目类型"));
  if (!get("项目阶段").empty()) p.stage = r.Dict("项目阶段", "stage", get("项目阶段"));
  p.total_investment = r.Money("总投资(万元)", get("总投资(万元)"));
  p.annual_plan = r.Money("年度计划投资(万元)", get("年度计划投资(万元)"));
  p.annual_completed = r.Money("年度完成投资(万元)", get("年度完成投资(万元)"));
  p.land_mu = r.Number("占地(亩)", get("占地(亩)"));
  p.builder = get("建设单位");
  if (const std::string code = get("建设单位统一社会信用代码"); !code.empty()) p.builder_code = code;
  else p.builder_code.reset();
  p.leader_id = r.Named<decltype(r.org().leader_by_name), int64_t>("包保领导", r.org().leader_by_name,
                                                                   p.county_code, get("包保领导"), "leader");
  p.unit_id = r.Named<decltype(r.org().unit_by_name), int64_t>("责任单位", r.org().unit_by_name,
                                                               p.county_code, get("责任单位"), "unit");
  p.specialist = get("项目专员");
  p.chain = get("产业链");
  p.planned_start = r.DateCell("计划开工日期", get("计划开工日期"));
  p.actual_start = r.DateCell("实际开工日期", get("实际开工日期"));
  p.planned_completion = r.DateCell("计划竣工日期", get("计划竣工日期"));
  p.actual_completion = r.DateCell("实际竣工日期", get("实际竣工日期"));
  p.content = get("建设内容");
  return p;
}

}  // namespace

std::string TrimCell(const std::string& s) { return Trim(s); }

const char* SheetLabelOf(const std::string& field) {
  for (const auto& c : LedgerColumns()) {
    if (field == c.field) return c.label;
  }
  return nullptr;
}

ParsedSheet ParseLedgerSheet(const std::vector<std::vector<std::string>>& cells, const Dictionaries& dicts,
                             const OrgIndex& org, const Date& today, int default_year) {
  ParsedSheet out;
  if (cells.empty()) {
    out.problems.Add({"", "", "the sheet is empty: the first row must be the header", 1, {}});
    return out;
  }
  std::map<size_t, std::string> label_at;
  std::set<std::string> seen;
  for (size_t i = 0; i < cells[0].size(); ++i) {
    const std::string h = CanonicalHeader(cells[0][i]);
    if (std::any_of(LedgerColumns().begin(), LedgerColumns().end(),
                    [&](const SheetColumn& c) { return h == c.label; })) {
      if (!seen.insert(h).second) out.problems.Add({h, h, "the column appears twice", 1, {}});
      label_at[i] = h;
    }
  }
  for (const auto& c : LedgerColumns()) {
    if (seen.count(c.label)) out.fields.push_back(c.field);
  }
  for (const auto& c : LedgerColumns()) {
    if (c.required && !seen.count(c.label))
      out.problems.Add({c.label, "", "required column missing from the header", 1, {}});
  }
  if (!out.problems.empty()) return out;

  std::map<std::string, int> code_row;
  for (size_t r = 1; r < cells.size(); ++r) {
    std::vector<std::string> cell(LedgerColumns().size());
    bool any = false;
    for (const auto& [i, label] : label_at) {
      std::string v = i < cells[r].size() ? Trim(cells[r][i]) : "";
      any = any || !v.empty();
      cell[ColumnIndex(label)] = std::move(v);
    }
    if (!any) continue;  // blank rows between blocks are common
    const int row = static_cast<int>(r + 1);
    RowReader reader(row, dicts, org, today, out.problems);
    Project p = ReadRow(reader, cell, default_year);
    if (!p.code.empty()) {
      auto [it, fresh] = code_row.emplace(p.code, row);
      if (!fresh)
        reader.Fail("项目编号", p.code, "duplicate: already used in row " + std::to_string(it->second));
    }
    out.rows.push_back({row, std::move(p)});
  }
  return out;
}

}  // namespace gj::ledger

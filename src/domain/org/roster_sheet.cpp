#include "domain/org/roster_sheet.h"

#include <algorithm>
#include <map>
#include <utility>

#include "domain/ledger/ledger_sheet.h"

namespace gj::roster {

const std::vector<RosterColumn>& UnitColumns() {
  static const std::vector<RosterColumn> kColumns = {
      {"单位名称", "name", true},
      {"单位类型", "kind", true},
      {"所属区域", "region_code", false},
  };
  return kColumns;
}

const std::vector<RosterColumn>& PersonColumns() {
  static const std::vector<RosterColumn> kColumns = {
      {"姓名", "name", true},
      {"职务", "title", false},
      {"人员类型", "kind", true},
      {"层级", "tier", false},
      {"手机号", "phone", false},
      {"所属单位", "unit_id", false},
      {"所属区域", "region_code", false},
  };
  return kColumns;
}

const std::vector<Label>& UnitKindLabels() {
  static const std::vector<Label> kLabels = {
      {"department", "县直部门"}, {"town", "乡镇政府"},   {"park", "园区管委会"},
      {"soe", "国有企业"},        {"other", "其他"},      {"department", "部门"},
      {"town", "镇街政府"},       {"town", "街道办事处"}, {"park", "管委会"},
  };
  return kLabels;
}

const std::vector<Label>& PersonKindLabels() {
  static const std::vector<Label> kLabels = {
      {"leader", "县级领导"},           {"head", "部门负责人"}, {"specialist", "项目专员"},
      {"helper", "红帮办（助企专员）"}, {"liaison", "联络员"},  {"staff", "工作人员"},
      {"helper", "红帮办/助企专员"},    {"helper", "红帮办"},   {"helper", "助企专员"},
  };
  return kLabels;
}

const std::vector<Label>& TierLabels() {
  static const std::vector<Label> kLabels = {
      {"county", "县级"}, {"town", "镇街级"},  {"village", "村(社区)级"},
      {"town", "乡镇级"}, {"village", "村级"},
  };
  return kLabels;
}

std::string LabelOf(const std::vector<Label>& labels, const std::string& code) {
  for (const auto& l : labels) {
    if (code == l.code) return l.zh;
  }
  return code;
}

std::vector<std::string> LabelsOf(const std::vector<Label>& labels) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& l : labels) {
    if (seen.insert(l.code).second) out.push_back(l.zh);
  }
  return out;
}

std::string ColumnName(const char* sheet, const std::string& label) {
  return std::string("【") + sheet + "】" + label;
}

namespace {

// Full-width parentheses and slash as half-width: 红帮办（助企专员） = 红帮办(助企专员).
std::string Folded(std::string s) {
  for (auto [from, to] : {std::pair{"（", "("}, std::pair{"）", ")"}, std::pair{"／", "/"}}) {
    for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, std::string(from).size(), to);
  }
  return s;
}

// The code of a label (or of the code itself); "" when unknown.
std::string CodeOf(const std::vector<Label>& labels, const std::string& v) {
  const std::string f = Folded(v);
  for (const auto& l : labels) {
    if (f == Folded(l.zh) || v == l.code) return l.code;
  }
  return "";
}

// One sheet's data rows as label → trimmed value, blank rows skipped.
struct SheetRows {
  std::vector<std::pair<int, std::map<std::string, std::string>>> rows;
  std::set<std::string> fields;
  bool ok = true;  // the header is usable
};

SheetRows ReadRows(const std::vector<std::vector<std::string>>& cells, const char* sheet,
                   const std::vector<RosterColumn>& columns, Problems& pr) {
  SheetRows out;
  if (cells.empty()) {
    pr.Add({ColumnName(sheet, ""),
            "",
            "工作表为空：第一行须为表头 (the sheet is empty: the first row must be the header)",
            1,
            {}});
    out.ok = false;
    return out;
  }
  std::map<size_t, std::string> label_at;
  std::set<std::string> seen;
  for (size_t i = 0; i < cells[0].size(); ++i) {
    const std::string h = ledger::TrimCell(cells[0][i]);
    for (const auto& c : columns) {
      if (h != c.label && h != c.field) continue;
      if (!seen.insert(c.label).second) {
        pr.Add({ColumnName(sheet, c.label), h, "该列出现两次 (the column appears twice)", 1, {}});
        out.ok = false;
      }
      label_at[i] = c.label;
      out.fields.insert(c.field);
    }
  }
  for (const auto& c : columns) {
    if (c.required && !seen.count(c.label)) {
      pr.Add({ColumnName(sheet, c.label),
              "",
              "表头缺少必填列 (required column missing from the header)",
              1,
              {}});
      out.ok = false;
    }
  }
  if (!out.ok) return out;
  for (size_t r = 1; r < cells.size(); ++r) {
    std::map<std::string, std::string> row;
    bool any = false;
    for (const auto& [i, label] : label_at) {
      std::string v = i < cells[r].size() ? ledger::TrimCell(cells[r][i]) : "";
      any = any || !v.empty();
      row[label] = std::move(v);
    }
    if (any) out.rows.emplace_back(static_cast<int>(r + 1), std::move(row));
  }
  return out;
}

class Checker {
 public:
  Checker(const RosterIndex& index, Problems& pr) : index_(index), pr_(pr) {
    for (const auto& r : index.regions) region_names_.push_back(r.name);
  }

  // A problem of `row`; true when the row has one.
  void Fail(const char* sheet, int row, const std::string& label, const std::string& value,
            std::string reason, std::vector<std::string> allowed = {}) {
    pr_.Add({ColumnName(sheet, label), value, std::move(reason), row, std::move(allowed)});
    bad_ = true;
  }
  bool TakeBad() { return std::exchange(bad_, false); }

  void Required(const char* sheet, int row, const std::vector<RosterColumn>& columns,
                std::map<std::string, std::string>& cell) {
    for (const auto& c : columns) {
      if (c.required && cell[c.label].empty()) Fail(sheet, row, c.label, "", "必填 (required)");
    }
  }

  std::string Labelled(const char* sheet, int row, const char* label, const std::string& v,
                       const std::vector<Label>& labels) {
    if (v.empty()) return "";
    std::string code = CodeOf(labels, v);
    if (code.empty())
      Fail(sheet, row, label, v, "不是可选值之一 (not one of the allowed values)", LabelsOf(labels));
    return code;
  }

  // A region of the county by code or name; "" (and a problem) when it is not one.
  std::string Region(const char* sheet, int row, const std::string& v) {
    std::vector<std::string> codes;
    for (const auto& r : index_.regions) {
      if (v == r.code) return r.code;
      if (v == r.name) codes.push_back(r.code);
    }
    if (codes.size() == 1) return codes[0];
    if (codes.empty())
      Fail(sheet, row, "所属区域", v, "不是本县（区）的区域 (not a region of this county)", region_names_);
    else
      Fail(sheet, row, "所属区域", v,
           "县内有多个同名区域，请填区划代码 (several regions have this name: give the code)");
    return "";
  }

  // The active records among `matches` (by id), or a problem: ambiguous, or only archived ones.
  template <class Key>
  int64_t Match(const char* sheet, int row, const std::string& label, const std::string& value,
                const std::vector<const Key*>& matches, const char* what_zh) {
    std::vector<int64_t> active;
    bool archived = false;
    for (const Key* k : matches) {
      if (k->archived) archived = true;
      else active.push_back(k->id);
    }
    if (active.size() == 1) return active[0];
    if (active.size() > 1)
      Fail(sheet, row, label, value,
           std::string("县内有多个同名") + what_zh +
               "，无法确定更新哪一个 (ambiguous: several active records match)");
    else if (archived)
      Fail(sheet, row, label, value,
           std::string("该") + what_zh +
               "已归档，请先在系统管理中恢复 (archived: restore it in 系统管理 first)");
    return 0;
  }

 private:
  const RosterIndex& index_;
  Problems& pr_;
  std::vector<std::string> region_names_;
  bool bad_ = false;
};

}  // namespace

ParsedRoster ParseRoster(const std::optional<std::vector<std::vector<std::string>>>& units,
                         const std::optional<std::vector<std::vector<std::string>>>& people,
                         const RosterIndex& index) {
  ParsedRoster out;
  Checker ck(index, out.problems);
  // Units of this sheet by name: the row and the region (for people who name them).
  std::map<std::string, std::pair<int, std::string>> sheet_units;
  if (units) {
    auto sheet = ReadRows(*units, kUnitSheet, UnitColumns(), out.problems);
    out.unit_fields = sheet.fields;
    for (auto& [row, cell] : sheet.rows) {
      ++out.rows;
      ck.Required(kUnitSheet, row, UnitColumns(), cell);
      UnitRow u;
      u.row = row;
      u.name = cell["单位名称"];
      u.kind = ck.Labelled(kUnitSheet, row, "单位类型", cell["单位类型"], UnitKindLabels());
      u.region_code =
          cell["所属区域"].empty() ? index.county_code : ck.Region(kUnitSheet, row, cell["所属区域"]);
      if (!u.name.empty()) {
        auto [it, fresh] = sheet_units.emplace(u.name, std::pair{row, u.region_code});
        if (!fresh)
          ck.Fail(kUnitSheet, row, "单位名称", u.name,
                  "重复：与第 " + std::to_string(it->second.first) + " 行相同 (repeated: same as row " +
                      std::to_string(it->second.first) + ")");
        std::vector<const RosterIndex::UnitKey*> matches;
        for (const auto& k : index.units) {
          if (k.name == u.name) matches.push_back(&k);
        }
        u.id = ck.Match(kUnitSheet, row, "单位名称", u.name, matches, "单位");
      }
      if (!ck.TakeBad()) out.units.push_back(std::move(u));
    }
  }
  if (people) {
    auto sheet = ReadRows(*people, kPersonSheet, PersonColumns(), out.problems);
    out.person_fields = sheet.fields;
    std::map<std::pair<std::string, std::string>, int> keys;
    std::vector<std::string> unit_names;
    for (const auto& k : index.units) {
      if (!k.archived) unit_names.push_back(k.name);
    }
    for (const auto& [name, at] : sheet_units) {
      if (std::find(unit_names.begin(), unit_names.end(), name) == unit_names.end())
        unit_names.push_back(name);
    }
    for (auto& [row, cell] : sheet.rows) {
      ++out.rows;
      ck.Required(kPersonSheet, row, PersonColumns(), cell);
      PersonRow p;
      p.row = row;
      p.name = cell["姓名"];
      p.title = cell["职务"];
      p.kind = ck.Labelled(kPersonSheet, row, "人员类型", cell["人员类型"], PersonKindLabels());
      p.tier = ck.Labelled(kPersonSheet, row, "层级", cell["层级"], TierLabels());
      p.phone = cell["手机号"];
      p.unit_name = cell["所属单位"];
      std::string unit_region = index.county_code;
      if (!p.unit_name.empty()) {
        std::vector<const RosterIndex::UnitKey*> matches;
        bool active = false;
        for (const auto& k : index.units) {
          if (k.name != p.unit_name) continue;
          matches.push_back(&k);
          active = active || !k.archived;
        }
        auto in_sheet = sheet_units.find(p.unit_name);
        if (active || (!matches.empty() && in_sheet == sheet_units.end())) {
          if (int64_t id = ck.Match(kPersonSheet, row, "所属单位", p.unit_name, matches, "单位")) {
            p.unit_id = id;
            for (const auto* k : matches) {
              if (k->id == id) unit_region = k->region_code;
            }
          }
        } else if (in_sheet != sheet_units.end()) {
          unit_region = in_sheet->second.second;
        } else {
          ck.Fail(kPersonSheet, row, "所属单位", p.unit_name,
                  "未知单位：须为本县（区）的单位或本表“单位”页中的单位 (unknown unit of this county)",
                  unit_names);
        }
      }
      p.region_code = cell["所属区域"].empty() ? unit_region : ck.Region(kPersonSheet, row, cell["所属区域"]);
      if (!p.name.empty()) {
        auto [it, fresh] = keys.emplace(std::pair{p.name, p.unit_name}, row);
        if (!fresh)
          ck.Fail(kPersonSheet, row, "姓名", p.name,
                  "重复：与第 " + std::to_string(it->second) +
                      " 行的姓名和所属单位相同 (repeated: same name and unit as row " +
                      std::to_string(it->second) + ")");
        if (p.unit_name.empty() || p.unit_id) {  // a person of a new unit is new
          std::vector<const RosterIndex::PersonKey*> matches;
          for (const auto& k : index.people) {
            if (k.name == p.name && k.unit_id == p.unit_id) matches.push_back(&k);
          }
          p.id = ck.Match(kPersonSheet, row, "姓名", p.name, matches, "人员");
        }
      }
      if (!ck.TakeBad()) out.people.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace gj::roster

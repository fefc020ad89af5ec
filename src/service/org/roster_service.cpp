#include "service/org/roster_service.h"

#include <map>
#include <set>
#include <string_view>

#include "domain/access/access.h"
#include "domain/org/roster_sheet.h"
#include "io/roster_export.h"
#include "io/xlsx_reader.h"
#include "service/org/org_support.h"
#include "store/org_store.h"

namespace gj::service {

namespace {

using nlohmann::json;
using Cells = std::vector<std::vector<std::string>>;

// The county and every region below it, in the tree's order.
std::vector<access::Region> CountyRegions(const access::RegionTree& tree, const std::string& county) {
  std::vector<access::Region> out;
  for (const auto& code : tree.Subtree(county)) {
    if (const auto* r = tree.Find(code)) out.push_back(*r);
  }
  return out;
}

// How the sheet names a region: its name, or its code when another region of the county has it too.
std::map<std::string, std::string> RegionCells(const std::vector<access::Region>& regions) {
  std::map<std::string, int> count;
  for (const auto& r : regions) ++count[r.name];
  std::map<std::string, std::string> out;
  for (const auto& r : regions) out[r.code] = count[r.name] == 1 ? r.name : r.code;
  return out;
}

// A value as the sheet shows it: a kind's or a tier's label, a region's name.
std::string Shown(std::string_view sheet, const std::string& field, const std::string& value,
                  const access::RegionTree& tree) {
  if (field == "kind")
    return roster::LabelOf(
        sheet == roster::kUnitSheet ? roster::UnitKindLabels() : roster::PersonKindLabels(), value);
  if (field == "tier") return roster::LabelOf(roster::TierLabels(), value);
  if (field == "region_code") {
    if (const auto* r = tree.Find(value)) return r->name;
  }
  return value;
}

// A service refusal of a row, as sheet problems: each field under its column label, its value and
// allowed values as the sheet shows them.
void AddRowProblems(const Error& e, const char* sheet, const std::vector<roster::RosterColumn>& columns,
                    int row, const access::RegionTree& tree, Problems& out) {
  auto label_of = [&](const std::string& field) -> std::string {
    for (const auto& c : columns) {
      if (field == c.field) return c.label;
    }
    return field;
  };
  if (e.details.empty()) return out.Add({roster::ColumnName(sheet, ""), "", e.message, row, {}});
  for (const auto& d : e.details) {
    std::vector<std::string> allowed;
    for (const auto& a : d.allowed) allowed.push_back(Shown(sheet, d.field, a, tree));
    out.Add({roster::ColumnName(sheet, label_of(d.field)), Shown(sheet, d.field, d.value, tree), d.reason,
             row, std::move(allowed)});
  }
}

// The fields of `next` that differ from `current`, among those the sheet has columns for, with
// the version: the PATCH body of an update ({"version"} alone: nothing to change).
template <class T>
json Patch(const T& current, const std::set<std::string>& fields,
           const std::vector<std::pair<const char*, std::pair<std::string, std::string>>>& values) {
  json body = {{"version", current.version}};
  for (const auto& [field, v] : values) {
    if (fields.count(field) && v.first != v.second) body[field] = v.second;
  }
  return body;
}

}  // namespace

Result<std::string> RosterService::County(const Ctx& ctx, const std::string& region) {
  if (!access::AllowedAnywhere(ctx.caller, access::kOrgAdmin)) return org::NotAdmin();
  auto tree = ledger_.Regions();
  std::string county = region;
  if (county.empty()) {
    std::set<std::string> mine;
    for (const auto& g : ctx.caller.grants) {
      const std::string c = tree->CountyOf(g.region_code);
      if (!c.empty() && access::Allowed(ctx.caller, access::kOrgAdmin, {c, "", std::nullopt}, *tree))
        mine.insert(c);
    }
    if (mine.size() != 1) return Error::BadRequest("请选择县（区）(?region= must name a county)");
    county = *mine.begin();
  }
  if (auto st = org_.MayAdminister(ctx, county); !st) return st.error();
  if (tree->Find(county)->level != "county")
    return Error::Invalid("花名册按县（区）导入导出 (the roster is one county's)",
                          {{"region", county, "须为县（区）的区划代码 (must be a county's code)", 0, {}}});
  return county;
}

Result<NamedFile> RosterService::Template(const Ctx& ctx, const std::string& region) {
  return Workbook(ctx, region, false);
}

Result<NamedFile> RosterService::Export(const Ctx& ctx, const std::string& region) {
  return Workbook(ctx, region, true);
}

Result<NamedFile> RosterService::Workbook(const Ctx& ctx, const std::string& region, bool with_rows) {
  auto county = County(ctx, region);
  if (!county) return county.error();
  auto tree = ledger_.Regions();
  const auto regions = CountyRegions(*tree, *county);
  const auto region_cell = RegionCells(regions);
  io::RosterWorkbook book;
  book.county_name = tree->Find(*county)->name;
  for (const auto& r : regions) book.region_names.push_back(region_cell.at(r.code));
  if (with_rows) {
    auto c = db_.Acquire();
    const auto scope = access::ReadScope::All().Within(*county, *tree);
    // The units the county's people belong to, wherever they lie (a city department's staff).
    const auto unit_names = store::UnitNames(*c, access::ReadScope::All());
    auto cell_of = [&](const std::string& code) {
      auto it = region_cell.find(code);
      return it == region_cell.end() ? code : it->second;
    };
    for (const auto& u : store::ListUnits(*c, scope))
      book.units.push_back(
          {u.name, roster::LabelOf(roster::UnitKindLabels(), u.kind), cell_of(u.region_code)});
    for (const auto& p : store::ListPeople(*c, scope, "")) {
      std::string unit;
      if (p.unit_id) {
        auto it = unit_names.find(*p.unit_id);
        if (it != unit_names.end()) unit = it->second;
      }
      book.people.push_back({p.name, p.title, roster::LabelOf(roster::PersonKindLabels(), p.kind),
                             roster::LabelOf(roster::TierLabels(), p.tier), p.phone, unit,
                             cell_of(p.region_code)});
    }
  }
  NamedFile f;
  f.bytes = io::RosterXlsx(book);
  f.filename = std::string("组织架构与责任人-") + book.county_name +
               (with_rows ? "-" + ctx.today.ToString() : "-模板") + ".xlsx";
  return f;
}

Result<ImportReport> RosterService::Import(const Ctx& ctx, const std::string& region, std::string_view bytes,
                                           bool dry_run) {
  auto county = County(ctx, region);
  if (!county) return county.error();
  if (bytes.size() > kMaxBytes)
    return Error{ErrorCode::kPayloadTooLarge,
                 "文件过大：花名册至多 5 MB (the roster file is larger than 5 MiB)",
                 {},
                 {}};
  auto names = io::ReadXlsxSheetNames(bytes);
  if (!names) return names.error();
  std::optional<Cells> units, people;
  std::string listed;
  for (const auto& n : *names) {
    listed += (listed.empty() ? "" : "、") + n;
    if (n != roster::kUnitSheet && n != roster::kPersonSheet) continue;
    auto cells = io::ReadXlsxRows(bytes, n);
    if (!cells) return cells.error();
    if (cells->size() > roster::kMaxRows + 1)
      return Error::Invalid("行数过多 (too many rows)",
                            {{roster::ColumnName(n.c_str(), ""),
                              std::to_string(cells->size() - 1),
                              "每个工作表至多 5000 行 (at most 5000 rows per sheet)",
                              0,
                              {}}});
    (n == roster::kUnitSheet ? units : people) = std::move(cells.value());
  }
  if (!units && !people)
    return Error::Invalid("不是组织架构与责任人表 (not a roster workbook)",
                          {{"工作表",
                            listed,
                            "须有“单位”或“人员”工作表 (needs a sheet 单位 or 人员)",
                            0,
                            {roster::kUnitSheet, roster::kPersonSheet}}});

  auto tree = ledger_.Regions();
  auto c = db_.Acquire();
  roster::RosterIndex index;
  index.county_code = *county;
  index.regions = CountyRegions(*tree, *county);
  const auto scope = access::ReadScope::All().Within(*county, *tree);
  std::map<int64_t, store::Unit> unit_by_id;
  for (auto& u : store::ListUnits(*c, scope, /*include_archived=*/true)) {
    index.units.push_back({u.id, u.name, u.region_code, u.archived});
    unit_by_id[u.id] = std::move(u);
  }
  std::map<int64_t, store::Person> person_by_id;
  for (auto& p : store::ListPeople(*c, scope, "", /*include_archived=*/true)) {
    index.people.push_back({p.id, p.name, p.unit_id, p.archived});
    person_by_id[p.id] = std::move(p);
  }
  const auto parsed = roster::ParseRoster(units, people, index);

  ImportReport report;
  report.dry_run = dry_run;
  report.rows = parsed.rows;
  report.problems = parsed.problems;
  auto count = [&](const Status& st, int& counter, const char* sheet,
                   const std::vector<roster::RosterColumn>& cols, int row) {
    if (st) ++counter;
    else AddRowProblems(st.error(), sheet, cols, row, *tree, report.problems);
  };
  // Every write in one transaction: rolled back by a dry run and by any problem.
  store::Transaction tx(*c);
  std::map<std::string, int64_t> new_units;  // name → id of the units this sheet adds
  for (const auto& u : parsed.units) {
    if (!u.id) {
      auto id = org_.AddUnitIn(*c, ctx, {0, u.name, u.kind, u.region_code, false, 1});
      if (id) new_units[u.name] = *id;
      count(id ? Status(Ok{}) : Status(id.error()), report.created, roster::kUnitSheet, roster::UnitColumns(),
            u.row);
      continue;
    }
    const auto& current = unit_by_id.at(u.id);
    const json body =
        Patch(current, parsed.unit_fields,
              {{"kind", {current.kind, u.kind}}, {"region_code", {current.region_code, u.region_code}}});
    if (body.size() == 1) ++report.unchanged;
    else
      count(org_.UpdateUnitIn(*c, ctx, u.id, body), report.updated, roster::kUnitSheet, roster::UnitColumns(),
            u.row);
  }
  for (const auto& p : parsed.people) {
    std::optional<int64_t> unit_id = p.unit_id;
    if (!p.unit_name.empty() && !unit_id) {
      auto it = new_units.find(p.unit_name);
      if (it == new_units.end()) continue;  // its unit's row has a problem already
      unit_id = it->second;
    }
    if (!p.id) {
      store::Person n;
      n.name = p.name;
      n.title = p.title;
      n.kind = p.kind;
      n.tier = p.tier;
      n.phone = p.phone;
      n.region_code = p.region_code;
      n.unit_id = unit_id;
      auto id = org_.AddPersonIn(*c, ctx, std::move(n));
      count(id ? Status(Ok{}) : Status(id.error()), report.created, roster::kPersonSheet,
            roster::PersonColumns(), p.row);
      continue;
    }
    const auto& current = person_by_id.at(p.id);
    const json body = Patch(current, parsed.person_fields,
                            {{"title", {current.title, p.title}},
                             {"kind", {current.kind, p.kind}},
                             {"tier", {current.tier, p.tier}},
                             {"phone", {current.phone, p.phone}},
                             {"region_code", {current.region_code, p.region_code}}});
    if (body.size() == 1) ++report.unchanged;
    else
      count(org_.UpdatePersonIn(*c, ctx, p.id, body), report.updated, roster::kPersonSheet,
            roster::PersonColumns(), p.row);
  }
  if (!report.problems.empty() && !dry_run)
    return report.problems.ToError("花名册有 " + std::to_string(report.problems.size()) +
                                   " 个问题，未导入任何内容 (the roster has problems; nothing was written)");
  if (!dry_run) tx.Commit();
  return report;  // a dry run's writes roll back with the transaction
}

}  // namespace gj::service

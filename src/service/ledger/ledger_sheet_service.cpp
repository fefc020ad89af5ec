#include "service/ledger/ledger_sheet_service.h"

#include "domain/ledger/ledger_sheet.h"
#include "io/ledger_export.h"
#include "io/xlsx_reader.h"
#include "store/journal.h"
#include "store/org_store.h"

namespace gj::service {

namespace {

ledger::OrgIndex BuildOrgIndex(store::Connection& c, const access::RegionTree& tree) {
  ledger::OrgIndex org;
  std::vector<std::string> counties;
  for (const auto& r : tree.all()) {
    if (r.level == "county") {
      org.county_by_name[r.name] = r.code;
      counties.push_back(r.code);
    } else if ((r.level == "town" || r.level == "zone") && !r.parent_code.empty()) {
      org.town_by_name[{r.parent_code, r.name}] = r.code;
    }
  }
  std::vector<std::string> all;
  for (const auto& r : tree.all()) all.push_back(r.code);
  for (const auto& u : store::ListUnits(c, all)) org.unit_by_name[{tree.CountyOf(u.region_code), u.name}] = u.id;
  for (const auto& p : store::ListPeople(c, all, "leader")) org.leader_by_name[{tree.CountyOf(p.region_code), p.name}] = p.id;
  return org;
}

// Field-level problems of a row, reported under the sheet's column labels.
void AddRowProblems(const Problems& found, int row, Problems& out) {
  for (const auto& d : found.details()) {
    const char* label = ledger::SheetLabelOf(d.field);
    out.Add({label ? label : d.field, d.value, d.reason, row, d.allowed});
  }
}

}  // namespace

nlohmann::json ImportReport::ToJson() const {
  nlohmann::json problems_json = nlohmann::json::array();
  for (const auto& d : problems.details()) {
    nlohmann::json j = {{"row", d.row}, {"column", d.field}, {"value", d.value}, {"reason", d.reason}};
    if (!d.allowed.empty()) j["allowed"] = d.allowed;
    problems_json.push_back(j);
  }
  return {{"dry_run", dry_run}, {"rows", rows}, {"created", created}, {"updated", updated},
          {"unchanged", unchanged}, {"problems", problems_json}};
}

access::Caller SystemCaller(const access::RegionTree& tree) {
  access::Caller c;
  c.login = "system";
  c.name = "命令行";
  for (const auto& r : tree.all()) {
    if (r.parent_code.empty()) c.grants.push_back({"admin", r.code, std::nullopt});
  }
  return c;
}

Result<ImportReport> LedgerSheetService::Import(const Ctx& ctx, std::string_view bytes, bool dry_run) {
  if (!access::AllowedAnywhere(ctx.caller, access::kProjectImport)) return Error::Forbidden("you may not import projects");
  auto cells = io::ReadXlsxRows(bytes);
  if (!cells) return cells.error();
  auto tree = ledger_.Regions();
  auto c = db_.Acquire();
  const auto dicts = store::LoadDictionaries(*c);
  const auto org = BuildOrgIndex(*c, *tree);
  const auto parsed = ledger::ParseLedgerSheet(cells.value(), dicts, org, ctx.today, ctx.today.year);
  std::vector<std::vector<std::string>>().swap(cells.value());  // the cells are parsed: free them

  ImportReport report;
  report.dry_run = dry_run;
  report.rows = static_cast<int>(parsed.rows.size());
  report.problems = parsed.problems;
  std::set<int> bad_rows;
  for (const auto& d : parsed.problems.details()) bad_rows.insert(d.row);

  store::BulkScope bulk(*c);
  store::Transaction tx(*c);
  // One query for every existing code instead of one per row.
  const auto existing_ids = store::ProjectIdsByCode(*c);
  const std::optional<int64_t> user = ctx.caller.user_id ? std::optional<int64_t>(ctx.caller.user_id) : std::nullopt;
  for (const auto& row : parsed.rows) {
    if (bad_rows.count(row.row)) continue;
    std::optional<ledger::Project> existing;
    if (existing_ids.count(row.project.code)) existing = store::LoadProjectByCode(*c, row.project.code);
    ledger::Project p;
    if (existing) {
      if (!access::Allowed(ctx.caller, access::kProjectWrite, {existing->county_code, existing->town_code.value_or(""), existing->unit_id}, *tree)) {
        report.problems.Add({"项目编号", row.project.code, "this project exists and you may not change it", row.row, {}});
        continue;
      }
      p = *existing;
      nlohmann::json patch = nlohmann::json::object();
      const nlohmann::json sheet = ledger::ToJson(row.project);
      for (const auto& f : parsed.fields) patch[f] = sheet[f];
      (void)ledger::ApplyPatch(p, patch);  // typed values from ToJson: cannot fail
    } else {
      p = row.project;
      p.created_at = ctx.now;
    }
    Problems pr = ledger::ValidateProject(p, dicts, ctx.today);
    ledger_.CheckReferences(*c, ctx, p, pr, /*check_people_and_units=*/false);  // resolved from the org index
    if (!pr.empty()) {
      AddRowProblems(pr, row.row, report.problems);
      continue;
    }
    if (existing) {
      const auto changes = ledger::Diff(ledger::ToJson(*existing), ledger::ToJson(p));
      if (changes.empty()) {
        ++report.unchanged;
        continue;
      }
      ++report.updated;
      if (dry_run) continue;
      p.version = existing->version + 1;
      p.updated_at = ctx.now;
      store::UpdateProject(*c, p, existing->version);
      store::WriteJournal(*c, "project", p.id, "import", user, ctx.now, ledger::ChangesToJson(changes));
    } else {
      ++report.created;
      if (dry_run) continue;
      p.version = 1;
      p.updated_at = ctx.now;
      p.id = store::InsertProject(*c, p);
      store::WriteJournalText(*c, "project", p.id, "import", user, ctx.now, ledger::CreationChangesText(p));
    }
  }
  if (!report.problems.empty() && !dry_run) {
    Error e = report.problems.ToError("the import has " + std::to_string(report.problems.size()) +
                                      " problem(s); nothing was written");
    return e;  // the transaction rolls back
  }
  if (!dry_run) {
    tx.Commit();
    store::Analyze(*c);
  }
  return report;
}

Result<std::string> LedgerSheetService::Export(const Ctx& ctx, store::ProjectFilter f, const std::string& format) {
  if (format != "xlsx" && format != "csv") {
    return Error::Invalid("unknown export format", {{"format", format, "must be xlsx or csv"}});
  }
  const auto dicts = ledger_.Dictionaries();
  Status status = Ok{};
  const io::RowProducer rows = [&](const io::RowSink& sink) { status = ledger_.ForEachInRegion(ctx, f, "", sink); };
  std::string bytes = format == "xlsx" ? io::LedgerXlsx(rows, dicts) : io::LedgerCsv(rows, dicts);
  if (!status) return status.error();
  return bytes;
}

}  // namespace gj::service

#include "service/ledger/ledger_sheet_service.h"

#include <future>
#include <thread>

#include "domain/ledger/ledger_sheet.h"
#include "io/ledger_export.h"
#include "io/xlsx_reader.h"
#include "service/ledger/plausibility_settings.h"
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
  const auto all = access::ReadScope::All();
  for (const auto& u : store::ListUnits(c, all))
    org.unit_by_name[{tree.CountyOf(u.region_code), u.name}] = u.id;
  for (const auto& p : store::ListPeople(c, all, "leader"))
    org.leader_by_name[{tree.CountyOf(p.region_code), p.name}] = p.id;
  return org;
}

// Field-level problems of a row, reported under the sheet's column labels.
void AddRowProblems(const Problems& found, int row, Problems& out) {
  for (const auto& d : found.details()) {
    const char* label = ledger::SheetLabelOf(d.field);
    out.Add({label ? label : d.field, d.value, d.reason, row, d.allowed});
  }
}

// A row that creates a project, made ready off the database thread: the project, its problems,
// and (for a real import) its journal text.
struct NewRow {
  ledger::Project project;
  Problems problems;
  std::string creation_text;
};

// Prepares the rows that create projects on a worker thread, chunk by chunk in sheet order, while
// the caller's thread writes the previous chunks: validation and journal texts cost about a
// third of an import and need no database. Take() hands them out in the same order.
class NewRowPipeline {
 public:
  static constexpr size_t kChunk = 2048;
  NewRowPipeline(std::vector<const ledger::ParsedRow*> rows,
                 std::function<NewRow(const ledger::ParsedRow&)> prepare)
      : rows_(std::move(rows)), prepare_(std::move(prepare)), chunks_((rows_.size() + kChunk - 1) / kChunk) {
    for (auto& c : chunks_) futures_.push_back(c.get_future());
    worker_ = std::jthread([this] { Run(); });
  }
  // The next new row, in the order given.
  NewRow& Take() {
    if (taken_ % kChunk == 0) current_ = futures_[taken_ / kChunk].get();
    return current_[taken_++ % kChunk];
  }

 private:
  void Run() {
    for (size_t k = 0; k < chunks_.size(); ++k) {
      try {
        std::vector<NewRow> out;
        for (size_t i = k * kChunk; i < std::min(rows_.size(), (k + 1) * kChunk); ++i)
          out.push_back(prepare_(*rows_[i]));
        chunks_[k].set_value(std::move(out));
      } catch (...) {
        chunks_[k].set_exception(std::current_exception());
      }
    }
  }

  std::vector<const ledger::ParsedRow*> rows_;
  std::function<NewRow(const ledger::ParsedRow&)> prepare_;
  std::vector<std::promise<std::vector<NewRow>>> chunks_;
  std::vector<std::future<std::vector<NewRow>>> futures_;
  std::vector<NewRow> current_;
  size_t taken_ = 0;
  std::jthread worker_;  // declared last: joined before the chunks it fills are destroyed
};

}  // namespace

access::Caller SystemCaller(const access::RegionTree& tree) {
  access::Caller c;
  c.login = "system";
  c.name = "命令行";
  for (const auto& r : tree.all()) {
    if (r.parent_code.empty()) c.grants.push_back({"admin", r.code, std::nullopt});
  }
  return c;
}

Result<ImportReport> LedgerSheetService::Import(const Ctx& ctx, std::string_view bytes, bool dry_run,
                                                std::optional<int> year) {
  if (!access::AllowedAnywhere(ctx.caller, access::kProjectImport))
    return Error::Forbidden("you may not import projects");
  auto cells = io::ReadXlsxRows(bytes);
  if (!cells) return cells.error();
  auto tree = ledger_.Regions();
  auto c = db_.Acquire();
  const auto dicts = store::LoadDictionaries(*c);
  const auto org = BuildOrgIndex(*c, *tree);
  const int list_year =
      year.value_or(ledger_.CurrentListYear(*c, ctx.today, ctx.Reads(access::kProjectRead, *tree)));
  const auto parsed = ledger::ParseLedgerSheet(cells.value(), dicts, org, ctx.today, list_year);
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
  const std::optional<int64_t> user =
      ctx.caller.user_id ? std::optional<int64_t>(ctx.caller.user_id) : std::nullopt;
  std::vector<const ledger::ParsedRow*> new_rows;
  for (const auto& row : parsed.rows) {
    if (!bad_rows.count(row.row) && !existing_ids.count(row.project.code)) new_rows.push_back(&row);
  }
  const ledger::PlausibilityPolicy plausibility = LoadPlausibility(*c);
  NewRowPipeline pipeline(std::move(new_rows), [&](const ledger::ParsedRow& row) {
    NewRow n{row.project, {}, {}};
    n.project.created_at = n.project.updated_at = ctx.now;
    n.project.version = 1;
    n.problems = ledger::ValidateProject(n.project, dicts, ctx.today);
    ledger::AddBreaches(n.problems, ledger::ProjectBreaches(n.project, plausibility));
    ledger_.CheckReferences(*c, ctx, n.project, n.problems,
                            /*check_people_and_units=*/false);  // pure: resolved from the org index
    if (n.problems.empty() && !dry_run) n.creation_text = ledger::CreationChangesText(n.project);
    return n;
  });
  for (const auto& row : parsed.rows) {
    if (bad_rows.count(row.row)) continue;
    if (!existing_ids.count(row.project.code)) {
      NewRow& n = pipeline.Take();
      if (!n.problems.empty()) {
        AddRowProblems(n.problems, row.row, report.problems);
        continue;
      }
      ++report.created;
      if (dry_run) continue;
      n.project.id = store::InsertProject(*c, n.project, /*bump_version=*/false);
      store::WriteJournalText(*c, "project", n.project.id, "import", user, ctx.now, n.creation_text);
      continue;
    }
    // The rows write list_year's figures; a project not on that list yet joins it (continuing).
    auto existing = store::LoadProjectByCode(*c, row.project.code, list_year);
    const bool joins = !existing;
    if (joins) existing = store::LoadProjectByCode(*c, row.project.code);
    if (!access::Allowed(ctx.caller, access::kProjectWrite,
                         {existing->county_code, existing->town_code.value_or(""), existing->unit_id},
                         *tree)) {
      report.problems.Add(
          {"项目编号", row.project.code, "this project exists and you may not change it", row.row, {}});
      continue;
    }
    ledger::Project p = *existing;
    if (joins) {
      p.year = list_year;
      p.kind = "continuing";
      p.annual_plan = p.annual_completed = std::nullopt;
    }
    nlohmann::json patch = nlohmann::json::object();
    const nlohmann::json sheet = ledger::ToJson(row.project);
    for (const auto& f : parsed.fields) {
      if (f != "year") patch[f] = sheet[f];
    }
    (void)ledger::ApplyPatch(p, patch);  // typed values from ToJson: cannot fail
    Problems pr = ledger::ValidateProject(p, dicts, ctx.today);
    ledger::AddBreaches(pr, ledger::ProjectBreaches(p, plausibility, &*existing));
    ledger_.CheckReferences(*c, ctx, p, pr, /*check_people_and_units=*/false);
    if (!pr.empty()) {
      AddRowProblems(pr, row.row, report.problems);
      continue;
    }
    const auto changes = ledger::Diff(ledger::ToJson(*existing), ledger::ToJson(p));
    if (changes.empty()) {
      ++report.unchanged;
      continue;
    }
    ++report.updated;
    if (dry_run) continue;
    p.version = existing->version + 1;
    p.updated_at = ctx.now;
    (void)store::UpdateProject(*c, p, existing->version);  // read in this transaction: never stale
    store::WriteJournal(*c, "project", p.id, "import", user, ctx.now, ledger::ChangesToJson(changes));
  }
  if (!report.problems.empty() && !dry_run) {
    Error e = report.problems.ToError("the import has " + std::to_string(report.problems.size()) +
                                      " problem(s); nothing was written");
    return e;  // the transaction rolls back
  }
  if (!dry_run) {
    store::BumpProjectsVersion(*c);
    tx.Commit();
    store::Analyze(*c);
  }
  return report;
}

Result<std::string> LedgerSheetService::Export(const Ctx& ctx, store::ProjectFilter f,
                                               const std::string& format) {
  if (format != "xlsx" && format != "csv") {
    return Error::Invalid("unknown export format", {{"format", format, "must be xlsx or csv"}});
  }
  const auto dicts = ledger_.Dictionaries();
  Status status = Ok{};
  const io::RowProducer rows = [&](const io::RowSink& sink) {
    status = ledger_.ForEachInRegion(ctx, f, "", sink);
  };
  std::string bytes = format == "xlsx" ? io::LedgerXlsx(rows, dicts) : io::LedgerCsv(rows, dicts);
  if (!status) return status.error();
  return bytes;
}

}  // namespace gj::service

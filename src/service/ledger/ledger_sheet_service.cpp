#include "service/ledger/ledger_sheet_service.h"

#include "io/formula_guard.h"

#include <future>
#include <map>
#include <thread>

#include "domain/ledger/ledger_sheet.h"
#include "io/formula_guard.h"
#include "io/ledger_export.h"
#include "io/list_exports.h"
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
    // The admin's 系统管理 and the project office's business (the admin role alone does no business).
    if (r.parent_code.empty()) {
      c.grants.push_back({"admin", r.code, std::nullopt});
      c.grants.push_back({"coordinator", r.code, std::nullopt});
    }
  }
  return c;
}

Result<ImportReport> LedgerSheetService::Import(const Ctx& ctx, std::string_view bytes, bool dry_run,
                                                std::optional<int> year) {
  if (!access::AllowedAnywhere(ctx.caller, access::kProjectImport))
    return Error::Forbidden("you may not import projects");
  auto cells = io::ReadXlsxRows(bytes);
  if (!cells) return cells.error();
  // A ledger this product exported comes back as it went out: its guarded text loses the guard.
  for (auto& row : cells.value())
    for (auto& cell : row)
      if (!cell.empty() && cell.front() == '\'') cell = io::UnguardFormula(cell);  // no copy of the rest
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
  // One query for every existing code instead of one per row. Every county's: codes are unique
  // across the city, so a code of a project outside the caller's scope is refused, never inserted
  // twice (only that it exists reaches the caller).
  const auto existing_ids = store::ProjectIdsByCode(*c, access::ReadScope::All());
  const auto& reads = ctx.Reads(access::kProjectRead, *tree);
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
                            /*check_people_and_units=*/false,  // pure: resolved from the org index
                            access::kProjectImport);           // a new project: the import's own right
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
    auto existing = store::LoadProjectByCode(*c, reads, row.project.code, list_year);
    const bool joins = !existing;
    if (joins) existing = store::LoadProjectByCode(*c, reads, row.project.code);
    if (!existing ||
        !access::Allowed(ctx.caller, access::kProjectWrite,
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

Result<NamedFile> LedgerSheetService::Export(const Ctx& ctx, store::ProjectFilter f,
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
  const int year = f.year ? *f.year : ledger_.CurrentListYear(ctx.today, ledger_.ReadableScope(ctx, ""));
  return NamedFile{std::move(bytes), "重点项目台账-" + std::to_string(year) + "." + format};
}

namespace {

// What a column of the ledger sheet takes, for the template's 说明: the dictionary it is read
// against (its values are listed), else a description and a unit.
struct ColumnNote {
  const char* dictionary;
  const char* what;
  const char* unit;
};

ColumnNote NoteOf(const std::string& field) {
  static const std::map<std::string, ColumnNote> notes = {
      {"code", {nullptr, "项目的唯一编号；已有编号的行更新该项目，新编号新增项目", ""}},
      {"name", {nullptr, "项目全称", ""}},
      {"county_code", {nullptr, "县（区）名称，须为系统中已有的县区", ""}},
      {"town_code", {nullptr, "本县（区）的镇街、园区名称", ""}},
      {"category", {"category", "", ""}},
      {"level", {"level", "", ""}},
      {"kind", {"kind", "", ""}},
      {"track", {"track", "", ""}},
      {"stage", {"stage", "", ""}},
      {"total_investment", {nullptr, "数字，最多两位小数", "万元"}},
      {"annual_plan", {nullptr, "导入年度的计划投资，数字", "万元"}},
      {"annual_completed", {nullptr, "导入年度已完成投资，数字，不超过年度计划的规定倍数", "万元"}},
      {"land_mu", {nullptr, "数字", "亩"}},
      {"builder", {nullptr, "建设单位（企业）名称", ""}},
      {"leader_id", {nullptr, "本县（区）包保领导的姓名（系统中已有的人员）", ""}},
      {"unit_id", {nullptr, "本县（区）责任单位的名称（系统中已有的单位）", ""}},
      {"specialist", {nullptr, "项目专员姓名", ""}},
      {"chain", {nullptr, "所属产业链", ""}},
      {"planned_start", {nullptr, "日期，如 2026-03-15 或 2026/3/15", "日期"}},
      {"actual_start", {nullptr, "日期；已开工项目必填", "日期"}},
      {"planned_completion", {nullptr, "日期", "日期"}},
      {"actual_completion", {nullptr, "日期；已竣工项目必填", "日期"}},
      {"content", {nullptr, "建设规模及主要内容", ""}},
      {"builder_code",
       {nullptr, "建设单位的 18 位统一社会信用代码（GB 32100-2015，大写字母），不知道可不填", ""}},
  };
  auto it = notes.find(field);
  return it == notes.end() ? ColumnNote{nullptr, "", ""} : it->second;
}

std::vector<std::string> ActiveLabels(const ledger::Dictionaries& dicts, const char* kind) {
  std::vector<std::string> out;
  auto it = dicts.find(kind);
  if (it == dicts.end()) return out;
  for (const auto& e : it->second)
    if (e.active) out.push_back(e.label_zh);
  return out;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "、") + s;
  return out;
}

}  // namespace

Result<std::string> LedgerSheetService::Template(const Ctx& ctx) {
  if (!access::AllowedAnywhere(ctx.caller, access::kProjectImport))
    return Error::Forbidden("you may not import projects");
  const auto tree = ledger_.Regions();
  const auto dicts = ledger_.Dictionaries();
  // The sample's county: the first the caller reads (any county for a province-wide reader).
  const auto& scope = ctx.Reads(access::kProjectRead, *tree);
  std::string county_code = scope.counties().empty() ? "" : scope.counties().front();
  std::vector<std::string> county_names;
  for (const auto& r : tree->all()) {
    if (r.level != "county" || !(scope.all() || scope.ContainsRegion(r.code))) continue;
    county_names.push_back(r.name);
    if (county_code.empty()) county_code = r.code;
  }
  std::string county_name, town_name;
  for (const auto& r : tree->all()) {
    if (r.code == county_code) county_name = r.name;
    if (town_name.empty() && r.parent_code == county_code && (r.level == "town" || r.level == "zone"))
      town_name = r.name;
  }
  auto first = [&](const char* kind) {
    const auto labels = ActiveLabels(dicts, kind);
    return labels.empty() ? std::string() : labels.front();
  };
  const std::map<std::string, io::ListCell> sample = {
      {"code", io::ListCell::Text("XM-" + std::to_string(ctx.today.year) + "-001")},
      {"name", io::ListCell::Text("示例：年产10万吨新材料项目")},
      {"county_code", io::ListCell::Text(county_name)},
      {"town_code", io::ListCell::Text(town_name)},
      {"category", io::ListCell::Text(first("category"))},
      {"level", io::ListCell::Text(first("level"))},
      {"kind", io::ListCell::Text(first("kind"))},
      {"track", io::ListCell::Text(first("track"))},
      {"stage", io::ListCell::Text(first("stage"))},
      {"total_investment", io::ListCell::Money(int64_t{50000} * 10000)},
      {"annual_plan", io::ListCell::Money(int64_t{12000} * 10000)},
      {"land_mu", io::ListCell::Number(120.0)},
      {"builder", io::ListCell::Text("示例新材料有限公司")},
      {"content", io::ListCell::Text("新建生产车间及配套设施")},
  };
  io::ListSheet rows{"重点项目", {}, {{}}, false};
  io::ListSheet notes{
      "说明", {{"列名", 22}, {"是否必填", 10}, {"填写说明", 44}, {"可选值", 50}, {"单位", 8}}, {}, false};
  for (const auto& col : ledger::LedgerColumns()) {
    const std::string label = col.label;
    rows.columns.push_back({label, label == "项目名称" || label == "建设内容" ? 36.0 : 16.0});
    auto it = sample.find(col.field);
    rows.rows[0].push_back(it == sample.end() ? io::ListCell{} : it->second);
    const ColumnNote note = NoteOf(col.field);
    std::string allowed;
    if (note.dictionary) allowed = Joined(ActiveLabels(dicts, note.dictionary));
    else if (std::string(col.field) == "county_code") allowed = Joined(county_names);
    std::string what = note.dictionary ? std::string("填写可选值之一（字典“") + label + "”）" : note.what;
    notes.rows.push_back({io::ListCell::Text(label), io::ListCell::Text(col.required ? "必填" : "选填"),
                          io::ListCell::Text(what), io::ListCell::Text(allowed),
                          io::ListCell::Text(note.unit)});
  }
  for (const char* line :
       {"第 2 行是示例，导入前请删除或改为真实项目。表头请勿改动；列的顺序可以调整，多余的列不导入。",
        "金额单位为万元；日期填 2026-03-15、2026/3/15 或 Excel 日期。",
        "先“试导入”查看问题清单（行号、列、值、原因、可选值）；有任何问题则整表不导入。"}) {
    notes.rows.push_back({io::ListCell::Text(line)});
  }
  return io::ListXlsx({rows, notes});
}

}  // namespace gj::service

#include "service/supervision/progress_service.h"

#include <algorithm>
#include <map>

#include <sodium.h>

#include "common/base64.h"
#include "common/json_field.h"
#include "common/json_limits.h"
#include "common/money.h"
#include "domain/access/mine.h"
#include "service/ledger/plausibility_settings.h"
#include "service/supervision/supervision_support.h"
#include "store/journal.h"
#include "store/table.h"

namespace gj::service {

namespace {

// The content fields a report accepts, and their types; problems join the rules' problems so that
// every problem is reported at once.
void ApplyContent(supervision::ReportContent& c, const nlohmann::json& b, Problems& pr) {
  auto money = [&](const std::string& key, int64_t& out) {
    if (!b.contains(key)) return;
    if (auto yuan = AmountFromJson(b[key], key, pr)) out = *yuan;
  };
  money("investment_period", c.investment_period);
  money("investment_year", c.investment_year);
  if (b.contains("by_source")) {
    if (!b["by_source"].is_object()) {
      pr.Add("by_source", BoundedDump(b["by_source"]), "must be an object of source → yuan");
    } else {
      for (const auto& [key, value] : b["by_source"].items()) {
        auto it = std::find(supervision::kFundingSources.begin(), supervision::kFundingSources.end(), key);
        if (it == supervision::kFundingSources.end()) {
          pr.Add({"by_source." + key, BoundedDump(value), "unknown source", 0, supervision::kFundingSources});
          continue;
        }
        if (auto yuan = AmountFromJson(value, "by_source." + key, pr))
          c.by_source[static_cast<size_t>(it - supervision::kFundingSources.begin())] = *yuan;
      }
    }
  }
  auto text = [&](const std::string& key, std::string& out) {
    if (!b.contains(key)) return;
    if (!b[key].is_string()) pr.Add(key, BoundedDump(b[key]), "must be text");
    else out = b[key].get<std::string>();
  };
  text("visual_progress", c.visual_progress);
  text("problems_raised", c.problems_raised);
  if (b.contains("workers")) {
    if (!b["workers"].is_number_integer()) pr.Add("workers", BoundedDump(b["workers"]), "must be an integer");
    else c.workers = b["workers"].get<int>();
  }
  static const std::vector<std::string> known = {"version",         "submit",    "investment_period",
                                                 "investment_year", "by_source", "visual_progress",
                                                 "problems_raised", "workers"};
  for (const auto& [key, _] : b.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end())
      pr.Add({key, "", "unknown field", 0, known});
  }
}

// Magic numbers of the accepted photo types.
std::string PhotoType(const std::string& bytes) {
  if (bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xD8 && static_cast<unsigned char>(bytes[2]) == 0xFF) {
    return "image/jpeg";
  }
  if (bytes.size() > 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return "image/png";
  if (bytes.size() > 12 && bytes.compare(0, 4, "RIFF") == 0 && bytes.compare(8, 4, "WEBP") == 0)
    return "image/webp";
  return "";
}

// The report as it is now, when it is still at `version` (when given) and `action` is allowed on it.
Result<store::ReportRecord> ReportForStep(store::Connection& c, const Ctx& ctx,
                                          const access::ReadScope& scope, int64_t id,
                                          std::optional<int64_t> version, supervision::ReportAction action) {
  auto cur = store::LoadReport(c, scope, id);
  if (!cur) return Error::NotFound("no report " + std::to_string(id));
  if (version && cur->version != *version) {
    return store::StaleVersion("report", cur->version);
  }
  if (auto st = supervision::CheckTransition({cur->status, cur->due, cur->reopened, cur->submitted_by},
                                             action, ctx.caller.user_id, ctx.today);
      !st) {
    return st.error();
  }
  return std::move(*cur);
}

// Stores the next state of a report read at `version`, with its journal entry, and tells the
// lights (they count reports) that supervision data changed.
Status StoreReport(store::Connection& c, const Ctx& ctx, store::ReportRecord& r, int64_t version,
                   const char* action, const nlohmann::json& changes) {
  r.version = version + 1;
  r.updated_at = ctx.now;
  if (auto st = store::UpdateReport(c, r, version); !st) return st.error();
  store::WriteJournal(c, "progress_report", r.id, action, ctx.caller.user_id, ctx.now, changes);
  store::BumpSupervisionVersion(c);
  return Ok{};
}

// The report's figures and what plausibility measures them against: the project's plan of the
// report's year (`p` is read for that year), the previous filed report, 序时进度 at the period's end.
ledger::ReportFigures FiguresOf(store::Connection& c, const store::ReportRecord& r,
                                const ledger::Project& p) {
  ledger::ReportFigures f;
  f.investment_period = r.content.investment_period;
  f.investment_year = r.content.investment_year;
  for (size_t i = 0; i < r.content.by_source.size() && i < supervision::kFundingSources.size(); ++i)
    f.sources.emplace_back(supervision::kFundingSources[i], r.content.by_source[i]);
  f.annual_plan = p.annual_plan;
  f.previous_year_total = store::PreviousYearTotal(c, r.project_id, r.period, r.period_end);
  // `p` is the report's project, read through the caller's scope.
  const auto monthly = store::LoadMonthlyPlan(c, access::ReadScope::All(), r.project_id, p.year);
  f.schedule_share =
      supervision::ScheduleShare(p, monthly ? monthly->months : std::vector<int64_t>{}, r.period_end);
  return f;
}

// The hex SHA-256 of a photo's bytes: what plausible.photo_reused compares.
std::string Sha256Hex(std::string_view bytes) {
  static const int ok = sodium_init();
  (void)ok;  // hashing needs no initialisation; this only picks the fastest code
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  std::string out(sizeof h * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), h, sizeof h);
  out.pop_back();
  return out;
}

// Photos uploaded before their hash was kept (migration 0022) are hashed a few at a time, at
// each upload: until then their hash is unknown and they compare with nothing.
constexpr int64_t kBackfillPerUpload = 20;
void HashOlderPhotos(store::Connection& c) {
  for (const auto& p : store::UnhashedPhotos(c, kBackfillPerUpload)) {
    auto bytes = Base64Decode(p.data_base64);
    store::SetPhotoHash(c, p.id, Sha256Hex(bytes ? *bytes : p.data_base64));
  }
}

// plausible.photo_reused on report `r`: its photos' hashes against every other report's, each
// other project named only when the caller may read it.
std::vector<ledger::Breach> PhotoReuseWarnings(const Ctx& ctx, store::Connection& c, LedgerService& ledger,
                                               const store::ReportRecord& r) {
  const auto mine = store::PhotoHashesOf(c, r.id);
  if (mine.empty()) return {};
  std::vector<std::string> hashes;
  for (const auto& p : mine) hashes.push_back(p.sha256);
  auto filed = store::PhotosWithHashes(c, hashes, r.id);
  std::map<int64_t, std::optional<std::string>> names;  // project → its name, when readable
  for (auto& f : filed) {
    auto it = names.find(f.project_id);
    if (it == names.end()) {
      auto row = ledger.Get(c, ctx, f.project_id);
      it = names.emplace(f.project_id, row ? std::optional(row->project.name) : std::nullopt).first;
    }
    f.readable = it->second.has_value();
    if (f.readable) f.project_name = *it->second;
  }
  return ledger::PhotoWarnings(r.id, r.project_id, r.period_end, mine, filed);
}

}  // namespace

// ---- reports -------------------------------------------------------------------------------

Result<std::pair<store::ReportRecord, store::ProjectRow>> ProgressService::ReportFor(const Ctx& ctx,
                                                                                     int64_t id) {
  store::ReportRecord r;
  {
    auto c = db_.Acquire();
    auto rec = store::LoadReport(*c, Reads(*c, ctx), id);
    if (!rec) return Error::NotFound("no report " + std::to_string(id));
    r = *rec;
  }
  auto row = ReadableProject(ctx, r.project_id, r.period_end.year);  // the header's annual plan: its year's
  if (!row) return Error::NotFound("no report " + std::to_string(id));
  return std::make_pair(std::move(r), std::move(row.value()));
}

ReportView ProgressService::ViewOf(const Ctx& ctx, store::Connection& c, const store::ReportRecord& r,
                                   const store::ProjectRow& row) {
  const access::Target target = TargetOf(row.project);
  ReportView v{.report = r,
               .project = {.code = row.project.code,
                           .name = row.project.name,
                           .unit_name = row.unit_name,
                           .town_name = row.town_name,
                           .annual_plan = row.project.annual_plan},
               .can_report = access::Allowed(ctx.caller, access::kReportWrite, target, *ledger_.Regions()),
               .mine = access::Mine(ctx.caller, target, row.project.leader_id)};
  for (const auto& p : store::PhotosOf(c, Reads(c, ctx), r.id, false))
    v.photos.push_back({p.id, p.filename, p.content_type, p.size_bytes});
  if (r.status != "pending" && r.content.investment_year > 0)
    v.warnings = ledger::ReportWarnings(FiguresOf(c, r, row.project), LoadPlausibility(c));
  // Photos warn whatever the status: the filer sees it on uploading, before saving.
  for (auto& w : PhotoReuseWarnings(ctx, c, ledger_, r)) v.warnings.push_back(std::move(w));
  return v;
}

Result<GeneratedTasks> ProgressService::GenerateTasks(const Ctx& ctx, const nlohmann::json& body) {
  auto office = OfficePeriodOf(ctx, body, "generates report tasks");
  if (!office) return office.error();
  const std::string& region = office->region;
  const supervision::Period& period = office->period;
  auto projects = ledger_.ListInRegion(ctx, {}, region);
  if (!projects) return projects.error();
  auto c = db_.Acquire();
  int created = 0;
  store::Transaction tx(*c);
  for (const auto& row : projects.value()) {
    if (store::InsertReportTask(*c, row.project.id, period, ctx.now)) ++created;
  }
  if (created) {
    store::WriteJournal(
        *c, "report_tasks", 0, "generate", ctx.caller.user_id, ctx.now,
        nlohmann::json::array({{{"field", "period"},
                                {"old", nullptr},
                                {"new", period.key + " " + region + " ×" + std::to_string(created)}}}));
    store::BumpSupervisionVersion(*c);
  }
  tx.Commit();
  return GeneratedTasks{period.key, period.due, created, projects->size(), {}, {}};
}

Result<RunningTasks> ProgressService::GenerateRunningTasks(const Ctx& ctx, const std::string& region) {
  auto tree = ledger_.Regions();
  if (!region.empty() && !tree->Find(region))
    return Error::Invalid("unknown region", {{"region", region, "unknown region code"}});
  RunningTasks out;
  for (const auto& r : tree->all()) {
    if (r.level != "county" || (!region.empty() && !tree->Within(r.code, region))) continue;
    if (!access::Allowed(ctx.caller, access::kSupervisionAdmin, {r.code, "", std::nullopt}, *tree)) continue;
    auto g = GenerateTasks(ctx, {{"region", r.code}});
    if (!g) return g.error();
    g->region = r.code;
    g->region_name = r.name;
    out.items.push_back(std::move(g.value()));
  }
  return out;
}

Result<CurrentPeriod> ProgressService::CurrentPeriodOf(const Ctx& ctx, const std::string& region) {
  if (!region.empty() && !ledger_.Regions()->Find(region))
    return Error::Invalid("unknown region", {{"region", region, "unknown region code"}});
  auto c = db_.Acquire();
  const auto policy = PolicyFor(*c, region);
  const auto period = supervision::PeriodOf(ctx.today, policy);
  return CurrentPeriod{region, period, supervision::Previous(period, policy).key,
                       supervision::Next(period, policy).key};
}

Result<ReportPeriodList> ProgressService::ListReports(const Ctx& ctx, const std::string& region,
                                                      const std::string& period_key,
                                                      const std::string& status, bool mine_only) {
  auto by_id = ReadableById(ctx, region);
  if (!by_id) return by_id.error();
  auto c = db_.Acquire();
  std::string key = period_key;
  if (key.empty()) key = supervision::PeriodOf(ctx.today, PolicyFor(*c, region)).key;
  ReportPeriodList out;
  out.period = key;
  for (const auto& r : store::ReportsOfPeriod(*c, ledger_.ReadableScope(ctx, region), key)) {
    auto it = by_id->find(r.project_id);
    if (it == by_id->end()) continue;
    const auto& project = it->second.project;
    if (mine_only && !access::Mine(ctx.caller, TargetOf(project), project.leader_id)) continue;
    ++out.counts[r.status];
    if (!status.empty() && r.status != status) continue;
    out.items.push_back(ViewOf(ctx, *c, r, it->second));
  }
  return out;
}

Result<ProjectReportList> ProgressService::ProjectReports(const Ctx& ctx, int64_t project_id) {
  auto row = ReadableProject(ctx, project_id);
  if (!row) return row.error();
  auto c = db_.Acquire();
  ProjectReportList out;
  for (const auto& r : store::ReportsOfProject(*c, Reads(*c, ctx), project_id))
    out.items.push_back(ViewOf(ctx, *c, r, row.value()));
  return out;
}

Result<ReportView> ProgressService::GetReport(const Ctx& ctx, int64_t id) {
  auto rp = ReportFor(ctx, id);
  if (!rp) return rp.error();
  auto c = db_.Acquire();
  return ViewOf(ctx, *c, rp->first, rp->second);
}

Result<ReportView> ProgressService::SaveReport(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto rp = ReportFor(ctx, id);
  if (!rp) return rp.error();
  if (auto st = Allowed(ctx, access::kReportWrite, rp->second.project, "file reports for this project"); !st)
    return st.error();
  const bool submit = body.value("submit", false);
  const supervision::ReportAction action =
      submit ? supervision::ReportAction::kSubmit : supervision::ReportAction::kSave;
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto cur = ReportForStep(*c, ctx, Reads(*c, ctx), id, *version, action);
  if (!cur) return cur.error();
  store::ReportRecord r = *cur;
  Problems pr;
  ApplyContent(r.content, body, pr);
  // The content's own rules, then plausibility (which holds the rule against the previous report).
  const Problems rules = supervision::ValidateContent(r.content);
  for (const auto& d : rules.details()) pr.Add(d);
  const auto breaches = ledger::ReportBreaches(FiguresOf(*c, r, rp->second.project), LoadPlausibility(*c));
  ledger::AddBreaches(pr, breaches);
  if (!pr.empty()) return ledger::PlausibilityError(pr, breaches, "the report is not valid");
  const nlohmann::json before = supervision::ToJson(cur->content);
  r.status = supervision::StatusAfter(action, r.status);
  if (submit) {
    r.submitted_by = ctx.caller.user_id;
    r.submitted_at = ctx.now;
    r.late = ctx.today > r.due;
  }
  auto changes = ledger::ChangesToJson(ledger::Diff(before, supervision::ToJson(r.content)));
  if (cur->status != r.status)
    changes.push_back({{"field", "status"}, {"old", cur->status}, {"new", r.status}});
  if (auto st = StoreReport(*c, ctx, r, *version, submit ? "submit" : "save", changes); !st)
    return st.error();
  tx.Commit();
  return ViewOf(ctx, *c, r, rp->second);
}

Result<ReportView> ProgressService::Review(const Ctx& ctx, int64_t id, const nlohmann::json& body,
                                           bool approve) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto rp = ReportFor(ctx, id);
  if (!rp) return rp.error();
  if (auto st = Allowed(ctx, access::kReportReview, rp->second.project, "review reports of this project");
      !st)
    return st.error();
  const std::string note = body.value("note", std::string());
  if (!approve && note.empty())
    return Error::Invalid("a returned report needs the reason", {{"note", "", "required when returning"}});
  const auto action = approve ? supervision::ReportAction::kApprove : supervision::ReportAction::kReturn;
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto cur = ReportForStep(*c, ctx, Reads(*c, ctx), id, *version, action);
  if (!cur) return cur.error();
  store::ReportRecord r = *cur;
  r.status = supervision::StatusAfter(action, r.status);
  r.reviewed_by = ctx.caller.user_id;
  r.reviewed_at = ctx.now;
  r.review_note = note;
  // A returned report may be filed again after its due date: returning reopens it.
  if (!approve) r.reopened = true;
  const auto changes =
      nlohmann::json::array({{{"field", "status"}, {"old", cur->status}, {"new", r.status}},
                             {{"field", "review_note"}, {"old", cur->review_note}, {"new", note}}});
  if (auto st = StoreReport(*c, ctx, r, *version, approve ? "approve" : "return", changes); !st)
    return st.error();
  tx.Commit();
  return ViewOf(ctx, *c, r, rp->second);
}

Result<ReportView> ProgressService::Reopen(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto rp = ReportFor(ctx, id);
  if (!rp) return rp.error();
  if (auto st = Allowed(ctx, access::kSupervisionAdmin, rp->second.project,
                        "reopen a closed period (the coordinator does)");
      !st)
    return st.error();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto cur = ReportForStep(*c, ctx, Reads(*c, ctx), id, *version, supervision::ReportAction::kReopen);
  if (!cur) return cur.error();
  store::ReportRecord r = *cur;
  r.reopened = true;
  const auto changes = nlohmann::json::array({{{"field", "reopened"}, {"old", false}, {"new", true}}});
  if (auto st = StoreReport(*c, ctx, r, *version, "reopen", changes); !st) return st.error();
  tx.Commit();
  return ViewOf(ctx, *c, r, rp->second);
}

Result<ReportPhoto> ProgressService::AddPhoto(const Ctx& ctx, int64_t report_id, const std::string& filename,
                                              const std::string& bytes) {
  auto rp = ReportFor(ctx, report_id);
  if (!rp) return rp.error();
  if (auto st = Allowed(ctx, access::kReportWrite, rp->second.project, "add photos to this report"); !st)
    return st.error();
  if (bytes.size() > kMaxPhotoBytes) {
    return Error{ErrorCode::kPayloadTooLarge,
                 "a photo may have at most " + std::to_string(kMaxPhotoBytes >> 20) + " MB",
                 {},
                 {}};
  }
  const std::string type = PhotoType(bytes);
  if (type.empty())
    return Error::Invalid("the file is not a photo", {{"file",
                                                       filename,
                                                       "must be a JPEG, PNG or WebP image",
                                                       0,
                                                       {"image/jpeg", "image/png", "image/webp"}}});
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  if (auto cur =
          ReportForStep(*c, ctx, Reads(*c, ctx), report_id, std::nullopt, supervision::ReportAction::kSave);
      !cur)
    return cur.error();
  const int64_t id = store::InsertPhoto(
      *c, {0, report_id, filename, type, static_cast<int64_t>(bytes.size()), Base64Encode(bytes), ctx.now},
      ctx.caller.user_id);
  store::SetPhotoHash(*c, id, Sha256Hex(bytes));
  HashOlderPhotos(*c);
  store::WriteJournal(*c, "progress_report", report_id, "photo", ctx.caller.user_id, ctx.now,
                      nlohmann::json::array({{{"field", "photos"}, {"old", nullptr}, {"new", filename}}}));
  tx.Commit();
  return ReportPhoto{id, filename, type, static_cast<int64_t>(bytes.size())};
}

Result<store::PhotoRecord> ProgressService::Photo(const Ctx& ctx, int64_t photo_id) {
  std::optional<store::PhotoRecord> p;
  {
    auto c = db_.Acquire();
    p = store::LoadPhoto(*c, Reads(*c, ctx), photo_id);
  }
  if (!p || !ReportFor(ctx, p->report_id)) return Error::NotFound("no photo " + std::to_string(photo_id));
  return *p;
}

Result<MissingReportList> ProgressService::MissingReports(const Ctx& ctx, const std::string& region,
                                                          const Date& as_of) {
  auto projects = ledger_.ListInRegion(ctx, {}, region);
  if (!projects) return projects.error();
  std::vector<const store::ProjectRow*> rows;
  for (const auto& row : projects.value()) rows.push_back(&row);
  return MissingReportsOf(rows, region, as_of);
}

MissingReportList ProgressService::MissingReportsOf(const std::vector<const store::ProjectRow*>& rows,
                                                    const std::string& region, const Date& as_of) {
  std::unordered_map<int64_t, const store::ProjectRow*> by_id;
  for (const auto* row : rows) by_id[row->project.id] = row;
  auto c = db_.Acquire();
  const auto policy = PolicyFor(*c, region);
  // The periods due in the last three months.
  const auto periods = supervision::PeriodsBetween(as_of.AddDays(-92), as_of, policy);
  std::map<int64_t, UnitMissingReports> units;
  for (const auto& period : periods) {
    // Every report of the period, joined with `rows` (projects the caller read in scope) below.
    for (const auto& r : store::ReportsOfPeriod(*c, access::ReadScope::All(), period.key)) {
      auto it = by_id.find(r.project_id);
      if (it == by_id.end()) continue;
      const bool filed = r.status == "submitted" || r.status == "approved";
      const bool missing = !filed && as_of > r.due;
      if (!missing && !r.late) continue;
      const auto& row = *it->second;
      auto& u = units[row.project.unit_id.value_or(0)];
      u.unit_name = row.unit_name.empty() ? "（未定责任单位）" : row.unit_name;
      (missing ? u.missing : u.late)++;
      u.items.push_back({r.id, r.project_id, row.project.code, row.project.name, r.period, r.due,
                         missing ? "missing" : "late", r.status});
    }
  }
  MissingReportList out{as_of, {}};
  for (auto& [id, u] : units) {
    if (id) u.unit_id = id;
    out.units.push_back(std::move(u));
  }
  std::sort(out.units.begin(), out.units.end(), [](const UnitMissingReports& a, const UnitMissingReports& b) {
    return a.missing + a.late > b.missing + b.late;
  });
  return out;
}

}  // namespace gj::service

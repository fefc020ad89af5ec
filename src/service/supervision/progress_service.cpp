#include "service/supervision/progress_service.h"

#include <algorithm>
#include <future>
#include <unordered_map>

#include "common/base64.h"
#include "domain/supervision/monthly_plan.h"
#include "domain/supervision/problem.h"
#include "domain/supervision/procedure.h"
#include "store/supervision_store.h"
#include "store/journal.h"

namespace gj::service {

namespace {

access::Target TargetOf(const ledger::Project& p) { return {p.county_code, p.town_code.value_or(""), p.unit_id}; }

nlohmann::json OptId(const std::optional<int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }
nlohmann::json OptText(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

// The content fields a report accepts, and their types; problems join the rules' problems so that
// every problem is reported at once.
void ApplyContent(supervision::ReportContent& c, const nlohmann::json& b, Problems& pr) {
  auto money = [&](const std::string& key, int64_t& out) {
    if (!b.contains(key)) return;
    if (!b[key].is_number_integer()) pr.Add(key, b[key].dump(), "must be an integer amount in yuan");
    else out = b[key].get<int64_t>();
  };
  money("investment_period", c.investment_period);
  money("investment_year", c.investment_year);
  if (b.contains("by_source")) {
    if (!b["by_source"].is_object()) {
      pr.Add("by_source", b["by_source"].dump(), "must be an object of source → yuan");
    } else {
      for (const auto& [key, value] : b["by_source"].items()) {
        auto it = std::find(supervision::kFundingSources.begin(), supervision::kFundingSources.end(), key);
        if (it == supervision::kFundingSources.end()) {
          pr.Add({"by_source." + key, value.dump(), "unknown source", 0, supervision::kFundingSources});
          continue;
        }
        if (!value.is_number_integer()) pr.Add("by_source." + key, value.dump(), "must be an integer amount in yuan");
        else c.by_source[static_cast<size_t>(it - supervision::kFundingSources.begin())] = value.get<int64_t>();
      }
    }
  }
  auto text = [&](const std::string& key, std::string& out) {
    if (!b.contains(key)) return;
    if (!b[key].is_string()) pr.Add(key, b[key].dump(), "must be text");
    else out = b[key].get<std::string>();
  };
  text("visual_progress", c.visual_progress);
  text("problems_raised", c.problems_raised);
  if (b.contains("workers")) {
    if (!b["workers"].is_number_integer()) pr.Add("workers", b["workers"].dump(), "must be an integer");
    else c.workers = b["workers"].get<int>();
  }
  static const std::vector<std::string> known = {"version", "submit", "investment_period", "investment_year", "by_source",
                                                 "visual_progress", "problems_raised", "workers"};
  for (const auto& [key, _] : b.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) pr.Add({key, "", "unknown field", 0, known});
  }
}

// Magic numbers of the accepted photo types.
std::string PhotoType(const std::string& bytes) {
  if (bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xD8 &&
      static_cast<unsigned char>(bytes[2]) == 0xFF) {
    return "image/jpeg";
  }
  if (bytes.size() > 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return "image/png";
  if (bytes.size() > 12 && bytes.compare(0, 4, "RIFF") == 0 && bytes.compare(8, 4, "WEBP") == 0) return "image/webp";
  return "";
}

nlohmann::json ContentJson(const supervision::ReportContent& c) {
  nlohmann::json src = nlohmann::json::object();
  for (size_t i = 0; i < supervision::kFundingSources.size(); ++i) src[supervision::kFundingSources[i]] = c.by_source[i];
  return {{"investment_period", c.investment_period}, {"investment_year", c.investment_year}, {"by_source", src},
          {"visual_progress", c.visual_progress},     {"problems_raised", c.problems_raised},   {"workers", c.workers}};
}

}  // namespace

// ---- settings ------------------------------------------------------------------------------

supervision::LightRules ProgressService::RulesFor(store::Connection& c, const std::string& region) {
  auto tree = ledger_.Regions();
  for (std::string code = region; !code.empty();) {
    if (auto s = store::LoadSettings(c, code)) {
      if (auto r = supervision::RulesFromJson(nlohmann::json::parse(s->light_rules))) return r.value();
    }
    const auto* r = tree->Find(code);
    code = r ? r->parent_code : "";
  }
  return {};
}

supervision::ReportPolicy ProgressService::PolicyFor(store::Connection& c, const std::string& region) {
  auto tree = ledger_.Regions();
  for (std::string code = region; !code.empty();) {
    if (auto s = store::LoadSettings(c, code)) {
      // Stored policies were validated when written; members added since take their defaults.
      auto pol = supervision::PolicyFromJson(nlohmann::json::parse(s->report_policy), {});
      return pol ? pol.value() : supervision::ReportPolicy{};
    }
    const auto* r = tree->Find(code);
    code = r ? r->parent_code : "";
  }
  return {};
}

Result<nlohmann::json> ProgressService::Settings(const Ctx& ctx, const std::string& region) {
  auto tree = ledger_.Regions();
  if (!tree->Find(region) || access::ReadableRegions(ctx.caller, *tree).empty()) return Error::NotFound("no region " + region);
  auto c = db_.Acquire();
  const auto pol = PolicyFor(*c, region);
  const auto stored = store::LoadSettings(*c, region);
  return nlohmann::json{{"region", region},
                        {"light_rules", supervision::ToJson(RulesFor(*c, region))},
                        {"report_policy", supervision::ToJson(pol)},
                        {"presets", supervision::kLightPresets},
                        {"version", stored ? stored->version : 0}};
}

Result<nlohmann::json> ProgressService::PutSettings(const Ctx& ctx, const std::string& region, const nlohmann::json& body) {
  auto tree = ledger_.Regions();
  if (!tree->Find(region)) return Error::NotFound("no region " + region);
  if (!access::Allowed(ctx.caller, access::kSupervisionAdmin, {tree->CountyOf(region), "", std::nullopt}, *tree)) {
    return Error::Forbidden("only the project office (coordinator) may change the supervision rules");
  }
  auto version = VersionOf(body);
  if (!version) return version.error();
  if (auto st = StoreSettings(ctx, region, *version, body); !st) return st.error();
  return Settings(ctx, region);
}

Status ProgressService::StoreSettings(const Ctx& ctx, const std::string& region, int64_t version, const nlohmann::json& body) {
  Problems pr;
  auto c = db_.Acquire();
  // A half left out keeps the rules in force (the region's own, or inherited from above).
  const auto current = PolicyFor(*c, region);
  auto rules = supervision::RulesFromJson(body.contains("light_rules") ? body["light_rules"] : supervision::ToJson(RulesFor(*c, region)));
  if (!rules) for (const auto& d : rules.error().details) pr.Add(d);
  auto pol = supervision::PolicyFromJson(body.contains("report_policy") ? body["report_policy"] : nlohmann::json::object(), current);
  if (!pol) for (const auto& d : pol.error().details) pr.Add(d);
  if (!pr.empty()) return pr.ToError("the settings are not valid");
  store::Transaction tx(*c);
  const auto before = store::LoadSettings(*c, region);
  if ((before ? before->version : 0) != version) return Error::Conflict("the settings were changed by someone else; reload");
  const nlohmann::json policy = supervision::ToJson(pol.value());
  store::UpsertSettings(*c, {region, supervision::ToJson(rules.value()).dump(), policy.dump(), 0}, ctx.now);
  store::WriteJournal(*c, "progress_settings", 0, "update", ctx.caller.user_id, ctx.now,
                      nlohmann::json::array({{{"field", region},
                                              {"old", before ? nlohmann::json::parse(before->light_rules) : nlohmann::json(nullptr)},
                                              {"new", supervision::ToJson(rules.value())}},
                                             {{"field", region + ".report_policy"},
                                              {"old", before ? nlohmann::json::parse(before->report_policy) : nlohmann::json(nullptr)},
                                              {"new", policy}}}));
  store::BumpSupervisionVersion(*c);
  tx.Commit();
  return Ok{};
}

// ---- reports -------------------------------------------------------------------------------

Result<store::ProjectRow> ProgressService::ReadableProject(const Ctx& ctx, int64_t project_id) { return ledger_.Get(ctx, project_id); }

Status ProgressService::Allowed(const Ctx& ctx, const char* action, const ledger::Project& p, const char* what) {
  if (!access::Allowed(ctx.caller, action, TargetOf(p), *ledger_.Regions())) return Error::Forbidden(std::string("you may not ") + what);
  return Ok{};
}

Result<std::pair<store::ReportRecord, store::ProjectRow>> ProgressService::ReportFor(const Ctx& ctx, int64_t id) {
  store::ReportRecord r;
  {
    auto c = db_.Acquire();
    auto rec = store::LoadReport(*c, id);
    if (!rec) return Error::NotFound("no report " + std::to_string(id));
    r = *rec;
  }
  auto row = ReadableProject(ctx, r.project_id);
  if (!row) return Error::NotFound("no report " + std::to_string(id));
  return std::make_pair(std::move(r), std::move(row.value()));
}

nlohmann::json ProgressService::ReportJson(store::Connection& c, const store::ReportRecord& r, const store::ProjectRow* row) {
  nlohmann::json photos = nlohmann::json::array();
  for (const auto& p : store::PhotosOf(c, r.id, false)) {
    photos.push_back({{"id", p.id}, {"filename", p.filename}, {"content_type", p.content_type}, {"size_bytes", p.size_bytes},
                      {"url", "/api/v1/report-photos/" + std::to_string(p.id)}});
  }
  nlohmann::json j = {{"id", r.id},
                      {"project_id", r.project_id},
                      {"period", r.period},
                      {"frequency", r.frequency},
                      {"period_start", r.period_start.ToString()},
                      {"period_end", r.period_end.ToString()},
                      {"due_date", r.due.ToString()},
                      {"status", r.status},
                      {"reopened", r.reopened},
                      {"late", r.late},
                      {"submitted_by", OptId(r.submitted_by)},
                      {"submitted_at", OptText(r.submitted_at)},
                      {"reviewed_by", OptId(r.reviewed_by)},
                      {"reviewed_at", OptText(r.reviewed_at)},
                      {"review_note", r.review_note},
                      {"photos", photos},
                      {"version", r.version},
                      {"updated_at", r.updated_at}};
  j.update(ContentJson(r.content));
  if (row) {
    j["project_code"] = row->project.code;
    j["project_name"] = row->project.name;
    j["unit_name"] = row->unit_name;
    j["town_name"] = row->town_name;
    j["annual_plan"] = row->project.annual_plan ? nlohmann::json(*row->project.annual_plan) : nlohmann::json(nullptr);
  }
  return j;
}

Result<nlohmann::json> ProgressService::GenerateTasks(const Ctx& ctx, const nlohmann::json& body) {
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  const std::string region = body.value("region", std::string());
  const std::string period_key = body.value("period", std::string());
  auto tree = ledger_.Regions();
  if (!tree->Find(region)) return Error::Invalid("unknown region", {{"region", region, "unknown region code"}});
  if (!access::Allowed(ctx.caller, access::kSupervisionAdmin, {tree->CountyOf(region), "", std::nullopt}, *tree)) {
    return Error::Forbidden("only the project office (coordinator) generates report tasks");
  }
  auto projects = ledger_.ListInRegion(ctx, {}, region);
  if (!projects) return projects.error();
  auto c = db_.Acquire();
  const auto policy = PolicyFor(*c, region);
  const auto period = period_key.empty() ? supervision::PeriodOf(ctx.today, policy) : supervision::ParsePeriod(period_key, policy).value_or(supervision::Period{});
  if (period.key.empty()) return Error::Invalid("the period is not valid", {{"period", period_key, "2026-W23 (week) or 2026-06 (month)"}});
  int created = 0;
  store::Transaction tx(*c);
  for (const auto& row : projects.value()) {
    if (store::InsertReportTask(*c, row.project.id, period, ctx.now)) ++created;
  }
  if (created) {
    store::WriteJournal(*c, "report_tasks", 0, "generate", ctx.caller.user_id, ctx.now,
                        nlohmann::json::array({{{"field", "period"}, {"old", nullptr}, {"new", period.key + " " + region + " ×" + std::to_string(created)}}}));
    store::BumpSupervisionVersion(*c);
  }
  tx.Commit();
  return nlohmann::json{{"period", period.key}, {"due_date", period.due.ToString()}, {"created", created},
                        {"projects", projects->size()}};
}

Result<nlohmann::json> ProgressService::GenerateRunningTasks(const Ctx& ctx, const std::string& region) {
  auto tree = ledger_.Regions();
  if (!region.empty() && !tree->Find(region)) return Error::Invalid("unknown region", {{"region", region, "unknown region code"}});
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : tree->all()) {
    if (r.level != "county" || (!region.empty() && !tree->Within(r.code, region))) continue;
    if (!access::Allowed(ctx.caller, access::kSupervisionAdmin, {r.code, "", std::nullopt}, *tree)) continue;
    auto g = GenerateTasks(ctx, {{"region", r.code}});
    if (!g) return g.error();
    g.value()["region"] = r.code;
    g.value()["region_name"] = r.name;
    items.push_back(std::move(g.value()));
  }
  return nlohmann::json{{"items", items}};
}

Result<nlohmann::json> ProgressService::ListReports(const Ctx& ctx, const std::string& region, const std::string& period_key,
                                                       const std::string& status) {
  auto projects = ledger_.ListInRegion(ctx, {}, region);
  if (!projects) return projects.error();
  std::unordered_map<int64_t, const store::ProjectRow*> by_id;
  for (const auto& row : projects.value()) by_id[row.project.id] = &row;
  auto c = db_.Acquire();
  std::string key = period_key;
  if (key.empty()) key = supervision::PeriodOf(ctx.today, PolicyFor(*c, region)).key;
  nlohmann::json items = nlohmann::json::array();
  std::map<std::string, int> counts;
  for (const auto& r : store::ReportsOfPeriod(*c, key)) {
    auto it = by_id.find(r.project_id);
    if (it == by_id.end()) continue;
    ++counts[r.status];
    if (!status.empty() && r.status != status) continue;
    nlohmann::json j = ReportJson(*c, r, it->second);
    items.push_back(std::move(j));
  }
  return nlohmann::json{{"period", key}, {"items", items}, {"counts", counts}};
}

Result<nlohmann::json> ProgressService::ProjectReports(const Ctx& ctx, int64_t project_id) {
  auto row = ReadableProject(ctx, project_id);
  if (!row) return row.error();
  auto c = db_.Acquire();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : store::ReportsOfProject(*c, project_id)) items.push_back(ReportJson(*c, r, &row.value()));
  return nlohmann::json{{"items", items}};
}

Result<nlohmann::json> ProgressService::GetReport(const Ctx& ctx, int64_t id) {
  auto rp = ReportFor(ctx, id);
  if (!rp) return rp.error();
  auto c = db_.Acquire();
  return ReportJson(*c, rp->first, &rp->second);
}

Result<nlohmann::json> ProgressService::SaveReport(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto rp = ReportFor(ctx, id);
  if (!rp) return rp.error();
  if (auto st = Allowed(ctx, access::kReportWrite, rp->second.project, "file reports for this project"); !st) return st.error();
  const bool submit = body.value("submit", false);
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto cur = store::LoadReport(*c, id);
  if (cur->version != *version) return Error::Conflict("the report was changed by someone else (version " + std::to_string(cur->version) + "); reload");
  const supervision::ReportAction action = submit ? supervision::ReportAction::kSubmit : supervision::ReportAction::kSave;
  if (auto st = supervision::CheckTransition({cur->status, cur->due, cur->reopened, cur->submitted_by}, action, ctx.caller.user_id, ctx.today); !st) {
    return st.error();
  }
  store::ReportRecord r = *cur;
  Problems pr;
  ApplyContent(r.content, body, pr);
  const Problems rules = supervision::ValidateContent(r.content, store::PreviousYearTotal(*c, r.project_id, r.period, r.period_end));
  for (const auto& d : rules.details()) pr.Add(d);
  if (!pr.empty()) return pr.ToError("the report is not valid");
  const nlohmann::json before = ContentJson(cur->content);
  r.status = supervision::StatusAfter(action, r.status);
  if (submit) {
    r.submitted_by = ctx.caller.user_id;
    r.submitted_at = ctx.now;
    r.late = ctx.today > r.due;
  }
  r.version = *version + 1;
  r.updated_at = ctx.now;
  if (!store::UpdateReport(*c, r, *version)) return Error::Conflict("the report was changed by someone else; reload");
  auto changes = ledger::ChangesToJson(ledger::Diff(before, ContentJson(r.content)));
  if (cur->status != r.status) changes.push_back({{"field", "status"}, {"old", cur->status}, {"new", r.status}});
  store::WriteJournal(*c, "progress_report", id, submit ? "submit" : "save", ctx.caller.user_id, ctx.now, changes);
  store::BumpSupervisionVersion(*c);
  tx.Commit();
  return ReportJson(*c, r, &rp->second);
}

Result<nlohmann::json> ProgressService::Review(const Ctx& ctx, int64_t id, const nlohmann::json& body, bool approve) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto rp = ReportFor(ctx, id);
  if (!rp) return rp.error();
  if (auto st = Allowed(ctx, access::kReportReview, rp->second.project, "review reports of this project"); !st) return st.error();
  const std::string note = body.value("note", std::string());
  if (!approve && note.empty()) return Error::Invalid("a returned report needs the reason", {{"note", "", "required when returning"}});
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto cur = store::LoadReport(*c, id);
  if (cur->version != *version) return Error::Conflict("the report was changed by someone else (version " + std::to_string(cur->version) + "); reload");
  const auto action = approve ? supervision::ReportAction::kApprove : supervision::ReportAction::kReturn;
  if (auto st = supervision::CheckTransition({cur->status, cur->due, cur->reopened, cur->submitted_by}, action, ctx.caller.user_id, ctx.today); !st) {
    return st.error();
  }
  store::ReportRecord r = *cur;
  r.status = supervision::StatusAfter(action, r.status);
  r.reviewed_by = ctx.caller.user_id;
  r.reviewed_at = ctx.now;
  r.review_note = note;
  // A returned report may be filed again after its due date: returning reopens it.
  if (!approve) r.reopened = true;
  r.version = *version + 1;
  r.updated_at = ctx.now;
  if (!store::UpdateReport(*c, r, *version)) return Error::Conflict("the report was changed by someone else; reload");
  store::WriteJournal(*c, "progress_report", id, approve ? "approve" : "return", ctx.caller.user_id, ctx.now,
                      nlohmann::json::array({{{"field", "status"}, {"old", cur->status}, {"new", r.status}},
                                             {{"field", "review_note"}, {"old", cur->review_note}, {"new", note}}}));
  store::BumpSupervisionVersion(*c);
  tx.Commit();
  return ReportJson(*c, r, &rp->second);
}

Result<nlohmann::json> ProgressService::Reopen(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto rp = ReportFor(ctx, id);
  if (!rp) return rp.error();
  if (auto st = Allowed(ctx, access::kSupervisionAdmin, rp->second.project, "reopen a closed period (the coordinator does)"); !st) return st.error();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto cur = store::LoadReport(*c, id);
  if (cur->version != *version) return Error::Conflict("the report was changed by someone else (version " + std::to_string(cur->version) + "); reload");
  if (auto st = supervision::CheckTransition({cur->status, cur->due, cur->reopened, cur->submitted_by}, supervision::ReportAction::kReopen,
                                             ctx.caller.user_id, ctx.today);
      !st) {
    return st.error();
  }
  store::ReportRecord r = *cur;
  r.reopened = true;
  r.version = *version + 1;
  r.updated_at = ctx.now;
  if (!store::UpdateReport(*c, r, *version)) return Error::Conflict("the report was changed by someone else; reload");
  store::WriteJournal(*c, "progress_report", id, "reopen", ctx.caller.user_id, ctx.now,
                      nlohmann::json::array({{{"field", "reopened"}, {"old", false}, {"new", true}}}));
  store::BumpSupervisionVersion(*c);
  tx.Commit();
  return ReportJson(*c, r, &rp->second);
}

Result<nlohmann::json> ProgressService::AddPhoto(const Ctx& ctx, int64_t report_id, const std::string& filename, const std::string& bytes) {
  auto rp = ReportFor(ctx, report_id);
  if (!rp) return rp.error();
  if (auto st = Allowed(ctx, access::kReportWrite, rp->second.project, "add photos to this report"); !st) return st.error();
  if (bytes.size() > kMaxPhotoBytes) {
    return Error{ErrorCode::kPayloadTooLarge, "a photo may have at most " + std::to_string(kMaxPhotoBytes >> 20) + " MB", {}, {}};
  }
  const std::string type = PhotoType(bytes);
  if (type.empty()) return Error::Invalid("the file is not a photo", {{"file", filename, "must be a JPEG, PNG or WebP image", 0, {"image/jpeg", "image/png", "image/webp"}}});
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto cur = store::LoadReport(*c, report_id);
  if (auto st = supervision::CheckTransition({cur->status, cur->due, cur->reopened, cur->submitted_by}, supervision::ReportAction::kSave,
                                             ctx.caller.user_id, ctx.today);
      !st) {
    return st.error();
  }
  const int64_t id = store::InsertPhoto(*c, {0, report_id, filename, type, static_cast<int64_t>(bytes.size()), Base64Encode(bytes), ctx.now}, ctx.caller.user_id);
  store::WriteJournal(*c, "progress_report", report_id, "photo", ctx.caller.user_id, ctx.now,
                      nlohmann::json::array({{{"field", "photos"}, {"old", nullptr}, {"new", filename}}}));
  tx.Commit();
  return nlohmann::json{{"id", id}, {"filename", filename}, {"content_type", type}, {"size_bytes", bytes.size()},
                        {"url", "/api/v1/report-photos/" + std::to_string(id)}};
}

Result<store::PhotoRecord> ProgressService::Photo(const Ctx& ctx, int64_t photo_id) {
  std::optional<store::PhotoRecord> p;
  {
    auto c = db_.Acquire();
    p = store::LoadPhoto(*c, photo_id);
  }
  if (!p || !ReportFor(ctx, p->report_id)) return Error::NotFound("no photo " + std::to_string(photo_id));
  return *p;
}

Result<nlohmann::json> ProgressService::MissingReports(const Ctx& ctx, const std::string& region, const Date& as_of) {
  auto projects = ledger_.ListInRegion(ctx, {}, region);
  if (!projects) return projects.error();
  std::vector<const store::ProjectRow*> rows;
  for (const auto& row : projects.value()) rows.push_back(&row);
  return MissingReportsOf(rows, region, as_of);
}

nlohmann::json ProgressService::MissingReportsOf(const std::vector<const store::ProjectRow*>& rows, const std::string& region,
                                                 const Date& as_of) {
  std::unordered_map<int64_t, const store::ProjectRow*> by_id;
  for (const auto* row : rows) by_id[row->project.id] = row;
  auto c = db_.Acquire();
  const auto policy = PolicyFor(*c, region);
  // The periods due in the last three months.
  const auto periods = supervision::PeriodsBetween(as_of.AddDays(-92), as_of, policy);
  struct UnitTally {
    std::string name;
    int missing = 0, late = 0;
    nlohmann::json items = nlohmann::json::array();
  };
  std::map<int64_t, UnitTally> units;
  for (const auto& period : periods) {
    for (const auto& r : store::ReportsOfPeriod(*c, period.key)) {
      auto it = by_id.find(r.project_id);
      if (it == by_id.end()) continue;
      const bool filed = r.status == "submitted" || r.status == "approved";
      const bool missing = !filed && as_of > r.due;
      if (!missing && !r.late) continue;
      const auto& row = *it->second;
      auto& u = units[row.project.unit_id.value_or(0)];
      u.name = row.unit_name.empty() ? "（未定责任单位）" : row.unit_name;
      (missing ? u.missing : u.late)++;
      u.items.push_back({{"report_id", r.id}, {"project_id", r.project_id}, {"code", row.project.code}, {"name", row.project.name},
                         {"period", r.period}, {"due_date", r.due.ToString()}, {"kind", missing ? "missing" : "late"}, {"status", r.status}});
    }
  }
  nlohmann::json out = nlohmann::json::array();
  for (auto& [id, u] : units) {
    out.push_back({{"unit_id", id ? nlohmann::json(id) : nlohmann::json(nullptr)}, {"unit_name", u.name}, {"missing", u.missing},
                   {"late", u.late}, {"items", u.items}});
  }
  std::sort(out.begin(), out.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return a["missing"].get<int>() + a["late"].get<int>() > b["missing"].get<int>() + b["late"].get<int>();
  });
  return nlohmann::json{{"as_of", as_of.ToString()}, {"units", out}};
}

// ---- stop / resume ---------------------------------------------------------------------------

Result<nlohmann::json> ProgressService::RequestStop(const Ctx& ctx, int64_t project_id, const nlohmann::json& body) {
  auto row = ReadableProject(ctx, project_id);
  if (!row) return row.error();
  if (auto st = Allowed(ctx, access::kReportWrite, row->project, "request a stop or resume for this project"); !st) return st.error();
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  Problems pr;
  store::StopRecord s;
  s.project_id = project_id;
  s.kind = body.value("kind", std::string());
  s.reason = body.value("reason", std::string());
  if (s.kind != "stop" && s.kind != "resume") pr.Add({"kind", s.kind, "stop (停工) or resume (复工)", 0, {"stop", "resume"}});
  if (s.reason.empty()) pr.Add("reason", "", "required");
  const auto eff = ParseIsoDate(body.value("effective_date", ctx.today.ToString()));
  if (!eff) pr.Add("effective_date", body.value("effective_date", std::string()), "a date YYYY-MM-DD");
  if (!pr.empty()) return pr.ToError("the request is not valid");
  s.effective_date = *eff;
  s.requested_by = ctx.caller.user_id;
  s.requested_at = ctx.now;
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  const bool stopped = store::StoppedProjects(*c, s.effective_date).count(project_id) > 0;
  if (s.kind == "stop" && stopped) return Error::Conflict("rule stop.already_stopped: the project is already stopped");
  if (s.kind == "resume" && !stopped) return Error::Conflict("rule stop.not_stopped: only a stopped project can resume");
  s.id = store::InsertStop(*c, s);
  store::WriteJournal(*c, "stop_request", s.id, "request", ctx.caller.user_id, ctx.now,
                      nlohmann::json::array({{{"field", s.kind}, {"old", nullptr}, {"new", s.reason}}}));
  tx.Commit();
  return nlohmann::json{{"id", s.id}, {"project_id", project_id}, {"kind", s.kind}, {"reason", s.reason},
                        {"effective_date", s.effective_date.ToString()}, {"status", s.status}, {"version", s.version}};
}

Result<nlohmann::json> ProgressService::DecideStop(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  std::optional<store::StopRecord> s;
  {
    auto c = db_.Acquire();
    s = store::LoadStop(*c, id);
  }
  if (!s) return Error::NotFound("no stop/resume request " + std::to_string(id));
  auto row = ReadableProject(ctx, s->project_id);
  if (!row) return Error::NotFound("no stop/resume request " + std::to_string(id));
  if (auto st = Allowed(ctx, access::kReportReview, row->project, "decide stop/resume requests"); !st) return st.error();
  if (!body.contains("approve") || !body["approve"].is_boolean()) return Error::Invalid("approve: true or false", {{"approve", "", "required boolean"}});
  if (s->version != *version) return Error::Conflict("the request was changed by someone else; reload");
  if (s->status != "requested") return Error::Conflict("rule stop.decided: the request was already decided");
  if (s->requested_by && *s->requested_by == ctx.caller.user_id) return Error::Conflict("rule stop.own_request: nobody approves their own request");
  store::StopRecord n = *s;
  n.status = body["approve"].get<bool>() ? "approved" : "rejected";
  n.decided_by = ctx.caller.user_id;
  n.decided_at = ctx.now;
  n.decision_note = body.value("note", std::string());
  n.version = s->version + 1;
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  if (!store::UpdateStop(*c, n, *version)) return Error::Conflict("the request was changed by someone else; reload");
  store::WriteJournal(*c, "stop_request", id, n.status == "approved" ? "approve" : "reject", ctx.caller.user_id, ctx.now,
                      nlohmann::json::array({{{"field", "status"}, {"old", s->status}, {"new", n.status}}}));
  store::BumpSupervisionVersion(*c);
  tx.Commit();
  return nlohmann::json{{"id", id}, {"status", n.status}, {"version", n.version}};
}

Result<nlohmann::json> ProgressService::Stops(const Ctx& ctx, int64_t project_id) {
  auto row = ReadableProject(ctx, project_id);
  if (!row) return row.error();
  auto c = db_.Acquire();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : store::StopsOfProject(*c, project_id)) {
    items.push_back({{"id", s.id}, {"kind", s.kind}, {"reason", s.reason}, {"effective_date", s.effective_date.ToString()},
                     {"status", s.status}, {"requested_by", OptId(s.requested_by)}, {"requested_at", s.requested_at},
                     {"decided_at", OptText(s.decided_at)}, {"decision_note", s.decision_note}, {"version", s.version}});
  }
  // Which request makes sense next: resume while a stop is in force, else stop.
  const bool stopped = store::StoppedProjects(*c, ctx.today).count(project_id) > 0;
  return nlohmann::json{{"items", items}, {"stopped", stopped}};
}

// ---- monthly plans (分月计划投资) -------------------------------------------------------------

namespace {

Status CheckYear(int year) {
  if (year < 2000 || year > 2100) return Error::Invalid("the year is not valid", {{"year", std::to_string(year), "a year such as 2026"}});
  return Ok{};
}

}  // namespace

Result<nlohmann::json> ProgressService::MonthlyPlan(const Ctx& ctx, int64_t project_id, int year) {
  if (auto st = CheckYear(year); !st) return st.error();
  auto row = ReadableProject(ctx, project_id);
  if (!row) return row.error();
  std::optional<store::MonthlyPlanRecord> plan;
  {
    auto c = db_.Acquire();
    plan = store::LoadMonthlyPlan(*c, project_id, year);
  }
  const auto months = plan ? plan->months : std::vector<int64_t>{};
  return nlohmann::json{{"project_id", project_id}, {"year", year}, {"annual_plan", OptId(row->project.annual_plan)},
                        {"months", months}, {"cumulative", supervision::CumulativePlan(months)}, {"version", plan ? plan->version : 0}};
}

Result<nlohmann::json> ProgressService::PutMonthlyPlan(const Ctx& ctx, int64_t project_id, int year, const nlohmann::json& body) {
  if (auto st = CheckYear(year); !st) return st.error();
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto row = ReadableProject(ctx, project_id);
  if (!row) return row.error();
  if (auto st = Allowed(ctx, access::kProjectWrite, row->project, "plan this project's investment by month"); !st) return st.error();
  Problems pr;
  store::MonthlyPlanRecord plan{project_id, year, {}, 0};
  if (!body.contains("months") || !body["months"].is_array()) pr.Add("months", body.value("months", nlohmann::json()).dump(), "twelve amounts in yuan");
  else {
    for (const auto& m : body["months"]) {
      if (!m.is_number_integer()) pr.Add("months", m.dump(), "must be integer amounts in yuan");
      else plan.months.push_back(m.get<int64_t>());
    }
  }
  if (pr.empty()) pr = supervision::ValidateMonthlyPlan(plan.months, row->project.annual_plan);
  if (!pr.empty()) return pr.ToError("the monthly plan is not valid");
  {
    auto c = db_.Acquire();
    store::Transaction tx(*c);
    const auto before = store::LoadMonthlyPlan(*c, project_id, year);
    if (!store::SaveMonthlyPlan(*c, plan, *version, ctx.now)) {
      return Error::Conflict("the monthly plan was changed by someone else (version " + std::to_string(before ? before->version : 0) + "); reload");
    }
    // Journaled on the project, so the lights recompute it.
    store::WriteJournal(*c, "project", project_id, "monthly_plan", ctx.caller.user_id, ctx.now,
                        nlohmann::json::array({{{"field", "monthly_plan." + std::to_string(year)},
                                                {"old", before ? nlohmann::json(before->months) : nlohmann::json(nullptr)},
                                                {"new", plan.months}}}));
    tx.Commit();
  }
  return MonthlyPlan(ctx, project_id, year);
}

// ---- lights --------------------------------------------------------------------------------

namespace {

// Report facts older than this cannot change a light (the missing-reports rule looks back a few periods).
Date ReportWindowFrom(const supervision::ReportPolicy& policy, const supervision::LightRules& rules, const Date& as_of) {
  const int span = policy.frequency == "month" ? 31 : 7;
  return as_of.AddDays(-static_cast<int64_t>(span) * (rules.missing_reports_yellow + 1));
}

// A refresh recomputes at most this many projects; beyond, a rebuild is as cheap.
constexpr size_t kRefreshMaxProjects = 64;

}  // namespace

Status ProgressService::AddLights(const Ctx& ctx, const std::string& region, const Date& as_of, nlohmann::json& items) {
  auto board = Board(ctx, region, as_of);
  if (!board) return board.error();
  std::unordered_map<int64_t, const LightEntry*> at;
  for (const auto& e : board.value()->entries) at[e->row.project.id] = e.get();
  for (auto& item : items) {
    auto it = at.find(item.value("id", int64_t{0}));
    if (it == at.end()) continue;
    const auto& l = it->second->light;
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& why : l.reasons) {
      reasons.push_back({{"rule", why.rule}, {"light", supervision::LightName(why.light)}, {"text", why.text}});
    }
    item["light"] = supervision::LightName(l.light);
    item["reasons"] = std::move(reasons);
  }
  return Ok{};
}

Result<std::shared_ptr<const LightBoard>> ProgressService::Board(const Ctx& ctx, const std::string& region, const Date& as_of) {
  auto tree = ledger_.Regions();
  if (!region.empty() && !tree->Find(region)) return Error::Invalid("unknown region", {{"region", region, "unknown region code"}});
  std::string scope;
  for (const auto& code : access::ReadableRegions(ctx.caller, *tree)) scope += code + ",";
  const std::string key = region + "|" + as_of.ToString() + "|" + scope;
  JournalMark now;
  {
    auto c = db_.Acquire();
    now = ReadJournalMark(*c);
  }
  std::shared_ptr<const LightBoard> cached;
  {
    std::lock_guard lock(cache_mu_);
    if (auto it = boards_.find(key); it != boards_.end()) cached = it->second;
  }
  if (cached && cached->journal == now) return cached;
  std::shared_ptr<const LightBoard> out = cached ? RefreshBoard(ctx, region, *cached, now) : nullptr;
  if (!out) {
    auto built = BuildBoard(ctx, region, as_of, now);
    if (!built) return built.error();
    out = std::move(built.value());
  }
  std::lock_guard lock(cache_mu_);
  if (boards_.size() > 64) boards_.clear();
  boards_[key] = out;
  return out;
}

Result<std::shared_ptr<const LightBoard>> ProgressService::BuildBoard(const Ctx& ctx, const std::string& region, const Date& as_of,
                                                                     const JournalMark& mark) {
  auto board = std::make_shared<LightBoard>();
  board->as_of = as_of;
  board->journal = mark;
  supervision::ReportPolicy policy;
  {
    // Held connections stay at one per thread at a time: the pool (threads + 2) never starves.
    auto c0 = db_.Acquire();
    board->rules = RulesFor(*c0, region.empty() ? (ctx.caller.grants.empty() ? "" : ctx.caller.grants[0].region_code) : region);
    policy = PolicyFor(*c0, region);
  }
  // The reports' facts load on a second connection while the projects load on this thread.
  const std::string county = region.empty() ? "" : ledger_.Regions()->CountyOf(region);
  const Date window_from = ReportWindowFrom(policy, board->rules, as_of);
  auto facts_future = std::async(std::launch::async, [this, as_of, window_from, county] {
    auto c2 = db_.Acquire();
    return store::LoadReportFacts(*c2, as_of, window_from, county);
  });
  auto projects = ledger_.ListInRegion(ctx, {}, region);
  LightSources sources;
  sources.report_facts = facts_future.get();
  if (!projects) return projects.error();
  {
    auto c = db_.Acquire();
    LoadLightSources(*c, as_of, {}, sources);
  }
  board->entries.reserve(projects->size());
  for (auto& row : projects.value()) board->entries.push_back(MakeLightEntry(std::move(row), sources, board->rules, as_of));
  return std::shared_ptr<const LightBoard>(std::move(board));
}

std::shared_ptr<const LightBoard> ProgressService::RefreshBoard(const Ctx& ctx, const std::string& region, const LightBoard& old,
                                                                const JournalMark& now) {
  JournalDelta delta;
  {
    auto c = db_.Acquire();
    delta = ReadJournalDelta(*c, old.journal, now, kRefreshMaxProjects);
  }
  if (delta.rebuild) return nullptr;
  auto board = std::make_shared<LightBoard>(old);
  board->journal = now;
  std::unordered_map<int64_t, size_t> index;
  for (size_t i = 0; i < board->entries.size(); ++i) index[board->entries[i]->row.project.id] = i;
  std::vector<std::pair<size_t, store::ProjectRow>> changed;
  for (const int64_t id : delta.project_ids) {
    store::ProjectFilter f;
    f.id = id;
    auto rows = ledger_.ListInRegion(ctx, f, region);
    if (!rows) return nullptr;
    auto it = index.find(id);
    if (rows->empty() != (it == index.end())) return nullptr;  // a project came or went: the board's order needs a rebuild
    if (it != index.end()) changed.emplace_back(it->second, std::move(rows->front()));
  }
  if (changed.empty()) return board;
  LightSources sources;
  {
    auto c = db_.Acquire();
    const Date window_from = ReportWindowFrom(PolicyFor(*c, region), board->rules, board->as_of);
    sources.report_facts = store::LoadReportFacts(*c, board->as_of, window_from, "", delta.project_ids);
    LoadLightSources(*c, board->as_of, delta.project_ids, sources);
  }
  for (auto& [i, row] : changed) board->entries[i] = MakeLightEntry(std::move(row), sources, board->rules, board->as_of);
  return board;
}

Result<nlohmann::json> ProgressService::Lights(const Ctx& ctx, const std::string& region, const Date& as_of, const std::string& light,
                                                  int64_t offset, int64_t limit) {
  auto board = Board(ctx, region, as_of);
  if (!board) return board.error();
  const auto& b = *board.value();
  nlohmann::json items = nlohmann::json::array();
  int64_t total = 0;
  // Red first, then yellow, then green; within a light by code.
  std::vector<const LightEntry*> order;
  order.reserve(b.entries.size());
  for (const auto& e : b.entries) order.push_back(e.get());
  std::stable_sort(order.begin(), order.end(), [](const LightEntry* x, const LightEntry* y) { return x->light.light > y->light.light; });
  for (const LightEntry* e : order) {
    if (!light.empty() && light != supervision::LightName(e->light.light)) continue;
    if (total >= offset && (limit <= 0 || total < offset + limit)) items.push_back(LightJson(e->row, e->light));
    ++total;
  }
  return nlohmann::json{{"as_of", as_of.ToString()}, {"preset", b.rules.preset}, {"total_count", total}, {"items", items}};
}

Result<nlohmann::json> ProgressService::Dashboard(const Ctx& ctx, const std::string& region, const Date& as_of) {
  auto board = Board(ctx, region, as_of);
  if (!board) return board.error();
  const std::string key = region + "|" + as_of.ToString();
  {
    std::lock_guard lock(cache_mu_);
    if (auto it = dashboards_.find(key); it != dashboards_.end() && it->second.first == board.value()) return it->second.second;
  }
  auto summary = Summarise(*board.value(), region);
  std::lock_guard lock(cache_mu_);
  if (dashboards_.size() > 64) dashboards_.clear();
  dashboards_[key] = {board.value(), summary};
  return summary;
}

nlohmann::json ProgressService::Summarise(const LightBoard& b, const std::string& region) {
  const Date& as_of = b.as_of;
  int counts[3] = {0, 0, 0};
  std::map<std::string, std::array<int, 3>> towns;
  std::map<std::string, std::string> town_names;
  std::map<std::string, std::array<int, 3>> rules;
  for (const auto& e : b.entries) {
    const int l = static_cast<int>(e->light.light);
    ++counts[l];
    const auto& p = e->row.project;
    const std::string& town = p.town_code ? *p.town_code : p.county_code;
    auto [t, fresh] = towns.try_emplace(town, std::array<int, 3>{0, 0, 0});
    t->second[l]++;
    if (fresh) town_names[town] = e->row.town_name.empty() ? e->row.county_name : e->row.town_name;
    for (const auto& r : e->light.reasons) rules[r.rule][static_cast<int>(r.light)]++;
  }
  nlohmann::json by_town = nlohmann::json::array();
  for (const auto& [code, c] : towns) {
    by_town.push_back({{"code", code}, {"name", town_names[code]}, {"green", c[0]}, {"yellow", c[1]}, {"red", c[2]}});
  }
  nlohmann::json by_rule = nlohmann::json::object();
  for (const auto& [rule, c] : rules) by_rule[rule] = {{"yellow", c[1]}, {"red", c[2]}};
  return nlohmann::json{{"as_of", as_of.ToString()}, {"region", region}, {"preset", b.rules.preset},
                        {"counts", {{"green", counts[0]}, {"yellow", counts[1]}, {"red", counts[2]}}},
                        {"total", b.entries.size()}, {"by_town", by_town}, {"by_rule", by_rule}};
}

Result<nlohmann::json> ProgressService::ProjectLight(const Ctx& ctx, int64_t project_id, const Date& as_of) {
  auto row = ReadableProject(ctx, project_id);
  if (!row) return row.error();
  auto board = Board(ctx, row->project.town_code.value_or(row->project.county_code), as_of);
  if (!board) return board.error();
  const auto& b = *board.value();
  for (const auto& e : b.entries) {
    if (e->row.project.id == project_id) {
      auto j = LightJson(e->row, e->light);
      j["as_of"] = as_of.ToString();
      j["preset"] = b.rules.preset;
      return j;
    }
  }
  return Error::NotFound("no project " + std::to_string(project_id));
}

Result<nlohmann::json> ProgressService::KeepSnapshot(const Ctx& ctx, const nlohmann::json& body) {
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  const std::string region = body.value("region", std::string());
  auto tree = ledger_.Regions();
  if (!tree->Find(region)) return Error::Invalid("unknown region", {{"region", region, "unknown region code"}});
  if (!access::Allowed(ctx.caller, access::kSupervisionAdmin, {tree->CountyOf(region), "", std::nullopt}, *tree)) {
    return Error::Forbidden("only the project office (coordinator) keeps light snapshots");
  }
  supervision::Period period;
  {
    auto c = db_.Acquire();
    const auto policy = PolicyFor(*c, region);
    const std::string key = body.value("period", std::string());
    auto p = key.empty() ? std::optional(supervision::PeriodOf(ctx.today, policy)) : supervision::ParsePeriod(key, policy);
    if (!p) return Error::Invalid("the period is not valid", {{"period", key, "2026-W23 (week) or 2026-06 (month)"}});
    period = *p;
  }
  const Date as_of = std::min(period.end, ctx.today);
  auto board = Board(ctx, region, as_of);
  if (!board) return board.error();
  std::vector<store::SnapshotRow> rows;
  int counts[3] = {0, 0, 0};
  for (const auto& e : board.value()->entries) {
    const auto& l = e->light;
    ++counts[static_cast<int>(l.light)];
    rows.push_back({l.project_id, supervision::LightName(l.light), LightJson(e->row, l)["reasons"].dump()});
  }
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  store::ReplaceSnapshot(*c, region, period.key, as_of, rows, ctx.now);
  store::WriteJournal(*c, "light_snapshot", 0, "keep", ctx.caller.user_id, ctx.now,
                      nlohmann::json::array({{{"field", region + " " + period.key}, {"old", nullptr},
                                              {"new", {{"green", counts[0]}, {"yellow", counts[1]}, {"red", counts[2]}}}}}));
  tx.Commit();
  return nlohmann::json{{"region", region}, {"period", period.key}, {"as_of", as_of.ToString()},
                        {"counts", {{"green", counts[0]}, {"yellow", counts[1]}, {"red", counts[2]}}}};
}

Result<nlohmann::json> ProgressService::Snapshot(const Ctx& ctx, const std::string& region, const std::string& period) {
  auto projects = ledger_.ListInRegion(ctx, {}, region);
  if (!projects) return projects.error();
  std::unordered_map<int64_t, const store::ProjectRow*> by_id;
  for (const auto& row : projects.value()) by_id[row.project.id] = &row;
  auto c = db_.Acquire();
  std::string as_of;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : store::LoadSnapshot(*c, region, period, &as_of)) {
    auto it = by_id.find(s.project_id);
    if (it == by_id.end()) continue;
    items.push_back({{"project_id", s.project_id}, {"code", it->second->project.code}, {"name", it->second->project.name},
                     {"light", s.light}, {"reasons", nlohmann::json::parse(s.reasons_json)}});
  }
  if (as_of.empty()) return Error::NotFound("no light snapshot kept for " + region + " " + period);
  return nlohmann::json{{"region", region}, {"period", period}, {"as_of", as_of}, {"items", items}};
}

}  // namespace gj::service

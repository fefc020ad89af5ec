#include "service/supervision/procedure_service.h"

#include <algorithm>
#include <map>

#include "domain/supervision/procedure.h"
#include "service/supervision/supervision_settings.h"
#include "store/account_store.h"
#include "store/journal.h"
#include "store/org_store.h"
#include "store/project_store.h"
#include "store/table.h"

namespace gj::service {

namespace sv = supervision;
using nlohmann::json;
using namespace supervision_support;

namespace {

// The project's procedure of kind `k`, or the one it would have before anything is recorded (version 0).
store::ProcedureRow ProcedureOfKind(const std::vector<store::ProcedureRow>& rows, int64_t project_id,
                                    const store::ProcedureKindRow& k) {
  auto it = std::find_if(rows.begin(), rows.end(),
                         [&](const store::ProcedureRow& r) { return r.fact.kind == k.kind.code; });
  if (it != rows.end()) return *it;
  store::ProcedureRow r;
  r.fact = {0,
            project_id,
            k.kind.code,
            "not_started",
            std::nullopt,
            std::nullopt,
            std::nullopt,
            false,
            k.kind.required_for_start};
  r.version = 0;
  return r;
}

// The region whose procedure kinds a project lists: its town's (or zone's), else its county's.
// The attachments of each procedure, by procedure id.
std::map<int64_t, std::vector<store::AttachmentRow>> FilesOf(store::Connection& c,
                                                             const std::vector<store::ProcedureRow>& rows) {
  std::vector<int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.fact.id);
  std::map<int64_t, std::vector<store::AttachmentRow>> files;
  for (auto& a : store::ListAttachments(c, "procedure", ids)) files[a.owner_id].push_back(std::move(a));
  return files;
}

store::ProcedureKindRow KindFrom(const std::string& code, const json& body, Problems& pr) {
  store::ProcedureKindRow k;
  k.kind.code = code;
  k.kind.label_zh = TextField(body, "label_zh");
  k.kind.label_en = TextField(body, "label_en");
  k.kind.required_for_start = body.value("required_for_start", true);
  const json g = body.value("guide", json::object());
  k.documents = TextField(g, "documents");
  k.handling_unit = TextField(g, "handling_unit");
  k.office = TextField(g, "office");
  k.phone = TextField(g, "phone");
  k.sort = body.value("sort", 100);
  if (code.empty() || code.size() > 40 ||
      code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) {
    pr.Add("code", code, "lower-case letters, digits and _ only");
  }
  if (k.kind.label_zh.empty()) pr.Add("label_zh", "", "required");
  return k;
}

// Reads the body onto `r` and checks the procedure's rules; reports every problem.
void ApplyProcedure(store::Connection& c, const json& body, store::ProcedureRow& r, Problems& pr) {
  if (body.contains("status")) r.fact.status = TextField(body, "status");
  if (body.contains("unit_id")) r.fact.unit_id = IntField(body, "unit_id", pr);
  if (auto d = DateField(body, "applied_on", pr)) r.fact.applied_on = *d;
  if (auto d = DateField(body, "approved_on", pr)) r.fact.approved_on = *d;
  if (body.contains("accepted_pending"))
    r.fact.accepted_pending = body["accepted_pending"].is_boolean() && body["accepted_pending"].get<bool>();
  if (body.contains("pending_document")) r.pending_document = TextField(body, "pending_document");
  if (body.contains("approval_no")) r.approval_no = TextField(body, "approval_no");
  if (r.fact.status == "accepted_pending") r.fact.accepted_pending = true;
  if (r.fact.accepted_pending && r.fact.status != "approved" && r.pending_document.empty()) {
    pr.Add("pending_document", "",
           "rule procedure.accepted_pending_names_document: name the document still pending (容缺材料)");
  }
  if (r.fact.unit_id && !store::UnitExists(c, *r.fact.unit_id))  // any region's unit may handle it
    pr.Add("unit_id", std::to_string(*r.fact.unit_id), "unknown unit");
  const Problems found = sv::ValidateProcedure(r.fact, r.approval_no);
  for (const auto& d : found.details()) pr.Add(d);
}

Error NoProcedure(int64_t id) { return Error::NotFound("no procedure " + std::to_string(id)); }

// The stored kind `code`, or an empty one (a kind not kept yet).
store::ProcedureKindRow StoredKind(store::Connection& c, const std::string& code) {
  for (auto& k : store::ListProcedureKinds(c)) {
    if (k.kind.code == code) return k;
  }
  return {};
}

}  // namespace

Result<ProcedureKindList> ProcedureService::ProcedureKinds(const Ctx& ctx, const std::string& region) {
  auto c = db_.Acquire();
  auto code = SettingsRegion(ctx, access::RegionTree(store::LoadRegions(*c)), region);
  if (!code) return code.error();
  return ProcedureKindList{SupervisionSettings::ProcedureKinds(*c, *code)};
}

namespace {

// A region's own guide over an inherited kind (region_settings "procedure_kind:<code>").
std::string GuideText(const store::ProcedureKindRow& k) {
  return json{{"label_zh", k.kind.label_zh},      {"label_en", k.kind.label_en}, {"documents", k.documents},
              {"handling_unit", k.handling_unit}, {"office", k.office},          {"phone", k.phone}}
      .dump();
}

}  // namespace

// Which region a kind write is about: `region`; else the system's dictionary ("") for the system
// admin; else the caller's own region (its first grant that manages supervision).
std::string ProcedureService::KindRegion(const Ctx& ctx, const std::string& region) {
  if (!region.empty()) return region;
  auto c = db_.Acquire();
  if (access::AllowedSystemWide(ctx.caller, access::kDictionaryAdmin,
                                access::RegionTree(store::LoadRegions(*c))))
    return "";
  for (const auto& g : ctx.caller.grants) {
    if (access::ScopeOf(g.role, access::kSupervisionManage) != access::Scope::kNone) return g.region_code;
  }
  return "";
}

Result<ProcedureKindList> ProcedureService::PutProcedureKind(const Ctx& ctx, const std::string& code,
                                                             const json& body, const std::string& region) {
  const auto tree = std::make_shared<const access::RegionTree>(store::LoadRegions(*db_.Acquire()));
  // The system's kinds are a dictionary: the system admin's, who manages no region's supervision.
  const bool system_dictionary =
      region.empty() && access::AllowedSystemWide(ctx.caller, access::kDictionaryAdmin, *tree);
  const Status allowed = system_dictionary
                             ? CheckWrite(ctx, access::kDictionaryAdmin, "", body)
                             : CheckWrite(ctx, access::kSupervisionManage,
                                          "only the project office edits procedure kinds", body);
  if (!allowed) return allowed.error();
  const std::string at = KindRegion(ctx, region);
  if (at.empty()) {
    if (!access::AllowedSystemWide(ctx.caller, access::kDictionaryAdmin, *tree))
      return Error::Forbidden("only the system admin edits the system's procedure kinds");
  } else {
    if (auto known = SettingsRegion(ctx, *tree, at); !known) return known.error();
    if (!access::Allowed(ctx.caller, access::kSupervisionManage, {at, "", std::nullopt}, *tree))
      return Error::Forbidden("only the project office of " + at + " or above edits its procedure kinds");
  }
  Problems pr;
  store::ProcedureKindRow k = KindFrom(code, body, pr);
  if (!pr.empty()) return pr.ToError("the procedure kind is not valid");
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  const store::ProcedureKindRow before = StoredKind(*c, code);
  const bool exists = !before.kind.code.empty();
  const std::string name = "procedure_kind:" + code;
  if (!exists || before.region_code == at) {
    // A new kind is the region's own (the system's for the system admin); one's own kind is rewritten.
    k.region_code = at;
    store::UpsertProcedureKind(*c, k);
    store::WriteJournal(*c, "procedure_kind", 0, "put", ctx.caller.user_id, ctx.now,
                        store::ProcedureKindChanges(before, k));
  } else if (at.empty() || !tree->Within(at, before.region_code.empty() ? at : before.region_code)) {
    return Error::Conflict("procedure kind " + code + " belongs to another region");
  } else {
    // A kind from above: the region keeps its own guide over it ("inherit": true drops it).
    const auto old = store::GetRegionSetting(*c, at, name);
    if (body.value("inherit", false)) store::ClearRegionSetting(*c, at, name);
    else store::PutRegionSetting(*c, at, name, GuideText(k), ctx.now);
    store::WriteJournal(
        *c, "procedure_kind", 0, "put", ctx.caller.user_id, ctx.now,
        json::array({{{"field", at + "." + code},
                      {"old", old ? json(*old) : json(nullptr)},
                      {"new", body.value("inherit", false) ? json(nullptr) : json(GuideText(k))}}}));
  }
  tx.Commit();
  return ProcedureKindList{SupervisionSettings::ProcedureKinds(*c, at)};
}

Result<ProcedureList> ProcedureService::Procedures(const Ctx& ctx, int64_t project_id, const Date& as_of) {
  auto c = db_.Acquire();
  auto p = projects_.Readable(*c, ctx, project_id);
  if (!p) return p.error();
  return ProceduresOn(*c, ctx, *p, as_of);
}

ProcedureList ProcedureService::ProceduresOn(store::Connection& c, const Ctx& ctx, const store::ProjectRow& p,
                                             const Date& as_of) {
  const auto& project = p.project;
  auto rows = store::ListProcedures(c, projects_.Scope(ctx, ""), project.id);
  auto files = FilesOf(c, rows);
  ProcedureList out{project.id, project.planned_start, project.actual_start, as_of, 0, {}};
  for (const auto& k : SupervisionSettings::ProcedureKinds(c, SettingsRegionOf(project))) {
    store::ProcedureRow r = ProcedureOfKind(rows, project.id, k);
    const bool blocks = sv::BlocksStart(r.fact, project.planned_start, project.actual_start, as_of);
    out.blocking += blocks ? 1 : 0;
    const auto days = sv::DurationDays(r.fact);
    auto own = r.fact.id != 0 && files.count(r.fact.id) ? std::move(files[r.fact.id])
                                                        : std::vector<store::AttachmentRow>{};
    out.items.push_back({std::move(r), k, blocks, days, std::move(own)});
  }
  return out;
}

Result<ProcedureList> ProcedureService::PutProcedure(const Ctx& ctx, int64_t project_id,
                                                     const std::string& kind, const json& body) {
  auto version = VersionOf(body);  // 0 for a procedure not recorded yet
  if (!version) return version.error();
  auto c = db_.Acquire();
  auto p = projects_.WritableSchedule(*c, ctx, project_id);
  if (!p) return p.error();
  if (auto st = StoreProcedure(*c, ctx, project_id, kind, *version, body); !st) return st.error();
  return ProceduresOn(*c, ctx, *p, ctx.today);
}

Status ProcedureService::StoreProcedure(store::Connection& c, const Ctx& ctx, int64_t project_id,
                                        const std::string& kind, int64_t version, const json& body) {
  store::Transaction tx(c);
  const auto scope = projects_.Scope(ctx, "");
  const auto project = store::LoadProject(c, scope, project_id);
  auto kinds = SupervisionSettings::ProcedureKinds(c, project ? SettingsRegionOf(*project) : "");
  auto k = std::find_if(kinds.begin(), kinds.end(),
                        [&](const store::ProcedureKindRow& r) { return r.kind.code == kind; });
  if (k == kinds.end()) return Error::NotFound("no procedure kind " + kind);
  store::ProcedureRow r = ProcedureOfKind(store::ListProcedures(c, scope, project_id), project_id, *k);
  const bool exists = r.version != 0;
  if (r.version != version) return store::StaleVersion("procedure", r.version);
  const store::ProcedureRow before = r;
  Problems pr;
  ApplyProcedure(c, body, r, pr);
  if (!pr.empty()) return pr.ToError("the procedure is not valid");
  if (!exists) r.fact.id = store::InsertProcedure(c, r, ctx.now);
  else if (auto st = store::UpdateProcedure(c, r, version, ctx.now); !st) return st.error();
  store::WriteJournal(c, "procedure", r.fact.id, exists ? "update" : "create", ctx.caller.user_id, ctx.now,
                      store::ProcedureChanges(before, r));
  tx.Commit();
  return Ok{};
}

bool ProcedureService::Readable(store::Connection& c, const Ctx& ctx, int64_t id) {
  auto r = store::LoadProcedure(c, projects_.Scope(ctx, ""), id);
  return r && projects_.Readable(c, ctx, r->fact.project_id).ok();
}

Result<store::AttachmentRow> ProcedureService::AttachToProcedure(const Ctx& ctx, int64_t id,
                                                                 const Upload& up) {
  auto c = db_.Acquire();
  auto r = store::LoadProcedure(*c, projects_.Scope(ctx, ""), id);
  if (!r) return NoProcedure(id);
  auto p = projects_.WritableSchedule(*c, ctx, r->fact.project_id);
  if (!p) return p.error().code == ErrorCode::kNotFound ? NoProcedure(id) : p.error();
  return attachments_.Attach(*c, ctx, "procedure", id, up);
}

Result<ApprovalDurations> ProcedureService::ProcedureDurations(const Ctx& ctx, const std::string& region) {
  const auto scope = projects_.Scope(ctx, region);
  auto c = db_.Acquire();
  auto facts = store::ListProcedureFacts(*c, scope);
  std::map<int64_t, std::string> names;
  for (const auto& u : store::ListUnits(*c, scope)) names[u.id] = u.name;
  ApprovalDurations out;
  for (const auto& u : sv::DurationsByUnit(facts)) {
    out.items.push_back({u.unit_id == 0 ? std::nullopt : std::optional<int64_t>(u.unit_id),
                         names.count(u.unit_id) ? std::optional<std::string>(names[u.unit_id]) : std::nullopt,
                         u});
  }
  return out;
}

}  // namespace gj::service

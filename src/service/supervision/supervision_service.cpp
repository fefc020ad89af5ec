#include "service/supervision/supervision_service.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "domain/supervision/attention.h"
#include "domain/supervision/milestone.h"
#include "domain/supervision/procedure.h"
#include "store/journal.h"
#include "store/org_store.h"

namespace gj::service {

namespace sv = supervision;
using nlohmann::json;

struct SupervisionService::Actors {
  bool office = false, unit = false, verifier = false, reader = false;
  bool Has(sv::ProblemActor a) const {
    switch (a) {
      case sv::ProblemActor::kOffice: return office;
      case sv::ProblemActor::kUnit: return unit;
      case sv::ProblemActor::kVerifier: return verifier;
      case sv::ProblemActor::kAnyone: return reader;
    }
    return false;
  }
};

namespace {

json OptDateJson(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }
json OptIntJson(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

access::Target TargetOf(const ledger::Project& p, std::optional<int64_t> unit) {
  return {p.county_code, p.town_code.value_or(""), unit};
}
access::Target TargetOfProblem(const store::ProblemRow& p, std::optional<int64_t> unit) {
  return {p.county_code, p.town_code, unit};
}

// Optional date field: absent → keep, null/"" → clear, text → parsed (reported when bad).
std::optional<std::optional<Date>> DateField(const json& b, const std::string& name, Problems& pr) {
  if (!b.contains(name)) return std::nullopt;
  const json& v = b[name];
  if (v.is_null() || (v.is_string() && v.get<std::string>().empty())) return std::optional<Date>();
  if (!v.is_string()) {
    pr.Add(name, v.dump(), "must be a date YYYY-MM-DD");
    return std::nullopt;
  }
  auto d = ParseIsoDate(v.get<std::string>());
  if (!d) {
    pr.Add(name, v.get<std::string>(), "must be a date YYYY-MM-DD");
    return std::nullopt;
  }
  return std::optional<Date>(*d);
}

std::optional<int64_t> IntField(const json& b, const std::string& name, Problems& pr) {
  if (!b.contains(name) || b[name].is_null()) return std::nullopt;
  if (!b[name].is_number_integer()) {
    pr.Add(name, b[name].dump(), "must be an integer");
    return std::nullopt;
  }
  return b[name].get<int64_t>();
}

std::string TextField(const json& b, const std::string& name) {
  return b.contains(name) && b[name].is_string() ? b[name].get<std::string>() : std::string();
}

// What the bytes are (never what the client says): PDF, PNG, JPEG.
std::optional<std::pair<std::string, std::string>> SniffType(const std::string& b) {
  if (b.rfind("%PDF-", 0) == 0) return std::pair{std::string("application/pdf"), std::string(".pdf")};
  if (b.size() > 8 && b.compare(0, 8, std::string("\x89PNG\r\n\x1a\n", 8)) == 0) return std::pair{std::string("image/png"), std::string(".png")};
  if (b.size() > 3 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8 &&
      static_cast<unsigned char>(b[2]) == 0xFF) {
    return std::pair{std::string("image/jpeg"), std::string(".jpg")};
  }
  return std::nullopt;
}

// A display name from the client's name: its last path component, no control characters or
// quotes, at most 120 bytes (cut on a UTF-8 boundary).
std::string CleanFileName(const std::string& raw, const std::string& ext) {
  std::string base = raw.substr(raw.find_last_of("/\\") == std::string::npos ? 0 : raw.find_last_of("/\\") + 1);
  std::string out;
  for (unsigned char ch : base) {
    if (ch < 0x20 || ch == 0x7f || ch == '"' || ch == '\\' || ch == '/') continue;
    out += static_cast<char>(ch);
  }
  if (out.size() > 120) {
    size_t n = 120;
    while (n > 0 && (static_cast<unsigned char>(out[n]) & 0xC0) == 0x80) --n;
    out.resize(n);
  }
  if (out.empty() || out == "." || out == "..") out = "file" + ext;
  return out;
}

std::string RandomName() {
  std::random_device rd;
  static const char* kHex = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < 32; ++i) s += kHex[rd() % 16];
  return s;
}

json AttachmentJson(const store::AttachmentRow& a) {
  return {{"id", a.id}, {"file_name", a.file_name}, {"content_type", a.content_type}, {"size", a.size}, {"created_at", a.created_at},
          {"url", "/api/v1/attachments/" + std::to_string(a.id)}};
}

json StepJson(const store::ProblemStep& s) {
  return {{"id", s.id}, {"action", s.action}, {"from_status", s.from_status}, {"to_status", s.to_status}, {"note", s.note},
          {"user_id", OptIntJson(s.user_id)}, {"user_name", s.user_name}, {"on_date", s.on_date.ToString()}, {"at", s.at}};
}

Error RuleError(ErrorCode code, const sv::ProblemTransition& t, const std::string& why) {
  Error e{code, std::string("rule ") + t.rule + ": " + why, {{"action", t.action, t.rule_text, 0, {}}}, {}};
  e.extra["rule"] = t.rule;
  return e;
}

}  // namespace

std::string SupervisionService::DefaultFilesDir(const std::string& db_url) {
  if (const char* env = std::getenv("GONGJIAN_FILES_DIR"); env && *env) return env;
  if (db_url.rfind("postgres", 0) == 0) return "gongjian-files";
  return db_url + ".files";
}

std::vector<std::string> SupervisionService::Scope(const Ctx& ctx, const std::string& region) {
  auto tree = ledger_.Regions();
  auto scope = access::ReadableRegions(ctx.caller, *tree);
  if (region.empty()) return scope;
  std::vector<std::string> out;
  for (const auto& code : tree->Subtree(region)) {
    if (std::binary_search(scope.begin(), scope.end(), code)) out.push_back(code);
  }
  return out;
}

// ---------------------------------------------------------------- settings

sv::EscalationPolicy SupervisionService::Escalation(store::Connection& c) {
  auto s = store::GetSetting(c, "escalation");
  if (!s) return sv::DefaultEscalation();
  sv::EscalationPolicy p;
  for (const auto& j : json::parse(*s)) p.steps.push_back({j.value("after_days", 0), j.value("level", ""), j.value("label_zh", "")});
  return p;
}

sv::VisitRule SupervisionService::VisitRule(store::Connection& c) {
  auto s = store::GetSetting(c, "visit_rule");
  if (!s) return {};
  auto j = json::parse(*s);
  return {j.value("window_days", 7), j.value("min_visits", 1)};
}

Result<json> SupervisionService::Config(const Ctx&) {
  json workflow = json::array();
  for (const auto& t : sv::ProblemWorkflow()) {
    static const char* kActor[] = {"office", "unit", "verifier", "anyone"};
    workflow.push_back({{"action", t.action}, {"from", t.from}, {"to", t.to}, {"actor", kActor[static_cast<int>(t.actor)]},
                        {"rule", t.rule}, {"rule_text", t.rule_text}});
  }
  auto c = db_.Acquire();
  json esc = json::array();
  for (const auto& s : Escalation(*c).steps) esc.push_back({{"after_days", s.after_days}, {"level", s.level}, {"label_zh", s.label_zh}});
  const auto rule = VisitRule(*c);
  const std::string tile_url = store::GetSetting(*c, "map_tile_url").value_or("");
  return json{{"problem_categories", sv::kProblemCategories}, {"problem_statuses", sv::kProblemStatuses},
              {"procedure_statuses", sv::kProcedureStatuses}, {"workflow", workflow}, {"escalation", esc},
              {"visit_rule", {{"window_days", rule.window_days}, {"min_visits", rule.min_visits}}},
              {"procedure_kinds", KindsJson(*c)},
              {"map_tile_url", tile_url}};
}

Result<json> SupervisionService::PutSettings(const Ctx& ctx, const json& body) {
  if (!access::AllowedAnywhere(ctx.caller, access::kSupervisionManage)) return Error::Forbidden("only the project office changes supervision settings");
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  if (auto st = StoreSettings(ctx, body); !st) return st.error();
  return Config(ctx);
}

Status SupervisionService::StoreSettings(const Ctx& ctx, const json& body) {
  Problems pr;
  json changes = json::array();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  if (body.contains("escalation")) {
    sv::EscalationPolicy p;
    if (!body["escalation"].is_array()) pr.Add("escalation", body["escalation"].dump(), "must be an array of steps");
    else {
      for (const auto& j : body["escalation"]) {
        if (!j.is_object()) continue;
        p.steps.push_back({j.value("after_days", 0), j.value("level", ""), j.value("label_zh", "")});
      }
      const Problems found = sv::ValidateEscalation(p);
      for (const auto& d : found.details()) pr.Add({"escalation." + d.field, d.value, d.reason, 0, {}});
    }
    if (pr.empty()) {
      changes.push_back({{"field", "escalation"}, {"old", store::GetSetting(*c, "escalation").value_or("")}, {"new", body["escalation"].dump()}});
      store::PutSetting(*c, "escalation", body["escalation"].dump());
    }
  }
  if (body.contains("visit_rule")) {
    const json& j = body["visit_rule"];
    sv::VisitRule r{j.is_object() ? j.value("window_days", 7) : 0, j.is_object() ? j.value("min_visits", 1) : 0};
    const Problems found = sv::ValidateVisitRule(r);
    for (const auto& d : found.details()) pr.Add({"visit_rule." + d.field, d.value, d.reason, 0, {}});
    if (pr.empty()) {
      json v = {{"window_days", r.window_days}, {"min_visits", r.min_visits}};
      changes.push_back({{"field", "visit_rule"}, {"old", store::GetSetting(*c, "visit_rule").value_or("")}, {"new", v.dump()}});
      store::PutSetting(*c, "visit_rule", v.dump());
    }
  }
  if (body.contains("map_tile_url")) {
    const std::string url = TextField(body, "map_tile_url");
    if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) pr.Add("map_tile_url", url, "must be an http(s) URL with {z}/{x}/{y}");
    else {
      changes.push_back({{"field", "map_tile_url"}, {"old", store::GetSetting(*c, "map_tile_url").value_or("")}, {"new", url}});
      store::PutSetting(*c, "map_tile_url", url);
    }
  }
  if (!pr.empty()) return pr.ToError("the settings are not valid");
  store::WriteJournal(*c, "supervision_settings", 0, "update", ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return Ok{};
}

// ---------------------------------------------------------------- problems

SupervisionService::Actors SupervisionService::ActorsFor(store::Connection& c, const Ctx& ctx, const store::ProblemRow& p,
                                                        const access::RegionTree& tree) {
  Actors a;
  a.reader = access::Allowed(ctx.caller, access::kProjectRead, TargetOfProblem(p, p.project_unit_id), tree);
  a.office = access::Allowed(ctx.caller, access::kSupervisionManage, TargetOfProblem(p, p.project_unit_id), tree);
  a.unit = p.fact.unit_id && access::Allowed(ctx.caller, access::kProblemHandle, TargetOfProblem(p, p.fact.unit_id), tree);
  auto person = store::PersonOfUser(c, ctx.caller.user_id);
  a.verifier = person && p.fact.coordinator_id && *person == *p.fact.coordinator_id;
  return a;
}

json SupervisionService::ProblemJson(const store::ProblemRow& p, const Date& as_of, const Actors* actors,
                                     const sv::EscalationPolicy& escalation) {
  const auto esc = sv::EscalationAt(p.fact, as_of, escalation);
  json j = {{"id", p.fact.id}, {"project_id", p.fact.project_id}, {"project_code", p.project_code}, {"project_name", p.project_name},
            {"county_code", p.county_code}, {"town_code", p.town_code.empty() ? json(nullptr) : json(p.town_code)},
            {"category", p.fact.category}, {"description", p.description}, {"status", p.fact.status},
            {"unit_id", OptIntJson(p.fact.unit_id)}, {"unit_name", p.unit_name.empty() ? json(nullptr) : json(p.unit_name)},
            {"coordinator_id", OptIntJson(p.fact.coordinator_id)},
            {"coordinator_name", p.coordinator_name.empty() ? json(nullptr) : json(p.coordinator_name)},
            {"deadline", OptDateJson(p.fact.deadline)}, {"raised_on", p.fact.raised_on.ToString()}, {"signed_on", OptDateJson(p.signed_on)},
            {"closed_on", OptDateJson(p.fact.closed_on)}, {"defer_reason", p.defer_reason}, {"returns", p.returns},
            {"overdue", sv::IsOverdue(p.fact, as_of)}, {"days_overdue", sv::DaysOverdue(p.fact, as_of)},
            {"escalation", esc ? json{{"level", esc->level}, {"label_zh", esc->label_zh}, {"after_days", esc->after_days}} : json(nullptr)},
            {"version", p.version}, {"created_at", p.created_at}, {"updated_at", p.updated_at}};
  if (actors) {
    json acts = json::array();
    for (const auto& t : sv::ProblemWorkflow()) {
      if (actors->Has(t.actor) && std::find(t.from.begin(), t.from.end(), p.fact.status) != t.from.end()) acts.push_back(t.action);
    }
    j["actions"] = acts;
  }
  return j;
}

Result<json> SupervisionService::ListProblems(const Ctx& ctx, store::ProblemFilter f, const std::string& region, const Date& as_of) {
  f.regions = Scope(ctx, region);
  f.unscoped = false;
  auto c = db_.Acquire();
  auto rows = store::ListProblems(*c, f);
  const auto escalation = Escalation(*c);
  json items = json::array();
  for (const auto& p : rows) items.push_back(ProblemJson(p, as_of, nullptr, escalation));
  return json{{"items", items}, {"total_count", rows.size()}, {"as_of", as_of.ToString()}};
}

Result<json> SupervisionService::ProblemBoard(const Ctx& ctx, const std::string& region, const Date& as_of) {
  store::ProblemFilter f;
  f.regions = Scope(ctx, region);
  auto c = db_.Acquire();
  auto rows = store::ListProblems(*c, f);
  std::map<std::string, int> by_status;
  for (const auto& s : sv::kProblemStatuses) by_status[s] = 0;
  std::vector<sv::ProblemFact> facts;
  std::map<int64_t, std::string> unit_names;
  int overdue = 0;
  for (const auto& p : rows) {
    ++by_status[p.fact.status];
    facts.push_back(p.fact);
    if (p.fact.unit_id) unit_names[*p.fact.unit_id] = p.unit_name;
    if (sv::IsOverdue(p.fact, as_of)) ++overdue;
  }
  json units = json::array();
  for (const auto& u : sv::OverdueByUnit(facts, as_of)) {
    units.push_back({{"unit_id", u.unit_id == 0 ? json(nullptr) : json(u.unit_id)}, {"unit_name", u.unit_id == 0 ? json(nullptr) : json(unit_names[u.unit_id])},
                     {"open", u.open}, {"overdue", u.overdue}, {"max_days_overdue", u.max_days_overdue}});
  }
  return json{{"as_of", as_of.ToString()}, {"total", rows.size()}, {"overdue", overdue}, {"by_status", by_status}, {"by_unit", units}};
}

Result<json> SupervisionService::GetProblem(const Ctx& ctx, int64_t id) {
  auto tree = ledger_.Regions();
  auto c = db_.Acquire();
  return ProblemOn(*c, ctx, id, *tree);
}

// On the caller's connection, so a write can answer with the new state without a second lease.
Result<json> SupervisionService::ProblemOn(store::Connection& conn, const Ctx& ctx, int64_t id, const access::RegionTree& tree) {
  store::Connection* c = &conn;
  auto p = store::LoadProblem(*c, id);
  if (!p) return Error::NotFound("no problem " + std::to_string(id));
  auto actors = ActorsFor(*c, ctx, *p, tree);
  if (!actors.reader) return Error::NotFound("no problem " + std::to_string(id));
  json j = ProblemJson(*p, ctx.today, &actors, Escalation(*c));
  json steps = json::array();
  std::vector<int64_t> ids{id};
  for (const auto& s : store::ListProblemSteps(*c, id)) steps.push_back(StepJson(s));
  json files = json::array();
  for (const auto& a : store::ListAttachments(*c, "problem", ids)) files.push_back(AttachmentJson(a));
  j["steps"] = steps;
  j["attachments"] = files;
  return j;
}

Result<json> SupervisionService::RaiseProblem(const Ctx& ctx, const json& body) {
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  Problems pr;
  auto project_id = IntField(body, "project_id", pr);
  const std::string category = TextField(body, "category");
  const std::string description = TextField(body, "description");
  if (!project_id) pr.Add("project_id", "", "required");
  if (std::find(sv::kProblemCategories.begin(), sv::kProblemCategories.end(), category) == sv::kProblemCategories.end()) {
    pr.Add({"category", category, "not a problem category", 0, sv::kProblemCategories});
  }
  if (description.empty()) pr.Add("description", "", "required");
  if (description.size() > 4000) pr.Add("description", description.substr(0, 20) + "…", "at most 4000 bytes");
  auto deadline = DateField(body, "deadline", pr);
  if (!pr.empty()) return pr.ToError("the problem is not valid");
  auto project = ReadableProject(ctx, *project_id);
  if (!project) return project.error();
  auto tree = ledger_.Regions();
  if (!access::Allowed(ctx.caller, access::kProblemRaise, TargetOf(project->project, project->project.unit_id), *tree)) {
    return Error::Forbidden("you may not raise problems on this project");
  }
  store::ProblemRow p;
  p.fact.project_id = *project_id;
  p.fact.category = category;
  p.fact.status = "raised";
  p.fact.raised_on = ctx.today;
  if (deadline) p.fact.deadline = *deadline;
  p.description = description;
  p.raised_by = ctx.caller.user_id;
  p.created_at = p.updated_at = ctx.now;
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  p.fact.id = store::InsertProblem(*c, p);
  store::InsertProblemStep(*c, {0, p.fact.id, "raise", "", "raised", description, ctx.caller.user_id, ctx.caller.name, ctx.today, ctx.now});
  store::WriteJournal(*c, "problem", p.fact.id, "raise", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", "project_id"}, {"old", nullptr}, {"new", *project_id}},
                                   {{"field", "category"}, {"old", nullptr}, {"new", category}},
                                   {{"field", "description"}, {"old", nullptr}, {"new", description}},
                                   {{"field", "status"}, {"old", nullptr}, {"new", "raised"}}}));
  tx.Commit();
  return ProblemOn(*c, ctx, p.fact.id, *tree);
}

Result<json> SupervisionService::Act(const Ctx& ctx, int64_t id, const std::string& action, const json& body) {
  const sv::ProblemTransition* t = sv::FindProblemTransition(action);
  if (!t) {
    std::vector<std::string> names;
    for (const auto& x : sv::ProblemWorkflow()) names.push_back(x.action);
    return Error::Invalid("unknown action", {{"action", action, "not a step of the problem workflow", 0, names}});
  }
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto tree = ledger_.Regions();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto current = store::LoadProblem(*c, id);
  if (!current) return Error::NotFound("no problem " + std::to_string(id));
  Actors actors = ActorsFor(*c, ctx, *current, *tree);
  if (!actors.reader) return Error::NotFound("no problem " + std::to_string(id));
  if (current->version != *version) {
    Error e = Error::Conflict("the problem was changed by someone else (version " + std::to_string(current->version) +
                              "); reload and apply your step again");
    e.extra["current"] = ProblemJson(*current, ctx.today, &actors, Escalation(*c));
    return e;
  }
  const std::string from = current->fact.status;
  if (std::find(t->from.begin(), t->from.end(), from) == t->from.end()) {
    return RuleError(ErrorCode::kConflict, *t, "not allowed while the problem is " + from);
  }
  if (!actors.Has(t->actor)) return RuleError(ErrorCode::kForbidden, *t, "you are not the one who may take this step");

  store::ProblemRow next = *current;
  Problems pr;
  const std::string note = TextField(body, "note");
  if (action == "assign" || action == "resume") {
    auto unit = IntField(body, "unit_id", pr);
    auto coordinator = IntField(body, "coordinator_id", pr);
    auto deadline = DateField(body, "deadline", pr);
    if (unit) next.fact.unit_id = *unit;
    if (coordinator) next.fact.coordinator_id = *coordinator;
    if (deadline) next.fact.deadline = *deadline;
    if (!next.fact.unit_id) pr.Add("unit_id", "", "rule problem.assign.needs_unit: a responsible unit is required");
    else if (!store::LoadUnit(*c, *next.fact.unit_id)) pr.Add("unit_id", std::to_string(*next.fact.unit_id), "unknown unit");
    if (!next.fact.coordinator_id) pr.Add("coordinator_id", "", "rule problem.assign.needs_coordinator: a coordinating leader is required");
    else if (!store::LoadPerson(*c, *next.fact.coordinator_id)) pr.Add("coordinator_id", std::to_string(*next.fact.coordinator_id), "unknown person");
    if (!next.fact.deadline) pr.Add("deadline", "", "rule problem.assign.needs_deadline: a deadline is required");
    else if (deadline && *deadline && **deadline < ctx.today) pr.Add("deadline", (*deadline)->ToString(), "rule problem.deadline_not_past: must not lie in the past");
  } else if (action == "sign") {
    next.signed_on = ctx.today;
  } else if (action == "handle") {
    if (note.empty()) pr.Add("note", "", "rule problem.handle.needs_text: describe what was done");
  } else if (action == "request_close") {
    bool handled = false;
    for (const auto& s : store::ListProblemSteps(*c, id)) handled = handled || s.action == "handle";
    if (!handled) pr.Add("action", action, "rule problem.request_close.after_handling: add a handling record first");
  } else if (action == "close_out") {
    next.fact.closed_on = ctx.today;
  } else if (action == "return") {
    if (note.empty()) pr.Add("note", "", "rule problem.return.needs_reason: say why it is returned");
    ++next.returns;
  } else if (action == "defer") {
    next.defer_reason = TextField(body, "reason").empty() ? note : TextField(body, "reason");
    if (next.defer_reason.empty()) pr.Add("reason", "", "rule problem.defer.needs_reason: a reason is required");
  }
  if (!pr.empty()) {
    Error e = pr.ToError("the step is not valid");
    e.extra["rule"] = t->rule;
    return e;
  }
  if (*t->to) next.fact.status = t->to;
  next.updated_at = ctx.now;
  if (!store::UpdateProblem(*c, next, *version)) return Error::Conflict("the problem was changed by someone else; reload");
  const std::string step_note = action == "defer" ? next.defer_reason : note;
  store::InsertProblemStep(*c, {0, id, action, from, next.fact.status, step_note, ctx.caller.user_id, ctx.caller.name, ctx.today, ctx.now});
  json changes = json::array();
  auto diff = [&](const char* field, const json& o, const json& n) {
    if (o != n) changes.push_back({{"field", field}, {"old", o}, {"new", n}});
  };
  diff("status", from, next.fact.status);
  diff("unit_id", OptIntJson(current->fact.unit_id), OptIntJson(next.fact.unit_id));
  diff("coordinator_id", OptIntJson(current->fact.coordinator_id), OptIntJson(next.fact.coordinator_id));
  diff("deadline", OptDateJson(current->fact.deadline), OptDateJson(next.fact.deadline));
  diff("closed_on", OptDateJson(current->fact.closed_on), OptDateJson(next.fact.closed_on));
  diff("defer_reason", current->defer_reason, next.defer_reason);
  if (!step_note.empty()) changes.push_back({{"field", "note"}, {"old", nullptr}, {"new", step_note}});
  store::WriteJournal(*c, "problem", id, action, ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return ProblemOn(*c, ctx, id, *tree);
}

Result<store::AttachmentRow> SupervisionService::SaveUpload(const Upload& up) {
  if (up.bytes.empty()) return Error::Invalid("the file is empty", {{"file", "", "required", 0, {}}});
  if (up.bytes.size() > kMaxAttachmentBytes) {
    return Error{ErrorCode::kPayloadTooLarge, "the file is larger than " + std::to_string(kMaxAttachmentBytes >> 20) + " MB", {}, {}};
  }
  auto type = SniffType(up.bytes);
  if (!type) return Error::Invalid("only PDF, PNG and JPEG files are accepted", {{"file", up.file_name, "not a PDF, PNG or JPEG file", 0, {"pdf", "png", "jpeg"}}});
  store::AttachmentRow a;
  a.stored_name = RandomName() + type->second;
  a.content_type = type->first;
  a.file_name = CleanFileName(up.file_name, type->second);
  a.size = static_cast<int64_t>(up.bytes.size());
  std::filesystem::create_directories(files_dir_);
  const auto path = std::filesystem::path(files_dir_) / a.stored_name;
  std::ofstream out(path, std::ios::binary);
  out.write(up.bytes.data(), static_cast<std::streamsize>(up.bytes.size()));
  if (!out) return Error{ErrorCode::kInternal, "cannot store the file", {}, {}};
  return a;
}

Result<json> SupervisionService::AttachToProblem(const Ctx& ctx, int64_t id, const Upload& up) {
  auto tree = ledger_.Regions();
  auto c = db_.Acquire();
  auto p = store::LoadProblem(*c, id);
  if (!p) return Error::NotFound("no problem " + std::to_string(id));
  auto actors = ActorsFor(*c, ctx, *p, *tree);
  if (!actors.reader) return Error::NotFound("no problem " + std::to_string(id));
  if (!actors.unit && !actors.office && !actors.verifier) return Error::Forbidden("only the unit, the verifier or the project office add evidence");
  if (!sv::IsOpen(p->fact.status) && p->fact.status != "verifying") return Error::Conflict("rule problem.evidence_while_open: the problem is " + p->fact.status);
  auto a = SaveUpload(up);
  if (!a) return a.error();
  a->owner = "problem";
  a->owner_id = id;
  a->user_id = ctx.caller.user_id;
  a->created_at = ctx.now;
  store::Transaction tx(*c);
  a->id = store::InsertAttachment(*c, *a);
  store::WriteJournal(*c, "problem", id, "attach", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", "attachment"}, {"old", nullptr}, {"new", a->file_name + " (" + std::to_string(a->size) + " B)"}}}));
  tx.Commit();
  return AttachmentJson(*a);
}

Result<Download> SupervisionService::GetAttachment(const Ctx& ctx, int64_t id) {
  auto tree = ledger_.Regions();
  std::optional<store::AttachmentRow> a;
  bool ok = false;
  std::optional<int64_t> procedure_project;
  {
    auto c = db_.Acquire();
    a = store::LoadAttachment(*c, id);
    if (!a) return Error::NotFound("no attachment " + std::to_string(id));
    // Readable when its owner is.
    if (a->owner == "problem") {
      auto p = store::LoadProblem(*c, a->owner_id);
      ok = p && ActorsFor(*c, ctx, *p, *tree).reader;
    } else if (a->owner == "procedure") {
      if (auto p = store::LoadProcedure(*c, a->owner_id)) procedure_project = p->fact.project_id;
    }
  }
  if (procedure_project) ok = ReadableProject(ctx, *procedure_project).ok();
  if (!ok) return Error::NotFound("no attachment " + std::to_string(id));
  std::ifstream in(std::filesystem::path(files_dir_) / a->stored_name, std::ios::binary);
  if (!in) return Error{ErrorCode::kInternal, "the stored file is missing", {}, {}};
  std::stringstream ss;
  ss << in.rdbuf();
  return Download{ss.str(), a->content_type, a->file_name};
}

// ---------------------------------------------------------------- projects (shared)

Result<store::ProjectRow> SupervisionService::ReadableProject(const Ctx& ctx, int64_t project_id) {
  return ledger_.Get(ctx, project_id);
}

Result<store::ProjectRow> SupervisionService::WritableSchedule(const Ctx& ctx, int64_t project_id) {
  auto p = ReadableProject(ctx, project_id);
  if (!p) return p.error();
  if (!access::Allowed(ctx.caller, access::kScheduleWrite, TargetOf(p->project, p->project.unit_id), *ledger_.Regions())) {
    return Error::Forbidden("you may not edit this project's milestones and procedures");
  }
  return p;
}

// ---------------------------------------------------------------- milestones

namespace {

json MilestonesJson(const std::vector<store::MilestoneRow>& rows, const Date& finish, const Date& as_of) {
  std::vector<sv::Milestone> ms;
  for (const auto& r : rows) ms.push_back(r.m);
  auto sched = sv::BackwardSchedule(ms, finish, as_of);
  json items = json::array();
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& m = rows[i].m;
    const auto& s = sched[i];
    items.push_back({{"id", m.id}, {"project_id", m.project_id}, {"name", m.name}, {"planned_date", m.planned_date.ToString()},
                     {"actual_date", OptDateJson(m.actual_date)}, {"duration_days", m.duration_days},
                     {"predecessor_id", OptIntJson(m.predecessor_id)}, {"unit_id", OptIntJson(m.unit_id)},
                     {"unit_name", rows[i].unit_name.empty() ? json(nullptr) : json(rows[i].unit_name)}, {"sort", rows[i].sort},
                     {"version", rows[i].version}, {"planned_start", s.planned_start.ToString()},
                     {"latest_start", s.latest_start.ToString()}, {"latest_finish", s.latest_finish.ToString()},
                     {"slack_days", s.slack_days}, {"late", s.late}, {"days_late", s.days_late}});
  }
  return items;
}

Date FinishOf(const ledger::Project& p, const std::vector<store::MilestoneRow>& rows, const Date& today) {
  if (p.planned_completion) return *p.planned_completion;
  Date f = today;
  for (const auto& r : rows) f = std::max(f, r.m.planned_date);
  return f;
}

// The problems of a milestone not stored yet (id -1) name its plain fields ("planned_date").
Error NewMilestoneError(const Problems& found) {
  static const std::string kPrefix = "milestones[-1].";
  Problems out;
  for (auto d : found.details()) {
    if (d.field.rfind(kPrefix, 0) == 0) d.field = d.field.substr(kPrefix.size());
    out.Add(d);
  }
  return out.ToError("the milestone breaks a scheduling rule");
}

// Reads a milestone from a body onto `m`; reports every problem.
void ApplyMilestone(const json& b, sv::Milestone& m, int& sort, Problems& pr) {
  if (b.contains("name")) m.name = TextField(b, "name");
  if (auto d = DateField(b, "planned_date", pr)) {
    if (*d) m.planned_date = **d;
    else pr.Add("planned_date", "", "required");
  }
  if (auto d = DateField(b, "actual_date", pr)) m.actual_date = *d;
  if (b.contains("duration_days")) {
    if (auto v = IntField(b, "duration_days", pr)) m.duration_days = static_cast<int>(*v);
  }
  if (b.contains("predecessor_id")) m.predecessor_id = IntField(b, "predecessor_id", pr);
  if (b.contains("unit_id")) m.unit_id = IntField(b, "unit_id", pr);
  if (b.contains("sort")) {
    if (auto v = IntField(b, "sort", pr)) sort = static_cast<int>(*v);
  }
}

}  // namespace

Result<json> SupervisionService::Milestones(const Ctx& ctx, int64_t project_id, std::optional<Date> finish, const Date& as_of) {
  auto p = ReadableProject(ctx, project_id);
  if (!p) return p.error();
  auto c = db_.Acquire();
  auto rows = store::ListMilestones(*c, project_id);
  const Date f = finish.value_or(FinishOf(p->project, rows, ctx.today));
  return json{{"project_id", project_id}, {"project_name", p->project.name}, {"finish", f.ToString()}, {"as_of", as_of.ToString()},
              {"items", MilestonesJson(rows, f, as_of)}};
}

Result<json> SupervisionService::AddMilestone(const Ctx& ctx, int64_t project_id, const json& body) {
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  auto p = WritableSchedule(ctx, project_id);
  if (!p) return p.error();
  store::MilestoneRow row;
  row.m.project_id = project_id;
  Problems pr;
  if (!body.contains("planned_date")) pr.Add("planned_date", "", "required");
  ApplyMilestone(body, row.m, row.sort, pr);
  if (!pr.empty()) return pr.ToError("the milestone is not valid");
  {
    auto c = db_.Acquire();
    store::Transaction tx(*c);
    auto all = store::ListMilestones(*c, project_id);
    row.m.id = -1;  // validated with the others before it has an id
    std::vector<sv::Milestone> ms;
    for (const auto& r : all) ms.push_back(r.m);
    ms.push_back(row.m);
    if (auto v = sv::ValidateMilestones(ms); !v.empty()) return NewMilestoneError(v);
    row.m.id = store::InsertMilestone(*c, row, ctx.now);
    store::WriteJournal(*c, "milestone", row.m.id, "create", ctx.caller.user_id, ctx.now,
                        json::array({{{"field", "name"}, {"old", nullptr}, {"new", row.m.name}},
                                     {{"field", "planned_date"}, {"old", nullptr}, {"new", row.m.planned_date.ToString()}}}));
    tx.Commit();
  }
  return Milestones(ctx, project_id, std::nullopt, ctx.today);
}

Result<json> SupervisionService::UpdateMilestone(const Ctx& ctx, int64_t id, const json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  int64_t project_id = 0;
  {
    auto c = db_.Acquire();
    auto found = c->Query("SELECT project_id FROM milestones WHERE id = ?", {id});
    if (found.empty()) return Error::NotFound("no milestone " + std::to_string(id));
    project_id = store::AsInt(found.rows[0][0]);
  }
  auto p = WritableSchedule(ctx, project_id);
  if (!p) return p.error().code == ErrorCode::kNotFound ? Error::NotFound("no milestone " + std::to_string(id)) : p.error();
  if (auto st = StoreMilestone(ctx, id, project_id, *version, body); !st) return st.error();
  return Milestones(ctx, project_id, std::nullopt, ctx.today);
}

Status SupervisionService::StoreMilestone(const Ctx& ctx, int64_t id, int64_t project_id, int64_t version, const json& body) {
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto all = store::ListMilestones(*c, project_id);
  auto it = std::find_if(all.begin(), all.end(), [&](const store::MilestoneRow& r) { return r.m.id == id; });
  if (it == all.end()) return Error::NotFound("no milestone " + std::to_string(id));
  if (it->version != version) return Error::Conflict("the milestone was changed by someone else (version " + std::to_string(it->version) + "); reload");
  const store::MilestoneRow before = *it;
  Problems pr;
  ApplyMilestone(body, it->m, it->sort, pr);
  if (!pr.empty()) return pr.ToError("the milestone is not valid");
  std::vector<sv::Milestone> ms;
  for (const auto& r : all) ms.push_back(r.m);
  if (auto v = sv::ValidateMilestones(ms); !v.empty()) return v.ToError("the milestone breaks a scheduling rule");
  if (!store::UpdateMilestone(*c, *it, version, ctx.now)) return Error::Conflict("the milestone was changed by someone else; reload");
  json changes = json::array();
  auto diff = [&](const char* f, const json& o, const json& n) {
    if (o != n) changes.push_back({{"field", f}, {"old", o}, {"new", n}});
  };
  diff("name", before.m.name, it->m.name);
  diff("planned_date", before.m.planned_date.ToString(), it->m.planned_date.ToString());
  diff("actual_date", OptDateJson(before.m.actual_date), OptDateJson(it->m.actual_date));
  diff("duration_days", before.m.duration_days, it->m.duration_days);
  diff("predecessor_id", OptIntJson(before.m.predecessor_id), OptIntJson(it->m.predecessor_id));
  diff("unit_id", OptIntJson(before.m.unit_id), OptIntJson(it->m.unit_id));
  store::WriteJournal(*c, "milestone", id, "update", ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return Ok{};
}

Result<json> SupervisionService::Gantt(const Ctx& ctx, store::ProjectFilter f, const std::string& region, const Date& as_of) {
  auto projects = ledger_.ListInRegion(ctx, f, region);
  if (!projects) return projects.error();
  std::vector<int64_t> ids;
  for (const auto& p : projects.value()) ids.push_back(p.project.id);
  constexpr size_t kMaxGanttProjects = 300;
  const bool truncated = ids.size() > kMaxGanttProjects;
  if (truncated) ids.resize(kMaxGanttProjects);
  auto c = db_.Acquire();
  auto rows = store::ListMilestonesOf(*c, ids);
  std::map<int64_t, std::vector<store::MilestoneRow>> by;
  for (auto& r : rows) by[r.m.project_id].push_back(std::move(r));
  json items = json::array();
  for (size_t i = 0; i < ids.size(); ++i) {
    const auto& p = projects.value()[i].project;
    const auto& ms = by[p.id];
    const Date finish = FinishOf(p, ms, ctx.today);
    items.push_back({{"project_id", p.id}, {"code", p.code}, {"name", p.name}, {"town_name", projects.value()[i].town_name},
                     {"planned_start", OptDateJson(p.planned_start)}, {"actual_start", OptDateJson(p.actual_start)},
                     {"finish", finish.ToString()}, {"milestones", MilestonesJson(ms, finish, as_of)}});
  }
  return json{{"as_of", as_of.ToString()}, {"items", items}, {"truncated", truncated}};
}

Result<json> SupervisionService::Map(const Ctx& ctx, const std::string& region, const Date& as_of) {
  auto projects = ledger_.ListInRegion(ctx, {}, region);
  if (!projects) return projects.error();
  const auto scope = Scope(ctx, region);
  auto c = db_.Acquire();
  // The colour from the problems alone (red with a problem overdue by more than 30 days, yellow
  // with any overdue problem); the route replaces it with the project's warning light.
  std::map<int64_t, int64_t> worst;
  for (const auto& f : store::ListProblemFacts(*c, scope)) {
    if (sv::IsOverdue(f, as_of)) worst[f.project_id] = std::max(worst[f.project_id], sv::DaysOverdue(f, as_of));
  }
  json towns = json::object();
  json items = json::array();
  for (const auto& r : projects.value()) {
    const auto& p = r.project;
    if (!p.longitude || !p.latitude) continue;
    const std::string light = !worst.count(p.id) ? "green" : worst[p.id] > 30 ? "red" : "yellow";
    const std::string town = r.town_name.empty() ? r.county_name : r.town_name;
    items.push_back({{"id", p.id}, {"code", p.code}, {"name", p.name}, {"town_name", town}, {"longitude", *p.longitude},
                     {"latitude", *p.latitude}, {"stage", p.stage}, {"light", light}});
    towns[town] = towns.value(town, 0) + 1;
  }
  return json{{"as_of", as_of.ToString()}, {"items", items}, {"towns", towns},
              {"tile_url", store::GetSetting(*c, "map_tile_url").value_or("")}};
}

// ---------------------------------------------------------------- procedures

Result<json> SupervisionService::ProcedureKinds(const Ctx&) {
  auto c = db_.Acquire();
  return KindsJson(*c);
}

json SupervisionService::KindsJson(store::Connection& c) {
  json out = json::array();
  for (const auto& k : store::ListProcedureKinds(c)) {
    out.push_back({{"code", k.kind.code}, {"label_zh", k.kind.label_zh}, {"label_en", k.kind.label_en},
                   {"required_for_start", k.kind.required_for_start}, {"sort", k.sort},
                   {"guide", {{"documents", k.documents}, {"handling_unit", k.handling_unit}, {"office", k.office}, {"phone", k.phone}}}});
  }
  return out;
}

Result<json> SupervisionService::PutProcedureKind(const Ctx& ctx, const std::string& code, const json& body) {
  if (!access::AllowedAnywhere(ctx.caller, access::kSupervisionManage)) return Error::Forbidden("only the project office edits procedure kinds");
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  Problems pr;
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
  if (code.empty() || code.size() > 40 || code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) {
    pr.Add("code", code, "lower-case letters, digits and _ only");
  }
  if (k.kind.label_zh.empty()) pr.Add("label_zh", "", "required");
  if (!pr.empty()) return pr.ToError("the procedure kind is not valid");
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  store::UpsertProcedureKind(*c, k);
  store::WriteJournal(*c, "procedure_kind", 0, "put", ctx.caller.user_id, ctx.now, json::array({{{"field", code}, {"old", nullptr}, {"new", body}}}));
  tx.Commit();
  return KindsJson(*c);
}

Result<json> SupervisionService::Procedures(const Ctx& ctx, int64_t project_id, const Date& as_of) {
  auto p = ReadableProject(ctx, project_id);
  if (!p) return p.error();
  auto c = db_.Acquire();
  auto rows = store::ListProcedures(*c, project_id);
  std::vector<int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.fact.id);
  std::map<int64_t, json> files;
  for (const auto& a : store::ListAttachments(*c, "procedure", ids)) {
    if (!files.count(a.owner_id)) files[a.owner_id] = json::array();
    files[a.owner_id].push_back(AttachmentJson(a));
  }
  json items = json::array();
  int blocking = 0;
  for (const auto& k : store::ListProcedureKinds(*c)) {
    auto it = std::find_if(rows.begin(), rows.end(), [&](const store::ProcedureRow& r) { return r.fact.kind == k.kind.code; });
    store::ProcedureRow r;
    if (it != rows.end()) r = *it;
    else {
      r.fact = {0, project_id, k.kind.code, "not_started", std::nullopt, std::nullopt, std::nullopt, false, k.kind.required_for_start};
      r.version = 0;
    }
    const bool blocks = sv::BlocksStart(r.fact, p->project.planned_start, p->project.actual_start, as_of);
    blocking += blocks ? 1 : 0;
    const auto days = sv::DurationDays(r.fact);
    items.push_back({{"id", r.fact.id == 0 ? json(nullptr) : json(r.fact.id)}, {"kind", k.kind.code}, {"label_zh", k.kind.label_zh},
                     {"label_en", k.kind.label_en}, {"status", r.fact.status}, {"unit_id", OptIntJson(r.fact.unit_id)},
                     {"unit_name", r.unit_name.empty() ? json(nullptr) : json(r.unit_name)}, {"applied_on", OptDateJson(r.fact.applied_on)},
                     {"approved_on", OptDateJson(r.fact.approved_on)}, {"accepted_pending", r.fact.accepted_pending},
                     {"pending_document", r.pending_document}, {"approval_no", r.approval_no},
                     {"required_for_start", k.kind.required_for_start}, {"blocks_start", blocks},
                     {"duration_days", days ? json(*days) : json(nullptr)}, {"version", r.version},
                     {"attachments", files.count(r.fact.id) ? files[r.fact.id] : json::array()},
                     {"guide", {{"documents", k.documents}, {"handling_unit", k.handling_unit}, {"office", k.office}, {"phone", k.phone}}}});
  }
  return json{{"project_id", project_id}, {"planned_start", OptDateJson(p->project.planned_start)},
              {"actual_start", OptDateJson(p->project.actual_start)}, {"as_of", as_of.ToString()}, {"blocking", blocking}, {"items", items}};
}

Result<json> SupervisionService::PutProcedure(const Ctx& ctx, int64_t project_id, const std::string& kind, const json& body) {
  auto version = VersionOf(body);  // 0 for a procedure not recorded yet
  if (!version) return version.error();
  auto p = WritableSchedule(ctx, project_id);
  if (!p) return p.error();
  if (auto st = StoreProcedure(ctx, project_id, kind, *version, body); !st) return st.error();
  return Procedures(ctx, project_id, ctx.today);
}

Status SupervisionService::StoreProcedure(const Ctx& ctx, int64_t project_id, const std::string& kind, int64_t version,
                                          const json& body) {
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto kinds = store::ListProcedureKinds(*c);
  auto k = std::find_if(kinds.begin(), kinds.end(), [&](const store::ProcedureKindRow& r) { return r.kind.code == kind; });
  if (k == kinds.end()) return Error::NotFound("no procedure kind " + kind);
  auto rows = store::ListProcedures(*c, project_id);
  auto it = std::find_if(rows.begin(), rows.end(), [&](const store::ProcedureRow& r) { return r.fact.kind == kind; });
  store::ProcedureRow r;
  const bool exists = it != rows.end();
  if (exists) r = *it;
  else {
    r.fact = {0, project_id, kind, "not_started", std::nullopt, std::nullopt, std::nullopt, false, k->kind.required_for_start};
    r.version = 0;
  }
  if (r.version != version) return Error::Conflict("the procedure was changed by someone else (version " + std::to_string(r.version) + "); reload");
  const store::ProcedureRow before = r;
  Problems pr;
  if (body.contains("status")) r.fact.status = TextField(body, "status");
  if (body.contains("unit_id")) r.fact.unit_id = IntField(body, "unit_id", pr);
  if (auto d = DateField(body, "applied_on", pr)) r.fact.applied_on = *d;
  if (auto d = DateField(body, "approved_on", pr)) r.fact.approved_on = *d;
  if (body.contains("accepted_pending")) r.fact.accepted_pending = body["accepted_pending"].is_boolean() && body["accepted_pending"].get<bool>();
  if (body.contains("pending_document")) r.pending_document = TextField(body, "pending_document");
  if (body.contains("approval_no")) r.approval_no = TextField(body, "approval_no");
  if (r.fact.status == "accepted_pending") r.fact.accepted_pending = true;
  if (r.fact.accepted_pending && r.fact.status != "approved" && r.pending_document.empty()) {
    pr.Add("pending_document", "", "rule procedure.accepted_pending_names_document: name the document still pending (容缺材料)");
  }
  if (r.fact.unit_id && !store::LoadUnit(*c, *r.fact.unit_id)) pr.Add("unit_id", std::to_string(*r.fact.unit_id), "unknown unit");
  const Problems found = sv::ValidateProcedure(r.fact, r.approval_no);
  for (const auto& d : found.details()) pr.Add(d);
  if (!pr.empty()) return pr.ToError("the procedure is not valid");
  if (exists) {
    if (!store::UpdateProcedure(*c, r, version, ctx.now)) return Error::Conflict("the procedure was changed by someone else; reload");
  } else {
    r.fact.id = store::InsertProcedure(*c, r, ctx.now);
  }
  json changes = json::array();
  auto diff = [&](const char* f, const json& o, const json& n) {
    if (o != n) changes.push_back({{"field", f}, {"old", o}, {"new", n}});
  };
  diff("status", before.fact.status, r.fact.status);
  diff("unit_id", OptIntJson(before.fact.unit_id), OptIntJson(r.fact.unit_id));
  diff("applied_on", OptDateJson(before.fact.applied_on), OptDateJson(r.fact.applied_on));
  diff("approved_on", OptDateJson(before.fact.approved_on), OptDateJson(r.fact.approved_on));
  diff("accepted_pending", before.fact.accepted_pending, r.fact.accepted_pending);
  diff("pending_document", before.pending_document, r.pending_document);
  diff("approval_no", before.approval_no, r.approval_no);
  store::WriteJournal(*c, "procedure", r.fact.id, exists ? "update" : "create", ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return Ok{};
}

Result<json> SupervisionService::AttachToProcedure(const Ctx& ctx, int64_t id, const Upload& up) {
  std::optional<store::ProcedureRow> r;
  {
    auto c = db_.Acquire();
    r = store::LoadProcedure(*c, id);
  }
  if (!r) return Error::NotFound("no procedure " + std::to_string(id));
  auto p = WritableSchedule(ctx, r->fact.project_id);
  if (!p) return p.error().code == ErrorCode::kNotFound ? Error::NotFound("no procedure " + std::to_string(id)) : p.error();
  auto a = SaveUpload(up);
  if (!a) return a.error();
  a->owner = "procedure";
  a->owner_id = id;
  a->user_id = ctx.caller.user_id;
  a->created_at = ctx.now;
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  a->id = store::InsertAttachment(*c, *a);
  store::WriteJournal(*c, "procedure", id, "attach", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", "attachment"}, {"old", nullptr}, {"new", a->file_name}}}));
  tx.Commit();
  return AttachmentJson(*a);
}

Result<json> SupervisionService::ProcedureDurations(const Ctx& ctx, const std::string& region) {
  const auto scope = Scope(ctx, region);
  auto c = db_.Acquire();
  auto facts = store::ListProcedureFacts(*c, scope);
  std::map<int64_t, std::string> names;
  for (const auto& u : store::ListUnits(*c, scope)) names[u.id] = u.name;
  json out = json::array();
  for (const auto& u : sv::DurationsByUnit(facts)) {
    out.push_back({{"unit_id", u.unit_id == 0 ? json(nullptr) : json(u.unit_id)}, {"unit_name", names.count(u.unit_id) ? json(names[u.unit_id]) : json(nullptr)},
                   {"approved", u.approved}, {"average_days", u.average_days}, {"min_days", u.min_days}, {"max_days", u.max_days}});
  }
  return json{{"items", out}};
}

// ---------------------------------------------------------------- responsibility list

Result<json> SupervisionService::Responsibility(const Ctx& ctx, int64_t project_id) {
  auto p = ReadableProject(ctx, project_id);
  if (!p) return p.error();
  auto c = db_.Acquire();
  json leaders = json::array();
  std::set<int64_t> seen;
  auto add = [&](int64_t person, bool primary) {
    if (!seen.insert(person).second) return;
    auto pe = store::LoadPerson(*c, person);
    if (pe) leaders.push_back({{"person_id", person}, {"name", pe->name}, {"title", pe->title}, {"primary", primary}});
  };
  if (p->project.leader_id) add(*p->project.leader_id, true);
  for (const auto& r : c->Query("SELECT person_id FROM project_assignments WHERE project_id = ? ORDER BY id", {project_id}).rows) add(store::AsInt(r[0]), false);
  json visits = json::array();
  for (const auto& v : store::ListVisits(*c, project_id, std::nullopt)) {
    visits.push_back({{"id", v.id}, {"person_id", v.person_id}, {"person_name", v.person_name}, {"visit_date", v.visit_date.ToString()},
                      {"notes", v.notes}, {"problems_discussed", v.problems_discussed}});
  }
  return json{{"project_id", project_id}, {"leaders", leaders}, {"unit_id", OptIntJson(p->project.unit_id)},
              {"unit_name", p->unit_name.empty() ? json(nullptr) : json(p->unit_name)}, {"specialist", p->project.specialist},
              {"visits", visits}};
}

Result<json> SupervisionService::AddAssignment(const Ctx& ctx, int64_t project_id, const json& body) {
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  auto p = ReadableProject(ctx, project_id);
  if (!p) return p.error();
  if (!access::Allowed(ctx.caller, access::kSupervisionManage, TargetOf(p->project, p->project.unit_id), *ledger_.Regions())) {
    return Error::Forbidden("only the project office assigns leaders (包保)");
  }
  Problems pr;
  auto person = IntField(body, "person_id", pr);
  {
    auto c = db_.Acquire();
    if (!person) pr.Add("person_id", "", "required");
    else if (!store::LoadPerson(*c, *person)) pr.Add("person_id", std::to_string(*person), "unknown person");
    if (!pr.empty()) return pr.ToError("the assignment is not valid");
    store::Transaction tx(*c);
    store::AddAssignment(*c, project_id, *person);
    store::WriteJournal(*c, "project", project_id, "assign_leader", ctx.caller.user_id, ctx.now,
                        json::array({{{"field", "assigned_leader"}, {"old", nullptr}, {"new", *person}}}));
    tx.Commit();
  }
  return Responsibility(ctx, project_id);
}

Result<json> SupervisionService::RemoveAssignment(const Ctx& ctx, int64_t project_id, int64_t person_id) {
  auto p = ReadableProject(ctx, project_id);
  if (!p) return p.error();
  if (!access::Allowed(ctx.caller, access::kSupervisionManage, TargetOf(p->project, p->project.unit_id), *ledger_.Regions())) {
    return Error::Forbidden("only the project office assigns leaders (包保)");
  }
  {
    auto c = db_.Acquire();
    store::Transaction tx(*c);
    if (!store::RemoveAssignment(*c, project_id, person_id)) return Error::NotFound("that leader is not assigned to this project");
    store::WriteJournal(*c, "project", project_id, "unassign_leader", ctx.caller.user_id, ctx.now,
                        json::array({{{"field", "assigned_leader"}, {"old", person_id}, {"new", nullptr}}}));
    tx.Commit();
  }
  return Responsibility(ctx, project_id);
}

Result<json> SupervisionService::AddVisit(const Ctx& ctx, const json& body) {
  if (!access::AllowedAnywhere(ctx.caller, access::kVisitWrite)) return Error::Forbidden("you may not log onsite visits");
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  Problems pr;
  store::VisitRow v;
  auto project = IntField(body, "project_id", pr);
  auto person = IntField(body, "person_id", pr);
  std::optional<int64_t> own;
  {
    auto c = db_.Acquire();
    own = store::PersonOfUser(*c, ctx.caller.user_id);
  }
  if (!person) person = own;  // a leader logs their own visit
  auto date = DateField(body, "visit_date", pr);
  if (!project) pr.Add("project_id", "", "required");
  if (!person) pr.Add("person_id", "", "required (your account is not linked to a leader)");
  if (!date || !*date) pr.Add("visit_date", "", "required");
  else if (**date > ctx.today) pr.Add("visit_date", (*date)->ToString(), "rule visit.not_in_future: a visit is logged after it took place");
  if (!pr.empty()) return pr.ToError("the visit is not valid");
  auto p = ReadableProject(ctx, *project);
  if (!p) return p.error();
  auto tree = ledger_.Regions();
  if (!access::Allowed(ctx.caller, access::kVisitWrite, TargetOf(p->project, p->project.unit_id), *tree)) {
    return Error::Forbidden("you may not log visits on this project");
  }
  // A leader logs only their own visits; the office may log anyone's.
  if (!access::Allowed(ctx.caller, access::kSupervisionManage, TargetOf(p->project, p->project.unit_id), *tree) &&
      (!own || *own != *person)) {
    return Error::Forbidden("rule visit.own_only: a leader logs only their own visits");
  }
  auto c = db_.Acquire();
  if (!store::LoadPerson(*c, *person)) return Problems().ToError("unknown person");
  v.project_id = *project;
  v.person_id = *person;
  v.visit_date = **date;
  v.notes = TextField(body, "notes");
  v.problems_discussed = TextField(body, "problems_discussed");
  v.user_id = ctx.caller.user_id;
  v.created_at = ctx.now;
  store::Transaction tx(*c);
  v.id = store::InsertVisit(*c, v);
  store::WriteJournal(*c, "visit", v.id, "create", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", "project_id"}, {"old", nullptr}, {"new", v.project_id}},
                                   {{"field", "person_id"}, {"old", nullptr}, {"new", v.person_id}},
                                   {{"field", "visit_date"}, {"old", nullptr}, {"new", v.visit_date.ToString()}},
                                   {{"field", "notes"}, {"old", nullptr}, {"new", v.notes}}}));
  tx.Commit();
  return json{{"id", v.id}, {"project_id", v.project_id}, {"person_id", v.person_id}, {"visit_date", v.visit_date.ToString()},
              {"notes", v.notes}, {"problems_discussed", v.problems_discussed}};
}

Result<json> SupervisionService::Compliance(const Ctx& ctx, const std::string& region, const Date& from, const Date& to, const Date& as_of) {
  if (to < from) return Error::Invalid("the period is empty", {{"to", to.ToString(), "must not be before from", 0, {}}});
  auto scope = Scope(ctx, region);
  auto c = db_.Acquire();
  const auto rule = VisitRule(*c);
  auto rows = sv::VisitCompliance(store::ListAssignments(*c, scope), store::ListVisitFacts(*c, scope, from, to), from, to, as_of, rule);
  json out = json::array();
  for (const auto& r : rows) {
    auto pe = store::LoadPerson(*c, r.leader_id);
    json missed = json::array();
    for (const auto& m : r.missed) {
      missed.push_back({{"project_id", m.project_id}, {"window_start", m.window_start.ToString()}, {"window_end", m.window_end.ToString()}, {"visits", m.visits}});
    }
    out.push_back({{"leader_id", r.leader_id}, {"leader_name", pe ? pe->name : ""}, {"title", pe ? pe->title : ""}, {"projects", r.projects},
                   {"required", r.required}, {"met", r.met}, {"visits", r.visits}, {"rate", r.rate}, {"missed", missed}});
  }
  return json{{"from", from.ToString()}, {"to", to.ToString()}, {"as_of", as_of.ToString()},
              {"rule", {{"window_days", rule.window_days}, {"min_visits", rule.min_visits}}}, {"items", out}};
}

Result<json> SupervisionService::LeaderPage(const Ctx& ctx, std::optional<int64_t> person_id, const Date& as_of) {
  const auto scope = Scope(ctx, "");
  auto c = db_.Acquire();
  if (!person_id) person_id = store::PersonOfUser(*c, ctx.caller.user_id);
  if (!person_id) return Error::NotFound("your account is not linked to a leader");
  auto person = store::LoadPerson(*c, *person_id);
  if (!person) return Error::NotFound("no person " + std::to_string(*person_id));
  if (!std::binary_search(scope.begin(), scope.end(), person->region_code)) return Error::NotFound("no person " + std::to_string(*person_id));
  std::vector<sv::Assignment> mine;
  for (const auto& a : store::ListAssignments(*c, scope)) {
    if (a.leader_id == *person_id) mine.push_back(a);
  }
  const auto rule = VisitRule(*c);
  // Windows are counted from the Monday of ISO week 1, so a weekly rule means calendar weeks.
  const Date from = IsoWeek1Monday(IsoWeekOf(as_of).year);
  auto due = sv::VisitsDue(*person_id, mine, store::ListVisitFacts(*c, scope, from, as_of), from, as_of, rule);
  std::set<int64_t> due_ids;
  for (const auto& d : due) due_ids.insert(d.project_id);
  json projects = json::array();
  for (const auto& a : mine) {
    auto row = store::LoadProjectRow(*c, a.project_id);
    if (!row) continue;
    int open = 0, overdue = 0;
    store::ProblemFilter f;
    f.unscoped = true;
    f.project_id = a.project_id;
    for (const auto& p : store::ListProblems(*c, f)) {
      open += sv::IsOpen(p.fact.status) || p.fact.status == "verifying" ? 1 : 0;
      overdue += sv::IsOverdue(p.fact, as_of) ? 1 : 0;
    }
    projects.push_back({{"id", a.project_id}, {"code", row->project.code}, {"name", row->project.name}, {"stage", row->project.stage},
                        {"town_name", row->town_name}, {"open_problems", open}, {"overdue_problems", overdue},
                        {"visit_due", due_ids.count(a.project_id) > 0}});
  }
  json visits_due = json::array();
  for (const auto& d : due) {
    visits_due.push_back({{"project_id", d.project_id}, {"window_start", d.window_start.ToString()}, {"window_end", d.window_end.ToString()}});
  }
  json recent = json::array();
  for (const auto& v : store::ListVisits(*c, std::nullopt, *person_id)) {
    if (recent.size() >= 20) break;
    recent.push_back({{"id", v.id}, {"project_id", v.project_id}, {"project_name", v.project_name}, {"visit_date", v.visit_date.ToString()}, {"notes", v.notes}});
  }
  return json{{"person_id", *person_id}, {"name", person->name}, {"title", person->title}, {"as_of", as_of.ToString()},
              {"projects", projects}, {"visits_due", visits_due}, {"recent_visits", recent},
              {"rule", {{"window_days", rule.window_days}, {"min_visits", rule.min_visits}}}};
}

// ---------------------------------------------------------------- attention list

Result<json> SupervisionService::Attention(const Ctx& ctx, const Date& as_of) {
  auto tree = ledger_.Regions();
  store::ProblemFilter f;
  f.regions = Scope(ctx, "");
  auto c = db_.Acquire();
  sv::AttentionSubject who;
  who.person_id = store::PersonOfUser(*c, ctx.caller.user_id);
  for (const auto& g : ctx.caller.grants) {
    if (g.role == "unit" && g.unit_id) who.unit_ids.insert(*g.unit_id);
  }
  // The office role is per region: problems the caller manages are evaluated as office, the rest not.
  std::vector<sv::AttentionProblem> managed, other;
  for (const auto& p : store::ListProblems(*c, f)) {
    sv::AttentionProblem a;
    a.fact = p.fact;
    a.version = p.version;
    a.description = p.description;
    a.project_name = p.project_name;
    const bool office = access::Allowed(ctx.caller, access::kSupervisionManage, TargetOfProblem(p, p.project_unit_id), *tree);
    (office ? managed : other).push_back(std::move(a));
  }
  const auto read = store::ReadKeys(*c, ctx.caller.user_id);
  if (who.person_id) {
    for (const auto& a : store::ListAssignments(*c, f.regions)) {
      if (a.leader_id == *who.person_id) who.led_projects.insert(a.project_id);
    }
  }
  const auto escalation = Escalation(*c);
  who.office = true;
  auto items = sv::AttentionFor(who, managed, as_of, read, escalation);
  who.office = false;
  auto more = sv::AttentionFor(who, other, as_of, read, escalation);
  items.insert(items.end(), more.begin(), more.end());
  std::stable_sort(items.begin(), items.end(), [](const sv::AttentionItem& a, const sv::AttentionItem& b) {
    return sv::AttentionOrder(a.kind) < sv::AttentionOrder(b.kind);
  });
  json out = json::array();
  int unread = 0;
  for (const auto& it : items) {
    unread += it.read ? 0 : 1;
    out.push_back({{"key", it.key}, {"kind", it.kind}, {"problem_id", it.problem_id}, {"project_id", it.project_id}, {"title", it.title},
                   {"project_name", it.project_name}, {"deadline", OptDateJson(it.deadline)}, {"days_overdue", it.days_overdue},
                   {"escalation", it.escalation ? json{{"level", it.escalation->level}, {"label_zh", it.escalation->label_zh}} : json(nullptr)},
                   {"read", it.read}});
  }
  return json{{"as_of", as_of.ToString()}, {"unread", unread}, {"items", out}};
}

Result<json> SupervisionService::MarkRead(const Ctx& ctx, const json& body) {
  if (!body.is_object() || !body.contains("keys") || !body["keys"].is_array()) return Error::BadRequest("the body must be {\"keys\": [string]}");
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  int n = 0;
  for (const auto& k : body["keys"]) {
    if (!k.is_string() || k.get<std::string>().size() > 200) continue;
    store::MarkRead(*c, ctx.caller.user_id, k.get<std::string>(), ctx.now);
    ++n;
  }
  tx.Commit();
  return json{{"marked", n}};
}

}  // namespace gj::service

#include "service/land_efficiency/land_service.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unistd.h>

#include "domain/land_efficiency/credit_code.h"
#include "domain/land_efficiency/workflow.h"
#include "io/xlsx_reader.h"
#include "service/land_efficiency/export.h"
#include "service/land_efficiency/input.h"
#include "store/journal.h"

namespace gj::service {

using nlohmann::json;

namespace {

json OptJ(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
std::optional<double> OptD(const json& j, const char* k) {
  if (!j.contains(k) || j[k].is_null()) return std::nullopt;
  return j[k].get<double>();
}

Error VersionConflict(const std::string& what, int64_t current) {
  Error e = Error::Conflict(what + " was changed by someone else (current version " + std::to_string(current) + ")");
  e.extra = {{"current_version", current}};
  return e;
}

std::string Str(const json& body, const char* k) {
  return body.contains(k) && body[k].is_string() ? body[k].get<std::string>() : std::string();
}

// The engine's row problems carry "row N, column C" as field: split them for the API.
std::vector<ErrorDetail> RowDetails(const Error& e) {
  std::vector<ErrorDetail> out;
  for (auto d : e.details) {
    int row = 0;
    if (d.field.rfind("row ", 0) == 0) {
      const size_t comma = d.field.find(", column ");
      row = std::atoi(d.field.c_str() + 4);
      if (comma != std::string::npos) d.field = d.field.substr(comma + 9);
    }
    d.row = row;
    out.push_back(std::move(d));
  }
  return out;
}

json DetailsJson(const std::vector<ErrorDetail>& ds) {
  json arr = json::array();
  for (const auto& d : ds) arr.push_back({{"row", d.row}, {"column", d.field}, {"value", d.value}, {"reason", d.reason}});
  return arr;
}

json DataJson(const store::LandDataRow& r) {
  const auto& e = r.e;
  return {{"id", r.id},
          {"enterprise_id", r.enterprise_id},
          {"year", r.year},
          {"county_code", r.county_code},
          {"state", r.state},
          {"return_reason", r.return_reason},
          {"version", r.version},
          {"actions", land::ActionsFrom("data", r.state)},
          {"credit_code", e.credit_code},
          {"name", e.name},
          {"town", e.town},
          {"industry_code", e.industry_code},
          {"above_scale", e.above_scale},
          {"land_mu", e.land_mu},
          {"tax", e.tax},
          {"revenue", e.revenue},
          {"value_added", OptJ(e.value_added)},
          {"energy_tce", OptJ(e.energy_tce)},
          {"emission_eq", OptJ(e.emission_eq)},
          {"rd_spend", OptJ(e.rd_spend)},
          {"employees", OptJ(e.employees)},
          {"electricity_kwh", OptJ(e.electricity_kwh)},
          {"bonus", e.bonus},
          {"penalty", e.penalty},
          {"veto", e.veto},
          {"undetermined", e.undetermined}};
}

json RunJson(const store::RunRow& r) {
  json j = {{"id", r.id},           {"county_code", r.county_code}, {"year", r.year},
            {"run_no", r.run_no},   {"state", r.state},             {"version", r.version},
            {"created_at", r.created_at},
            {"published_on", r.published_on.empty() ? json(nullptr) : json(r.published_on)},
            {"finalized_on", r.finalized_on.empty() ? json(nullptr) : json(r.finalized_on)},
            {"actions", land::ActionsFrom("run", r.state)}};
  if (auto d = ParseIsoDate(r.published_on)) j["appeal_until"] = land::AppealWindowLastDay(*d).ToString();
  return j;
}

std::string ClassLetter(const std::optional<land::Class>& k) {
  return k ? std::string(1, land::kClassLetters[static_cast<int>(*k)]) : std::string();
}

int ClassIndex(const std::string& letter) {
  for (int i = 0; i < 4; ++i) {
    if (letter.size() == 1 && letter[0] == land::kClassLetters[i]) return i;
  }
  return -1;
}

// Final class per credit code: the engine's class, overridden by the latest adjustment.
std::map<std::string, std::string> Overrides(const std::vector<store::AdjustmentRow>& adjs) {
  std::map<std::string, std::string> out;
  for (const auto& a : adjs) out[a.credit_code] = a.new_class;
  return out;
}

bool Evaluated(land::Group g) { return g == land::Group::kAbove || g == land::Group::kBelow; }

// The class an enterprise is managed as: final class; an undetermined one is managed as B (spec §5).
std::string ManagedClass(const land::EnterpriseResult& r, const std::string& final_class) {
  if (!final_class.empty()) return final_class;
  return r.status == land::EnterpriseStatus::kUndetermined ? "B" : "";
}

std::optional<int64_t> SurchargeFen(const land::Scheme& s, const land::Enterprise& e, const std::string& klass) {
  const int k = ClassIndex(klass);
  if (k < 0 || !e.electricity_kwh) return std::nullopt;
  return land::RoundHalfUp(s.surcharge_per_kwh[k] * *e.electricity_kwh * 100);
}

std::string TempPath(const std::string& ext) {
  static std::atomic<int> n{0};
  return (std::filesystem::temp_directory_path() /
          ("gj-land-" + std::to_string(getpid()) + "-" + std::to_string(n++) + ext))
      .string();
}

}  // namespace

json EnterpriseToJson(const land::Enterprise& e) {
  return {{"credit_code", e.credit_code}, {"name", e.name}, {"county", e.county}, {"town", e.town},
          {"industry_code", e.industry_code}, {"above_scale", e.above_scale}, {"land_mu", e.land_mu}, {"tax", e.tax},
          {"revenue", e.revenue}, {"value_added", OptJ(e.value_added)}, {"energy_tce", OptJ(e.energy_tce)},
          {"emission_eq", OptJ(e.emission_eq)}, {"rd_spend", OptJ(e.rd_spend)}, {"employees", OptJ(e.employees)},
          {"electricity_kwh", OptJ(e.electricity_kwh)}, {"bonus", e.bonus}, {"penalty", e.penalty}, {"veto", e.veto},
          {"undetermined", e.undetermined}};
}

land::Enterprise EnterpriseFromJson(const json& j) {
  land::Enterprise e;
  e.credit_code = j.value("credit_code", "");
  e.name = j.value("name", "");
  e.county = j.value("county", "");
  e.town = j.value("town", "");
  e.industry_code = j.value("industry_code", "");
  e.above_scale = j.value("above_scale", false);
  e.land_mu = j.value("land_mu", 0.0);
  e.tax = j.value("tax", 0.0);
  e.revenue = j.value("revenue", 0.0);
  e.value_added = OptD(j, "value_added");
  e.energy_tce = OptD(j, "energy_tce");
  e.emission_eq = OptD(j, "emission_eq");
  e.rd_spend = OptD(j, "rd_spend");
  e.employees = OptD(j, "employees");
  e.electricity_kwh = OptD(j, "electricity_kwh");
  e.bonus = j.value("bonus", 0.0);
  e.penalty = j.value("penalty", 0.0);
  e.veto = j.value("veto", false);
  e.undetermined = j.value("undetermined", false);
  return e;
}

Status LandService::CheckCounty(const Ctx& ctx, const std::string& county, const char* action) {
  auto tree = ledger_.Regions();
  const access::Region* r = tree->Find(county);
  if (!r || r->level != "county" || !access::Allowed(ctx.caller, access::kLandRead, {county, "", std::nullopt}, *tree)) {
    return Error::NotFound("no county " + county);
  }
  if (!access::Allowed(ctx.caller, action, {county, "", std::nullopt}, *tree)) {
    return Error::Forbidden(std::string("not allowed: ") + action);
  }
  return Ok{};
}

// ---- data ----------------------------------------------------------------------------------

Result<json> LandService::Import(const Ctx& ctx, const std::string& county, int year, std::string_view bytes, bool dry_run) {
  if (auto st = CheckCounty(ctx, county, access::kLandWrite); !st) return st.error();
  if (year < 2000 || year > 2100) return Error::Invalid("bad year", {{"year", std::to_string(year), "must be 2000–2100", 0, {}}});
  Result<land::InputTable> table = Error::Invalid("empty");
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "PK") {
    auto rows = io::ReadXlsxRows(bytes);
    if (!rows) return rows.error();
    table = land::ParseInputRows(*rows);
  } else {
    table = land::ParseInputCsv(bytes);
  }
  std::vector<ErrorDetail> problems;
  if (!table) {
    if (table.error().details.empty()) return table.error();  // no header, missing column
    problems = RowDetails(table.error());
  }
  auto c = db_.Acquire();
  if (table) {
    for (size_t i = 0; i < table->enterprises.size(); ++i) {
      const auto& e = table->enterprises[i];
      auto other = store::EnterpriseCounty(*c, e.credit_code);
      if (other && *other != county) {
        problems.push_back({"credit_code", e.credit_code, "the enterprise belongs to county " + *other,
                            static_cast<int>(table->row_numbers[i]), {}});
      }
    }
  }
  json report = {{"dry_run", dry_run}, {"county_code", county}, {"year", year},
                 {"rows", table ? table->enterprises.size() : 0}, {"problems", DetailsJson(problems)}};
  if (!problems.empty()) {
    if (dry_run) return report;
    Error e = Error::Invalid(std::to_string(problems.size()) + " problem(s) in the file; nothing was imported", problems);
    return e;
  }
  int created = 0, updated = 0;
  for (const auto& e : table->enterprises) (store::EnterpriseCounty(*c, e.credit_code) ? updated : created)++;
  report["created"] = created;
  report["updated"] = updated;
  if (dry_run) return report;
  store::Transaction tx(*c);
  for (size_t i = 0; i < table->enterprises.size(); ++i) {
    const auto& e = table->enterprises[i];
    const int64_t id = store::UpsertLandData(*c, county, year, e, ctx.now);
    store::WriteJournal(*c, "le_data", id, "import", ctx.caller.user_id, ctx.now,
                        json::array({{{"field", "row"}, {"old", nullptr}, {"new", table->row_numbers[i]}},
                                     {{"field", "credit_code"}, {"old", nullptr}, {"new", e.credit_code}}}));
  }
  tx.Commit();
  return report;
}

Result<json> LandService::ListData(const Ctx& ctx, const std::string& county, int year) {
  if (auto st = CheckCounty(ctx, county, access::kLandRead); !st) return st.error();
  auto c = db_.Acquire();
  json items = json::array();
  std::map<std::string, int> states;
  for (const auto& r : store::ListLandData(*c, county, year)) {
    states[r.state]++;
    items.push_back(DataJson(r));
  }
  return json{{"county_code", county}, {"year", year}, {"items", items}, {"states", states}};
}

Result<json> LandService::UpdateData(const Ctx& ctx, int64_t id, const json& body) {
  if (auto v = VersionOf(body); !v) return v.error();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto row = store::GetLandData(*c, id);
  if (!row) return Error::NotFound("no enterprise data " + std::to_string(id));
  if (auto st = CheckCounty(ctx, row->county_code, access::kLandWrite); !st) {
    return st.error().code == ErrorCode::kNotFound ? Error::NotFound("no enterprise data " + std::to_string(id)) : st.error();
  }
  if (body["version"].get<int64_t>() != row->version) return VersionConflict("the data", row->version);
  Problems pr;
  json changes = json::array();
  auto& e = row->e;
  auto number = [&](const char* k, double& field, double min, bool strict) {
    if (!body.contains(k)) return;
    if (!body[k].is_number()) return pr.Add(k, body[k].dump(), "must be a number");
    const double v = body[k].get<double>();
    if (strict ? v <= min : v < min) return pr.Add(k, body[k].dump(), strict ? "must be > 0" : "must be ≥ 0");
    if (v != field) changes.push_back({{"field", k}, {"old", field}, {"new", v}});
    field = v;
  };
  auto optional = [&](const char* k, std::optional<double>& field) {
    if (!body.contains(k)) return;
    if (!body[k].is_null() && !body[k].is_number()) return pr.Add(k, body[k].dump(), "must be a number or null");
    std::optional<double> v = body[k].is_null() ? std::nullopt : std::optional<double>(body[k].get<double>());
    if (v != field) changes.push_back({{"field", k}, {"old", OptJ(field)}, {"new", OptJ(v)}});
    field = v;
  };
  auto flag = [&](const char* k, bool& field) {
    if (!body.contains(k)) return;
    if (!body[k].is_boolean()) return pr.Add(k, body[k].dump(), "must be true or false");
    if (body[k].get<bool>() != field) changes.push_back({{"field", k}, {"old", field}, {"new", body[k].get<bool>()}});
    field = body[k].get<bool>();
  };
  number("land_mu", e.land_mu, 0, true);
  number("tax", e.tax, -1e300, false);
  number("revenue", e.revenue, 0, false);
  number("bonus", e.bonus, 0, false);
  number("penalty", e.penalty, 0, false);
  optional("value_added", e.value_added);
  optional("energy_tce", e.energy_tce);
  optional("emission_eq", e.emission_eq);
  optional("rd_spend", e.rd_spend);
  optional("employees", e.employees);
  optional("electricity_kwh", e.electricity_kwh);
  flag("veto", e.veto);
  flag("undetermined", e.undetermined);
  if (!pr.empty()) return pr.ToError("the data is not valid");
  // Changed figures must be reviewed and confirmed again.
  if (!changes.empty() && row->state != "submitted") {
    changes.push_back({{"field", "state"}, {"old", row->state}, {"new", "submitted"}});
    row->state = "submitted";
  }
  if (!store::UpdateLandData(*c, *row, ctx.now)) return VersionConflict("the data", row->version);
  store::WriteJournal(*c, "le_data", id, "update", ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return DataJson(*store::GetLandData(*c, id));
}

Result<json> LandService::DataAction(const Ctx& ctx, int64_t id, const json& body) {
  if (auto v = VersionOf(body); !v) return v.error();
  const std::string action = Str(body, "action"), reason = Str(body, "reason");
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto row = store::GetLandData(*c, id);
  if (!row || !CheckCounty(ctx, row->county_code, access::kLandRead)) return Error::NotFound("no enterprise data " + std::to_string(id));
  const land::Transition* t = land::FindTransition("data", row->state, action);
  if (!t) {
    Error e = Error::Conflict("action " + action + " is not allowed in state " + row->state);
    e.extra = {{"allowed", land::ActionsFrom("data", row->state)}};
    return e;
  }
  if (auto st = CheckCounty(ctx, row->county_code, t->permission); !st) return st.error();
  if (t->needs_reason && reason.empty()) return Error::Invalid("a reason is required", {{"reason", "", "required", 0, {}}});
  if (body["version"].get<int64_t>() != row->version) return VersionConflict("the data", row->version);
  json changes = json::array({{{"field", "state"}, {"old", row->state}, {"new", t->to}}});
  if (t->needs_reason) changes.push_back({{"field", "reason"}, {"old", nullptr}, {"new", reason}});
  row->state = t->to;
  row->return_reason = t->needs_reason ? reason : "";
  if (!store::UpdateLandData(*c, *row, ctx.now)) return VersionConflict("the data", row->version);
  store::WriteJournal(*c, "le_data", id, action, ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return DataJson(*store::GetLandData(*c, id));
}

Result<json> LandService::DataActionAll(const Ctx& ctx, const json& body) {
  if (!body.is_object() || !body.contains("year") || !body["year"].is_number_integer()) {
    return Error::BadRequest("the body must be {\"county_code\", \"year\", \"action\", \"reason\"?}");
  }
  const std::string county = Str(body, "county_code"), action = Str(body, "action"), reason = Str(body, "reason");
  const int year = body["year"].get<int>();
  if (auto st = CheckCounty(ctx, county, access::kLandRead); !st) return st.error();
  const land::Transition* any = nullptr;
  for (const auto& t : land::Transitions()) {
    if (std::string_view(t.machine) == "data" && action == t.action) any = &t;
  }
  if (!any) return Error::Invalid("unknown action", {{"action", action, "not a data action", 0, {}}});
  if (auto st = CheckCounty(ctx, county, any->permission); !st) return st.error();
  if (any->needs_reason && reason.empty()) return Error::Invalid("a reason is required", {{"reason", "", "required", 0, {}}});
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  int changed = 0;
  for (auto row : store::ListLandData(*c, county, year)) {
    const land::Transition* t = land::FindTransition("data", row.state, action);
    if (!t) continue;
    json changes = json::array({{{"field", "state"}, {"old", row.state}, {"new", t->to}}});
    row.state = t->to;
    row.return_reason = t->needs_reason ? reason : "";
    if (!store::UpdateLandData(*c, row, ctx.now)) return VersionConflict("the data", row.version);
    store::WriteJournal(*c, "le_data", row.id, action, ctx.caller.user_id, ctx.now, changes);
    ++changed;
  }
  tx.Commit();
  return json{{"action", action}, {"changed", changed}};
}

// ---- scheme and policies -------------------------------------------------------------------

land::Scheme LandService::SchemeOf(store::Connection& c, const std::string& county, std::optional<int64_t>* id, int* version) {
  auto row = store::CurrentScheme(c, county);
  if (id) *id = row ? std::optional<int64_t>(row->id) : std::nullopt;
  if (version) *version = row ? row->version : 0;
  if (!row) return land::ShandongScheme();
  auto s = land::ParseScheme(row->doc);
  return s ? s.value() : land::ShandongScheme();  // stored documents were validated on the way in
}

Result<json> LandService::GetScheme(const Ctx& ctx, const std::string& county) {
  if (auto st = CheckCounty(ctx, county, access::kLandRead); !st) return st.error();
  auto c = db_.Acquire();
  int version = 0;
  auto scheme = SchemeOf(*c, county, nullptr, &version);
  return json{{"county_code", county}, {"version", version}, {"builtin", version == 0}, {"scheme", land::SchemeToJson(scheme)}};
}

Result<json> LandService::PutScheme(const Ctx& ctx, const std::string& county, const json& body) {
  if (auto st = CheckCounty(ctx, county, access::kLandEvaluate); !st) return st.error();
  if (auto v = VersionOf(body); !v) return v.error();
  if (!body.contains("scheme")) return Error::Invalid("the scheme is required", {{"scheme", "", "required", 0, {}}});
  auto scheme = land::SchemeFromJson(body["scheme"]);
  if (!scheme) return scheme.error();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  int current = 0;
  SchemeOf(*c, county, nullptr, &current);
  if (body["version"].get<int64_t>() != current) return VersionConflict("the scheme", current);
  const std::string doc = land::SchemeToJson(*scheme).dump();
  const int64_t id = store::InsertScheme(*c, county, current + 1, doc, ctx.now, ctx.caller.user_id);
  store::WriteJournal(*c, "le_scheme", id, "update", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", "version"}, {"old", current}, {"new", current + 1}}}));
  tx.Commit();
  return GetScheme(ctx, county);
}

Result<json> LandService::GetPolicies(const Ctx& ctx, const std::string& county) {
  if (auto st = CheckCounty(ctx, county, access::kLandRead); !st) return st.error();
  auto c = db_.Acquire();
  auto scheme = SchemeOf(*c, county, nullptr, nullptr);
  auto rows = store::ListPolicies(*c, county);
  int64_t version = 0;
  json classes = json::array();
  for (int k = 0; k < 4; ++k) {
    const std::string letter(1, land::kClassLetters[k]);
    store::PolicyRow p{letter, 0, 0, 0, "", 0};
    for (const auto& r : rows) {
      if (r.klass == letter) p = r;
    }
    version += p.version;
    classes.push_back({{"class", letter}, {"surcharge_per_kwh", scheme.surcharge_per_kwh[k]}, {"land_mu", p.land_mu},
                       {"energy_tce", p.energy_tce}, {"emission_t", p.emission_t}, {"note", p.note}});
  }
  return json{{"county_code", county}, {"version", version}, {"classes", classes}};
}

Result<json> LandService::PutPolicies(const Ctx& ctx, const std::string& county, const json& body) {
  if (auto st = CheckCounty(ctx, county, access::kLandEvaluate); !st) return st.error();
  if (auto v = VersionOf(body); !v) return v.error();
  if (!body.contains("classes") || !body["classes"].is_array()) return Error::BadRequest("classes must be an array");
  auto before = GetPolicies(ctx, county);
  if (body["version"].get<int64_t>() != before->at("version").get<int64_t>()) {
    return VersionConflict("the policy", before->at("version").get<int64_t>());
  }
  Problems pr;
  std::vector<store::PolicyRow> rows;
  for (const auto& item : body["classes"]) {
    store::PolicyRow p;
    p.klass = Str(item, "class");
    if (ClassIndex(p.klass) < 0) pr.Add("class", p.klass, "must be A, B, C or D");
    for (auto [k, f] : {std::pair{"land_mu", &p.land_mu}, {"energy_tce", &p.energy_tce}, {"emission_t", &p.emission_t}}) {
      if (item.contains(k) && !item[k].is_number()) pr.Add(std::string(k), item[k].dump(), "must be a number");
      else *f = item.value(k, 0.0);
    }
    p.note = Str(item, "note");
    rows.push_back(p);
  }
  if (!pr.empty()) return pr.ToError("the policy is not valid");
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  for (const auto& p : rows) store::UpsertPolicy(*c, county, p);
  store::WriteJournal(*c, "le_policy", 0, "update", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", county}, {"old", before->at("classes")}, {"new", body["classes"]}}}));
  tx.Commit();
  return GetPolicies(ctx, county);
}

// ---- runs ----------------------------------------------------------------------------------

Result<json> LandService::Run(const Ctx& ctx, const json& body) {
  if (!body.is_object() || !body.contains("year") || !body["year"].is_number_integer()) {
    return Error::BadRequest("the body must be {\"county_code\": string, \"year\": integer}");
  }
  const std::string county = Str(body, "county_code");
  const int year = body["year"].get<int>();
  if (auto st = CheckCounty(ctx, county, access::kLandEvaluate); !st) return st.error();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto data = store::ListLandData(*c, county, year);
  if (data.empty()) return Error::Invalid("no data for this county and year", {{"year", std::to_string(year), "no data imported", 0, {}}});
  int pending = 0;
  json input = json::array();
  for (const auto& r : data) {
    if (r.state != "confirmed") ++pending;
    input.push_back(EnterpriseToJson(r.e));
  }
  if (pending > 0) {
    Error e = Error::Conflict(std::to_string(pending) + " enterprise(s) not yet reviewed and confirmed");
    e.extra = {{"not_confirmed", pending}};
    return e;
  }
  store::RunRow run;
  run.county_code = county;
  run.year = year;
  run.run_no = store::NextRunNo(*c, county, year);
  auto scheme = SchemeOf(*c, county, &run.scheme_id, nullptr);
  run.scheme_doc = land::SchemeToJson(scheme).dump();
  run.input_doc = input.dump();
  run.state = "computed";
  run.created_at = ctx.now;
  const int64_t id = store::InsertRun(*c, run, ctx.caller.user_id);
  store::WriteJournal(*c, "le_run", id, "run", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", "run_no"}, {"old", nullptr}, {"new", run.run_no}},
                                   {{"field", "enterprises"}, {"old", nullptr}, {"new", data.size()}}}));
  tx.Commit();
  return GetRun(ctx, id);
}

Result<json> LandService::ListRuns(const Ctx& ctx, const std::string& county, std::optional<int> year) {
  if (auto st = CheckCounty(ctx, county, access::kLandRead); !st) return st.error();
  auto c = db_.Acquire();
  json items = json::array();
  for (const auto& r : store::ListRuns(*c, county, year)) items.push_back(RunJson(r));
  return json{{"items", items}};
}

Result<store::RunRow> LandService::LoadRun(store::Connection& c, const Ctx& ctx, int64_t id) {
  auto run = store::GetRun(c, id);
  if (!run || !CheckCounty(ctx, run->county_code, access::kLandRead)) return Error::NotFound("no evaluation run " + std::to_string(id));
  return std::move(*run);
}

std::shared_ptr<const LandService::Computed> LandService::Compute(const store::RunRow& run) {
  {
    std::lock_guard lock(mu_);
    if (auto it = cache_.find(run.id); it != cache_.end()) return it->second;
  }
  auto out = std::make_shared<Computed>();
  auto scheme = land::ParseScheme(run.scheme_doc);
  out->scheme = scheme ? scheme.value() : land::ShandongScheme();
  for (const auto& j : json::parse(run.input_doc)) out->input.push_back(EnterpriseFromJson(j));
  out->ev = land::Evaluate(out->scheme, out->input);
  std::lock_guard lock(mu_);
  // A few runs are looked at at a time; keep the most recent ids (snapshots never change, so an
  // evicted run is simply recomputed).
  if (cache_.size() >= kCachedRuns) cache_.erase(cache_.begin());
  cache_[run.id] = out;
  return out;
}

Result<json> LandService::GetRun(const Ctx& ctx, int64_t id, const std::map<std::string, std::string>& filters,
                                 int64_t offset, int64_t limit) {
  auto c = db_.Acquire();
  auto run = LoadRun(*c, ctx, id);
  if (!run) return run.error();
  auto comp = Compute(*run);
  const auto adjustments = store::ListAdjustments(*c, id);
  const auto overrides = Overrides(adjustments);
  auto filter = [&](const char* k) { auto it = filters.find(k); return it == filters.end() ? std::string() : it->second; };
  const std::string f_class = filter("class"), f_town = filter("town"), f_group = filter("group");
  json results = json::array();
  int64_t matched = 0;
  std::map<std::string, std::map<std::string, int>> by_group, by_town;
  for (size_t i = 0; i < comp->input.size(); ++i) {
    const auto& e = comp->input[i];
    const auto& r = comp->ev.results[i];
    const std::string group(land::GroupName(r.group));
    const std::string computed = ClassLetter(r.klass);
    auto ov = overrides.find(e.credit_code);
    const std::string final_class = ov != overrides.end() ? ov->second : computed;
    const std::string bucket = final_class.empty() ? (r.status == land::EnterpriseStatus::kUndetermined ? "undetermined" : "") : final_class;
    if (Evaluated(r.group)) {
      by_group[group][bucket]++;
      by_town[e.town][bucket]++;
    }
    if ((!f_class.empty() && f_class != bucket) || (!f_town.empty() && f_town != e.town) || (!f_group.empty() && f_group != group)) continue;
    const int64_t index = matched++;
    if (index < offset || (limit > 0 && index >= offset + limit)) continue;
    const auto surcharge = SurchargeFen(comp->scheme, e, final_class);
    results.push_back({{"row", i + 1}, {"credit_code", e.credit_code}, {"name", e.name}, {"town", e.town},
                       {"industry_code", e.industry_code}, {"group", group}, {"status", land::StatusName(r.status)},
                       {"score", Evaluated(r.group) ? json(r.total) : json(nullptr)},
                       {"rank", r.rank > 0 ? json(r.rank) : json(nullptr)},
                       {"class", computed.empty() ? json(nullptr) : json(computed)},
                       {"final_class", final_class.empty() ? json(nullptr) : json(final_class)},
                       {"adjusted", ov != overrides.end()},
                       {"surcharge_yuan", surcharge ? json(land::FormatCents(*surcharge)) : json(nullptr)},
                       {"tax_to_next_class", r.tax_to_next_class_cents ? json(land::FormatCents(*r.tax_to_next_class_cents)) : json(nullptr)}});
  }
  json out = RunJson(*run);
  out["scheme"] = json::parse(run->scheme_doc);
  out["summary"] = land::SummaryJson(comp->scheme, comp->ev);
  out["counts"] = by_group;
  out["by_town"] = by_town;
  out["results"] = results;
  out["total_count"] = matched;
  out["offset"] = offset;
  out["limit"] = limit;
  out["enterprises"] = comp->input.size();
  std::map<std::string, std::string> names;
  for (const auto& e : comp->input) names[e.credit_code] = e.name;
  json adj = json::array(), appeals = json::array();
  for (const auto& a : adjustments) {
    adj.push_back({{"id", a.id}, {"credit_code", a.credit_code}, {"name", names[a.credit_code]}, {"old_class", a.old_class},
                   {"new_class", a.new_class}, {"reason", a.reason}, {"source", a.source}, {"at", a.at}});
  }
  for (const auto& a : store::ListAppeals(*c, id)) {
    appeals.push_back({{"id", a.id}, {"credit_code", a.credit_code}, {"name", names[a.credit_code]}, {"reason", a.reason},
                       {"filed_on", a.filed_on}, {"state", a.state}, {"decision", a.decision}, {"new_class", a.new_class},
                       {"decided_on", a.decided_on}});
  }
  out["adjustments"] = adj;
  out["appeals"] = appeals;
  return out;
}

Result<json> LandService::Card(const Ctx& ctx, int64_t id, const std::string& credit_code) {
  auto c = db_.Acquire();
  auto run = LoadRun(*c, ctx, id);
  if (!run) return run.error();
  auto comp = Compute(*run);
  size_t i = 0;
  while (i < comp->input.size() && comp->input[i].credit_code != credit_code) ++i;
  if (i == comp->input.size()) return Error::NotFound("no enterprise " + credit_code + " in this run");
  const auto& e = comp->input[i];
  const auto& r = comp->ev.results[i];
  const land::GroupScheme* gs = r.group == land::Group::kAbove ? (comp->scheme.above ? &*comp->scheme.above : nullptr)
                              : r.group == land::Group::kBelow ? (comp->scheme.below ? &*comp->scheme.below : nullptr)
                                                               : nullptr;
  const land::GroupSummary* summary = nullptr;
  for (const auto& g : comp->ev.groups) {
    if (g.group == r.group) summary = &g;
  }
  json indicators = json::array();
  if (gs) {
    for (const auto& spec : gs->indicators) {
      size_t col = 0;
      while (comp->ev.indicators[col] != spec.id) ++col;
      std::optional<double> bench;
      if (summary) {
        for (const auto& [bid, b] : summary->benchmarks) {
          if (bid == spec.id) bench = b;
        }
      }
      const auto x = comp->ev.X(i, col);
      const auto s = comp->ev.S(i, col);
      json item = {{"id", land::IndicatorName(spec.id)}, {"weight", spec.weight},
                   {"cap", spec.cap ? json(*spec.cap) : json(nullptr)}, {"value", OptJ(x)}, {"benchmark", OptJ(bench)},
                   {"ratio", x && bench && *bench > 0 ? json(*x / *bench) : json(nullptr)}, {"score", OptJ(s)},
                   {"missing", !x.has_value()}};
      indicators.push_back(item);
    }
  }
  json adjustments = json::array(), appeals = json::array();
  std::string final_class = ClassLetter(r.klass);
  for (const auto& a : store::ListAdjustments(*c, id)) {
    if (a.credit_code != credit_code) continue;
    final_class = a.new_class;
    adjustments.push_back({{"id", a.id}, {"old_class", a.old_class}, {"new_class", a.new_class}, {"reason", a.reason},
                           {"source", a.source}, {"at", a.at}});
  }
  for (const auto& a : store::ListAppeals(*c, id)) {
    if (a.credit_code != credit_code) continue;
    appeals.push_back({{"id", a.id}, {"reason", a.reason}, {"filed_on", a.filed_on}, {"state", a.state},
                       {"decision", a.decision}, {"new_class", a.new_class}, {"decided_on", a.decided_on}, {"version", a.version}});
  }
  const auto surcharge = SurchargeFen(comp->scheme, e, final_class);
  return json{{"run", RunJson(*run)}, {"enterprise", EnterpriseToJson(e)}, {"group", land::GroupName(r.group)},
              {"status", land::StatusName(r.status)}, {"score", Evaluated(r.group) ? json(r.total) : json(nullptr)},
              {"rank", r.rank > 0 ? json(r.rank) : json(nullptr)}, {"group_count", summary ? summary->count : 0},
              {"class", r.klass ? json(ClassLetter(r.klass)) : json(nullptr)},
              {"final_class", final_class.empty() ? json(nullptr) : json(final_class)},
              {"bonus", e.bonus}, {"penalty", e.penalty}, {"indicators", indicators},
              {"surcharge_yuan", surcharge ? json(land::FormatCents(*surcharge)) : json(nullptr)},
              {"tax_to_next_class", r.tax_to_next_class_cents ? json(land::FormatCents(*r.tax_to_next_class_cents)) : json(nullptr)},
              {"adjustments", adjustments}, {"appeals", appeals}};
}

Result<json> LandService::RunAction(const Ctx& ctx, int64_t id, const json& body) {
  if (auto v = VersionOf(body); !v) return v.error();
  const std::string action = Str(body, "action"), reason = Str(body, "reason");
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto loaded = LoadRun(*c, ctx, id);
  if (!loaded) return loaded.error();
  store::RunRow run = std::move(loaded.value());
  const land::Transition* t = land::FindTransition("run", run.state, action);
  if (!t) {
    Error e = Error::Conflict("action " + action + " is not allowed while the run is " + run.state);
    e.extra = {{"allowed", land::ActionsFrom("run", run.state)}};
    return e;
  }
  if (auto st = CheckCounty(ctx, run.county_code, t->permission); !st) return st.error();
  if (t->needs_reason && reason.empty()) return Error::Invalid("a reason is required", {{"reason", "", "required", 0, {}}});
  if (body["version"].get<int64_t>() != run.version) return VersionConflict("the evaluation run", run.version);
  auto comp = Compute(run);
  const std::string code = Str(body, "credit_code");
  auto find = [&]() -> const land::EnterpriseResult* {
    for (size_t i = 0; i < comp->input.size(); ++i) {
      if (comp->input[i].credit_code == code) return &comp->ev.results[i];
    }
    return nullptr;
  };
  const auto overrides = Overrides(store::ListAdjustments(*c, id));
  auto current_class = [&](const land::EnterpriseResult& r) {
    auto it = overrides.find(code);
    return it != overrides.end() ? it->second : ClassLetter(r.klass);
  };
  json changes = json::array();
  if (action == "adjust" || action == "appeal") {
    const auto* r = find();
    if (!r || !Evaluated(r->group)) {
      return Error::Invalid("not an evaluated enterprise of this run", {{"credit_code", code, "not evaluated in this run", 0, {}}});
    }
    if (action == "adjust") {
      const std::string to = Str(body, "class");
      if (ClassIndex(to) < 0) return Error::Invalid("bad class", {{"class", to, "must be A, B, C or D", 0, {"A", "B", "C", "D"}}});
      const std::string from = current_class(*r);
      store::InsertAdjustment(*c, id, {0, code, from, to, reason, "adjust", ctx.now, ctx.caller.user_id});
      changes.push_back({{"field", "class:" + code}, {"old", from}, {"new", to}});
      changes.push_back({{"field", "reason"}, {"old", nullptr}, {"new", reason}});
    } else {
      if (!land::InAppealWindow(*ParseIsoDate(run.published_on), ctx.today)) {
        return Error::Conflict("the appeal window (" + run.published_on + " + " + std::to_string(land::kAppealDays) + " days) is closed");
      }
      const int64_t aid = store::InsertAppeal(*c, {0, id, code, reason, ctx.today.ToString(), "open", "", "", "", 1});
      changes.push_back({{"field", "appeal:" + std::to_string(aid)}, {"old", nullptr}, {"new", reason}});
    }
  } else if (action == "decide_appeal") {
    auto appeal = body.contains("appeal_id") && body["appeal_id"].is_number_integer()
                      ? store::GetAppeal(*c, body["appeal_id"].get<int64_t>()) : std::nullopt;
    if (!appeal || appeal->run_id != id) return Error::NotFound("no such appeal in this run");
    if (appeal->state != "open") return Error::Conflict("the appeal was already decided");
    const std::string decision = Str(body, "decision"), to = Str(body, "class");
    if (decision != "upheld" && decision != "rejected") {
      return Error::Invalid("bad decision", {{"decision", decision, "must be upheld or rejected", 0, {"upheld", "rejected"}}});
    }
    if (decision == "upheld" && ClassIndex(to) < 0) return Error::Invalid("an upheld appeal needs the new class", {{"class", to, "must be A, B, C or D", 0, {}}});
    const auto* r = [&] { for (size_t i = 0; i < comp->input.size(); ++i) if (comp->input[i].credit_code == appeal->credit_code) return &comp->ev.results[i]; return static_cast<const land::EnterpriseResult*>(nullptr); }();
    appeal->state = decision;
    appeal->decision = reason;
    appeal->new_class = decision == "upheld" ? to : "";
    appeal->decided_on = ctx.today.ToString();
    if (!store::UpdateAppeal(*c, *appeal)) return VersionConflict("the appeal", appeal->version);
    if (decision == "upheld" && r) {
      auto it = overrides.find(appeal->credit_code);
      const std::string from = it != overrides.end() ? it->second : ClassLetter(r->klass);
      store::InsertAdjustment(*c, id, {0, appeal->credit_code, from, to, reason, "appeal", ctx.now, ctx.caller.user_id});
      changes.push_back({{"field", "class:" + appeal->credit_code}, {"old", from}, {"new", to}});
    }
    changes.push_back({{"field", "appeal:" + std::to_string(appeal->id)}, {"old", "open"}, {"new", decision}});
  } else if (action == "publish") {
    const std::string on = Str(body, "published_on").empty() ? ctx.today.ToString() : Str(body, "published_on");
    if (!ParseIsoDate(on)) return Error::Invalid("bad date", {{"published_on", on, "must be YYYY-MM-DD", 0, {}}});
    run.published_on = ParseIsoDate(on)->ToString();
    changes.push_back({{"field", "published_on"}, {"old", nullptr}, {"new", run.published_on}});
  } else if (action == "finalize") {
    const Date last = land::AppealWindowLastDay(*ParseIsoDate(run.published_on));
    if (ctx.today <= last) return Error::Conflict("the appeal window runs until " + last.ToString());
    for (const auto& a : store::ListAppeals(*c, id)) {
      if (a.state == "open") return Error::Conflict("appeal " + std::to_string(a.id) + " is not decided yet");
    }
    run.finalized_on = ctx.today.ToString();
    // The policy ledger: each enterprise's consequences under its final class, frozen with the run.
    std::map<std::string, store::PolicyRow> policy;
    for (const auto& p : store::ListPolicies(*c, run.county_code)) policy[p.klass] = p;
    for (size_t i = 0; i < comp->input.size(); ++i) {
      const auto& e = comp->input[i];
      const auto& r = comp->ev.results[i];
      auto it = overrides.find(e.credit_code);
      const std::string managed = ManagedClass(r, it != overrides.end() ? it->second : ClassLetter(r.klass));
      if (managed.empty()) continue;
      const auto& p = policy[managed];
      store::InsertPolicyLedger(*c, id, run.county_code, run.year,
                                {e.credit_code, e.name, managed, SurchargeFen(comp->scheme, e, managed), p.land_mu, p.energy_tce, p.emission_t});
    }
  }
  if (t->to != run.state) changes.push_back({{"field", "state"}, {"old", run.state}, {"new", t->to}});
  run.state = t->to;
  if (!store::UpdateRun(*c, run)) return VersionConflict("the evaluation run", run.version);
  store::WriteJournal(*c, "le_run", id, action, ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return GetRun(ctx, id);
}

Result<json> LandService::PolicyLedger(const Ctx& ctx, int64_t id) {
  auto c = db_.Acquire();
  auto run = LoadRun(*c, ctx, id);
  if (!run) return run.error();
  json items = json::array();
  for (const auto& r : store::ListPolicyLedger(*c, id)) {
    items.push_back({{"credit_code", r.credit_code}, {"name", r.name}, {"class", r.klass},
                     {"surcharge_yuan", r.surcharge_fen ? json(land::FormatCents(*r.surcharge_fen)) : json(nullptr)},
                     {"land_mu", r.land_mu}, {"energy_tce", r.energy_tce}, {"emission_t", r.emission_t}});
  }
  return json{{"run_id", id}, {"final", run->state == "final"}, {"items", items}};
}

Result<LandExport> LandService::Export(const Ctx& ctx, int64_t id, const std::string& format) {
  if (format != "csv" && format != "xlsx") return Error::Invalid("bad format", {{"format", format, "must be csv or xlsx", 0, {"csv", "xlsx"}}});
  store::RunRow run;
  {
    auto c = db_.Acquire();
    auto loaded = LoadRun(*c, ctx, id);
    if (!loaded) return loaded.error();
    run = std::move(loaded.value());
  }
  auto comp = Compute(run);
  const std::string path = TempPath("." + format);
  auto st = format == "csv" ? land::WriteResultsCsv(path, comp->input, comp->ev) : land::WriteResultsXlsx(path, comp->input, comp->ev);
  if (!st) return st.error();
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  std::filesystem::remove(path);
  const std::string name = "land-" + run.county_code + "-" + std::to_string(run.year) + "-v" + std::to_string(run.run_no) + "." + format;
  return LandExport{buf.str(), format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name};
}

Result<json> LandService::Journal(const Ctx& ctx, const std::string& entity, int64_t id) {
  auto c = db_.Acquire();
  if (entity == "le_run") {
    if (auto run = LoadRun(*c, ctx, id); !run) return run.error();
  } else {
    auto row = store::GetLandData(*c, id);
    if (!row || !CheckCounty(ctx, row->county_code, access::kLandRead)) return Error::NotFound("no enterprise data " + std::to_string(id));
  }
  json items = json::array();
  for (const auto& r : store::ReadJournal(*c, entity, id).rows) {
    items.push_back({{"id", store::AsInt(r[0])}, {"at", store::AsText(r[1])}, {"user_name", store::AsText(r[3])},
                     {"action", store::AsText(r[4])}, {"changes", json::parse(store::AsText(r[5]))}});
  }
  return json{{"items", items}};
}

}  // namespace gj::service

#include "service/land_efficiency/land_service.h"

#include <set>

#include "common/json_field.h"
#include "common/json_limits.h"
#include "common/json_shape.h"
#include "domain/land_efficiency/credit_code.h"
#include "domain/land_efficiency/workflow.h"
#include "io/xlsx_reader.h"
#include "service/land_efficiency/input.h"
#include "service/land_efficiency/land_sheets.h"
#include "service/land_efficiency/land_support.h"
#include "service/remit.h"
#include "store/journal.h"
#include "store/org_store.h"
#include "store/table.h"

namespace gj::service {

using nlohmann::json;
using namespace land_support;

namespace land_support {

json OptJ(const std::optional<double>& v) { return JsonValue(v); }
std::optional<double> OptD(const json& j, const char* k) {
  if (!j.contains(k) || j[k].is_null()) return std::nullopt;
  return j[k].get<double>();
}

std::string Str(const json& body, const char* k) {
  return body.contains(k) && body[k].is_string() ? body[k].get<std::string>() : std::string();
}

int ClassIndex(const std::string& letter) {
  for (int i = 0; i < 4; ++i) {
    if (letter.size() == 1 && letter[0] == land::kClassLetters[i]) return i;
  }
  return -1;
}

}  // namespace land_support

// The members of an enterprise as its JSON keeps them, in order: one list for the writer and the reader.
#define GJ_LAND_ENTERPRISE_MEMBERS                                                                 \
  credit_code, name, county, town, industry_code, above_scale, land_mu, tax, revenue, value_added, \
      energy_tce, emission_eq, rd_spend, employees, electricity_kwh, bonus, penalty, veto, undetermined

json EnterpriseToJson(const land::Enterprise& e) {
  using E = land::Enterprise;
  static const JFields<E> kFields = GJ_JSON_FIELDS(E, GJ_LAND_ENTERPRISE_MEMBERS);
  return ObjectOf(e, kFields);
}

// Reads what EnterpriseToJson writes (a run keeps its input so); an absent member keeps its default.
land::Enterprise EnterpriseFromJson(const json& j) {
  land::Enterprise e;
  auto read = [&](const char* k, auto& member) {
    using M = std::decay_t<decltype(member)>;
    if constexpr (std::is_same_v<M, std::optional<double>>) member = OptD(j, k);
    else member = j.value(k, M{});
  };
  GJ_JSON_MEMBERS(read, e, GJ_LAND_ENTERPRISE_MEMBERS)
  return e;
}

Status LandService::CheckCounty(const Ctx& ctx, const std::string& county, const char* action) {
  auto tree = ledger_.Regions();
  const access::Region* r = tree->Find(county);
  if (!r || r->level != "county" ||
      !access::Allowed(ctx.caller, access::kLandRead, {county, "", std::nullopt}, *tree)) {
    return Error::NotFound("no county " + county);
  }
  if (!access::Allowed(ctx.caller, action, {county, "", std::nullopt}, *tree)) {
    return Error::Forbidden(std::string("not allowed: ") + action);
  }
  return Ok{};
}

access::ReadScope LandService::Remit(store::Connection& c, const Ctx& ctx) {
  return UnitRemit(c, ctx, *ledger_.Regions(), access::kLandRead);
}

bool LandService::Readable(const access::ReadScope& remit, const std::string& county,
                           const std::string& town) {
  if (remit.Contains(county)) return true;
  auto tree = ledger_.Regions();
  for (const auto& code : tree->Subtree(county)) {
    const access::Region* r = tree->Find(code);
    if (r && r->parent_code == county && r->name == town) return remit.Contains(county, code);
  }
  return false;
}

Status LandService::WholeCounty(const access::ReadScope& remit, const std::string& county) {
  if (remit.Contains(county)) return Ok{};
  return Error::Forbidden(
      "this lists every enterprise of the county; you read those of your unit's remit only");
}

namespace {

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

LandData DataView(store::LandDataRow r) {
  auto actions = land::ActionsFrom("data", r.state);
  return {std::move(r), std::move(actions)};
}

}  // namespace

// ---- data ----------------------------------------------------------------------------------

Status LandService::MayImport(const Ctx& ctx, const std::string& county) {
  return CheckCounty(ctx, county, access::kLandWrite);
}

Result<LandImportReport> LandService::Import(const Ctx& ctx, const std::string& county, int year,
                                             std::string_view bytes, bool dry_run) {
  if (auto st = CheckCounty(ctx, county, access::kLandWrite); !st) return st.error();
  if (year < 2000 || year > 2100)
    return Error::Invalid("bad year", {{"year", std::to_string(year), "must be 2000–2100", 0, {}}});
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
        problems.push_back({"credit_code",
                            e.credit_code,
                            "the enterprise belongs to county " + *other,
                            static_cast<int>(table->row_numbers[i]),
                            {}});
      }
    }
  }
  LandImportReport report{dry_run, county, year, table ? table->enterprises.size() : 0, problems, {}, {}};
  if (!problems.empty()) {
    if (dry_run) return report;
    Error e = Error::Invalid(
        std::to_string(problems.size()) + " problem(s) in the file; nothing was imported", problems);
    return e;
  }
  int created = 0, updated = 0;
  for (const auto& e : table->enterprises) (store::EnterpriseCounty(*c, e.credit_code) ? updated : created)++;
  report.created = created;
  report.updated = updated;
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

Result<LandDataList> LandService::ListData(const Ctx& ctx, const std::string& county, int year) {
  if (auto st = CheckCounty(ctx, county, access::kLandRead); !st) return st.error();
  auto c = db_.Acquire();
  LandDataList out{county, year, {}, {}};
  for (auto& r : store::ListLandData(*c, Remit(*c, ctx), county, year)) {
    out.states[r.state]++;
    out.items.push_back(DataView(std::move(r)));
  }
  return out;
}

Result<LandExport> LandService::DataWorkbook(const Ctx& ctx, const std::string& county,
                                             std::optional<int> year) {
  if (auto st = CheckCounty(ctx, county, access::kLandRead); !st) return st.error();
  const auto tree = ledger_.Regions();
  const access::Region* region = tree->Find(county);
  const std::string name = region ? region->name : county;
  std::vector<land::Enterprise> rows;
  if (year) {
    auto c = db_.Acquire();
    for (auto& r : store::ListLandData(*c, Remit(*c, ctx), county, *year)) rows.push_back(std::move(r.e));
  }
  const std::string title = year ? "亩产效益评价企业数据（" + name + "，" + std::to_string(*year) + " 年）"
                                 : "亩产效益评价企业数据导入模板（" + name + "）";
  const std::string file = year ? "亩产效益企业数据-" + name + "-" + std::to_string(*year) + ".xlsx"
                                : "亩产效益导入模板-" + name + ".xlsx";
  return LandExport{land::LandDataXlsx(title, rows),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file};
}

Result<LandData> LandService::GetData(const Ctx& ctx, int64_t id) {
  auto c = db_.Acquire();
  auto row = store::GetLandData(*c, Remit(*c, ctx), id);
  if (!row || !CheckCounty(ctx, row->county_code, access::kLandRead))
    return Error::NotFound("no enterprise data " + std::to_string(id));
  return DataView(std::move(*row));
}

Result<LandData> LandService::UpdateData(const Ctx& ctx, int64_t id, const json& body) {
  if (auto v = VersionOf(body); !v) return v.error();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto row = store::GetLandData(*c, Remit(*c, ctx), id);
  if (!row) return Error::NotFound("no enterprise data " + std::to_string(id));
  if (auto st = CheckCounty(ctx, row->county_code, access::kLandWrite); !st) {
    return st.error().code == ErrorCode::kNotFound
               ? Error::NotFound("no enterprise data " + std::to_string(id))
               : st.error();
  }
  if (body["version"].get<int64_t>() != row->version) return store::StaleVersion("data", row->version);
  Problems pr;
  json changes = json::array();
  auto& e = row->e;
  auto number = [&](const char* k, double& field, double min, bool strict) {
    if (!body.contains(k)) return;
    if (!body[k].is_number()) return pr.Add(k, BoundedDump(body[k]), "must be a number");
    const double v = body[k].get<double>();
    if (strict ? v <= min : v < min)
      return pr.Add(k, BoundedDump(body[k]), strict ? "must be > 0" : "must be ≥ 0");
    if (v != field) changes.push_back({{"field", k}, {"old", field}, {"new", v}});
    field = v;
  };
  auto optional = [&](const char* k, std::optional<double>& field) {
    if (!body.contains(k)) return;
    if (!body[k].is_null() && !body[k].is_number())
      return pr.Add(k, BoundedDump(body[k]), "must be a number or null");
    std::optional<double> v = body[k].is_null() ? std::nullopt : std::optional<double>(body[k].get<double>());
    if (v != field) changes.push_back({{"field", k}, {"old", OptJ(field)}, {"new", OptJ(v)}});
    field = v;
  };
  auto flag = [&](const char* k, bool& field) {
    if (!body.contains(k)) return;
    if (!body[k].is_boolean()) return pr.Add(k, BoundedDump(body[k]), "must be true or false");
    if (body[k].get<bool>() != field)
      changes.push_back({{"field", k}, {"old", field}, {"new", body[k].get<bool>()}});
    field = body[k].get<bool>();
  };
  number("land_mu", e.land_mu, 0, true);
  number("tax", e.tax, -1e300, false);
  auto non_negative = [&](const char* k, double& field) { number(k, field, 0, false); };
  GJ_JSON_MEMBERS(non_negative, e, revenue, bonus, penalty)
  GJ_JSON_MEMBERS(optional, e, value_added, energy_tce, emission_eq, rd_spend, employees, electricity_kwh)
  GJ_JSON_MEMBERS(flag, e, veto, undetermined)
  if (!pr.empty()) return pr.ToError("the data is not valid");
  // Changed figures must be reviewed and confirmed again.
  if (!changes.empty() && row->state != "submitted") {
    changes.push_back({{"field", "state"}, {"old", row->state}, {"new", "submitted"}});
    row->state = "submitted";
  }
  if (auto st = store::UpdateLandData(*c, *row, ctx.now); !st) return st.error();
  store::WriteJournal(*c, "le_data", id, "update", ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return DataView(*store::GetLandData(*c, access::ReadScope::All(), id));  // read above through the remit
}

Result<LandData> LandService::DataAction(const Ctx& ctx, int64_t id, const json& body) {
  if (auto v = VersionOf(body); !v) return v.error();
  const std::string action = Str(body, "action"), reason = Str(body, "reason");
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto row = store::GetLandData(*c, Remit(*c, ctx), id);
  if (!row || !CheckCounty(ctx, row->county_code, access::kLandRead))
    return Error::NotFound("no enterprise data " + std::to_string(id));
  const land::Transition* t = land::FindTransition("data", row->state, action);
  if (!t) {
    Error e = Error::Conflict("action " + action + " is not allowed in state " + row->state);
    e.extra = {{"allowed", land::ActionsFrom("data", row->state)}};
    return e;
  }
  if (auto st = CheckCounty(ctx, row->county_code, t->permission); !st) return st.error();
  if (t->needs_reason && reason.empty())
    return Error::Invalid("a reason is required", {{"reason", "", "required", 0, {}}});
  if (body["version"].get<int64_t>() != row->version) return store::StaleVersion("data", row->version);
  json changes = json::array({{{"field", "state"}, {"old", row->state}, {"new", t->to}}});
  if (t->needs_reason) changes.push_back({{"field", "reason"}, {"old", nullptr}, {"new", reason}});
  row->state = t->to;
  row->return_reason = t->needs_reason ? reason : "";
  if (auto st = store::UpdateLandData(*c, *row, ctx.now); !st) return st.error();
  store::WriteJournal(*c, "le_data", id, action, ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return DataView(*store::GetLandData(*c, access::ReadScope::All(), id));  // read above through the remit
}

Result<LandBulkAction> LandService::DataActionAll(const Ctx& ctx, const json& body) {
  static const char* kShape = "the body must be {\"county_code\", \"year\", \"action\", \"reason\"?}";
  if (!body.is_object()) return Error::BadRequest(kShape);
  const std::string county = Str(body, "county_code"), action = Str(body, "action"),
                    reason = Str(body, "reason");
  // The county and the caller's right to the action before the rest of the body: 404 for a county
  // not read, 403 for an action not the caller's (for an unknown action: no data action at all).
  if (auto st = CheckCounty(ctx, county, access::kLandRead); !st) return st.error();
  const land::Transition* any = nullptr;
  Status may = Error::Forbidden("not allowed: any land data action");
  for (const auto& t : land::Transitions()) {
    if (std::string_view(t.machine) != "data") continue;
    if (action == t.action) any = &t;
    if (!may) may = CheckCounty(ctx, county, t.permission);
  }
  if (any) may = CheckCounty(ctx, county, any->permission);
  if (!may) return may.error();
  if (!any) return Error::Invalid("unknown action", {{"action", action, "not a data action", 0, {}}});
  if (!body.contains("year") || !body["year"].is_number_integer()) return Error::BadRequest(kShape);
  const int year = body["year"].get<int>();
  if (any->needs_reason && reason.empty())
    return Error::Invalid("a reason is required", {{"reason", "", "required", 0, {}}});
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  int changed = 0;
  for (auto row : store::ListLandData(*c, Remit(*c, ctx), county, year)) {
    const land::Transition* t = land::FindTransition("data", row.state, action);
    if (!t) continue;
    json changes = json::array({{{"field", "state"}, {"old", row.state}, {"new", t->to}}});
    row.state = t->to;
    row.return_reason = t->needs_reason ? reason : "";
    if (auto st = store::UpdateLandData(*c, row, ctx.now); !st) return st.error();
    store::WriteJournal(*c, "le_data", row.id, action, ctx.caller.user_id, ctx.now, changes);
    ++changed;
  }
  tx.Commit();
  return LandBulkAction{action, changed};
}

}  // namespace gj::service

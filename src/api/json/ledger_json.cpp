#include "api/json/ledger_json.h"

#include "common/json_limits.h"
#include "common/json_shape.h"
#include "common/json_writer.h"
#include "common/reason_catalog.h"

namespace gj {

namespace {

// The referenced names of a project view, after its own members.
void AppendNames(std::string& out, const std::string& county, const std::string& town,
                 const std::string& leader, const std::string& unit, bool& first) {
  json::AppendKey(out, "county_name", first);
  json::AppendString(out, county);
  for (auto [key, value] :
       {std::pair{"town_name", &town}, std::pair{"leader_name", &leader}, std::pair{"unit_name", &unit}}) {
    json::AppendKey(out, key, first);
    if (value->empty()) out += "null";
    else json::AppendString(out, *value);
  }
}

using Group = service::ProjectOverview::Group;
using Agg = store::Aggregate;
const JFields<Group> kOverviewGroup = Join<Group>(
    Lift<&Group::figures>(GJ_JSON_FIELDS(Agg, key)), GJ_JSON_FIELDS(Group, label_zh),
    Lift<&Group::figures>(GJ_JSON_FIELDS(Agg, count, total_investment, annual_plan, annual_completed)));

// {"items": [the items' objects]}.
template <class T>
nlohmann::json ItemsJson(const std::vector<T>& items, const JFields<T>& fields) {
  return {{"items", ArrayOf(items, fields)}};
}

}  // namespace

namespace store {

void to_json(nlohmann::json& j, const ProjectRow& row) {
  j = ledger::ToJson(row.project);
  j["county_name"] = row.county_name;
  j["town_name"] = TextOrNull(row.town_name);
  j["leader_name"] = TextOrNull(row.leader_name);
  j["unit_name"] = TextOrNull(row.unit_name);
}

}  // namespace store

namespace ledger {

void to_json(nlohmann::json& j, const ProjectYear& y) {
  static const JFields<ProjectYear> kFields =
      GJ_JSON_FIELDS(ProjectYear, project_id, year, kind, annual_plan, annual_completed, version);
  WriteObject(j, y, kFields);
}

}  // namespace ledger

namespace service {

void to_json(nlohmann::json& j, const ProjectYearList& l) { j = {{"items", l.items}}; }

void to_json(nlohmann::json& j, const PutYearResult& r) { j = r.year; }

void to_json(nlohmann::json& j, const RolloverResult& r) {
  using D = ledger::RolloverDecision;
  static const JFields<D> kItem = GJ_JSON_FIELDS(D, project_id, code, name, stage, carries, reason);
  j = {{"from_year", r.from_year}, {"to_year", r.to_year}, {"dry_run", r.dry_run}, {"carried", r.carried}};
  j["items"] = ItemsJson(r.items, kItem)["items"];
}

void to_json(nlohmann::json& j, const ProjectJournal& journal) {
  using E = ProjectJournal::Entry;
  static const JFields<E> kEntry =
      Join<E>(GJ_JSON_FIELDS(E, id, at, user_id, user_name, action),
              JField<&E::changes_json>("changes", [](const std::string& t) { return ParseStoredJson(t); }));
  j = ItemsJson(journal.items, kEntry);
}

void to_json(nlohmann::json& j, const ProjectOverview& o) {
  using O = ProjectOverview;
  static const JFields<O> kFields = Join<O>(
      JObject<&O::by_stage>("by_stage", kOverviewGroup),
      JObject<&O::by_category>("by_category", kOverviewGroup),
      JObject<&O::by_town>("by_town", kOverviewGroup), JObject<&O::by_county>("by_county", kOverviewGroup),
      GJ_JSON_FIELDS(O, project_count, total_investment, annual_plan, annual_completed),
      JObject<&O::region>("region", GJ_JSON_FIELDS(access::Region, code, name, level)));
  WriteObject(j, o, kFields);
  j["year"] = o.year;
  j["previous"] = nullptr;
  if (o.previous) {
    const auto& p = *o.previous;
    j["previous"] = {{"year", p.year},
                     {"as_of", p.as_of.ToString()},
                     {"project_count", p.project_count},
                     {"total_investment", p.total_investment},
                     {"annual_plan", p.annual_plan},
                     {"annual_completed", p.annual_completed}};
  }
}

void to_json(nlohmann::json& j, const RegionList& l) {
  using R = access::Region;
  static const JFields<R> kRegion =
      Join<R>(GJ_JSON_FIELDS(R, code, name, level), JFieldOrNull<&R::parent_code>("parent_code"));
  j = ItemsJson(l.items, kRegion);
}

void to_json(nlohmann::json& j, const UnitList& l) {
  using U = store::Unit;
  static const JFields<U> kUnit = GJ_JSON_FIELDS(U, id, name, kind, region_code, version);
  j = ItemsJson(l.items, kUnit);
}

void to_json(nlohmann::json& j, const PersonList& l) {
  using P = store::Person;
  static const JFields<P> kPerson = GJ_JSON_FIELDS(P, id, name, title, kind, region_code, unit_id, version);
  j = ItemsJson(l.items, kPerson);
}

void to_json(nlohmann::json& j, const ImportReport& r) {
  static const JFields<ImportReport> kFields =
      GJ_JSON_FIELDS(ImportReport, dry_run, rows, created, updated, unchanged);
  WriteObject(j, r, kFields);
  j["problems"] = ArrayOf(r.problems.details(), [](const ErrorDetail& d) {
    nlohmann::json p = ObjectOf(d, api::SheetProblemFields());
    if (!d.allowed.empty()) p["allowed"] = d.allowed;
    return p;
  });
}

void to_json(nlohmann::json& j, const IssuedApiToken& t) {
  static const JFields<IssuedApiToken> kFields = GJ_JSON_FIELDS(IssuedApiToken, id, name, token, expires_at);
  WriteObject(j, t, kFields);
}

void to_json(nlohmann::json& j, const ApiTokenList& l) {
  using T = store::SessionRow;
  static const JFields<T> kToken = GJ_JSON_FIELDS(T, id, name, created_at, expires_at, revoked);
  j = ItemsJson(l.items, kToken);
}

}  // namespace service

namespace api {

const JFields<ErrorDetail>& SheetProblemFields() {
  static const JFields<ErrorDetail> kFields =
      Join<ErrorDetail>(GJ_JSON_FIELDS(ErrorDetail, row), JField<&ErrorDetail::field>("column"),
                        GJ_JSON_FIELDS(ErrorDetail, value, reason),
                        JFieldOf<ErrorDetail>("rule",
                                              [](const ErrorDetail& d) {
                                                auto r = RuleOfReason(d.reason);
                                                return r ? nlohmann::json(r->rule) : nlohmann::json(nullptr);
                                              }),
                        JFieldOf<ErrorDetail>("params", [](const ErrorDetail& d) {
                          auto r = RuleOfReason(d.reason);
                          return r ? nlohmann::json(r->params) : nlohmann::json::object();
                        }));
  return kFields;
}

void AppendProjectView(std::string& out, const store::ProjectRow& row) {
  bool first = true;
  out += '{';
  ledger::AppendJsonMembers(out, row.project, first);
  AppendNames(out, row.county_name, row.town_name, row.leader_name, row.unit_name, first);
  out += '}';
}

std::string ProjectListPageJson(const service::ProjectListPage& page) {
  size_t size = 128;
  for (const auto& t : page.members) size += t->size() + 160;
  std::string out;
  out.reserve(size);
  out += "{\"items\":[";
  for (size_t i = 0; i < page.refs.size(); ++i) {
    const auto& ref = page.refs[i];
    if (i) out += ',';
    out += '{';
    out += *page.members[i];
    bool first = page.members[i]->empty();
    AppendNames(out, ref.county_name, ref.town_name, ref.leader_name, ref.unit_name, first);
    out += '}';
  }
  out += "],\"total_count\":" + std::to_string(page.total_count) +
         ",\"offset\":" + std::to_string(page.offset) + ",\"limit\":" + std::to_string(page.limit) +
         ",\"year\":" + std::to_string(page.year) + "}";
  return out;
}

nlohmann::json CallerJson(const access::Caller& c, const access::RegionTree& tree) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& g : c.grants) {
    const access::Region* r = tree.Find(g.region_code);
    roles.push_back({{"role", g.role},
                     {"region_code", g.region_code},
                     {"region_name", r ? r->name : ""},
                     {"unit_id", JsonValue(g.unit_id)}});
  }
  return {{"id", c.user_id},
          {"login", c.login},
          {"name", c.name},
          {"person_id", JsonValue(c.person_id)},
          {"roles", roles},
          {"permissions", access::Permissions(c)},
          {"must_change_password", c.must_change_password}};
}

nlohmann::json LoginJson(const service::LoginResult& r, const access::RegionTree& tree) {
  return {{"token", r.token}, {"expires_at", r.expires_at}, {"user", CallerJson(r.caller, tree)}};
}

}  // namespace api

}  // namespace gj

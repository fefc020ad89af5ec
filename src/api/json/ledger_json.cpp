#include "api/json/ledger_json.h"

#include "common/json_writer.h"

namespace gj {

namespace {

nlohmann::json TextOrNull(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

template <class T>
nlohmann::json OrNull(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

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

nlohmann::json OverviewGroupJson(const std::vector<service::ProjectOverview::Group>& groups) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& g : groups) {
    const auto& a = g.figures;
    list.push_back({{"key", a.key},
                    {"label_zh", g.label_zh},
                    {"count", a.count},
                    {"total_investment", a.total_investment},
                    {"annual_plan", a.annual_plan},
                    {"annual_completed", a.annual_completed}});
  }
  return list;
}

template <class T, class F>
nlohmann::json ItemsJson(const std::vector<T>& items, F item) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& i : items) out.push_back(item(i));
  return {{"items", std::move(out)}};
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

namespace service {

void to_json(nlohmann::json& j, const ProjectJournal& journal) {
  j = ItemsJson(journal.items, [](const ProjectJournal::Entry& e) -> nlohmann::json {
    return {{"id", e.id},
            {"at", e.at},
            {"user_id", OrNull(e.user_id)},
            {"user_name", e.user_name},
            {"action", e.action},
            {"changes", nlohmann::json::parse(e.changes_json)}};
  });
}

void to_json(nlohmann::json& j, const ProjectOverview& o) {
  j = {{"by_stage", OverviewGroupJson(o.by_stage)},
       {"by_category", OverviewGroupJson(o.by_category)},
       {"by_town", OverviewGroupJson(o.by_town)},
       {"by_county", OverviewGroupJson(o.by_county)},
       {"project_count", o.project_count},
       {"total_investment", o.total_investment},
       {"annual_plan", o.annual_plan},
       {"annual_completed", o.annual_completed}};
  j["region"] =
      o.region
          ? nlohmann::json{{"code", o.region->code}, {"name", o.region->name}, {"level", o.region->level}}
          : nlohmann::json(nullptr);
}

void to_json(nlohmann::json& j, const RegionList& l) {
  j = ItemsJson(l.items, [](const access::Region& r) -> nlohmann::json {
    return {
        {"code", r.code}, {"name", r.name}, {"level", r.level}, {"parent_code", TextOrNull(r.parent_code)}};
  });
}

void to_json(nlohmann::json& j, const UnitList& l) {
  j = ItemsJson(l.items, [](const store::Unit& u) -> nlohmann::json {
    return {{"id", u.id}, {"name", u.name}, {"kind", u.kind}, {"region_code", u.region_code}};
  });
}

void to_json(nlohmann::json& j, const PersonList& l) {
  j = ItemsJson(l.items, [](const store::Person& p) -> nlohmann::json {
    return {{"id", p.id},
            {"name", p.name},
            {"title", p.title},
            {"kind", p.kind},
            {"region_code", p.region_code},
            {"unit_id", OrNull(p.unit_id)}};
  });
}

void to_json(nlohmann::json& j, const ImportReport& r) {
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& d : r.problems.details()) {
    nlohmann::json p = {{"row", d.row}, {"column", d.field}, {"value", d.value}, {"reason", d.reason}};
    if (!d.allowed.empty()) p["allowed"] = d.allowed;
    problems.push_back(std::move(p));
  }
  j = {{"dry_run", r.dry_run}, {"rows", r.rows},           {"created", r.created},
       {"updated", r.updated}, {"unchanged", r.unchanged}, {"problems", std::move(problems)}};
}

void to_json(nlohmann::json& j, const IssuedApiToken& t) {
  j = {{"id", t.id}, {"name", t.name}, {"token", t.token}, {"expires_at", t.expires_at}};
}

void to_json(nlohmann::json& j, const ApiTokenList& l) {
  j = ItemsJson(l.items, [](const store::SessionRow& t) -> nlohmann::json {
    return {{"id", t.id},
            {"name", t.name},
            {"created_at", t.created_at},
            {"expires_at", t.expires_at},
            {"revoked", t.revoked}};
  });
}

}  // namespace service

namespace api {

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
         ",\"offset\":" + std::to_string(page.offset) + ",\"limit\":" + std::to_string(page.limit) + "}";
  return out;
}

nlohmann::json CallerJson(const access::Caller& c, const access::RegionTree& tree) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& g : c.grants) {
    const access::Region* r = tree.Find(g.region_code);
    roles.push_back({{"role", g.role},
                     {"region_code", g.region_code},
                     {"region_name", r ? r->name : ""},
                     {"unit_id", OrNull(g.unit_id)}});
  }
  return {{"id", c.user_id}, {"login", c.login},
          {"name", c.name},  {"person_id", OrNull(c.person_id)},
          {"roles", roles},  {"permissions", access::Permissions(c)}};
}

nlohmann::json LoginJson(const service::LoginResult& r, const access::RegionTree& tree) {
  return {{"token", r.token}, {"expires_at", r.expires_at}, {"user", CallerJson(r.caller, tree)}};
}

}  // namespace api

}  // namespace gj

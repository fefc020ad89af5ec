// Endpoints of the organisation admin (系统管理): regions (towns, custom areas), units, people and
// 专班 (teams). Every write sends its version (409 on a stale one, with `current`); nothing is
// deleted: PATCH {"version", "archived": true} archives, {"archived": false} restores.
#include "api/json/results_json.h"
#include "api/routes.h"

namespace gj::api {

void OrgRoutes(Services& s, std::vector<Route>& r) {
  auto& org = s.org;
  auto region_now = [&org](Call& c) { return org.GetRegion(c.ctx, c.PathText()); };
  r.push_back(
      {"POST", "/api/v1/regions",
       "Add a town (level town) or a custom area (经济开发区/园区, level zone): {code, name, level, parent_code, sort?}",
       true,
       BodyHandler([&org](Call& c, const nlohmann::json& b) { return org.CreateRegion(c.ctx, b); }, 201)});
  r.push_back({"GET", "/api/v1/regions/{code}", "One region with its sort, archived and version", true,
               ReadHandler(region_now)});
  r.push_back(
      {"PATCH", "/api/v1/regions/{code}",
       "Rename, reorder or archive a region: {version, name?, sort?, archived?}", true,
       VersionedBodyHandler(
           [&org](Call& c, const nlohmann::json& b) { return org.UpdateRegion(c.ctx, c.PathText(), b); },
           region_now)});

  auto unit_now = [&org](Call& c) { return org.GetUnit(c.ctx, c.PathId()); };
  r.push_back(
      {"POST", "/api/v1/units", "Add a unit: {name, kind: department|town|park|soe|other, region_code}", true,
       BodyHandler([&org](Call& c, const nlohmann::json& b) { return org.CreateUnit(c.ctx, b); }, 201)});
  r.push_back({"GET", "/api/v1/units/{id}", "One unit with its version", true, ReadHandler(unit_now)});
  r.push_back({"PATCH", "/api/v1/units/{id}",
               "Change or archive a unit: {version, name?, kind?, region_code?, archived?}", true,
               VersionedBodyHandler(
                   [&org](Call& c, const nlohmann::json& b) { return org.UpdateUnit(c.ctx, c.PathId(), b); },
                   unit_now)});

  auto person_now = [&org](Call& c) { return org.GetPerson(c.ctx, c.PathId()); };
  r.push_back(
      {"POST", "/api/v1/people",
       "Add a person: {name, title?, phone?, kind: leader|head|specialist|helper|liaison|staff, tier?, "
       "region_code, unit_id?}",
       true,
       BodyHandler([&org](Call& c, const nlohmann::json& b) { return org.CreatePerson(c.ctx, b); }, 201)});
  r.push_back({"GET", "/api/v1/people/{id}", "One person with their version", true, ReadHandler(person_now)});
  r.push_back(
      {"PATCH", "/api/v1/people/{id}",
       "Change or archive a person: {version, name?, title?, phone?, kind?, tier?, region_code?, unit_id?, archived?}",
       true,
       VersionedBodyHandler(
           [&org](Call& c, const nlohmann::json& b) { return org.UpdatePerson(c.ctx, c.PathId(), b); },
           person_now)});

  auto team_now = [&org](Call& c) { return org.GetTeam(c.ctx, c.PathId()); };
  r.push_back({"GET", "/api/v1/teams", "专班 of a region (?region=&archived=true)", true, [&org](Call& c) {
                 QueryParams q(c);
                 const bool archived = q.Flag("archived");
                 return q.Then([&] { return org.ListTeams(c.ctx, q.Text("region"), archived); });
               }});
  r.push_back(
      {"POST", "/api/v1/teams", "Add a 专班: {name, region_code, lead_person_id?, member_ids?, project_ids?}",
       true,
       BodyHandler([&org](Call& c, const nlohmann::json& b) { return org.CreateTeam(c.ctx, b); }, 201)});
  r.push_back({"GET", "/api/v1/teams/{id}", "One 专班 with its members, projects and version", true,
               ReadHandler(team_now)});
  r.push_back(
      {"PATCH", "/api/v1/teams/{id}",
       "Change or archive a 专班: {version, name?, region_code?, lead_person_id?, member_ids?, project_ids?, archived?}",
       true,
       VersionedBodyHandler(
           [&org](Call& c, const nlohmann::json& b) { return org.UpdateTeam(c.ctx, c.PathId(), b); },
           team_now)});
}

}  // namespace gj::api

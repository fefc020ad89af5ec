// Endpoints of the organisation admin (系统管理): regions (towns, custom areas), units, people and
// 专班 (teams). Every write sends its version (409 on a stale one, with `current`); nothing is
// deleted: PATCH {"version", "archived": true} archives, {"archived": false} restores.
#include "api/json/results_json.h"
#include "api/routes.h"

namespace gj::api {

void OrgRoutes(Services& s, std::vector<Route>& r) {
  auto& org = s.org;
  using service::OrgService;
  VersionedRecordRoutes(
      r, org,
      {"/api/v1/regions/{code}",
       "Add a town (level town) or a custom area (经济开发区/园区, level zone): {code, name, level, parent_code, sort?}",
       "One region with its sort, archived and version",
       "Rename, reorder or archive a region: {version, name?, sort?, archived?}"},
      &OrgService::CreateRegion, &OrgService::GetRegion, &OrgService::UpdateRegion);
  VersionedRecordRoutes(
      r, org,
      {"/api/v1/units/{id}", "Add a unit: {name, kind: department|town|park|soe|other, region_code}",
       "One unit with its version",
       "Change or archive a unit: {version, name?, kind?, region_code?, archived?}"},
      &OrgService::CreateUnit, &OrgService::GetUnit, &OrgService::UpdateUnit);
  VersionedRecordRoutes(
      r, org,
      {"/api/v1/people/{id}",
       "Add a person: {name, title?, phone?, kind: leader|head|specialist|helper|liaison|staff, tier?, "
       "region_code, unit_id?}",
       "One person with their version",
       "Change or archive a person: {version, name?, title?, phone?, kind?, tier?, region_code?, unit_id?, archived?}"},
      &OrgService::CreatePerson, &OrgService::GetPerson, &OrgService::UpdatePerson);

  r.push_back({"GET", "/api/v1/teams", "专班 of a region (?region=&archived=true)", true, [&org](Call& c) {
                 QueryParams q(c);
                 const bool archived = q.Flag("archived");
                 return q.Then([&] { return org.ListTeams(c.ctx, q.Text("region"), archived); });
               }});
  VersionedRecordRoutes(
      r, org,
      {"/api/v1/teams/{id}", "Add a 专班: {name, region_code, lead_person_id?, member_ids?, project_ids?}",
       "One 专班 with its members, projects and version",
       "Change or archive a 专班: {version, name?, region_code?, lead_person_id?, member_ids?, project_ids?, archived?}"},
      &OrgService::CreateTeam, &OrgService::GetTeam, &OrgService::UpdateTeam);

  // The first-run checklist (上线清单): what the admin has set up in a region and what is still empty.
  auto checklist = std::make_shared<service::SetupChecklistService>(s.db, s.ledger);
  r.push_back(
      {"GET", "/api/v1/setup/checklist",
       "First-run checklist of a county, city or province (?region=, default: the caller's admin "
       "region): towns, units, people, accounts, projects, rules, targets, teams with counts (org.admin)",
       true, [checklist](Call& c) { return JsonReply(checklist->Checklist(c.ctx, c.Query("region"))); }});
}

}  // namespace gj::api

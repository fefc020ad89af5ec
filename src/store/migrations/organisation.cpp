// Organisation admin (系统管理: 区域、单位、人员、专班) owns versions 70–79: regions, units and
// people become versioned records that are archived, never deleted; people gain a tier (红帮办/助企
// 专员); 专班 (teams) with their members and the projects they carry.
#include "store/migrations/migrations.h"

namespace gj::store {

std::vector<Migration> OrganisationMigrations() {
  return {
      {70, "organisation admin: versions, archive, tiers, teams", R"SQL(
ALTER TABLE regions ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
ALTER TABLE regions ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE units ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE people ADD COLUMN tier TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
CREATE INDEX people_unit ON people(unit_id);
CREATE TABLE teams (
  id {{ID}},
  name TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  lead_person_id BIGINT REFERENCES people(id),
  archived INTEGER NOT NULL DEFAULT 0,
  {{VERSION}}
);
CREATE INDEX teams_region ON teams(region_code);
CREATE TABLE team_members (
  team_id BIGINT NOT NULL REFERENCES teams(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  PRIMARY KEY (team_id, person_id)
);
CREATE TABLE team_projects (
  team_id BIGINT NOT NULL REFERENCES teams(id),
  project_id BIGINT NOT NULL REFERENCES projects(id),
  PRIMARY KEY (team_id, project_id)
);
)SQL"},
  };
}

}  // namespace gj::store

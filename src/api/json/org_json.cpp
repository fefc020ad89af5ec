// The JSON of the organisation admin's records (declared in results_json.h): each as its GET
// answers it, with its version.
#include "api/json/results_json.h"
#include "common/json_shape.h"

namespace gj {

namespace store {

void to_json(nlohmann::json& j, const OrgRegion& r) {
  using access::Region;
  static const JFields<OrgRegion> kFields = Join<OrgRegion>(
      Lift<&OrgRegion::region>(Join<Region>(GJ_JSON_FIELDS(Region, code, name, level),
                                            JFieldOrNull<&Region::parent_code>("parent_code"))),
      GJ_JSON_FIELDS(OrgRegion, sort, archived, version));
  WriteObject(j, r, kFields);
}

void to_json(nlohmann::json& j, const Unit& u) {
  static const JFields<Unit> kFields = GJ_JSON_FIELDS(Unit, id, name, kind, region_code, archived, version);
  WriteObject(j, u, kFields);
}

void to_json(nlohmann::json& j, const Person& p) {
  static const JFields<Person> kFields =
      Join<Person>(GJ_JSON_FIELDS(Person, id, name, title, phone, kind), JFieldOrNull<&Person::tier>("tier"),
                   GJ_JSON_FIELDS(Person, region_code, unit_id, archived, version));
  WriteObject(j, p, kFields);
}

void to_json(nlohmann::json& j, const Team& t) {
  static const JFields<Team> kFields =
      GJ_JSON_FIELDS(Team, id, name, region_code, lead_person_id, member_ids, project_ids, archived, version);
  WriteObject(j, t, kFields);
}

}  // namespace store

namespace service {

void to_json(nlohmann::json& j, const ItemList<store::Team>& l) {
  j = {{"items", nlohmann::json::array()}};
  for (const auto& t : l.items) j["items"].push_back(t);
}

}  // namespace service

}  // namespace gj

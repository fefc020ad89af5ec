// The JSON of the organisation admin's records (declared in results_json.h): each as its GET
// answers it, with its version.
#include "api/json/results_json.h"
#include "common/json_shape.h"

namespace gj {

namespace store {

void to_json(nlohmann::json& j, const OrgRegion& r) {
  static const JFields<OrgRegion> kFields = {
      JField<&OrgRegion::code>("code"),      JField<&OrgRegion::name>("name"),
      JField<&OrgRegion::level>("level"),    JFieldOrNull<&OrgRegion::parent_code>("parent_code"),
      JField<&OrgRegion::sort>("sort"),      JField<&OrgRegion::archived>("archived"),
      JField<&OrgRegion::version>("version")};
  WriteObject(j, r, kFields);
}

void to_json(nlohmann::json& j, const Unit& u) {
  static const JFields<Unit> kFields = {JField<&Unit::id>("id"),
                                        JField<&Unit::name>("name"),
                                        JField<&Unit::kind>("kind"),
                                        JField<&Unit::region_code>("region_code"),
                                        JField<&Unit::archived>("archived"),
                                        JField<&Unit::version>("version")};
  WriteObject(j, u, kFields);
}

void to_json(nlohmann::json& j, const Person& p) {
  static const JFields<Person> kFields = {JField<&Person::id>("id"),
                                          JField<&Person::name>("name"),
                                          JField<&Person::title>("title"),
                                          JField<&Person::phone>("phone"),
                                          JField<&Person::kind>("kind"),
                                          JFieldOrNull<&Person::tier>("tier"),
                                          JField<&Person::region_code>("region_code"),
                                          JField<&Person::unit_id>("unit_id"),
                                          JField<&Person::archived>("archived"),
                                          JField<&Person::version>("version")};
  WriteObject(j, p, kFields);
}

void to_json(nlohmann::json& j, const Team& t) {
  static const JFields<Team> kFields = {JField<&Team::id>("id"),
                                        JField<&Team::name>("name"),
                                        JField<&Team::region_code>("region_code"),
                                        JField<&Team::lead_person_id>("lead_person_id"),
                                        JField<&Team::member_ids>("member_ids"),
                                        JField<&Team::project_ids>("project_ids"),
                                        JField<&Team::archived>("archived"),
                                        JField<&Team::version>("version")};
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

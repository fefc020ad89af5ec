// The JSON of the first-run checklist (declared in results_json.h):
// {"region":{"code","name","level"},"complete","steps":[{"key","count","done","optional"}…]}.
#include "api/json/results_json.h"
#include "common/json_shape.h"

namespace gj::service {

void to_json(nlohmann::json& j, const SetupChecklist& l) {
  static const JFields<SetupChecklist> kFields = Join<SetupChecklist>(
      JObject<&SetupChecklist::region>("region", GJ_JSON_FIELDS(access::Region, code, name, level)),
      GJ_JSON_FIELDS(SetupChecklist, complete),
      JObject<&SetupChecklist::steps>("steps", GJ_JSON_FIELDS(ChecklistStep, key, count, done, optional)));
  WriteObject(j, l, kFields);
}

}  // namespace gj::service

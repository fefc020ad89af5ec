// The JSON of the caller's to-dos (declared in results_json.h).
#include "api/json/results_json.h"
#include "common/json_shape.h"

namespace gj::service {

void to_json(nlohmann::json& j, const MyTodos& v) {
  static const JFields<MyTodos> kFields = Join<MyTodos>(
      GJ_JSON_FIELDS(MyTodos, as_of, period, total),
      JObject<&MyTodos::groups>(
          "groups",
          Join<TodoGroup>(GJ_JSON_FIELDS(TodoGroup, kind, count),
                          JObject<&TodoGroup::items>("items", GJ_JSON_FIELDS(TodoItem, id, project_id, title,
                                                                             detail, state, due)))));
  WriteObject(j, v, kFields);
}

}  // namespace gj::service

#include "api/json/targets_json.h"

#include "common/json_shape.h"

namespace gj::service {

void to_json(nlohmann::json& j, const TargetView& v) {
  using S = targets::TargetStatus;
  static const JFields<TargetView> kStatus =
      Lift<&TargetView::status>(GJ_JSON_FIELDS(S, status, value, numerator, denominator, projected));
  j = targets::ToJson(v.target);
  WriteObject(j, v, kStatus);
}

void to_json(nlohmann::json& j, const TargetDetail& d) {
  to_json(j, d.view);
  j["as_of"] = d.as_of.ToString();
}

void to_json(nlohmann::json& j, const TargetList& l) {
  j = {{"as_of", l.as_of.ToString()}, {"items", JsonValue(l.items)}};
}

void to_json(nlohmann::json& j, const ArchivedTarget& a) { j = {{"id", a.id}, {"archived", true}}; }

}  // namespace gj::service

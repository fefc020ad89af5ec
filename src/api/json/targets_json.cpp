#include "api/json/targets_json.h"

namespace gj::service {

void to_json(nlohmann::json& j, const TargetView& v) {
  j = targets::ToJson(v.target);
  j["status"] = v.status.status;
  j["value"] = v.status.value;
  j["numerator"] = v.status.numerator;
  j["denominator"] = v.status.denominator;
  j["projected"] = v.status.projected;
}

void to_json(nlohmann::json& j, const TargetDetail& d) {
  to_json(j, d.view);
  j["as_of"] = d.as_of.ToString();
}

void to_json(nlohmann::json& j, const TargetList& l) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : l.items) items.push_back(v);
  j = {{"as_of", l.as_of.ToString()}, {"items", std::move(items)}};
}

void to_json(nlohmann::json& j, const ArchivedTarget& a) { j = {{"id", a.id}, {"archived", true}}; }

}  // namespace gj::service

#include "api/json/targets_json.h"

#include "common/json_shape.h"

namespace gj::service {

void to_json(nlohmann::json& j, const TargetView& v) {
  using S = targets::TargetStatus;
  static const JFields<TargetView> kStatus =
      Lift<&TargetView::status>(GJ_JSON_FIELDS(S, status, value, numerator, denominator, projected));
  j = targets::ToJson(v.target);
  WriteObject(j, v, kStatus);
  if (v.target.metric != "composite") return;
  // A composite target: each part's definition with its figures, and the whole's ratio.
  auto parts = targets::PartsToJson(v.target.parts);
  for (size_t i = 0; i < parts.size() && i < v.status.parts.size(); ++i) {
    const auto& ps = v.status.parts[i];
    parts[i]["value"] = ps.value;
    parts[i]["projected"] = ps.projected;
    parts[i]["met"] = ps.met;
  }
  j["parts"] = parts;
  j["ratio"] = v.status.ratio ? nlohmann::json(*v.status.ratio) : nlohmann::json(nullptr);
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

// The enterprise registry's JSON (service/enterprises/enterprise_service.h).
#include "api/json/results_json.h"
#include "common/json_shape.h"
#include "domain/enterprises/registry.h"

namespace gj::service {

namespace {

using R = store::EnterpriseRecord;
using V = EnterpriseView;
using L = EnterpriseLandClass;

const JFields<L> kLandClass =
    Join<L>(JFieldOrNull<&L::klass>("class"), GJ_JSON_FIELDS(L, year, run_id, run_state));

// An enterprise as every answer shows it: its record, tags as a list, its county's name and the
// land-efficiency class (null when no published run of its county reads it).
const JFields<V>& ViewFields() {
  static const JFields<V> kFields = Join<V>(
      Lift<&V::record>(GJ_JSON_FIELDS(R, id, credit_code, name, county_code)), GJ_JSON_FIELDS(V, county_name),
      Lift<&V::record>(
          Join<R>(GJ_JSON_FIELDS(R, town, industry_code, above_scale),
                  JFieldOf<R>("tags", [](const R& r) { return enterprises::SplitTags(r.tags); }),
                  JFieldOf<R>("backbone",
                              [](const R& r) { return enterprises::HasTag(r.tags, enterprises::kBackbone); }),
                  GJ_JSON_FIELDS(R, chain_id, address, contact, phone, version, updated_at))),
      JFieldOf<V>(
          "land",
          [](const V& v) { return v.land ? ObjectOf(*v.land, kLandClass) : nlohmann::json(nullptr); }),
      JFieldOf<V>("land_class", [](const V& v) {
        return v.land && !v.land->klass.empty() ? nlohmann::json(v.land->klass) : nlohmann::json(nullptr);
      }));
  return kFields;
}

using G = enterprises::YearGrowth;
const JFields<G> kGrowth = GJ_JSON_FIELDS(G, year, revenue, tax, revenue_growth, tax_growth,
                                          revenue_growth_permille, tax_growth_permille);

using P = store::BuilderProject;
const JFields<P> kProject = GJ_JSON_FIELDS(P, id, code, name, stage, county_code, total_investment);

}  // namespace

void to_json(nlohmann::json& j, const EnterpriseView& v) { WriteObject(j, v, ViewFields()); }

void to_json(nlohmann::json& j, const EnterpriseList& l) {
  j = {{"items", ArrayOf(l.items, ViewFields())},
       {"total_count", l.total_count},
       {"offset", l.offset},
       {"limit", l.limit}};
}

void to_json(nlohmann::json& j, const EnterpriseDetail& d) {
  WriteObject(j, d.enterprise, ViewFields());
  nlohmann::json years = nlohmann::json::array();
  for (size_t i = 0; i < d.years.size(); ++i) {
    nlohmann::json y = ObjectOf(d.years[i], kGrowth);
    y["version"] = i < d.year_versions.size() ? d.year_versions[i] : 0;
    years.push_back(std::move(y));
  }
  j["years"] = std::move(years);
  j["projects"] = ArrayOf(d.projects, kProject);
}

void to_json(nlohmann::json& j, const BackboneList& b) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& line : b.items) {
    nlohmann::json e = ObjectOf(line.enterprise, ViewFields());
    e["growth"] = line.growth ? ObjectOf(*line.growth, kGrowth) : nlohmann::json(nullptr);
    e["grew"] = line.grew;
    items.push_back(std::move(e));
  }
  j = {
      {"year", b.year}, {"items", std::move(items)}, {"count", b.items.size()}, {"grew_count", b.grew_count}};
}

void to_json(nlohmann::json& j, const BuilderInfo& b) {
  j = {{"credit_code", b.credit_code},
       {"name", b.name ? nlohmann::json(*b.name) : nlohmann::json(nullptr)},
       {"land", b.land ? ObjectOf(*b.land, kLandClass) : nlohmann::json(nullptr)}};
}

}  // namespace gj::service

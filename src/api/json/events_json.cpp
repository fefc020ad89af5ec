#include "api/json/events_json.h"

#include "common/json_shape.h"

namespace gj {

using nlohmann::json;
namespace pe = promotion;

namespace {

using Row = store::PromotionEventRow;
const JFields<Row> kEvent =
    Join<Row>(GJ_JSON_FIELDS(Row, id, region_code, held_on, leader_id, leader_name, team_id),
              JFieldOrNull<&Row::team_name>("team_name"), GJ_JSON_FIELDS(Row, destination_city, kind),
              JFieldOf<Row>("companies_met",
                            [](const Row& e) {
                              json j = json::parse(e.companies_met, nullptr, false);
                              return j.is_array() ? j : json::array();
                            }),
              GJ_JSON_FIELDS(Row, note, lead_ids),
              // The leads it created, with their titles (the event page lists and links them).
              JFieldOf<Row>("leads",
                            [](const Row& e) {
                              json out = json::array();
                              for (size_t i = 0; i < e.lead_ids.size(); ++i)
                                out.push_back({{"id", e.lead_ids[i]},
                                               {"title", i < e.lead_titles.size() ? e.lead_titles[i] : ""}});
                              return out;
                            }),
              GJ_JSON_FIELDS(Row, archived, created_by, created_at, updated_at, version));

json RuleJson(const pe::EventRule& r) { return {{"min_events", r.min_events}, {"period", "month"}}; }

json MonthsJson(const std::vector<pe::Month>& months) {
  return ArrayOf(months, [](const pe::Month& m) { return json(m.ToString()); });
}

json LeaderJson(const service::LeaderEventComplianceView& v) {
  const auto& lc = v.compliance;
  return {{"leader_id", lc.leader_id},
          {"name", v.name},
          {"title", v.title},
          {"region_code", v.region_code},
          {"events", lc.events},
          {"months_owed", lc.months_owed},
          {"months_met", lc.months_met},
          {"rate", lc.rate},
          {"missed", MonthsJson(lc.missed)},
          {"months", ArrayOf(lc.months, [](const pe::LeaderMonth& m) -> json {
             return {{"month", m.month.ToString()},
                     {"events", m.events},
                     {"status", pe::MonthStatusName(m.status)}};
           })}};
}

}  // namespace

namespace store {

void to_json(json& j, const PromotionEventRow& e) { WriteObject(j, e, kEvent); }

}  // namespace store

namespace service {

void to_json(json& j, const EventRuleView& v) {
  j = {{"region", v.region},
       {"rule", RuleJson(v.rule)},
       {"source", v.source.source},
       {"source_region", v.source.region.empty() ? json(nullptr) : json(v.source.region)},
       {"editable", v.editable}};
}

void to_json(json& j, const EventComplianceReport& r) {
  j = {{"region", r.region.empty() ? json(nullptr) : json(r.region)},
       {"from", r.from.ToString()},
       {"to", r.to.ToString()},
       {"as_of", r.as_of.ToString()},
       {"rule", RuleJson(r.rule)},
       {"months", MonthsJson(r.months)},
       {"items", ArrayOf(r.items, LeaderJson)}};
}

void to_json(json& j, const EventFigures& f) {
  j = {{"region", f.region.empty() ? json(nullptr) : json(f.region)},
       {"as_of", f.as_of.ToString()},
       {"months", MonthsJson(f.months)},
       {"total", f.total},
       {"by_kind", f.by_kind},
       {"by_month", f.by_month},
       {"leaders", ArrayOf(f.leaders, [](const service::LeaderEventCounts& l) -> json {
          return {
              {"leader_id", l.leader_id}, {"name", l.name}, {"events", l.events}, {"by_month", l.by_month}};
        })}};
}

}  // namespace service

}  // namespace gj

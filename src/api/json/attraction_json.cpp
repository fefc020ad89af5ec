#include "api/json/attraction_json.h"

#include "common/json_shape.h"

namespace gj {

namespace store {

void to_json(nlohmann::json& j, const Lead& l) {
  static const JFields<Lead> kFields =
      Join<Lead>(GJ_JSON_FIELDS(Lead, id, region_code, title),
                 JFieldOrNull<&Lead::investor_credit_code>("investor_credit_code"),
                 GJ_JSON_FIELDS(Lead, investor_name, source_region, industry, chain_id, expected_investment,
                                expected_investment_usd, officer_id, leader_id, team_id, project_id,
                                created_on, note, archived, version));
  WriteObject(j, l, kFields);
}

void to_json(nlohmann::json& j, const LeadStep& s) {
  static const JFields<LeadStep> kFields =
      GJ_JSON_FIELDS(LeadStep, id, lead_id, step, dated_on, contract_no, attachments, note, created_at);
  WriteObject(j, s, kFields);
}

void to_json(nlohmann::json& j, const FundsEntry& e) {
  static const JFields<FundsEntry> kFields =
      GJ_JSON_FIELDS(FundsEntry, id, lead_id, month, fixed_assets, working_capital, source_region,
                     foreign_usd, evidence, version);
  WriteObject(j, e, kFields);
}

}  // namespace store

namespace service {

void to_json(nlohmann::json& j, const LeadView& v) {
  j = nlohmann::json(v.lead);
  static const JFields<LeadView> kFields = Join<LeadView>(
      GJ_JSON_FIELDS(LeadView, region_name, officer_name, leader_name, team_name),
      JFieldOrNull<&LeadView::project_code>("project_code"),
      JFieldOrNull<&LeadView::project_name>("project_name"),
      JFieldOrNull<&LeadView::project_builder>("project_builder"),
      GJ_JSON_FIELDS(LeadView, as_of, step, step_on, paused, ended, funds_in_place, funds_in_place_usd));
  nlohmann::json more;
  WriteObject(more, v, kFields);
  j.update(more);
  if (v.detailed) {
    j["steps"] = v.steps;
    j["funds"] = v.funds;
    // The promotion events it came from (招商活动), newest first.
    j["events"] = nlohmann::json::array();
    for (const auto& e : v.events)
      j["events"].push_back({{"id", e.id},
                             {"held_on", e.held_on.ToString()},
                             {"kind", e.kind},
                             {"destination_city", e.destination_city},
                             {"leader_name", e.leader_name},
                             {"archived", e.archived}});
  }
}

void to_json(nlohmann::json& j, const ItemList<LeadView>& v) {
  j = {{"items", nlohmann::json::array()}};
  for (const auto& item : v.items) j["items"].push_back(item);
}

void to_json(nlohmann::json& j, const ItemList<store::FundsEntry>& v) {
  j = {{"items", nlohmann::json::array()}};
  for (const auto& item : v.items) j["items"].push_back(item);
}

nlohmann::ordered_json SummaryFigures(const attraction::Summary& s) {
  nlohmann::ordered_json by_step = nlohmann::ordered_json::object();
  for (const auto& step : attraction::kPipelineSteps) by_step[step] = s.leads_by_step.at(step);
  by_step[attraction::kEnded] = s.leads_by_step.at(attraction::kEnded);
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["leads_by_step"] = by_step;
  j["signed_count"] = s.signed_count;
  j["signed_amount"] = s.signed_amount;
  j["signed_100m_count"] = s.signed_100m_count;
  j["signed_100m_amount"] = s.signed_100m_amount;
  j["started_count"] = s.started_count;
  j["funds_in_place"] = s.funds_in_place;
  j["funds_in_place_usd"] = s.funds_in_place_usd;
  return j;
}

void to_json(nlohmann::json& j, const AttractionSummary& v) {
  j = nlohmann::json::parse(SummaryFigures(v.figures).dump());
  j["region"] = v.region.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.region);
  j["as_of"] = v.as_of.ToString();
  j["paused_count"] = v.figures.paused_count;
  j["performance_rate"] = v.figures.performance_rate ? nlohmann::json(*v.figures.performance_rate) : nullptr;
  j["funds_rate"] = v.funds_rate ? nlohmann::json(*v.funds_rate) : nullptr;
}

}  // namespace service

}  // namespace gj

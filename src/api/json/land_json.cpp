#include "api/json/land_json.h"

#include "domain/land_efficiency/scheme.h"
#include "service/land_efficiency/export.h"

namespace gj::service {

using nlohmann::json;

namespace {

template <class T>
json Opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json TextOrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json Yuan(const std::optional<int64_t>& cents) {
  return cents ? json(land::FormatCents(*cents)) : json(nullptr);
}

}  // namespace

void to_json(json& j, const LandImportReport& v) {
  json problems = json::array();
  for (const auto& d : v.problems) {
    problems.push_back({{"row", d.row}, {"column", d.field}, {"value", d.value}, {"reason", d.reason}});
  }
  j = {{"dry_run", v.dry_run},
       {"county_code", v.county_code},
       {"year", v.year},
       {"rows", v.rows},
       {"problems", problems}};
  if (v.created) j["created"] = *v.created;
  if (v.updated) j["updated"] = *v.updated;
}

// The enterprise's fields (but its county, which the row has) and the data row's.
void to_json(json& j, const LandData& v) {
  const auto& r = v.row;
  j = EnterpriseToJson(r.e);
  j.erase("county");
  j.update({{"id", r.id},
            {"enterprise_id", r.enterprise_id},
            {"year", r.year},
            {"county_code", r.county_code},
            {"state", r.state},
            {"return_reason", r.return_reason},
            {"version", r.version},
            {"actions", v.actions}});
}

void to_json(json& j, const LandDataList& v) {
  j = {{"county_code", v.county_code}, {"year", v.year}, {"items", v.items}, {"states", v.states}};
}

void to_json(json& j, const LandBulkAction& v) { j = {{"action", v.action}, {"changed", v.changed}}; }

void to_json(json& j, const LandSchemeView& v) {
  j = {{"county_code", v.county_code},
       {"version", v.version},
       {"builtin", v.version == 0},
       {"scheme", land::SchemeToJson(v.scheme)}};
}

void to_json(json& j, const LandPolicies& v) {
  j = {{"county_code", v.county_code}, {"version", v.version}, {"classes", PolicyClassesJson(v)}};
}

void to_json(json& j, const LandRun& v) {
  const auto& r = v.row;
  j = {{"id", r.id},
       {"county_code", r.county_code},
       {"year", r.year},
       {"run_no", r.run_no},
       {"state", r.state},
       {"version", r.version},
       {"created_at", r.created_at},
       {"published_on", TextOrNull(r.published_on)},
       {"finalized_on", TextOrNull(r.finalized_on)},
       {"actions", v.actions}};
  if (v.appeal_until) j["appeal_until"] = *v.appeal_until;
}

void to_json(json& j, const LandRunList& v) { j = {{"items", v.items}}; }

void to_json(json& j, const LandRunDetail& v) {
  j = v.run;
  j["scheme"] = json::parse(v.run.row.scheme_doc);
  j["summary"] = land::SummaryJson(v.computed->scheme, v.computed->ev);
  j["counts"] = v.counts;
  j["by_town"] = v.by_town;
  json results = json::array();
  for (const auto& l : v.results) {
    const auto& e = *l.enterprise;
    results.push_back({{"row", l.row},
                       {"credit_code", e.credit_code},
                       {"name", e.name},
                       {"town", e.town},
                       {"industry_code", e.industry_code},
                       {"group", land::GroupName(l.result->group)},
                       {"status", land::StatusName(l.result->status)},
                       {"score", Opt(l.score)},
                       {"rank", Opt(l.rank)},
                       {"class", TextOrNull(l.computed_class)},
                       {"final_class", TextOrNull(l.final_class)},
                       {"adjusted", l.adjusted},
                       {"surcharge_yuan", Yuan(l.surcharge_fen)},
                       {"tax_to_next_class", Yuan(l.result->tax_to_next_class_cents)}});
  }
  j["results"] = std::move(results);
  j["total_count"] = v.total_count;
  j["offset"] = v.offset;
  j["limit"] = v.limit;
  j["enterprises"] = v.computed->input.size();
  json adjustments = json::array(), appeals = json::array();
  for (const auto& [a, name] : v.adjustments) {
    adjustments.push_back({{"id", a.id},
                           {"credit_code", a.credit_code},
                           {"name", name},
                           {"old_class", a.old_class},
                           {"new_class", a.new_class},
                           {"reason", a.reason},
                           {"source", a.source},
                           {"at", a.at}});
  }
  for (const auto& [a, name] : v.appeals) {
    appeals.push_back({{"id", a.id},
                       {"credit_code", a.credit_code},
                       {"name", name},
                       {"reason", a.reason},
                       {"filed_on", a.filed_on},
                       {"state", a.state},
                       {"decision", a.decision},
                       {"new_class", a.new_class},
                       {"decided_on", a.decided_on}});
  }
  j["adjustments"] = std::move(adjustments);
  j["appeals"] = std::move(appeals);
}

void to_json(json& j, const LandCard& v) {
  json indicators = json::array();
  for (const auto& i : v.indicators) {
    indicators.push_back({{"id", i.id},
                          {"weight", i.weight},
                          {"cap", Opt(i.cap)},
                          {"value", Opt(i.value)},
                          {"benchmark", Opt(i.benchmark)},
                          {"ratio", Opt(i.ratio)},
                          {"score", Opt(i.score)},
                          {"missing", !i.value.has_value()}});
  }
  json adjustments = json::array(), appeals = json::array();
  for (const auto& a : v.adjustments) {
    adjustments.push_back({{"id", a.id},
                           {"old_class", a.old_class},
                           {"new_class", a.new_class},
                           {"reason", a.reason},
                           {"source", a.source},
                           {"at", a.at}});
  }
  for (const auto& a : v.appeals) {
    appeals.push_back({{"id", a.id},
                       {"reason", a.reason},
                       {"filed_on", a.filed_on},
                       {"state", a.state},
                       {"decision", a.decision},
                       {"new_class", a.new_class},
                       {"decided_on", a.decided_on},
                       {"version", a.version}});
  }
  j = {{"run", v.run},
       {"enterprise", EnterpriseToJson(v.enterprise)},
       {"group", land::GroupName(v.group)},
       {"status", land::StatusName(v.status)},
       {"score", Opt(v.score)},
       {"rank", Opt(v.rank)},
       {"group_count", v.group_count},
       {"class", TextOrNull(v.computed_class)},
       {"final_class", TextOrNull(v.final_class)},
       {"bonus", v.enterprise.bonus},
       {"penalty", v.enterprise.penalty},
       {"indicators", indicators},
       {"surcharge_yuan", Yuan(v.surcharge_fen)},
       {"tax_to_next_class", Yuan(v.tax_to_next_class_cents)},
       {"adjustments", adjustments},
       {"appeals", appeals}};
}

void to_json(json& j, const LandPolicyLedger& v) {
  json items = json::array();
  for (const auto& r : v.items) {
    items.push_back({{"credit_code", r.credit_code},
                     {"name", r.name},
                     {"class", r.klass},
                     {"surcharge_yuan", Yuan(r.surcharge_fen)},
                     {"land_mu", r.land_mu},
                     {"energy_tce", r.energy_tce},
                     {"emission_t", r.emission_t}});
  }
  j = {{"run_id", v.run_id}, {"final", v.final}, {"items", items}};
}

void to_json(json& j, const LandJournal& v) {
  json items = json::array();
  for (const auto& e : v.items) {
    items.push_back({{"id", e.id},
                     {"at", e.at},
                     {"user_name", e.user_name},
                     {"action", e.action},
                     {"changes", json::parse(e.changes)}});
  }
  j = {{"items", items}};
}

}  // namespace gj::service

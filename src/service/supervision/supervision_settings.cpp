#include "service/supervision/supervision_settings.h"

#include "service/supervision/procedure_service.h"
#include "service/supervision/supervision_support.h"
#include "store/journal.h"
#include "store/supervision_store.h"

namespace gj::service {

namespace sv = supervision;
using nlohmann::json;
using supervision_support::Changes;

namespace {

sv::EscalationPolicy EscalationFrom(const json& steps) {
  sv::EscalationPolicy p;
  for (const auto& j : steps) {
    if (j.is_object()) p.steps.push_back({j.value("after_days", 0), j.value("level", ""), j.value("label_zh", "")});
  }
  return p;
}

json WorkflowJson() {
  static const char* kActor[] = {"office", "unit", "verifier", "anyone"};
  json out = json::array();
  for (const auto& t : sv::ProblemWorkflow()) {
    out.push_back({{"action", t.action}, {"from", t.from}, {"to", t.to}, {"actor", kActor[static_cast<int>(t.actor)]},
                   {"rule", t.rule}, {"rule_text", t.rule_text}});
  }
  return out;
}

// Validation problems of one setting, named under it ("escalation.steps[0].level").
void AddUnder(const std::string& name, const Problems& found, Problems& pr) {
  for (const auto& d : found.details()) pr.Add({name + "." + d.field, d.value, d.reason, 0, {}});
}

// Writes a setting when nothing is wrong so far, with its journal change.
void PutIfValid(store::Connection& c, const char* name, const std::string& value, const Problems& pr, Changes& changes) {
  if (!pr.empty()) return;
  changes.Add(name, store::GetSetting(c, name).value_or(""), value);
  store::PutSetting(c, name, value);
}

void PutEscalation(store::Connection& c, const json& v, Problems& pr, Changes& changes) {
  if (!v.is_array()) pr.Add("escalation", v.dump(), "must be an array of steps");
  else AddUnder("escalation", sv::ValidateEscalation(EscalationFrom(v)), pr);
  PutIfValid(c, "escalation", v.dump(), pr, changes);
}

void PutVisitRule(store::Connection& c, const json& j, Problems& pr, Changes& changes) {
  const sv::VisitRule r{j.is_object() ? j.value("window_days", 7) : 0, j.is_object() ? j.value("min_visits", 1) : 0};
  AddUnder("visit_rule", sv::ValidateVisitRule(r), pr);
  PutIfValid(c, "visit_rule", SupervisionSettings::VisitRuleJson(r).dump(), pr, changes);
}

void PutTileUrl(store::Connection& c, const std::string& url, Problems& pr, Changes& changes) {
  if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    pr.Add("map_tile_url", url, "must be an http(s) URL with {z}/{x}/{y}");
    return;
  }
  changes.Add("map_tile_url", store::GetSetting(c, "map_tile_url").value_or(""), url);
  store::PutSetting(c, "map_tile_url", url);
}

}  // namespace

sv::EscalationPolicy SupervisionSettings::Escalation(store::Connection& c) {
  auto s = store::GetSetting(c, "escalation");
  return s ? EscalationFrom(json::parse(*s)) : sv::DefaultEscalation();
}

sv::VisitRule SupervisionSettings::VisitRule(store::Connection& c) {
  auto s = store::GetSetting(c, "visit_rule");
  if (!s) return {};
  auto j = json::parse(*s);
  return {j.value("window_days", 7), j.value("min_visits", 1)};
}

json SupervisionSettings::VisitRuleJson(const sv::VisitRule& r) {
  return {{"window_days", r.window_days}, {"min_visits", r.min_visits}};
}

Result<json> SupervisionSettings::Config(const Ctx&) {
  auto c = db_.Acquire();
  return ConfigOn(*c);
}

json SupervisionSettings::ConfigOn(store::Connection& c) {
  json esc = json::array();
  for (const auto& s : Escalation(c).steps) esc.push_back({{"after_days", s.after_days}, {"level", s.level}, {"label_zh", s.label_zh}});
  return json{{"problem_categories", sv::kProblemCategories}, {"problem_statuses", sv::kProblemStatuses},
              {"procedure_statuses", sv::kProcedureStatuses}, {"workflow", WorkflowJson()}, {"escalation", esc},
              {"visit_rule", VisitRuleJson(VisitRule(c))}, {"procedure_kinds", ProcedureService::KindsJson(c)},
              {"map_tile_url", store::GetSetting(c, "map_tile_url").value_or("")}};
}

Result<json> SupervisionSettings::PutSettings(const Ctx& ctx, const json& body) {
  if (!access::AllowedAnywhere(ctx.caller, access::kSupervisionManage)) return Error::Forbidden("only the project office changes supervision settings");
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  Problems pr;
  Changes changes;
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  if (body.contains("escalation")) PutEscalation(*c, body["escalation"], pr, changes);
  if (body.contains("visit_rule")) PutVisitRule(*c, body["visit_rule"], pr, changes);
  if (body.contains("map_tile_url")) PutTileUrl(*c, supervision_support::TextField(body, "map_tile_url"), pr, changes);
  if (!pr.empty()) return pr.ToError("the settings are not valid");
  store::WriteJournal(*c, "supervision_settings", 0, "update", ctx.caller.user_id, ctx.now, changes.list());
  tx.Commit();
  return ConfigOn(*c);
}

}  // namespace gj::service

#include "service/supervision/supervision_settings.h"

#include "common/json_field.h"
#include "common/json_limits.h"
#include "service/supervision/supervision_support.h"
#include "store/journal.h"
#include "store/supervision_store.h"

namespace gj::service {

namespace sv = supervision;
using nlohmann::json;

namespace {

sv::EscalationPolicy EscalationFrom(const json& steps) {
  sv::EscalationPolicy p;
  for (const auto& j : steps) {
    if (j.is_object())
      p.steps.push_back({j.value("after_days", 0), j.value("level", ""), j.value("label_zh", "")});
  }
  return p;
}

// The stored form of a visit rule (JSON text, as the API shows it).
std::string VisitRuleText(const sv::VisitRule& r) {
  return json{{"window_days", r.window_days}, {"min_visits", r.min_visits}}.dump();
}

// Validation problems of one setting, named under it ("escalation.steps[0].level").
void AddUnder(const std::string& name, const Problems& found, Problems& pr) {
  for (const auto& d : found.details()) pr.Add({name + "." + d.field, d.value, d.reason, 0, {}});
}

void PutEscalation(const json& v, Problems& pr, store::SupervisionSettingsRow& s) {
  if (!v.is_array()) pr.Add("escalation", BoundedDump(v), "must be an array of steps");
  else AddUnder("escalation", sv::ValidateEscalation(EscalationFrom(v)), pr);
  s.escalation = v.dump();
}

void PutVisitRule(const json& j, Problems& pr, store::SupervisionSettingsRow& s) {
  const sv::VisitRule r{j.is_object() ? j.value("window_days", 7) : 0,
                        j.is_object() ? j.value("min_visits", 1) : 0};
  AddUnder("visit_rule", sv::ValidateVisitRule(r), pr);
  s.visit_rule = VisitRuleText(r);
}

void PutTileUrl(const std::string& url, Problems& pr, store::SupervisionSettingsRow& s) {
  if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    pr.Add("map_tile_url", url, "must be an http(s) URL with {z}/{x}/{y}");
  }
  s.map_tile_url = url;
}

}  // namespace

sv::EscalationPolicy SupervisionSettings::Escalation(store::Connection& c) {
  auto s = store::GetSetting(c, "escalation");
  return s ? EscalationFrom(ParseStoredJson(*s)) : sv::DefaultEscalation();
}

sv::VisitRule SupervisionSettings::VisitRule(store::Connection& c) {
  auto s = store::GetSetting(c, "visit_rule");
  if (!s) return {};
  auto j = ParseStoredJson(*s);
  return {j.value("window_days", 7), j.value("min_visits", 1)};
}

Result<SupervisionConfig> SupervisionSettings::Config(const Ctx&) {
  auto c = db_.Acquire();
  return ConfigOn(*c);
}

SupervisionConfig SupervisionSettings::ConfigOn(store::Connection& c) {
  return {Escalation(c), VisitRule(c), store::ListProcedureKinds(c),
          store::GetSetting(c, "map_tile_url").value_or("")};
}

Result<SupervisionConfig> SupervisionSettings::PutSettings(const Ctx& ctx, const json& body) {
  const Status allowed = CheckWrite(ctx, access::kSupervisionManage,
                                    "only the project office changes supervision settings", body);
  if (!allowed) return allowed.error();
  Problems pr;
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  const store::SupervisionSettingsRow before = store::LoadSupervisionSettings(*c);
  store::SupervisionSettingsRow after = before;
  if (body.contains("escalation")) PutEscalation(body["escalation"], pr, after);
  if (body.contains("visit_rule")) PutVisitRule(body["visit_rule"], pr, after);
  if (body.contains("map_tile_url"))
    PutTileUrl(supervision_support::TextField(body, "map_tile_url"), pr, after);
  if (!pr.empty()) return pr.ToError("the settings are not valid");
  store::WriteJournal(*c, "supervision_settings", 0, "update", ctx.caller.user_id, ctx.now,
                      store::StoreSupervisionSettings(*c, before, after));
  tx.Commit();
  return ConfigOn(*c);
}

}  // namespace gj::service

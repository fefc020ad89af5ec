#include "api/json/land_json.h"

#include "api/json/ledger_json.h"
#include "common/json_limits.h"
#include "common/json_shape.h"
#include "domain/land_efficiency/scheme.h"
#include "service/land_efficiency/export.h"

namespace gj::service {

using nlohmann::json;

namespace {

json Yuan(const std::optional<int64_t>& cents) {
  return cents ? json(land::FormatCents(*cents)) : json(nullptr);
}
json Parsed(const std::string& text) { return ParseStoredJson(text); }

using Adj = store::AdjustmentRow;
using App = store::AppealRow;
// An adjustment and an appeal as the card shows them; the run's detail names the enterprise too.
const JFields<Adj> kAdjustment = GJ_JSON_FIELDS(Adj, id, old_class, new_class, reason, source, at);
const JFields<App> kAppeal =
    GJ_JSON_FIELDS(App, id, reason, filed_on, state, decision, new_class, decided_on);

// The entry of `fields` and its enterprise's credit code and name.
template <class Named, auto kEntry, class Entry>
json NamedJson(const Named& n, const JFields<Entry>& fields) {
  json j = ObjectOf(n.*kEntry, fields);
  j["credit_code"] = (n.*kEntry).credit_code;
  j["name"] = n.name;
  return j;
}

}  // namespace

void to_json(json& j, const LandImportReport& v) {
  static const JFields<LandImportReport> kFields =
      Join<LandImportReport>(GJ_JSON_FIELDS(LandImportReport, dry_run, county_code, year, rows),
                             JObject<&LandImportReport::problems>("problems", api::SheetProblemFields()));
  WriteObject(j, v, kFields);
  if (v.created) j["created"] = *v.created;
  if (v.updated) j["updated"] = *v.updated;
}

// The enterprise's fields (but its county, which the row has) and the data row's.
void to_json(json& j, const LandData& v) {
  using R = store::LandDataRow;
  static const JFields<LandData> kFields =
      Join<LandData>(Lift<&LandData::row>(GJ_JSON_FIELDS(R, id, enterprise_id, year, county_code, state,
                                                         return_reason, version)),
                     GJ_JSON_FIELDS(LandData, actions));
  j = EnterpriseToJson(v.row.e);
  j.erase("county");
  WriteObject(j, v, kFields);
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
  using R = store::RunRow;
  static const JFields<R> kRow =
      Join<R>(GJ_JSON_FIELDS(R, id, county_code, year, run_no, state, version, created_at),
              JFieldOrNull<&R::published_on>("published_on"), JFieldOrNull<&R::finalized_on>("finalized_on"));
  static const JFields<LandRun> kFields =
      Join<LandRun>(Lift<&LandRun::row>(kRow), GJ_JSON_FIELDS(LandRun, actions));
  WriteObject(j, v, kFields);
  if (v.appeal_until) j["appeal_until"] = *v.appeal_until;
}

void to_json(json& j, const LandRunList& v) { j = {{"items", v.items}}; }

void to_json(json& j, const LandRunDetail& v) {
  using L = LandResultLine;
  static const JFields<L> kLine = Join<L>(
      GJ_JSON_FIELDS(L, row),
      JFieldOf<L>("credit_code", [](const L& l) { return l.enterprise->credit_code; }),
      JFieldOf<L>("name", [](const L& l) { return l.enterprise->name; }),
      JFieldOf<L>("town", [](const L& l) { return l.enterprise->town; }),
      JFieldOf<L>("industry_code", [](const L& l) { return l.enterprise->industry_code; }),
      JFieldOf<L>("group", [](const L& l) { return land::GroupName(l.result->group); }),
      JFieldOf<L>("status", [](const L& l) { return land::StatusName(l.result->status); }),
      GJ_JSON_FIELDS(L, score, rank), JFieldOrNull<&L::computed_class>("class"),
      JFieldOrNull<&L::final_class>("final_class"), GJ_JSON_FIELDS(L, adjusted),
      JField<&L::surcharge_fen>("surcharge_yuan", Yuan),
      JFieldOf<L>("tax_to_next_class", [](const L& l) { return Yuan(l.result->tax_to_next_class_cents); }));
  j = v.run;
  j["scheme"] = ParseStoredJson(v.run.row.scheme_doc);
  j["summary"] = land::SummaryJson(v.computed->scheme, v.computed->ev);
  j["counts"] = v.counts;
  j["by_town"] = v.by_town;
  j["results"] = ArrayOf(v.results, kLine);
  j["total_count"] = v.total_count;
  j["offset"] = v.offset;
  j["limit"] = v.limit;
  j["enterprises"] = v.computed->input.size();
  j["adjustments"] = ArrayOf(v.adjustments, [](const LandNamedAdjustment& a) {
    return NamedJson<LandNamedAdjustment, &LandNamedAdjustment::adjustment>(a, kAdjustment);
  });
  j["appeals"] = ArrayOf(v.appeals, [](const LandNamedAppeal& a) {
    return NamedJson<LandNamedAppeal, &LandNamedAppeal::appeal>(a, kAppeal);
  });
}

void to_json(json& j, const LandCard& v) {
  using I = LandIndicatorCard;
  static const JFields<I> kIndicator =
      Join<I>(GJ_JSON_FIELDS(I, id, weight, cap, value, benchmark, ratio, score),
              JFieldOf<I>("missing", [](const I& i) { return !i.value.has_value(); }));
  using C = LandCard;
  static const JFields<C> kFields = Join<C>(
      GJ_JSON_FIELDS(C, run), JField<&C::enterprise>("enterprise", EnterpriseToJson),
      JField<&C::group>("group", land::GroupName), JField<&C::status>("status", land::StatusName),
      GJ_JSON_FIELDS(C, score, rank, group_count), JFieldOrNull<&C::computed_class>("class"),
      JFieldOrNull<&C::final_class>("final_class"),
      Lift<&C::enterprise>(GJ_JSON_FIELDS(land::Enterprise, bonus, penalty)),
      JObject<&C::indicators>("indicators", kIndicator), JField<&C::surcharge_fen>("surcharge_yuan", Yuan),
      JField<&C::tax_to_next_class_cents>("tax_to_next_class", Yuan),
      JObject<&C::adjustments>("adjustments", kAdjustment),
      JObject<&C::appeals>("appeals", Join<App>(kAppeal, GJ_JSON_FIELDS(App, version))));
  WriteObject(j, v, kFields);
}

void to_json(json& j, const LandPolicyLedger& v) {
  using R = store::PolicyLedgerRow;
  static const JFields<R> kRow = Join<R>(GJ_JSON_FIELDS(R, credit_code, name), JField<&R::klass>("class"),
                                         JField<&R::surcharge_fen>("surcharge_yuan", Yuan),
                                         GJ_JSON_FIELDS(R, land_mu, energy_tce, emission_t));
  j = {{"run_id", v.run_id}, {"final", v.final}, {"items", ArrayOf(v.items, kRow)}};
}

void to_json(json& j, const LandJournal& v) {
  using E = LandJournalEntry;
  static const JFields<E> kEntry =
      Join<E>(GJ_JSON_FIELDS(E, id, at, user_name, action), JField<&E::changes>("changes", Parsed));
  j = {{"items", ArrayOf(v.items, kEntry)}};
}

}  // namespace gj::service

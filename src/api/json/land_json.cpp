#include "api/json/land_json.h"

#include "api/json/ledger_json.h"
#include "common/json_shape.h"
#include "domain/land_efficiency/scheme.h"
#include "service/land_efficiency/export.h"

namespace gj::service {

using nlohmann::json;

namespace {

json Yuan(const std::optional<int64_t>& cents) {
  return cents ? json(land::FormatCents(*cents)) : json(nullptr);
}
json Parsed(const std::string& text) { return json::parse(text); }

using Adj = store::AdjustmentRow;
using App = store::AppealRow;
// An adjustment and an appeal as the card shows them; the run's detail names the enterprise too.
const JFields<Adj> kAdjustment = {JField<&Adj::id>("id"),
                                  JField<&Adj::old_class>("old_class"),
                                  JField<&Adj::new_class>("new_class"),
                                  JField<&Adj::reason>("reason"),
                                  JField<&Adj::source>("source"),
                                  JField<&Adj::at>("at")};
const JFields<App> kAppeal = {JField<&App::id>("id"),
                              JField<&App::reason>("reason"),
                              JField<&App::filed_on>("filed_on"),
                              JField<&App::state>("state"),
                              JField<&App::decision>("decision"),
                              JField<&App::new_class>("new_class"),
                              JField<&App::decided_on>("decided_on")};

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
  static const JFields<LandImportReport> kFields = {
      JField<&LandImportReport::dry_run>("dry_run"), JField<&LandImportReport::county_code>("county_code"),
      JField<&LandImportReport::year>("year"), JField<&LandImportReport::rows>("rows"),
      JObject<&LandImportReport::problems>("problems", api::SheetProblemFields())};
  WriteObject(j, v, kFields);
  if (v.created) j["created"] = *v.created;
  if (v.updated) j["updated"] = *v.updated;
}

// The enterprise's fields (but its county, which the row has) and the data row's.
void to_json(json& j, const LandData& v) {
  using R = store::LandDataRow;
  static const JFields<R> kRow = {JField<&R::id>("id"),          JField<&R::enterprise_id>("enterprise_id"),
                                  JField<&R::year>("year"),      JField<&R::county_code>("county_code"),
                                  JField<&R::state>("state"),    JField<&R::return_reason>("return_reason"),
                                  JField<&R::version>("version")};
  static const JFields<LandData> kFields =
      Join<LandData>({Lift<&LandData::row>(kRow), {JField<&LandData::actions>("actions")}});
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
  static const JFields<R> kRow = {JField<&R::id>("id"),
                                  JField<&R::county_code>("county_code"),
                                  JField<&R::year>("year"),
                                  JField<&R::run_no>("run_no"),
                                  JField<&R::state>("state"),
                                  JField<&R::version>("version"),
                                  JField<&R::created_at>("created_at"),
                                  JFieldOrNull<&R::published_on>("published_on"),
                                  JFieldOrNull<&R::finalized_on>("finalized_on")};
  static const JFields<LandRun> kFields =
      Join<LandRun>({Lift<&LandRun::row>(kRow), {JField<&LandRun::actions>("actions")}});
  WriteObject(j, v, kFields);
  if (v.appeal_until) j["appeal_until"] = *v.appeal_until;
}

void to_json(json& j, const LandRunList& v) { j = {{"items", v.items}}; }

void to_json(json& j, const LandRunDetail& v) {
  using L = LandResultLine;
  static const JFields<L> kLine = {
      JField<&L::row>("row"),
      JFieldOf<L>("credit_code", [](const L& l) { return l.enterprise->credit_code; }),
      JFieldOf<L>("name", [](const L& l) { return l.enterprise->name; }),
      JFieldOf<L>("town", [](const L& l) { return l.enterprise->town; }),
      JFieldOf<L>("industry_code", [](const L& l) { return l.enterprise->industry_code; }),
      JFieldOf<L>("group", [](const L& l) { return land::GroupName(l.result->group); }),
      JFieldOf<L>("status", [](const L& l) { return land::StatusName(l.result->status); }),
      JField<&L::score>("score"),
      JField<&L::rank>("rank"),
      JFieldOrNull<&L::computed_class>("class"),
      JFieldOrNull<&L::final_class>("final_class"),
      JField<&L::adjusted>("adjusted"),
      JField<&L::surcharge_fen>("surcharge_yuan", Yuan),
      JFieldOf<L>("tax_to_next_class", [](const L& l) { return Yuan(l.result->tax_to_next_class_cents); })};
  j = v.run;
  j["scheme"] = json::parse(v.run.row.scheme_doc);
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
  static const JFields<App> kCardAppeal = [] {
    auto f = kAppeal;
    f.push_back(JField<&App::version>("version"));
    return f;
  }();
  using I = LandIndicatorCard;
  static const JFields<I> kIndicator = {
      JField<&I::id>("id"),
      JField<&I::weight>("weight"),
      JField<&I::cap>("cap"),
      JField<&I::value>("value"),
      JField<&I::benchmark>("benchmark"),
      JField<&I::ratio>("ratio"),
      JField<&I::score>("score"),
      JFieldOf<I>("missing", [](const I& i) { return !i.value.has_value(); })};
  static const JFields<LandCard> kFields = {
      JField<&LandCard::run>("run"),
      JField<&LandCard::enterprise>("enterprise", EnterpriseToJson),
      JField<&LandCard::group>("group", land::GroupName),
      JField<&LandCard::status>("status", land::StatusName),
      JField<&LandCard::score>("score"),
      JField<&LandCard::rank>("rank"),
      JField<&LandCard::group_count>("group_count"),
      JFieldOrNull<&LandCard::computed_class>("class"),
      JFieldOrNull<&LandCard::final_class>("final_class"),
      JField<&LandCard::enterprise, &land::Enterprise::bonus>("bonus"),
      JField<&LandCard::enterprise, &land::Enterprise::penalty>("penalty"),
      JObject<&LandCard::indicators>("indicators", kIndicator),
      JField<&LandCard::surcharge_fen>("surcharge_yuan", Yuan),
      JField<&LandCard::tax_to_next_class_cents>("tax_to_next_class", Yuan),
      JObject<&LandCard::adjustments>("adjustments", kAdjustment),
      JObject<&LandCard::appeals>("appeals", kCardAppeal)};
  WriteObject(j, v, kFields);
}

void to_json(json& j, const LandPolicyLedger& v) {
  using R = store::PolicyLedgerRow;
  static const JFields<R> kRow = {JField<&R::credit_code>("credit_code"),
                                  JField<&R::name>("name"),
                                  JField<&R::klass>("class"),
                                  JField<&R::surcharge_fen>("surcharge_yuan", Yuan),
                                  JField<&R::land_mu>("land_mu"),
                                  JField<&R::energy_tce>("energy_tce"),
                                  JField<&R::emission_t>("emission_t")};
  j = {{"run_id", v.run_id}, {"final", v.final}, {"items", ArrayOf(v.items, kRow)}};
}

void to_json(json& j, const LandJournal& v) {
  using E = LandJournalEntry;
  static const JFields<E> kEntry = {JField<&E::id>("id"), JField<&E::at>("at"),
                                    JField<&E::user_name>("user_name"), JField<&E::action>("action"),
                                    JField<&E::changes>("changes", Parsed)};
  j = {{"items", ArrayOf(v.items, kEntry)}};
}

}  // namespace gj::service

#include "api/json/assessment_json.h"

#include <cmath>

#include "common/json_shape.h"
#include "service/assessment/ranking_support.h"

namespace gj::service {

namespace {

using nlohmann::json;
namespace as = assessment;

// Six decimals: what the API shows of a score.
json Score(double v) { return std::round(v * 1e6) / 1e6; }
json OptScore(const std::optional<double>& v) { return v ? Score(*v) : json(nullptr); }

using Nom = ObservationNomination;
const JFields<Nom> kNomination = {JField<&Nom::group>("group"),
                                  JField<&Nom::county_code>("county_code"),
                                  JField<&Nom::county_name>("county_name"),
                                  JField<&Nom::project_id>("project_id"),
                                  JField<&Nom::project_code>("project_code"),
                                  JField<&Nom::project_name>("project_name")};
const JFields<as::Criterion> kCriterion = {JField<&as::Criterion::name>("name"),
                                           JField<&as::Criterion::weight>("weight")};
const JFields<as::BlendWeights> kBlend = {JField<&as::BlendWeights::projects>("projects"),
                                          JField<&as::BlendWeights::indicator>("indicator")};
const JFields<ObservationSetup> kSetup = {
    JField<&ObservationSetup::groups>("groups"),
    JField<&ObservationSetup::mode>("mode"),
    JField<&ObservationSetup::step>("step"),
    JField<&ObservationSetup::trim>("trim"),
    JObject<&ObservationSetup::criteria>("criteria", kCriterion),
    JObject<&ObservationSetup::blend>("blend", kBlend),
    JField<&ObservationSetup::indicator_scores>("indicator_scores"),
    JField<&ObservationSetup::judges>("judges"),
    JObject<&ObservationSetup::nominations>("nominations", kNomination)};

using Ev = store::EventRecord;
// The event's own fields, as every view of it shows them.
const JFields<Ev> kEvent = {JField<&Ev::id>("id"),
                            JField<&Ev::name>("name"),
                            JField<&Ev::region_code>("region_code"),
                            JField<&Ev::level>("level"),
                            JField<&Ev::start_date>("start_date"),
                            JField<&Ev::end_date>("end_date"),
                            JField<&Ev::state>("state"),
                            JField<&Ev::publication>("publication"),
                            JField<&Ev::version>("version")};

using Progress = ObservationView::Progress;
const JFields<Progress> kProgress = {JField<&Progress::judge>("judge"), JField<&Progress::name>("name"),
                                     JField<&Progress::submitted>("submitted"),
                                     JField<&Progress::expected>("expected")};
const JFields<as::Ballot> kBallot = {JField<&as::Ballot::group>("group"),
                                     JField<&as::Ballot::county>("county"),
                                     JField<&as::Ballot::rank>("rank")};
using Sheet = as::SheetSubmission;
const JFields<Sheet> kSheet = {JField<&Sheet::entry, &as::SheetEntry::project>(
                                   "project_id", [](const std::string& p) { return std::stoll(p); }),
                               JField<&Sheet::entry, &as::SheetEntry::group>("group"),
                               JField<&Sheet::entry, &as::SheetEntry::county>("county"),
                               JField<&Sheet::ratings>("ratings"),
                               JField<&Sheet::entry, &as::SheetEntry::score>("total", Score)};

}  // namespace

void to_json(json& j, const ObservationView& v) {
  using V = ObservationView;
  static const JFields<V> kFields = Join<V>(
      {Lift<&V::record>(kEvent),
       {JField<&V::record, &Ev::created_at>("created_at"), JField<&V::record, &Ev::updated_at>("updated_at"),
        JField<&V::region_name>("region_name"), JField<&V::can_manage>("can_manage"),
        JField<&V::is_judge>("is_judge"), JObject<&V::progress>("progress", kProgress)}});
  j = ObjectOf(v.setup, kSetup);
  WriteObject(j, v, kFields);
  if (!v.is_judge) return;
  j["my_ballots"] = ArrayOf(v.my_ballots, kBallot);
  j["my_sheets"] = ArrayOf(v.my_sheets, kSheet);
}

void to_json(json& j, const ObservationSummary& s) {
  using S = ObservationSummary;
  static const JFields<S> kFields =
      Join<S>({Lift<&S::record>(kEvent),
               {JField<&S::region_name>("region_name"), JField<&S::is_judge>("is_judge"),
                JField<&S::mode>("mode"), JField<&S::groups>("groups")}});
  WriteObject(j, s, kFields);
}

void to_json(json& j, const ObservationResults& v) {
  using R = ObservationResults;
  static const JFields<R::Place> kPlace = {JField<&R::Place::county>("county"),
                                           JField<&R::Place::rank>("rank"),
                                           JField<&R::Place::score>("score", OptScore)};
  static const JFields<R::Group> kGroup = {JField<&R::Group::group>("group"),
                                           JObject<&R::Group::items>("items", kPlace)};
  static const JFields<R::ProjectScore> kProject = {JField<&R::ProjectScore::group>("group"),
                                                    JField<&R::ProjectScore::county>("county"),
                                                    JField<&R::ProjectScore::project_id>("project_id"),
                                                    JField<&R::ProjectScore::project_name>("project_name"),
                                                    JField<&R::ProjectScore::judges>("judges"),
                                                    JField<&R::ProjectScore::score>("score", OptScore)};
  static const JFields<R> kFields = {JField<&R::id>("id"),
                                     JField<&R::name>("name"),
                                     JField<&R::state>("state"),
                                     JField<&R::mode>("mode"),
                                     JField<&R::publication>("publication"),
                                     JField<&R::with_scores>("with_scores"),
                                     JObject<&R::groups>("groups", kGroup),
                                     JObject<&R::projects>("projects", kProject)};
  WriteObject(j, v, kFields);
}

void to_json(json& j, const ItemList<store::JudgeUser>& v) {
  using U = store::JudgeUser;
  static const JFields<U> kUser = {JField<&U::login>("login"), JField<&U::name>("name")};
  j = {{"items", ArrayOf(v.items, kUser)}};
}

void to_json(json& j, const RankingSchemeView& v) {
  using S = store::SchemeRecord;
  using M = RankingMetricView;
  static const JFields<M> kMetric = {
      JField<&M::id>("id"),           JField<&M::kind>("kind"),     JField<&M::label>("label"),
      JField<&M::scoring>("scoring"), JField<&M::weight>("weight"), JField<&M::target>("target"),
      JField<&M::cap>("cap"),         JField<&M::step>("step"),     JField<&M::source>("source")};
  static const JFields<as::WarningRule> kWarning = {JField<&as::WarningRule::yellow_below>("yellow_below"),
                                                    JField<&as::WarningRule::red_after>("red_after")};
  static const JFields<S> kScheme = {JField<&S::id>("id"),
                                     JField<&S::name>("name"),
                                     JField<&S::region_code>("region_code"),
                                     JField<&S::subject_kind>("subject_kind"),
                                     JField<&S::version>("version"),
                                     JField<&S::archived>("archived"),
                                     JField<&S::created_at>("created_at"),
                                     JField<&S::updated_at>("updated_at")};
  using V = RankingSchemeView;
  static const JFields<V> kFields =
      Join<V>({Lift<&V::record>(kScheme),
               {JField<&V::region_name>("region_name"), JObject<&V::metrics>("metrics", kMetric),
                JObject<&V::warning>("warning", kWarning)}});
  WriteObject(j, v, kFields);
}

void to_json(json& j, const RankingSchemeDetail& v) {
  using S = RankingSchemeDetail::Subject;
  static const JFields<S> kSubject = {JField<&S::name>("name"), JField<&S::projects>("projects")};
  j = v.scheme;
  j["can_manage"] = v.can_manage;
  j["subjects"] = ArrayOf(v.subjects, kSubject);
}

void to_json(json& j, const RankingRunView& v) {
  using R = store::RunRecord;
  using V = RankingRunView;
  static const JFields<V::MetricLabel> kMetric = {JField<&V::MetricLabel::id>("id"),
                                                  JField<&V::MetricLabel::label>("label")};
  static const JFields<R> kRun = {JField<&R::id>("id"),
                                  JField<&R::scheme_id>("scheme_id"),
                                  JField<&R::period>("period"),
                                  JField<&R::period_label>("period_label"),
                                  JField<&R::run_version>("run_version"),
                                  JField<&R::as_of>("as_of"),
                                  JField<&R::published>("published"),
                                  JField<&R::published_at>("published_at"),
                                  JField<&R::version>("version"),
                                  JField<&R::computed_at>("computed_at")};
  static const JFields<V> kFields =
      Join<V>({Lift<&V::record>(kRun),
               {JObject<&V::metrics>("metrics", kMetric), JField<&V::scheme_name>("scheme_name"),
                // Entries are shown as the run keeps them.
                JField<&V::entries>("entries",
                                    [](const auto& es) { return ArrayOf(es, ranking_support::EntryJson); }),
                JField<&V::figures>("figures")}});
  WriteObject(j, v, kFields);
}

void to_json(json& j, const RankingRunDetail& v) {
  j = v.run;
  j["scheme"] = v.scheme;
}

}  // namespace gj::service

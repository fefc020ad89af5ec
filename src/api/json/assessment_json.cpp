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
json Scores(const std::map<std::string, double>& m) {
  json j = json::object();
  for (const auto& [k, v] : m) j[k] = Score(v);
  return j;
}

using Setup = ObservationSetup;
const JFields<Setup> kSetup =
    Join<Setup>(GJ_JSON_FIELDS(Setup, groups, mode, step, trim),
                JObject<&Setup::criteria>("criteria", GJ_JSON_FIELDS(as::Criterion, name, weight)),
                JObject<&Setup::blend>("blend", GJ_JSON_FIELDS(as::BlendWeights, projects, indicator)),
                GJ_JSON_FIELDS(Setup, indicator_scores, judges),
                JObject<&Setup::nominations>(
                    "nominations", GJ_JSON_FIELDS(ObservationNomination, group, county_code, county_name,
                                                  project_id, project_code, project_name)));

using Ev = store::EventRecord;
// The event's own fields, as every view of it shows them.
const JFields<Ev> kEvent =
    GJ_JSON_FIELDS(Ev, id, name, region_code, level, start_date, end_date, state, publication, version);

const JFields<as::Ballot> kBallot = GJ_JSON_FIELDS(as::Ballot, group, county, rank);
using Sheet = as::SheetSubmission;
const JFields<Sheet> kSheet =
    Join<Sheet>(JField<&Sheet::entry, &as::SheetEntry::project>(
                    "project_id", [](const std::string& p) { return std::stoll(p); }),
                Lift<&Sheet::entry>(GJ_JSON_FIELDS(as::SheetEntry, group, county)),
                // The marks as ratings 0..100 and out of each criterion's weight (what the judge's page
                // shows), six decimals like every score: 26 of 30 is the rating 86.666667.
                JField<&Sheet::ratings>("ratings", Scores), JField<&Sheet::points>("points", Scores),
                JField<&Sheet::entry, &as::SheetEntry::score>("total", Score));

}  // namespace

void to_json(json& j, const ObservationView& v) {
  using V = ObservationView;
  static const JFields<V> kFields = Join<V>(
      Lift<&V::record>(kEvent), Lift<&V::record>(GJ_JSON_FIELDS(Ev, created_at, updated_at)),
      GJ_JSON_FIELDS(V, region_name, can_manage, is_judge),
      JObject<&V::progress>("progress", GJ_JSON_FIELDS(V::Progress, judge, name, submitted, expected)));
  j = ObjectOf(v.setup, kSetup);
  WriteObject(j, v, kFields);
  if (!v.is_judge) return;
  j["my_ballots"] = ArrayOf(v.my_ballots, kBallot);
  j["my_sheets"] = ArrayOf(v.my_sheets, kSheet);
}

void to_json(json& j, const ObservationSummary& s) {
  using S = ObservationSummary;
  static const JFields<S> kFields =
      Join<S>(Lift<&S::record>(kEvent), GJ_JSON_FIELDS(S, region_name, is_judge, mode, groups));
  WriteObject(j, s, kFields);
}

void to_json(json& j, const ObservationResults& v) {
  using R = ObservationResults;
  using Place = R::Place;
  using Project = R::ProjectScore;
  static const JFields<Place> kPlace =
      Join<Place>(GJ_JSON_FIELDS(Place, county, rank), JField<&Place::score>("score", OptScore));
  static const JFields<R::Group> kGroup =
      Join<R::Group>(GJ_JSON_FIELDS(R::Group, group), JObject<&R::Group::items>("items", kPlace));
  static const JFields<Project> kProject =
      Join<Project>(GJ_JSON_FIELDS(Project, group, county, project_id, project_name, judges),
                    JField<&Project::score>("score", OptScore));
  static const JFields<R> kFields =
      Join<R>(GJ_JSON_FIELDS(R, id, name, state, mode, publication, with_scores),
              JObject<&R::groups>("groups", kGroup), JObject<&R::projects>("projects", kProject));
  WriteObject(j, v, kFields);
}

void to_json(json& j, const ItemList<store::JudgeUser>& v) {
  using U = store::JudgeUser;
  static const JFields<U> kUser = GJ_JSON_FIELDS(U, login, name);
  j = {{"items", ArrayOf(v.items, kUser)}};
}

void to_json(json& j, const RankingSchemeView& v) {
  using S = store::SchemeRecord;
  using M = RankingMetricView;
  using V = RankingSchemeView;
  static const JFields<V> kFields =
      Join<V>(Lift<&V::record>(GJ_JSON_FIELDS(S, id, name, region_code, subject_kind, version, archived,
                                              created_at, updated_at)),
              GJ_JSON_FIELDS(V, region_name),
              JObject<&V::metrics>(
                  "metrics", GJ_JSON_FIELDS(M, id, kind, label, scoring, weight, target, cap, step, source)),
              JObject<&V::warning>("warning", GJ_JSON_FIELDS(as::WarningRule, yellow_below, red_after)));
  WriteObject(j, v, kFields);
}

void to_json(json& j, const RankingSchemeDetail& v) {
  using S = RankingSchemeDetail::Subject;
  static const JFields<S> kSubject = GJ_JSON_FIELDS(S, name, projects);
  j = v.scheme;
  j["can_manage"] = v.can_manage;
  j["subjects"] = ArrayOf(v.subjects, kSubject);
  // Chain subjects (链长制) also name their 总链长 and 链长.
  if (v.scheme.record.subject_kind == "chain") {
    for (size_t i = 0; i < v.subjects.size(); ++i) {
      j["subjects"][i]["chief_leader"] = v.subjects[i].chief_leader;
      j["subjects"][i]["leader"] = v.subjects[i].leader;
    }
  }
}

void to_json(json& j, const RankingRunView& v) {
  using R = store::RunRecord;
  using V = RankingRunView;
  static const JFields<V> kFields = Join<V>(
      Lift<&V::record>(GJ_JSON_FIELDS(R, id, scheme_id, period, period_label, run_version, as_of, published,
                                      published_at, version, computed_at)),
      JObject<&V::metrics>("metrics", GJ_JSON_FIELDS(V::MetricLabel, id, label)),
      GJ_JSON_FIELDS(V, scheme_name),
      // Entries are shown as the run keeps them.
      JField<&V::entries>("entries", [](const auto& es) { return ArrayOf(es, ranking_support::EntryJson); }),
      GJ_JSON_FIELDS(V, figures));
  WriteObject(j, v, kFields);
  // Chain subjects (链长制): their chain, 总链长 and 链长 as of the run's computation.
  if (!v.subject_details.empty()) {
    json d = json::object();
    for (const auto& [name, x] : v.subject_details)
      d[name] = {{"chain_id", x.chain_id}, {"chief_leader", x.chief_leader}, {"leader", x.leader}};
    j["subject_details"] = d;
  }
}

void to_json(json& j, const RankingRunDetail& v) {
  j = v.run;
  j["scheme"] = v.scheme;
}

}  // namespace gj::service

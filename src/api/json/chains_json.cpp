#include "api/json/chains_json.h"

#include <cmath>

#include "common/json_shape.h"

namespace gj::chains {

namespace {
nlohmann::json Rate(const std::optional<double>& v) {
  return v ? nlohmann::json(std::round(*v * 1e6) / 1e6) : nlohmann::json(nullptr);
}
}  // namespace

void to_json(nlohmann::json& j, const Punctuality& p) {
  static const JFields<Punctuality> kFields =
      Join<Punctuality>(GJ_JSON_FIELDS(Punctuality, due, on_time, late, missing, pending),
                        JField<&Punctuality::rate>("rate", Rate),
                        JObject<&Punctuality::weeks>(
                            "weeks", GJ_JSON_FIELDS(WeekStatus, week, start, end, due, status, filed_on)));
  j = ObjectOf(p, kFields);
}

void to_json(nlohmann::json& j, const ChainFigures& f) {
  using F = ChainFigures;
  static const JFields<F> kFields =
      Join<F>(GJ_JSON_FIELDS(F, from, as_of, projects, total_investment),
              JField<&F::start_rate, &targets::Ratio::numerator>("started"),
              JField<&F::start_rate, &targets::Ratio::denominator>("must_start"),
              JFieldOf<F>("start_rate", [](const F& x) { return Rate(x.start_rate.value()); }),
              GJ_JSON_FIELDS(F, problems_open, problems_overdue),
              JFieldOf<F>("reports",
                          [](const F& x) {
                            nlohmann::json r = x.reports;
                            r.erase("weeks");  // the figures' summary; GET …/reports has the weeks
                            return r;
                          }),
              GJ_JSON_FIELDS(F, visits, leads_signed, leads_signed_amount));
  j = ObjectOf(f, kFields);
}

}  // namespace gj::chains

namespace gj::store {

void to_json(nlohmann::json& j, const ChainProject& p) {
  static const JFields<ChainProject> kFields = GJ_JSON_FIELDS(
      ChainProject, id, code, name, stage, county_code, town_code, total_investment, actual_start);
  j = ObjectOf(p, kFields);
}

void to_json(nlohmann::json& j, const ChainProblem& p) {
  static const JFields<ChainProblem> kFields =
      GJ_JSON_FIELDS(ChainProblem, id, project_id, project_code, project_name, category, description, status,
                     deadline, raised_on, closed_on, overdue);
  j = ObjectOf(p, kFields);
}

}  // namespace gj::store

namespace gj::service {

namespace {
using store::Chain;
const JFields<Chain> kChain = GJ_JSON_FIELDS(Chain, id, region_code, name, chief_leader_id, leader_id,
                                             head_id, note, sort, archived, version, created_at, updated_at);
const JFields<store::ChainLink> kLink = Join<store::ChainLink>(
    GJ_JSON_FIELDS(store::ChainLink, id, stage, name, gaps),
    JObject<&store::ChainLink::enterprises>(
        "enterprises", GJ_JSON_FIELDS(store::ChainEnterprise, credit_code, name, anchor)));
const JFields<ChainMemberView> kMember =
    Join<ChainMemberView>(JField<&ChainMemberView::member, &store::ChainMember::group>("group"),
                          JField<&ChainMemberView::member, &store::ChainMember::unit_id>("unit_id"),
                          GJ_JSON_FIELDS(ChainMemberView, unit_name),
                          JField<&ChainMemberView::member, &store::ChainMember::person_id>("person_id"),
                          GJ_JSON_FIELDS(ChainMemberView, person_name),
                          JField<&ChainMemberView::member, &store::ChainMember::role>("role"));
}  // namespace

void to_json(nlohmann::json& j, const ChainView& v) {
  static const JFields<ChainView> kFields = Join<ChainView>(
      Lift<&ChainView::chain>(kChain),
      GJ_JSON_FIELDS(ChainView, region_name, chief_leader_name, leader_name, head_name),
      JObject<&ChainView::members>("members", kMember),
      JField<&ChainView::chain, &Chain::links>(
          "links", [](const std::vector<store::ChainLink>& links) { return ArrayOf(links, kLink); }),
      GJ_JSON_FIELDS(ChainView, can_manage, can_report));
  j = ObjectOf(v, kFields);
}

void to_json(nlohmann::json& j, const ChainSummary& s) {
  to_json(j, s.view);
  j.erase("members");
  j.erase("links");
  j["figures"] = s.figures;
}

void to_json(nlohmann::json& j, const ChainEnterpriseRef& e) {
  static const JFields<ChainEnterpriseRef> kFields =
      GJ_JSON_FIELDS(ChainEnterpriseRef, credit_code, name, link_name, stage, anchor);
  j = ObjectOf(e, kFields);
}

void to_json(nlohmann::json& j, const ChainLead& l) {
  static const JFields<ChainLead> kFields = GJ_JSON_FIELDS(
      ChainLead, id, title, investor_name, expected_investment, step, ended, paused, signed_on);
  j = ObjectOf(l, kFields);
}

void to_json(nlohmann::json& j, const ChainLists& l) {
  static const JFields<ChainLists> kFields =
      GJ_JSON_FIELDS(ChainLists, projects, enterprises, problems, leads, factor_needs);
  j = ObjectOf(l, kFields);
}

void to_json(nlohmann::json& j, const ChainReportView& r) {
  using R = store::ChainReport;
  static const JFields<ChainReportView> kFields = Join<ChainReportView>(
      Lift<&ChainReportView::report>(GJ_JSON_FIELDS(R, id, chain_id, week, filed_on, filed_by, author_id)),
      GJ_JSON_FIELDS(ChainReportView, author_name, status, due),
      Lift<&ChainReportView::report>(GJ_JSON_FIELDS(R, progress, problems, next_steps, version, created_at)));
  j = ObjectOf(r, kFields);
}

void to_json(nlohmann::json& j, const ChainReportList& l) {
  static const JFields<ChainReportList> kFields = GJ_JSON_FIELDS(ChainReportList, reports, punctuality);
  j = ObjectOf(l, kFields);
}

void to_json(nlohmann::json& j, const ChainVisitView& v) {
  using V = store::ChainVisit;
  static const JFields<ChainVisitView> kFields = Join<ChainVisitView>(
      Lift<&ChainVisitView::visit>(GJ_JSON_FIELDS(V, id, chain_id, visited_on, leader_id)),
      GJ_JSON_FIELDS(ChainVisitView, leader_name),
      Lift<&ChainVisitView::visit>(GJ_JSON_FIELDS(V, credit_code, enterprise_name, project_id)),
      GJ_JSON_FIELDS(ChainVisitView, project_name),
      Lift<&ChainVisitView::visit>(GJ_JSON_FIELDS(V, findings, created_at)));
  j = ObjectOf(v, kFields);
}

}  // namespace gj::service

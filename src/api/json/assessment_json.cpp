#include "api/json/assessment_json.h"

#include <cmath>

#include "service/assessment/ranking_support.h"

namespace gj::service {

namespace {

using nlohmann::json;

// Six decimals: what the API shows of a score.
json Score(double v) { return std::round(v * 1e6) / 1e6; }
json Score(const std::optional<double>& v) { return v ? Score(*v) : json(nullptr); }
json Text(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

json SetupJson(const ObservationSetup& s) {
  json criteria = json::array(), nominations = json::array();
  for (const auto& c : s.criteria) criteria.push_back({{"name", c.name}, {"weight", c.weight}});
  for (const auto& n : s.nominations) {
    nominations.push_back({{"group", n.group},
                           {"county_code", n.county_code},
                           {"county_name", n.county_name},
                           {"project_id", n.project_id},
                           {"project_code", n.project_code},
                           {"project_name", n.project_name}});
  }
  return {{"groups", s.groups},
          {"mode", s.mode},
          {"step", s.step},
          {"trim", s.trim},
          {"criteria", criteria},
          {"blend", {{"projects", s.blend.projects}, {"indicator", s.blend.indicator}}},
          {"indicator_scores", s.indicator_scores},
          {"judges", s.judges},
          {"nominations", nominations}};
}

}  // namespace

void to_json(json& j, const ObservationView& v) {
  const auto& r = v.record;
  j = SetupJson(v.setup);
  j.update({{"id", r.id},
            {"name", r.name},
            {"region_code", r.region_code},
            {"region_name", v.region_name},
            {"level", r.level},
            {"start_date", r.start_date},
            {"end_date", r.end_date},
            {"state", r.state},
            {"publication", Text(r.publication)},
            {"version", r.version},
            {"created_at", r.created_at},
            {"updated_at", r.updated_at},
            {"can_manage", v.can_manage},
            {"is_judge", v.is_judge}});
  json progress = json::array();
  for (const auto& p : v.progress) {
    progress.push_back(
        {{"judge", p.judge}, {"name", p.name}, {"submitted", p.submitted}, {"expected", p.expected}});
  }
  j["progress"] = progress;
  if (!v.is_judge) return;
  json ballots = json::array(), sheets = json::array();
  for (const auto& b : v.my_ballots)
    ballots.push_back({{"group", b.group}, {"county", b.county}, {"rank", b.rank}});
  for (const auto& s : v.my_sheets) {
    sheets.push_back({{"project_id", std::stoll(s.entry.project)},
                      {"group", s.entry.group},
                      {"county", s.entry.county},
                      {"ratings", s.ratings},
                      {"total", Score(s.entry.score)}});
  }
  j["my_ballots"] = ballots;
  j["my_sheets"] = sheets;
}

void to_json(json& j, const ObservationSummary& s) {
  const auto& r = s.record;
  j = {{"id", r.id},
       {"name", r.name},
       {"region_code", r.region_code},
       {"region_name", s.region_name},
       {"level", r.level},
       {"start_date", r.start_date},
       {"end_date", r.end_date},
       {"state", r.state},
       {"mode", s.mode},
       {"groups", s.groups},
       {"publication", Text(r.publication)},
       {"is_judge", s.is_judge},
       {"version", r.version}};
}

void to_json(json& j, const ObservationResults& v) {
  json groups = json::array(), projects = json::array();
  for (const auto& g : v.groups) {
    json items = json::array();
    for (const auto& p : g.items)
      items.push_back({{"county", p.county}, {"rank", p.rank}, {"score", Score(p.score)}});
    groups.push_back({{"group", g.group}, {"items", items}});
  }
  for (const auto& p : v.projects) {
    projects.push_back({{"group", p.group},
                        {"county", p.county},
                        {"project_id", p.project_id},
                        {"project_name", p.project_name},
                        {"judges", p.judges},
                        {"score", Score(p.score)}});
  }
  j = {{"id", v.id},
       {"name", v.name},
       {"state", v.state},
       {"mode", v.mode},
       {"publication", Text(v.publication)},
       {"with_scores", v.with_scores},
       {"groups", groups},
       {"projects", projects}};
}

void to_json(json& j, const ItemList<store::JudgeUser>& v) {
  json items = json::array();
  for (const auto& u : v.items) items.push_back({{"login", u.login}, {"name", u.name}});
  j = {{"items", items}};
}

void to_json(json& j, const RankingSchemeView& v) {
  const auto& s = v.record;
  json metrics = json::array();
  for (const auto& m : v.metrics) {
    metrics.push_back({{"id", m.id},
                       {"kind", m.kind},
                       {"label", m.label},
                       {"scoring", m.scoring},
                       {"weight", m.weight},
                       {"target", m.target},
                       {"cap", m.cap},
                       {"step", m.step},
                       {"source", m.source}});
  }
  j = {{"id", s.id},
       {"name", s.name},
       {"region_code", s.region_code},
       {"region_name", v.region_name},
       {"subject_kind", s.subject_kind},
       {"metrics", metrics},
       {"warning", {{"yellow_below", v.warning.yellow_below}, {"red_after", v.warning.red_after}}},
       {"version", s.version},
       {"archived", s.archived},
       {"created_at", s.created_at},
       {"updated_at", s.updated_at}};
}

void to_json(json& j, const RankingSchemeDetail& v) {
  j = v.scheme;
  j["can_manage"] = v.can_manage;
  j["subjects"] = json::array();
  for (const auto& s : v.subjects) j["subjects"].push_back({{"name", s.name}, {"projects", s.projects}});
}

void to_json(json& j, const RankingRunView& v) {
  const auto& r = v.record;
  json metrics = json::array(), entries = json::array();
  for (const auto& m : v.metrics) metrics.push_back({{"id", m.id}, {"label", m.label}});
  // Entries are shown as the run keeps them.
  for (const auto& e : v.entries) entries.push_back(ranking_support::EntryJson(e));
  j = {{"id", r.id},
       {"metrics", metrics},
       {"scheme_id", r.scheme_id},
       {"scheme_name", v.scheme_name},
       {"period", r.period},
       {"period_label", r.period_label},
       {"run_version", r.run_version},
       {"as_of", r.as_of},
       {"published", r.published},
       {"published_at", Text(r.published_at)},
       {"version", r.version},
       {"computed_at", r.computed_at},
       {"entries", entries},
       {"figures", v.figures}};
}

void to_json(json& j, const RankingRunDetail& v) {
  j = v.run;
  j["scheme"] = v.scheme;
}

}  // namespace gj::service

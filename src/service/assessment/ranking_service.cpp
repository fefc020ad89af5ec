#include "service/assessment/ranking_service.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "domain/assessment/supervision_figures.h"
#include "domain/targets/start_rate.h"
#include "io/ranking_bulletin.h"
#include "store/journal.h"
#include "store/progress_store.h"
#include "store/supervision_store.h"

namespace gj::service {

namespace {

using nlohmann::json;
namespace as = assessment;

struct KindName {
  as::MetricKind kind;
  const char* name;
  const char* label;
};
// Policy as data: metric kinds, their API names and bulletin labels.
constexpr KindName kKinds[] = {
    {as::MetricKind::kStartRate, "start_rate", "开工率"},
    {as::MetricKind::kInvestmentRate, "investment_rate", "投资完成率"},
    {as::MetricKind::kProblemsClosedOnTime, "problems_closed_on_time", "问题按期销号率"},
    {as::MetricKind::kReportsOnTime, "reports_on_time", "按时报送率"},
    {as::MetricKind::kManual, "manual", "评议得分"},
};

std::optional<as::MetricKind> KindFrom(const std::string& s) {
  for (const auto& k : kKinds) if (s == k.name) return k.kind;
  return std::nullopt;
}
// Computed metrics: start and investment rate from the ledger, problems closed on time and reports
// on time from supervision (its problem list and its progress reports). Only manual scores come
// with the run request.
bool FromLedger(as::MetricKind k) { return k != as::MetricKind::kManual; }
bool FromSupervision(as::MetricKind k) { return k == as::MetricKind::kProblemsClosedOnTime || k == as::MetricKind::kReportsOnTime; }

const char* PeriodName(as::Period p) { return p == as::Period::kMonth ? "month" : p == as::Period::kQuarter ? "quarter" : "year"; }
std::optional<as::Period> PeriodFrom(const std::string& s) {
  if (s == "month") return as::Period::kMonth;
  if (s == "quarter") return as::Period::kQuarter;
  if (s == "year") return as::Period::kYear;
  return std::nullopt;
}
const char* MovementName(as::Movement m) {
  switch (m) {
    case as::Movement::kUp: return "up";
    case as::Movement::kDown: return "down";
    case as::Movement::kSame: return "same";
    case as::Movement::kNew: return "new";
  }
  return "new";
}
as::Movement MovementFrom(const std::string& s) {
  return s == "up" ? as::Movement::kUp : s == "down" ? as::Movement::kDown : s == "same" ? as::Movement::kSame : as::Movement::kNew;
}
const char* LightName(as::Light l) { return l == as::Light::kRed ? "red" : l == as::Light::kYellow ? "yellow" : "none"; }
as::Light LightFrom(const std::string& s) { return s == "red" ? as::Light::kRed : s == "yellow" ? as::Light::kYellow : as::Light::kNone; }

bool IsNumber(const json& j) { return j.is_number() && std::isfinite(j.get<double>()); }
double Round6(double v) { return std::round(v * 1e6) / 1e6; }

json MetricsFrom(const json& b, Problems& pr) {
  json out = json::array();
  if (!b.contains("metrics") || !b["metrics"].is_array() || b["metrics"].empty()) {
    pr.Add("metrics", "", "at least one metric");
    return out;
  }
  for (size_t i = 0; i < b["metrics"].size(); ++i) {
    const json& m = b["metrics"][i];
    const std::string f = "metrics[" + std::to_string(i) + "]";
    if (!m.is_object()) { pr.Add(f, m.dump(), "must be an object"); continue; }
    const std::string kind = m.value("kind", "manual");
    if (!KindFrom(kind)) pr.Add(f + ".kind", kind, "not a metric kind");
    const std::string scoring = m.value("scoring", "ratio");
    if (scoring != "ratio" && scoring != "rank") pr.Add(f + ".scoring", scoring, "must be ratio or rank");
    json x = {{"id", m.value("id", kind)}, {"kind", kind}, {"label", m.value("label", "")}, {"scoring", scoring}};
    for (auto [key, def] : {std::pair{"weight", 0.0}, std::pair{"target", 1.0}, std::pair{"cap", 1.0}, std::pair{"step", 3.0}}) {
      const json v = m.value(key, json(def));
      if (!IsNumber(v)) pr.Add(f + "." + key, v.dump(), "must be a number");
      else x[key] = v.get<double>();
    }
    out.push_back(x);
  }
  return out;
}

std::string LabelOf(const json& m) {
  const std::string label = m.value("label", "");
  if (!label.empty()) return label;
  for (const auto& k : kKinds) if (m.value("kind", "") == k.name) return k.label;
  return m.value("id", "");
}

json EntryJson(const as::RunEntry& e) {
  json scores = json::object();
  for (const auto& [k, v] : e.metric_scores) scores[k] = Round6(v);
  return {{"subject", e.subject}, {"score", Round6(e.score)}, {"rank", e.rank}, {"metric_scores", scores},
          {"completion", Round6(e.completion)}, {"movement", MovementName(e.movement)}, {"movement_label", as::MovementLabel(e)},
          {"places_moved", e.places_moved}, {"light", LightName(e.light)}, {"yellow_streak", e.yellow_streak}};
}

json RunView(const store::RunRecord& r, const std::string& scheme_name) {
  json body = json::parse(r.body);
  // The metrics the run was scored on (its own definition; runs stored before it was kept: none).
  json metrics = json::array();
  if (body.contains("definition")) {
    for (const auto& m : body["definition"]["metrics"]) metrics.push_back({{"id", m["id"]}, {"label", LabelOf(m)}});
  }
  return {{"id", r.id}, {"metrics", metrics}, {"scheme_id", r.scheme_id}, {"scheme_name", scheme_name}, {"period", r.period},
          {"period_label", r.period_label}, {"run_version", r.run_version}, {"as_of", r.as_of}, {"published", r.published},
          {"published_at", r.published_at ? json(*r.published_at) : json(nullptr)}, {"version", r.version},
          {"computed_at", r.computed_at}, {"entries", body["entries"]}, {"figures", body["figures"]}};
}

}  // namespace

std::optional<Date> PeriodEnd(as::Period period, const std::string& label) {
  auto digits = [&](size_t from, size_t n) {
    if (label.size() < from + n) return -1;
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (label[i] < '0' || label[i] > '9') return -1;
      v = v * 10 + (label[i] - '0');
    }
    return v;
  };
  const int year = digits(0, 4);
  if (year < 2000 || year > 2100) return std::nullopt;
  if (period == as::Period::kYear && label.size() == 4) return Date{year, 12, 31};
  if (period == as::Period::kMonth && label.size() == 7 && label[4] == '-') {
    const int m = digits(5, 2);
    if (m >= 1 && m <= 12) return Date{year, m, DaysInMonth(year, m)};
  }
  if (period == as::Period::kQuarter && label.size() == 7 && label.substr(4, 2) == "-Q") {
    const int q = digits(6, 1);
    if (q >= 1 && q <= 4) return Date{year, q * 3, DaysInMonth(year, q * 3)};
  }
  return std::nullopt;
}

namespace {
// The first day of the period that ends on `end` (a month, a quarter or a year).
Date PeriodStart(as::Period period, const Date& end) {
  if (period == as::Period::kYear) return {end.year, 1, 1};
  if (period == as::Period::kQuarter) return {end.year, end.month - 2, 1};
  return {end.year, end.month, 1};
}
}  // namespace

as::Scheme SchemeFrom(const store::SchemeRecord& s) {
  const json d = json::parse(s.definition);
  as::Scheme scheme;
  scheme.name = s.name;
  for (const auto& m : d["metrics"]) {
    as::Metric x;
    x.id = m["id"];
    x.kind = KindFrom(m["kind"]).value_or(as::MetricKind::kManual);
    x.weight = m["weight"];
    x.scoring = m["scoring"] == "rank" ? as::MetricScoring::kRankPoints : as::MetricScoring::kRatioToTarget;
    x.target = m["target"];
    x.cap = m["cap"];
    x.step = m["step"];
    scheme.metrics.push_back(x);
  }
  scheme.warning.yellow_below = d["warning"].value("yellow_below", 0.6);
  scheme.warning.red_after = d["warning"].value("red_after", 2);
  return scheme;
}

as::RankingRun RunFrom(const store::RunRecord& r, const std::string& scheme_name) {
  const json body = json::parse(r.body);
  as::RankingRun run;
  run.scheme = scheme_name;
  run.period = PeriodFrom(r.period).value_or(as::Period::kMonth);
  run.period_label = r.period_label;
  run.version = r.run_version;
  run.published = r.published;
  for (const auto& e : body["entries"]) {
    as::RunEntry x;
    x.subject = e["subject"];
    x.score = e["score"];
    x.rank = e["rank"];
    for (const auto& [k, v] : e["metric_scores"].items()) x.metric_scores[k] = v.get<double>();
    x.completion = e["completion"];
    x.movement = MovementFrom(e["movement"]);
    x.places_moved = e["places_moved"];
    x.light = LightFrom(e["light"]);
    x.yellow_streak = e["yellow_streak"];
    run.entries.push_back(std::move(x));
  }
  return run;
}

namespace {

// The definition (metrics, warning) a body gives, as stored; problems go to `pr`. The domain
// checks the scheme itself (weights, targets, unique ids) by running it on no subjects, whatever
// else is wrong with the body, so every problem is reported at once.
std::string DefinitionOf(const json& b, const std::string& name, Problems& pr) {
  const size_t before = pr.size();
  json def = {{"metrics", MetricsFrom(b, pr)}};
  const json w = b.value("warning", json::object());
  const json yellow = w.is_object() ? w.value("yellow_below", json(0.6)) : json(), red = w.is_object() ? w.value("red_after", json(2)) : json();
  if (!IsNumber(yellow) || yellow.get<double>() < 0 || !red.is_number_integer() || red.get<int64_t>() < 1) {
    pr.Add("warning", w.dump(), "yellow_below ≥ 0, red_after ≥ 1");
  } else {
    def["warning"] = {{"yellow_below", yellow.get<double>()}, {"red_after", red.get<int>()}};
  }
  if (pr.size() != before) return "";
  store::SchemeRecord s;
  s.name = name;
  s.definition = def.dump();
  auto check = as::ComputeRun(SchemeFrom(s), as::Period::kMonth, "check", 1, {}, nullptr);
  if (!check) for (const auto& d : check.error().details) pr.Add(d);
  return s.definition;
}

// The {field, old, new} list of what differs between two states of a scheme.
json SchemeChanges(const store::SchemeRecord& a, const store::SchemeRecord& b) {
  json changes = json::array();
  if (a.name != b.name) changes.push_back({{"field", "name"}, {"old", a.name}, {"new", b.name}});
  if (a.definition != b.definition) changes.push_back({{"field", "definition"}, {"old", a.definition}, {"new", b.definition}});
  if (a.archived != b.archived) changes.push_back({{"field", "archived"}, {"old", a.archived}, {"new", b.archived}});
  return changes;
}

}  // namespace

bool RankingService::Manages(const Ctx& ctx, const std::string& region) {
  return access::Allowed(ctx.caller, access::kRankingManage, {region, "", std::nullopt}, *ledger_.Regions());
}

bool RankingService::Sees(const Ctx& ctx, const std::string& region) {
  auto tree = ledger_.Regions();
  for (const auto& g : ctx.caller.grants) {
    if (access::ScopeOf(g.role, access::kRankingRead) == access::Scope::kNone) continue;
    if (tree->Within(region, g.region_code) || tree->Within(g.region_code, region)) return true;
  }
  return false;
}

Result<store::SchemeRecord> RankingService::LoadScheme(store::Connection& c, const Ctx& ctx, int64_t id) {
  auto s = store::LoadScheme(c, id);
  if (!s || !Sees(ctx, s->region_code)) return Error::NotFound("no ranking scheme " + std::to_string(id));
  return *s;
}

json RankingService::SchemeView(const store::SchemeRecord& s) {
  json d = json::parse(s.definition);
  for (auto& m : d["metrics"]) {
    m["label"] = LabelOf(m);
    const auto kind = KindFrom(m["kind"]).value_or(as::MetricKind::kManual);
    m["source"] = FromSupervision(kind) ? "supervision" : FromLedger(kind) ? "ledger" : "manual";
  }
  const auto* region = ledger_.Regions()->Find(s.region_code);
  return {{"id", s.id}, {"name", s.name}, {"region_code", s.region_code}, {"region_name", region ? region->name : ""},
          {"subject_kind", s.subject_kind}, {"metrics", d["metrics"]}, {"warning", d["warning"]}, {"version", s.version},
          {"archived", s.archived}, {"created_at", s.created_at}, {"updated_at", s.updated_at}};
}

Result<json> RankingService::ListSchemes(const Ctx& ctx, bool include_archived) {
  auto c = db_.Acquire();
  json items = json::array();
  for (const auto& s : store::ListSchemes(*c)) {
    if (Sees(ctx, s.region_code) && (include_archived || !s.archived)) items.push_back(SchemeView(s));
  }
  return json{{"items", items}};
}

Result<json> RankingService::CreateScheme(const Ctx& ctx, const json& b) {
  if (!access::AllowedAnywhere(ctx.caller, access::kRankingManage)) return Error::Forbidden("you may not set up rankings");
  if (!b.is_object()) return Error::BadRequest("the body must be a JSON object");
  Problems pr;
  store::SchemeRecord s;
  s.name = b.value("name", "");
  if (s.name.empty()) pr.Add("name", "", "required");
  s.region_code = b.value("region_code", "");
  const auto* region = ledger_.Regions()->Find(s.region_code);
  if (!region) pr.Add("region_code", s.region_code, "unknown region");
  else if (!Manages(ctx, s.region_code)) pr.Add("region_code", s.region_code, "you may not set up rankings there");
  s.subject_kind = b.value("subject_kind", "town");
  if (s.subject_kind != "town" && s.subject_kind != "department" && s.subject_kind != "chain") {
    pr.Add("subject_kind", s.subject_kind, "must be town, department or chain");
  }
  s.definition = DefinitionOf(b, s.name, pr);
  if (!pr.empty()) return pr.ToError("the ranking scheme is not valid");
  s.created_at = s.updated_at = ctx.now;
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  try {
    s.id = store::InsertScheme(*c, s);
  } catch (const store::DbError& e) {
    if (e.kind() != store::DbError::Kind::kUniqueViolation) throw;
    return Error::Conflict("a ranking scheme with this name already exists in this region");
  }
  store::WriteJournal(*c, "ranking_scheme", s.id, "create", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", "definition"}, {"old", nullptr}, {"new", s.definition}}}));
  tx.Commit();
  return SchemeView(s);
}

Result<json> RankingService::UpdateScheme(const Ctx& ctx, int64_t id, const json& b) {
  if (!b.is_object()) return Error::BadRequest("the body must be a JSON object");
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto s = LoadScheme(*c, ctx, id);
  if (!s) return s.error();
  if (!Manages(ctx, s->region_code)) return Error::Forbidden("you may not change this ranking scheme");
  Problems pr;
  if (!b.contains("version") || !b["version"].is_number_integer()) pr.Add("version", "", "required integer");
  // Who is ranked is what makes runs comparable: a different region or kind is a new scheme.
  if (b.contains("region_code") && b["region_code"] != s->region_code) {
    pr.Add("region_code", b["region_code"].dump(), "cannot change; create a new scheme");
  }
  if (b.contains("subject_kind") && b["subject_kind"] != s->subject_kind) {
    pr.Add("subject_kind", b["subject_kind"].dump(), "cannot change; create a new scheme");
  }
  store::SchemeRecord next = s.value();
  if (b.contains("name")) {
    next.name = b["name"].is_string() ? b["name"].get<std::string>() : "";
    if (next.name.empty()) pr.Add("name", b["name"].dump(), "required");
  }
  if (b.contains("metrics") || b.contains("warning")) {
    const json current = json::parse(s->definition);
    const json merged = {{"metrics", b.value("metrics", current["metrics"])}, {"warning", b.value("warning", current["warning"])}};
    next.definition = DefinitionOf(merged, next.name, pr);
  }
  if (!pr.empty()) return pr.ToError("the ranking scheme is not valid");
  if (s->archived) return Error::Conflict("the ranking scheme is archived");
  if (b["version"].get<int64_t>() != s->version) {
    Error e = Error::Conflict("the scheme was changed by someone else (version " + std::to_string(s->version) + ")");
    e.extra["current"] = SchemeView(s.value());
    return e;
  }
  return SaveScheme(*c, tx, ctx, s.value(), std::move(next), "update");
}

Result<json> RankingService::ArchiveScheme(const Ctx& ctx, int64_t id, const json& b) {
  if (auto v = VersionOf(b); !v) return v.error();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto s = LoadScheme(*c, ctx, id);
  if (!s) return s.error();
  if (!Manages(ctx, s->region_code)) return Error::Forbidden("you may not archive this ranking scheme");
  if (s->archived) return Error::Conflict("the ranking scheme is archived already");
  if (b["version"].get<int64_t>() != s->version) {
    Error e = Error::Conflict("the scheme was changed by someone else (version " + std::to_string(s->version) + ")");
    e.extra["current"] = SchemeView(s.value());
    return e;
  }
  store::SchemeRecord next = s.value();
  next.archived = true;
  return SaveScheme(*c, tx, ctx, s.value(), std::move(next), "archive");
}

Result<json> RankingService::SaveScheme(store::Connection& c, store::Transaction& tx, const Ctx& ctx,
                                        const store::SchemeRecord& old, store::SchemeRecord next, const std::string& action) {
  next.version = old.version + 1;
  next.updated_at = ctx.now;
  try {
    if (!store::UpdateScheme(c, next, old.version)) return Error::Conflict("the scheme was changed by someone else");
  } catch (const store::DbError& e) {
    if (e.kind() != store::DbError::Kind::kUniqueViolation) throw;
    return Error::Conflict("a ranking scheme with this name already exists in this region");
  }
  store::WriteJournal(c, "ranking_scheme", next.id, action, ctx.caller.user_id, ctx.now, SchemeChanges(old, next));
  tx.Commit();
  return SchemeView(next);
}

Result<json> RankingService::GetScheme(const Ctx& ctx, int64_t id) {
  auto c = db_.Acquire();
  auto s = LoadScheme(*c, ctx, id);
  if (!s) return s.error();
  json v = SchemeView(s.value());
  v["can_manage"] = Manages(ctx, s->region_code);
  // Who this year's run would rank, with their projects (a subject without projects is left out of
  // a run with ledger metrics unless it is given manual figures).
  v["subjects"] = json::array();
  for (const auto& [name, projects] : Subjects(*c, ctx, s.value(), ctx.today.year).projects) {
    v["subjects"].push_back({{"name", name}, {"projects", projects.size()}});
  }
  return v;
}

RankingService::SubjectSet RankingService::Subjects(store::Connection& c, const Ctx& ctx, const store::SchemeRecord& s, int year) {
  // The subjects: every town or department of the region (an empty one still appears, with no
  // projects), or every chain named on its projects.
  SubjectSet out;
  auto tree = ledger_.Regions();
  std::map<std::string, std::string> town_name;
  if (s.subject_kind == "town") {
    for (const auto& r : tree->all()) {
      if (r.parent_code == s.region_code && (r.level == "town" || r.level == "zone")) {
        town_name[r.code] = r.name;
        out.projects[r.name];
      }
    }
  } else if (s.subject_kind == "department") {
    for (const auto& r : c.Query("SELECT id, name FROM units WHERE region_code = ? AND kind = 'department' AND archived = 0", {s.region_code}).rows) {
      out.unit_name[store::AsInt(r[0])] = store::AsText(r[1]);
      out.projects[store::AsText(r[1])];
    }
  }
  store::ProjectFilter f;
  f.year = year;
  auto rows = ledger_.ListInRegion(ctx, f, s.region_code);
  if (rows) {
    for (const auto& row : rows.value()) {
      const auto& p = row.project;
      if (s.subject_kind == "town" && p.town_code && town_name.count(*p.town_code)) out.projects[town_name[*p.town_code]].push_back(p);
      if (s.subject_kind == "department" && p.unit_id && out.unit_name.count(*p.unit_id)) out.projects[out.unit_name[*p.unit_id]].push_back(p);
      if (s.subject_kind == "chain" && !p.chain.empty()) out.projects[p.chain].push_back(p);
    }
  }
  return out;
}

std::map<std::string, std::map<std::string, double>> RankingService::LedgerFigures(
    store::Connection& c, const Ctx& ctx, const store::SchemeRecord& s, const as::Scheme& scheme, const Date& period_start,
    const Date& as_of) {
  auto tree = ledger_.Regions();
  SubjectSet subjects = Subjects(c, ctx, s, as_of.year);
  const auto& by_subject = subjects.projects;
  auto& unit_name = subjects.unit_name;
  auto wants = [&](as::MetricKind k) {
    return std::any_of(scheme.metrics.begin(), scheme.metrics.end(), [k](const as::Metric& m) { return m.kind == k; });
  };
  std::map<int64_t, std::string> subject_of_project;
  for (const auto& [subject, projects] : by_subject) {
    for (const auto& p : projects) subject_of_project[p.id] = subject;
  }
  // Problems: by their project's town or chain, or by the unit responsible for solving them.
  std::map<std::string, std::vector<supervision::ProblemFact>> problems_of;
  if (wants(as::MetricKind::kProblemsClosedOnTime)) {
    for (auto& f : store::ListProblemFacts(c, tree->Subtree(s.region_code))) {
      if (s.subject_kind == "department") {
        if (f.unit_id && unit_name.count(*f.unit_id)) problems_of[unit_name[*f.unit_id]].push_back(std::move(f));
      } else if (auto it = subject_of_project.find(f.project_id); it != subject_of_project.end()) {
        problems_of[it->second].push_back(std::move(f));
      }
    }
  }
  // Report tasks due in the period: by their project's town, chain or responsible department (the
  // unit that files the project's reports).
  std::map<std::string, std::vector<supervision::ReportFact>> reports_of;
  if (wants(as::MetricKind::kReportsOnTime)) {
    for (auto& f : store::ListReportFacts(c, tree->Subtree(s.region_code), period_start, as_of)) {
      if (auto it = subject_of_project.find(f.project_id); it != subject_of_project.end()) reports_of[it->second].push_back(std::move(f));
    }
  }
  std::map<std::string, std::map<std::string, double>> out;
  for (const auto& [subject, projects] : by_subject) {
    auto& values = out[subject];
    for (const auto& m : scheme.metrics) {
      if (m.kind == as::MetricKind::kStartRate) {
        // Nothing had to start: nothing is late, the rate counts as met.
        values[m.id] = targets::StartRate(projects, as_of).value().value_or(1.0);
      } else if (m.kind == as::MetricKind::kInvestmentRate) {
        int64_t plan = 0, done = 0;
        for (const auto& p : projects) {
          plan += p.annual_plan.value_or(0);
          done += p.annual_completed.value_or(0);
        }
        values[m.id] = plan > 0 ? static_cast<double>(done) / static_cast<double>(plan) : 1.0;
      } else if (m.kind == as::MetricKind::kProblemsClosedOnTime) {
        // No problem was due: nothing was late.
        values[m.id] = as::ProblemsClosedOnTime(problems_of[subject], as_of).value().value_or(1.0);
      } else if (m.kind == as::MetricKind::kReportsOnTime) {
        // No report was due: nothing was late.
        values[m.id] = as::ReportsOnTime(reports_of[subject], period_start, as_of).value().value_or(1.0);
      }
    }
    if (projects.empty()) values["__projects"] = 0;
    else values["__projects"] = static_cast<double>(projects.size());
  }
  return out;
}

Result<json> RankingService::Compute(const Ctx& ctx, int64_t scheme_id, const json& b) {
  if (!b.is_object()) return Error::BadRequest("the body must be a JSON object");
  auto c = db_.Acquire();
  auto s = LoadScheme(*c, ctx, scheme_id);
  if (!s) return s.error();
  if (!Manages(ctx, s->region_code)) return Error::Forbidden("you may not compute this ranking");
  if (s->archived) return Error::Conflict("the ranking scheme is archived; its runs stay readable");
  Problems pr;
  const auto period = PeriodFrom(b.value("period", "month"));
  if (!period) pr.Add("period", b.value("period", ""), "must be month, quarter or year");
  const std::string label = b.value("period_label", "");
  std::optional<Date> end = period ? PeriodEnd(*period, label) : std::nullopt;
  if (period && !end) pr.Add("period_label", label, "like 2026-03 (month), 2026-Q1 (quarter) or 2026 (year)");
  std::optional<Date> as_of = end;
  if (b.contains("as_of")) {
    as_of = ParseIsoDate(b.value("as_of", ""));
    if (!as_of) pr.Add("as_of", b["as_of"].dump(), "a date like 2026-06-30");
  }
  if (as_of && *as_of > ctx.today) as_of = ctx.today;  // figures cannot be known beyond today
  if (!pr.empty()) return pr.ToError("cannot compute the ranking");
  const as::Scheme scheme = SchemeFrom(s.value());
  const json def = json::parse(s->definition);
  auto ledger_figures = LedgerFigures(*c, ctx, s.value(), scheme, PeriodStart(*period, *end), *as_of);
  const json manual = b.value("manual", json::object());
  const bool uses_ledger = std::any_of(scheme.metrics.begin(), scheme.metrics.end(), [](const as::Metric& m) { return FromLedger(m.kind); });
  std::vector<as::SubjectFigures> figures;
  json figures_json = json::object();
  std::set<std::string> subjects;
  for (const auto& [subject, v] : ledger_figures) subjects.insert(subject);
  if (manual.is_object()) for (const auto& [subject, v] : manual.items()) subjects.insert(subject);
  for (const auto& subject : subjects) {
    auto lf = ledger_figures.find(subject);
    if (lf == ledger_figures.end() && uses_ledger) {
      pr.Add("manual." + subject, subject, "not a " + s->subject_kind + " of this region");
      continue;
    }
    // A subject without projects has nothing to be ranked on by ledger metrics: left out.
    if (uses_ledger && lf->second.at("__projects") == 0 && !(manual.is_object() && manual.contains(subject))) continue;
    as::SubjectFigures sf;
    sf.subject = subject;
    for (const auto& m : scheme.metrics) {
      if (FromLedger(m.kind)) {
        sf.values[m.id] = lf->second.at(m.id);
        continue;
      }
      const json v = manual.is_object() && manual.contains(subject) ? manual[subject].value(m.id, json()) : json();
      if (!IsNumber(v) || v.get<double>() < 0) pr.Add("manual." + subject + "." + m.id, v.dump(), "a number ≥ 0 is required for every subject");
      else sf.values[m.id] = v.get<double>();
    }
    for (const auto& [k, v] : sf.values) figures_json[subject][k] = Round6(v);
    figures.push_back(std::move(sf));
  }
  if (!pr.empty()) return pr.ToError("cannot compute the ranking");

  store::Transaction tx(*c);
  auto stored = store::ListRuns(*c, scheme_id);
  // The previous run: the latest published version of the closest earlier period of this kind.
  const store::RunRecord* prev = nullptr;
  for (const auto& r : stored) {
    if (r.period != PeriodName(*period) || !r.published || r.period_label >= label) continue;
    if (!prev || r.period_label > prev->period_label || (r.period_label == prev->period_label && r.run_version > prev->run_version)) prev = &r;
  }
  as::RankingRun previous;
  if (prev) previous = RunFrom(*prev, s->name);
  std::vector<as::RankingRun> domain_runs;
  for (const auto& r : stored) domain_runs.push_back(RunFrom(r, s->name));
  const int next_version = as::NextVersion(domain_runs, s->name, label);
  auto run = as::ComputeRun(scheme, *period, label, next_version, figures, prev ? &previous : nullptr);
  if (!run) return run.error();
  json entries = json::array();
  for (const auto& e : run->entries) entries.push_back(EntryJson(e));
  // The definition the run was computed with: a later edit of the scheme does not relabel it.
  json body = {{"entries", entries}, {"figures", figures_json}, {"previous_run_id", prev ? json(prev->id) : json(nullptr)},
               {"definition", def}};
  // The latest stored version of this period: replaced while a draft, kept once published.
  const store::RunRecord* latest = nullptr;
  for (const auto& r : stored) if (r.period_label == label && (!latest || r.run_version > latest->run_version)) latest = &r;
  store::RunRecord rec;
  if (latest && !latest->published) {
    as::RankingRun draft = RunFrom(*latest, s->name);
    if (auto st = as::Replace(draft, run.value()); !st) return st.error();
    rec = *latest;
    rec.as_of = as_of->ToString();
    rec.body = body.dump();
    rec.version = latest->version + 1;
    rec.computed_at = ctx.now;
    if (!store::UpdateRun(*c, rec, latest->version)) return Error::Conflict("the run was changed by someone else");
    store::WriteJournal(*c, "ranking_run", rec.id, "recompute", ctx.caller.user_id, ctx.now,
                        json::array({{{"field", "entries"}, {"old", json::parse(latest->body)["entries"]}, {"new", entries}}}));
  } else {
    rec.scheme_id = scheme_id;
    rec.period = PeriodName(*period);
    rec.period_label = label;
    rec.run_version = next_version;
    rec.as_of = as_of->ToString();
    rec.body = body.dump();
    rec.computed_at = ctx.now;
    rec.id = store::InsertRun(*c, rec);
    store::WriteJournal(*c, "ranking_run", rec.id, "compute", ctx.caller.user_id, ctx.now,
                        json::array({{{"field", "entries"}, {"old", nullptr}, {"new", entries}}}));
  }
  tx.Commit();
  return RunView(rec, s->name);
}

Result<json> RankingService::ListRuns(const Ctx& ctx, int64_t scheme_id) {
  auto c = db_.Acquire();
  auto s = LoadScheme(*c, ctx, scheme_id);
  if (!s) return s.error();
  json items = json::array();
  for (const auto& r : store::ListRuns(*c, scheme_id)) items.push_back(RunView(r, s->name));
  return json{{"items", items}};
}

Result<json> RankingService::GetRun(const Ctx& ctx, int64_t run_id) {
  auto c = db_.Acquire();
  auto r = store::LoadRun(*c, run_id);
  if (!r) return Error::NotFound("no ranking run " + std::to_string(run_id));
  auto s = LoadScheme(*c, ctx, r->scheme_id);
  if (!s) return Error::NotFound("no ranking run " + std::to_string(run_id));
  json v = RunView(r.value(), s->name);
  store::SchemeRecord as_computed = s.value();
  const json body = json::parse(r->body);
  if (body.contains("definition")) as_computed.definition = body["definition"].dump();  // runs before 2026-11 lack it
  v["scheme"] = SchemeView(as_computed);
  return v;
}

Result<json> RankingService::Publish(const Ctx& ctx, int64_t run_id, const json& b) {
  if (auto v = VersionOf(b); !v) return v.error();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto r = store::LoadRun(*c, run_id);
  if (!r) return Error::NotFound("no ranking run " + std::to_string(run_id));
  auto s = LoadScheme(*c, ctx, r->scheme_id);
  if (!s) return Error::NotFound("no ranking run " + std::to_string(run_id));
  if (!Manages(ctx, s->region_code)) return Error::Forbidden("you may not publish this ranking");
  if (b["version"].get<int64_t>() != r->version) {
    Error e = Error::Conflict("the run was recomputed by someone else (version " + std::to_string(r->version) + ")");
    e.extra["current"] = RunView(r.value(), s->name);
    return e;
  }
  as::RankingRun run = RunFrom(r.value(), s->name);
  if (auto st = as::PublishRun(run); !st) return Error::Conflict("the run is already published and frozen");
  store::RunRecord next = r.value();
  next.published = true;
  next.published_at = ctx.now;
  next.version = r->version + 1;
  if (!store::UpdateRun(*c, next, r->version)) return Error::Conflict("the run was changed by someone else");
  store::WriteJournal(*c, "ranking_run", run_id, "publish", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", "published"}, {"old", false}, {"new", true}}}));
  tx.Commit();
  return RunView(next, s->name);
}

Result<Bulletin> RankingService::MakeBulletin(const Ctx& ctx, int64_t run_id, const std::string& format) {
  if (format != "xlsx" && format != "pdf") return Error::BadRequest("format must be xlsx or pdf");
  auto run = GetRun(ctx, run_id);
  if (!run) return run.error();
  const json& v = run.value();
  io::BulletinData d;
  d.title = v["scheme_name"].get<std::string>() + " " + v["period_label"].get<std::string>() + " 通报";
  d.subtitle = "截至 " + v["as_of"].get<std::string>() + " · 第 " + std::to_string(v["run_version"].get<int>()) + " 版 · " +
               (v["published"].get<bool>() ? "已发布" : "草稿（未发布）");
  std::vector<std::string> ids;
  for (const auto& m : v["scheme"]["metrics"]) {
    ids.push_back(m["id"]);
    d.metric_labels.push_back(m["label"]);
  }
  for (const auto& e : v["entries"]) {
    io::BulletinRow row;
    row.rank = e["rank"];
    row.subject = e["subject"];
    row.score = e["score"];
    for (const auto& id : ids) row.metric_scores.push_back(e["metric_scores"].value(id, 0.0));
    row.completion = e["completion"];
    row.movement = e["movement_label"];
    row.light = e["light"] == "red" ? "红牌" : e["light"] == "yellow" ? "黄牌" : "";
    d.rows.push_back(std::move(row));
  }
  Bulletin b;
  const std::string base = v["scheme_name"].get<std::string>() + "-" + v["period_label"].get<std::string>() + "-v" +
                           std::to_string(v["run_version"].get<int>());
  if (format == "xlsx") {
    b.bytes = io::BulletinXlsx(d);
    b.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  } else {
    b.bytes = io::BulletinPdf(d);
    b.content_type = "application/pdf";
  }
  b.filename = base + "." + format;
  return b;
}

}  // namespace gj::service

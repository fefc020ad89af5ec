#include "service/assessment/ranking_service.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "common/enum_names.h"
#include "common/json_field.h"
#include "common/json_limits.h"
#include "domain/assessment/supervision_figures.h"
#include "domain/targets/start_rate.h"
#include "io/ranking_bulletin.h"
#include "service/assessment/ranking_support.h"
#include "service/unique_write.h"
#include "store/journal.h"
#include "store/progress_store.h"
#include "store/supervision_store.h"
#include "store/table.h"

namespace gj::service {

using nlohmann::json;
namespace as = assessment;

namespace ranking_support {

struct KindName {
  as::MetricKind kind;
  const char* name;
  const char* label;
  const char* source;  // ledger | supervision | chain (链长制: chain subjects only) | manual
};
// Policy as data: metric kinds, their API names, bulletin labels and where their figures come from
// (docs/assessment.md gives the formula of each).
constexpr KindName kKinds[] = {
    {as::MetricKind::kStartRate, "start_rate", "开工率", "ledger"},
    {as::MetricKind::kInvestmentRate, "investment_rate", "投资完成率", "ledger"},
    {as::MetricKind::kProblemsClosedOnTime, "problems_closed_on_time", "问题按期销号率", "supervision"},
    {as::MetricKind::kReportsOnTime, "reports_on_time", "按时报送率", "supervision"},
    {as::MetricKind::kManual, "manual", "评议得分", "manual"},
    {as::MetricKind::kChainProjects, "chain_projects", "链上项目数", "chain"},
    {as::MetricKind::kChainInvestment, "chain_investment", "链上项目完成投资", "chain"},
    {as::MetricKind::kLeadsSigned, "leads_signed", "签约线索数", "chain"},
    {as::MetricKind::kProblemsNotOverdue, "problems_not_overdue", "问题未逾期率", "chain"},
    {as::MetricKind::kChainReportsOnTime, "chain_reports_on_time", "链长周报按时率", "chain"},
    {as::MetricKind::kChainVisits, "chain_visits", "巡链诊链次数", "chain"},
};

// Policy as data: who a scheme ranks, and the level of region it is set up for ("" any). Chains
// are the 链长制 chains (table chains) of the scheme's region and below. A subject kind added later
// adds a row here and its listing in Subjects().
constexpr SubjectKind kSubjectKinds[] = {
    {"town", "", "镇街"},
    {"department", "", "部门"},
    {"chain", "", "产业链"},
    {"county", "city", "县市区"},
};

const SubjectKind* SubjectKindOf(const std::string& name) {
  for (const auto& k : kSubjectKinds)
    if (name == k.name) return &k;
  return nullptr;
}

std::optional<as::MetricKind> KindFrom(const std::string& s) {
  for (const auto& k : kKinds)
    if (s == k.name) return k.kind;
  return std::nullopt;
}
const char* SourceOf(as::MetricKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.source;
  return "manual";
}
// Computed metrics: start and investment rate from the ledger, problems closed on time and reports
// on time from supervision (its problem list and its progress reports), a chain's from its 链长制
// figures. Only manual scores come with the run request.
bool FromLedger(as::MetricKind k) { return std::string_view(SourceOf(k)) != "manual"; }
bool FromSupervision(as::MetricKind k) { return std::string_view(SourceOf(k)) == "supervision"; }

// The names runs store and the API answers; an unknown stored movement reads as new, an unknown
// light as none.
constexpr EnumName<as::Period> kPeriodNames[] = {
    {as::Period::kMonth, "month"}, {as::Period::kQuarter, "quarter"}, {as::Period::kYear, "year"}};
constexpr EnumName<as::Movement> kMovementNames[] = {{as::Movement::kNew, "new"},
                                                     {as::Movement::kUp, "up"},
                                                     {as::Movement::kDown, "down"},
                                                     {as::Movement::kSame, "same"},
                                                     {as::Movement::kNone, "none"}};
constexpr EnumName<as::Light> kLightNames[] = {
    {as::Light::kNone, "none"}, {as::Light::kRed, "red"}, {as::Light::kYellow, "yellow"}};

const char* PeriodName(as::Period p) { return NameOf(kPeriodNames, p); }
std::optional<as::Period> PeriodFrom(const std::string& s) { return ValueOf(kPeriodNames, s); }
const char* MovementName(as::Movement m) { return NameOf(kMovementNames, m); }
as::Movement MovementFrom(const std::string& s) {
  return ValueOf(kMovementNames, s).value_or(as::Movement::kNew);
}
const char* LightName(as::Light l) { return NameOf(kLightNames, l); }
as::Light LightFrom(const std::string& s) { return ValueOf(kLightNames, s).value_or(as::Light::kNone); }

bool IsNumber(const json& j) { return j.is_number() && std::isfinite(j.get<double>()); }
double Round6(double v) { return std::round(v * 1e6) / 1e6; }

json MetricsFrom(const json& b, const std::string& subject_kind, Problems& pr) {
  json out = json::array();
  if (!b.contains("metrics") || !b["metrics"].is_array() || b["metrics"].empty()) {
    pr.Add("metrics", "", "at least one metric");
    return out;
  }
  for (size_t i = 0; i < b["metrics"].size(); ++i) {
    const json& m = b["metrics"][i];
    const std::string f = "metrics[" + std::to_string(i) + "]";
    if (!m.is_object()) {
      pr.Add(f, BoundedDump(m), "must be an object");
      continue;
    }
    const std::string kind = m.value("kind", "manual");
    const auto k = KindFrom(kind);
    if (!k) pr.Add(f + ".kind", kind, "not a metric kind");
    else if (std::string_view(SourceOf(*k)) == "chain" && subject_kind != "chain")
      pr.Add(f + ".kind", kind, "a chain metric ranks chains only");
    const std::string scoring = m.value("scoring", "ratio");
    if (scoring != "ratio" && scoring != "rank") pr.Add(f + ".scoring", scoring, "must be ratio or rank");
    json x = {
        {"id", m.value("id", kind)}, {"kind", kind}, {"label", m.value("label", "")}, {"scoring", scoring}};
    for (auto [key, def] : {std::pair{"weight", 0.0}, std::pair{"target", 1.0}, std::pair{"cap", 1.0},
                            std::pair{"step", 3.0}}) {
      const json v = m.value(key, json(def));
      if (!IsNumber(v)) pr.Add(f + "." + key, BoundedDump(v), "must be a number");
      else x[key] = v.get<double>();
    }
    out.push_back(x);
  }
  return out;
}

std::string LabelOf(const json& m) {
  const std::string label = m.value("label", "");
  if (!label.empty()) return label;
  for (const auto& k : kKinds)
    if (m.value("kind", "") == k.name) return k.label;
  return m.value("id", "");
}

json EntryJson(const as::RunEntry& e) {
  json scores = json::object();
  for (const auto& [k, v] : e.metric_scores) scores[k] = Round6(v);
  return {{"subject", e.subject},
          {"score", Round6(e.score)},
          {"rank", e.rank},
          {"metric_scores", scores},
          {"not_applicable", e.not_applicable},
          {"completion", Round6(e.completion)},
          {"movement", MovementName(e.movement)},
          {"movement_label", as::MovementLabel(e)},
          {"places_moved", e.places_moved},
          {"light", LightName(e.light)},
          {"yellow_streak", e.yellow_streak}};
}

RankingRunView RunViewOf(const store::RunRecord& r, const std::string& scheme_name) {
  const json body = ParseStoredJson(r.body);
  RankingRunView v{r,
                   scheme_name,
                   {},
                   RunFrom(r, scheme_name).entries,
                   body.value("figures", decltype(RankingRunView::figures){})};
  // The metrics the run was scored on (its own definition; runs stored before it was kept: none).
  if (body.contains("definition")) {
    for (const auto& m : body["definition"]["metrics"]) v.metrics.push_back({m["id"], LabelOf(m)});
  }
  if (body.contains("subject_details") && body["subject_details"].is_object()) {
    for (const auto& [name, d] : body["subject_details"].items())
      v.subject_details[name] = {d.value("chain_id", int64_t{0}), d.value("chief_leader", ""),
                                 d.value("leader", "")};
  }
  return v;
}

}  // namespace ranking_support

using namespace ranking_support;

namespace {
const char* const kDuplicateScheme = "a ranking scheme with this name already exists in this region";
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

as::Scheme SchemeFrom(const store::SchemeRecord& s) {
  const json d = ParseStoredJson(s.definition);
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
  const json body = ParseStoredJson(r.body);
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
    if (e.contains("not_applicable"))  // runs stored before 2026-12 gave full marks instead
      for (const auto& id : e["not_applicable"]) x.not_applicable.insert(id.get<std::string>());
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
std::string DefinitionOf(const json& b, const std::string& name, const std::string& subject_kind,
                         Problems& pr) {
  const size_t before = pr.size();
  json def = {{"metrics", MetricsFrom(b, subject_kind, pr)}};
  const json w = b.value("warning", json::object());
  const json yellow = w.is_object() ? w.value("yellow_below", json(0.6)) : json(),
             red = w.is_object() ? w.value("red_after", json(2)) : json();
  if (!IsNumber(yellow) || yellow.get<double>() < 0 || !red.is_number_integer() || red.get<int64_t>() < 1) {
    pr.Add("warning", BoundedDump(w), "yellow_below ≥ 0, red_after ≥ 1");
  } else {
    def["warning"] = {{"yellow_below", yellow.get<double>()}, {"red_after", red.get<int>()}};
  }
  if (pr.size() != before) return "";
  store::SchemeRecord s;
  s.name = name;
  s.definition = def.dump();
  auto check = as::ComputeRun(SchemeFrom(s), as::Period::kMonth, "check", 1, {}, nullptr);
  if (!check)
    for (const auto& d : check.error().details) pr.Add(d);
  return s.definition;
}

// The {field, old, new} list of what differs between two states of a scheme.
json SchemeChanges(const store::SchemeRecord& a, const store::SchemeRecord& b) {
  json changes = json::array();
  if (a.name != b.name) changes.push_back({{"field", "name"}, {"old", a.name}, {"new", b.name}});
  if (a.definition != b.definition)
    changes.push_back({{"field", "definition"}, {"old", a.definition}, {"new", b.definition}});
  if (a.archived != b.archived)
    changes.push_back({{"field", "archived"}, {"old", a.archived}, {"new", b.archived}});
  return changes;
}

}  // namespace

Result<store::SchemeRecord> RankingService::LoadScheme(store::Connection& c, const Ctx& ctx, int64_t id) {
  return grants_.Visible(ctx, store::LoadScheme(c, id), "ranking scheme", id);
}

RankingSchemeView RankingService::SchemeView(const store::SchemeRecord& s) {
  const json d = ParseStoredJson(s.definition);
  const auto* region = ledger_.Regions()->Find(s.region_code);
  RankingSchemeView v{s, region ? region->name : "", {}, {}};
  for (const auto& m : d["metrics"]) {
    const auto kind = KindFrom(m["kind"]).value_or(as::MetricKind::kManual);
    v.metrics.push_back({m["id"], m["kind"], LabelOf(m), m["scoring"], m["weight"], m["target"], m["cap"],
                         m["step"], SourceOf(kind)});
  }
  v.warning = SchemeFrom(s).warning;
  return v;
}

Result<RankingSchemeList> RankingService::ListSchemes(const Ctx& ctx, bool include_archived) {
  auto c = db_.Acquire();
  RankingSchemeList out;
  for (const auto& s : store::ListSchemes(*c)) {
    if (grants_.Sees(ctx, s.region_code) && (include_archived || !s.archived))
      out.items.push_back(SchemeView(s));
  }
  return out;
}

Result<RankingSchemeView> RankingService::CreateScheme(const Ctx& ctx, const json& b) {
  const Status allowed = CheckWrite(ctx, access::kRankingManage, "you may not set up rankings", b);
  if (!allowed) return allowed.error();
  Problems pr;
  store::SchemeRecord s;
  s.name = b.value("name", "");
  if (s.name.empty()) pr.Add("name", "", "required");
  s.region_code = b.value("region_code", "");
  const auto* region = ledger_.Regions()->Find(s.region_code);
  if (!region) pr.Add("region_code", s.region_code, "unknown region");
  else if (!grants_.Manages(ctx, s.region_code))
    pr.Add("region_code", s.region_code, "you may not set up rankings there");
  s.subject_kind = b.value("subject_kind", "town");
  const SubjectKind* kind = SubjectKindOf(s.subject_kind);
  if (!kind) {
    pr.Add("subject_kind", s.subject_kind, "must be town, department, chain or county");
  } else if (region && *kind->region_level && region->level != kind->region_level) {
    pr.Add("subject_kind", s.subject_kind, "counties are ranked by a scheme of their city");
  }
  s.definition = DefinitionOf(b, s.name, s.subject_kind, pr);
  if (!pr.empty()) return pr.ToError("the ranking scheme is not valid");
  s.created_at = s.updated_at = ctx.now;
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto id = UniqueWrite([&] { return store::InsertScheme(*c, s); }, kDuplicateScheme);
  if (!id) return id.error();
  s.id = *id;
  store::WriteJournal(*c, "ranking_scheme", s.id, "create", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", "definition"}, {"old", nullptr}, {"new", s.definition}}}));
  tx.Commit();
  return SchemeView(s);
}

Result<RankingSchemeView> RankingService::UpdateScheme(const Ctx& ctx, int64_t id, const json& b) {
  if (!b.is_object()) return Error::BadRequest("the body must be a JSON object");
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto s = grants_.Managed(ctx, LoadScheme(*c, ctx, id), "you may not change this ranking scheme");
  if (!s) return s.error();
  Problems pr;
  if (!b.contains("version") || !b["version"].is_number_integer()) pr.Add("version", "", "required integer");
  // Who is ranked is what makes runs comparable: a different region or kind is a new scheme.
  if (b.contains("region_code") && b["region_code"] != s->region_code) {
    pr.Add("region_code", BoundedDump(b["region_code"]), "cannot change; create a new scheme");
  }
  if (b.contains("subject_kind") && b["subject_kind"] != s->subject_kind) {
    pr.Add("subject_kind", BoundedDump(b["subject_kind"]), "cannot change; create a new scheme");
  }
  store::SchemeRecord next = s.value();
  if (b.contains("name")) {
    next.name = b["name"].is_string() ? b["name"].get<std::string>() : "";
    if (next.name.empty()) pr.Add("name", BoundedDump(b["name"]), "required");
  }
  if (b.contains("metrics") || b.contains("warning")) {
    const json current = ParseStoredJson(s->definition);
    const json merged = {{"metrics", b.value("metrics", current["metrics"])},
                         {"warning", b.value("warning", current["warning"])}};
    next.definition = DefinitionOf(merged, next.name, s->subject_kind, pr);
  }
  if (!pr.empty()) return pr.ToError("the ranking scheme is not valid");
  if (s->archived) return Error::Conflict("the ranking scheme is archived");
  if (b["version"].get<int64_t>() != s->version) return store::StaleVersion("ranking scheme", s->version);
  return SaveScheme(*c, tx, ctx, s.value(), std::move(next), "update");
}

Result<RankingSchemeView> RankingService::ArchiveScheme(const Ctx& ctx, int64_t id, const json& b) {
  if (auto v = VersionOf(b); !v) return v.error();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto s = grants_.Managed(ctx, LoadScheme(*c, ctx, id), "you may not archive this ranking scheme");
  if (!s) return s.error();
  if (s->archived) return Error::Conflict("the ranking scheme is archived already");
  if (b["version"].get<int64_t>() != s->version) return store::StaleVersion("ranking scheme", s->version);
  store::SchemeRecord next = s.value();
  next.archived = true;
  return SaveScheme(*c, tx, ctx, s.value(), std::move(next), "archive");
}

Result<RankingSchemeView> RankingService::SaveScheme(store::Connection& c, store::Transaction& tx,
                                                     const Ctx& ctx, const store::SchemeRecord& old,
                                                     store::SchemeRecord next, const std::string& action) {
  next.version = old.version + 1;
  next.updated_at = ctx.now;
  auto updated = UniqueWrite([&] { return store::UpdateScheme(c, next, old.version); }, kDuplicateScheme);
  if (!updated) return updated.error();
  if (!*updated) return updated->error();
  store::WriteJournal(c, "ranking_scheme", next.id, action, ctx.caller.user_id, ctx.now,
                      SchemeChanges(old, next));
  tx.Commit();
  return SchemeView(next);
}

Result<RankingSchemeDetail> RankingService::GetScheme(const Ctx& ctx, int64_t id) {
  auto c = db_.Acquire();
  auto s = LoadScheme(*c, ctx, id);
  if (!s) return s.error();
  RankingSchemeDetail v{SchemeView(s.value()), grants_.Manages(ctx, s->region_code), {}};
  // Who this year's run would rank, with their projects (a subject without projects is left out of
  // a run with ledger metrics unless it is given manual figures).
  const SubjectSet set = Subjects(*c, ctx, s.value(), ctx.today.year);
  for (const auto& [name, projects] : set.projects) {
    RankingSchemeDetail::Subject x{name, projects.size(), "", ""};
    if (auto d = set.details.find(name); d != set.details.end()) {
      x.chief_leader = d->second.chief_leader;
      x.leader = d->second.leader;
    }
    v.subjects.push_back(std::move(x));
  }
  return v;
}

}  // namespace gj::service

#include "service/assessment/ranking_service.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "common/json_field.h"
#include "common/json_limits.h"
#include "common/money.h"
#include "domain/assessment/chain_metrics.h"
#include "domain/assessment/supervision_figures.h"
#include "domain/targets/start_rate.h"
#include "io/ranking_bulletin.h"
#include "service/assessment/ranking_support.h"
#include "store/chain_store.h"
#include "store/journal.h"
#include "store/org_store.h"
#include "store/progress_store.h"
#include "store/supervision_store.h"

namespace gj::service {

using nlohmann::json;
namespace as = assessment;
using namespace ranking_support;

namespace {
// The first day of the period that ends on `end` (a month, a quarter or a year).
Date PeriodStart(as::Period period, const Date& end) {
  if (period == as::Period::kYear) return {end.year, 1, 1};
  if (period == as::Period::kQuarter) return {end.year, end.month - 2, 1};
  return {end.year, end.month, 1};
}
}  // namespace

RankingService::SubjectSet RankingService::Subjects(store::Connection& c, const Ctx& ctx,
                                                    const store::SchemeRecord& s, int year) {
  // The subjects: every town or department of the region, every county of a city, or every 链长制
  // chain of the region and below (an empty one still appears, with no projects). A new subject
  // kind adds its row to kSubjectKinds (ranking_service.cpp), its listing here and its project →
  // subject rule below.
  SubjectSet out;
  auto tree = ledger_.Regions();
  std::map<std::string, std::string> region_name;   // town or county code → subject name
  std::map<int64_t, std::string> chain_of_project;  // project id → chain subject
  if (s.subject_kind == "town" || s.subject_kind == "county") {
    for (const auto& r : tree->all()) {
      const bool child = r.parent_code == s.region_code;
      const bool fits =
          s.subject_kind == "county" ? r.level == "county" : r.level == "town" || r.level == "zone";
      if (child && fits) {
        region_name[r.code] = r.name;
        out.projects[r.name];
      }
    }
  } else if (s.subject_kind == "department") {
    for (const auto& u : store::ListUnits(c, access::ReadScope::All().Within(s.region_code, *tree))) {
      if (u.kind != "department" || u.region_code != s.region_code) continue;  // the region's own departments
      out.unit_name[u.id] = u.name;
      out.projects[u.name];
    }
  } else if (s.subject_kind == "chain") {
    // Chains by chains.id, named by their name; a chain of a county below the scheme's region by
    // county and name (东阿县·阿胶), so a city's ranking of chains keeps names apart. Archived
    // chains are not ranked.
    const auto people = store::PersonNames(c, kChainRefs);
    auto name_of = [&](const std::optional<int64_t>& id) {
      auto it = id ? people.find(*id) : people.end();
      return it == people.end() ? std::string() : it->second;
    };
    for (auto& ch : store::ListChains(c, access::ReadScope::All().Within(s.region_code, *tree))) {
      std::string name = ch.name;
      if (ch.region_code != s.region_code) {
        const auto* r = tree->Find(ch.region_code);
        name = (r ? r->name : ch.region_code) + "·" + ch.name;
      }
      for (const int64_t id : store::ChainProjectIds(c, ch.id)) chain_of_project[id] = name;
      out.details[name] = {ch.id, name_of(ch.chief_leader_id), name_of(ch.leader_id)};
      out.projects[name];
      out.chain.emplace(name, std::move(ch));
    }
  }
  store::ProjectFilter f;
  f.year = year;
  auto rows = ledger_.ListInRegion(ctx, f, s.region_code);
  if (rows) {
    for (const auto& row : rows.value()) {
      const auto& p = row.project;
      if (s.subject_kind == "town" && p.town_code && region_name.count(*p.town_code))
        out.projects[region_name[*p.town_code]].push_back(p);
      if (s.subject_kind == "county" && region_name.count(p.county_code))
        out.projects[region_name[p.county_code]].push_back(p);
      if (s.subject_kind == "department" && p.unit_id && out.unit_name.count(*p.unit_id))
        out.projects[out.unit_name[*p.unit_id]].push_back(p);
      if (s.subject_kind == "chain")
        if (auto it = chain_of_project.find(p.id); it != chain_of_project.end())
          out.projects[it->second].push_back(p);
    }
  }
  return out;
}

std::map<std::string, RankingService::ComputedFigures> RankingService::LedgerFigures(
    store::Connection& c, const Ctx& ctx, const store::SchemeRecord& s, const as::Scheme& scheme,
    const Date& period_start, const Date& as_of) {
  auto tree = ledger_.Regions();
  SubjectSet subjects = Subjects(c, ctx, s, as_of.year);
  const auto& by_subject = subjects.projects;
  auto& unit_name = subjects.unit_name;
  auto wants = [&](as::MetricKind k) {
    return std::any_of(scheme.metrics.begin(), scheme.metrics.end(),
                       [k](const as::Metric& m) { return m.kind == k; });
  };
  std::map<int64_t, std::string> subject_of_project;
  for (const auto& [subject, projects] : by_subject) {
    for (const auto& p : projects) subject_of_project[p.id] = subject;
  }
  // Problems: by their project's town, county or chain, or by the unit responsible for solving them.
  std::map<std::string, std::vector<supervision::ProblemFact>> problems_of;
  if (wants(as::MetricKind::kProblemsClosedOnTime)) {
    for (auto& f : store::ListProblemFacts(c, access::ReadScope::All().Within(s.region_code, *tree))) {
      if (s.subject_kind == "department") {
        if (f.unit_id && unit_name.count(*f.unit_id))
          problems_of[unit_name[*f.unit_id]].push_back(std::move(f));
      } else if (auto it = subject_of_project.find(f.project_id); it != subject_of_project.end()) {
        problems_of[it->second].push_back(std::move(f));
      }
    }
  }
  // Report tasks due in the period: by their project's town, county, chain or responsible
  // department (the unit that files the project's reports).
  std::map<std::string, std::vector<supervision::ReportFact>> reports_of;
  if (wants(as::MetricKind::kReportsOnTime)) {
    for (auto& f : store::ListReportFacts(c, access::ReadScope::All().Within(s.region_code, *tree),
                                          period_start, as_of)) {
      if (auto it = subject_of_project.find(f.project_id); it != subject_of_project.end())
        reports_of[it->second].push_back(std::move(f));
    }
  }
  // Completed investment as of the date: the highest year-to-date figure filed in a progress report
  // of the year whose period ended by then (never the ledger's current annual_completed, so a
  // re-run of a past period gives the same figure whatever is filed or edited later).
  std::unordered_map<int64_t, store::ReportFacts> filed;
  if ((wants(as::MetricKind::kInvestmentRate) || wants(as::MetricKind::kChainInvestment)) &&
      !subject_of_project.empty()) {
    std::vector<int64_t> ids;
    for (const auto& [id, _] : subject_of_project) ids.push_back(id);
    filed = store::LoadReportFacts(c, access::ReadScope::All(), as_of, as_of,
                                   ids);  // subjects of the scheme, already scoped
  }
  // 链长制: each chain's dated figures over [the period's first day — or the day the chain was set
  // up, when later —, as_of], its projects on the year's list and their completed investment. A chain
  // set up after as_of did not exist then: it is not a subject of the run.
  std::map<std::string, as::ChainMetricFacts> chain_facts;
  std::set<std::string> not_yet;
  if (s.subject_kind == "chain") {
    for (const auto& [name, ch] : subjects.chain) {
      const auto created = ChinaDayOfUtc(ch.created_at);
      if (created && *created > as_of) {
        not_yet.insert(name);
        continue;
      }
      auto& f = chain_facts[name];
      if (std::any_of(scheme.metrics.begin(), scheme.metrics.end(),
                      [](const as::Metric& m) { return as::IsChainMetric(m.kind); }))
        f.figures = chains_.FiguresOf(c, ch, ChainService::FromFor(ch, period_start, as_of), as_of);
      for (const auto& p : by_subject.at(name)) {
        if (p.archived) continue;
        ++f.projects;
        if (auto it = filed.find(p.id); it != filed.end())
          f.completed_investment = AddYuan(f.completed_investment, it->second.filed_year_total.value_or(0));
      }
    }
  }
  // A figure, or nothing when nothing was due for the subject (不适用).
  auto figure = [&](as::MetricKind kind, const std::string& subject,
                    const std::vector<ledger::Project>& projects) -> std::optional<double> {
    switch (kind) {
      case as::MetricKind::kStartRate: return targets::StartRate(projects, as_of).value();  // no new project
      case as::MetricKind::kInvestmentRate: {
        int64_t plan = 0, done = 0;
        for (const auto& p : projects) {
          plan = AddYuan(plan, p.annual_plan.value_or(0));
          auto it = filed.find(p.id);
          if (it != filed.end()) done = AddYuan(done, it->second.filed_year_total.value_or(0));
        }
        if (plan <= 0) return std::nullopt;  // no annual plan
        return static_cast<double>(done) / static_cast<double>(plan);
      }
      case as::MetricKind::kProblemsClosedOnTime:  // no problem due
        return as::ProblemsClosedOnTime(problems_of[subject], as_of).value();
      case as::MetricKind::kReportsOnTime:  // no report due
        return as::ReportsOnTime(reports_of[subject], period_start, as_of).value();
      case as::MetricKind::kManual: break;
      default:  // a chain's (only in schemes of chains)
        if (auto it = chain_facts.find(subject); it != chain_facts.end())
          return as::ChainMetric(kind, it->second);
        break;
    }
    return std::nullopt;
  };
  std::map<std::string, ComputedFigures> out;
  for (const auto& [subject, projects] : by_subject) {
    if (not_yet.count(subject)) continue;
    auto& x = out[subject];
    x.projects = projects.size();
    if (auto d = subjects.details.find(subject); d != subjects.details.end()) x.detail = d->second;
    for (const auto& m : scheme.metrics) {
      if (!FromLedger(m.kind)) continue;
      if (auto v = figure(m.kind, subject, projects)) x.values[m.id] = *v;
      else x.not_applicable.insert(m.id);
    }
  }
  return out;
}

Result<RankingRunView> RankingService::Compute(const Ctx& ctx, int64_t scheme_id, const json& b) {
  if (!b.is_object()) return Error::BadRequest("the body must be a JSON object");
  auto c = db_.Acquire();
  auto s = LoadScheme(*c, ctx, scheme_id);
  if (!s) return s.error();
  if (!grants_.Manages(ctx, s->region_code)) return Error::Forbidden("you may not compute this ranking");
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
    if (!as_of) pr.Add("as_of", BoundedDump(b["as_of"]), "a date like 2026-06-30");
  }
  if (as_of && *as_of > ctx.today) as_of = ctx.today;  // figures cannot be known beyond today
  if (!pr.empty()) return pr.ToError("cannot compute the ranking");
  const as::Scheme scheme = SchemeFrom(s.value());
  const json def = ParseStoredJson(s->definition);
  auto ledger_figures = LedgerFigures(*c, ctx, s.value(), scheme, PeriodStart(*period, *end), *as_of);
  const json manual = b.value("manual", json::object());
  const bool uses_ledger = std::any_of(scheme.metrics.begin(), scheme.metrics.end(),
                                       [](const as::Metric& m) { return FromLedger(m.kind); });
  std::vector<as::SubjectFigures> figures;
  json figures_json = json::object();
  json details_json = json::object();  // chain subjects: their chain and who leads it, as of now
  std::set<std::string> subjects;
  for (const auto& [subject, v] : ledger_figures) subjects.insert(subject);
  if (manual.is_object())
    for (const auto& [subject, v] : manual.items()) subjects.insert(subject);
  for (const auto& subject : subjects) {
    auto lf = ledger_figures.find(subject);
    if (lf == ledger_figures.end() && uses_ledger) {
      pr.Add("manual." + subject, subject, "not a " + s->subject_kind + " of this region");
      continue;
    }
    // A subject without projects has nothing to be ranked on by ledger metrics: left out. A chain
    // stays (it reports and is visited whether or not it has projects yet).
    if (uses_ledger && lf->second.projects == 0 && s->subject_kind != "chain" &&
        !(manual.is_object() && manual.contains(subject)))
      continue;
    as::SubjectFigures sf;
    sf.subject = subject;
    for (const auto& m : scheme.metrics) {
      if (FromLedger(m.kind)) {
        if (lf->second.not_applicable.count(m.id)) sf.not_applicable.insert(m.id);
        else sf.values[m.id] = lf->second.values.at(m.id);
        continue;
      }
      const json v =
          manual.is_object() && manual.contains(subject) ? manual[subject].value(m.id, json()) : json();
      if (!IsNumber(v) || v.get<double>() < 0)
        pr.Add("manual." + subject + "." + m.id, BoundedDump(v),
               "a number ≥ 0 is required for every subject");
      else sf.values[m.id] = v.get<double>();
    }
    for (const auto& [k, v] : sf.values) figures_json[subject][k] = Round6(v);
    if (!figures_json.contains(subject)) figures_json[subject] = json::object();
    if (lf != ledger_figures.end() && lf->second.detail) {
      const auto& d = *lf->second.detail;
      details_json[subject] = {
          {"chain_id", d.chain_id}, {"chief_leader", d.chief_leader}, {"leader", d.leader}};
    }
    figures.push_back(std::move(sf));
  }
  if (!pr.empty()) return pr.ToError("cannot compute the ranking");

  store::Transaction tx(*c);
  auto stored = store::ListRuns(*c, scheme_id);
  // The previous run: the latest published version of the closest earlier period of this kind.
  const store::RunRecord* prev = nullptr;
  for (const auto& r : stored) {
    if (r.period != PeriodName(*period) || !r.published || r.period_label >= label) continue;
    if (!prev || r.period_label > prev->period_label ||
        (r.period_label == prev->period_label && r.run_version > prev->run_version))
      prev = &r;
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
  json body = {{"entries", entries},
               {"figures", figures_json},
               {"previous_run_id", prev ? json(prev->id) : json(nullptr)},
               {"definition", def}};
  if (!details_json.empty()) body["subject_details"] = details_json;
  // The latest stored version of this period: replaced while a draft, kept once published.
  const store::RunRecord* latest = nullptr;
  for (const auto& r : stored)
    if (r.period_label == label && (!latest || r.run_version > latest->run_version)) latest = &r;
  store::RunRecord rec;
  if (latest && !latest->published) {
    as::RankingRun draft = RunFrom(*latest, s->name);
    if (auto st = as::Replace(draft, run.value()); !st) return st.error();
    rec = *latest;
    rec.as_of = as_of->ToString();
    rec.body = body.dump();
    rec.version = latest->version + 1;
    rec.computed_at = ctx.now;
    if (auto st = store::UpdateRun(*c, rec, latest->version); !st) return st.error();
    store::WriteJournal(
        *c, "ranking_run", rec.id, "recompute", ctx.caller.user_id, ctx.now,
        json::array(
            {{{"field", "entries"}, {"old", ParseStoredJson(latest->body)["entries"]}, {"new", entries}}}));
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
  return RunViewOf(rec, s->name);
}

Result<RankingRunList> RankingService::ListRuns(const Ctx& ctx, int64_t scheme_id) {
  auto c = db_.Acquire();
  auto s = LoadScheme(*c, ctx, scheme_id);
  if (!s) return s.error();
  RankingRunList out;
  // A county reading its city's ranking of counties sees what the city published, not its drafts.
  const bool published_only = grants_.SeesFromBelow(ctx, s->region_code);
  for (const auto& r : store::ListRuns(*c, scheme_id))
    if (r.published || !published_only) out.items.push_back(RunViewOf(r, s->name));
  return out;
}

Result<RankingRunDetail> RankingService::GetRun(const Ctx& ctx, int64_t run_id) {
  auto c = db_.Acquire();
  auto r = store::LoadRun(*c, run_id);
  if (!r) return Error::NotFound("no ranking run " + std::to_string(run_id));
  auto s = LoadScheme(*c, ctx, r->scheme_id);
  if (!s || (!r->published && grants_.SeesFromBelow(ctx, s->region_code)))
    return Error::NotFound("no ranking run " + std::to_string(run_id));
  store::SchemeRecord as_computed = s.value();
  const json body = ParseStoredJson(r->body);
  if (body.contains("definition"))
    as_computed.definition = body["definition"].dump();  // runs before 2026-11 lack it
  return RankingRunDetail{RunViewOf(r.value(), s->name), SchemeView(as_computed)};
}

Result<RankingRunView> RankingService::Publish(const Ctx& ctx, int64_t run_id, const json& b) {
  if (auto v = VersionOf(b); !v) return v.error();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto r = store::LoadRun(*c, run_id);
  if (!r) return Error::NotFound("no ranking run " + std::to_string(run_id));
  auto s = LoadScheme(*c, ctx, r->scheme_id);
  if (!s) return Error::NotFound("no ranking run " + std::to_string(run_id));
  if (!grants_.Manages(ctx, s->region_code)) return Error::Forbidden("you may not publish this ranking");
  if (b["version"].get<int64_t>() != r->version) return store::StaleVersion("ranking run", r->version);
  as::RankingRun run = RunFrom(r.value(), s->name);
  if (auto st = as::PublishRun(run); !st) return Error::Conflict("the run is already published and frozen");
  store::RunRecord next = r.value();
  next.published = true;
  next.published_at = ctx.now;
  next.version = r->version + 1;
  if (auto st = store::UpdateRun(*c, next, r->version); !st) return st.error();
  store::WriteJournal(*c, "ranking_run", run_id, "publish", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", "published"}, {"old", false}, {"new", true}}}));
  tx.Commit();
  return RunViewOf(next, s->name);
}

Result<Bulletin> RankingService::MakeBulletin(const Ctx& ctx, int64_t run_id, const std::string& format) {
  if (format != "xlsx" && format != "pdf") return Error::BadRequest("format must be xlsx or pdf");
  auto run = GetRun(ctx, run_id);
  if (!run) return run.error();
  const RankingRunView& v = run->run;
  io::BulletinData d;
  d.title = v.scheme_name + " " + v.record.period_label + " 通报";
  d.subtitle = "截至 " + v.record.as_of + " · 第 " + std::to_string(v.record.run_version) + " 版 · " +
               (v.record.published ? "已发布" : "草稿（未发布）");
  for (const auto& m : run->scheme.metrics) d.metric_labels.push_back(m.label);
  if (!v.subject_details.empty()) d.about_labels = {"总链长", "链长"};  // a run of chains
  for (const auto& e : v.entries) {
    io::BulletinRow row;
    row.rank = e.rank;
    row.subject = e.subject;
    if (auto it = v.subject_details.find(e.subject); it != v.subject_details.end())
      row.about = {it->second.chief_leader, it->second.leader};
    row.score = e.score;
    for (const auto& m : run->scheme.metrics) {
      const auto it = e.metric_scores.find(m.id);
      if (e.not_applicable.count(m.id) || it == e.metric_scores.end())
        row.metric_scores.push_back(std::nullopt);
      else row.metric_scores.push_back(it->second);
    }
    row.completion = e.completion;
    row.movement = as::MovementLabel(e);
    row.light = e.light == as::Light::kRed ? "红牌" : e.light == as::Light::kYellow ? "黄牌" : "";
    d.rows.push_back(std::move(row));
  }
  Bulletin b;
  const std::string base =
      v.scheme_name + "-" + v.record.period_label + "-v" + std::to_string(v.record.run_version);
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

#include "service/supervision/progress_demo.h"

#include <algorithm>
#include <cstdlib>

#include "domain/supervision/light.h"
#include "domain/supervision/report.h"
#include "service/demo/demo_calendar.h"
#include "service/ledger/ledger_service.h"
#include "service/ledger/ledger_sheet_service.h"
#include "service/supervision/progress_service.h"
#include "store/account_store.h"
#include "store/journal.h"
#include "store/progress_store.h"
#include "store/project_store.h"

namespace gj::service {

namespace {

// A deterministic roll in [0, 100) per (project, period).
int Roll(int64_t a, int64_t b) {
  uint64_t x = static_cast<uint64_t>(a) * 0x9E3779B97F4A7C15ull ^
               static_cast<uint64_t>(b + 17) * 0xC2B2AE3D27D4EB4Full;
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 29;
  return static_cast<int>(x % 100);
}

const std::vector<std::string> kProgress = {
    "场地平整完成，基础施工中", "主体结构施工中", "钢结构厂房吊装", "二次结构砌筑", "设备安装调试",
    "室外管网及道路施工",       "装饰装修施工",   "生产线联调试车"};

int64_t UserId(store::Connection& c, const char* login) {
  auto a = store::LoadAccountByLogin(c, login);
  return a ? a->id : 0;
}

// The cumulative investment of `year` at `d` (a report's figure is of its period's year, the year its
// key names): the list year's completed figure, reached linearly from Jan 1 to the year's end or to
// today, whichever is first; a later year at the same pace from its Jan 1.
int64_t CumulativeAt(const ledger::Project& p, int year, const Date& d, const Date& today) {
  const Date jan1{year, 1, 1};
  const Date until = year == DemoListYear(today) ? std::min(today, Date{year, 12, 31}) : jan1.AddDays(365);
  const double span = static_cast<double>(until.ToDays() - jan1.ToDays());
  const double share =
      span <= 0 ? 1.0 : std::clamp(static_cast<double>(d.ToDays() - jan1.ToDays()) / span, 0.0, 1.0);
  return static_cast<int64_t>(static_cast<double>(p.annual_completed.value_or(0) / 10000) * share) * 10000;
}

int YearOf(const supervision::Period& p) { return std::atoi(p.key.substr(0, 4).c_str()); }

void Targets(store::Connection& c, const Date& today, const std::string& now) {
  const int y = DemoListYear(today);
  auto add = [&](const std::string& name, const std::string& region, const std::string& metric,
                 const std::string& stage, std::vector<std::string> categories, const std::string& track,
                 double threshold, Date deadline) {
    targets::Target t;
    t.name = name;
    t.region = region;
    t.metric = metric;
    t.stage = stage;
    t.categories = std::move(categories);
    t.track = track;
    t.kind = metric == "count_stage" ? "new" : "";
    t.threshold = threshold;
    t.deadline = deadline;
    const int64_t id = store::InsertTarget(c, t, now);
    store::WriteJournal(
        c, "target", id, "create", std::nullopt, now,
        nlohmann::json::array({{{"field", "target"}, {"old", nullptr}, {"new", targets::ToJson(t)}}}));
  };
  add("6月30日前新开工项目开工率达到60%", "371524", "start_rate", "", {}, "", 0.6, {y, 6, 30});
  add("9月30日前实施类项目全部开工", "371524", "start_rate", "", {}, "implementation", 1.0, {y, 9, 30});
  add("“420”：20个工业重点项目开工建设", "371524", "count_stage", "started", {"industrial"}, "", 20,
      {y, 12, 31});
  add("“420”：20个重点跟进意向项目签约落地", "371524", "count_stage", "signed", {}, "", 20, {y, 12, 31});
  add("“420”：20个农业、服务业及基础设施项目全面开工", "371524", "count_stage", "started",
      {"agriculture", "service", "infrastructure"}, "", 20, {y, 12, 31});
  add("满堂红：年度计划投资全部完成", "371500", "investment_rate", "", {}, "", 1.0, {y, 12, 31});
  // 冠县's own, after the others (ids of 东阿县's and the city's unchanged).
  add("冠县：6月30日前新开工项目开工率达到50%", "371525", "start_rate", "", {}, "", 0.5, {y, 6, 30});
}

}  // namespace

Status BuildProgressDemo(store::Database& db, const Date& today, const std::string& now) {
  auto c = db.Acquire();
  store::Transaction tx(*c);
  // Weekly, due Tuesday, moved to the next working day by the State Council's 2026 holiday
  // schedule (国务院办公厅 2026年部分节假日安排); a county enters each year's schedule as it is published.
  const nlohmann::json policy_json = {
      {"frequency", "week"},
      {"due_weekday", 2},
      {"due_day", 5},
      {"rest_day_rule", "next_workday"},
      {"holidays",
       {"2026-01-01", "2026-01-02", "2026-01-03", "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18",
        "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23", "2026-04-04", "2026-04-05",
        "2026-04-06", "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05", "2026-06-19",
        "2026-06-20", "2026-06-21", "2026-09-25", "2026-09-26", "2026-09-27", "2026-10-01", "2026-10-02",
        "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"}},
      {"workdays", {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"}}};
  const supervision::ReportPolicy policy = supervision::PolicyFromJson(policy_json, {}).value();
  store::UpsertSettings(
      *c, {"371524", supervision::ToJson(supervision::PresetRules("default")).dump(), policy_json.dump(), 0},
      now);
  store::UpsertSettings(
      *c, {"371525", supervision::ToJson(supervision::PresetRules("wuhan")).dump(), policy_json.dump(), 0},
      now);
  store::UpsertSettings(
      *c, {"371526", supervision::ToJson(supervision::PresetRules("sanya")).dump(), policy_json.dump(), 0},
      now);
  const int64_t filer = UserId(*c, "unit"), reviewer = UserId(*c, "dongezb");
  store::ProjectFilter all;
  all.scope = access::ReadScope::All();
  all.limit = 0;
  const auto projects = store::ListProjects(*c, all);
  // A week runs to the end of its Sunday: on a Sunday the running week is today's, not a finished one.
  const auto running_period = supervision::PeriodOf(today, policy);
  // The last eight finished weeks, and in January–March every week since December of the list year
  // (the months its rankings count).
  const Date history_from = std::min(today.AddDays(-56), Date{DemoListYear(today), 12, 1});
  auto periods = supervision::PeriodsBetween(history_from, running_period.start.AddDays(-1), policy);
  periods.push_back(running_period);
  for (const auto& row : projects) {
    const auto& p = row.project;
    const bool chronic = p.id % 23 == 0;  // a few projects stopped reporting
    int64_t previous = CumulativeAt(p, YearOf(periods.front()), periods.front().start.AddDays(-1), today);
    for (size_t i = 0; i < periods.size(); ++i) {
      const auto& per = periods[i];
      store::InsertReportTask(*c, p.id, per, now);
      const bool running = i + 1 == periods.size();
      if (i > 0 && YearOf(per) != YearOf(periods[i - 1]))
        previous = 0;  // a new year's cumulative starts afresh
      const bool due_passed = today > per.due;
      const int roll = Roll(p.id, static_cast<int64_t>(i));
      if (running || (chronic && i + 3 >= periods.size())) continue;  // pending
      if (!due_passed && roll < 35) continue;                         // not yet filed, still open
      if (due_passed && roll >= 92) continue;                         // missing
      auto r = *store::LoadReportOf(*c, access::ReadScope::System(), p.id, per.key);
      const bool under_way = p.kind == "continuing" || (p.actual_start && *p.actual_start <= per.end);
      const int64_t cum =
          under_way ? std::max(previous, CumulativeAt(p, YearOf(per), per.end, today)) : previous;
      r.content.investment_year = cum;
      r.content.investment_period = cum - previous;
      previous = cum;
      const int64_t v = r.content.investment_period;
      const int64_t bank = v / 5 / 10000 * 10000, local = v / 10 / 10000 * 10000,
                    bonds = p.level == "provincial" ? v / 10 / 10000 * 10000 : 0;
      r.content.by_source = {0, bonds, local, v - bank - local - bonds, bank, 0};
      r.content.visual_progress =
          under_way ? kProgress[static_cast<size_t>(roll) % kProgress.size()] : "前期手续办理中，尚未开工";
      r.content.workers = under_way ? 20 + roll * 3 : 0;
      r.content.problems_raised = roll % 9 == 0 ? "施工用电增容需协调供电公司" : "";
      r.submitted_by = filer;
      r.late = due_passed && roll >= 86;
      r.reopened = r.late;
      r.submitted_at = (r.late ? per.due.AddDays(2) : per.due.AddDays(-1)).ToString() + "T02:00:00Z";
      r.status = !due_passed || roll % 5 == 0 ? "submitted" : "approved";
      if (r.status == "approved") {
        r.reviewed_by = reviewer;
        r.reviewed_at = per.due.AddDays(1).ToString() + "T03:00:00Z";
      }
      r.version = 2;
      r.updated_at = now;
      (void)store::UpdateReport(*c, r, 1);  // at version 1 in this transaction: never stale
    }
  }
  store::WriteJournal(*c, "report_tasks", 0, "demo", std::nullopt, now,
                      nlohmann::json::array({{{"field", "periods"},
                                              {"old", nullptr},
                                              {"new", periods.front().key + "…" + periods.back().key}}}));
  // Stop requests: one approved 停工 and one waiting for a decision, on started 东阿 projects.
  int stops = 0;
  for (const auto& row : projects) {
    const auto& p = row.project;
    if (p.county_code != "371524" || p.stage != "started" || p.id % 7 != 3 || stops >= 2) continue;
    store::StopRecord s;
    s.project_id = p.id;
    s.kind = "stop";
    s.reason = stops == 0 ? "环保督查期间停工整改" : "冬季施工受限，申请停工";
    s.effective_date = today.AddDays(stops == 0 ? -20 : 3);
    s.requested_by = filer;
    s.requested_at = now;
    s.id = store::InsertStop(*c, s);
    if (stops == 0) {
      s.status = "approved";
      s.decided_by = reviewer;
      s.decided_at = now;
      s.decision_note = "同意，整改完成后及时申请复工";
      s.version = 2;
      (void)store::UpdateStop(*c, s, 1);  // inserted at version 1 in this transaction: never stale
    }
    ++stops;
  }
  Targets(*c, today, now);
  store::BumpSupervisionVersion(*c);
  tx.Commit();
  // Light snapshots of the last four finished weeks of 东阿县, kept as the office does each week.
  LedgerService ledger(db);
  ProgressService supervision(db, ledger);
  Ctx ctx = MakeCtx(SystemCaller(*ledger.Regions()));
  ctx.today = today;
  ctx.now = now;
  for (size_t i = periods.size() >= 5 ? periods.size() - 5 : 0; i + 1 < periods.size(); ++i) {
    auto r = supervision.KeepSnapshot(ctx, {{"region", "371524"}, {"period", periods[i].key}});
    if (!r) return r.error();
  }
  return Ok{};
}

}  // namespace gj::service

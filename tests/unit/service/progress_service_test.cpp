// Progress reports, stops, lights, targets and the bulletin through the services, on both engines.
#include "service/supervision/progress_service.h"

#include <gtest/gtest.h>

#include "ledger_fixture.h"
#include "service/supervision/bulletin_service.h"
#include "service/supervision/supervision_service.h"
#include "service/targets/target_service.h"
#include "store/journal.h"

namespace gj::testing {
namespace {

class ProgressServiceTest : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    sup_ = std::make_unique<service::ProgressService>(tdb_->db(), *ledger_);
    metrics_ = std::make_unique<service::MetricsService>(tdb_->db(), *ledger_);
    targets_ = std::make_unique<service::TargetService>(tdb_->db(), *ledger_, *metrics_);
    auto p = ledger_->Create(As("coordinator", "371524"), NewProject("DE-1"));
    ASSERT_TRUE(p);
    project_ = p->project.id;
    tdb_->db().RefuseNestedLeases(true);  // at most one connection per thread at a time
  }

  service::Ctx Other(const service::Ctx& c, int64_t user) {
    return Edited(c, [&](access::Caller& caller) { caller.user_id = user; });
  }

  // The report of the week of 2026-06-15 (2026-W25, due Tuesday 06-23).
  service::ReportView Task() {
    auto g = sup_->GenerateTasks(As("coordinator", "371524"), {{"region", "371524"}, {"period", "2026-W25"}});
    EXPECT_TRUE(g) << g.error().message;
    auto list = sup_->ListReports(As("coordinator", "371524"), "371524", "2026-W25", "");
    return list.value().items.at(0);
  }

  // A target of 东阿 (371524): `metric` ≥ `threshold` by `deadline`.
  auto CreateTarget(const service::Ctx& ctx, const std::string& name, const std::string& metric,
                    double threshold, const std::string& deadline) {
    return targets_->Create(ctx, {{"name", name},
                                  {"region", "371524"},
                                  {"metric", metric},
                                  {"comparator", ">="},
                                  {"threshold", threshold},
                                  {"deadline", deadline}});
  }

  std::unique_ptr<service::ProgressService> sup_;
  std::unique_ptr<service::MetricsService> metrics_;
  std::unique_ptr<service::TargetService> targets_;
  int64_t project_ = 0;
};

TEST_P(ProgressServiceTest, TasksAreGeneratedOncePerProjectAndPeriod) {
  auto ctx = As("coordinator", "371524");
  auto g = sup_->GenerateTasks(ctx, {{"region", "371524"}, {"period", "2026-W25"}}).value();
  EXPECT_EQ(g.created, 1);
  EXPECT_EQ(g.due, (Date{2026, 6, 23}));
  EXPECT_EQ(sup_->GenerateTasks(ctx, {{"region", "371524"}, {"period", "2026-W25"}}).value().created, 0);
  auto bad = sup_->GenerateTasks(ctx, {{"region", "371524"}, {"period", "2026-W99"}});
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(sup_->GenerateTasks(As("unit", "371524", unit_a_), {{"region", "371524"}}).error().code,
            ErrorCode::kForbidden);
}

TEST_P(ProgressServiceTest, TheRunningPeriodsTasksOfEveryCountyTheCallerAdministers) {
  auto office = As("coordinator", "371524");
  auto r = sup_->GenerateRunningTasks(office, "").value();
  ASSERT_EQ(r.items.size(), 1u);  // 东阿县 only: 冠县 is not this office's
  EXPECT_EQ(r.items[0].region, "371524");
  EXPECT_EQ(r.items[0].period, "2026-W25");  // the week of 06-15
  EXPECT_EQ(r.items[0].created, 1);
  EXPECT_EQ(sup_->GenerateRunningTasks(office, "").value().items.at(0).created, 0);  // idempotent
  auto city = As("coordinator", "371500");
  EXPECT_EQ(sup_->GenerateRunningTasks(city, "371500").value().items.size(), 2u);  // both counties
  EXPECT_EQ(sup_->GenerateRunningTasks(As("unit", "371524", unit_a_), "").value().items.size(), 0u);
  EXPECT_EQ(sup_->GenerateRunningTasks(office, "999999").error().code, ErrorCode::kInvalid);
}

TEST_P(ProgressServiceTest, SubmitThenNobodyApprovesTheirOwnReport) {
  const auto task = Task();
  const int64_t id = task.report.id;
  auto filer = As("unit", "371524", unit_a_);
  const int64_t before = JournalCount();
  nlohmann::json body = {{"version", 1},
                         {"investment_period", 5000000},
                         {"investment_year", 30000000},
                         {"by_source", {{"enterprise", 4000000}, {"bank_loan", 1000000}}},
                         {"workers", 85},
                         {"visual_progress", "主体结构施工中"},
                         {"submit", true}};
  auto r = sup_->SaveReport(filer, id, body);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->report.status, "submitted");
  EXPECT_EQ(r->report.content.by_source[4], 1000000);  // bank_loan
  EXPECT_FALSE(r->report.late);
  // The filer, even with review rights, cannot approve: 409 naming the rule, nothing changes.
  auto coordinator = As("coordinator", "371524");
  auto own = sup_->Review(coordinator, id, {{"version", 2}}, true);
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().code, ErrorCode::kConflict);
  EXPECT_NE(own.error().message.find("report.own_report"), std::string::npos);
  EXPECT_EQ(sup_->GetReport(coordinator, id).value().report.status, "submitted");
  // Returning needs a reason; another reviewer returns, the unit resubmits, the reviewer approves.
  auto reviewer = Other(coordinator, user_id_ + 1);
  EXPECT_EQ(sup_->Review(reviewer, id, {{"version", 2}}, false).error().code, ErrorCode::kInvalid);
  auto ret = sup_->Review(reviewer, id, {{"version", 2}, {"note", "照片缺失"}}, false);
  ASSERT_TRUE(ret);
  EXPECT_EQ(ret->report.status, "returned");
  EXPECT_EQ(
      sup_->SaveReport(filer, id, {{"version", 3}, {"workers", 90}, {"submit", true}}).value().report.status,
      "submitted");
  auto ok = sup_->Review(reviewer, id, {{"version", 4}}, true);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->report.status, "approved");
  EXPECT_EQ(JournalCount(), before + 4);
  // Approved is final.
  EXPECT_EQ(sup_->SaveReport(filer, id, {{"version", 5}, {"workers", 1}}).error().code, ErrorCode::kConflict);
}

TEST_P(ProgressServiceTest, ValidationStaleVersionsAndScope) {
  const int64_t id = Task().report.id;
  auto filer = As("unit", "371524", unit_a_);
  const int64_t before = JournalCount();
  auto bad = sup_->SaveReport(filer, id,
                              {{"version", 1},
                               {"investment_period", 100},
                               {"investment_year", 50},
                               {"by_source", {{"enterprise", 10}, {"nowhere", 1}}},
                               {"workers", -1}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(bad.error().details.size(), 4u);  // unknown source, year below period, sources ≠ period, workers
  bad = sup_->SaveReport(filer, id,
                         {{"version", 1},
                          {"investment_period", 100},
                          {"investment_year", 50},
                          {"by_source", {{"enterprise", 10}}},
                          {"workers", -1}});
  EXPECT_EQ(bad.error().details.size(), 3u);
  auto stale = sup_->SaveReport(filer, id, {{"version", 7}, {"workers", 3}});
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().extra["current_version"], 1);
  // Another unit may read but not file the report.
  EXPECT_EQ(
      sup_->SaveReport(As("unit", "371524", unit_b_), id, {{"version", 1}, {"workers", 3}}).error().code,
      ErrorCode::kForbidden);
  // Outside the caller's scope the report does not exist.
  EXPECT_EQ(sup_->GetReport(As("coordinator", "371525"), id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(JournalCount(), before);
}

TEST_P(ProgressServiceTest, AClosedPeriodNeedsTheCoordinatorToReopen) {
  const int64_t id = Task().report.id;
  auto late = As("unit", "371524", unit_a_);
  late.today = Date{2026, 6, 24};  // the day after the due date
  auto closed = sup_->SaveReport(late, id, {{"version", 1}, {"workers", 3}, {"submit", true}});
  ASSERT_FALSE(closed);
  EXPECT_NE(closed.error().message.find("report.period_closed"), std::string::npos);
  EXPECT_EQ(sup_->Reopen(late, id, {{"version", 1}}).error().code, ErrorCode::kForbidden);
  auto coordinator = As("coordinator", "371524");
  coordinator.today = late.today;
  ASSERT_TRUE(sup_->Reopen(coordinator, id, {{"version", 1}}));
  auto r = sup_->SaveReport(late, id, {{"version", 2}, {"workers", 3}, {"submit", true}});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->report.late);
  auto missing = sup_->MissingReports(coordinator, "371524", Date{2026, 6, 24}).value();
  EXPECT_EQ(missing.units.at(0).late, 1);
}

TEST_P(ProgressServiceTest, PhotosAreTypeAndSizeChecked) {
  const int64_t id = Task().report.id;
  auto filer = As("unit", "371524", unit_a_);
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, 'x');
  auto ok = sup_->AddPhoto(filer, id, "site.png", png);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->content_type, "image/png");
  EXPECT_EQ(sup_->Photo(filer, ok->id).value().data_base64.size(), 144u);
  EXPECT_EQ(sup_->AddPhoto(filer, id, "notes.txt", "hello").error().code, ErrorCode::kInvalid);
  EXPECT_EQ(sup_->AddPhoto(filer, id, "big.png", png + std::string(6u << 20, 'x')).error().code,
            ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(sup_->GetReport(filer, id).value().photos.size(), 1u);
}

TEST_P(ProgressServiceTest, LightsAsOfAnyDateWithStops) {
  auto ctx = As("coordinator", "371524");
  // Planned start 2026-03-01, not started: yellow in March, red from 06-01.
  auto light = [&](int64_t id, const Date& on) {
    return sup_->ProjectLight(ctx, id, on).value().entry->light;
  };
  auto l = light(project_, Date{2026, 3, 15});
  EXPECT_EQ(l.light, supervision::Light::kYellow);
  l = light(project_, Date{2026, 6, 15});
  EXPECT_EQ(l.light, supervision::Light::kRed);
  EXPECT_EQ(l.reasons[0].rule, "start");
  // No procedure recorded: the whole checklist is not started and blocks the start, as on the project's page.
  ASSERT_EQ(l.reasons.size(), 2u);
  EXPECT_EQ(l.reasons[1].rule, "procedure");
  EXPECT_EQ(
      l.reasons[1].text,
      "前期手续未办结（立项/备案、用地预审与选址、规划许可、不动产权证、施工许可、环评批复、节能审查），影响计划开工");
  // A stop: requested by the unit, approved by the office, visible in the light.
  auto filer = As("unit", "371524", unit_a_);
  auto s = sup_->RequestStop(filer, project_,
                             {{"kind", "stop"}, {"reason", "环保督查"}, {"effective_date", "2026-06-01"}});
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(sup_->DecideStop(filer, s->stop.id, {{"version", 1}, {"approve", true}}).error().code,
            ErrorCode::kForbidden);
  ASSERT_TRUE(sup_->DecideStop(Other(ctx, user_id_ + 1), s->stop.id, {{"version", 1}, {"approve", true}}));
  EXPECT_EQ(sup_->DecideStop(Other(ctx, user_id_ + 1), s->stop.id, {{"version", 1}, {"approve", true}})
                .error()
                .extra["current_version"],
            2);
  l = light(project_, Date{2026, 6, 15});
  ASSERT_EQ(l.reasons.size(), 3u);
  EXPECT_EQ(l.reasons[2].rule, "stopped");
  EXPECT_EQ(sup_->RequestStop(filer, project_,
                              {{"kind", "stop"}, {"reason", "x"}, {"effective_date", "2026-06-10"}})
                .error()
                .code,
            ErrorCode::kConflict);
  auto d = sup_->Dashboard(ctx, "371524", Date{2026, 6, 15}).value();
  EXPECT_EQ(d.counts[static_cast<int>(supervision::Light::kRed)], 1);
  EXPECT_EQ(d.by_rule.at("stopped")[static_cast<int>(supervision::Light::kYellow)], 1);
  // Kept per period.
  auto snap = sup_->KeepSnapshot(ctx, {{"region", "371524"}, {"period", "2026-W24"}});
  ASSERT_TRUE(snap) << snap.error().message;
  EXPECT_EQ(snap->as_of, (Date{2026, 6, 14}));
  EXPECT_EQ(sup_->Snapshot(ctx, "371524", "2026-W24").value().items.at(0).light, "red");
}

// A cached board follows every write: a write to one project recomputes that project only (the
// other entries are the very same objects), and the result equals a board built from scratch;
// settings, new and archived projects rebuild it.
TEST_P(ProgressServiceTest, CachedBoardsAreRefreshedFromTheJournal) {
  auto ctx = As("coordinator", "371524");
  const Date as_of{2026, 6, 15};
  auto second = ledger_->Create(ctx, NewProject("DE-2"));
  ASSERT_TRUE(second);
  const int64_t other = second->project.id;
  auto light_of = [](const service::LightBoard& b, int64_t id) {
    for (const auto& e : b.entries) {
      if (e->row.project.id == id) return std::string(supervision::LightName(e->light.light));
    }
    return std::string("absent");
  };
  auto entry_of = [](const service::LightBoard& b, int64_t id) -> const service::LightEntry* {
    for (const auto& e : b.entries) {
      if (e->row.project.id == id) return e.get();
    }
    return nullptr;
  };
  auto b1 = sup_->Board(ctx, "371524", as_of).value();
  ASSERT_EQ(b1->entries.size(), 2u);
  EXPECT_EQ(light_of(*b1, project_), "red");                 // planned 03-01, not started by 06-15
  EXPECT_EQ(sup_->Board(ctx, "371524", as_of).value(), b1);  // nothing written: the same board

  ASSERT_TRUE(ledger_->ChangeStage(ctx, project_,
                                   {{"version", 1}, {"stage", "started"}, {"actual_start", "2026-03-05"}}));
  auto b2 = sup_->Board(ctx, "371524", as_of).value();
  EXPECT_NE(b2, b1);
  EXPECT_EQ(light_of(*b2, project_), "green");
  EXPECT_EQ(entry_of(*b2, other), entry_of(*b1, other));  // refreshed, not rebuilt
  EXPECT_EQ(entry_of(*b2, project_)->row.project.stage, "started");
  // The same lights as a service without any cache.
  service::ProgressService fresh(tdb_->db(), *ledger_);
  auto rebuilt = fresh.Board(ctx, "371524", as_of).value();
  for (int64_t id : {project_, other}) EXPECT_EQ(light_of(*rebuilt, id), light_of(*b2, id)) << id;

  // A problem raised on the other project, overdue by 06-15: that project alone is recomputed.
  {
    auto c = tdb_->db().Acquire();
    store::Transaction tx(*c);
    const int64_t pid = store::AsInt(
        c->Query("INSERT INTO problems (project_id, category, description, status, deadline, raised_on, "
                 "raised_by, created_at, updated_at) VALUES (?, 'land', '用地指标未落实', 'assigned', "
                 "'2026-06-01', '2026-05-01', ?, 'x', 'x') RETURNING id",
                 {other, user_id_})
            .rows[0][0]);
    store::WriteJournal(*c, "problem", pid, "raise", user_id_, "x", nlohmann::json::array());
    tx.Commit();
  }
  auto b3 = sup_->Board(ctx, "371524", as_of).value();
  EXPECT_EQ(entry_of(*b3, project_), entry_of(*b2, project_));
  bool problem_reason = false;
  for (const auto& r : entry_of(*b3, other)->light.reasons) problem_reason |= r.rule == "problem";
  EXPECT_TRUE(problem_reason);

  // Settings reach every project: rebuilt.
  ASSERT_TRUE(sup_->PutSettings(
      ctx, "371524", {{"version", 0}, {"light_rules", {{"preset", "default"}, {"start_red_months", 6}}}}));
  auto b4 = sup_->Board(ctx, "371524", as_of).value();
  EXPECT_NE(entry_of(*b4, project_), entry_of(*b3, project_));
  EXPECT_EQ(light_of(*b4, other),
            "yellow");  // 3½ months late is no longer red; the problem is overdue < 30 days
  // A new project joins the board; an archived one leaves it.
  auto third = ledger_->Create(ctx, NewProject("DE-3"));
  ASSERT_TRUE(third);
  EXPECT_EQ(sup_->Board(ctx, "371524", as_of).value()->entries.size(), 3u);
  ASSERT_TRUE(ledger_->Archive(ctx, other, {{"version", second->project.version}, {"reason", "合并"}}));
  auto b5 = sup_->Board(ctx, "371524", as_of).value();
  EXPECT_EQ(b5->entries.size(), 2u);
  EXPECT_EQ(light_of(*b5, other), "absent");
}

// The county dashboard after a write follows the refreshed board: the new light shows at once,
// and the kept summary is brought along by the replaced entries (not summed again) to exactly
// what a service without any cache summarises.
TEST_P(ProgressServiceTest, DashboardAfterAWriteShowsTheNewLight) {
  auto ctx = As("coordinator", "371524");
  const Date as_of{2026, 6, 15};
  auto second = ledger_->Create(ctx, NewProject("DE-2"));
  ASSERT_TRUE(second);
  const int red = static_cast<int>(supervision::Light::kRed);
  const int green = static_cast<int>(supervision::Light::kGreen);
  auto d1 = sup_->Dashboard(ctx, "371524", as_of).value();
  EXPECT_EQ(d1.counts[red], 2);  // both planned 03-01, neither started by 06-15
  ASSERT_TRUE(ledger_->ChangeStage(ctx, project_,
                                   {{"version", 1}, {"stage", "started"}, {"actual_start", "2026-03-05"}}));
  auto d2 = sup_->Dashboard(ctx, "371524", as_of).value();
  EXPECT_EQ(d2.counts[red], 1);
  EXPECT_EQ(d2.counts[green], 1);
  service::ProgressService fresh(tdb_->db(), *ledger_);
  auto whole = fresh.Dashboard(ctx, "371524", as_of).value();
  EXPECT_EQ(d2.counts, whole.counts);
  EXPECT_EQ(d2.total, whole.total);
  ASSERT_EQ(d2.by_town.size(), whole.by_town.size());
  for (size_t i = 0; i < whole.by_town.size(); ++i) {
    EXPECT_EQ(d2.by_town[i].code, whole.by_town[i].code);
    EXPECT_EQ(d2.by_town[i].name, whole.by_town[i].name);
    EXPECT_EQ(d2.by_town[i].counts, whole.by_town[i].counts);
  }
  EXPECT_EQ(d2.by_rule, whole.by_rule);  // a rule no project meets any more has left
}

TEST_P(ProgressServiceTest, RulesArePerRegionWithPresets) {
  auto ctx = As("coordinator", "371524");
  EXPECT_EQ(sup_->Settings(ctx, "371524").value().light_rules.preset, "default");
  auto put = sup_->PutSettings(ctx, "371524",
                               {{"version", 0},
                                {"light_rules", {{"preset", "wuhan"}, {"start_red_months", 1}}},
                                {"report_policy", {{"frequency", "week"}, {"due_weekday", 5}}}});
  ASSERT_TRUE(put) << put.error().message;
  EXPECT_EQ(put->light_rules.share_red, 0.6);
  EXPECT_EQ(put->report_policy.due_weekday, 5);
  auto stale = sup_->PutSettings(ctx, "371524", {{"version", 0}});
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().extra["current_version"], 1);
  EXPECT_EQ(sup_->PutSettings(As("unit", "371524", unit_a_), "371524", {{"version", 1}}).error().code,
            ErrorCode::kForbidden);
  // One month after the planned start is now red.
  EXPECT_EQ(sup_->ProjectLight(ctx, project_, Date{2026, 4, 1}).value().entry->light.light,
            supervision::Light::kRed);
  // A half left out keeps what is in force.
  auto rules_only =
      sup_->PutSettings(ctx, "371524", {{"version", 1}, {"light_rules", {{"preset", "sanya"}}}});
  ASSERT_TRUE(rules_only) << rules_only.error().message;
  EXPECT_EQ(rules_only->report_policy.due_weekday, 5);
  auto policy_only =
      sup_->PutSettings(ctx, "371524", {{"version", 2}, {"report_policy", {{"frequency", "month"}}}});
  ASSERT_TRUE(policy_only) << policy_only.error().message;
  EXPECT_EQ(policy_only->light_rules.preset, "sanya");
  EXPECT_EQ(policy_only->report_policy.frequency, "month");
  EXPECT_EQ(policy_only->report_policy.due_weekday, 5);
}

TEST_P(ProgressServiceTest, TargetsAndTheBulletin) {
  auto ctx = As("coordinator", "371524");
  auto started = NewProject("DE-2");
  started["stage"] = "started";
  started["actual_start"] = "2026-04-01";
  ASSERT_TRUE(ledger_->Create(ctx, started));
  auto t = CreateTarget(ctx, "6月底开工率60%", "start_rate", 0.6, "2026-06-30");
  ASSERT_TRUE(t) << t.error().message;
  const auto& status = t->view.status;
  EXPECT_EQ(status.numerator, 1);
  EXPECT_EQ(status.denominator, 2);
  EXPECT_EQ(status.projected, 1.0);  // DE-1 is planned (03-01) before the deadline
  EXPECT_EQ(status.status, "on_track");
  const int64_t id = t->view.target.id;
  EXPECT_EQ(targets_->Get(ctx, id, Date{2026, 7, 1}).value().view.status.status, "missed");
  auto bad = targets_->Create(ctx, {{"name", ""},
                                    {"region", "371524"},
                                    {"metric", "speed"},
                                    {"threshold", 1},
                                    {"deadline", "2026-06-30"}});
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(targets_->Update(ctx, id, {{"version", 9}, {"threshold", 0.5}}).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(targets_->Update(ctx, id, {{"version", 1}, {"threshold", 0.5}}).value().view.status.status,
            "met");
  EXPECT_EQ(targets_
                ->Create(As("viewer", "371524"),
                         {{"name", "x"}, {"region", "371524"}, {"threshold", 1}, {"deadline", "2026-06-30"}})
                .error()
                .code,
            ErrorCode::kForbidden);
  service::BulletinService bulletins(*ledger_, *sup_, *targets_);
  auto b = bulletins.Build(ctx, "371524", "2026-W25");
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(b->projects, 2);
  EXPECT_EQ(b->new_started, 1);
  EXPECT_EQ(b->red.size(), 1u);
  EXPECT_EQ(b->targets.size(), 1u);
  // The running week is as of today (06-15), not its Sunday.
  EXPECT_EQ(b->as_of, (Date{2026, 6, 15}));
  // DE-1 (planned 03-01, not started, nothing recorded) is held up by its whole checklist.
  ASSERT_EQ(b->blocked.size(), 1u);
  EXPECT_EQ(b->blocked[0].code, "DE-1");
  EXPECT_EQ(b->blocked[0].planned_start, "2026-03-01");
  EXPECT_EQ(b->blocked[0].procedures.rfind("立项/备案、用地预审与选址", 0), 0u);
  EXPECT_EQ(b->visit_rule, "每7天至少1次");
  // The visit rule in force is the configured one.
  io::MemoryFileStore files;
  service::SupervisionService sv(tdb_->db(), *ledger_, files);
  ASSERT_TRUE(sv.PutSettings(ctx, {{"visit_rule", {{"window_days", 14}, {"min_visits", 2}}}}));
  EXPECT_EQ(bulletins.Build(ctx, "371524", "2026-W25")->visit_rule, "每14天至少2次");
  // The W25 reports not filed by their due day (06-23) are listed as missing in the next week's
  // bulletin, as the missing-reports list has them.
  Task();
  auto later = ctx;
  later.today = Date{2026, 6, 30};
  auto w26 = bulletins.Build(later, "371524", "2026-W26");
  ASSERT_TRUE(w26) << w26.error().message;
  EXPECT_EQ(w26->missing.size(), 2u);  // DE-1 and DE-2
  const auto listed = sup_->MissingReports(later, "371524", w26->as_of).value();
  size_t in_list = 0;
  for (const auto& u : listed.units) {
    for (const auto& it : u.items) in_list += it.kind == "missing" ? 1 : 0;
  }
  EXPECT_EQ(w26->missing.size(), in_list);
  auto pdf = bulletins.Render(ctx, "371524", "2026-W25", "pdf");
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  auto xlsx = bulletins.Render(ctx, "371524", "2026-W25", "xlsx");
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
  EXPECT_EQ(bulletins.Render(ctx, "371524", "W25", "pdf").error().code, ErrorCode::kInvalid);
}

TEST_P(ProgressServiceTest, AnInvestmentTargetCountsTheFiguresFiledByItsDate) {
  auto ctx = As("coordinator", "371524");
  ASSERT_TRUE(ledger_->Update(ctx, project_,
                              {{"version", 1}, {"annual_plan", 100000000}, {"annual_completed", 10000000}}));
  auto t = CreateTarget(ctx, "年度投资完成率过半", "investment_rate", 0.5, "2026-12-31");
  ASSERT_TRUE(t) << t.error().message;
  const int64_t id = t->view.target.id;
  // No report yet: the ledger's 1,000 万 of 10,000 万.
  EXPECT_DOUBLE_EQ(targets_->Get(ctx, id, Date{2026, 6, 30}).value().view.status.value, 0.1);
  // The week of 06-15…06-21 is filed with 6,000 万 this year.
  const auto task = Task();
  ASSERT_TRUE(sup_->SaveReport(As("unit", "371524", unit_a_), task.report.id,
                               {{"version", 1},
                                {"investment_period", 5000000},
                                {"investment_year", 60000000},
                                {"by_source", {{"enterprise", 5000000}}},
                                {"visual_progress", "主体施工"},
                                {"submit", true}}));
  auto after = targets_->Get(ctx, id, Date{2026, 6, 30}).value().view.status;
  EXPECT_EQ(after.numerator, 60000000);
  EXPECT_EQ(after.denominator, 100000000);
  EXPECT_DOUBLE_EQ(after.value, 0.6);
  EXPECT_EQ(after.status, "met");
  // Before the week ended the filed figure did not exist yet.
  EXPECT_DOUBLE_EQ(targets_->Get(ctx, id, Date{2026, 6, 20}).value().view.status.value, 0.1);
}

// 2026-W53 runs 2026-12-28 … 2027-01-03: its cumulative figure is 2026's (the ISO year), and
// 2027-W01 starts the new year's cumulative afresh.
TEST_P(ProgressServiceTest, AWeekSpanningTheNewYearCountsTowardsItsIsoYear) {
  auto office = As("coordinator", "371524");
  ASSERT_TRUE(ledger_->Update(office, project_,
                              {{"version", 1}, {"annual_plan", 100000000}, {"annual_completed", 10000000}}));
  for (const char* week : {"2026-W52", "2026-W53", "2027-W01"}) {
    ASSERT_TRUE(sup_->GenerateTasks(office, {{"region", "371524"}, {"period", week}}));
  }
  auto task = [&](const char* week) {
    return sup_->ListReports(office, "371524", week, "").value().items.at(0).report;
  };
  EXPECT_EQ(task("2026-W53").due, (Date{2027, 1, 5}));
  auto filer = As("unit", "371524", unit_a_);
  auto file = [&](const char* week, const Date& on, int64_t year_total) {
    auto at = filer;
    at.today = on;
    const auto t = task(week);
    return sup_->SaveReport(at, t.id,
                            {{"version", t.version},
                             {"investment_period", 1000000},
                             {"investment_year", year_total},
                             {"visual_progress", "设备安装"},
                             {"submit", true}});
  };
  ASSERT_TRUE(file("2026-W52", {2026, 12, 29}, 80000000));
  // Below the previous week of the same year: refused, though the week ends in 2027.
  auto below = file("2026-W53", {2027, 1, 5}, 70000000);
  ASSERT_FALSE(below);
  EXPECT_EQ(below.error().details.at(0).field, "investment_year");
  ASSERT_TRUE(file("2026-W53", {2027, 1, 5}, 81000000));
  // The first week of 2027 reports 2027's cumulative figure, however small.
  auto w1 = file("2027-W01", {2027, 1, 12}, 2000000);
  ASSERT_TRUE(w1) << w1.error().message;
  // A 2027 investment target as of 2027-01-06 does not count 2026's 8,100 万 (W53): the ledger's
  // 1,000 万 stands until the first 2027 week is filed; after it, 2027's 200 万.
  auto t = CreateTarget(office, "2027年投资完成率", "investment_rate", 0.5, "2027-12-31");
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_DOUBLE_EQ(targets_->Get(office, t->view.target.id, Date{2027, 1, 6}).value().view.status.value, 0.1);
  EXPECT_DOUBLE_EQ(targets_->Get(office, t->view.target.id, Date{2027, 1, 12}).value().view.status.value,
                   0.02);
  // And 2026's figure as of the year's last day is W52's (W53 has not ended by then).
  EXPECT_EQ(targets_->Get(office, t->view.target.id, Date{2026, 12, 31}).value().view.status.numerator,
            80000000);
}

TEST_P(ProgressServiceTest, ACountysHolidaysMoveTheDueDateOfItsReports) {
  auto office = As("coordinator", "371524");
  auto put = sup_->PutSettings(
      office, "371524",
      {{"version", 0},
       {"report_policy",
        {{"frequency", "week"},
         {"due_weekday", 2},
         {"holidays",
          {"2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"}},
         {"workdays", {"2026-10-10"}}}}});
  ASSERT_TRUE(put) << put.error().message;
  EXPECT_EQ(put->report_policy.rest_day_rule, "next_workday");
  EXPECT_EQ(put->report_policy.holidays.size(), 7u);
  // The week of 09-28 … 10-04 would be due Tuesday 10-06, in the National Day holiday: Thursday 10-08.
  auto g = sup_->GenerateTasks(office, {{"region", "371524"}, {"period", "2026-W40"}});
  ASSERT_TRUE(g) << g.error().message;
  EXPECT_EQ(g->due, (Date{2026, 10, 8}));
  // A bad calendar is refused whole, every problem named, nothing stored.
  auto bad = sup_->PutSettings(
      office, "371524",
      {{"version", 1},
       {"report_policy", {{"rest_day_rule", "never"}, {"workdays", {"2026-10-08", "not a day"}}}}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(bad.error().details.size(), 3u);  // the rule, the unparsable day, the Thursday
  EXPECT_EQ(sup_->Settings(office, "371524").value().version, 1);
}

TEST_P(ProgressServiceTest, AMonthlyPlanDrivesTheScheduleOfTheInvestmentRule) {
  auto ctx = As("coordinator", "371524");
  auto body = NewProject("DE-M");
  body["stage"] = "started";
  body["actual_start"] = "2026-02-01";
  body["annual_plan"] = 12000000;      // 1,200 万元
  body["annual_completed"] = 3000000;  // 300 万元: 25 %
  auto created = ledger_->Create(ctx, body);
  ASSERT_TRUE(created) << created.error().message;
  const int64_t id = created->project.id;
  const Date june_end{2026, 6, 30};
  // Without a plan 序时进度 is 6/12 = 50 %: 25 points behind → yellow.
  auto l = sup_->ProjectLight(ctx, id, june_end).value().entry->light;
  EXPECT_EQ(l.light, supervision::Light::kYellow);
  EXPECT_DOUBLE_EQ(l.schedule_percent.value(), 50.0);
  EXPECT_EQ(sup_->MonthlyPlan(ctx, id, 2026).value().version, 0);
  // A front-loaded plan: 800 万元 due by June (66.7 %) → 41.7 points behind → red.
  std::vector<int64_t> months = {1000000, 1000000, 1000000, 1000000, 1000000, 3000000,
                                 1000000, 1000000, 1000000, 0,       0,       1000000};
  const int64_t journal = JournalCount();
  auto off = months;
  off[11] = 0;
  auto bad = sup_->PutMonthlyPlan(ctx, id, 2026, {{"version", 0}, {"months", off}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  EXPECT_NE(bad.error().details[0].reason.find("monthly_plan.sums_to_annual_plan"), std::string::npos);
  EXPECT_EQ(
      sup_->PutMonthlyPlan(As("unit", "371524", unit_b_), id, 2026, {{"version", 0}, {"months", months}})
          .error()
          .code,
      ErrorCode::kForbidden);  // another unit's project
  EXPECT_EQ(JournalCount(), journal);
  auto put = sup_->PutMonthlyPlan(ctx, id, 2026, {{"version", 0}, {"months", months}});
  ASSERT_TRUE(put) << put.error().message;
  EXPECT_EQ(put->version, 1);
  EXPECT_EQ(put->cumulative.at(5), 8000000);
  auto stale = sup_->PutMonthlyPlan(ctx, id, 2026, {{"version", 0}, {"months", months}});
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().extra["current_version"], 1);
  l = sup_->ProjectLight(ctx, id, june_end)
          .value()
          .entry->light;  // the cached board is refreshed from the journal
  EXPECT_EQ(l.light, supervision::Light::kRed);
  EXPECT_NEAR(l.schedule_percent.value(), 800.0 / 12.0, 1e-9);
  EXPECT_EQ(l.reasons.at(0).text, "投资完成25.0%，落后序时进度41.7个百分点");
  // Another year's plan does not count in 2026.
  EXPECT_EQ(sup_->MonthlyPlan(ctx, id, 2027).value().months.size(), 0u);
  EXPECT_EQ(sup_->PutMonthlyPlan(ctx, id, 1999, {{"version", 0}, {"months", months}}).error().code,
            ErrorCode::kInvalid);
}

INSTANTIATE_TEST_SUITE_P(Engines, ProgressServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

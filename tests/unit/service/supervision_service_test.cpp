// Supervision use cases on both engines: the problem loop with its rules, journal and versions;
// milestones; procedures; visits and compliance; attention; attachments.
#include <gtest/gtest.h>

#include <filesystem>

#include "ledger_fixture.h"
#include "service/supervision/supervision_service.h"
#include "store/journal.h"
#include "store/supervision_store.h"

namespace gj::testing {
namespace {

using nlohmann::json;
using service::ProblemDetail;
using Names = std::vector<std::string>;

class SupervisionServiceTest : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    files_ = (std::filesystem::temp_directory_path() /
              ("gjt_files_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++)))
                 .string();
    store_ = std::make_unique<io::LocalFileStore>(files_);
    sv_ = std::make_unique<service::SupervisionService>(tdb_->db(), *ledger_, *store_);
    auto created = ledger_->Create(As("coordinator", "371524"), NewProject("DE2026-001"));
    ASSERT_TRUE(created) << created.error().message;
    project_ = created->project.id;
    // Every call below runs with at most one connection per thread: a nested one throws.
    tdb_->db().RefuseNestedLeases(true);
    // Separate accounts: the office, the unit (工信局), the verifier (张明远), someone else.
    office_ = UserWith("office", std::nullopt);
    unit_user_ = UserWith("unitu", std::nullopt);
    verifier_ = UserWith("verifier", leader_);
  }
  void TearDown() override { std::filesystem::remove_all(files_); }

  int64_t UserWith(const std::string& login, std::optional<int64_t> person) {
    auto c = tdb_->db().Acquire();
    return store::AsInt(
        c->Query(
             "INSERT INTO users (login, name, password_hash, person_id, created_at) VALUES (?, ?, 'x', ?, 'now') RETURNING id",
             {login, login, store::Opt(person)})
            .rows[0][0]);
  }
  service::Ctx Office() {
    return Edited(As("coordinator", "371524"), [&](access::Caller& c) { c.user_id = office_; });
  }
  service::Ctx Unit() {
    return Edited(As("unit", "371524", unit_a_), [&](access::Caller& c) { c.user_id = unit_user_; });
  }
  service::Ctx Verifier() {
    return Edited(As("leader", "371524"), [&](access::Caller& c) { c.user_id = verifier_; });
  }

  ProblemDetail Raise() {
    auto r = sv_->RaiseProblem(
        Office(), {{"project_id", project_}, {"category", "land"}, {"description", "用地指标未落实"}});
    EXPECT_TRUE(r) << r.error().message;
    return r.value();
  }
  Result<ProblemDetail> Step(const service::Ctx& who, const ProblemDetail& p, const std::string& action,
                             json body = json::object()) {
    body["version"] = p.problem.row.version;
    return sv_->Act(who, Id(p), action, body);
  }
  static int64_t Id(const ProblemDetail& p) { return p.problem.row.fact.id; }
  static const std::string& Status(const ProblemDetail& p) { return p.problem.row.fact.status; }
  static std::vector<std::string> Actions(const ProblemDetail& p) {
    return p.problem.actions.value_or(std::vector<std::string>{});
  }
  ProblemDetail Assign(const ProblemDetail& p) {
    auto r = Step(Office(), p, "assign",
                  {{"unit_id", unit_a_}, {"coordinator_id", leader_}, {"deadline", "2026-06-30"}});
    EXPECT_TRUE(r) << r.error().message;
    return r.value();
  }
  int64_t Count(const std::string& sql) {
    auto c = tdb_->db().Acquire();
    return store::AsInt(c->Query(sql).rows[0][0]);
  }

  static inline int counter_ = 0;
  std::string files_;
  std::unique_ptr<io::LocalFileStore> store_;
  std::unique_ptr<service::SupervisionService> sv_;
  int64_t project_ = 0, office_ = 0, unit_user_ = 0, verifier_ = 0;
};

TEST_P(SupervisionServiceTest, TheWholeLoopWithAReturnIsJournaled) {
  ProblemDetail p = Raise();
  EXPECT_EQ(Status(p), "raised");
  EXPECT_EQ(Actions(p), (Names{"assign", "defer"}));
  p = Assign(p);
  EXPECT_EQ(Status(p), "assigned");
  auto unit_view = sv_->GetProblem(Unit(), Id(p));
  EXPECT_EQ(Actions(unit_view.value()), Names{"sign"});
  p = Step(Unit(), p, "sign").value();
  p = Step(Unit(), p, "handle", {{"note", "已与自然资源局对接"}}).value();
  EXPECT_EQ(Status(p), "signed");
  p = Step(Unit(), p, "request_close").value();
  EXPECT_EQ(Status(p), "verifying");
  EXPECT_EQ(Actions(sv_->GetProblem(Verifier(), Id(p)).value()), (Names{"close_out", "return"}));
  p = Step(Verifier(), p, "return", {{"note", "缺批复文件"}}).value();
  EXPECT_EQ(Status(p), "returned");
  EXPECT_EQ(p.problem.row.returns, 1);
  p = Step(Unit(), p, "handle", {{"note", "补充批复"}}).value();
  p = Step(Unit(), p, "request_close").value();
  p = Step(Verifier(), p, "close_out").value();
  EXPECT_EQ(Status(p), "closed");
  EXPECT_EQ(p.problem.row.fact.closed_on, (Date{2026, 6, 15}));
  EXPECT_EQ(p.steps.size(), 9u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM journal WHERE entity = 'problem'"), 9);
}

TEST_P(SupervisionServiceTest, IllegalStepsNameTheRuleAndChangeNothing) {
  ProblemDetail p = Assign(Raise());
  const int64_t journal = JournalCount();
  // Closing out an unverified problem: wrong status → 409 naming the rule.
  auto r = Step(Verifier(), p, "close_out");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().extra["rule"], "problem.close_out.by_verifier");
  p = Step(Unit(), p, "sign").value();
  p = Step(Unit(), p, "handle", {{"note", "x"}}).value();
  p = Step(Unit(), p, "request_close").value();
  // Only the verifier closes out: the office and the unit are refused.
  for (auto who : {Office(), Unit()}) {
    auto denied = Step(who, p, "close_out");
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, ErrorCode::kForbidden);
    EXPECT_NE(denied.error().message.find("problem.close_out.by_verifier"), std::string::npos);
  }
  // A stale version → 409 naming the stored version (the route adds the problem as GET shows it).
  ProblemDetail stale = p;
  stale.problem.row.version = 1;
  auto old = Step(Verifier(), stale, "close_out");
  ASSERT_FALSE(old);
  EXPECT_EQ(old.error().code, ErrorCode::kConflict);
  EXPECT_EQ(old.error().extra["current_version"], p.problem.row.version);
  EXPECT_EQ(JournalCount(), journal + 3);  // sign, handle, request_close only
  EXPECT_EQ(Status(sv_->GetProblem(Office(), Id(p)).value()), "verifying");
  // 422: unknown action; return without a reason.
  EXPECT_EQ(Step(Verifier(), p, "approve").error().code, ErrorCode::kInvalid);
  EXPECT_EQ(Step(Verifier(), p, "return").error().code, ErrorCode::kInvalid);
}

TEST_P(SupervisionServiceTest, AssignAndDeferValidateEveryField) {
  ProblemDetail p = Raise();
  auto r = Step(Office(), p, "assign", {{"deadline", "2026-06-01"}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().details.size(), 3u);  // unit, coordinator, deadline in the past
  EXPECT_EQ(Step(Unit(), p, "assign").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(Step(Office(), p, "defer").error().code, ErrorCode::kInvalid);  // no reason
  p = Step(Office(), p, "defer", {{"reason", "等待省级指标"}}).value();
  EXPECT_EQ(Status(p), "deferred");
  EXPECT_EQ(p.problem.row.defer_reason, "等待省级指标");
  p = Step(Office(), p, "resume",
           {{"unit_id", unit_a_}, {"coordinator_id", leader_}, {"deadline", "2026-07-31"}})
          .value();
  EXPECT_EQ(Status(p), "assigned");
  // request_close before any handling record.
  p = Step(Unit(), p, "sign").value();
  auto early = Step(Unit(), p, "request_close");
  ASSERT_FALSE(early);
  EXPECT_NE(early.error().details[0].reason.find("problem.request_close.after_handling"), std::string::npos);
}

TEST_P(SupervisionServiceTest, OverdueProblemsEscalateAndReachTheAttentionList) {
  Assign(Raise());
  store::ProblemFilter f;
  auto at = [&](const char* d) { return *ParseIsoDate(d); };
  auto list = sv_->ListProblems(Office(), f, "", at("2026-07-20")).value();
  ASSERT_EQ(list.items.size(), 1u);
  EXPECT_TRUE(list.items[0].overdue);
  EXPECT_EQ(list.items[0].days_overdue, 20);
  ASSERT_TRUE(list.items[0].escalation);
  EXPECT_EQ(list.items[0].escalation->level, "contact_leader");
  f.overdue_as_of = at("2026-06-30");
  EXPECT_EQ(sv_->ListProblems(Office(), f, "", at("2026-06-30")).value().items.size(), 0u);
  f.overdue_as_of = at("2026-07-01");
  EXPECT_EQ(sv_->ListProblems(Office(), f, "", at("2026-07-01")).value().items.size(), 1u);
  // Settings change the ladder.
  ASSERT_TRUE(sv_->PutSettings(
      Office(),
      {{"escalation",
        json::array({{{"after_days", 1}, {"level", "county_head"}, {"label_zh", "县主要领导"}}})}}));
  EXPECT_EQ(sv_->ListProblems(Office(), {}, "", at("2026-07-02")).value().items[0].escalation->level,
            "county_head");
  EXPECT_FALSE(sv_->PutSettings(Unit(), {{"escalation", json::array()}}));
  // Attention: the unit sees "assigned", then after reading it it is marked read.
  auto att = sv_->Attention(Unit(), at("2026-06-15")).value();
  ASSERT_EQ(att.items.size(), 1u);
  EXPECT_EQ(att.items[0].kind, "assigned");
  EXPECT_EQ(att.unread, 1);
  ASSERT_TRUE(sv_->MarkRead(Unit(), {{"keys", {att.items[0].key}}}));
  EXPECT_EQ(sv_->Attention(Unit(), at("2026-06-15")).value().unread, 0);
  // Overdue shows for the unit, the verifier and the office.
  EXPECT_EQ(sv_->Attention(Verifier(), at("2026-07-05")).value().items[0].kind, "overdue");
  EXPECT_EQ(sv_->Attention(Office(), at("2026-07-05")).value().items[0].kind, "overdue");
  // The store read for lights and bulletin.
  auto c = tdb_->db().Acquire();
  auto facts = store::ListProblemFacts(*c, access::ReadScope::All().Within("371524", *ledger_->Regions()));
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].unit_id, unit_a_);
  EXPECT_TRUE(supervision::IsOverdue(facts[0], at("2026-07-01")));
  EXPECT_TRUE(
      store::ListProblemFacts(*c, access::ReadScope::All().Within("371525", *ledger_->Regions())).empty());
}

TEST_P(SupervisionServiceTest, AnOverdueProblemReachesTheProjectsLeaderFromTheContactLeaderStep) {
  Assign(Raise());  // deadline 06-30, verified by 张明远
  const int64_t second =
      store::InsertPerson(*tdb_->db().Acquire(), {0, "李卫东", "县长", "leader", "371524", std::nullopt});
  ASSERT_TRUE(sv_->AddAssignment(Office(), project_, {{"person_id", second}}));
  const int64_t li_user = UserWith("li", second);
  const auto li = Edited(As("leader", "371524"), [&](access::Caller& c) { c.user_id = li_user; });
  EXPECT_EQ(sv_->Attention(li, Date{2026, 7, 14}).value().items.size(), 0u);  // 14 days: 责任单位主要领导
  auto att = sv_->Attention(li, Date{2026, 7, 15}).value();                   // 15 days: 联系县领导
  ASSERT_EQ(att.items.size(), 1u);
  EXPECT_EQ(att.items[0].kind, "escalated");
  ASSERT_TRUE(att.items[0].escalation);
  EXPECT_EQ(att.items[0].escalation->label_zh, "联系县领导");
  EXPECT_EQ(att.unread, 1);
  // The verifier sees it as overdue, with the step reached.
  auto v = sv_->Attention(Verifier(), Date{2026, 7, 15}).value();
  EXPECT_EQ(v.items[0].kind, "overdue");
  ASSERT_TRUE(v.items[0].escalation);
  EXPECT_EQ(v.items[0].escalation->level, "contact_leader");
}

TEST_P(SupervisionServiceTest, ProblemsOutsideTheScopeAreNotFound) {
  ProblemDetail p = Raise();
  auto other = As("coordinator", "371525");
  EXPECT_EQ(sv_->GetProblem(other, Id(p)).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Step(other, p, "assign").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(sv_->ListProblems(other, {}, "", Date{2026, 6, 15}).value().items.size(), 0u);
  auto bad = sv_->RaiseProblem(Office(), {{"project_id", project_}, {"category", "weather"}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().details.size(), 2u);  // category, description
}

TEST_P(SupervisionServiceTest, EvidenceIsTypeCheckedAndStoredUnderOurName) {
  ProblemDetail p = Assign(Raise());
  auto bad = sv_->AttachToProblem(Unit(), Id(p), {"MZ\x90\x00 not a pdf", "evil.pdf"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  auto big = sv_->AttachToProblem(Unit(), Id(p),
                                  {"%PDF-" + std::string(service::kMaxAttachmentBytes, 'x'), "big.pdf"});
  EXPECT_EQ(big.error().code, ErrorCode::kPayloadTooLarge);
  auto ok = sv_->AttachToProblem(Unit(), Id(p), {"%PDF-1.4 evidence", "../../etc/批复\n.pdf"});
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok.value().file_name, "批复.pdf");
  EXPECT_EQ(ok.value().content_type, "application/pdf");
  auto d = sv_->GetAttachment(Office(), ok.value().id);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->bytes, "%PDF-1.4 evidence");
  EXPECT_EQ(sv_->GetAttachment(As("coordinator", "371525"), ok.value().id).error().code,
            ErrorCode::kNotFound);
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(files_))
    files += e.path().filename().string().find("批复") == std::string::npos ? 1 : 100;
  EXPECT_EQ(files, 1u);
}

TEST_P(SupervisionServiceTest, MilestonesScheduleBackwardsAndRefuseADateBeforeThePredecessor) {
  auto a = sv_->AddMilestone(Office(), project_,
                             {{"name", "施工许可"}, {"planned_date", "2026-07-01"}, {"duration_days", 20}});
  ASSERT_TRUE(a) << a.error().message;
  const int64_t first = a.value().items[0].row.m.id;
  auto b = sv_->AddMilestone(
      Office(), project_,
      {{"name", "开工"}, {"planned_date", "2026-07-20"}, {"duration_days", 10}, {"predecessor_id", first}});
  ASSERT_TRUE(b);
  auto m = sv_->Milestones(Office(), project_, Date{2026, 8, 31}, Date{2026, 7, 5}).value();
  EXPECT_EQ(m.items[1].schedule.latest_finish, (Date{2026, 8, 31}));
  EXPECT_EQ(m.items[1].schedule.latest_start, (Date{2026, 8, 21}));
  EXPECT_EQ(m.items[0].schedule.latest_finish, (Date{2026, 8, 21}));
  EXPECT_EQ(m.items[0].schedule.slack_days, 51);
  EXPECT_TRUE(m.items[0].schedule.late);
  const int64_t journal = JournalCount();
  auto bad = sv_->AddMilestone(Office(), project_,
                               {{"name", "竣工"}, {"planned_date", "2026-06-01"}, {"predecessor_id", first}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  EXPECT_NE(bad.error().details[0].reason.find("milestone.after_predecessor"), std::string::npos);
  EXPECT_EQ(bad.error().details[0].field, "planned_date");
  auto stale = sv_->UpdateMilestone(Office(), first, {{"version", 7}, {"name", "x"}});
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().extra["current_version"], 1);
  EXPECT_EQ(JournalCount(), journal);
  auto upd = sv_->UpdateMilestone(Office(), first, {{"version", 1}, {"actual_date", "2026-07-03"}});
  ASSERT_TRUE(upd) << upd.error().message;
  // Today (06-15) the recorded date has not come yet: the node is not done. As of 07-05 it is done,
  // two days after its plan (07-01) — done, not late.
  EXPECT_EQ(upd.value().items[0].node.state, supervision::NodeState::kPending);
  auto later = sv_->Milestones(Office(), project_, Date{2026, 8, 31}, Date{2026, 7, 5}).value();
  EXPECT_EQ(later.items[0].node.state, supervision::NodeState::kDone);
  EXPECT_EQ(later.items[0].node.done_on, (Date{2026, 7, 3}));
  EXPECT_FALSE(later.items[0].schedule.late);
  EXPECT_EQ(later.items[0].schedule.days_late, 2);
  EXPECT_EQ(sv_->AddMilestone(As("unit", "371524", unit_b_), project_,
                              {{"name", "x"}, {"planned_date", "2026-07-01"}})
                .error()
                .code,
            ErrorCode::kForbidden);
}

TEST_P(SupervisionServiceTest, ProceduresBlockAPlannedStartAndReportDurations) {
  // planned_start 2026-03-01, not started: every required procedure not approved blocks.
  auto list = sv_->Procedures(Office(), project_, Date{2026, 6, 15}).value();
  EXPECT_EQ(list.items.size(), 7u);
  EXPECT_EQ(list.blocking, 7);
  auto put = sv_->PutProcedure(Office(), project_, "construction_permit",
                               {{"version", 0},
                                {"status", "approved"},
                                {"unit_id", unit_b_},
                                {"applied_on", "2026-05-01"},
                                {"approved_on", "2026-05-21"},
                                {"approval_no", "东审批字〔2026〕12号"}});
  ASSERT_TRUE(put) << put.error().message;
  EXPECT_EQ(put.value().blocking, 6);
  auto pending =
      sv_->PutProcedure(Office(), project_, "eia",
                        {{"version", 0}, {"status", "accepted_pending"}, {"applied_on", "2026-06-01"}});
  ASSERT_FALSE(pending);  // 容缺受理 must name the pending document
  EXPECT_NE(pending.error().details[0].reason.find("procedure.accepted_pending_names_document"),
            std::string::npos);
  ASSERT_TRUE(sv_->PutProcedure(Office(), project_, "eia",
                                {{"version", 0},
                                 {"status", "accepted_pending"},
                                 {"applied_on", "2026-06-01"},
                                 {"pending_document", "不动产权证"}}));
  auto bad =
      sv_->PutProcedure(Office(), project_, "planning_permit", {{"version", 0}, {"status", "approved"}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().details.size(), 2u);  // date and number
  auto stale =
      sv_->PutProcedure(Office(), project_, "construction_permit", {{"version", 0}, {"status", "applied"}});
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().extra["current_version"], 1);
  auto d = sv_->ProcedureDurations(Office(), "").value();
  ASSERT_EQ(d.items.size(), 1u);
  EXPECT_EQ(d.items[0].unit_id, unit_b_);
  EXPECT_DOUBLE_EQ(d.items[0].durations.average_days, 20.0);
  auto c = tdb_->db().Acquire();
  auto facts = store::ListProcedureFacts(*c, access::ReadScope::All().Within("371524", *ledger_->Regions()));
  auto starts = store::ListProjectStarts(*c, access::ReadScope::All().Within("371524", *ledger_->Regions()));
  int blocking = 0;
  for (const auto& f : facts)
    blocking += supervision::BlocksStart(f, starts[f.project_id].planned_start,
                                         starts[f.project_id].actual_start, Date{2026, 6, 15});
  EXPECT_EQ(blocking, 0);  // only recorded rows come back: one approved, one accepted with gaps
}

TEST_P(SupervisionServiceTest, VisitsAndWeeklyCompliance) {
  // 张明远 is the project's leader; a second leader is assigned from May (assignments are dated:
  // one from today would owe nothing in June's first fortnight).
  const int64_t second =
      store::InsertPerson(*tdb_->db().Acquire(), {0, "李卫东", "县长", "leader", "371524", std::nullopt});
  ASSERT_TRUE(sv_->AddAssignment(Office(), project_, {{"person_id", second}, {"from_date", "2026-05-01"}}));
  EXPECT_EQ(sv_->AddAssignment(Unit(), project_, {{"person_id", second}}).error().code,
            ErrorCode::kForbidden);
  for (const char* d : {"2026-06-01", "2026-06-09"}) {
    auto v = sv_->AddVisit(Verifier(), {{"project_id", project_}, {"visit_date", d}, {"notes", "现场办公"}});
    ASSERT_TRUE(v) << v.error().message;
  }
  EXPECT_EQ(sv_->AddVisit(Verifier(), {{"project_id", project_}, {"visit_date", "2026-06-20"}}).error().code,
            ErrorCode::kInvalid);  // future
  EXPECT_EQ(sv_->AddVisit(Verifier(),
                          {{"project_id", project_}, {"person_id", second}, {"visit_date", "2026-06-02"}})
                .error()
                .code,
            ErrorCode::kForbidden);  // not their own
  auto rep = sv_->Compliance(Office(), "", Date{2026, 6, 1}, Date{2026, 6, 14}, Date{2026, 6, 15}).value();
  ASSERT_EQ(rep.items.size(), 2u);
  EXPECT_EQ(rep.items[0].compliance.holder.id, leader_);
  EXPECT_EQ(rep.items[0].compliance.met, 2);
  EXPECT_DOUBLE_EQ(rep.items[0].compliance.rate, 1.0);
  EXPECT_EQ(rep.items[1].compliance.met, 0);
  EXPECT_EQ(rep.items[1].compliance.missed.size(), 2u);
  auto page = sv_->LeaderPage(Verifier(), std::nullopt, Date{2026, 6, 15}).value();
  EXPECT_EQ(page.name, "张明远");
  ASSERT_EQ(page.projects.size(), 1u);
  EXPECT_TRUE(page.projects[0].visit_due);  // week of 06-15 not visited yet
  EXPECT_EQ(page.recent_visits.size(), 2u);
}

TEST_P(SupervisionServiceTest, ReadScopeHoldsForEveryList) {
  // The project lies in 铜城街道; 新城街道 is its sibling town, 冠县 another county.
  {
    auto c = tdb_->db().Acquire();
    store::InsertRegion(*c, {"371524002", "新城街道", "town", "371524"}, 4);
  }
  ledger_->ReloadRegions();
  Assign(Raise());
  ASSERT_TRUE(sv_->PutProcedure(Office(), project_, "construction_permit",
                                {{"version", 0},
                                 {"status", "approved"},
                                 {"unit_id", unit_b_},
                                 {"applied_on", "2026-05-01"},
                                 {"approved_on", "2026-05-21"},
                                 {"approval_no", "东审批字〔2026〕12号"}}));
  ASSERT_TRUE(sv_->AddVisit(Verifier(), {{"project_id", project_}, {"visit_date", "2026-06-01"}}));
  const Date from{2026, 6, 1}, to{2026, 6, 14}, as_of{2026, 6, 15};
  auto problems = [&](const service::Ctx& who, const std::string& region) {
    return sv_->ListProblems(who, {}, region, as_of).value().items.size();
  };
  auto durations = [&](const service::Ctx& who, const std::string& region) {
    return sv_->ProcedureDurations(who, region).value().items.size();
  };
  auto compliance = [&](const service::Ctx& who, const std::string& region) {
    return sv_->Compliance(who, region, from, to, as_of).value().items.size();
  };
  const auto town = As("viewer", "371524001"), sibling = As("viewer", "371524002"),
             other = As("coordinator", "371525");
  EXPECT_EQ(problems(town, ""), 1u);
  EXPECT_EQ(durations(town, ""), 1u);
  EXPECT_EQ(compliance(town, ""), 1u);
  for (const auto& who : {sibling, other}) {
    EXPECT_EQ(problems(who, ""), 0u);
    EXPECT_EQ(durations(who, ""), 0u);
    EXPECT_EQ(compliance(who, ""), 0u);
    EXPECT_EQ(problems(who, "371524"), 0u);
    EXPECT_EQ(durations(who, "371524"), 0u);
    EXPECT_EQ(compliance(who, "371524"), 0u);
  }
  // An unknown region, or one outside the scope, selects nothing (not every county).
  for (const std::string region : {"999999", "371524002"}) {
    EXPECT_EQ(problems(Office(), region), 0u);
    EXPECT_EQ(durations(Office(), region), 0u);
    EXPECT_EQ(compliance(Office(), region), 0u);
  }
  EXPECT_EQ(ledger_->ListInRegion(sibling, {}, "").value().size(), 0u);
  EXPECT_EQ(ledger_->ListInRegion(town, {}, "").value().size(), 1u);
  EXPECT_EQ(ledger_->ListInRegion(Office(), {}, "999999").value().size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Engines, SupervisionServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

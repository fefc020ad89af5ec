#include "service/supervision/supervision_demo.h"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "store/account_store.h"
#include "store/assignment_store.h"
#include "store/journal.h"
#include "store/org_store.h"
#include "store/project_store.h"
#include "store/supervision_store.h"

namespace gj::service {

namespace {

struct DemoProblem {
  const char* category;
  const char* description;
  const char* status;
  int deadline_offset;  // days from today (negative: already past)
  const char* unit;     // department name in the county (东阿县, 冠县)
  int coordinator;      // index into the county's leaders (东阿县: 2 = 王海涛)
};

// Seeds: 土地、资金、手续、能耗指标、环境容量、电力、供水、拆迁 are what block key projects.
const std::vector<DemoProblem> kProblems = {
    {"land", "项目用地指标尚未落实，需调剂新增建设用地指标约 80 亩", "raised", 0, "", 2},
    {"funds", "专项债资金第二批未到位，影响设备采购进度", "assigned", 12, "工业和信息化局", 2},
    {"procedures", "施工许可证办理滞后，图审意见尚未回复", "signed", -5, "工业和信息化局", 2},
    {"power", "电力增容需新建 10kV 专线，供电方案待批复", "signed", -40, "工业和信息化局", 3},
    {"energy_quota", "能耗指标缺口 1.2 万吨标准煤，需市级统筹", "verifying", 8, "工业和信息化局", 2},
    {"demolition", "项目红线内 6 户房屋拆迁补偿未达成一致", "returned", 3, "住房和城乡建设局", 2},
    {"water", "园区供水管网未接通，施工用水临时解决", "closed", -10, "住房和城乡建设局", 3},
    {"environment_capacity", "环评批复需区域污染物总量替代来源", "deferred", 20, "生态环境分局", 4},
    {"land", "土地摘牌后不动产权证办理需容缺受理", "assigned", 2, "自然资源和规划局", 2},
    {"procedures", "节能审查报告需补充能源消费结构说明", "signed", -18, "发展和改革局", 3},
    {"funds", "银行贷款审批周期长，需县金融办协调", "raised", 0, "", 3},
    {"other", "项目周边道路未通，影响大型设备进场", "signed", 6, "交通运输局", 4},
    {"power", "厂区临时用电容量不足", "closed", -30, "工业和信息化局", 2},
    {"land", "部分地块涉及基本农田调整", "verifying", -2, "自然资源和规划局", 2},
};

// The seven nodes (挂图作战) of the i-th demo project, consistent with its stage dates as of `today`:
// the nodes up to 开工 are planned on or before the start (laid backwards from it) and, once the
// project has started, done on or before its actual start; 主体完工 and 竣工验收 are planned after the
// start, up to the planned completion. A completed or operating project has every node done. What
// stays open past its plan is 滞后, as it would be: 施工许可 and 开工 of a project that has not started
// on time, 主体完工 of one started project in three, 竣工验收 of a project past its planned completion.
std::vector<supervision::Milestone> DemoMilestones(const ledger::Project& p, size_t i, const Date& today) {
  // Name and duration (days the step takes, ending on its planned date; the last two take the time
  // from the node before); the first five lead to 开工.
  static const std::vector<std::pair<const char*, int>> kNodes = {
      {"立项/备案", 20}, {"用地预审与选址", 30}, {"规划许可", 25}, {"施工许可", 20},
      {"开工建设", 10},  {"主体完工", 0},        {"竣工验收", 0}};
  constexpr size_t kStart = 4;  // 开工建设
  const Date planned_start = p.planned_start.value_or(p.actual_start.value_or(today.AddDays(60)));
  // 开工 is planned on the planned start, or on the actual start if the project started early.
  const Date start_plan = p.actual_start ? std::min(planned_start, *p.actual_start) : planned_start;
  // The rest runs from the start (actual, else planned) to the planned completion: 竣工验收 on the
  // completion, 主体完工 its 30 days before (or halfway, on a short plan); each node's duration is the
  // time from the node before, so the plan has no slack and no overlap (倒排工期 from the completion).
  const Date base = p.actual_start.value_or(planned_start);
  const Date finish = std::max(p.planned_completion.value_or(base.AddDays(300)), base.AddDays(2));
  const Date structure =
      finish.AddDays(-30) > base ? finish.AddDays(-30) : base.AddDays((finish.ToDays() - base.ToDays()) / 2);
  const int off = i % 2 == 0 ? 3 : -2;  // some finish a few days after their plan, some before
  const bool started = p.actual_start.has_value();
  const bool completed =
      p.actual_completion.has_value() && (p.stage == "completed" || p.stage == "operating");

  std::vector<supervision::Milestone> out(kNodes.size());
  // Before 开工: laid backwards from the planned start.
  Date d = start_plan;
  for (size_t k = kStart + 1; k-- > 0;) {
    out[k].planned_date = d;
    d = d.AddDays(-kNodes[k].second);
  }
  out[kStart + 1].planned_date = structure;
  out[kStart + 2].planned_date = finish;
  std::optional<Date> last_done;  // actual dates form a prefix, each on or after the one before
  for (size_t k = 0; k < kNodes.size(); ++k) {
    auto& m = out[k];
    m.name = kNodes[k].first;
    m.duration_days = k <= kStart
                          ? kNodes[k].second
                          : static_cast<int>(m.planned_date.ToDays() - out[k - 1].planned_date.ToDays());
    std::optional<Date> done;
    if (k < kStart) {
      if (started) done = std::min(m.planned_date.AddDays(off), *p.actual_start);
      // Not started: the early approvals are in hand once two weeks past their plan; 施工许可 of every
      // other project is still awaited, and 开工 is late once its plan has passed (滞后).
      else if (m.planned_date <= today.AddDays(-15) && (k < 3 || i % 2 == 1))
        done = m.planned_date.AddDays(off);
    } else if (k == kStart) {
      done = p.actual_start;
    } else if (completed) {
      done =
          k + 1 == kNodes.size() ? *p.actual_completion : std::max(base, p.actual_completion->AddDays(-30));
    } else if (started && k == kStart + 1 && i % 3 != 0 && m.planned_date <= today.AddDays(-15)) {
      // 主体完工 of a started project, done near its plan; one in three still at it (滞后).
      done = m.planned_date.AddDays(off);
    }
    if (k > 0 && !out[k - 1].actual_date) done.reset();  // never done before its predecessor
    if (done) {
      if (last_done) done = std::max(*done, *last_done);
      done = std::min(*done, today);
      m.actual_date = done;
      last_done = done;
    }
  }
  return out;
}

// Writes demo problem `d` on `project`, with the steps that brought it to its status; `unit` and
// `coordinator` are those it is assigned to (unless still raised).
void InsertDemoProblem(store::Connection& c, const DemoProblem& d, int64_t project,
                       std::optional<int64_t> unit, int64_t coordinator, Date raised_on, const Date& today,
                       const std::string& now_iso) {
  store::ProblemRow p;
  p.fact.project_id = project;
  p.fact.category = d.category;
  p.fact.status = d.status;
  p.fact.raised_on = raised_on;
  p.description = d.description;
  p.created_at = p.updated_at = now_iso;
  const std::string status = d.status;
  if (status != "raised") {
    p.fact.unit_id = unit;
    p.fact.coordinator_id = coordinator;
    p.fact.deadline = today.AddDays(d.deadline_offset);
    // Raised at least two weeks before its deadline.
    p.fact.raised_on = std::min(p.fact.raised_on, p.fact.deadline->AddDays(-14));
  }
  p.fact.id = store::InsertProblem(c, p);
  std::vector<std::pair<std::string, std::string>> steps = {{"raise", "raised"}};
  if (status != "raised") steps.push_back({"assign", "assigned"});
  const bool signed_ =
      status == "signed" || status == "verifying" || status == "returned" || status == "closed";
  if (signed_) {
    steps.push_back({"sign", "signed"});
    steps.push_back({"handle", "signed"});
    p.signed_on = p.fact.raised_on.AddDays(3);
  }
  if (status == "verifying" || status == "returned" || status == "closed")
    steps.push_back({"request_close", "verifying"});
  if (status == "returned") {
    steps.push_back({"return", "returned"});
    p.returns = 1;
  }
  if (status == "closed") {
    steps.push_back({"close_out", "closed"});
    p.fact.closed_on = today.AddDays(d.deadline_offset - 2);
  }
  if (status == "deferred") {
    steps.push_back({"defer", "deferred"});
    p.defer_reason = "待省级总量指标下达后再行推进";
  }
  std::string from;
  int day = 0;
  for (const auto& [action, to] : steps) {
    const std::string note = action == "handle"   ? "已召开专题协调会，明确办理时限"
                             : action == "return" ? "佐证材料不全，请补充批复文件"
                                                  : "";
    store::InsertProblemStep(c, {0, p.fact.id, action, from, to, note, std::nullopt, "演示数据",
                                 p.fact.raised_on.AddDays(day++), now_iso});
    from = to;
  }
  (void)store::UpdateProblem(c, p, 1);  // inserted at version 1 in this transaction: never stale
  store::WriteJournal(c, "problem", p.fact.id, "raise", std::nullopt, now_iso,
                      nlohmann::json::array({{{"field", "status"}, {"old", nullptr}, {"new", status}}}));
}

// 冠县 (371525), written after all of 东阿县's (whose figures the tests pin): a few problems, targets
// aside (progress demo), and the nodes of its first three projects, so that a role of 东阿县 has
// another county's objects to be refused on. Returns the rows written.
int OtherCountyDemo(store::Connection& c, const access::RegionTree& tree, const Date& today,
                    const std::string& now_iso) {
  const std::string county = "371525";
  std::vector<int64_t> leaders;
  for (const auto& p : store::ListPeople(c, access::ReadScope::All().Within(county, tree), "leader")) {
    if (p.region_code == county) leaders.push_back(p.id);
  }
  const std::vector<int64_t> projects = store::ProjectIdsOfCounty(c, access::ReadScope::System(), county);
  if (leaders.size() < 3 || projects.size() < 3) return 0;
  auto unit_id = [&](const std::string& name) {
    return store::FindUnitId(c, access::ReadScope::System(), county, name);
  };
  static const std::vector<DemoProblem> kGuanxian = {
      {"land", "冠县项目用地报批材料待补充，需自然资源部门指导", "assigned", 10, "自然资源和规划局", 1},
      {"power", "冠县项目电力接入方案待供电公司批复", "signed", -3, "工业和信息化局", 2},
      {"funds", "冠县项目配套资金尚未落实", "raised", 0, "", 0},
  };
  int written = 0;
  for (size_t i = 0; i < kGuanxian.size(); ++i) {
    const auto& d = kGuanxian[i];
    InsertDemoProblem(c, d, projects[i], unit_id(d.unit), leaders[static_cast<size_t>(d.coordinator)],
                      today.AddDays(-25 - static_cast<int>(i) * 4), today, now_iso);
    ++written;
  }
  for (size_t i = 0; i < 3; ++i) {
    auto pc = store::LoadProject(c, access::ReadScope::System(), projects[i]);
    if (!pc) continue;
    std::optional<int64_t> prev;
    int sort = 0;
    for (const auto& m : DemoMilestones(*pc, i, today)) {
      store::MilestoneRow r;
      r.m = m;
      r.m.project_id = pc->id;
      r.m.predecessor_id = prev;
      r.m.unit_id = unit_id(sort < 4 ? "行政审批服务局" : "住房和城乡建设局");
      r.sort = sort++;
      r.m.id = store::InsertMilestone(c, r, now_iso);
      prev = r.m.id;
      ++written;
    }
  }
  return written;
}

}  // namespace

Result<int> BuildSupervisionDemo(store::Database& db, const Date& today, const std::string& now_iso) {
  auto c = db.Acquire();
  store::Transaction tx(*c);
  const std::string county = "371524";
  std::vector<int64_t> leaders;
  const access::RegionTree tree(store::LoadRegions(*c));
  const auto in_county = access::ReadScope::All().Within(county, tree);
  for (const auto& p : store::ListPeople(*c, in_county, "leader")) {
    if (p.region_code == county) leaders.push_back(p.id);  // the county's own leaders, not its towns'
  }
  const std::vector<int64_t> projects = store::ProjectIdsOfCounty(*c, access::ReadScope::System(), county);
  if (leaders.size() < 5 || projects.size() < 40)
    return Error::Conflict("the supervision demo needs the ledger demo of 东阿县");
  // The demo "leader" account is 王海涛, so the leader page and verification have a subject.
  store::SetAccountPerson(*c, "leader", leaders[2]);
  auto unit_id = [&](const std::string& name) {
    return store::FindUnitId(*c, access::ReadScope::System(), county, name);
  };
  int written = 0;

  // ---- problems, each with the steps that brought it to its status
  static const std::vector<std::string> kPath = {"raised",    "assigned", "signed", "handled",
                                                 "verifying", "returned", "closed"};
  for (size_t i = 0; i < kProblems.size(); ++i) {
    const auto& d = kProblems[i];
    InsertDemoProblem(*c, d, projects[i * 3 % projects.size()], unit_id(d.unit),
                      leaders[static_cast<size_t>(d.coordinator)],
                      today.AddDays(-20 - static_cast<int>(i) * 3), today, now_iso);
    ++written;
  }

  // ---- milestones (挂图作战), drawn from each project's own stage dates (see DemoMilestones): the
  // first twelve projects, and the first three others still under construction past their planned
  // completion (续建 projects behind schedule: their 竣工验收 is 滞后).
  std::vector<std::pair<size_t, ledger::Project>> with_nodes;
  for (size_t i = 0, behind = 0; i < projects.size() && (i < 12 || behind < 3); ++i) {
    auto pc = store::LoadProject(*c, access::ReadScope::System(), projects[i]);
    if (!pc) continue;
    if (i >= 12) {
      if (pc->stage != "started" || !pc->planned_completion || *pc->planned_completion >= today) continue;
      ++behind;
    }
    with_nodes.emplace_back(i, std::move(*pc));
  }
  for (const auto& [i, pc] : with_nodes) {
    std::optional<int64_t> prev;
    int sort = 0;
    for (const auto& m : DemoMilestones(pc, i, today)) {
      store::MilestoneRow r;
      r.m = m;
      r.m.project_id = pc.id;
      r.m.predecessor_id = prev;
      r.m.unit_id = unit_id(sort < 4 ? "行政审批服务局" : "住房和城乡建设局");
      r.sort = sort++;
      r.m.id = store::InsertMilestone(*c, r, now_iso);
      prev = r.m.id;
      ++written;
    }
  }

  // ---- procedures
  const std::vector<std::string> kinds = {"project_approval", "land_preexam",        "planning_permit",
                                          "property_cert",    "construction_permit", "eia",
                                          "energy_review"};
  const std::vector<std::string> handlers = {"发展和改革局",     "自然资源和规划局", "自然资源和规划局",
                                             "自然资源和规划局", "行政审批服务局",   "生态环境分局",
                                             "发展和改革局"};
  for (size_t i = 0; i < 30; ++i) {
    for (size_t k = 0; k < kinds.size(); ++k) {
      store::ProcedureRow r;
      r.fact.project_id = projects[i];
      r.fact.kind = kinds[k];
      r.fact.unit_id = unit_id(handlers[k]);
      const int stage = static_cast<int>((i * 7 + k * 3) % 10);  // deterministic spread
      const size_t done = 3 + i % 5;
      if (k < done) {
        r.fact.status = "approved";
        r.fact.applied_on = today.AddDays(-200 + static_cast<int>(k) * 15);
        // Units differ in speed, so the durations report ranks them.
        r.fact.approved_on =
            r.fact.applied_on->AddDays(8 + static_cast<int>((i + k) % 6) * 7 + static_cast<int>(k) * 4);
        char no[64];
        std::snprintf(no, sizeof no, "东审批字〔%d〕%03zu号", today.year, i * 7 + k + 1);
        r.approval_no = no;
      } else if (k == done && stage < 4) {
        r.fact.status = "accepted_pending";
        r.fact.accepted_pending = true;
        r.fact.applied_on = today.AddDays(-12);
        r.pending_document = "不动产权证（办理中）";
      } else if (k == done) {
        r.fact.status = "applied";
        r.fact.applied_on = today.AddDays(-20);
      } else {
        r.fact.status = "not_started";
      }
      store::InsertProcedure(*c, r, now_iso);
      ++written;
    }
  }

  // ---- 包保 (dated): 王海涛 on ten projects from 120 days ago; leaders[3] held two more until four
  // weeks ago and handed them to leaders[4] then (the old holder keeps the history); 住房和城乡建设局
  // and 交通运输局 help two projects each as 帮包部门 from 60 days ago. Eight weeks of visits by
  // whoever held each project that week (a unit's by its liaison), about one in six missed.
  const Date held_from = today.AddDays(-120), handover = today.AddDays(-28);
  auto assign = [&](int64_t project, std::optional<int64_t> person, std::optional<int64_t> unit, Date from,
                    std::optional<Date> to) {
    store::AssignmentRow a;
    a.project_id = project;
    a.person_id = person;
    a.unit_id = unit;
    a.from_date = from;
    a.to_date = to;
    a.id = store::InsertAssignment(*c, a, now_iso);
    store::WriteJournal(*c, "project", project, to ? "handover" : "assign", std::nullopt, now_iso,
                        store::AssignmentCreatedChanges(a));
    ++written;
  };
  for (size_t i = 0; i < 10; ++i) assign(projects[i], leaders[2], std::nullopt, held_from, std::nullopt);
  for (size_t i = 10; i < 12; ++i) {
    assign(projects[i], leaders[3], std::nullopt, held_from, handover.AddDays(-1));
    assign(projects[i], leaders[4], std::nullopt, handover, std::nullopt);
  }
  // A liaison (联络员) of each helping unit, who makes its visits.
  std::map<int64_t, int64_t> liaison_of;
  const char* const kHelpers[] = {"住房和城乡建设局", "交通运输局"};
  const char* const kLiaisons[] = {"赵立新", "钱文博"};
  for (size_t k = 0; k < 2; ++k) {
    const auto unit = unit_id(kHelpers[k]);
    if (!unit) continue;
    store::Person pe;
    pe.name = kLiaisons[k];
    pe.title = std::string(kHelpers[k]) + "联络员";
    pe.kind = "liaison";
    pe.region_code = county;
    pe.unit_id = unit;
    liaison_of[*unit] = store::InsertPerson(*c, pe);
    for (size_t i = 20 + 2 * k; i < 22 + 2 * k; ++i)
      assign(projects[i], std::nullopt, unit, today.AddDays(-60), std::nullopt);
  }
  const Date monday = today.AddDays(-(today.IsoWeekday() - 1));
  int64_t n = 0;
  for (const auto& a : store::ListDatedAssignments(*c, in_county, monday.AddDays(-56), today)) {
    const bool unit = a.holder.kind == supervision::HolderKind::kUnit;
    for (int w = 1; w <= 8; ++w) {
      // About one visit in six is missed, spread over holders and weeks.
      if ((a.project_id + a.holder.id + w) % 6 == 0) continue;
      store::VisitRow v;
      v.project_id = a.project_id;
      v.person_id = unit ? liaison_of[a.holder.id] : a.holder.id;
      if (unit) v.unit_id = a.holder.id;
      v.visit_date = monday.AddDays(-7 * w + (n++ % 5));
      if (!a.Covers(v.visit_date, v.visit_date)) continue;
      v.notes = unit ? "帮包部门现场服务，协调办理施工许可和道路接入"
                     : "现场调度项目进度，协调解决施工用地和用电问题";
      v.problems_discussed = w % 3 == 0 ? "用地、电力" : "";
      v.created_at = now_iso;
      store::InsertVisit(*c, v);
      ++written;
    }
  }
  written += OtherCountyDemo(*c, tree, today, now_iso);
  tx.Commit();
  return written;
}

}  // namespace gj::service

#include "service/home/todo_service.h"

#include <algorithm>
#include <map>

#include "domain/access/access.h"
#include "domain/access/mine.h"

namespace gj::service {

namespace {

// Counts every item and keeps the first kMaxItems; an empty group is left out.
void AddGroup(MyTodos& out, std::string kind, std::vector<TodoItem> items) {
  if (items.empty()) return;
  TodoGroup g{std::move(kind), static_cast<int>(items.size()), std::move(items)};
  if (g.items.size() > TodoService::kMaxItems) g.items.resize(TodoService::kMaxItems);
  out.total += g.count;
  out.groups.push_back(std::move(g));
}

bool IsOpenReport(const std::string& status) {
  return status == "pending" || status == "draft" || status == "returned";
}

}  // namespace

Result<MyTodos> TodoService::Todos(const Ctx& ctx) {
  MyTodos out;
  out.as_of = ctx.today;
  const auto& caller = ctx.caller;

  // Reports of the running period, in the list's order (by project).
  if (access::AllowedAnywhere(caller, access::kProjectRead)) {
    auto reports = progress_.ListReports(ctx, "", "", "");
    if (!reports) return reports.error();
    out.period = reports->period;
    // The project office reviews every report it reads; anyone else who may review (a leader)
    // reviews those of their own projects.
    const bool office = access::AllowedAnywhere(caller, access::kSupervisionManage);
    std::vector<TodoItem> fill, review;
    for (const auto& v : reports->items) {
      const auto& r = v.report;
      TodoItem item{r.id, r.project_id, v.project.name, "", r.status, r.due};
      if (v.can_report && v.mine && IsOpenReport(r.status)) fill.push_back(item);
      if (r.status == "submitted" && access::AllowedAnywhere(caller, access::kReportReview) &&
          (office || v.mine))
        review.push_back(item);
    }
    AddGroup(out, "report_fill", std::move(fill));
    AddGroup(out, "report_review", std::move(review));

    auto attention = supervision_.Attention(ctx, ctx.today);
    if (!attention) return attention.error();
    std::vector<TodoItem> problems;
    for (const auto& a : attention->items)
      problems.push_back({a.problem_id, a.project_id, a.project_name, a.title, a.kind, a.deadline});
    AddGroup(out, "problem", std::move(problems));
  }

  // A leader's visits owed: only an account linked to a person has a leader page.
  if (caller.person_id && access::AllowedAnywhere(caller, access::kVisitWrite)) {
    auto page = supervision_.LeaderPage(ctx, std::nullopt, ctx.today);
    if (page) {
      std::map<int64_t, std::string> names;
      for (const auto& p : page->projects) names[p.id] = p.name;
      std::vector<TodoItem> visits;
      for (const auto& d : page->visits_due)
        visits.push_back({d.project_id, d.project_id, names[d.project_id], "", "visit_due", d.window_end});
      AddGroup(out, "visit", std::move(visits));
    } else if (page.error().code != ErrorCode::kNotFound) {
      return page.error();  // not found: the person is no leader here, so owes no visit
    }
  }

  if (access::AllowedAnywhere(caller, access::kObservationJudge)) {
    auto events = observations_.List(ctx);
    if (!events) return events.error();
    std::vector<TodoItem> open;
    for (const auto& e : events->items) {
      if (!e.is_judge || e.record.state != "open") continue;
      open.push_back(
          {e.record.id, 0, e.record.name, e.region_name, e.record.state, ParseIsoDate(e.record.end_date)});
    }
    AddGroup(out, "observation", std::move(open));
  }
  return out;
}

}  // namespace gj::service

#include "service/supervision/progress_service.h"

#include "common/json_field.h"
#include "common/json_limits.h"
#include "common/money.h"
#include "domain/supervision/monthly_plan.h"
#include "service/supervision/supervision_support.h"
#include "store/journal.h"
#include "store/table.h"

namespace gj::service {

// ---- stop / resume ---------------------------------------------------------------------------

Result<StopRequested> ProgressService::RequestStop(const Ctx& ctx, int64_t project_id,
                                                   const nlohmann::json& body) {
  auto row = ReadableProject(ctx, project_id);
  if (!row) return row.error();
  if (auto st = Allowed(ctx, access::kReportWrite, row->project, "request a stop or resume for this project");
      !st)
    return st.error();
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  Problems pr;
  store::StopRecord s;
  s.project_id = project_id;
  s.kind = body.value("kind", std::string());
  s.reason = body.value("reason", std::string());
  if (s.kind != "stop" && s.kind != "resume")
    pr.Add({"kind", s.kind, "stop (停工) or resume (复工)", 0, {"stop", "resume"}});
  if (s.reason.empty()) pr.Add("reason", "", "required");
  const auto eff = ParseIsoDate(body.value("effective_date", ctx.today.ToString()));
  if (!eff) pr.Add("effective_date", body.value("effective_date", std::string()), "a date YYYY-MM-DD");
  if (!pr.empty()) return pr.ToError("the request is not valid");
  s.effective_date = *eff;
  s.requested_by = ctx.caller.user_id;
  s.requested_at = ctx.now;
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  const bool stopped = store::StoppedProjects(*c, Reads(*c, ctx), s.effective_date).count(project_id) > 0;
  if (s.kind == "stop" && stopped)
    return Error::Conflict("rule stop.already_stopped: the project is already stopped");
  if (s.kind == "resume" && !stopped)
    return Error::Conflict("rule stop.not_stopped: only a stopped project can resume");
  s.id = store::InsertStop(*c, s);
  store::WriteJournal(*c, "stop_request", s.id, "request", ctx.caller.user_id, ctx.now,
                      nlohmann::json::array({{{"field", s.kind}, {"old", nullptr}, {"new", s.reason}}}));
  tx.Commit();
  return StopRequested{std::move(s)};
}

Result<StopDecision> ProgressService::DecideStop(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  std::optional<store::StopRecord> s;
  {
    auto c = db_.Acquire();
    s = store::LoadStop(*c, Reads(*c, ctx), id);
  }
  if (!s) return Error::NotFound("no stop/resume request " + std::to_string(id));
  auto row = ReadableProject(ctx, s->project_id);
  if (!row) return Error::NotFound("no stop/resume request " + std::to_string(id));
  if (auto st = Allowed(ctx, access::kReportReview, row->project, "decide stop/resume requests"); !st)
    return st.error();
  if (!body.contains("approve") || !body["approve"].is_boolean())
    return Error::Invalid("approve: true or false", {{"approve", "", "required boolean"}});
  if (s->version != *version) return store::StaleVersion("stop/resume request", s->version);
  if (s->status != "requested") return Error::Conflict("rule stop.decided: the request was already decided");
  if (s->requested_by && *s->requested_by == ctx.caller.user_id)
    return Error::Conflict("rule stop.own_request: nobody approves their own request");
  store::StopRecord n = *s;
  n.status = body["approve"].get<bool>() ? "approved" : "rejected";
  n.decided_by = ctx.caller.user_id;
  n.decided_at = ctx.now;
  n.decision_note = body.value("note", std::string());
  n.version = s->version + 1;
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  if (auto st = store::UpdateStop(*c, n, *version); !st) return st.error();
  store::WriteJournal(*c, "stop_request", id, n.status == "approved" ? "approve" : "reject",
                      ctx.caller.user_id, ctx.now,
                      nlohmann::json::array({{{"field", "status"}, {"old", s->status}, {"new", n.status}}}));
  store::BumpSupervisionVersion(*c);
  tx.Commit();
  return StopDecision{id, n.status, n.version};
}

Result<StopList> ProgressService::Stops(const Ctx& ctx, int64_t project_id) {
  auto row = ReadableProject(ctx, project_id);
  if (!row) return row.error();
  auto c = db_.Acquire();
  StopList out;
  out.items = store::StopsOfProject(*c, Reads(*c, ctx), project_id);
  // Which request makes sense next: resume while a stop is in force, else stop.
  out.stopped = store::StoppedProjects(*c, Reads(*c, ctx), ctx.today).count(project_id) > 0;
  return out;
}

// ---- monthly plans (分月计划投资) -------------------------------------------------------------

namespace {

Status CheckYear(int year) {
  if (year < 2000 || year > 2100)
    return Error::Invalid("the year is not valid", {{"year", std::to_string(year), "a year such as 2026"}});
  return Ok{};
}

}  // namespace

Result<MonthlyPlanView> ProgressService::MonthlyPlan(const Ctx& ctx, int64_t project_id, int year) {
  if (auto st = CheckYear(year); !st) return st.error();
  auto row = ReadableProject(ctx, project_id, year);  // that year's annual plan
  if (!row) return row.error();
  if (row->project.year != year) row->project.annual_plan = std::nullopt;  // not on that year's list
  std::optional<store::MonthlyPlanRecord> plan;
  {
    auto c = db_.Acquire();
    plan = store::LoadMonthlyPlan(*c, Reads(*c, ctx), project_id, year);
  }
  auto months = plan ? plan->months : std::vector<int64_t>{};
  auto cumulative = supervision::CumulativePlan(months);
  return MonthlyPlanView{project_id,
                         year,
                         row->project.annual_plan,
                         std::move(months),
                         std::move(cumulative),
                         plan ? plan->version : 0};
}

Result<MonthlyPlanView> ProgressService::PutMonthlyPlan(const Ctx& ctx, int64_t project_id, int year,
                                                        const nlohmann::json& body) {
  if (auto st = CheckYear(year); !st) return st.error();
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto row = ReadableProject(ctx, project_id, year);  // validated against that year's annual plan
  if (!row) return row.error();
  if (row->project.year != year) row->project.annual_plan = std::nullopt;  // not on that year's list
  if (auto st = Allowed(ctx, access::kProjectWrite, row->project, "plan this project's investment by month");
      !st)
    return st.error();
  Problems pr;
  store::MonthlyPlanRecord plan{project_id, year, {}, 0};
  if (!body.contains("months") || !body["months"].is_array())
    pr.Add("months", BoundedDump(body.value("months", nlohmann::json())), "twelve amounts in yuan");
  else {
    for (const auto& m : body["months"]) {
      if (auto yuan = AmountFromJson(m, "months", pr, "must be integer amounts in yuan"))
        plan.months.push_back(*yuan);
    }
  }
  if (pr.empty()) pr = supervision::ValidateMonthlyPlan(plan.months, row->project.annual_plan);
  if (!pr.empty()) return pr.ToError("the monthly plan is not valid");
  {
    auto c = db_.Acquire();
    store::Transaction tx(*c);
    const auto before = store::LoadMonthlyPlan(*c, Reads(*c, ctx), project_id, year);
    if (auto st = store::SaveMonthlyPlan(*c, plan, *version, ctx.now); !st) return st.error();
    // Journaled on the project, so the lights recompute it.
    store::WriteJournal(
        *c, "project", project_id, "monthly_plan", ctx.caller.user_id, ctx.now,
        nlohmann::json::array({{{"field", "monthly_plan." + std::to_string(year)},
                                {"old", before ? nlohmann::json(before->months) : nlohmann::json(nullptr)},
                                {"new", plan.months}}}));
    tx.Commit();
  }
  return MonthlyPlan(ctx, project_id, year);
}

}  // namespace gj::service

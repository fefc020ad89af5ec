#include "service/attraction/attraction_service.h"

#include <algorithm>
#include <map>
#include <optional>

#include "common/json_field.h"
#include "domain/land_efficiency/credit_code.h"
#include "store/journal.h"
#include "store/org_store.h"
#include "store/project_store.h"

namespace gj::service {

// Names and references of a lead the service has already scope-checked (the lead's region is the
// caller's): people, teams and the linked project are looked up across regions, as before the
// readers took a scope (a county lead may name a city-level leader or 专班).
const access::ReadScope kNamesOnly = access::ReadScope::All();

namespace {

constexpr const char* kLeadEntity = "lead";

// Body fields that cannot be read are a 400 naming each; rules are a 422.
Status Readable(const Problems& pr) {
  if (pr.empty()) return Ok{};
  return Error{ErrorCode::kBadRequest, "the body cannot be read", pr.details(), {}};
}

std::string FutureReason(const Date& today) {
  return "an actual date cannot be in the future (today is " + today.ToString() + ")";
}

std::optional<int64_t> UserOf(const Ctx& ctx) {
  return ctx.caller.user_id ? std::optional<int64_t>(ctx.caller.user_id) : std::nullopt;
}

Error NoLead(int64_t id) { return Error::NotFound("no lead " + std::to_string(id)); }

}  // namespace

Result<access::ReadScope> AttractionService::Scope(const Ctx& ctx, const std::string& region) {
  auto tree = ledger_.Regions();
  auto scope = ctx.Reads(access::kAttractionRead, *tree).Within(region, *tree);
  if (!region.empty() && scope.Empty()) return Error::NotFound("no region " + region);
  return scope;
}

Status AttractionService::CheckWriteOn(const Ctx& ctx, const std::string& region_code) {
  auto tree = ledger_.Regions();
  const std::string county = tree->CountyOf(region_code);
  access::Target t{county.empty() ? region_code : county, county == region_code ? "" : region_code,
                   std::nullopt};
  if (!access::Allowed(ctx.caller, access::kAttractionWrite, t, *tree))
    return Error::Forbidden("you may not manage leads there");
  return Ok{};
}

LeadView AttractionService::ViewOf(store::Connection& c, store::Lead lead, const Date& as_of, bool detailed) {
  LeadView v;
  auto tree = ledger_.Regions();
  if (const auto* r = tree->Find(lead.region_code)) v.region_name = r->name;
  const auto person = [&c](const std::optional<int64_t>& id) {
    if (!id) return std::string();
    auto p = store::LoadPerson(c, kNamesOnly, *id);
    return p ? p->name : std::string();
  };
  v.officer_name = person(lead.officer_id);
  v.leader_name = person(lead.leader_id);
  if (lead.team_id) {
    if (auto t = store::LoadTeam(c, kNamesOnly, *lead.team_id)) v.team_name = t->name;
  }
  if (lead.project_id) {
    if (auto p = store::LoadProject(c, kNamesOnly, *lead.project_id)) {
      v.project_code = p->code;
      v.project_name = p->name;
      v.project_builder = p->builder;
    }
  }
  v.steps = store::ListSteps(c, lead.id);
  v.funds = store::ListFunds(c, lead.id);
  if (detailed) {
    // The events that created it (an event names leads of its own region: EventService checks).
    store::PromotionEventFilter events;
    events.scope = kNamesOnly;
    events.lead_id = lead.id;
    v.events = store::ListPromotionEvents(c, events);
  }
  attraction::LeadFacts facts{lead.id, lead.created_on, lead.expected_investment, {}};
  for (const auto& s : v.steps) facts.steps.push_back({s.step, s.dated_on});
  const auto status = attraction::StatusAsOf(facts, as_of);
  v.step = status.exists ? status.furthest : "";
  v.paused = status.paused;
  v.ended = status.ended;
  for (const auto& s : v.steps) {
    if (s.step == v.step && s.dated_on <= as_of) v.step_on = s.dated_on;
  }
  const std::string last = attraction::MonthOf(as_of);
  for (const auto& f : v.funds) {
    if (f.month > last) continue;
    v.funds_in_place += f.fixed_assets + f.working_capital;
    v.funds_in_place_usd += f.foreign_usd;
  }
  v.as_of = as_of;
  v.lead = std::move(lead);
  v.detailed = detailed;
  return v;
}

Result<ItemList<LeadView>> AttractionService::ListLeads(const Ctx& ctx, const LeadQuery& q) {
  auto scope = Scope(ctx, q.region);
  if (!scope) return scope.error();
  store::LeadFilter f;
  f.scope = scope.value();
  f.chain_id = q.chain_id;
  f.leader_id = q.leader_id;
  if (q.mine) {
    if (!ctx.caller.person_id) return ItemList<LeadView>{};
    f.leader_id = ctx.caller.person_id;
  }
  const Date as_of = q.as_of.value_or(ctx.today);
  auto c = db_.Acquire();
  ItemList<LeadView> out;
  for (auto& lead : store::ListLeads(*c, f)) {
    if (lead.created_on > as_of) continue;
    auto v = ViewOf(*c, std::move(lead), as_of, false);
    if (!q.step.empty()) {
      const bool match = q.step == attraction::kEnded    ? v.ended
                         : q.step == attraction::kPaused ? (v.paused && !v.ended)
                                                         : (!v.ended && v.step == q.step);
      if (!match) continue;
    }
    out.items.push_back(std::move(v));
  }
  return out;
}

Result<LeadView> AttractionService::GetLead(const Ctx& ctx, int64_t id) {
  auto scope = Scope(ctx, "");
  if (!scope) return scope.error();
  auto c = db_.Acquire();
  auto lead = store::GetLead(*c, scope.value(), id);
  if (!lead) return NoLead(id);
  return ViewOf(*c, std::move(*lead), ctx.today, true);
}

namespace {

// Reads the lead's own fields from a create's or an update's body into `l`: type problems into
// `unreadable`, rule problems checked afterwards by CheckLead.
void ReadLeadFields(JsonFields& f, store::Lead& l, bool create) {
  const Need need = create ? Need::kRequired : Need::kOptional;
  if (auto v = f.Text("title", need)) l.title = *v;
  if (auto v = f.Text("region_code", need)) l.region_code = *v;
  if (auto v = f.Text("investor_credit_code")) l.investor_credit_code = *v;
  if (auto v = f.Text("investor_name")) l.investor_name = *v;
  if (auto v = f.Text("source_region")) l.source_region = *v;
  if (auto v = f.Text("industry")) l.industry = *v;
  if (auto v = f.Text("note")) l.note = *v;
  if (auto v = f.Int("expected_investment", Need::kOptional, {0, INT64_MAX})) l.expected_investment = *v;
  if (auto v = f.Int("expected_investment_usd", Need::kOptional, {0, INT64_MAX}))
    l.expected_investment_usd = *v;
  if (auto v = f.DateField("created_on")) l.created_on = *v;
  // Ids: a positive id sets, null clears (on update).
  const auto id_field = [&f](const char* name, std::optional<int64_t>& out) {
    if (auto v = f.Int(name, Need::kOptional, {1, INT64_MAX})) out = *v;
  };
  id_field("chain_id", l.chain_id);
  id_field("officer_id", l.officer_id);
  id_field("leader_id", l.leader_id);
  id_field("team_id", l.team_id);
  id_field("project_id", l.project_id);
}

// Clears the ids a body sends as null.
void ClearNulls(const nlohmann::json& body, store::Lead& l) {
  const auto clear = [&body](const char* name, std::optional<int64_t>& out) {
    if (body.contains(name) && body[name].is_null()) out.reset();
  };
  clear("chain_id", l.chain_id);
  clear("officer_id", l.officer_id);
  clear("leader_id", l.leader_id);
  clear("team_id", l.team_id);
  clear("project_id", l.project_id);
}

}  // namespace

// The lead's rules: a known region, an investor, real people and team, no future date (its
// project: CheckLink).
static void CheckLead(store::Connection& c, const access::RegionTree& tree, const store::Lead& before,
                      const store::Lead& l, const Date& today, Problems& pr) {
  if (l.title.empty()) pr.Add("title", "", "is required");
  if (!tree.Find(l.region_code)) pr.Add("region_code", l.region_code, "unknown region code");
  if (l.investor_name.empty() && l.investor_credit_code.empty()) pr.Add("investor_name", "", "is required");
  if (!l.investor_credit_code.empty()) {
    if (auto why = land::CreditCodeProblem(l.investor_credit_code); !why.empty())
      pr.Add("investor_credit_code", l.investor_credit_code, why);
  }
  if (l.created_on > today) pr.Add("created_on", l.created_on.ToString(), FutureReason(today));
  const auto person = [&](const char* field, const std::optional<int64_t>& id,
                          const std::optional<int64_t>& was) {
    if (!id || id == was) return;
    auto p = store::LoadPerson(c, kNamesOnly, *id);
    if (!p || p->archived) pr.Add(field, std::to_string(*id), "unknown person");
  };
  person("officer_id", l.officer_id, before.officer_id);
  person("leader_id", l.leader_id, before.leader_id);
  if (l.team_id && l.team_id != before.team_id) {
    auto t = store::LoadTeam(c, kNamesOnly, *l.team_id);
    if (!t || t->archived) pr.Add("team_id", std::to_string(*l.team_id), "unknown team in this county");
  }
}

Result<LeadView> AttractionService::CreateLead(const Ctx& ctx, const nlohmann::json& body) {
  if (auto st = CheckWrite(ctx, access::kAttractionWrite, "you may not manage leads", body); !st)
    return st.error();
  store::Lead l;
  l.created_on = ctx.today;
  {
    Problems unreadable;
    JsonFields f(body, unreadable);
    ReadLeadFields(f, l, true);
    f.RejectUnknown();
    if (auto st = Readable(unreadable); !st) return st.error();
  }
  auto tree = ledger_.Regions();
  std::optional<store::Lease> lease(db_.Acquire());  // given back while the ledger links the project
  store::Connection* c = &**lease;
  Problems pr;
  CheckLead(*c, *tree, store::Lead{}, l, ctx.today, pr);
  if (l.project_id) {
    if (auto st = CheckLink(*c, ctx, 0, *l.project_id); !st) {
      if (st.error().code != ErrorCode::kInvalid) return st.error();
      pr.Add(st.error().details.front());
    }
  }
  if (!pr.empty()) return pr.ToError("the lead is not valid");
  if (auto st = CheckWriteOn(ctx, l.region_code); !st) return st.error();
  if (l.project_id) {
    lease.reset();
    if (auto st = CarryToProject(ctx, l); !st) return st.error();
    c = &*lease.emplace(db_.Acquire());
  }
  store::Transaction tx(*c);
  l.id = store::InsertLead(*c, l, ctx.now);
  store::WriteJournal(*c, kLeadEntity, l.id, "create", ctx.caller.user_id, ctx.now,
                      store::LeadCreatedChanges(l));
  // Every lead starts at the step 线索, dated the day it was recorded.
  store::LeadStep first{0, l.id, "lead", l.created_on, "", "", "", ctx.now, UserOf(ctx)};
  first.id = store::InsertStep(*c, first);
  store::WriteJournal(*c, "lead_step", first.id, "create", ctx.caller.user_id, ctx.now,
                      store::StepChanges(first));
  tx.Commit();
  l.version = 1;
  return ViewOf(*c, std::move(l), ctx.today, true);
}

Result<LeadView> AttractionService::UpdateLead(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto scope = Scope(ctx, "");
  if (!scope) return scope.error();
  std::optional<store::Lease> lease(db_.Acquire());  // given back while the ledger links the project
  store::Connection* c = &**lease;
  auto before = store::GetLead(*c, scope.value(), id);
  if (!before) return NoLead(id);
  if (auto st = CheckWriteOn(ctx, before->region_code); !st) return st.error();
  store::Lead l = *before;
  {
    Problems unreadable;
    JsonFields f(body, unreadable);
    f.Int("version");
    ReadLeadFields(f, l, false);
    if (auto v = f.Bool("archived")) l.archived = *v;
    f.RejectUnknown();
    if (auto st = Readable(unreadable); !st) return st.error();
  }
  ClearNulls(body, l);
  if (before->version != *version) return store::StaleVersion("lead", before->version);
  auto tree = ledger_.Regions();
  Problems pr;
  CheckLead(*c, *tree, *before, l, ctx.today, pr);
  // The first step is the day the lead was recorded: it cannot move after a later step.
  const auto steps = store::ListSteps(*c, id);
  if (l.created_on != before->created_on && steps.size() > 1 && l.created_on > steps[1].dated_on)
    pr.Add("created_on", l.created_on.ToString(),
           "rule attraction.step_date: after the next step's date " + steps[1].dated_on.ToString());
  const bool linking = l.project_id && l.project_id != before->project_id;
  if (linking) {
    if (auto st = CheckLink(*c, ctx, id, *l.project_id); !st) {
      if (st.error().code != ErrorCode::kInvalid) return st.error();
      pr.Add(st.error().details.front());
    }
  }
  if (!pr.empty()) return pr.ToError("the lead is not valid");
  if (l.region_code != before->region_code) {
    if (auto st = CheckWriteOn(ctx, l.region_code); !st) return st.error();
  }
  if (linking) {
    lease.reset();
    if (auto st = CarryToProject(ctx, l); !st) return st.error();
    c = &*lease.emplace(db_.Acquire());
  }
  store::Transaction tx(*c);
  if (auto st = store::UpdateLead(*c, l, *version, ctx.now); !st) return st.error();
  if (l.created_on != before->created_on && !steps.empty() && steps[0].step == "lead")
    store::RedateStep(*c, steps[0].id, l.created_on);
  store::WriteJournal(*c, kLeadEntity, id,
                      l.archived != before->archived ? (l.archived ? "archive" : "restore") : "update",
                      ctx.caller.user_id, ctx.now, store::LeadChanges(*before, l));
  tx.Commit();
  l.version = *version + 1;
  return ViewOf(*c, std::move(l), ctx.today, true);
}

Result<LeadView> AttractionService::AddStep(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  return Step(ctx, id, body, nullptr);
}
Result<LeadView> AttractionService::Pause(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  return Step(ctx, id, body, attraction::kPaused);
}
Result<LeadView> AttractionService::Resume(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  return Step(ctx, id, body, attraction::kResumed);
}
Result<LeadView> AttractionService::End(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  return Step(ctx, id, body, attraction::kEnded);
}

Result<LeadView> AttractionService::Step(const Ctx& ctx, int64_t id, const nlohmann::json& body,
                                         const char* fixed_step) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto scope = Scope(ctx, "");
  if (!scope) return scope.error();
  std::optional<store::Lease> lease(db_.Acquire());  // given back while the ledger links the project
  store::Connection* c = &**lease;
  auto lead = store::GetLead(*c, scope.value(), id);
  if (!lead) return NoLead(id);
  if (auto st = CheckWriteOn(ctx, lead->region_code); !st) return st.error();
  store::LeadStep s{0, id, fixed_step ? fixed_step : "", ctx.today, "", "", "", ctx.now, UserOf(ctx)};
  std::optional<int64_t> project_id;
  {
    Problems unreadable;
    JsonFields f(body, unreadable);
    f.Int("version");
    if (!fixed_step) {
      if (auto v = f.OneOf("step", attraction::kPipelineSteps, Need::kRequired)) s.step = *v;
      if (auto v = f.Text("contract_no")) s.contract_no = *v;
      if (auto v = f.Text("attachments")) s.attachments = *v;
      if (auto v = f.Text("note")) s.note = *v;
      project_id = f.Int("project_id", Need::kOptional, {1, INT64_MAX});
    } else {
      if (auto v = f.Text("reason", s.step == attraction::kResumed ? Need::kOptional : Need::kRequired))
        s.note = *v;
    }
    if (auto v = f.DateField("dated_on", Need::kRequired)) s.dated_on = *v;
    f.RejectUnknown();
    if (auto st = Readable(unreadable); !st) return st.error();
  }
  if (lead->version != *version) return store::StaleVersion("lead", lead->version);
  if (lead->archived) return Error::Conflict("the lead is archived: restore it first");
  Problems pr;
  std::vector<attraction::StepFact> facts;
  for (const auto& e : store::ListSteps(*c, id)) facts.push_back({e.step, e.dated_on});
  if (auto problem = attraction::CheckStep(facts, s.step, s.dated_on))
    pr.Add(problem->field, problem->field == "step" ? s.step : s.dated_on.ToString(), problem->reason);
  if (s.dated_on > ctx.today) pr.Add("dated_on", s.dated_on.ToString(), FutureReason(ctx.today));
  if (s.step == "signed" && s.contract_no.empty()) pr.Add("contract_no", "", "is required");
  if ((s.step == attraction::kPaused || s.step == attraction::kEnded) && s.note.empty())
    pr.Add("reason", "", "is required");
  store::Lead after = *lead;
  const bool linking = project_id && project_id != lead->project_id;
  if (linking) {
    after.project_id = project_id;
    if (auto st = CheckLink(*c, ctx, id, *project_id); !st) {
      if (st.error().code != ErrorCode::kInvalid) return st.error();
      pr.Add(st.error().details.front());
    }
  }
  if (!pr.empty()) return pr.ToError("the step is not valid");
  if (linking) {
    lease.reset();
    if (auto st = CarryToProject(ctx, after); !st) return st.error();
    c = &*lease.emplace(db_.Acquire());
  }
  store::Transaction tx(*c);
  if (after.project_id != lead->project_id) {
    if (auto st = store::UpdateLead(*c, after, *version, ctx.now); !st) return st.error();
    store::WriteJournal(*c, kLeadEntity, id, "update", ctx.caller.user_id, ctx.now,
                        store::LeadChanges(*lead, after));
  } else if (auto st = store::TouchLead(*c, id, *version, ctx.now); !st) {
    return st.error();
  }
  s.id = store::InsertStep(*c, s);
  store::WriteJournal(*c, "lead_step", s.id, "create", ctx.caller.user_id, ctx.now, store::StepChanges(s));
  store::WriteJournal(*c, kLeadEntity, id, s.step, ctx.caller.user_id, ctx.now, store::StepChanges(s));
  tx.Commit();
  after.version = *version + 1;
  return ViewOf(*c, std::move(after), ctx.today, true);
}

}  // namespace gj::service

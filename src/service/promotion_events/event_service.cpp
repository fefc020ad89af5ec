#include "service/promotion_events/event_service.h"

#include <algorithm>
#include <set>

#include "common/json_field.h"
#include "domain/attraction/permissions.h"
#include "store/journal.h"
#include "store/org_store.h"
#include "store/project_store.h"
#include "store/supervision_store.h"

namespace gj::service {

// People and teams named by an event: looked up across regions, then checked against the caller's
// read scope or the event's region by the service itself (MayRecordFor, the team's region).
namespace {
const access::ReadScope kEventRefs = access::ReadScope::All();
}  // namespace

namespace pe = promotion;
using nlohmann::json;

namespace {

constexpr const char* kRuleSetting = "event_rule";
constexpr size_t kMaxLeads = 200;

std::string RuleText(const pe::EventRule& r) { return json{{"min_events", r.min_events}}.dump(); }

// The companies met as sent ([{name, credit_code?}]), problems named under "companies_met[i]".
std::vector<pe::CompanyMet> CompaniesFrom(const json& list, Problems& pr) {
  std::vector<pe::CompanyMet> out;
  for (size_t i = 0; i < list.size() && i <= pe::kMaxCompanies; ++i) {
    JsonFields f(list[i], pr, "companies_met[" + std::to_string(i) + "].");
    pe::CompanyMet m;
    m.name = f.Text("name", Need::kRequired).value_or("");
    m.credit_code = f.Text("credit_code").value_or("");
    f.RejectUnknown();
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<pe::CompanyMet> StoredCompanies(const std::string& text) {
  std::vector<pe::CompanyMet> out;
  const json j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& c : j) {
    if (c.is_object()) out.push_back({c.value("name", ""), c.value("credit_code", "")});
  }
  return out;
}

std::string CompaniesText(const std::vector<pe::CompanyMet>& companies) {
  json out = json::array();
  for (const auto& c : companies) {
    json one{{"name", c.name}};
    if (!c.credit_code.empty()) one["credit_code"] = c.credit_code;
    out.push_back(std::move(one));
  }
  return out.dump();
}

// Each lead the event names (beyond those it already named) is a lead of the event's region: it
// lies within it, or in the same county (promotion_event_leads has no foreign key, so the service
// checks). A problem names the lead_ids[i] it is about.
void CheckLeads(store::Connection& c, const access::RegionTree& tree, const store::PromotionEventRow& e,
                const std::vector<int64_t>& already, const json& body, Problems& pr) {
  // The position of `id` in the body's lead_ids (the stored list is sorted and deduplicated).
  const auto position = [&body](int64_t id, size_t fallback) {
    const json* sent = body.is_object() && body.contains("lead_ids") ? &body["lead_ids"] : nullptr;
    for (size_t j = 0; sent && sent->is_array() && j < sent->size(); ++j)
      if ((*sent)[j].is_number_integer() && (*sent)[j].get<int64_t>() == id) return j;
    return fallback;
  };
  const auto regions = store::LeadRegions(c, e.lead_ids);
  const std::string county = tree.CountyOf(e.region_code);
  for (size_t i = 0; i < e.lead_ids.size(); ++i) {
    const int64_t id = e.lead_ids[i];
    if (std::find(already.begin(), already.end(), id) != already.end()) continue;
    const auto it = regions.find(id);
    const bool same = it != regions.end() && (tree.Within(it->second, e.region_code) ||
                                              (!county.empty() && tree.CountyOf(it->second) == county));
    if (!same)
      pr.Add("lead_ids[" + std::to_string(position(id, i)) + "]", std::to_string(id),
             "rule event.lead_of_region: 未知线索 (no lead " + std::to_string(id) + " of region " +
                 e.region_code + ")");
  }
}

pe::EventDraft DraftOf(const store::PromotionEventRow& e) {
  return {e.held_on, e.leader_id, e.team_id, e.destination_city, e.kind, StoredCompanies(e.companies_met),
          e.note};
}

}  // namespace

pe::EventRule EventService::RuleOf(store::Connection& c, const std::string& region) {
  auto s = SupervisionSettings::Lookup(c, region, kRuleSetting);
  if (!s) return {};
  const json j = json::parse(s->first, nullptr, false);
  return {j.is_object() ? j.value("min_events", 1) : 1};
}

access::ReadScope EventService::Scope(const Ctx& ctx, const std::string& region) {
  auto tree = ledger_.Regions();
  return ctx.Reads(access::kAttractionRead, *tree).Within(region, *tree);
}

Result<ItemList<store::PromotionEventRow>> EventService::List(const Ctx& ctx, const PromotionEventQuery& q) {
  store::PromotionEventFilter f;
  f.scope = Scope(ctx, q.region);
  f.leader_id = q.leader_id;
  f.kind = q.kind;
  f.from = q.from;
  f.to = q.to;
  f.include_archived = q.include_archived;
  auto c = db_.Acquire();
  return ItemList<store::PromotionEventRow>{store::ListPromotionEvents(*c, f)};
}

Result<store::PromotionEventRow> EventService::Get(const Ctx& ctx, int64_t id) {
  const auto scope = Scope(ctx, "");
  auto c = db_.Acquire();
  auto e = store::LoadPromotionEvent(*c, scope, id);
  if (!e) return Error::NotFound("no promotion event " + std::to_string(id));
  return *e;
}

Status EventService::MayRecordFor(store::Connection& c, const Ctx& ctx, int64_t leader_id) {
  auto tree = ledger_.Regions();
  const auto person = store::LoadPerson(c, kEventRefs, leader_id);
  if (!person || !ctx.Reads(access::kAttractionRead, *tree).ContainsRegion(person->region_code))
    return Error::NotFound("no person " + std::to_string(leader_id));
  if (access::Allowed(ctx.caller, access::kEventManage, {person->region_code, "", std::nullopt}, *tree))
    return Ok{};
  const auto own = store::PersonOfUser(c, ctx.caller.user_id);
  if (own && *own == leader_id &&
      access::Allowed(ctx.caller, access::kEventWrite, {person->region_code, "", std::nullopt}, *tree))
    return Ok{};
  return Error::Forbidden(
      "rule event.own_only: a leader records only their own events, the county office anyone's of its county");
}

void EventService::ReadBody(store::Connection& c, const Ctx& ctx, const json& body, bool creating,
                            store::PromotionEventRow& e, Problems& pr) {
  JsonFields f(body, pr);
  const Need required = creating ? Need::kRequired : Need::kOptional;
  if (!creating) f.Int("version");
  if (auto d = f.DateField("held_on", required)) e.held_on = *d;
  if (auto v = f.Int("leader_id", Need::kOptional, {1})) e.leader_id = *v;
  // team_id: a number sets it, null clears it (read either way, so null is not an unknown field).
  if (auto v = f.Int("team_id", Need::kOptional, {1})) e.team_id = *v;
  else if (body.is_object() && body.contains("team_id") && body["team_id"].is_null()) e.team_id.reset();
  if (auto v = f.Text("destination_city", required)) e.destination_city = *v;
  if (auto v = f.OneOf("kind", pe::EventKinds(), required)) e.kind = *v;
  if (const json* list = f.Array("companies_met")) e.companies_met = CompaniesText(CompaniesFrom(*list, pr));
  if (auto v = f.Text("note")) e.note = *v;
  if (const json* leads = f.Array("lead_ids")) {
    std::set<int64_t> ids;
    for (size_t i = 0; i < leads->size(); ++i) {
      const json& v = (*leads)[i];
      if (!v.is_number_integer() || v.get<int64_t>() < 1)
        pr.Add("lead_ids[" + std::to_string(i) + "]", ShownValue(v), "must be an integer ≥ 1");
      else ids.insert(v.get<int64_t>());
    }
    if (ids.size() > kMaxLeads)
      pr.Add("lead_ids", std::to_string(ids.size()), "at most " + std::to_string(kMaxLeads) + " items");
    e.lead_ids.assign(ids.begin(), ids.end());
  }
  f.RejectUnknown();
  if (creating && e.leader_id == 0) {
    // The caller's own events by default.
    if (auto own = store::PersonOfUser(c, ctx.caller.user_id)) e.leader_id = *own;
    else pr.Add("leader_id", "", "required (your account is not linked to a leader)");
  }
  const Problems rules = pe::ValidateEvent(DraftOf(e));
  for (const auto& d : rules.details()) {
    const bool reported = std::any_of(pr.details().begin(), pr.details().end(),
                                      [&](const ErrorDetail& x) { return x.field == d.field; });
    if (!reported) pr.Add(d);
  }
  if (e.held_on > ctx.today)
    pr.Add("held_on", e.held_on.ToString(),
           "rule event.held_not_after_today: an event is recorded once held (today is " +
               ctx.today.ToString() + ")");
  if (e.team_id) {
    const auto team = store::LoadTeam(c, kEventRefs, *e.team_id);
    auto tree = ledger_.Regions();
    if (!team || team->archived ||
        !ctx.Reads(access::kAttractionRead, *tree).ContainsRegion(team->region_code))
      pr.Add("team_id", std::to_string(*e.team_id), "unknown 专班 in this county");
  }
}

Result<store::PromotionEventRow> EventService::Create(const Ctx& ctx, const json& body) {
  const Status allowed = CheckWrite(ctx, access::kEventWrite, "you may not record promotion events", body);
  if (!allowed) return allowed.error();
  auto tree = ledger_.Regions();
  auto c = db_.Acquire();
  Problems pr;
  store::PromotionEventRow e;
  e.companies_met = "[]";
  ReadBody(*c, ctx, body, true, e, pr);
  if (e.leader_id != 0) {
    // Who may record comes before what is wrong with the rest of the body.
    if (auto st = MayRecordFor(*c, ctx, e.leader_id); !st) {
      if (st.error().code != ErrorCode::kNotFound) return st.error();
      pr.Add("leader_id", std::to_string(e.leader_id), "unknown person");
    }
  }
  if (!pr.empty()) return pr.ToError("the promotion event is not valid");
  const auto person = store::LoadPerson(*c, kEventRefs, e.leader_id);
  if (person->archived) return Problems().ToError("the leader is archived");
  e.region_code = person->region_code;
  CheckLeads(*c, *tree, e, {}, body, pr);
  if (!pr.empty()) return pr.ToError("the promotion event is not valid");
  e.created_by = ctx.caller.user_id;
  e.created_at = e.updated_at = ctx.now;
  store::Transaction tx(*c);
  e.id = store::InsertPromotionEvent(*c, e);
  store::WriteJournal(*c, "promotion_event", e.id, "create", ctx.caller.user_id, ctx.now,
                      store::PromotionEventCreated(e));
  tx.Commit();
  return *store::LoadPromotionEvent(*c, access::ReadScope::All(), e.id);
}

Result<store::PromotionEventRow> EventService::Update(const Ctx& ctx, int64_t id, const json& body) {
  return Write(ctx, id, body, false);
}

Result<store::PromotionEventRow> EventService::Archive(const Ctx& ctx, int64_t id, const json& body) {
  return Write(ctx, id, body, true);
}

Result<store::PromotionEventRow> EventService::Write(const Ctx& ctx, int64_t id, const json& body,
                                                     bool archive) {
  const Status allowed = CheckWrite(ctx, access::kEventWrite, "you may not change promotion events", body);
  if (!allowed) return allowed.error();
  auto version = VersionOf(body);
  if (!version) return version.error();
  const auto scope = Scope(ctx, "");
  auto c = db_.Acquire();
  auto before = store::LoadPromotionEvent(*c, scope, id);
  if (!before) return Error::NotFound("no promotion event " + std::to_string(id));
  if (auto st = MayRecordFor(*c, ctx, before->leader_id); !st) return st.error();
  if (before->archived) return Error::Conflict("the promotion event is archived");
  if (before->version != *version) return store::StaleVersion("promotion event", before->version);
  store::PromotionEventRow after = *before;
  Problems pr;
  if (archive) {
    JsonFields f(body, pr);
    f.Int("version");
    f.RejectUnknown();
    after.archived = true;
  } else {
    ReadBody(*c, ctx, body, false, after, pr);
    if (after.leader_id != before->leader_id) {
      if (auto st = MayRecordFor(*c, ctx, after.leader_id); !st) {
        if (st.error().code != ErrorCode::kNotFound) return st.error();
        pr.Add("leader_id", std::to_string(after.leader_id), "unknown person");
      }
    }
  }
  if (!pr.empty()) return pr.ToError("the promotion event is not valid");
  if (after.leader_id != before->leader_id) {
    const auto person = store::LoadPerson(*c, kEventRefs, after.leader_id);
    if (person->archived) return Problems().ToError("the leader is archived");
    after.region_code = person->region_code;
  }
  if (!archive) {
    CheckLeads(*c, *ledger_.Regions(), after,
               after.region_code == before->region_code ? before->lead_ids : std::vector<int64_t>{}, body,
               pr);
    if (!pr.empty()) return pr.ToError("the promotion event is not valid");
  }
  after.updated_at = ctx.now;
  store::Transaction tx(*c);
  if (auto st = store::UpdatePromotionEvent(*c, after, *version); !st) return st.error();
  store::WriteJournal(*c, "promotion_event", id, archive ? "archive" : "update", ctx.caller.user_id, ctx.now,
                      store::PromotionEventChanges(*before, after));
  tx.Commit();
  return *store::LoadPromotionEvent(*c, access::ReadScope::All(), id);
}

Result<EventComplianceReport> EventService::Compliance(const Ctx& ctx, const std::string& region,
                                                       const Date& from, const Date& to, const Date& as_of) {
  if (to < from)
    return Error::Invalid("the period is empty", {{"to", to.ToString(), "must not be before from", 0, {}}});
  const auto scope = Scope(ctx, region);
  auto c = db_.Acquire();
  const std::string rule_region =
      !region.empty() || ctx.caller.grants.empty() ? region : ctx.caller.grants.front().region_code;
  EventComplianceReport out{region, from, to, as_of, RuleOf(*c, rule_region), pe::MonthsOf(from, to), {}};
  if (scope.Empty()) {
    out.months.clear();  // nothing to read: nothing at all
    return out;
  }
  // Whole calendar months: the rule is a month's, whatever day the range starts or ends on.
  const auto facts =
      store::ListPromotionEventFacts(*c, scope, out.months.front().first(), out.months.back().last());
  std::vector<store::Person> people = store::ListPeople(*c, scope, "leader");
  std::set<int64_t> listed;
  for (const auto& p : people) listed.insert(p.id);
  // Whoever held events in the range counts too (a leader archived since, another kind of person).
  for (const auto& f : facts) {
    if (listed.insert(f.leader_id).second) {
      if (auto p = store::LoadPerson(*c, kEventRefs, f.leader_id)) people.push_back(*p);
    }
  }
  std::vector<int64_t> ids;
  for (const auto& p : people) ids.push_back(p.id);
  const auto rows = pe::EventCompliance(ids, facts, from, to, as_of, out.rule);
  for (size_t i = 0; i < rows.size(); ++i)
    out.items.push_back({rows[i], people[i].name, people[i].title, people[i].region_code});
  return out;
}

Result<EventFigures> EventService::Figures(const Ctx& ctx, const std::string& region, const Date& as_of) {
  const Date from{as_of.year, 1, 1};
  auto report = Compliance(ctx, region, from, as_of, as_of);
  if (!report) return report.error();
  EventFigures out{region, as_of, report->months, 0, {}, std::vector<int>(report->months.size(), 0), {}};
  for (const auto& k : pe::EventKinds()) out.by_kind[k] = 0;
  if (out.months.empty()) return out;  // an empty scope
  for (const auto& item : report->items) {
    LeaderEventCounts l{item.compliance.leader_id, item.name, item.compliance.events, {}};
    for (size_t i = 0; i < item.compliance.months.size(); ++i) {
      l.by_month.push_back(item.compliance.months[i].events);
      out.by_month[i] += item.compliance.months[i].events;
    }
    out.total += l.events;
    out.leaders.push_back(std::move(l));
  }
  store::PromotionEventFilter f;
  f.scope = Scope(ctx, region);
  f.from = from;
  f.to = as_of;
  auto c = db_.Acquire();
  for (const auto& e : store::ListPromotionEvents(*c, f)) ++out.by_kind[e.kind];
  return out;
}

Result<EventRuleView> EventService::Rule(const Ctx& ctx, const std::string& region) {
  if (!access::AllowedAnywhere(ctx.caller, access::kAttractionRead))
    return Error::NotFound("no region " + region);
  auto tree = ledger_.Regions();
  auto code = SettingsRegion(ctx, *tree, region);
  if (!code) return code.error();
  auto c = db_.Acquire();
  EventRuleView out{*code, RuleOf(*c, *code), {}, false};
  if (auto found = SupervisionSettings::Lookup(*c, *code, kRuleSetting))
    out.source = {found->second == *code ? "own" : "inherited", found->second};
  out.editable = access::Allowed(ctx.caller, access::kEventManage, {*code, "", std::nullopt}, *tree);
  return out;
}

Result<EventRuleView> EventService::PutRule(const Ctx& ctx, const std::string& region, const json& body) {
  const Status allowed =
      CheckWrite(ctx, access::kEventManage, "only the county office sets the promotion-event rule", body);
  if (!allowed) return allowed.error();
  auto tree = ledger_.Regions();
  std::string code = region;
  if (code.empty()) {
    for (const auto& g : ctx.caller.grants) {
      if (access::ScopeOf(g.role, access::kEventManage) != access::Scope::kNone) {
        code = g.region_code;
        break;
      }
    }
  }
  auto readable = SettingsRegion(ctx, *tree, code);
  if (!readable) return readable.error();
  if (!access::Allowed(ctx.caller, access::kEventManage, {code, "", std::nullopt}, *tree))
    return Error::Forbidden("only the county office of " + code + " or above sets its promotion-event rule");
  Problems pr;
  JsonFields f(body, pr);
  std::optional<std::string> value;  // nullopt: clear
  const bool clear = body.contains("min_events") && body["min_events"].is_null();
  if (!clear) {
    const pe::EventRule rule{static_cast<int>(f.Int("min_events", Need::kRequired).value_or(0))};
    const Problems rules = pe::ValidateEventRule(rule);
    if (pr.empty())
      for (const auto& d : rules.details()) pr.Add(d);
    value = RuleText(rule);
  } else {
    f.Array("min_events");  // read (null): not unknown
  }
  f.RejectUnknown();
  if (!pr.empty()) return pr.ToError("the promotion-event rule is not valid");
  {
    auto c = db_.Acquire();
    store::Transaction tx(*c);
    const auto before = store::GetRegionSetting(*c, code, kRuleSetting);
    if (before != value) {
      if (value) store::PutRegionSetting(*c, code, kRuleSetting, *value, ctx.now);
      else store::ClearRegionSetting(*c, code, kRuleSetting);
      store::WriteJournal(*c, "promotion_event_rule", 0, "update", ctx.caller.user_id, ctx.now,
                          json::array({{{"field", code + "." + kRuleSetting},
                                        {"old", before ? json(*before) : json(nullptr)},
                                        {"new", value ? json(*value) : json(nullptr)}}}));
    }
    tx.Commit();
  }
  return Rule(ctx, code);
}

}  // namespace gj::service

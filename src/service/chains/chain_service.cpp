#include "service/chains/chain_service.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/json_field.h"
#include "common/json_limits.h"
#include "domain/attraction/pipeline.h"
#include "domain/land_efficiency/credit_code.h"
#include "service/attraction/attraction_service.h"
#include "service/unique_write.h"
#include "store/attraction_store.h"
#include "store/fields.h"
#include "store/journal.h"
#include "store/org_store.h"
#include "store/progress_store.h"
#include "store/project_store.h"
#include "store/supervision_store.h"

namespace gj::service {

using nlohmann::json;

namespace {

// The chain's leads created by `as_of`, each with the furthest step its dated steps reach by then
// (the chain page is readable, so every lead naming the chain is listed: ReadScope::All()).
std::vector<ChainLead> LeadsOf(store::Connection& c, int64_t chain_id, const Date& as_of) {
  store::LeadFilter f;
  f.scope = access::ReadScope::All();
  f.chain_id = chain_id;
  std::vector<ChainLead> out;
  std::map<int64_t, attraction::LeadFacts> facts;
  const auto leads = store::ListLeads(c, f);
  for (const auto& l : leads) facts[l.id] = {l.id, l.created_on, l.expected_investment, {}};
  for (const auto& s : store::ListStepsOf(c, f))
    if (auto it = facts.find(s.lead_id); it != facts.end()) it->second.steps.push_back({s.step, s.dated_on});
  for (const auto& l : leads) {
    const auto st = attraction::StatusAsOf(facts[l.id], as_of);
    if (!st.exists) continue;
    out.push_back({l.id, l.title, l.investor_name, l.expected_investment, st.furthest, st.ended, st.paused,
                   st.signed_on});
  }
  return out;
}

constexpr size_t kMaxText = 2000;      // a name, a role, a gap
constexpr size_t kMaxListItems = 200;  // members, links, enterprises of a link

Error NoChain(int64_t id) { return Error::NotFound("no chain " + std::to_string(id)); }

// The journal's view of a chain: its own fields, and its members and links as they are written.
json JournalOf(const store::Chain& ch) {
  json members = json::array();
  for (const auto& m : ch.members)
    members.push_back({{"group", m.group},
                       {"unit_id", m.unit_id ? json(*m.unit_id) : json(nullptr)},
                       {"person_id", m.person_id ? json(*m.person_id) : json(nullptr)},
                       {"role", m.role}});
  json links = json::array();
  for (const auto& l : ch.links) {
    json es = json::array();
    for (const auto& e : l.enterprises)
      es.push_back({{"credit_code", e.credit_code}, {"name", e.name}, {"anchor", e.anchor}});
    links.push_back({{"stage", l.stage}, {"name", l.name}, {"gaps", l.gaps}, {"enterprises", es}});
  }
  return {{"name", ch.name},
          {"region_code", ch.region_code},
          {"chief_leader_id", ch.chief_leader_id ? json(*ch.chief_leader_id) : json(nullptr)},
          {"leader_id", ch.leader_id ? json(*ch.leader_id) : json(nullptr)},
          {"head_id", ch.head_id ? json(*ch.head_id) : json(nullptr)},
          {"note", ch.note},
          {"sort", ch.sort},
          {"archived", ch.archived},
          {"members", members},
          {"links", links}};
}

json Changes(const store::Chain& before, const store::Chain& after, bool create) {
  const json a = JournalOf(after);
  const json b = create ? json::object() : JournalOf(before);
  json out = json::array();
  for (auto it = a.begin(); it != a.end(); ++it) {
    const json old = b.contains(it.key()) ? b[it.key()] : json(nullptr);
    if (create || old != it.value()) out.push_back({{"field", it.key()}, {"old", old}, {"new", it.value()}});
  }
  return out;
}

void ReadText(JsonFields& f, const char* name, std::string& out, Problems& pr, const std::string& prefix,
              Need need = Need::kOptional) {
  if (auto v = f.Text(name, need)) {
    if (v->size() > kMaxText) pr.Add(prefix + name, "", "at most " + std::to_string(kMaxText) + " bytes");
    out = *v;
  }
}

std::vector<store::ChainMember> ReadMembers(const json& arr, Problems& pr) {
  std::vector<store::ChainMember> out;
  if (arr.size() > kMaxListItems)
    pr.Add("members", "", "at most " + std::to_string(kMaxListItems) + " items");
  for (size_t i = 0; i < arr.size() && i < kMaxListItems; ++i) {
    const std::string prefix = "members[" + std::to_string(i) + "].";
    JsonFields m(arr[i], pr, prefix);
    store::ChainMember mem;
    mem.group = m.OneOf("group", chains::kGroups, Need::kRequired).value_or("");
    mem.unit_id = m.Int("unit_id", Need::kOptional, {1});
    mem.person_id = m.Int("person_id", Need::kOptional, {1});
    ReadText(m, "role", mem.role, pr, prefix);
    m.RejectUnknown();
    if (m.is_object() && !mem.unit_id == !mem.person_id)
      pr.Add(prefix + "person_id", "", "exactly one of person_id and unit_id");
    out.push_back(std::move(mem));
  }
  return out;
}

std::vector<store::ChainLink> ReadLinks(const json& arr, Problems& pr) {
  std::vector<store::ChainLink> out;
  if (arr.size() > kMaxListItems) pr.Add("links", "", "at most " + std::to_string(kMaxListItems) + " items");
  for (size_t i = 0; i < arr.size() && i < kMaxListItems; ++i) {
    const std::string prefix = "links[" + std::to_string(i) + "].";
    JsonFields l(arr[i], pr, prefix);
    store::ChainLink link;
    link.stage = l.OneOf("stage", chains::kStages, Need::kRequired).value_or("");
    ReadText(l, "name", link.name, pr, prefix, Need::kRequired);
    if (const json* gaps = l.Array("gaps")) {
      for (const auto& g : *gaps) {
        if (!g.is_string() || g.get<std::string>().empty() || g.get<std::string>().size() > kMaxText) {
          pr.Add(prefix + "gaps", ShownValue(g), "must be an array of strings");
          break;
        }
        link.gaps.push_back(g.get<std::string>());
      }
    }
    if (const json* es = l.Array("enterprises")) {
      for (size_t k = 0; k < es->size() && k < kMaxListItems; ++k) {
        const std::string ep = prefix + "enterprises[" + std::to_string(k) + "].";
        JsonFields e((*es)[k], pr, ep);
        store::ChainEnterprise ent;
        ReadText(e, "credit_code", ent.credit_code, pr, ep, Need::kRequired);
        ReadText(e, "name", ent.name, pr, ep);
        ent.anchor = e.Bool("anchor").value_or(false);
        e.RejectUnknown();
        if (!ent.credit_code.empty()) {
          if (auto why = land::CreditCodeProblem(ent.credit_code); !why.empty())
            pr.Add(ep + "credit_code", ent.credit_code, why);
        }
        link.enterprises.push_back(std::move(ent));
      }
    }
    l.RejectUnknown();
    out.push_back(std::move(link));
  }
  return out;
}

}  // namespace

supervision::ReportPolicy ChainService::PolicyFor(store::Connection& c, const std::string& region) {
  // The county's progress-report policy (its own, or the nearest region above that set one).
  auto tree = ledger_.Regions();
  for (std::string code = region; !code.empty();) {
    if (auto s = store::LoadSettings(c, code)) {
      auto pol = supervision::PolicyFromJson(ParseStoredJson(s->report_policy), {});
      return pol ? pol.value() : supervision::ReportPolicy{};
    }
    const auto* r = tree->Find(code);
    code = r ? r->parent_code : "";
  }
  return {};
}

Date ChainService::DefaultFrom(const store::Chain& ch, const Date& as_of) {
  return FromFor(ch, {as_of.year, 1, 1}, as_of);
}

Date ChainService::FromFor(const store::Chain& ch, const Date& start, const Date& as_of) {
  const auto created = ChinaDayOfUtc(ch.created_at);
  return created && *created > start && *created <= as_of ? *created : start;
}

bool ChainService::MayManage(const Ctx& ctx, const std::string& region) {
  auto tree = ledger_.Regions();
  return access::Allowed(ctx.caller, access::kChainWrite, {region, "", std::nullopt}, *tree);
}

bool ChainService::MayReport(store::Connection& c, const Ctx& ctx, const store::Chain& ch) {
  auto tree = ledger_.Regions();
  if (!access::Allowed(ctx.caller, access::kChainReport, {ch.region_code, "", std::nullopt}, *tree))
    return false;
  if (MayManage(ctx, ch.region_code)) return true;
  const auto own = store::PersonOfUser(c, ctx.caller.user_id);
  if (!own) return false;
  if (ch.chief_leader_id == own || ch.leader_id == own || ch.head_id == own) return true;
  return std::any_of(ch.members.begin(), ch.members.end(),
                     [&](const store::ChainMember& m) { return m.person_id == own; });
}

Result<store::Chain> ChainService::Readable(store::Connection& c, const Ctx& ctx, int64_t id) {
  auto ch = store::LoadChain(c, id);
  auto tree = ledger_.Regions();
  if (!ch || !ctx.Reads(access::kChainRead, *tree).ContainsRegion(ch->region_code)) return NoChain(id);
  return std::move(*ch);
}

ChainView ChainService::ViewOf(store::Connection& c, const Ctx& ctx, store::Chain ch) {
  ChainView v;
  auto tree = ledger_.Regions();
  if (const auto* r = tree->Find(ch.region_code)) v.region_name = r->name;
  const auto people = store::PersonNames(c, kChainRefs);
  auto name_of = [&](const std::optional<int64_t>& id) {
    if (!id) return std::string();
    auto it = people.find(*id);
    return it == people.end() ? std::string() : it->second;
  };
  v.chief_leader_name = name_of(ch.chief_leader_id);
  v.leader_name = name_of(ch.leader_id);
  v.head_name = name_of(ch.head_id);
  if (!ch.members.empty()) {
    const auto units = store::UnitNames(c, kChainRefs);
    for (const auto& m : ch.members) {
      ChainMemberView mv{m, "", name_of(m.person_id)};
      if (m.unit_id) {
        if (auto it = units.find(*m.unit_id); it != units.end()) mv.unit_name = it->second;
      }
      v.members.push_back(std::move(mv));
    }
  }
  v.can_manage = MayManage(ctx, ch.region_code);
  v.can_report = MayReport(c, ctx, ch);
  v.chain = std::move(ch);
  return v;
}

Status ChainService::ReadBody(store::Connection& c, const Ctx& ctx, const json& body, store::Chain& ch,
                              bool create, bool& members, bool& links) {
  Problems pr;
  JsonFields f(body, pr);
  if (!create) f.Int("version");
  if (create) {
    ReadText(f, "region_code", ch.region_code, pr, "", Need::kRequired);
  }
  ReadText(f, "name", ch.name, pr, "", create ? Need::kRequired : Need::kOptional);
  for (auto [key, member] : {std::pair{"chief_leader_id", &store::Chain::chief_leader_id},
                             {"leader_id", &store::Chain::leader_id},
                             {"head_id", &store::Chain::head_id}}) {
    if (auto v = f.Int(key, Need::kOptional, {1})) ch.*member = *v;
    else if (body.is_object() && body.contains(key) && body[key].is_null()) ch.*member = std::nullopt;
  }
  ReadText(f, "note", ch.note, pr, "");
  if (auto s = f.Int("sort", Need::kOptional, {0, 1000000})) ch.sort = static_cast<int>(*s);
  if (!create) ch.archived = f.Bool("archived").value_or(ch.archived);
  if (const json* m = f.Array("members")) {
    ch.members = ReadMembers(*m, pr);
    members = true;
  }
  if (const json* l = f.Array("links")) {
    ch.links = ReadLinks(*l, pr);
    links = true;
  }
  f.RejectUnknown();
  if (!pr.empty()) return Error{ErrorCode::kBadRequest, "the chain cannot be read", pr.details(), {}};
  // What the body names must exist where the chain is.
  auto tree = ledger_.Regions();
  const auto* region = tree->Find(ch.region_code);
  if (!region || region->level != "county" ||
      !ctx.Reads(access::kChainRead, *tree).ContainsRegion(ch.region_code))
    pr.Add("region_code", ch.region_code, "unknown county");
  if (ch.name.empty()) pr.Add("name", "", "is required");
  std::set<int64_t> people_ids, unit_ids;
  for (auto id : {ch.chief_leader_id, ch.leader_id, ch.head_id})
    if (id) people_ids.insert(*id);
  for (const auto& m : ch.members) {
    if (m.person_id) people_ids.insert(*m.person_id);
    if (m.unit_id) unit_ids.insert(*m.unit_id);
  }
  for (int64_t id : people_ids) {
    auto p = store::LoadPerson(c, kChainRefs, id);
    if (!p || p->archived ||
        (!tree->Within(ch.region_code, p->region_code) && !tree->Within(p->region_code, ch.region_code)))
      pr.Add("person_id", std::to_string(id), "unknown person");
  }
  for (int64_t id : unit_ids) {
    auto u = store::LoadUnit(c, kChainRefs, id);
    if (!u || u->archived ||
        (!tree->Within(ch.region_code, u->region_code) && !tree->Within(u->region_code, ch.region_code)))
      pr.Add("unit_id", std::to_string(id), "unknown unit");
  }
  if (!pr.empty()) return pr.ToError("the chain is not valid");
  return Ok{};
}

std::optional<int64_t> ChainService::ChainOfProject(int64_t project_id) {
  auto c = db_.Acquire();
  return store::ProjectChainId(*c, project_id);
}

Result<std::vector<ChainSummary>> ChainService::List(const Ctx& ctx, const std::string& region,
                                                     const Date& as_of) {
  auto tree = ledger_.Regions();
  const auto scope = ctx.Reads(access::kChainRead, *tree).Within(region, *tree);
  auto c = db_.Acquire();
  std::vector<ChainSummary> out;
  for (auto& ch : store::ListChains(*c, scope)) {
    const auto figures = FiguresOf(*c, ch, DefaultFrom(ch, as_of), as_of);
    out.push_back({ViewOf(*c, ctx, std::move(ch)), figures});
  }
  return out;
}

Result<ChainView> ChainService::Get(const Ctx& ctx, int64_t id) {
  auto c = db_.Acquire();
  auto ch = Readable(*c, ctx, id);
  if (!ch) return ch.error();
  return ViewOf(*c, ctx, std::move(*ch));
}

Result<ChainView> ChainService::Create(const Ctx& ctx, const json& body) {
  if (auto st = CheckWrite(ctx, access::kChainWrite, "you may not manage chains", body); !st)
    return st.error();
  auto c = db_.Acquire();
  store::Chain ch;
  bool members = false, links = false;
  if (auto st = ReadBody(*c, ctx, body, ch, true, members, links); !st) return st.error();
  if (!MayManage(ctx, ch.region_code))
    return Error::Forbidden("you may not manage the chains of this county");
  ch.created_at = ch.updated_at = ctx.now;
  store::Transaction tx(*c);
  auto id =
      UniqueWrite([&] { return store::InsertChain(*c, ch); }, "a chain of this name exists in the county");
  if (!id) return id.error();
  store::WriteJournal(*c, "chain", *id, "create", ctx.caller.user_id, ctx.now, Changes({}, ch, true));
  tx.Commit();
  return ViewOf(*c, ctx, *store::LoadChain(*c, *id));
}

Result<ChainView> ChainService::Update(const Ctx& ctx, int64_t id, const json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto c = db_.Acquire();
  auto current = Readable(*c, ctx, id);
  if (!current) return current.error();
  if (!MayManage(ctx, current->region_code)) return Error::Forbidden("you may not manage this chain");
  store::Chain next = *current;
  bool members = false, links = false;
  if (auto st = ReadBody(*c, ctx, body, next, false, members, links); !st) return st.error();
  if (current->version != *version) return store::StaleVersion("chain", current->version);
  next.updated_at = ctx.now;
  store::Transaction tx(*c);
  auto st = UniqueWrite([&] { return store::UpdateChain(*c, next, *version, members, links, current->name); },
                        "a chain of this name exists in the county");
  if (!st) return st.error();
  if (!*st) return st->error();
  store::WriteJournal(*c, "chain", id,
                      current->archived == next.archived ? "update" : (next.archived ? "archive" : "restore"),
                      ctx.caller.user_id, ctx.now, Changes(*current, next, false));
  tx.Commit();
  return ViewOf(*c, ctx, *store::LoadChain(*c, id));
}

chains::ChainFigures ChainService::FiguresOf(store::Connection& c, const store::Chain& ch, const Date& from,
                                             const Date& as_of) {
  chains::ChainFacts facts;
  const auto ids = store::ChainProjectIds(c, ch.id);
  if (!ids.empty()) {
    // The list every figure reads at as_of (last year's until this year's exists, as in January).
    auto tree = ledger_.Regions();
    const int year =
        ledger_.CurrentListYear(c, as_of, access::ReadScope::All().Within(ch.region_code, *tree));
    facts.projects = store::LoadProjects(c, kChainRefs, ids, year);
    for (auto& f : store::ListProblemFacts(c, access::ReadScope::All(), ids)) facts.problems.push_back(f);
  }
  for (const auto& r : store::ListChainReports(c, ch.id)) facts.reports.push_back({r.week, r.filed_on});
  for (const auto& v : store::ListChainVisits(c, ch.id)) facts.visits.push_back(v.visited_on);
  // Leads signed: the chain's leads whose 签约 step is dated by as_of (the attraction figures).
  store::LeadFilter leads;
  leads.scope = access::ReadScope::All();
  leads.chain_id = ch.id;
  const auto signed_leads = SummarizeLeads(c, leads, as_of);
  facts.leads_signed = signed_leads.signed_count;
  facts.leads_signed_amount = signed_leads.signed_amount;
  return chains::Figures(facts, from, as_of, PolicyFor(c, ch.region_code));
}

Result<chains::ChainFigures> ChainService::Figures(const Ctx& ctx, int64_t id, std::optional<Date> from,
                                                   const Date& as_of) {
  auto c = db_.Acquire();
  auto ch = Readable(*c, ctx, id);
  if (!ch) return ch.error();
  const Date start = from.value_or(DefaultFrom(*ch, as_of));
  if (as_of < start) {
    Problems pr;
    pr.Add("as_of", as_of.ToString(), "must not be before from");
    return pr.ToError("the period is not valid");
  }
  return FiguresOf(*c, *ch, start, as_of);
}

Result<ChainLists> ChainService::Lists(const Ctx& ctx, int64_t id, const Date& as_of) {
  auto c = db_.Acquire();
  auto ch = Readable(*c, ctx, id);
  if (!ch) return ch.error();
  ChainLists out;
  out.projects = store::ListChainProjects(*c, id);
  std::set<std::string> seen;
  for (const auto& l : ch->links) {
    for (const auto& e : l.enterprises) {
      if (!seen.insert(e.credit_code).second) continue;
      ChainEnterpriseRef ref{e.credit_code, e.name, l.name, l.stage, e.anchor};
      out.enterprises.push_back(std::move(ref));
    }
  }
  out.problems = store::ListChainProblems(*c, id);
  for (auto& p : out.problems) {
    supervision::ProblemFact f;
    f.status = p.status;
    f.deadline = p.deadline;
    f.raised_on = p.raised_on;
    f.closed_on = p.closed_on;
    p.overdue = chains::OverdueOn(f, as_of);
    if (chains::IsFactorNeed(p.category) && chains::OpenOn(f, as_of)) out.factor_needs.push_back(p);
  }
  out.leads = LeadsOf(*c, id, as_of);
  return out;
}

}  // namespace gj::service

#include "service/supervision/attention_service.h"

#include <algorithm>

#include "domain/supervision/attention.h"
#include "service/supervision/supervision_settings.h"
#include "store/supervision_store.h"

namespace gj::service {

namespace sv = supervision;
using nlohmann::json;

namespace {

sv::AttentionProblem AttentionProblemOf(const store::ProblemRow& p) {
  sv::AttentionProblem a;
  a.fact = p.fact;
  a.version = p.version;
  a.description = p.description;
  a.project_name = p.project_name;
  return a;
}

}  // namespace

Result<AttentionList> AttentionService::Attention(const Ctx& ctx, const Date& as_of) {
  store::ProblemFilter f;
  f.scope = projects_.Scope(ctx, "");
  auto c = db_.Acquire();
  sv::AttentionSubject who;
  who.person_id = store::PersonOfUser(*c, ctx.caller.user_id);
  for (const auto& g : ctx.caller.grants) {
    if (g.role == "unit" && g.unit_id) who.unit_ids.insert(*g.unit_id);
  }
  // The office role is per region: problems the caller manages are evaluated as office, the rest not.
  std::vector<sv::AttentionProblem> managed, other;
  for (const auto& p : store::ListProblems(*c, f)) {
    const bool office = projects_.Allowed(*c, ctx, access::kSupervisionManage,
                                          {p.county_code, p.town_code, p.project_unit_id});
    (office ? managed : other).push_back(AttentionProblemOf(p));
  }
  if (who.person_id) {
    for (const auto& a : store::ListAssignments(*c, f.scope)) {
      if (a.leader_id == *who.person_id) who.led_projects.insert(a.project_id);
    }
  }
  const auto read = store::ReadKeys(*c, ctx.caller.user_id);
  // The ladder of the caller's own region (its first grant's).
  const auto escalation = SupervisionSettings::Escalation(
      *c, ctx.caller.grants.empty() ? std::string() : ctx.caller.grants.front().region_code);
  who.office = true;
  auto items = sv::AttentionFor(who, managed, as_of, read, escalation);
  who.office = false;
  auto more = sv::AttentionFor(who, other, as_of, read, escalation);
  items.insert(items.end(), more.begin(), more.end());
  std::stable_sort(items.begin(), items.end(), [](const sv::AttentionItem& a, const sv::AttentionItem& b) {
    return sv::AttentionOrder(a.kind) < sv::AttentionOrder(b.kind);
  });
  AttentionList out{as_of, 0, std::move(items)};
  for (const auto& it : out.items) out.unread += it.read ? 0 : 1;
  return out;
}

Result<MarkedRead> AttentionService::MarkRead(const Ctx& ctx, const json& body) {
  if (!body.is_object() || !body.contains("keys") || !body["keys"].is_array())
    return Error::BadRequest("the body must be {\"keys\": [string]}");
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  int n = 0;
  for (const auto& k : body["keys"]) {
    if (!k.is_string() || k.get<std::string>().size() > 200) continue;
    store::MarkRead(*c, ctx.caller.user_id, k.get<std::string>(), ctx.now);
    ++n;
  }
  tx.Commit();
  return MarkedRead{n};
}

}  // namespace gj::service

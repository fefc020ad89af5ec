#include "service/ledger/plausibility_settings.h"

#include "common/json_field.h"
#include "common/json_limits.h"
#include "store/journal.h"
#include "store/project_store.h"
#include "store/supervision_store.h"

namespace gj::service {

namespace {

struct Setting {
  const char* key;   // the API's
  const char* name;  // the row's
  double ledger::PlausibilityPolicy::*member;
};
constexpr Setting kSettings[] = {
    {"completed_plan_factor", ledger::kSettingCompletedPlanFactor,
     &ledger::PlausibilityPolicy::completed_plan_factor},
    {"jump_points", ledger::kSettingJumpPoints, &ledger::PlausibilityPolicy::jump_points},
    {"ahead_points", ledger::kSettingAheadPoints, &ledger::PlausibilityPolicy::ahead_points},
};

std::string Text(double v) {
  std::string s = nlohmann::json(v).dump();
  return s;
}

}  // namespace

ledger::PlausibilityPolicy LoadPlausibility(store::Connection& c) {
  return ledger::PolicyFromSettings(store::GetSetting(c, ledger::kSettingCompletedPlanFactor),
                                    store::GetSetting(c, ledger::kSettingJumpPoints),
                                    store::GetSetting(c, ledger::kSettingAheadPoints));
}

nlohmann::json PlausibilityJson(const ledger::PlausibilityPolicy& p) {
  nlohmann::json j = {{"max_amount", ledger::kMaxAmountYuan}};
  for (const auto& s : kSettings) j[s.key] = p.*s.member;
  return j;
}

Result<ledger::PlausibilityPolicy> PutPlausibility(store::Database& db, const Ctx& ctx,
                                                   const nlohmann::json& body) {
  {
    // Rules every region writes by: the system admin's (kSystem row of the policy table).
    auto c = db.Acquire();
    if (!access::AllowedSystemWide(ctx.caller, access::kDictionaryAdmin,
                                   access::RegionTree(store::LoadRegions(*c))))
      return Error::Forbidden("only the system admin may change the plausibility rules");
    if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  }
  Problems pr;
  for (const auto& [key, value] : body.items()) {
    const Setting* s = nullptr;
    for (const auto& x : kSettings) {
      if (key == x.key) s = &x;
    }
    if (!s) {
      pr.Add({key, "", "unknown field", 0, {"completed_plan_factor", "jump_points", "ahead_points"}});
    } else if (!value.is_number() || value.get<double>() < 1 || value.get<double>() > 100) {
      pr.Add(key, BoundedDump(value), "must be a number from 1 to 100");
    }
  }
  if (!pr.empty()) return pr.ToError("the plausibility rules are not valid");
  auto c = db.Acquire();
  store::Transaction tx(*c);
  const auto before = LoadPlausibility(*c);
  auto after = before;
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& s : kSettings) {
    if (!body.contains(s.key)) continue;
    after.*s.member = body[s.key].get<double>();
    if (after.*s.member == before.*s.member) continue;
    store::PutSetting(*c, s.name, Text(after.*s.member));
    changes.push_back({{"field", s.key}, {"old", before.*s.member}, {"new", after.*s.member}});
  }
  if (!changes.empty())
    store::WriteJournal(*c, "settings", 0, "plausibility", ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return after;
}

}  // namespace gj::service

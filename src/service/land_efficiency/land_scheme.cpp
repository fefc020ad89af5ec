#include "service/land_efficiency/land_service.h"

#include "common/json_field.h"
#include "common/json_limits.h"
#include "common/json_shape.h"
#include "domain/land_efficiency/workflow.h"
#include "service/land_efficiency/land_support.h"
#include "store/journal.h"
#include "store/table.h"

namespace gj::service {

using nlohmann::json;
using namespace land_support;

// ---- scheme and policies -------------------------------------------------------------------

land::Scheme LandService::SchemeOf(store::Connection& c, const std::string& county,
                                   std::optional<int64_t>* id, int* version) {
  auto row = store::CurrentScheme(c, county);
  if (id) *id = row ? std::optional<int64_t>(row->id) : std::nullopt;
  if (version) *version = row ? row->version : 0;
  if (!row) return land::ShandongScheme();
  auto s = land::ParseScheme(row->doc);
  return s ? s.value() : land::ShandongScheme();  // stored documents were validated on the way in
}

Result<LandSchemeView> LandService::GetScheme(const Ctx& ctx, const std::string& county) {
  if (auto st = CheckCounty(ctx, county, access::kLandRead); !st) return st.error();
  auto c = db_.Acquire();
  LandSchemeView out{county, 0, {}};
  out.scheme = SchemeOf(*c, county, nullptr, &out.version);
  return out;
}

Result<LandSchemeView> LandService::PutScheme(const Ctx& ctx, const std::string& county, const json& body) {
  if (auto st = CheckCounty(ctx, county, access::kLandEvaluate); !st) return st.error();
  if (auto v = VersionOf(body); !v) return v.error();
  if (!body.contains("scheme"))
    return Error::Invalid("the scheme is required", {{"scheme", "", "required", 0, {}}});
  auto scheme = land::SchemeFromJson(body["scheme"]);
  if (!scheme) return scheme.error();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  int current = 0;
  SchemeOf(*c, county, nullptr, &current);
  if (body["version"].get<int64_t>() != current) return store::StaleVersion("scheme", current);
  const std::string doc = land::SchemeToJson(*scheme).dump();
  const int64_t id = store::InsertScheme(*c, county, current + 1, doc, ctx.now, ctx.caller.user_id);
  store::WriteJournal(*c, "le_scheme", id, "update", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", "version"}, {"old", current}, {"new", current + 1}}}));
  tx.Commit();
  return GetScheme(ctx, county);
}

Result<LandPolicies> LandService::GetPolicies(const Ctx& ctx, const std::string& county) {
  if (auto st = CheckCounty(ctx, county, access::kLandRead); !st) return st.error();
  auto c = db_.Acquire();
  auto scheme = SchemeOf(*c, county, nullptr, nullptr);
  auto rows = store::ListPolicies(*c, county);
  LandPolicies out{county, 0, {}};
  for (int k = 0; k < 4; ++k) {
    const std::string letter(1, land::kClassLetters[k]);
    store::PolicyRow p{letter, 0, 0, 0, "", 0};
    for (const auto& r : rows) {
      if (r.klass == letter) p = r;
    }
    out.version += p.version;
    out.classes.push_back(
        {letter, scheme.surcharge_per_kwh[k], p.land_mu, p.energy_tce, p.emission_t, p.note});
  }
  return out;
}

Result<LandPolicies> LandService::PutPolicies(const Ctx& ctx, const std::string& county, const json& body) {
  if (auto st = CheckCounty(ctx, county, access::kLandEvaluate); !st) return st.error();
  if (auto v = VersionOf(body); !v) return v.error();
  if (!body.contains("classes") || !body["classes"].is_array())
    return Error::BadRequest("classes must be an array");
  auto before = GetPolicies(ctx, county);
  if (body["version"].get<int64_t>() != before->version)
    return store::StaleVersion("policy", before->version);
  Problems pr;
  std::vector<store::PolicyRow> rows;
  for (const auto& item : body["classes"]) {
    store::PolicyRow p;
    p.klass = Str(item, "class");
    if (ClassIndex(p.klass) < 0) pr.Add("class", p.klass, "must be A, B, C or D");
    for (auto [k, f] :
         {std::pair{"land_mu", &p.land_mu}, {"energy_tce", &p.energy_tce}, {"emission_t", &p.emission_t}}) {
      if (item.contains(k) && !item[k].is_number())
        pr.Add(std::string(k), BoundedDump(item[k]), "must be a number");
      else *f = item.value(k, 0.0);
    }
    p.note = Str(item, "note");
    rows.push_back(p);
  }
  if (!pr.empty()) return pr.ToError("the policy is not valid");
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  for (const auto& p : rows) store::UpsertPolicy(*c, county, p);
  store::WriteJournal(
      *c, "le_policy", 0, "update", ctx.caller.user_id, ctx.now,
      json::array({{{"field", county}, {"old", PolicyClassesJson(*before)}, {"new", body["classes"]}}}));
  tx.Commit();
  return GetPolicies(ctx, county);
}

json PolicyClassesJson(const LandPolicies& p) {
  using K = LandClassPolicy;
  static const JFields<K> kFields =
      Join<K>(JField<&K::klass>("class"),
              GJ_JSON_FIELDS(K, surcharge_per_kwh, land_mu, energy_tce, emission_t, note));
  return ArrayOf(p.classes, kFields);
}

}  // namespace gj::service

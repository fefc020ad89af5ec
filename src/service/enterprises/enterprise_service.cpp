#include "service/enterprises/enterprise_service.h"

#include <map>

#include "common/json_field.h"
#include "domain/enterprises/credit_code.h"
#include "service/org/org_support.h"
#include "service/remit.h"
#include "service/unique_write.h"
#include "store/journal.h"
#include "store/org_store.h"

namespace gj::service {

namespace {

using store::EnterpriseRecord;

Error NoEnterprise(const std::string& code) { return Error::NotFound("no enterprise " + code); }

// Text fields: at most `max` characters (UTF-8: 3 bytes each for Chinese).
void CheckText(Problems& pr, const char* field, const std::string& v, size_t max, bool required) {
  if (required && v.empty()) pr.Add(field, v, "必填 (required)");
  else if (v.size() > max * 3) pr.Add(field, v, "过长 (at most " + std::to_string(max) + " characters)");
}

// Reads the editable fields of a create or update body into `e` (the credit code and county only
// on create); a field that cannot be read is a 400, a rule broken a 422.
Status ReadBody(const nlohmann::json& body, EnterpriseRecord& e, bool create) {
  Problems pr;
  JsonFields f(body, pr);
  if (create) {
    e.credit_code = f.Text("credit_code", Need::kRequired).value_or("");
    e.county_code = f.Text("county_code", Need::kRequired).value_or("");
  } else {
    f.Int("version", Need::kRequired);
  }
  if (auto v = f.Text("name", create ? Need::kRequired : Need::kOptional)) e.name = *v;
  for (auto [name, member] :
       {std::pair{"town", &EnterpriseRecord::town},
        std::pair{"industry_code", &EnterpriseRecord::industry_code},
        std::pair{"address", &EnterpriseRecord::address}, std::pair{"contact", &EnterpriseRecord::contact},
        std::pair{"phone", &EnterpriseRecord::phone}}) {
    if (auto v = f.Text(name)) e.*member = *v;
  }
  if (auto v = f.Bool("above_scale")) e.above_scale = *v;
  std::vector<std::string> tags = enterprises::SplitTags(e.tags);
  if (const auto* t = f.Array("tags")) {
    tags.clear();
    for (const auto& x : *t) {
      if (!x.is_string()) pr.Add("tags", x.dump(), "must be a string");
      else tags.push_back(x.get<std::string>());
    }
  }
  if (body.is_object() && body.contains("chain_id")) {
    if (body["chain_id"].is_null()) {
      f.Int("chain_id");  // marks it read
      e.chain_id.reset();
    } else if (auto v = f.Int("chain_id", Need::kOptional, {1, INT64_MAX})) {
      e.chain_id = *v;
    }
  }
  f.RejectUnknown();
  if (auto st = org::Readable(pr); !st) return st.error();
  std::vector<std::string> unknown;
  e.tags = enterprises::JoinTags(tags, &unknown);
  for (const auto& t : unknown) {
    std::string allowed;
    for (const auto& k : enterprises::kTags) allowed += (allowed.empty() ? "" : ", ") + k;
    pr.Add("tags", t, "must be one of " + allowed);
  }
  if (create) {
    if (auto why = enterprises::CreditCodeProblem(e.credit_code); !why.empty())
      pr.Add("credit_code", e.credit_code, why);
  }
  CheckText(pr, "name", e.name, 100, true);
  CheckText(pr, "town", e.town, 50, false);
  CheckText(pr, "industry_code", e.industry_code, 20, false);
  CheckText(pr, "address", e.address, 200, false);
  CheckText(pr, "contact", e.contact, 50, false);
  CheckText(pr, "phone", e.phone, 50, false);
  if (!pr.empty()) return pr.ToError("企业信息有误 (invalid enterprise)");
  return Ok{};
}

}  // namespace

access::ReadScope EnterpriseService::Remit(store::Connection& c, const Ctx& ctx, const std::string& region) {
  return UnitRemit(c, ctx, *ledger_.Regions(), access::kEnterpriseRead, region);
}

std::optional<EnterpriseLandClass> EnterpriseService::LandClass(const Ctx& ctx, const std::string& county,
                                                                const std::string& credit_code) {
  auto runs = land_.ListRuns(ctx, county, std::nullopt);
  if (!runs) return std::nullopt;
  for (const auto& run : runs->items) {  // newest first
    if (run.row.state != "published" && run.row.state != "final") continue;
    auto card = land_.Card(ctx, run.row.id, credit_code);
    if (!card) return std::nullopt;
    return EnterpriseLandClass{card->final_class, run.row.year, run.row.id, run.row.state};
  }
  return std::nullopt;
}

EnterpriseView EnterpriseService::View(const Ctx& ctx, EnterpriseRecord r, bool with_class) {
  EnterpriseView v;
  const auto tree = ledger_.Regions();
  if (const auto* region = tree->Find(r.county_code)) v.county_name = region->name;
  if (with_class) v.land = LandClass(ctx, r.county_code, r.credit_code);
  v.record = std::move(r);
  return v;
}

Result<EnterpriseList> EnterpriseService::List(const Ctx& ctx, const EnterpriseQuery& q) {
  store::EnterprisePage page;
  {
    auto c = db_.Acquire();
    store::EnterpriseFilter f{Remit(*c, ctx, q.region), q.q, q.tag, q.chain_id, q.offset, q.limit};
    page = store::ListEnterprises(*c, f);
  }
  EnterpriseList out;
  out.total_count = page.total_count;
  out.offset = q.offset;
  out.limit = q.limit;
  for (auto& r : page.items) out.items.push_back(View(ctx, std::move(r)));
  return out;
}

Result<EnterpriseDetail> EnterpriseService::Detail(store::Connection& c, const Ctx& ctx, EnterpriseRecord r) {
  EnterpriseDetail out;
  std::vector<enterprises::YearFigures> figures;
  std::map<int, int64_t> versions;
  for (const auto& y : store::ListEnterpriseYears(c, r.id)) {
    figures.push_back({y.year, y.revenue, y.tax});
    versions[y.year] = y.version;
  }
  out.years = enterprises::GrowthByYear(figures);
  for (const auto& g : out.years) out.year_versions.push_back(versions[g.year]);
  out.projects = store::ListBuilderProjects(c, ledger_.ReadableScope(ctx, ""), r.credit_code);
  out.enterprise = View(ctx, std::move(r), false);  // the class after the lease is given back
  return out;
}

Result<EnterpriseDetail> EnterpriseService::GetRows(const Ctx& ctx, const std::string& credit_code) {
  auto c = db_.Acquire();
  auto r = store::GetEnterprise(*c, Remit(*c, ctx), credit_code);
  if (!r) return NoEnterprise(credit_code);
  return Detail(*c, ctx, std::move(*r));
}

Result<EnterpriseDetail> EnterpriseService::CreateRows(const Ctx& ctx, const nlohmann::json& body) {
  if (!access::AllowedAnywhere(ctx.caller, access::kEnterpriseWrite))
    return Error::Forbidden("只有县（市）项目办可以登记企业 (enterprise.write needed)");
  EnterpriseRecord e;
  if (auto st = ReadBody(body, e, true); !st) return st.error();
  auto c = db_.Acquire();
  const auto tree = ledger_.Regions();
  const auto* county = tree->Find(e.county_code);
  if (!county || county->level != "county" || !Remit(*c, ctx).Contains(e.county_code)) {
    Problems pr;
    pr.Add("county_code", e.county_code, "未知区域 (unknown region)");
    return pr.ToError("企业信息有误 (invalid enterprise)");
  }
  if (!access::Allowed(ctx.caller, access::kEnterpriseWrite, {e.county_code, "", std::nullopt}, *tree))
    return Error::Forbidden("无权登记该县企业 (not yours to register)");
  store::Transaction tx(*c);
  if (store::EnterpriseExists(*c, e.credit_code))
    return Error::Conflict("统一社会信用代码 " + e.credit_code + " 已登记 (already registered)");
  e.updated_at = ctx.now;
  auto id = UniqueWrite([&] { return store::InsertEnterprise(*c, e); },
                        "统一社会信用代码 " + e.credit_code + " 已登记 (already registered)");
  if (!id) return id.error();
  e.id = *id;
  store::WriteJournal(*c, "enterprise", e.id, "create", ctx.caller.user_id, ctx.now,
                      store::JournalDiff(store::EnterpriseJournalFields(), EnterpriseRecord{}, e));
  tx.Commit();
  auto saved = store::GetEnterprise(*c, access::ReadScope::All(), e.credit_code);
  return Detail(*c, ctx, std::move(*saved));
}

Result<EnterpriseDetail> EnterpriseService::UpdateRows(const Ctx& ctx, const std::string& credit_code,
                                                       const nlohmann::json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto c = db_.Acquire();
  auto current = store::GetEnterprise(*c, Remit(*c, ctx), credit_code);
  if (!current) return NoEnterprise(credit_code);
  const auto tree = ledger_.Regions();
  if (!access::Allowed(ctx.caller, access::kEnterpriseWrite, {current->county_code, "", std::nullopt}, *tree))
    return Error::Forbidden("无权修改该企业 (not yours to change)");
  EnterpriseRecord next = *current;
  if (auto st = ReadBody(body, next, false); !st) return st.error();
  if (current->version != *version) return store::StaleVersion("enterprise", current->version);
  next.updated_at = ctx.now;
  store::Transaction tx(*c);
  if (auto st = store::UpdateEnterprise(*c, next, *version); !st) return st.error();
  store::WriteJournal(*c, "enterprise", current->id, "update", ctx.caller.user_id, ctx.now,
                      store::JournalDiff(store::EnterpriseJournalFields(), *current, next));
  tx.Commit();
  auto saved = store::GetEnterprise(*c, access::ReadScope::All(), credit_code);
  return Detail(*c, ctx, std::move(*saved));
}

Result<EnterpriseDetail> EnterpriseService::PutYearRows(const Ctx& ctx, const std::string& credit_code,
                                                        int year, const nlohmann::json& body) {
  auto c = db_.Acquire();
  auto e = store::GetEnterprise(*c, Remit(*c, ctx), credit_code);
  if (!e) return NoEnterprise(credit_code);
  const auto tree = ledger_.Regions();
  if (!access::Allowed(ctx.caller, access::kEnterpriseWrite, {e->county_code, "", std::nullopt}, *tree))
    return Error::Forbidden("无权修改该企业 (not yours to change)");
  Problems pr;
  JsonFields f(body, pr);
  const auto version = f.Int("version", Need::kOptional, {0, INT64_MAX}).value_or(0);
  store::EnterpriseYearRow next{0, e->id, year, std::nullopt, std::nullopt, 1};
  for (auto [name, member] : {std::pair{"revenue", &store::EnterpriseYearRow::revenue},
                              std::pair{"tax", &store::EnterpriseYearRow::tax}}) {
    if (body.is_object() && body.contains(name) && !body[name].is_null())
      next.*member = f.Int(name, Need::kOptional, {INT64_MIN / 4, INT64_MAX / 4});
    else f.Int(name);
  }
  f.RejectUnknown();
  if (auto st = org::Readable(pr); !st) return st.error();
  if (next.revenue && *next.revenue < 0)
    pr.Add("revenue", std::to_string(*next.revenue), "must be a non-negative integer (yuan)");
  if (!pr.empty()) return pr.ToError("年度数据有误 (invalid yearly figures)");
  store::Transaction tx(*c);
  auto current = store::GetEnterpriseYear(*c, e->id, year);
  nlohmann::json changes = nlohmann::json::array();
  auto change = [&](const char* field, const std::optional<int64_t>& before,
                    const std::optional<int64_t>& after) {
    if (before == after) return;
    changes.push_back({{"field", std::string(field) + ":" + std::to_string(year)},
                       {"old", before ? nlohmann::json(*before) : nlohmann::json(nullptr)},
                       {"new", after ? nlohmann::json(*after) : nlohmann::json(nullptr)}});
  };
  if (current) {
    if (current->version != version) return store::StaleVersion("enterprise year", current->version);
    next.id = current->id;
    if (auto st = store::UpdateEnterpriseYear(*c, next, version, ctx.now); !st) return st.error();
    change("revenue", current->revenue, next.revenue);
    change("tax", current->tax, next.tax);
  } else {
    if (version != 0) return store::StaleVersion("enterprise year", 0);
    store::InsertEnterpriseYear(*c, next, ctx.now);
    change("revenue", std::nullopt, next.revenue);
    change("tax", std::nullopt, next.tax);
  }
  store::WriteJournal(*c, "enterprise", e->id, current ? "update_year" : "add_year", ctx.caller.user_id,
                      ctx.now, changes);
  tx.Commit();
  return Detail(*c, ctx, std::move(*e));
}

Result<EnterpriseDetail> EnterpriseService::WithClass(const Ctx& ctx, Result<EnterpriseDetail> d) {
  if (d)
    d->enterprise.land = LandClass(ctx, d->enterprise.record.county_code, d->enterprise.record.credit_code);
  return d;
}

Result<EnterpriseDetail> EnterpriseService::Get(const Ctx& ctx, const std::string& credit_code) {
  return WithClass(ctx, GetRows(ctx, credit_code));
}

Result<EnterpriseDetail> EnterpriseService::Create(const Ctx& ctx, const nlohmann::json& body) {
  return WithClass(ctx, CreateRows(ctx, body));
}

Result<EnterpriseDetail> EnterpriseService::Update(const Ctx& ctx, const std::string& credit_code,
                                                   const nlohmann::json& body) {
  return WithClass(ctx, UpdateRows(ctx, credit_code, body));
}

Result<EnterpriseDetail> EnterpriseService::PutYear(const Ctx& ctx, const std::string& credit_code, int year,
                                                    const nlohmann::json& body) {
  return WithClass(ctx, PutYearRows(ctx, credit_code, year, body));
}

Result<BackboneList> EnterpriseService::Backbone(const Ctx& ctx, const std::string& region, int year) {
  BackboneList out;
  out.year = year;
  std::vector<std::pair<EnterpriseRecord, std::vector<enterprises::YearGrowth>>> rows;
  {
    auto c = db_.Acquire();
    store::EnterpriseFilter f{Remit(*c, ctx, region), "", enterprises::kBackbone, std::nullopt, 0, 0};
    for (auto& r : store::ListEnterprises(*c, f).items) {
      std::vector<enterprises::YearFigures> figures;
      for (const auto& y : store::ListEnterpriseYears(*c, r.id))
        figures.push_back({y.year, y.revenue, y.tax});
      rows.emplace_back(std::move(r), enterprises::GrowthByYear(figures));
    }
  }
  for (auto& [r, growth] : rows) {
    BackboneLine line;
    for (const auto& g : growth) {
      if (g.year == year) line.growth = g;
    }
    line.grew = enterprises::GrewIn(growth, year);
    out.grew_count += line.grew ? 1 : 0;
    line.enterprise = View(ctx, std::move(r), false);
    out.items.push_back(std::move(line));
  }
  return out;
}

BuilderInfo EnterpriseService::Builder(const Ctx& ctx, const std::string& credit_code) {
  BuilderInfo out{credit_code, std::nullopt, std::nullopt};
  std::optional<EnterpriseRecord> r;
  {
    auto c = db_.Acquire();
    r = store::GetEnterprise(*c, Remit(*c, ctx), credit_code);
  }
  if (!r) return out;
  out.name = r->name;
  out.land = LandClass(ctx, r->county_code, credit_code);
  return out;
}

}  // namespace gj::service

// Funds in place (到位资金) and the figures of a region as of a date.
#include <map>

#include "common/json_field.h"
#include "domain/targets/composite.h"
#include "service/attraction/attraction_service.h"
#include "store/journal.h"
#include "store/progress_store.h"

namespace gj::service {

namespace {

Status Readable(const Problems& pr) {
  if (pr.empty()) return Ok{};
  return Error{ErrorCode::kBadRequest, "the body cannot be read", pr.details(), {}};
}

}  // namespace

Result<ItemList<store::FundsEntry>> AttractionService::ListFunds(const Ctx& ctx, int64_t lead_id) {
  auto scope = Scope(ctx, "");
  if (!scope) return scope.error();
  auto c = db_.Acquire();
  if (!store::GetLead(*c, scope.value(), lead_id))
    return Error::NotFound("no lead " + std::to_string(lead_id));
  return ItemList<store::FundsEntry>{store::ListFunds(*c, lead_id)};
}

Result<store::FundsEntry> AttractionService::GetFunds(const Ctx& ctx, int64_t id) {
  auto scope = Scope(ctx, "");
  if (!scope) return scope.error();
  auto c = db_.Acquire();
  auto e = store::GetFunds(*c, id);
  if (!e || !store::GetLead(*c, scope.value(), e->lead_id))
    return Error::NotFound("no funds entry " + std::to_string(id));
  return std::move(*e);
}

Result<store::FundsEntry> AttractionService::AddFunds(const Ctx& ctx, int64_t lead_id,
                                                      const nlohmann::json& body) {
  return WriteFunds(ctx, lead_id, std::nullopt, body);
}

Result<store::FundsEntry> AttractionService::UpdateFunds(const Ctx& ctx, int64_t id,
                                                         const nlohmann::json& body) {
  return WriteFunds(ctx, std::nullopt, id, body);
}

Result<store::FundsEntry> AttractionService::WriteFunds(const Ctx& ctx, std::optional<int64_t> lead_id,
                                                        std::optional<int64_t> id,
                                                        const nlohmann::json& body) {
  const bool create = !id.has_value();
  std::optional<int64_t> version;
  if (!create) {
    auto v = VersionOf(body);
    if (!v) return v.error();
    version = *v;
  } else if (!body.is_object()) {
    return Error::BadRequest("the body must be a JSON object");
  }
  auto scope = Scope(ctx, "");
  if (!scope) return scope.error();
  auto c = db_.Acquire();
  store::FundsEntry e;
  std::optional<store::FundsEntry> before;
  if (!create) {
    before = store::GetFunds(*c, *id);
    if (!before || !store::GetLead(*c, scope.value(), before->lead_id))
      return Error::NotFound("no funds entry " + std::to_string(*id));
    e = *before;
    lead_id = e.lead_id;
  }
  auto lead = store::GetLead(*c, scope.value(), *lead_id);
  if (!lead) return Error::NotFound("no lead " + std::to_string(*lead_id));
  if (auto st = CheckWriteOn(ctx, lead->region_code); !st) return st.error();
  e.lead_id = *lead_id;
  {
    Problems unreadable;
    JsonFields f(body, unreadable);
    if (!create) f.Int("version");
    const Need need = create ? Need::kRequired : Need::kOptional;
    if (auto v = f.Text("month", need)) e.month = *v;
    if (auto v = f.Int("fixed_assets", need, {0, INT64_MAX})) e.fixed_assets = *v;
    if (auto v = f.Int("working_capital", need, {0, INT64_MAX})) e.working_capital = *v;
    if (auto v = f.Int("foreign_usd", Need::kOptional, {0, INT64_MAX})) e.foreign_usd = *v;
    if (auto v = f.Text("source_region")) e.source_region = *v;
    if (auto v = f.Text("evidence")) e.evidence = *v;
    f.RejectUnknown();
    if (auto st = Readable(unreadable); !st) return st.error();
  }
  if (before && before->version != *version) return store::StaleVersion("funds entry", before->version);
  Problems pr;
  // Funds come in for a signed lead, from its signing month on, and never for a month to come.
  std::optional<Date> signed_on;
  for (const auto& s : store::ListSteps(*c, *lead_id)) {
    if (s.step == "signed") signed_on = s.dated_on;
  }
  if (!attraction::IsMonth(e.month)) {
    pr.Add("month", e.month, "a month YYYY-MM");
  } else if (!signed_on) {
    pr.Add("month", e.month, "rule attraction.funds_need_signed: the lead has not been signed");
  } else if (e.month < attraction::MonthOf(*signed_on)) {
    pr.Add(
        "month", e.month,
        "rule attraction.funds_before_signed: before the signing month " + attraction::MonthOf(*signed_on));
  } else if (e.month > attraction::MonthOf(ctx.today)) {
    pr.Add("month", e.month,
           "an actual date cannot be in the future (today is " + ctx.today.ToString() + ")");
  }
  // One entry a month: a correction changes that entry.
  for (const auto& other : store::ListFunds(*c, *lead_id)) {
    if (other.month == e.month && other.id != e.id)
      pr.Add("month", e.month,
             "rule attraction.funds_month_once: the lead has an entry for this month already");
  }
  if (!pr.empty()) return pr.ToError("the funds entry is not valid");
  store::Transaction tx(*c);
  if (create) {
    e.id = store::InsertFunds(*c, e, ctx.now);
    e.version = 1;
    store::WriteJournal(*c, "funds_entry", e.id, "create", ctx.caller.user_id, ctx.now,
                        store::FundsCreatedChanges(e));
  } else {
    if (auto st = store::UpdateFunds(*c, e, *version, ctx.now); !st) return st.error();
    e.version = *version + 1;
    store::WriteJournal(*c, "funds_entry", e.id, "update", ctx.caller.user_id, ctx.now,
                        store::FundsChanges(*before, e));
  }
  tx.Commit();
  return e;
}

namespace {

std::vector<attraction::FundsFact> FundsFactsOf(store::Connection& c, const store::LeadFilter& f) {
  std::vector<attraction::FundsFact> funds;
  for (const auto& e : store::ListFundsOf(c, f))
    funds.push_back({e.lead_id, e.month, e.fixed_assets, e.working_capital, e.foreign_usd});
  return funds;
}

}  // namespace

attraction::Summary SummarizeLeads(store::Connection& c, const store::LeadFilter& f, const Date& as_of) {
  std::vector<attraction::LeadFacts> leads;
  std::map<int64_t, size_t> at;
  for (const auto& l : store::ListLeads(c, f)) {
    at[l.id] = leads.size();
    leads.push_back({l.id, l.created_on, l.expected_investment, {}});
  }
  for (const auto& s : store::ListStepsOf(c, f)) {
    if (auto it = at.find(s.lead_id); it != at.end()) leads[it->second].steps.push_back({s.step, s.dated_on});
  }
  return attraction::Summarize(leads, FundsFactsOf(c, f), as_of);
}

Result<AttractionSummary> AttractionService::Summary(const Ctx& ctx, const std::string& region,
                                                     const Date& as_of, std::optional<int64_t> chain_id,
                                                     std::optional<int64_t> leader_id) {
  auto scope = Scope(ctx, region);
  if (!scope) return scope.error();
  store::LeadFilter f;
  f.scope = scope.value();
  f.chain_id = chain_id;
  f.leader_id = leader_id;
  auto c = db_.Acquire();
  AttractionSummary out;
  out.region = region;
  out.as_of = as_of;
  out.figures = SummarizeLeads(*c, f, as_of);
  // 资金到位率: the year's funds in place ÷ the region's funds target of that year (targets engine).
  out.funds_rate = targets::FundsRate(store::LoadTargets(*c, access::ReadScope::All()), region,
                                      FundsFactsOf(*c, f), as_of);
  return out;
}

}  // namespace gj::service

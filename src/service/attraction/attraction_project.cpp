// A signed lead becomes or links to a ledger project (签约项目入库), "same code and builder": the
// project is created through the ledger's own use case (its rules, rights and journal), named and
// placed as the lead, its builder the investor (name and 统一社会信用代码), its chain the lead's,
// its total investment the expected one, at stage 签约; the lead then links to it. A lead linking
// to an existing project (create, update, a step's project_id) gives it the same builder code and
// chain through the ledger's update (LedgerService: chain_id sets the chain's name beside it). A
// project is one lead's; one the caller cannot read is a 404.
#include "common/json_field.h"
#include "service/attraction/attraction_service.h"
#include "store/attraction_store.h"
#include "store/chain_store.h"
#include "store/journal.h"
#include "store/project_store.h"

namespace gj::service {

Status AttractionService::CheckLink(store::Connection& c, const Ctx& ctx, int64_t lead_id,
                                    int64_t project_id) {
  const auto p = store::LoadProject(c, ledger_.ReadableScope(ctx, ""), project_id);
  if (!p) return Error::NotFound("no project " + std::to_string(project_id));
  if (auto other = store::LeadOfProject(c, project_id, lead_id)) {
    Problems pr;
    pr.Add("project_id", std::to_string(project_id),
           "rule attraction.project_held: 该项目已关联线索 " + std::to_string(*other) +
               " (another lead holds the project)");
    return pr.ToError("the lead cannot link to the project");
  }
  return Ok{};
}

Status AttractionService::CarryToProject(const Ctx& ctx, const store::Lead& lead) {
  if (!lead.project_id) return Ok{};
  std::optional<ledger::Project> p;
  std::optional<int64_t> chain_id;
  {
    auto c = db_.Acquire();
    p = store::LoadProject(*c, ledger_.ReadableScope(ctx, ""), *lead.project_id);
    if (p) chain_id = store::ProjectChainId(*c, p->id);
  }
  if (!p) return Error::NotFound("no project " + std::to_string(*lead.project_id));
  nlohmann::json change = nlohmann::json::object();
  if (!lead.investor_credit_code.empty() && p->builder_code != lead.investor_credit_code)
    change["builder_code"] = lead.investor_credit_code;
  if (lead.chain_id && chain_id != lead.chain_id) change["chain_id"] = *lead.chain_id;
  if (change.empty()) return Ok{};
  change["version"] = p->version;
  auto updated = ledger_.Update(ctx, p->id, change);
  if (!updated) return updated.error();
  return Ok{};
}

Result<LeadView> AttractionService::MakeProject(const Ctx& ctx, int64_t id, const nlohmann::json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto scope = Scope(ctx, "");
  if (!scope) return scope.error();
  store::Lead lead;
  {
    auto c = db_.Acquire();
    auto found = store::GetLead(*c, scope.value(), id);
    if (!found) return Error::NotFound("no lead " + std::to_string(id));
    lead = *found;
    if (auto st = CheckWriteOn(ctx, lead.region_code); !st) return st.error();
    Problems unreadable;
    JsonFields f(body, unreadable);
    f.Int("version");
    for (const char* name : {"code", "category", "level", "kind", "track"}) f.Text(name);
    f.RejectUnknown();
    if (!unreadable.empty())
      return Error{ErrorCode::kBadRequest, "the body cannot be read", unreadable.details(), {}};
    if (lead.version != *version) return store::StaleVersion("lead", lead.version);
    Problems pr;
    bool is_signed = false;
    for (const auto& s : store::ListSteps(*c, id)) is_signed = is_signed || s.step == "signed";
    if (!is_signed)
      pr.Add("step", "", "rule attraction.project_needs_signed: only a signed lead becomes a project");
    if (lead.project_id)
      pr.Add("project_id", std::to_string(*lead.project_id),
             "rule attraction.project_linked: the lead has a project");
    if (!pr.empty()) return pr.ToError("the lead cannot become a project");
  }
  auto tree = ledger_.Regions();
  const std::string county = tree->CountyOf(lead.region_code);
  const auto text = [&body](const char* name, const char* fallback) {
    return body.contains(name) && body[name].is_string() ? body[name].get<std::string>()
                                                         : std::string(fallback);
  };
  nlohmann::json project = {{"code", text("code", "")},
                            {"name", lead.title},
                            {"county_code", county},
                            {"category", text("category", "industrial")},
                            {"level", text("level", "county")},
                            {"kind", text("kind", "new")},
                            {"track", text("track", "implementation")},
                            {"stage", "signed"},
                            {"builder", lead.investor_name},
                            {"total_investment", lead.expected_investment}};
  if (county != lead.region_code) project["town_code"] = lead.region_code;
  if (lead.leader_id) project["leader_id"] = *lead.leader_id;
  if (!lead.investor_credit_code.empty()) project["builder_code"] = lead.investor_credit_code;
  // The lead's chain (chains.id); a lead without one names its industry, which finds the chain of
  // that name in the county if there is one (LedgerService::ResolveChain).
  if (lead.chain_id) project["chain_id"] = *lead.chain_id;
  else if (!lead.industry.empty()) project["chain"] = lead.industry;
  auto made = ledger_.Create(ctx, project);
  if (!made) return made.error();
  auto c = db_.Acquire();
  store::Lead after = lead;
  after.project_id = made->project.id;
  store::Transaction tx(*c);
  if (auto st = store::UpdateLead(*c, after, *version, ctx.now); !st) return st.error();
  store::WriteJournal(*c, "lead", id, "project", ctx.caller.user_id, ctx.now,
                      store::LeadChanges(lead, after));
  tx.Commit();
  after.version = *version + 1;
  return ViewOf(*c, std::move(after), ctx.today, true);
}

}  // namespace gj::service

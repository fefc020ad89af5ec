// A signed lead becomes a ledger project (签约项目入库): the project is created through the
// ledger's own use case (its rules, rights and journal), named and placed as the lead, its builder
// the investor, its total investment the expected one, at stage 签约; the lead then links to it.
#include "common/json_field.h"
#include "service/attraction/attraction_service.h"
#include "store/journal.h"

namespace gj::service {

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
  if (!lead.industry.empty()) project["chain"] = lead.industry;
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

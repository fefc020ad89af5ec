#include "service/attraction/lead_step_files.h"

#include <string>

namespace gj::service {

Result<store::AttachmentRow> LeadStepFiles::Attach(const Ctx& ctx, int64_t step_id, const Upload& up) {
  auto scope = leads_.Scope(ctx, "");
  if (!scope) return scope.error();
  auto c = db_.Acquire();
  auto step = store::GetStep(*c, step_id);
  auto lead = step ? store::GetLead(*c, scope.value(), step->lead_id) : std::nullopt;
  if (!lead) return Error::NotFound("no lead step " + std::to_string(step_id));
  if (auto st = leads_.CheckWriteOn(ctx, lead->region_code); !st) return st.error();
  if (lead->archived) return Error::Conflict("the lead is archived: restore it first");
  return files_.Attach(*c, ctx, kLeadStepOwner, step_id, up);
}

Result<std::vector<store::AttachmentRow>> LeadStepFiles::List(const Ctx& ctx, int64_t lead_id) {
  auto scope = leads_.Scope(ctx, "");
  if (!scope) return scope.error();
  auto c = db_.Acquire();
  if (!store::GetLead(*c, scope.value(), lead_id))
    return Error::NotFound("no lead " + std::to_string(lead_id));
  std::vector<int64_t> ids;
  for (const auto& s : store::ListSteps(*c, lead_id)) ids.push_back(s.id);
  if (ids.empty()) return std::vector<store::AttachmentRow>{};
  return store::ListAttachments(*c, kLeadStepOwner, ids);
}

Result<Download> LeadStepFiles::Get(const Ctx& ctx, int64_t id) {
  auto scope = leads_.Scope(ctx, "");
  if (!scope) return scope.error();
  auto c = db_.Acquire();
  auto a = store::LoadAttachment(*c, id);
  // Readable when its lead is; otherwise it does not exist for the caller.
  auto step = a && a->owner == kLeadStepOwner ? store::GetStep(*c, a->owner_id) : std::nullopt;
  if (!step || !store::GetLead(*c, scope.value(), step->lead_id))
    return Error::NotFound("no attachment " + std::to_string(id));
  return files_.Read(*a);
}

}  // namespace gj::service

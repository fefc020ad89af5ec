#include "service/supervision/supervision_service.h"

namespace gj::service {

Result<Download> SupervisionService::GetAttachment(const Ctx& ctx, int64_t id) {
  auto c = db_.Acquire();
  auto a = store::LoadAttachment(*c, id);
  // Readable when its owner is; otherwise it does not exist for the caller.
  const bool readable = a && (a->owner == "problem"     ? problems_.Readable(*c, ctx, a->owner_id)
                              : a->owner == "procedure" ? procedures_.Readable(*c, ctx, a->owner_id)
                                                        : false);
  if (!readable) return Error::NotFound("no attachment " + std::to_string(id));
  return attachments_.Read(*a);
}

}  // namespace gj::service

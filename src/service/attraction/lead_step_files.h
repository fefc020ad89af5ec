// The evidence of a lead's steps (签约 contract scans, registration certificates, start photos): the
// files of a step kept by the shared attachments helper (service/supervision/attachments.h: type and
// size checked on the bytes, kept in the io::FileStore under a key of ours, a row in `attachments`
// owned by "lead_step" and journaled). Read with the lead (attraction.read scope: 404 outside it);
// added by whoever manages the lead (attraction.write over its region).
#pragma once

#include <cstdint>
#include <vector>

#include "common/result.h"
#include "service/attraction/attraction_service.h"
#include "service/context.h"
#include "service/supervision/attachments.h"
#include "store/db.h"
#include "store/supervision_store.h"

namespace gj::service {

inline constexpr const char* kLeadStepOwner = "lead_step";

class LeadStepFiles {
 public:
  LeadStepFiles(store::Database& db, AttractionService& leads, Attachments& files)
      : db_(db), leads_(leads), files_(files) {}

  // A file for step `step_id` (409 on an archived lead).
  Result<store::AttachmentRow> Attach(const Ctx& ctx, int64_t step_id, const Upload& up);
  // The files of every step of lead `lead_id`, in upload order (owner_id: the step).
  Result<std::vector<store::AttachmentRow>> List(const Ctx& ctx, int64_t lead_id);
  // The bytes of one file.
  Result<Download> Get(const Ctx& ctx, int64_t id);

 private:
  store::Database& db_;
  AttractionService& leads_;
  Attachments& files_;
};

}  // namespace gj::service

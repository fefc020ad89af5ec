// Each user's attention list (待办/提醒): the problems that wait for them — to assign, sign, handle,
// verify, or chase because they are overdue — and which of those they have read.
#pragma once

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "service/context.h"
#include "service/supervision/supervision_support.h"
#include "store/db.h"

namespace gj::service {

class AttentionService {
 public:
  AttentionService(store::Database& db, LedgerService& ledger) : db_(db), projects_(ledger) {}

  Result<nlohmann::json> Attention(const Ctx& ctx, const Date& as_of);
  // body: {"keys": [string]} — the items read.
  Result<nlohmann::json> MarkRead(const Ctx& ctx, const nlohmann::json& body);

 private:
  store::Database& db_;
  supervision_support::ProjectAccess projects_;
};

}  // namespace gj::service

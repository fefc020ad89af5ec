// Each user's attention list (待办/提醒): the problems that wait for them — to assign, sign, handle,
// verify, or chase because they are overdue — and which of those they have read.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/supervision/attention.h"
#include "service/context.h"
#include "service/supervision/supervision_support.h"
#include "store/db.h"

namespace gj::service {

// What waits for the caller, most urgent kind first.
struct AttentionList {
  Date as_of;
  int unread = 0;
  std::vector<supervision::AttentionItem> items;
};

// How many read marks a request set.
struct MarkedRead {
  int marked = 0;
};

class AttentionService {
 public:
  AttentionService(store::Database& db, LedgerService& ledger) : db_(db), projects_(ledger) {}

  Result<AttentionList> Attention(const Ctx& ctx, const Date& as_of);
  // body: {"keys": [string]} — the items read.
  Result<MarkedRead> MarkRead(const Ctx& ctx, const nlohmann::json& body);

 private:
  store::Database& db_;
  supervision_support::ProjectAccess projects_;
};

}  // namespace gj::service

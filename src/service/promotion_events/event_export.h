// 招商活动 in Excel (issue 13 item 6: an xlsx export on every list): the events GET
// /promotion-events answers for the same filters, as the 活动台账 tab shows them.
#pragma once

#include "common/date.h"
#include "common/result.h"
#include "service/context.h"
#include "service/named_file.h"
#include "service/promotion_events/event_service.h"

namespace gj::service {

// 招商活动-<from>至<to>.xlsx.
Result<NamedFile> ExportEvents(EventService& svc, const Ctx& ctx, const PromotionEventQuery& q);

}  // namespace gj::service

// 链长制 in Excel (issue 13 item 6: an xlsx export on every list): the chains GET /chains answers
// for a region with their 链长 and figures from January 1 to the as-of date, as the list page shows.
#pragma once

#include <string>

#include "common/date.h"
#include "common/result.h"
#include "service/chains/chain_service.h"
#include "service/context.h"
#include "service/named_file.h"

namespace gj::service {

// 链长制-<as_of>.xlsx.
Result<NamedFile> ExportChains(ChainService& svc, const Ctx& ctx, const std::string& region,
                               const Date& as_of);

}  // namespace gj::service

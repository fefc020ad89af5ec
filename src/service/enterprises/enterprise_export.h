// 企业库 in Excel (issue 13 item 6: an xlsx export on every list): the rows GET /enterprises answers
// for the same filters — every page of them, in the caller's remit — as the list page shows them.
#pragma once

#include "common/date.h"
#include "common/result.h"
#include "service/context.h"
#include "service/enterprises/enterprise_service.h"
#include "service/named_file.h"

namespace gj::service {

// At most this many rows are written (a county registry holds a few thousand); more is a 413.
inline constexpr int64_t kEnterpriseExportMaxRows = 200000;

// 企业库-<as_of>.xlsx. The query's offset and limit are ignored: the export holds the whole list.
Result<NamedFile> ExportEnterprises(EnterpriseService& svc, const Ctx& ctx, EnterpriseQuery q,
                                    const Date& as_of);

}  // namespace gj::service

// The lists of the supervision pages written out in Excel (导出Excel): the problem list (问题清单),
// a period's reports (一张表), the lights (红黄绿灯) and the targets (目标). Each export goes
// through the very read its list route makes (same parameters, same read scope: a caller gets
// exactly the rows the list shows them, the same 404 or empty list), and writes them with
// Chinese headers, codes translated into Chinese, money in 万元, dates as dates (io/list_exports.h).
// The file is named after the list and the request's as-of date (问题清单-2026-12-07.xlsx).
#pragma once

#include <string>

#include "common/result.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "service/named_file.h"
#include "service/supervision/progress_service.h"
#include "service/supervision/supervision_service.h"
#include "service/targets/target_service.h"
#include "store/supervision_store.h"

namespace gj::service {

// GET /problems with the same filter, region and as-of date.
Result<NamedFile> ExportProblems(SupervisionService& sv, const Ctx& ctx, store::ProblemFilter f,
                                 const std::string& region, const Date& as_of);
// GET /reports with the same region, period, status and mine; 报送情况 says which are past due
// and not filed as of today (逾期未报) and which were filed late (逾期补报).
Result<NamedFile> ExportReports(ProgressService& pg, const Ctx& ctx, const std::string& region,
                                const std::string& period, const std::string& status, bool mine);
// GET /lights with the same region, as-of date and light: every row the filter selects (the
// export is the whole list, not one page).
Result<NamedFile> ExportLights(ProgressService& pg, LedgerService& ledger, const Ctx& ctx,
                               const std::string& region, const Date& as_of, const std::string& light);
// GET /targets with the same region and as-of date. A target whose deadline has come shows the
// value reached at its deadline and no forecast.
Result<NamedFile> ExportTargets(TargetService& tg, LedgerService& ledger, const Ctx& ctx,
                                const std::string& region, const Date& as_of);

// The Chinese of a target's status as of a date: 已完成, 按计划推进, 有风险, and 已到期未完成
// once the deadline has come and the target is not met.
std::string TargetStatusLabel(const targets::Target& t, const targets::TargetStatus& s, const Date& as_of);

}  // namespace gj::service

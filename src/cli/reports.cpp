#include "cli/reports.h"

#include <cstdio>

#include "api/json/progress_json.h"
#include "cli/commands.h"
#include "service/ledger/ledger_sheet_service.h"
#include "service/supervision/progress_service.h"

namespace gj::cli {

int RunReportTasks(const ReportTasksOptions& o) {
  auto db = OpenMigrated(o.db_url);
  service::LedgerService ledger(*db);
  service::ProgressService progress(*db, ledger);
  const auto ctx = service::MakeCtx(service::SystemCaller(*ledger.Regions()));
  auto r = progress.GenerateRunningTasks(ctx, o.region);
  if (!r) {
    PrintError(r.error());
    return ExitStatus(r.error());
  }
  // One line per county: {"region","region_name","period","due_date","created","projects"}.
  for (const auto& item : r->items) std::printf("%s\n", nlohmann::json(item).dump().c_str());
  return 0;
}

}  // namespace gj::cli

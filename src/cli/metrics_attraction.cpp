#include "cli/metrics_attraction.h"

#include <cstdio>

#include "api/json/attraction_json.h"
#include "cli/commands.h"
#include "service/attraction/attraction_service.h"
#include "service/ledger/ledger_sheet_service.h"

namespace gj::cli {

int RunAttractionMetrics(const AttractionMetricsOptions& o) {
  const auto as_of = ParseIsoDate(o.as_of);
  if (!as_of) {
    std::fprintf(stderr, "error: --as-of '%s' is not a date YYYY-MM-DD\n", o.as_of.c_str());
    return 2;
  }
  auto db = OpenMigrated(o.db_url);
  service::LedgerService ledger(*db);
  service::AttractionService attraction(*db, ledger);
  const auto tree = ledger.Regions();
  if (!o.region.empty() && !tree->Find(o.region)) {
    std::fprintf(stderr, "error: --region '%s' is not a region of this database\n", o.region.c_str());
    return 2;
  }
  auto r = attraction.Summary(service::MakeCtx(service::SystemCaller(*tree)), o.region, *as_of, std::nullopt);
  if (!r) {
    PrintError(r.error());
    return ExitStatus(r.error());
  }
  std::printf("%s\n", service::SummaryFigures(r->figures).dump().c_str());
  return 0;
}

}  // namespace gj::cli

#include "cli/bulletin.h"

#include <cstdio>
#include <fstream>

#include "cli/commands.h"
#include "service/ledger/ledger_sheet_service.h"
#include "service/supervision/bulletin_service.h"

namespace gj::cli {

int RunBulletin(const BulletinOptions& o) {
  const auto dot = o.output.rfind('.');
  const std::string format = dot == std::string::npos ? "" : o.output.substr(dot + 1);
  if (format != "pdf" && format != "xlsx") {
    std::fprintf(stderr, "error: -o must end in .pdf or .xlsx (got '%s')\n", o.output.c_str());
    return 2;
  }
  auto db = OpenMigrated(o.db_url);
  service::LedgerService ledger(*db);
  service::ProgressService supervision(*db, ledger);
  service::MetricsService metrics(*db, ledger);
  service::TargetService targets(*db, ledger, metrics);
  service::BulletinService bulletins(ledger, supervision, targets);
  const auto ctx = service::MakeCtx(service::SystemCaller(*ledger.Regions()));
  auto bytes = bulletins.Render(ctx, o.region, o.period, format);
  if (!bytes) {
    PrintError(bytes.error());
    return ExitStatus(bytes.error());
  }
  std::ofstream out(o.output, std::ios::binary);
  out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
  if (!out) {
    std::fprintf(stderr, "error: cannot write %s\n", o.output.c_str());
    return 1;
  }
  std::fprintf(stderr, "%s: %zu bytes\n", o.output.c_str(), bytes->size());
  return 0;
}

}  // namespace gj::cli

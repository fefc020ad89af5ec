// Ledger figures on generated data (issue: 100,000 projects): xlsx export and import times and
// peak memory. The HTTP list throughput is measured by bench/ledger.sh with wrk.
//   ledger_bench DIR [N]   → DIR/ledger.db (demo + N projects), DIR/ledger.xlsx
//   IMPORT_ONLY=1 ledger_bench DIR   re-imports DIR/ledger.xlsx of an earlier run (to profile the import)
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "bench_clock.h"
#include "bench_setup.h"
#include "io/xlsx_reader.h"
#include "service/demo/demo.h"
#include "service/ledger/ledger_sheet_service.h"
#include "store/db.h"

using namespace gj;

namespace {

long PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

std::unique_ptr<store::Database> FreshDemo(const std::string& path, bool organisation_only = false) {
  return bench::FreshDemo(path, Date{2026, 11, 23}, "2026-11-23T00:00:00Z", organisation_only);
}

}  // namespace

int main(int argc, char** argv) {
  const auto args = bench::ReadArgs(argc, argv, "ledger_bench");
  if (!args) return 2;
  const std::string& dir = args->dir;
  const int n = args->n;

  if (std::getenv("IMPORT_ONLY")) {  // re-import DIR/ledger.xlsx of an earlier run only (profiling)
    std::ifstream in(dir + "/ledger.xlsx", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto target = FreshDemo(dir + "/import.db", true);
    service::LedgerService ledger2(*target);
    service::LedgerSheetService sheets2(*target, ledger2);
    auto ctx2 = service::MakeCtx(service::SystemCaller(*ledger2.Regions()));
    bench::StepClock clock;
    auto cells = io::ReadXlsxRows(bytes);
    std::printf("read xlsx only: %s (%zu rows)\n", clock.Text(), cells ? cells->size() : 0);
    clock.Restart();
    auto report = sheets2.Import(ctx2, bytes, std::getenv("DRY_RUN") != nullptr);
    std::printf("import: %s\n", clock.Text());
    return 0;
  }
  if (std::getenv("EXPORT_ONLY")) {  // re-export DIR/ledger.db of an earlier run only (profiling)
    auto db = store::Database::Open(dir + "/ledger.db");
    service::LedgerService ledger(*db);
    service::LedgerSheetService sheets(*db, ledger);
    auto ctx = service::MakeCtx(service::SystemCaller(*ledger.Regions()));
    bench::StepClock clock;
    auto bytes = sheets.Export(ctx, {}, "xlsx");
    std::printf("export: %s (%.1f MB)\n", clock.Text(), bytes->bytes.size() / 1e6);
    std::ofstream(dir + "/export_only.xlsx", std::ios::binary) << bytes->bytes;
    return 0;
  }
  auto db = FreshDemo(dir + "/ledger.db");
  bench::StepClock clock;
  auto gen = service::GenerateProjects(*db, n, Date{2026, 11, 23}, "2026-11-23T00:00:00Z");
  if (!gen) return 1;
  std::printf("generate %d projects (insert + journal, one transaction): %s\n", n, clock.Text());

  service::LedgerService ledger(*db);
  service::LedgerSheetService sheets(*db, ledger);
  auto ctx = service::MakeCtx(service::SystemCaller(*ledger.Regions()));
  clock.Restart();
  auto bytes = sheets.Export(ctx, {}, "xlsx");
  const std::string export_s = clock.Text();
  std::ofstream(dir + "/ledger.xlsx", std::ios::binary) << bytes->bytes;
  std::printf("export %zu projects to xlsx: %s (%.1f MB)\n", static_cast<size_t>(n + 230), export_s.c_str(),
              bytes->bytes.size() / 1e6);

  auto target = FreshDemo(dir + "/import.db", /*organisation_only=*/true);
  service::LedgerService ledger2(*target);
  service::LedgerSheetService sheets2(*target, ledger2);
  auto ctx2 = service::MakeCtx(service::SystemCaller(*ledger2.Regions()));

  clock.Restart();
  auto report = sheets2.Import(ctx2, bytes->bytes, false);
  const std::string import_s = clock.Text();
  if (!report) {
    std::fprintf(stderr, "import failed: %s (%zu problems)\n", report.error().message.c_str(),
                 report.error().details.size());
    return 1;
  }
  std::printf("import %d-row xlsx (all-or-nothing, journaled): %s, created %d, unchanged %d\n", report->rows,
              import_s.c_str(), report->created, report->unchanged);
  std::printf("peak memory of this process: %ld MB\n", PeakRssMb());
  return 0;
}

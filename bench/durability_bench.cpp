// Durability figures (issue 14, item 5): what SQLite's synchronous=FULL in WAL mode (the product's
// setting: every commit synced to the disk, so it survives a power loss) costs against NORMAL (the
// WAL synced only at checkpoints: a power loss may take the last commits), in one run on one disk:
//   1. WRITES single-project updates through LedgerService::Update, each one transaction writing
//      the versioned row and its journal entry (what a user's save is), ROUNDS rounds alternating
//      NORMAL and FULL;
//   2. the ledger import of an xlsx of N projects (LedgerSheetService::Import, all-or-nothing in
//      one transaction, as bench/ledger_bench times it), NORMAL then FULL.
// Prints the figures and FULL/NORMAL. A benchmark: never fails on a figure.
//   durability_bench DIR [N=100000]     (WRITES=2000 ROUNDS=2 in the environment)
// DIR must be on the disk being measured: on tmpfs an fsync costs nothing (the bench says so).
#include <fcntl.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_clock.h"
#include "bench_setup.h"
#include "service/demo/demo.h"
#include "service/ledger/ledger_service.h"
#include "service/ledger/ledger_sheet_service.h"
#include "store/db.h"

using namespace gj;

namespace {

const Date kToday{2026, 11, 23};
const char* const kNow = "2026-11-23T00:00:00Z";
constexpr size_t kPool = 8;  // bench::FreshDemo's pool (Database::Open's default)

// Sets `mode` on every connection of the pool (the pragma is per connection): holds all of them at
// once, so each is opened if it was not, and reads the setting back.
void SetSynchronous(store::Database& db, const char* mode) {
  std::vector<store::Lease> leases;
  for (size_t i = 0; i < kPool; ++i) leases.push_back(db.Acquire());
  for (auto& c : leases) {
    c->ExecScript(std::string("PRAGMA synchronous=") + mode);
    const auto v = store::AsInt(c->Query("PRAGMA synchronous").rows.at(0).at(0));
    if (v != (std::string(mode) == "FULL" ? 2 : 1))
      throw std::runtime_error("PRAGMA synchronous did not take");
  }
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
}

// The disk's own cost of a synced small write (context for the figures below).
double FsyncMs(const std::string& dir, int n) {
  const std::string path = dir + "/durability-fsync.tmp";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return -1;
  char block[4096] = {};
  bench::StepClock clock;
  for (int i = 0; i < n; ++i) {
    if (::pwrite(fd, block, sizeof block, 0) != static_cast<ssize_t>(sizeof block) || ::fdatasync(fd) != 0)
      break;
  }
  const double ms = clock.WallSeconds() * 1000 / n;
  ::close(fd);
  ::unlink(path.c_str());
  return ms;
}

// WRITES updates of the first projects (round robin), each with the version it read: seconds wall.
double TimeWrites(const std::string& path, const char* mode, int writes) {
  auto db = bench::FreshDemo(path, kToday, kNow);
  SetSynchronous(*db, mode);
  service::LedgerService ledger(*db);
  auto ctx = service::MakeCtx(service::SystemCaller(*ledger.Regions()));
  std::vector<std::pair<int64_t, int64_t>> projects;  // id, version
  for (const auto& r : db->Acquire()->Query("SELECT id, version FROM projects ORDER BY id LIMIT 50").rows)
    projects.emplace_back(store::AsInt(r[0]), store::AsInt(r[1]));
  bench::StepClock clock;
  int failed = 0;
  for (int i = 0; i < writes; ++i) {
    auto& [id, version] = projects[i % projects.size()];
    auto row =
        ledger.Update(ctx, id, {{"version", version}, {"content", "durability write " + std::to_string(i)}});
    if (!row) {
      if (++failed == 1) std::fprintf(stderr, "update failed: %s\n", row.error().message.c_str());
      continue;
    }
    version = row->project.version;
  }
  const double s = clock.WallSeconds();
  if (failed) std::printf("   (%d of %d updates failed)\n", failed, writes);
  return s;
}

// The import of `xlsx` into a fresh organisation-only database: seconds wall (nullopt: it failed).
std::optional<double> TimeImport(const std::string& path, const char* mode, const std::string& xlsx) {
  auto db = bench::FreshDemo(path, kToday, kNow, /*organisation_only=*/true);
  SetSynchronous(*db, mode);
  service::LedgerService ledger(*db);
  service::LedgerSheetService sheets(*db, ledger);
  auto ctx = service::MakeCtx(service::SystemCaller(*ledger.Regions()));
  bench::StepClock clock;
  auto report = sheets.Import(ctx, xlsx, false);
  const double s = clock.WallSeconds();
  if (!report) {
    std::fprintf(stderr, "import failed: %s\n", report.error().message.c_str());
    return std::nullopt;
  }
  std::printf("   import %s: %.2f s wall, %.2f s CPU (%d rows, created %d)\n", mode, s,
              clock.CpuSecondsSince(), report->rows, report->created);
  return s;
}

void RemoveDb(const std::string& path) {
  for (const char* s : {"", "-wal", "-shm"}) std::remove((path + s).c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const auto args = bench::ReadArgs(argc, argv, "durability_bench");
  if (!args) return 2;
  const std::string& dir = args->dir;
  const int writes = std::getenv("WRITES") ? std::atoi(std::getenv("WRITES")) : 2000;
  const int rounds = std::getenv("ROUNDS") ? std::max(1, std::atoi(std::getenv("ROUNDS"))) : 2;

  struct statfs fs {};
  if (::statfs(dir.c_str(), &fs) == 0 && fs.f_type == 0x01021994) {  // TMPFS_MAGIC
    std::printf("note: %s is on tmpfs: a sync costs nothing there, so these figures do not show the cost\n",
                dir.c_str());
  }
  std::printf("the disk under %s: one 4 KB write + fdatasync %.2f ms\n", dir.c_str(), FsyncMs(dir, 200));

  // 1. single writes
  const std::string wpath = dir + "/durability-writes.db";
  std::vector<double> normal, full;
  for (int r = 0; r < rounds; ++r) {
    for (const char* mode : {"NORMAL", "FULL"}) {
      const double s = TimeWrites(wpath, mode, writes);
      (std::string(mode) == "FULL" ? full : normal).push_back(s);
      std::printf(
          "   %d updates (row + journal, one transaction each), synchronous=%s: %.2f s wall, %.2f ms per write\n",
          writes, mode, s, s * 1000 / writes);
    }
  }
  const double wn = Median(normal), wf = Median(full);
  std::printf(
      "single writes, median of %d: NORMAL %.3f ms/write (%.0f writes/s), FULL %.3f ms/write (%.0f writes/s); FULL/NORMAL %.2f\n",
      rounds, wn * 1000 / writes, writes / wn, wf * 1000 / writes, writes / wf, wf / wn);
  RemoveDb(wpath);

  // 2. the ledger import
  std::string xlsx;
  {
    const std::string src = dir + "/durability-source.db";
    auto db = bench::FreshDemo(src, kToday, kNow);
    if (!service::GenerateProjects(*db, args->n, kToday, kNow)) return 1;
    service::LedgerService ledger(*db);
    service::LedgerSheetService sheets(*db, ledger);
    auto bytes = sheets.Export(service::MakeCtx(service::SystemCaller(*ledger.Regions())), {}, "xlsx");
    if (!bytes) return 1;
    xlsx = std::move(bytes->bytes);
    db.reset();
    RemoveDb(src);
  }
  const std::string ipath = dir + "/durability-import.db";
  const auto in = TimeImport(ipath, "NORMAL", xlsx);
  const auto jf = TimeImport(ipath, "FULL", xlsx);
  RemoveDb(ipath);
  if (in && jf) {
    std::printf("import of %d projects: NORMAL %.2f s, FULL %.2f s; FULL/NORMAL %.2f\n", args->n + 230, *in,
                *jf, *jf / *in);
  }
  return 0;
}

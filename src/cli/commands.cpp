#include "cli/commands.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "common/clock.h"
#include "common/json_writer.h"
#include "service/access/auth_service.h"
#include "service/demo/demo.h"
#include "service/ledger/ledger_sheet_service.h"
#include "service/targets/metrics_service.h"
#include "store/db.h"

namespace gj::cli {

void PrintError(const Error& e) {
  std::fprintf(stderr, "error: %s\n", e.message.c_str());
  for (const auto& d : e.details) {
    std::fprintf(stderr, "  %s '%s': %s\n", d.field.c_str(), d.value.c_str(), d.reason.c_str());
  }
}

int ExitStatus(const Error& e) {
  return e.code == ErrorCode::kInvalid || e.code == ErrorCode::kBadRequest || e.code == ErrorCode::kConflict
             ? 2
             : 1;
}

int RunDemo(const std::string& db_url, bool organisation_only) {
  auto db = store::Database::Open(db_url);
  auto r = service::BuildDemo(*db, TodayChina(), NowUtcIso(), organisation_only);
  if (!r) {
    PrintError(r.error());
    return ExitStatus(r.error());
  }
  std::printf(
      "demo data written to %s: %d regions, %d units, %d people, %d projects, %d users (password demo1234)\n",
      db_url.c_str(), r->regions, r->units, r->people, r->projects, r->users);
  return 0;
}

std::string ReadPasswordLine() {
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

int RunUserAdd(const UserAddOptions& o) {
  std::string password;
  if (o.password_stdin) {
    password = ReadPasswordLine();
  } else {
    std::fprintf(stderr, "error: give the password on standard input with --password-stdin\n");
    return 2;
  }
  auto db = OpenMigrated(o.db_url);
  service::AuthService auth(*db);
  service::NewUser user = o.user;
  user.password = password;
  user.must_change_password = true;  // a password typed on the server's shell is a first password
  auto r = auth.AddUser(user, NowUtcIso());
  if (!r) {
    PrintError(r.error());
    return ExitStatus(r.error());
  }
  std::printf("user %s created (id %lld, role %s, region %s)\n", user.login.c_str(),
              static_cast<long long>(r.value()), user.role.c_str(), user.region_code.c_str());
  return 0;
}

int RunMigrate(const std::string& db_url) {
  auto db = store::Database::Open(db_url);
  std::printf("schema version %d\n", store::Migrate(*db));
  return 0;
}

namespace {

std::optional<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// "row N, column C, value 'V': reason; allowed: …", one line each, on stderr.
void PrintSheetProblems(const std::vector<ErrorDetail>& details) {
  for (const auto& d : details) {
    std::string allowed;
    for (const auto& a : d.allowed) allowed += (allowed.empty() ? "" : "、") + a;
    std::fprintf(stderr, "row %d, column %s, value '%s': %s%s%s\n", d.row, d.field.c_str(), d.value.c_str(),
                 d.reason.c_str(), allowed.empty() ? "" : "; allowed: ", allowed.c_str());
  }
}

service::Ctx SystemCtx(service::LedgerService& ledger) {
  return service::MakeCtx(service::SystemCaller(*ledger.Regions()));
}

std::optional<std::string> NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional(s);
}

}  // namespace

std::unique_ptr<store::Database> OpenMigrated(const std::string& url) {
  auto db = store::Database::Open(url);
  store::Migrate(*db);
  return db;
}

int RunStartRate(const StartRateOptions& o) {
  const auto as_of = ParseIsoDate(o.as_of);
  if (!as_of) {
    std::fprintf(stderr, "error: --as-of '%s' is not a date YYYY-MM-DD\n", o.as_of.c_str());
    return 2;
  }
  auto db = OpenMigrated(o.db_url);
  service::LedgerService ledger(*db);
  service::MetricsService metrics(*db, ledger);
  auto r = metrics.StartRate(SystemCtx(ledger),
                             {o.set.region, o.set.track, o.set.category, o.set.level, "", "", std::nullopt},
                             *as_of);
  if (!r) {
    PrintError(r.error());
    return ExitStatus(r.error());
  }
  std::string out = "{\"numerator\":" + std::to_string(r->numerator) +
                    ",\"denominator\":" + std::to_string(r->denominator) + ",\"value\":";
  if (auto v = r->value()) json::AppendDouble(out, *v);
  else out += "null";
  std::printf("%s}\n", out.c_str());
  return 0;
}

int RunLedgerImport(const std::string& db_url, const std::string& file, bool dry_run) {
  auto bytes = ReadWholeFile(file);
  if (!bytes) {
    std::fprintf(stderr, "error: cannot read %s\n", file.c_str());
    return 1;
  }
  auto db = OpenMigrated(db_url);
  service::LedgerService ledger(*db);
  service::LedgerSheetService sheets(*db, ledger);
  auto report = sheets.Import(SystemCtx(ledger), *bytes, dry_run);
  if (!report) {
    std::fprintf(stderr, "error: %s\n", report.error().message.c_str());
    PrintSheetProblems(report.error().details);
    return ExitStatus(report.error());
  }
  PrintSheetProblems(report->problems.details());
  std::printf("%s%d rows: %d to create, %d to update, %d unchanged, %zu problem(s)\n",
              dry_run ? "dry run, nothing written: " : "", report->rows, report->created, report->updated,
              report->unchanged, report->problems.size());
  return report->problems.empty() ? 0 : 2;
}

int RunLedgerExport(const LedgerExportOptions& o) {
  const std::string ext = std::filesystem::path(o.output).extension().string();
  if (ext != ".xlsx" && ext != ".csv") {
    std::fprintf(stderr, "error: the output must end in .xlsx or .csv\n");
    return 2;
  }
  auto db = OpenMigrated(o.db_url);
  service::LedgerService ledger(*db);
  service::LedgerSheetService sheets(*db, ledger);
  store::ProjectFilter f;
  f.region = NonEmpty(o.set.region);
  f.category = NonEmpty(o.set.category);
  f.level = NonEmpty(o.set.level);
  f.kind = NonEmpty(o.kind);
  f.track = NonEmpty(o.set.track);
  f.stage = NonEmpty(o.stage);
  f.q = NonEmpty(o.q);
  auto bytes = sheets.Export(SystemCtx(ledger), f, ext.substr(1));
  if (!bytes) {
    PrintError(bytes.error());
    return ExitStatus(bytes.error());
  }
  const std::string tmp = o.output + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << bytes->bytes;
    if (!out) {
      std::fprintf(stderr, "error: cannot write %s\n", o.output.c_str());
      return 1;
    }
  }
  std::filesystem::rename(tmp, o.output);
  std::printf("exported to %s\n", o.output.c_str());
  return 0;
}

}  // namespace gj::cli

// Sub-commands as plain functions (CLI11 stays in main.cpp). Each returns the exit status:
// 0 success, 1 failure of the environment (database, file), 2 invalid input.
#pragma once

#include <optional>
#include <string>

#include "service/access/auth_service.h"

namespace gj::cli {

int RunDemo(const std::string& db_url, bool organisation_only);

// The new user as the options give it; its password comes from standard input.
struct UserAddOptions {
  std::string db_url;
  service::NewUser user;
  bool password_stdin = false;
};
int RunUserAdd(const UserAddOptions& o);

int RunMigrate(const std::string& db_url);

// The projects a command reads, by region and dictionary values (empty: any).
struct ProjectSetOptions {
  std::string region, track, category, level;
};

struct StartRateOptions {
  std::string db_url;
  std::string as_of;      // YYYY-MM-DD
  ProjectSetOptions set;  // dictionary values as codes or labels
};
// Prints {"numerator":…,"denominator":…,"value":…} (value null when nothing must start).
int RunStartRate(const StartRateOptions& o);

int RunLedgerImport(const std::string& db_url, const std::string& file, bool dry_run);

struct LedgerExportOptions {
  std::string db_url;
  std::string output;     // .xlsx or .csv
  ProjectSetOptions set;  // dictionary values as codes
  std::string kind, stage, q;
};
int RunLedgerExport(const LedgerExportOptions& o);

// Prints an error value as "error: message" plus one line per detail, to stderr.
}  // namespace gj::cli

#include <memory>

#include "common/result.h"
#include "store/db.h"

namespace gj::cli {
void PrintError(const Error& e);
// One line of standard input without its line end (--password-stdin).
std::string ReadPasswordLine();
int ExitStatus(const Error& e);
// The database of `url` with every migration applied (each command that reads or writes it).
std::unique_ptr<store::Database> OpenMigrated(const std::string& url);

}  // namespace gj::cli

// Import and export of the ledger sheet. An import is all-or-nothing: a dry run lists every
// problem (row, column, value, allowed values) and writes nothing; a real import with any problem
// writes nothing either. A row whose 项目编号 exists updates that project (journaled), the others
// create projects.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "service/named_file.h"
#include "store/db.h"

namespace gj::service {

struct ImportReport {
  bool dry_run = false;
  int rows = 0;
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  Problems problems;  // with their sheet row and column
};

class LedgerSheetService {
 public:
  LedgerSheetService(store::Database& db, LedgerService& ledger) : db_(db), ledger_(ledger) {}

  // Error (422) when a real import has problems; a dry run reports them in the report instead.
  // The rows are `year`'s list (default: the current list year): new projects join it, existing
  // ones write that year's kind and figures, joining the list when not on it yet.
  Result<ImportReport> Import(const Ctx& ctx, std::string_view xlsx_bytes, bool dry_run,
                              std::optional<int> year = {});
  // format: "xlsx" or "csv". The filter's scope is the caller's; its year the current list year
  // (of the caller's scope) unless it names one. Named by the list it holds: 重点项目台账-2026.xlsx.
  Result<NamedFile> Export(const Ctx& ctx, store::ProjectFilter filter, const std::string& format);
  // The import template (.xlsx): the sheet 重点项目 with exactly the headers Import reads and one
  // sample row (a county the caller reads, each dictionary's first value), and a sheet 说明 listing
  // each column: required or not, what it takes (the dictionaries' values, 万元, dates), its unit.
  // For callers who may import.
  Result<std::string> Template(const Ctx& ctx);

 private:
  store::Database& db_;
  LedgerService& ledger_;
};

// A caller that may do everything everywhere: the CLI, run by whoever owns the database file.
access::Caller SystemCaller(const access::RegionTree& tree);

}  // namespace gj::service

// The roster in Excel (组织架构与责任人): the template, the export and the import of one county's
// units and people (domain/org/roster_sheet.h has the sheets and their keys).
// Every call needs org.admin over the county (?region=, a county code; empty: the caller's one
// county): 404 for a county the caller does not see, 403 for one they see but may not administer.
// An import is all-or-nothing: every row goes through the same OrgService writes as the API
// (AddUnitIn/UpdateUnitIn, AddPersonIn/UpdatePersonIn: the same rules, each write journaled) in
// one transaction, which a dry run or any problem rolls back; problems come with their sheet row,
// column (【人员】所属单位), value, reason and allowed values, in the ledger import's report shape.
// Nothing is ever deleted; a row equal to the record changes nothing (export → import is a no-op).
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "service/ledger/ledger_sheet_service.h"
#include "service/named_file.h"
#include "service/org/org_service.h"
#include "store/db.h"

namespace gj::service {

class RosterService {
 public:
  static constexpr size_t kMaxBytes = 5u << 20;  // an upload larger than 5 MiB is refused (413)

  RosterService(store::Database& db, LedgerService& ledger, OrgService& org)
      : db_(db), ledger_(ledger), org_(org) {}

  Result<NamedFile> Template(const Ctx& ctx, const std::string& region);
  Result<NamedFile> Export(const Ctx& ctx, const std::string& region);
  // Error 422 when a real import has problems (nothing written); a dry run lists them instead.
  Result<ImportReport> Import(const Ctx& ctx, const std::string& region, std::string_view xlsx_bytes,
                              bool dry_run);

 private:
  // The county the call is about (see above), after its 400/404/403/422.
  Result<std::string> County(const Ctx& ctx, const std::string& region);
  Result<NamedFile> Workbook(const Ctx& ctx, const std::string& region, bool with_rows);

  store::Database& db_;
  LedgerService& ledger_;
  OrgService& org_;
};

}  // namespace gj::service

// The ledger sheet written out: xlsx (header frozen, column widths, money in 万元 with two
// decimals, dates as real dates) and CSV (UTF-8 with BOM so Excel opens it as Chinese).
#pragma once

#include <string>
#include <vector>

#include "domain/ledger/project.h"
#include "store/project_store.h"

namespace gj::io {

// Returns the file's bytes.
std::string LedgerXlsx(const std::vector<store::ProjectRow>& rows, const ledger::Dictionaries& dicts);
std::string LedgerCsv(const std::vector<store::ProjectRow>& rows, const ledger::Dictionaries& dicts);

}  // namespace gj::io

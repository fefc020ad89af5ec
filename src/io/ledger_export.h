// The ledger sheet written out: xlsx (header frozen, column widths, money in 万元 with two
// decimals, dates as real dates) and CSV (UTF-8 with BOM so Excel opens it as Chinese).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "domain/ledger/project.h"
#include "store/project_store.h"

namespace gj::io {

// Rows are pulled from a producer that calls the sink once per project, so an export of 100,000
// projects never holds them all. Returns the file's bytes.
using RowSink = std::function<void(const store::ProjectRow&)>;
using RowProducer = std::function<void(const RowSink&)>;
std::string LedgerXlsx(const RowProducer& rows, const ledger::Dictionaries& dicts);
std::string LedgerCsv(const RowProducer& rows, const ledger::Dictionaries& dicts);

}  // namespace gj::io

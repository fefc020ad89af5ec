// Writes an evaluation as CSV, xlsx or JSON (spec §8) and the per-group summary as JSON.
// Columns: credit_code,name,group,status,score,rank,class, then <id>,<id>_score per indicator of
// the scheme, then surcharge_yuan,tax_to_next_class. Numbers at full precision (shortest text
// that reads back to the same double); money with two decimals; empty where nothing applies.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/land_efficiency/evaluate.h"
#include "io/byte_sink.h"
#include "io/xlsx_table.h"
#include "service/land_efficiency/input.h"

namespace gj::land {

std::vector<std::string> OutputColumns(const Evaluation& ev);

// Shortest round-trip text of a double ("126.75", "0.1", "1e+21"); -0 prints as "0".
std::string FormatNumber(double v);
// 54750 → "547.50", -5 → "-0.05".
std::string FormatCents(int64_t cents);

// The writers format and hand the bytes (cells) to what the caller opened: they never open files.
// Whether everything was kept is the sink's (table's) Close(). `names`: of the evaluated rows
// (NamesOf(enterprises), or the CLI's CompactInput).
void WriteResultsCsv(io::ByteSink& out, const Names& names, const Evaluation& ev);
void WriteResultsXlsx(io::XlsxTable& out, const Names& names, const Evaluation& ev);
void WriteResultsJson(io::ByteSink& out, const Scheme& scheme, const Names& names, const Evaluation& ev);
nlohmann::json SummaryJson(const Scheme& scheme, const Evaluation& ev);

}  // namespace gj::land

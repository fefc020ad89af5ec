// Formula injection (CSV/xlsx): a cell of user text that starts with = + - @, a tab or a carriage
// return can be taken for a formula by a spreadsheet (a unit user's "=HYPERLINK(...)" reaching the
// coordinator's export as a live link). Every export writes user text through GuardFormula: such
// text gets a leading apostrophe (OWASP), which spreadsheets show as text. The CSV writer
// (io/csv.h AppendCsvField) and the xlsx text writer (io/workbook.h WriteText) apply it, so no
// export can forget it.
// Not changed: numbers written as numbers (an xlsx number cell, a CSV amount such as "-12.50":
// a plain decimal number is no formula), and a lone "-" or "+" (the placeholder offices write
// for "none"; nothing follows it that could be evaluated).
#pragma once

#include <string>
#include <string_view>

namespace gj::io {

bool NeedsFormulaGuard(std::string_view text);
// `text` itself, or "'" + text when NeedsFormulaGuard(text).
std::string GuardFormula(std::string_view text);
// The inverse, for a sheet the product exported and an office brings back (the ledger import):
// "'" + text becomes text when text needs the guard; anything else is returned as it is.
// UnguardFormula(GuardFormula(x)) == x for every x but text that itself starts with "'" before a
// guarded character ("'=x" comes back as "=x").
std::string UnguardFormula(std::string_view text);

}  // namespace gj::io

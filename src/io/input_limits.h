// The one way a reader of uploaded files (xlsx, CSV) refuses an input that is over one of its caps:
// 413 payload_too_large, naming the cap, its value and where in the file it was reached, so that
// the person who sent the file can see what to change. Nothing is read past the cap.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace gj::io {

// `format`: "xlsx" or "CSV"; `limit`: the cap's name (e.g. "max_columns"); `max`: its value;
// `where`: the part, row or cell ("xl/worksheets/sheet1.xml, cell XFD1048576"); `what`: the sentence
// (e.g. "a cell lies beyond the last column allowed"). `row`: the sheet row, 0 when not known.
// The error has no details (callers take details for problems of single rows); the body of the HTTP
// answer carries {"limit": {"name", "max", "where", "row"?}} besides the usual error.
Error LimitExceeded(std::string_view format, std::string_view limit, uint64_t max, std::string_view where,
                    std::string_view what, int row = 0);

}  // namespace gj::io

// A small RFC 4180 CSV reader/writer for the offline scoring CLI. (A general src/io/csv.h is being
// written elsewhere; this one keeps its own namespace so the two can be folded together later.)
// Accepts what Excel and WPS save: an optional UTF-8 BOM, CRLF or LF line ends, quoted fields
// with "" escapes and embedded line breaks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gj::io::simple {

struct Record {
  std::size_t row = 0;  // 1-based record number as a spreadsheet shows it (header = row 1)
  std::vector<std::string> fields;
};

struct ParseProblem {
  std::size_t row = 0;
  std::string reason;
};

struct Table {
  std::vector<Record> records;
  std::vector<ParseProblem> problems;  // structural faults (unterminated quote, …)
};

Table Parse(std::string_view text);

// Quotes a field when it holds a comma, a quote, CR or LF (RFC 4180).
std::string Escape(std::string_view field);

// Trims ASCII spaces and tabs around a value (hand-typed sheets often carry them).
std::string_view Trim(std::string_view s);

}  // namespace gj::io::simple

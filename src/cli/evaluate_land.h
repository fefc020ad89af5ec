// `gongjian evaluate land`: reads the enterprise table, evaluates it under a scheme and writes
// the results. Plain function (no CLI11) so tests and the server can call it.
#pragma once

#include <ostream>
#include <string>

namespace gj::cli {

struct EvaluateLandOptions {
  std::string input;    // .csv or .xlsx
  std::string scheme;   // JSON file; empty: the built-in "shandong"
  std::string output;   // .csv, .xlsx or .json
  std::string summary;  // optional per-group summary JSON
};

// Exit status: 0 done, 2 invalid input or scheme (every problem on `err`, no file written),
// 1 an I/O failure while writing.
int EvaluateLand(const EvaluateLandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace gj::cli

// CSV ⇄ observation scoring: reads paper ballots / score sheets typed into a spreadsheet, and
// writes the ranking. Every problem is reported with the spreadsheet row and column it sits in.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/assessment/observation.h"

namespace gj::io {

// "row 3, column rank, value 7: rank must be within 1..4 …" — one line per problem, in row order.
struct CsvProblem {
  std::size_t row = 0;  // 0: the input as a whole (e.g. a county missing from a ballot)
  std::string column;
  std::string value;
  std::string reason;
};
std::string FormatProblem(const CsvProblem& p);

struct BallotInput {
  std::vector<assessment::Ballot> ballots;
  std::vector<CsvProblem> problems;
};

// Columns judge, group, county, rank in any order (header names trimmed, ASCII case ignored);
// other columns are ignored. Also runs the domain's ballot rules so that every problem, parse
// or rule, comes back in one list.
BallotInput ReadBallots(std::string_view csv);

struct SheetInput {
  std::vector<assessment::SheetEntry> entries;
  std::vector<CsvProblem> problems;
};

// Columns judge, group, county, project, score (the judge's total for the project).
SheetInput ReadSheets(std::string_view csv);

// Header group,county,score,rank; LF line ends, no BOM; scores in the shortest decimal form that
// reads back as the same double (std::to_chars), never in exponent notation.
std::string WriteResults(std::span<const assessment::CountyResult> results);

// Shortest round-trip fixed notation: 97 → "97", 95.5 → "95.5", 1/3 → "33.333333333333336".
std::string FormatScore(double score);

}  // namespace gj::io

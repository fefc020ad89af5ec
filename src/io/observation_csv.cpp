#include "io/observation_csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "io/csv.h"

namespace gj::io {

namespace {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A decimal number as typed: optional sign, digits, optional fraction and exponent. No "inf",
// "nan" or hex: from_chars accepts those, paper marks never are.
std::optional<double> ParseNumber(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (s.front() == '+') s.remove_prefix(1);
  if (s.empty() || s.front() == '+') return std::nullopt;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'e' || c == 'E')) {
      return std::nullopt;
    }
  }
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// Ranks are whole numbers; "3.0" (what a spreadsheet may save) is accepted as 3.
std::optional<int> ParseRank(std::string_view s) {
  auto v = ParseNumber(s);
  if (!v || *v != std::floor(*v) || std::fabs(*v) > std::numeric_limits<int>::max()) {
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

struct Layout {
  std::vector<std::size_t> column_index;  // per wanted column
  std::size_t header_width = 0;
};

// Trims ASCII spaces and tabs around a value (hand-typed sheets often carry them).
std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

struct Record {
  std::size_t row = 0;  // 1-based record number as a spreadsheet shows it (header = row 1)
  std::vector<std::string> fields;
};

struct Rows {
  std::vector<Record> data;  // non-blank data records
  std::vector<CsvProblem> problems;
  std::optional<Layout> layout;
};

template <std::size_t N>
Rows ReadTable(std::string_view csv, const std::array<const char*, N>& wanted) {
  Rows out;
  std::vector<Record> records;
  const Status read = ForEachCsvRow(csv, [&](std::size_t row, std::span<const std::string_view> cells) {
    records.push_back({row, std::vector<std::string>(cells.begin(), cells.end())});
    return true;
  });
  if (!read) out.problems.push_back({records.size() + 1, "", "", read.error().message});
  if (records.empty()) {
    out.problems.push_back({1, "", "", "the input is empty (expected a header row)"});
    return out;
  }
  const auto& header = records.front().fields;
  std::map<std::string, std::vector<std::size_t>> positions;
  for (std::size_t i = 0; i < header.size(); ++i) {
    positions[AsciiLower(Trim(header[i]))].push_back(i);
  }
  Layout layout;
  layout.header_width = header.size();
  bool header_ok = true;
  for (const char* name : wanted) {
    auto it = positions.find(name);
    if (it == positions.end()) {
      out.problems.push_back({1, name, "", "missing column " + std::string(name)});
      header_ok = false;
    } else if (it->second.size() > 1) {
      out.problems.push_back({1, name, "", "column " + std::string(name) + " appears twice"});
      header_ok = false;
    } else {
      layout.column_index.push_back(it->second.front());
    }
  }
  // Without every column the rows cannot be read meaningfully; report the header alone.
  if (!header_ok) return out;
  out.layout = layout;
  for (std::size_t r = 1; r < records.size(); ++r) {
    auto& rec = records[r];
    bool blank = std::all_of(rec.fields.begin(), rec.fields.end(),
                             [](const std::string& f) { return Trim(f).empty(); });
    if (blank) continue;  // empty lines and the ",,,," rows spreadsheets leave behind
    for (std::size_t i = header.size(); i < rec.fields.size(); ++i) {
      if (!Trim(rec.fields[i]).empty()) {
        out.problems.push_back({rec.row, "", "",
                                "row has " + std::to_string(rec.fields.size()) + " fields, the header has " +
                                    std::to_string(header.size()) + " (an unquoted comma in a value?)"});
        break;
      }
    }
    rec.fields.resize(std::max(rec.fields.size(), header.size()));
    for (auto& f : rec.fields) f = std::string(Trim(f));
    out.data.push_back(std::move(rec));
  }
  if (out.data.empty() && out.problems.empty()) {
    out.problems.push_back({2, "", "", "no data rows below the header"});
  }
  return out;
}

const std::string& Cell(const Record& rec, const Layout& layout, std::size_t wanted) {
  return rec.fields[layout.column_index[wanted]];
}

// Turns the domain's entry problems into row/column problems, showing the cell as typed.
template <std::size_t N>
void AddDomainProblems(const std::vector<assessment::EntryProblem>& domain, const Rows& rows,
                       const std::array<const char*, N>& wanted,
                       const std::set<std::pair<std::size_t, std::string>>& already,
                       std::vector<CsvProblem>& out) {
  for (const auto& p : domain) {
    if (!p.entry) {
      out.push_back({0, p.column, p.value, p.reason});
      continue;
    }
    if (already.count({*p.entry, p.column})) continue;  // the parse problem says it better
    const auto& rec = rows.data[*p.entry];
    std::string value = p.value;
    for (std::size_t w = 0; w < N; ++w) {
      if (p.column == wanted[w]) value = Cell(rec, *rows.layout, w);
    }
    std::string reason = p.reason;
    if (p.related) reason += " (also row " + std::to_string(rows.data[*p.related].row) + ")";
    out.push_back({rec.row, p.column, std::move(value), std::move(reason)});
  }
}

void SortProblems(std::vector<CsvProblem>& problems) {
  // Row order, whole-input problems last; stable so a row's problems keep column order.
  std::stable_sort(problems.begin(), problems.end(), [](const CsvProblem& a, const CsvProblem& b) {
    auto key = [](const CsvProblem& p) {
      return p.row == 0 ? std::numeric_limits<std::size_t>::max() : p.row;
    };
    return key(a) < key(b);
  });
}

}  // namespace

std::string FormatProblem(const CsvProblem& p) {
  std::string out;
  if (p.row > 0) out += "row " + std::to_string(p.row);
  if (!p.column.empty()) {
    if (!out.empty()) out += ", ";
    out += "column " + p.column;
    if (p.row > 1 || p.row == 0) out += ", value " + (p.value.empty() ? "(empty)" : p.value);
  }
  if (!out.empty()) out += ": ";
  return out + p.reason;
}

BallotInput ReadBallots(std::string_view csv) {
  static constexpr std::array<const char*, 4> kColumns = {"judge", "group", "county", "rank"};
  BallotInput in;
  Rows rows = ReadTable(csv, kColumns);
  in.problems = std::move(rows.problems);
  if (!rows.layout) return in;
  std::set<std::pair<std::size_t, std::string>> bad_rank;
  for (std::size_t i = 0; i < rows.data.size(); ++i) {
    const auto& rec = rows.data[i];
    const std::string& rank_text = Cell(rec, *rows.layout, 3);
    auto rank = ParseRank(rank_text);
    if (!rank) {
      in.problems.push_back({rec.row, "rank", rank_text, "rank must be a whole number"});
      bad_rank.insert({i, "rank"});
    }
    in.ballots.push_back({Cell(rec, *rows.layout, 0), Cell(rec, *rows.layout, 1), Cell(rec, *rows.layout, 2),
                          rank.value_or(0)});
  }
  AddDomainProblems(assessment::ValidateBallots(in.ballots), rows, kColumns, bad_rank, in.problems);
  SortProblems(in.problems);
  return in;
}

SheetInput ReadSheets(std::string_view csv) {
  static constexpr std::array<const char*, 5> kColumns = {"judge", "group", "county", "project", "score"};
  SheetInput in;
  Rows rows = ReadTable(csv, kColumns);
  in.problems = std::move(rows.problems);
  if (!rows.layout) return in;
  for (const auto& rec : rows.data) {
    // An unreadable score becomes NaN, which the domain rejects with its own range message.
    auto score = ParseNumber(Cell(rec, *rows.layout, 4));
    in.entries.push_back({Cell(rec, *rows.layout, 0), Cell(rec, *rows.layout, 1), Cell(rec, *rows.layout, 2),
                          Cell(rec, *rows.layout, 3),
                          score.value_or(std::numeric_limits<double>::quiet_NaN())});
  }
  AddDomainProblems(assessment::ValidateSheets(in.entries), rows, kColumns, {}, in.problems);
  SortProblems(in.problems);
  return in;
}

std::string FormatScore(double score) {
  if (score == 0) score = 0;  // no "-0"
  std::array<char, 512> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), score, std::chars_format::fixed);
  if (ec != std::errc()) return std::to_string(score);
  return std::string(buf.data(), end);
}

std::string WriteResults(std::span<const assessment::CountyResult> results) {
  std::string out = "group,county,score,rank\n";
  for (const auto& r : results) {
    AppendCsvField(out, r.group);
    out += ',';
    AppendCsvField(out, r.county);
    out += "," + FormatScore(r.score) + "," + std::to_string(r.rank) + "\n";
  }
  return out;
}

}  // namespace gj::io

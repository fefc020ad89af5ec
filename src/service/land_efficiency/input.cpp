#include "service/land_efficiency/input.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "domain/land_efficiency/credit_code.h"
#include "domain/land_efficiency/evaluate.h"
#include "io/csv.h"
#include "io/xlsx_reader.h"

namespace gj::land {

namespace {

enum class Field {
  kCreditCode,
  kName,
  kCounty,
  kTown,
  kIndustryCode,
  kAboveScale,
  kLandMu,
  kTax,
  kRevenue,
  kValueAdded,
  kEnergyTce,
  kEmissionEq,
  kRdSpend,
  kEmployees,
  kElectricityKwh,
  kBonus,
  kPenalty,
  kVeto,
  kUndetermined,
};
constexpr int kFieldCount = 19;

struct FieldInfo {
  std::string_view id;
  std::string_view label;
  bool required;
};

constexpr std::array<FieldInfo, kFieldCount> kFields = {{
    {"credit_code", "统一社会信用代码", true},
    {"name", "企业名称", true},
    {"county", "县区", false},
    {"town", "镇街", false},
    {"industry_code", "行业代码", false},
    {"above_scale", "是否规上", true},
    {"land_mu", "用地面积(亩)", true},
    {"tax", "税收(万元)", true},
    {"revenue", "营业收入(万元)", true},
    {"value_added", "工业增加值(万元)", false},
    {"energy_tce", "综合能耗(吨标煤)", false},
    {"emission_eq", "排放当量(吨)", false},
    {"rd_spend", "研发经费(万元)", false},
    {"employees", "年平均职工人数", false},
    {"electricity_kwh", "用电量(千瓦时)", false},
    {"bonus", "加分", false},
    {"penalty", "减分", false},
    {"veto", "一票否决", false},
    {"undetermined", "不定等级", false},
}};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

// Offices type labels with full-width parentheses and stray spaces: "用地面积（亩）".
std::string NormalizeHeader(std::string_view h) {
  std::string s(Trim(h));
  for (auto [from, to] :
       {std::pair<std::string_view, std::string_view>{"（", "("}, {"）", ")"}, {"\xEF\xBB\xBF", ""}}) {
    for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, from.size(), to);
  }
  return Lower(Trim(s));
}

std::optional<Field> FieldOfHeader(std::string_view header) {
  const std::string h = NormalizeHeader(header);
  for (int i = 0; i < kFieldCount; ++i) {
    if (h == kFields[i].id || h == kFields[i].label) return static_cast<Field>(i);
  }
  return std::nullopt;
}

}  // namespace

std::vector<InputColumn> InputColumns() {
  std::vector<InputColumn> out;
  for (const auto& f : kFields) out.push_back({f.id, f.label, f.required});
  return out;
}

std::optional<bool> ParseBool(std::string_view s) {
  s = Trim(s);
  if (s == "是") return true;
  if (s == "否") return false;
  const std::string l = Lower(s);
  if (l == "y" || l == "true" || l == "1") return true;
  if (l == "n" || l == "false" || l == "0") return false;
  return std::nullopt;
}

namespace {

// Plain decimals ("-1234.56") whose digits fit in 2^53 and with at most 22 decimals: one exact
// integer divided by an exact power of ten is the correctly rounded value, the same double
// from_chars gives, at a fraction of its cost (a million rows have ten million numbers).
std::optional<double> FastDecimal(std::string_view s) {
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  size_t i = 0;
  const bool negative = s[0] == '-';
  if (negative) ++i;
  uint64_t mantissa = 0;
  int digits = 0, decimals = -1;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
      if (++digits > 15) return std::nullopt;
      if (decimals >= 0) ++decimals;
    } else if (c == '.' && decimals < 0) {
      decimals = 0;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0 || decimals > 22) return std::nullopt;
  const double v = static_cast<double>(mantissa) / kPow10[decimals < 0 ? 0 : decimals];
  return negative ? -v : v;
}

}  // namespace

constexpr double kMaxFigure = 1e15;

std::optional<double> ParseNumber(std::string_view s) {
  s = Trim(s);
  if (!s.empty() && s.front() == '+') {
    s.remove_prefix(1);
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) return std::nullopt;
  }
  if (s.empty()) return std::nullopt;
  if (auto fast = FastDecimal(s)) return fast;
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

void Names::Reserve(size_t rows, size_t text_bytes) {
  ends_.reserve(2 * rows);
  text_.reserve(text_bytes);
}

void Names::Add(std::string_view code, std::string_view name) {
  text_.append(code);
  ends_.push_back(text_.size());
  text_.append(name);
  ends_.push_back(text_.size());
}

Names NamesOf(std::span<const Enterprise> enterprises) {
  Names names;
  names.Reserve(enterprises.size());
  for (const auto& e : enterprises) names.Add(e.credit_code, e.name);
  return names;
}

struct InputParser::Impl {
  std::array<int, kFieldCount> column_of{};  // -1: column absent
  std::vector<std::string> headers;          // as written
  const Scheme* compact_for = nullptr;       // set: rows go to `compact`, grouped for it
  InputTable table;
  CompactInput compact;
  std::vector<RowProblem> problems;

  // One row's cells being turned into an Enterprise; records problems on the way.
  struct RowContext {
    Impl& impl;
    size_t row;
    std::span<const std::string_view> cells;
    bool ok = true;

    std::string_view Cell(Field f) const {
      const int c = impl.column_of[static_cast<int>(f)];
      return c >= 0 && static_cast<size_t>(c) < cells.size() ? Trim(cells[c]) : std::string_view();
    }
    void Problem(Field f, std::string_view value, std::string reason) {
      ok = false;
      impl.problems.push_back(
          {row, impl.headers[impl.column_of[static_cast<int>(f)]], std::string(value), std::move(reason)});
    }
    std::string_view Text(Field f) {
      const auto v = Cell(f);
      if (v.empty() && kFields[static_cast<int>(f)].required) Problem(f, v, "required");
      return v;
    }
    std::optional<double> Number(Field f) {
      const auto v = Cell(f);
      if (v.empty()) {
        if (kFields[static_cast<int>(f)].required) Problem(f, v, "required");
        return std::nullopt;
      }
      auto d = ParseNumber(v);
      if (!d) {
        Problem(f, v, "not a number");
      } else if (std::fabs(*d) > kMaxFigure) {
        // Sums and ratios of the whole county stay finite: no figure beyond 10^15 (yuan, kWh, …).
        Problem(f, v, "must be a number within -1000000000000000..1000000000000000");
        return std::nullopt;
      }
      return d;
    }
    double Min(Field f, double min, bool strict, double fallback) {
      auto d = Number(f);
      if (!d) return fallback;
      if (strict ? !(*d > min) : !(*d >= min)) {
        Problem(f, Cell(f),
                std::string("must be ") + (strict ? "> " : ">= ") + (min == 0 ? "0" : std::to_string(min)));
      }
      return *d;
    }
    bool Bool(Field f) {
      const auto v = Cell(f);
      if (v.empty()) {
        if (kFields[static_cast<int>(f)].required) Problem(f, v, "required");
        return false;
      }
      auto b = ParseBool(v);
      if (!b) Problem(f, v, "not a yes/no value (是/否, Y/N, true/false, 1/0)");
      return b.value_or(false);
    }
  };

  // The cells of a row in the order they are checked (the problems' order within a row).
  void ParseRow(size_t row, std::span<const std::string_view> cells) {
    RowContext ctx{*this, row, cells};
    const std::string_view code = ctx.Text(Field::kCreditCode);
    if (!code.empty()) {
      if (auto why = CreditCodeProblem(code); !why.empty()) ctx.Problem(Field::kCreditCode, code, why);
      else RememberCode(code, row);
    }
    const std::string_view name = ctx.Text(Field::kName);
    const std::string_view county = ctx.Text(Field::kCounty);
    const std::string_view town = ctx.Text(Field::kTown);
    const std::string_view industry = ctx.Text(Field::kIndustryCode);
    const bool above_scale = ctx.Bool(Field::kAboveScale);
    const double land_mu = ctx.Min(Field::kLandMu, 0, true, 0);
    const double tax = ctx.Number(Field::kTax).value_or(0);
    const double revenue = ctx.Min(Field::kRevenue, 0, false, 0);
    // The optional indicators: an empty cell leaves the figure unknown, not 0.
    static constexpr Field kOptional[] = {Field::kValueAdded, Field::kEnergyTce, Field::kEmissionEq,
                                          Field::kRdSpend,    Field::kEmployees, Field::kElectricityKwh};
    std::array<std::optional<double>, std::size(kOptional)> opt;
    for (size_t k = 0; k < opt.size(); ++k) opt[k] = ctx.Number(kOptional[k]);
    const double bonus = ctx.Min(Field::kBonus, 0, false, 0);
    const double penalty = ctx.Min(Field::kPenalty, 0, false, 0);
    const bool veto = ctx.Bool(Field::kVeto);
    const bool undetermined = ctx.Bool(Field::kUndetermined);
    if (!ctx.ok) return;
    if (compact_for) {
      const auto fig = [](const std::optional<double>& v) { return v.value_or(Figures::kMissing); };
      compact.figures.push_back({land_mu, tax, revenue, fig(opt[0]), fig(opt[1]), fig(opt[2]), fig(opt[3]),
                                 fig(opt[4]), fig(opt[5]), bonus - penalty,
                                 GroupOf(industry, above_scale, land_mu, *compact_for), veto, undetermined});
      compact.names.Add(code, name);
      return;
    }
    Enterprise e;
    e.credit_code = code;
    e.name = name;
    e.county = county;
    e.town = town;
    e.industry_code = industry;
    e.above_scale = above_scale;
    e.land_mu = land_mu;
    e.tax = tax;
    e.revenue = revenue;
    e.value_added = opt[0];
    e.energy_tce = opt[1];
    e.emission_eq = opt[2];
    e.rd_spend = opt[3];
    e.employees = opt[4];
    e.electricity_kwh = opt[5];
    e.bonus = bonus;
    e.penalty = penalty;
    e.veto = veto;
    e.undetermined = undetermined;
    table.enterprises.push_back(std::move(e));
    table.row_numbers.push_back(row);
  }

  // Every well-formed credit code, packed 7 bits per character into two words: sorting these
  // finds duplicates several times faster than a hash map of a million strings, and includes rows
  // that are invalid for other reasons.
  struct CodeKey {
    uint64_t hi, lo;
    size_t row;
  };
  std::vector<CodeKey> codes;

  void RememberCode(std::string_view code, size_t row) {
    uint64_t hi = 0, lo = 0;
    for (size_t k = 0; k < 9; ++k) hi = hi << 7 | static_cast<unsigned char>(code[k]);
    for (size_t k = 9; k < 18; ++k) lo = lo << 7 | static_cast<unsigned char>(code[k]);
    codes.push_back({hi, lo, row});
  }

  // Every problem found (duplicates included), as one error in row order.
  Status Check() {
    CheckDuplicates();  // reported together with the other problems, in row order
    codes = {};
    if (problems.empty()) return Ok{};
    std::stable_sort(problems.begin(), problems.end(),
                     [](const RowProblem& a, const RowProblem& b) { return a.row < b.row; });
    Problems out;
    for (const auto& p : problems)
      out.Add("row " + std::to_string(p.row) + ", column " + p.column, p.value, p.reason);
    return out.ToError(std::to_string(problems.size()) + " problem(s) in the input; nothing was evaluated");
  }

  void CheckDuplicates() {
    std::sort(codes.begin(), codes.end(), [](const CodeKey& a, const CodeKey& b) {
      return a.hi != b.hi ? a.hi < b.hi : a.lo != b.lo ? a.lo < b.lo : a.row < b.row;
    });
    size_t run_start = 0;  // the first (lowest row) of the current run of equal codes
    for (size_t k = 1; k < codes.size(); ++k) {
      if (codes[k].hi != codes[run_start].hi || codes[k].lo != codes[run_start].lo) {
        run_start = k;
        continue;
      }
      std::string code(18, ' ');
      for (size_t j = 0; j < 9; ++j) code[8 - j] = static_cast<char>(codes[k].hi >> (7 * j) & 0x7f);
      for (size_t j = 0; j < 9; ++j) code[17 - j] = static_cast<char>(codes[k].lo >> (7 * j) & 0x7f);
      problems.push_back(
          {codes[k].row, headers[column_of[0]], code,
           "duplicate credit code (first in row " + std::to_string(codes[run_start].row) + ")"});
    }
  }
};

InputParser::InputParser(const Scheme* compact_for) : impl_(std::make_unique<Impl>()) {
  impl_->column_of.fill(-1);
  impl_->compact_for = compact_for;
}
InputParser::~InputParser() = default;

const std::vector<RowProblem>& InputParser::problems() const { return impl_->problems; }

void InputParser::Reserve(size_t rows, size_t bytes) {
  if (impl_->compact_for) {
    impl_->compact.figures.reserve(rows);
    impl_->compact.names.Reserve(rows, bytes);  // the names are part of the bytes
  } else {
    impl_->table.enterprises.reserve(rows);
    impl_->table.row_numbers.reserve(rows);
  }
  impl_->codes.reserve(rows);
}

Status InputParser::Header(std::span<const std::string_view> cells) {
  Problems problems;
  impl_->headers.assign(cells.begin(), cells.end());
  for (size_t c = 0; c < cells.size(); ++c) {
    const auto f = FieldOfHeader(cells[c]);
    if (!f) continue;  // extra columns are allowed and ignored
    int& slot = impl_->column_of[static_cast<int>(*f)];
    if (slot >= 0) {
      problems.Add("column " + std::string(cells[c]), "",
                   "the column " + std::string(kFields[static_cast<int>(*f)].id) + " appears twice");
    }
    slot = static_cast<int>(c);
  }
  for (int i = 0; i < kFieldCount; ++i) {
    if (kFields[i].required && impl_->column_of[i] < 0) {
      problems.Add("column " + std::string(kFields[i].id), "",
                   "required column missing (" + std::string(kFields[i].id) + " or " +
                       std::string(kFields[i].label) + ")");
    }
  }
  if (!problems.empty()) return problems.ToError("the input's header is not usable");
  return Ok{};
}

void InputParser::Row(size_t row_number, std::span<const std::string_view> cells) {
  bool blank = true;
  for (auto c : cells) blank = blank && Trim(c).empty();
  if (!blank) impl_->ParseRow(row_number, cells);
}

Result<InputTable> InputParser::Finish() {
  if (auto st = impl_->Check(); !st) return st.error();
  return std::move(impl_->table);
}

Result<CompactInput> InputParser::FinishCompact() {
  if (auto st = impl_->Check(); !st) return st.error();
  return std::move(impl_->compact);
}

namespace {

// Feeds a CSV to `parser`. `on_row(pos)`: called after each record with the offset reached in
// `data` (when the reader knows it), for a caller that lets go of what was read.
template <class OnRow>
Status FeedCsv(InputParser& parser, std::string_view data, OnRow on_row) {
  std::optional<Error> header_error;
  auto st = io::ForEachCsvRow(data, [&](size_t record, std::span<const std::string_view> cells) {
    if (record == 1) {
      auto h = parser.Header(cells);
      if (!h) header_error = h.error();
      return h.ok();
    }
    parser.Row(record, cells);
    const char* p = cells.empty() ? nullptr : cells.front().data();
    if (p >= data.data() && p < data.data() + data.size()) on_row(static_cast<size_t>(p - data.data()));
    return true;
  });
  if (!st) return st.error();
  if (header_error) return *header_error;
  if (data.empty() || data == "\xEF\xBB\xBF") return Error::Invalid("the input is empty (no header row)");
  return Ok{};
}

}  // namespace

Result<InputTable> ParseInputCsv(std::string_view data) {
  InputParser parser;
  // Nothing is reserved from the input's own counts (one enterprise per newline let ten million
  // empty lines reserve gigabytes): the table grows with the rows actually read, and the reader's
  // caps (io/csv.h CsvLimits) bound the rows, fields and field sizes.
  if (auto st = FeedCsv(parser, data, [](size_t) {}); !st) return st.error();
  return parser.Finish();
}

namespace {

// Feeds the rows of a sheet (the header first) to `parser`.
Status FeedRows(InputParser& parser, const std::vector<std::vector<std::string>>& rows) {
  if (rows.empty()) return Error::Invalid("the input is empty (no header row)");
  std::vector<std::string_view> cells;
  auto views = [&](const std::vector<std::string>& row) {
    cells.assign(row.begin(), row.end());
    return std::span<const std::string_view>(cells);
  };
  if (auto h = parser.Header(views(rows[0])); !h) return h.error();
  parser.Reserve(rows.size() - 1);  // the rows are in memory already
  for (size_t r = 1; r < rows.size(); ++r) parser.Row(r + 1, views(rows[r]));
  return Ok{};
}

}  // namespace

Result<InputTable> ParseInputRows(const std::vector<std::vector<std::string>>& rows) {
  InputParser parser;
  if (auto st = FeedRows(parser, rows); !st) return st.error();
  return parser.Finish();
}

Result<CompactInput> ReadInputFile(const std::string& path, const Scheme& scheme) {
  const std::string lower = Lower(path);
  InputParser parser(&scheme);
  if (lower.ends_with(".xlsx")) {
    // The operator's own file on the command line: a whole Excel sheet (1,048,576 rows) may be read.
    io::XlsxLimits limits;
    limits.max_rows = 1'048'576;
    limits.max_cells = 24'000'000;
    limits.max_text_bytes = 1ull << 30;
    limits.max_part_bytes = 1ull << 30;
    limits.max_uncompressed_bytes = 2ull << 30;
    auto rows = io::ReadXlsxFile(path, "", limits);
    if (!rows) return rows.error();
    if (auto st = FeedRows(parser, *rows); !st) return st.error();
    return parser.FinishCompact();
  }
  if (!lower.ends_with(".csv")) return Error::Invalid("input must be a .csv or .xlsx file: " + path);
  auto file = io::MappedFile::Open(path);
  if (!file) return file.error();
  const std::string_view data = file->data();
  // The size hint: one enterprise per line, capped by the reader's row limit (an untouched
  // reservation costs no memory; growing a million-row table by doubling copied it).
  const io::CsvLimits limits;
  size_t lines = 1;
  for (const char* p = data.data(); lines < limits.max_rows; ++lines) {
    p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(data.data() + data.size() - p)));
    if (!p) break;
    ++p;
  }
  parser.Reserve(lines - 1, data.size());
  constexpr size_t kReleaseBytes = 8u << 20;
  size_t released = 0;
  auto st = FeedCsv(parser, data, [&](size_t pos) {
    if (pos - released < 2 * kReleaseBytes) return;
    file->Release(released, pos - kReleaseBytes);  // a window behind: cells of the row are views
    released = pos - kReleaseBytes;
  });
  if (!st) return st.error();
  return parser.FinishCompact();
}

}  // namespace gj::land

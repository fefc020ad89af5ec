#include "service/land_efficiency/input.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "domain/land_efficiency/credit_code.h"
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

struct InputParser::Impl {
  std::array<int, kFieldCount> column_of{};  // -1: column absent
  std::vector<std::string> headers;          // as written
  InputTable table;
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
    std::string Text(Field f) {
      const auto v = Cell(f);
      if (v.empty() && kFields[static_cast<int>(f)].required) Problem(f, v, "required");
      return std::string(v);
    }
    std::optional<double> Number(Field f) {
      const auto v = Cell(f);
      if (v.empty()) {
        if (kFields[static_cast<int>(f)].required) Problem(f, v, "required");
        return std::nullopt;
      }
      auto d = ParseNumber(v);
      if (!d) Problem(f, v, "not a number");
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

  void ParseRow(size_t row, std::span<const std::string_view> cells) {
    RowContext ctx{*this, row, cells};
    Enterprise e;
    e.credit_code = ctx.Text(Field::kCreditCode);
    if (!e.credit_code.empty()) {
      if (auto why = CreditCodeProblem(e.credit_code); !why.empty())
        ctx.Problem(Field::kCreditCode, e.credit_code, why);
      else RememberCode(e.credit_code, row);
    }
    e.name = ctx.Text(Field::kName);
    e.county = ctx.Text(Field::kCounty);
    e.town = ctx.Text(Field::kTown);
    e.industry_code = ctx.Text(Field::kIndustryCode);
    e.above_scale = ctx.Bool(Field::kAboveScale);
    e.land_mu = ctx.Min(Field::kLandMu, 0, true, 0);
    e.tax = ctx.Number(Field::kTax).value_or(0);
    e.revenue = ctx.Min(Field::kRevenue, 0, false, 0);
    // The optional indicators: an empty cell leaves the figure unknown, not 0.
    static constexpr std::pair<Field, std::optional<double> Enterprise::*> kOptionalNumbers[] = {
        {Field::kValueAdded, &Enterprise::value_added},
        {Field::kEnergyTce, &Enterprise::energy_tce},
        {Field::kEmissionEq, &Enterprise::emission_eq},
        {Field::kRdSpend, &Enterprise::rd_spend},
        {Field::kEmployees, &Enterprise::employees},
        {Field::kElectricityKwh, &Enterprise::electricity_kwh}};
    for (const auto& [field, member] : kOptionalNumbers) e.*member = ctx.Number(field);
    e.bonus = ctx.Min(Field::kBonus, 0, false, 0);
    e.penalty = ctx.Min(Field::kPenalty, 0, false, 0);
    e.veto = ctx.Bool(Field::kVeto);
    e.undetermined = ctx.Bool(Field::kUndetermined);
    if (!ctx.ok) return;
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

InputParser::InputParser() : impl_(std::make_unique<Impl>()) { impl_->column_of.fill(-1); }
InputParser::~InputParser() = default;

const std::vector<RowProblem>& InputParser::problems() const { return impl_->problems; }

void InputParser::Reserve(size_t rows) {
  impl_->table.enterprises.reserve(rows);
  impl_->table.row_numbers.reserve(rows);
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
  impl_->CheckDuplicates();  // reported together with the other problems, in row order
  if (impl_->problems.empty()) return std::move(impl_->table);
  std::stable_sort(impl_->problems.begin(), impl_->problems.end(),
                   [](const RowProblem& a, const RowProblem& b) { return a.row < b.row; });
  Problems problems;
  for (const auto& p : impl_->problems) {
    problems.Add("row " + std::to_string(p.row) + ", column " + p.column, p.value, p.reason);
  }
  return problems.ToError(std::to_string(impl_->problems.size()) +
                          " problem(s) in the input; nothing was evaluated");
}

Result<InputTable> ParseInputCsv(std::string_view data) {
  InputParser parser;
  // Nothing is reserved from the input's own counts (one enterprise per newline let ten million
  // empty lines reserve gigabytes): the table grows with the rows actually read, and the reader's
  // caps (io/csv.h CsvLimits) bound the rows, fields and field sizes.
  std::optional<Error> header_error;
  auto st = io::ForEachCsvRow(data, [&](size_t record, std::span<const std::string_view> cells) {
    if (record == 1) {
      auto h = parser.Header(cells);
      if (!h) header_error = h.error();
      return h.ok();
    }
    parser.Row(record, cells);
    return true;
  });
  if (!st) return st.error();
  if (header_error) return *header_error;
  if (data.empty() || data == "\xEF\xBB\xBF") return Error::Invalid("the input is empty (no header row)");
  return parser.Finish();
}

Result<InputTable> ParseInputRows(const std::vector<std::vector<std::string>>& rows) {
  if (rows.empty()) return Error::Invalid("the input is empty (no header row)");
  InputParser parser;
  std::vector<std::string_view> cells;
  auto views = [&](const std::vector<std::string>& row) {
    cells.assign(row.begin(), row.end());
    return std::span<const std::string_view>(cells);
  };
  if (auto h = parser.Header(views(rows[0])); !h) return h.error();
  for (size_t r = 1; r < rows.size(); ++r) parser.Row(r + 1, views(rows[r]));
  return parser.Finish();
}

Result<InputTable> ReadInputFile(const std::string& path) {
  const std::string lower = Lower(path);
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
    return ParseInputRows(*rows);
  }
  if (!lower.ends_with(".csv")) return Error::Invalid("input must be a .csv or .xlsx file: " + path);
  auto file = io::MappedFile::Open(path);
  if (!file) return file.error();
  return ParseInputCsv(file->data());
}

}  // namespace gj::land

#include "io/csv.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>

#include "io/formula_guard.h"
#include "io/input_limits.h"

namespace gj::io {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Parses one record starting at `pos`; leaves `pos` after its line end. Cells go to `cells`;
// fields with escaped quotes are unescaped into `scratch[column]`.
class CsvScanner {
 public:
  enum class Outcome { kOk, kUnclosedQuote, kTooManyColumns, kFieldTooLong };

  CsvScanner(std::string_view data, const CsvLimits& limits) : d_(data), limits_(limits) {
    if (d_.starts_with(kBom)) d_.remove_prefix(kBom.size());
  }

  bool done() const { return pos_ >= d_.size(); }

  Outcome Next(std::vector<std::string_view>& cells) {
    cells.clear();
    size_t column = 0;
    while (true) {
      std::string_view cell;
      if (pos_ < d_.size() && d_[pos_] == '"') {
        if (!Quoted(column, cell)) return Outcome::kUnclosedQuote;
      } else {
        cell = Unquoted();
      }
      if (column >= limits_.max_columns) return Outcome::kTooManyColumns;
      if (cell.size() > limits_.max_field_bytes) return Outcome::kFieldTooLong;
      cells.push_back(cell);
      ++column;
      if (pos_ >= d_.size()) return Outcome::kOk;
      const char c = d_[pos_];
      if (c == ',') {
        ++pos_;
        continue;
      }
      // Line end: \n, \r\n or a lone \r.
      ++pos_;
      if (c == '\r' && pos_ < d_.size() && d_[pos_] == '\n') ++pos_;
      return Outcome::kOk;
    }
  }

 private:
  std::string_view Unquoted() {
    const size_t start = pos_;
    const char* p = d_.data() + pos_;
    const char* end = d_.data() + d_.size();
    while (p < end && *p != ',' && *p != '\n' && *p != '\r') ++p;
    pos_ = static_cast<size_t>(p - d_.data());
    return d_.substr(start, pos_ - start);
  }

  bool Quoted(size_t column, std::string_view& cell) {
    const size_t start = ++pos_;
    const void* q = std::memchr(d_.data() + pos_, '"', d_.size() - pos_);
    if (!q) return false;
    size_t close = static_cast<size_t>(static_cast<const char*>(q) - d_.data());
    if (close + 1 >= d_.size() || d_[close + 1] != '"') {  // the common case: no escapes
      cell = d_.substr(start, close - start);
      pos_ = close + 1;
      TrailingGarbage(column, cell);
      return true;
    }
    if (scratch_.size() <= column) scratch_.resize(column + 1);
    std::string& buf = scratch_[column];
    buf.assign(d_.substr(start, close - start));
    pos_ = close;
    while (true) {  // at a quote: either an escaped "" or the closing quote
      if (pos_ + 1 < d_.size() && d_[pos_ + 1] == '"') {
        buf.push_back('"');
        pos_ += 2;
        q = std::memchr(d_.data() + pos_, '"', d_.size() - pos_);
        if (!q) return false;
        close = static_cast<size_t>(static_cast<const char*>(q) - d_.data());
        buf.append(d_.substr(pos_, close - pos_));
        pos_ = close;
      } else {
        ++pos_;
        break;
      }
    }
    cell = buf;
    TrailingGarbage(column, cell);
    return true;
  }

  // Lenient like spreadsheet programs: text between a closing quote and the next delimiter
  // (`"ab"c`) is kept instead of failing the whole file.
  void TrailingGarbage(size_t column, std::string_view& cell) {
    const std::string_view rest = Unquoted();
    if (rest.empty()) return;
    if (scratch_.size() <= column) scratch_.resize(column + 1);
    std::string& buf = scratch_[column];
    if (cell.data() != buf.data()) buf.assign(cell);
    buf.append(rest);
    cell = buf;
  }

  std::string_view d_;
  const CsvLimits& limits_;
  size_t pos_ = 0;
  // A deque, so growing it never moves the strings that earlier cells of the row point into.
  std::deque<std::string> scratch_;
};

}  // namespace

Status ForEachCsvRow(std::string_view data, const CsvRowFn& on_row, const CsvLimits& limits) {
  CsvScanner scanner(data, limits);
  std::vector<std::string_view> cells;
  size_t record = 0;
  while (!scanner.done()) {
    ++record;
    const auto row = [record] { return "row " + std::to_string(record); };
    const int row_number = static_cast<int>(std::min<size_t>(record, INT32_MAX));
    if (record > limits.max_rows)
      return LimitExceeded("CSV", "max_rows", limits.max_rows, row(),
                           "the input has more rows than the limit", row_number);
    switch (scanner.Next(cells)) {
      case CsvScanner::Outcome::kOk: break;
      case CsvScanner::Outcome::kUnclosedQuote:
        return Error::Invalid("CSV: the quoted field in " + row() + " is never closed");
      case CsvScanner::Outcome::kTooManyColumns:
        return LimitExceeded("CSV", "max_columns", limits.max_columns, row(),
                             "a row has more fields than the limit", row_number);
      case CsvScanner::Outcome::kFieldTooLong:
        return LimitExceeded("CSV", "max_field_bytes", limits.max_field_bytes,
                             row() + ", field " + std::to_string(cells.size() + 1),
                             "a field is longer than the limit", row_number);
    }
    if (!on_row(record, cells)) break;
  }
  return Ok{};
}

Result<std::vector<std::vector<std::string>>> ReadCsvRows(std::string_view data, const CsvLimits& limits) {
  std::vector<std::vector<std::string>> rows;
  auto st = ForEachCsvRow(
      data,
      [&](size_t, std::span<const std::string_view> cells) {
        rows.emplace_back(cells.begin(), cells.end());
        return true;
      },
      limits);
  if (!st) return st.error();
  return rows;
}

bool CsvNeedsQuotes(std::string_view field) {
  // A plain loop: find_first_of calls memchr once per character of the field.
  for (char c : field) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  }
  return false;
}

void AppendCsvField(std::string& out, std::string_view field) {
  std::string guarded;
  if (NeedsFormulaGuard(field)) field = guarded = GuardFormula(field);
  if (!CsvNeedsQuotes(field)) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void AppendCsvRow(std::string& out, std::span<const std::string_view> fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out.push_back(',');
    AppendCsvField(out, fields[i]);
  }
  out.push_back('\n');
}

Result<MappedFile> MappedFile::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error::Invalid("cannot open " + path + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Error::Invalid("cannot read " + path + ": not a regular file");
  }
  MappedFile f;
  f.size_ = static_cast<size_t>(st.st_size);
  if (f.size_ > 0) {
    // MAP_POPULATE maps every page at once instead of one fault per 4 KiB page.
    void* addr = ::mmap(nullptr, f.size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (addr == MAP_FAILED) {
      ::close(fd);
      return Error::Invalid("cannot map " + path + ": " + std::strerror(errno));
    }
    ::madvise(addr, f.size_, MADV_SEQUENTIAL);
    f.addr_ = addr;
  }
  ::close(fd);
  return f;
}

void MappedFile::Release(size_t begin, size_t end) const {
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  begin = (begin + page - 1) / page * page;
  end = std::min(end, size_) / page * page;
  if (addr_ && begin < end) ::madvise(static_cast<char*>(addr_) + begin, end - begin, MADV_DONTNEED);
}

MappedFile::MappedFile(MappedFile&& other) noexcept : addr_(other.addr_), size_(other.size_) {
  other.addr_ = nullptr;
  other.size_ = 0;
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    if (addr_) ::munmap(addr_, size_);
    addr_ = other.addr_;
    size_ = other.size_;
    other.addr_ = nullptr;
    other.size_ = 0;
  }
  return *this;
}

MappedFile::~MappedFile() {
  if (addr_) ::munmap(addr_, size_);
}

}  // namespace gj::io

#include "service/land_efficiency/export.h"

#include <xlsxwriter.h>

#include <atomic>
#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <thread>

#include "io/csv.h"

namespace gj::land {

namespace {

constexpr size_t kFlushBytes = 1 << 22;

// Appends to a buffer and flushes it to the file in large writes.
class BufferedFile {
 public:
  explicit BufferedFile(const std::string& path) : path_(path), f_(std::fopen(path.c_str(), "wb")) {
    buf_.reserve(kFlushBytes + 4096);
  }
  ~BufferedFile() {
    if (f_) std::fclose(f_);
  }
  BufferedFile(const BufferedFile&) = delete;
  BufferedFile& operator=(const BufferedFile&) = delete;

  bool ok() const { return f_ != nullptr && !failed_; }
  std::string& buf() { return buf_; }
  void Write(std::string_view bytes) {
    Flush();
    if (f_ && !bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), f_) != bytes.size()) failed_ = true;
  }
  void MaybeFlush() {
    if (buf_.size() >= kFlushBytes) Flush();
  }
  Status Close() {
    if (!f_) return Error{ErrorCode::kInternal, "cannot create " + path_ + ": " + std::strerror(errno), {}, {}};
    Flush();
    const bool closed = std::fclose(f_) == 0;
    f_ = nullptr;
    if (failed_ || !closed) return Error{ErrorCode::kInternal, "cannot write " + path_, {}, {}};
    return Ok{};
  }

 private:
  void Flush() {
    if (f_ && !buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) failed_ = true;
    buf_.clear();
  }
  std::string path_;
  std::FILE* f_;
  std::string buf_;
  bool failed_ = false;
};

void AppendNumber(std::string& out, double v) {
  if (v == 0) v = 0;  // no "-0"
  char tmp[32];
  const auto res = std::to_chars(tmp, tmp + sizeof tmp, v);
  out.append(tmp, res.ptr);
}

void AppendInt(std::string& out, int64_t v) {
  char tmp[24];
  const auto res = std::to_chars(tmp, tmp + sizeof tmp, v);
  out.append(tmp, res.ptr);
}

void AppendCents(std::string& out, int64_t cents) {
  if (cents < 0) {
    out.push_back('-');
    cents = -cents;
  }
  AppendInt(out, cents / 100);
  out.push_back('.');
  out.push_back(static_cast<char>('0' + cents % 100 / 10));
  out.push_back(static_cast<char>('0' + cents % 10));
}

// Emits the cells of one output row to a sink, in the column order of OutputColumns(): the one
// place that defines what each column holds, shared by the CSV, xlsx and JSON writers.
template <class Sink>
void EmitRow(const Enterprise& e, const Evaluation& ev, size_t i, Sink& sink) {
  const EnterpriseResult& r = ev.results[i];
  const bool evaluated = r.status != EnterpriseStatus::kExcluded && r.status != EnterpriseStatus::kNotEvaluated;
  sink.Text(e.credit_code);
  sink.Text(e.name);
  sink.Text(GroupName(r.group));
  sink.Text(StatusName(r.status));
  if (evaluated) {
    sink.Number(r.total);
    sink.Int(r.rank);
  } else {
    sink.Empty();
    sink.Empty();
  }
  if (r.klass) sink.Text(std::string_view(&kClassLetters[static_cast<int>(*r.klass)], 1));
  else sink.Empty();
  for (size_t c = 0; c < ev.indicators.size(); ++c) {
    const double x = ev.x[i * ev.indicators.size() + c];
    const double s = ev.s[i * ev.indicators.size() + c];
    std::isnan(x) ? sink.Empty() : sink.Number(x);
    std::isnan(s) ? sink.Empty() : sink.Number(s);
  }
  r.surcharge_fen ? sink.Cents(*r.surcharge_fen) : sink.Empty();
  r.tax_to_next_class_cents ? sink.Cents(*r.tax_to_next_class_cents) : sink.Empty();
}

struct CsvSink {
  std::string& out;
  bool first = true;
  void Sep() {
    if (!first) out.push_back(',');
    first = false;
  }
  void Text(std::string_view s) { Sep(), io::AppendCsvField(out, s); }
  void Number(double v) { Sep(), AppendNumber(out, v); }
  void Int(int64_t v) { Sep(), AppendInt(out, v); }
  void Cents(int64_t c) { Sep(), AppendCents(out, c); }
  void Empty() { Sep(); }
};

struct XlsxSink {
  lxw_worksheet* ws;
  lxw_format* money;
  lxw_row_t row;
  lxw_col_t col = 0;
  void Text(std::string_view s) {
    if (!s.empty()) worksheet_write_string(ws, row, col, std::string(s).c_str(), nullptr);
    ++col;
  }
  void Number(double v) { worksheet_write_number(ws, row, col++, v == 0 ? 0.0 : v, nullptr); }
  void Int(int64_t v) { worksheet_write_number(ws, row, col++, static_cast<double>(v), nullptr); }
  void Cents(int64_t c) { worksheet_write_number(ws, row, col++, static_cast<double>(c) / 100, money); }
  void Empty() { ++col; }
};

void AppendJsonString(std::string& out, std::string_view s) {
  out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

struct JsonSink {
  std::string& out;
  const std::vector<std::string>& columns;
  size_t col = 0;
  void Key() {
    out += col ? ",\"" : "{\"";
    out += columns[col++];
    out += "\":";
  }
  void Text(std::string_view s) { Key(), AppendJsonString(out, s); }
  void Number(double v) { Key(), AppendNumber(out, v); }
  void Int(int64_t v) { Key(), AppendInt(out, v); }
  void Cents(int64_t c) { Key(), AppendCents(out, c); }  // a JSON number with two decimals
  void Empty() { Key(), out += "null"; }
};

}  // namespace

std::vector<std::string> OutputColumns(const Evaluation& ev) {
  std::vector<std::string> cols = {"credit_code", "name", "group", "status", "score", "rank", "class"};
  for (auto id : ev.indicators) {
    cols.emplace_back(IndicatorName(id));
    cols.push_back(std::string(IndicatorName(id)) + "_score");
  }
  cols.emplace_back("surcharge_yuan");
  cols.emplace_back("tax_to_next_class");
  return cols;
}

std::string FormatNumber(double v) {
  std::string s;
  AppendNumber(s, v);
  return s;
}

std::string FormatCents(int64_t cents) {
  std::string s;
  AppendCents(s, cents);
  return s;
}

// Formats rows [0, n) in chunks on two threads and writes the chunks in order on the calling
// thread while later ones are being formatted: number formatting and the kernel's copy into the
// page cache were each about a third of a million-row evaluation.
template <class FormatRows>
void WriteChunked(BufferedFile& file, size_t n, FormatRows format_rows) {
  constexpr size_t kChunkRows = 32768;
  constexpr size_t kMaxAhead = 8;  // chunks formatted but not yet written (bounds memory)
  const size_t chunks = (n + kChunkRows - 1) / kChunkRows;
  std::vector<std::string> bufs(chunks);
  std::vector<char> ready(chunks, 0);
  std::mutex mu;
  std::condition_variable cv;
  size_t written = 0;
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t c; (c = next.fetch_add(1)) < chunks;) {
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return c < written + kMaxAhead; });
      }
      std::string out;
      out.reserve(kChunkRows * 200);
      format_rows(c * kChunkRows, std::min(n, (c + 1) * kChunkRows), out);
      std::lock_guard lock(mu);
      bufs[c] = std::move(out);
      ready[c] = 1;
      cv.notify_all();
    }
  };
  std::thread helper(worker);
  std::thread helper2(worker);
  for (size_t c = 0; c < chunks; ++c) {
    std::string chunk;
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return ready[c] != 0; });
      chunk = std::move(bufs[c]);
    }
    file.Write(chunk);
    {
      std::lock_guard lock(mu);
      written = c + 1;
    }
    cv.notify_all();
  }
  helper.join();
  helper2.join();
}

Status WriteResultsCsv(const std::string& path, std::span<const Enterprise> input, const Evaluation& ev) {
  BufferedFile file(path);
  if (!file.ok()) return file.Close();
  const auto cols = OutputColumns(ev);
  std::vector<std::string_view> header(cols.begin(), cols.end());
  io::AppendCsvRow(file.buf(), header);
  WriteChunked(file, input.size(), [&](size_t begin, size_t end, std::string& out) {
    for (size_t i = begin; i < end; ++i) {
      CsvSink sink{out};
      EmitRow(input[i], ev, i, sink);
      out.push_back('\n');
    }
  });
  return file.Close();
}

Status WriteResultsXlsx(const std::string& path, std::span<const Enterprise> input, const Evaluation& ev) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows are streamed: a million rows stay small in memory
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) return Error{ErrorCode::kInternal, "cannot create " + path, {}, {}};
  lxw_worksheet* ws = workbook_add_worksheet(wb, "results");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "0.00");
  const auto cols = OutputColumns(ev);
  for (size_t c = 0; c < cols.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), cols[c].c_str(), bold);
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (size_t i = 0; i < input.size(); ++i) {
    XlsxSink sink{ws, money, static_cast<lxw_row_t>(i + 1)};
    EmitRow(input[i], ev, i, sink);
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    return Error{ErrorCode::kInternal, "cannot write " + path + ": " + lxw_strerror(err), {}, {}};
  }
  return Ok{};
}

Status WriteResultsJson(const std::string& path, const Scheme& scheme, std::span<const Enterprise> input,
                        const Evaluation& ev) {
  BufferedFile file(path);
  if (!file.ok()) return file.Close();
  const auto cols = OutputColumns(ev);
  std::string& out = file.buf();
  out += "{\"scheme\":" + SchemeToJson(scheme).dump() + ",\n\"results\":[\n";
  for (size_t i = 0; i < input.size(); ++i) {
    JsonSink sink{out, cols};
    EmitRow(input[i], ev, i, sink);
    out += i + 1 < input.size() ? "},\n" : "}\n";
    file.MaybeFlush();
  }
  out += "],\n\"summary\":" + SummaryJson(scheme, ev).dump() + "}\n";
  return file.Close();
}

nlohmann::json SummaryJson(const Scheme& scheme, const Evaluation& ev) {
  using json = nlohmann::json;
  json groups = json::array();
  for (const auto& g : ev.groups) {
    json j = {{"group", GroupName(g.group)}, {"count", g.count}};
    if (g.group == Group::kAbove || g.group == Group::kBelow) {
      j["n"] = g.n;
      j["undetermined"] = g.undetermined;
      j["vetoed"] = g.vetoed;
      j["class_limits"] = {{"A", g.class_limits[0]}, {"B", g.class_limits[1]}, {"C", g.class_limits[2]}};
      j["class_counts"] = {{"A", g.class_counts[0]}, {"B", g.class_counts[1]}, {"C", g.class_counts[2]},
                           {"D", g.class_counts[3]}};
      json b = json::object();
      for (const auto& [id, value] : g.benchmarks) b[std::string(IndicatorName(id))] = value ? json(*value) : json(nullptr);
      j["benchmarks"] = b;
    }
    groups.push_back(j);
  }
  return {{"scheme", scheme.name}, {"groups", groups}};
}

}  // namespace gj::land

#include "service/land_efficiency/export.h"

#include <array>
#include <atomic>
#include <charconv>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "io/csv.h"
#include "io/xlsx_table.h"

namespace gj::land {

namespace {

constexpr size_t kFlushBytes = 1 << 22;  // the JSON writer hands the sink this much at a time

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
void EmitRow(const Names& names, const Evaluation& ev, size_t i, Sink& sink) {
  const EnterpriseResult& r = ev.results[i];
  const bool evaluated =
      r.status != EnterpriseStatus::kExcluded && r.status != EnterpriseStatus::kNotEvaluated;
  sink.Text(names.Code(i));
  sink.Text(names.Name(i));
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
    double x, s;
    ev.XS(i, c, x, s);
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
  io::XlsxTable& table;
  uint32_t row;
  uint16_t col = 0;
  void Text(std::string_view s) { table.Text(row, col++, s); }
  void Number(double v) { table.Number(row, col++, v == 0 ? 0.0 : v); }
  void Int(int64_t v) { table.Number(row, col++, static_cast<double>(v)); }
  void Cents(int64_t c) { table.Money(row, col++, static_cast<double>(c) / 100); }
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
// page cache were each about a third of a million-row evaluation. A few buffers go round (chunk c
// is formatted into buffer c % kBuffers once chunk c − kBuffers is written): a fresh buffer per
// chunk faulted in new pages for every byte of the output.
template <class FormatRows>
void WriteChunked(io::ByteSink& out, size_t n, FormatRows format_rows) {
  constexpr size_t kChunkRows = 16384;
  constexpr size_t kBuffers = 4;
  const size_t chunks = (n + kChunkRows - 1) / kChunkRows;
  std::array<std::string, kBuffers> bufs;
  std::vector<char> ready(chunks, 0);
  std::mutex mu;
  std::condition_variable cv;
  size_t written = 0;
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t c; (c = next.fetch_add(1)) < chunks;) {
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return c < written + kBuffers; });
      }
      std::string& buf = bufs[c % kBuffers];
      buf.clear();
      format_rows(c * kChunkRows, std::min(n, (c + 1) * kChunkRows), buf);
      std::lock_guard lock(mu);
      ready[c] = 1;
      cv.notify_all();
    }
  };
  std::thread helper(worker);
  std::thread helper2(worker);
  for (size_t c = 0; c < chunks; ++c) {
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return ready[c] != 0; });
    }
    out.Write(bufs[c % kBuffers]);  // no worker touches it until `written` passes c
    {
      std::lock_guard lock(mu);
      written = c + 1;
    }
    cv.notify_all();
  }
  helper.join();
  helper2.join();
}

void WriteResultsCsv(io::ByteSink& out, const Names& names, const Evaluation& ev) {
  const auto cols = OutputColumns(ev);
  std::vector<std::string_view> header(cols.begin(), cols.end());
  std::string head;
  io::AppendCsvRow(head, header);
  out.Write(head);
  WriteChunked(out, names.size(), [&](size_t begin, size_t end, std::string& chunk) {
    for (size_t i = begin; i < end; ++i) {
      CsvSink sink{chunk};
      EmitRow(names, ev, i, sink);
      chunk.push_back('\n');
    }
  });
}

void WriteResultsXlsx(io::XlsxTable& out, const Names& names, const Evaluation& ev) {
  out.Header(OutputColumns(ev));
  for (size_t i = 0; i < names.size(); ++i) {
    XlsxSink sink{out, static_cast<uint32_t>(i + 1)};
    EmitRow(names, ev, i, sink);
  }
}

void WriteResultsJson(io::ByteSink& sink, const Scheme& scheme, const Names& names, const Evaluation& ev) {
  const auto cols = OutputColumns(ev);
  std::string out;
  out.reserve(kFlushBytes + 4096);
  out += "{\"scheme\":" + SchemeToJson(scheme).dump() + ",\n\"results\":[\n";
  for (size_t i = 0; i < names.size(); ++i) {
    JsonSink row{out, cols};
    EmitRow(names, ev, i, row);
    out += i + 1 < names.size() ? "},\n" : "}\n";
    if (out.size() >= kFlushBytes) {
      sink.Write(out);
      out.clear();
    }
  }
  out += "],\n\"summary\":" + SummaryJson(scheme, ev).dump() + "}\n";
  sink.Write(out);
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
      j["class_limits"] = ByClass(g.class_limits);
      j["class_counts"] = ByClass(g.class_counts);
      json b = json::object();
      for (const auto& [id, value] : g.benchmarks)
        b[std::string(IndicatorName(id))] = value ? json(*value) : json(nullptr);
      j["benchmarks"] = b;
    }
    groups.push_back(j);
  }
  return {{"scheme", scheme.name}, {"groups", groups}};
}

}  // namespace gj::land

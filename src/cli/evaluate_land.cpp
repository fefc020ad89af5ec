#include "cli/evaluate_land.h"

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

#include "domain/land_efficiency/evaluate.h"
#include "domain/land_efficiency/scheme.h"
#include "io/byte_sink.h"
#include "io/csv.h"
#include "io/xlsx_table.h"
#include "service/land_efficiency/export.h"
#include "service/land_efficiency/input.h"

namespace gj::cli {

namespace {

constexpr int kExitInvalid = 2;
constexpr int kExitIo = 1;

void PrintError(const Error& e, std::ostream& err, const std::string& context) {
  err << context << e.message << "\n";
  for (const auto& d : e.details) {
    // Row problems read "row N, column C, value V: reason"; others "field (value V): reason".
    if (d.field.starts_with("row ")) err << d.field << ", value " << d.value << ": " << d.reason << "\n";
    else if (d.value.empty()) err << "  " << d.field << ": " << d.reason << "\n";
    else err << "  " << d.field << " (" << d.value << "): " << d.reason << "\n";
  }
}

std::string Extension(const std::string& path) {
  const auto dot = path.rfind('.');
  if (dot == std::string::npos) return "";
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

Result<land::Scheme> LoadScheme(const std::string& path) {
  if (path.empty()) return land::ShandongScheme();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Invalid("cannot read the scheme file " + path);
  std::stringstream text;
  text << in.rdbuf();
  return land::ParseScheme(text.str());
}

// A CSV input as land::ParseInputCsv reads it (the same rows, problems and messages), with the
// table reserved for one enterprise per line, capped by the reader's row limit: growing a
// million-row table by doubling copied it and faulted in its pages twice over (an untouched
// reservation costs no memory). The operator's own file; the server keeps ParseInputCsv.
Result<land::InputTable> ReadCsvInput(const std::string& path) {
  auto file = io::MappedFile::Open(path);
  if (!file) return file.error();
  const std::string_view data = file->data();
  const io::CsvLimits limits;
  size_t lines = 1;
  for (const char* p = data.data(); lines < limits.max_rows;) {
    p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(data.data() + data.size() - p)));
    if (!p) break;
    ++p;
    ++lines;
  }
  land::InputParser parser;
  parser.Reserve(lines - 1);
  std::optional<Error> header_error;
  auto st = io::ForEachCsvRow(
      data,
      [&](size_t record, std::span<const std::string_view> cells) {
        if (record == 1) {
          auto h = parser.Header(cells);
          if (!h) header_error = h.error();
          return h.ok();
        }
        parser.Row(record, cells);
        return true;
      },
      limits);
  if (!st) return st.error();
  if (header_error) return *header_error;
  if (data.empty() || data == "\xEF\xBB\xBF") return Error::Invalid("the input is empty (no header row)");
  return parser.Finish();
}

Result<land::InputTable> ReadInput(const std::string& path) {
  if (Extension(path) == "csv") return ReadCsvInput(path);
  return land::ReadInputFile(path);
}

// Every output goes to a temporary file beside its target and is renamed only once all were
// written, so a failed run leaves no partial or stale-looking result behind.
class TempOutputs {
 public:
  ~TempOutputs() {
    for (const auto& [tmp, final_path] : files_) std::remove(tmp.c_str());
  }
  std::string Add(const std::string& final_path) {
    std::string tmp = final_path + ".tmp-" + std::to_string(::getpid());
    files_.emplace_back(tmp, final_path);
    return tmp;
  }
  Status Commit() {
    for (const auto& [tmp, final_path] : files_) {
      if (std::rename(tmp.c_str(), final_path.c_str()) != 0) {
        return Error{ErrorCode::kInternal, "cannot move the result to " + final_path, {}, {}};
      }
    }
    files_.clear();
    return Ok{};
  }

 private:
  std::vector<std::pair<std::string, std::string>> files_;
};

// The results in the format of `ext`, written to `path` (opened here: the writers only format).
Status WriteResults(const std::string& ext, const std::string& path, const land::Scheme& scheme,
                    std::span<const land::Enterprise> enterprises, const land::Evaluation& ev) {
  if (ext == "xlsx") {
    auto table = io::XlsxTable::Create(path, "results");
    if (!table) return table.error();
    land::WriteResultsXlsx(**table, enterprises, ev);
    return (*table)->Close();
  }
  io::FileSink file(path);
  if (ext == "csv") land::WriteResultsCsv(file, enterprises, ev);
  else land::WriteResultsJson(file, scheme, enterprises, ev);
  return file.Close();
}

}  // namespace

int EvaluateLand(const EvaluateLandOptions& o, std::ostream& out, std::ostream& err) {
  const std::string ext = Extension(o.output);
  if (ext != "csv" && ext != "xlsx" && ext != "json") {
    err << "the output must end in .csv, .xlsx or .json: " << o.output << "\n";
    return kExitInvalid;
  }
  auto scheme = LoadScheme(o.scheme);
  if (!scheme) {
    PrintError(scheme.error(), err,
               "scheme " + (o.scheme.empty() ? std::string("shandong") : o.scheme) + ": ");
    return kExitInvalid;
  }
  auto table = ReadInput(o.input);
  if (!table) {
    PrintError(table.error(), err, o.input + ": ");
    return kExitInvalid;
  }
  const auto& enterprises = table->enterprises;
  const land::Evaluation ev = land::Evaluate(*scheme, enterprises);

  TempOutputs temps;
  const std::string tmp = temps.Add(o.output);
  Status written = WriteResults(ext, tmp, *scheme, enterprises, ev);
  if (written && !o.summary.empty()) {
    const std::string tmp_summary = temps.Add(o.summary);
    std::ofstream s(tmp_summary, std::ios::binary);
    s << land::SummaryJson(*scheme, ev).dump(2) << "\n";
    s.close();
    if (!s) written = Error{ErrorCode::kInternal, "cannot write " + o.summary, {}, {}};
  }
  if (written) written = temps.Commit();
  if (!written) {
    err << written.error().message << "\n";
    return kExitIo;
  }
  out << "evaluated " << enterprises.size() << " enterprises with scheme " << scheme->name << " → "
      << o.output << "\n";
  return 0;
}

}  // namespace gj::cli

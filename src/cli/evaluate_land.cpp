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
                    const land::Names& names, const land::Evaluation& ev) {
  if (ext == "xlsx") {
    auto table = io::XlsxTable::Create(path, "results");
    if (!table) return table.error();
    land::WriteResultsXlsx(**table, names, ev);
    return (*table)->Close();
  }
  io::FileSink file(path);
  if (ext == "csv") land::WriteResultsCsv(file, names, ev);
  else land::WriteResultsJson(file, scheme, names, ev);
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
  auto input = land::ReadInputFile(o.input, *scheme);
  if (!input) {
    PrintError(input.error(), err, o.input + ": ");
    return kExitInvalid;
  }
  const size_t count = input->names.size();
  const land::Evaluation ev = land::Evaluate(*scheme, std::move(input->figures));

  TempOutputs temps;
  const std::string tmp = temps.Add(o.output);
  Status written = WriteResults(ext, tmp, *scheme, input->names, ev);
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
  out << "evaluated " << count << " enterprises with scheme " << scheme->name << " → " << o.output << "\n";
  return 0;
}

}  // namespace gj::cli

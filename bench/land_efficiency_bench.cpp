// Where the time of `gongjian evaluate land` goes, phase by phase, on files made by
// bench/land_gen.py (GJ_LAND_CSV, default /tmp/gj-land-bench/land_1m.csv; GJ_LAND_XLSX, default
// /tmp/gj-land-bench/land_100k.xlsx). The end-to-end wall time and peak memory are measured by
// bench/land_eval.sh with /usr/bin/time.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

#include "domain/land_efficiency/evaluate.h"
#include "io/csv.h"
#include "io/xlsx_reader.h"
#include "service/land_efficiency/export.h"
#include "service/land_efficiency/input.h"

namespace {

std::string Env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v ? v : fallback;
}

const std::string kCsv = Env("GJ_LAND_CSV", "/tmp/gj-land-bench/land_1m.csv");
const std::string kXlsx = Env("GJ_LAND_XLSX", "/tmp/gj-land-bench/land_100k.xlsx");

void CsvTokenize(benchmark::State& state) {
  auto file = gj::io::MappedFile::Open(kCsv);
  if (!file) return state.SkipWithError(("no input: " + kCsv).c_str());
  for (auto _ : state) {
    size_t cells = 0;
    auto st = gj::io::ForEachCsvRow(file->data(), [&](size_t, std::span<const std::string_view> c) {
      cells += c.size();
      return true;
    });
    benchmark::DoNotOptimize(cells);
  }
}

void ParseInput(benchmark::State& state) {
  auto file = gj::io::MappedFile::Open(kCsv);
  if (!file) return state.SkipWithError(("no input: " + kCsv).c_str());
  for (auto _ : state) {
    auto table = gj::land::ParseInputCsv(file->data());
    benchmark::DoNotOptimize(table.ok());
  }
}

void ReadInputFile(benchmark::State& state) {
  const auto scheme = gj::land::ShandongScheme();
  for (auto _ : state) {
    auto input = gj::land::ReadInputFile(kCsv, scheme);
    benchmark::DoNotOptimize(input.ok());
  }
}

struct Loaded {
  gj::land::CompactInput input;
  gj::land::Scheme scheme = gj::land::ShandongScheme();
};

Loaded* Load() {
  static Loaded* loaded = [] {
    auto* l = new Loaded;
    auto t = gj::land::ReadInputFile(kCsv, l->scheme);
    if (t) l->input = std::move(t.value());
    return l;
  }();
  return loaded;
}

void EvaluateOnly(benchmark::State& state) {
  Loaded* l = Load();
  if (l->input.figures.empty()) return state.SkipWithError("no input");
  for (auto _ : state) {
    auto ev = gj::land::Evaluate(l->scheme, l->input.figures);
    benchmark::DoNotOptimize(ev.results.data());
  }
}

void WriteCsv(benchmark::State& state) {
  Loaded* l = Load();
  if (l->input.figures.empty()) return state.SkipWithError("no input");
  const auto ev = gj::land::Evaluate(l->scheme, l->input.figures);
  const std::string out = (std::filesystem::temp_directory_path() / "gj_land_bench_out.csv").string();
  for (auto _ : state) {
    gj::io::FileSink file(out);
    gj::land::WriteResultsCsv(file, l->input.names, ev);
    auto st = file.Close();
    benchmark::DoNotOptimize(st.ok());
  }
  std::filesystem::remove(out);
}

void ReadXlsx(benchmark::State& state) {
  if (!std::filesystem::exists(kXlsx)) return state.SkipWithError(("no input: " + kXlsx).c_str());
  for (auto _ : state) {
    auto rows = gj::io::ReadXlsxFile(kXlsx);
    benchmark::DoNotOptimize(rows.ok());
  }
}

}  // namespace

BENCHMARK(CsvTokenize)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(ParseInput)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(ReadInputFile)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(EvaluateOnly)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(WriteCsv)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(ReadXlsx)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_MAIN();

// The xlsx reader alone (io::ReadXlsxFile), best of N: the part of an import or of an
// `evaluate land --input x.xlsx` that reads the sheet.
//   xlsx_read_bench FILE.xlsx [N]
#include <cstdio>
#include <cstdlib>

#include "bench_clock.h"
#include "io/xlsx_reader.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: xlsx_read_bench FILE.xlsx [N]\n");
    return 2;
  }
  const int n = argc > 2 ? std::atoi(argv[2]) : 3;
  double best_wall = 1e9, best_cpu = 1e9;
  size_t rows = 0, cells = 0;
  for (int i = 0; i < n; ++i) {
    gj::bench::StepClock clock;
    gj::io::XlsxLimits limits;
    limits.max_part_bytes = limits.max_uncompressed_bytes = 1ull << 32;
    limits.max_rows = limits.max_cells = 1ull << 31;
    limits.max_text_bytes = 1ull << 33;
    auto r = gj::io::ReadXlsxFile(argv[1], "", limits);
    const double wall = clock.WallSeconds(), cpu = clock.CpuSecondsSince();
    if (!r) {
      std::fprintf(stderr, "read failed: %s\n", r.error().message.c_str());
      return 1;
    }
    rows = r->size();
    cells = 0;
    for (const auto& row : *r) cells += row.size();
    if (wall < best_wall) best_wall = wall;
    if (cpu < best_cpu) best_cpu = cpu;
  }
  std::printf("read %s: %zu rows, %zu cells: best %.3f s wall, %.3f s CPU\n", argv[1], rows, cells, best_wall,
              best_cpu);
  return 0;
}

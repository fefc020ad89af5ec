// What every bench does first: read DIR [N] from its arguments and write a fresh demo database.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "service/demo/demo.h"
#include "store/db.h"

namespace gj::bench {

// DIR (created) and N projects (100,000 unless given).
struct BenchArgs {
  std::string dir;
  int n = 100000;
};

// The arguments, or nullopt after printing the usage of `name` (the bench then exits 2).
inline std::optional<BenchArgs> ReadArgs(int argc, char** argv, const char* name) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [N]\n", name);
    return std::nullopt;
  }
  BenchArgs a{argv[1]};
  if (argc > 2) a.n = std::atoi(argv[2]);
  std::filesystem::create_directories(a.dir);
  return a;
}

// A new SQLite database at `path` (any earlier one removed) holding the demo data of `today`.
inline std::unique_ptr<store::Database> FreshDemo(const std::string& path, const Date& today,
                                                  const std::string& now, bool organisation_only = false) {
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
  auto db = store::Database::Open(path);
  auto r = service::BuildDemo(*db, today, now, organisation_only);
  if (!r) throw std::runtime_error(r.error().message);
  return db;
}

}  // namespace gj::bench

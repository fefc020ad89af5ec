// Internal to the xlsx reader: the parts of a zip archive in memory (minizip), inflated under caps
// that are checked on the bytes actually produced, chunk by chunk, whatever the zip header declares.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "io/xlsx_reader.h"

namespace gj::io::xlsx {

// The bytes all readers of one workbook may still inflate (shared between threads).
struct InflateBudget {
  explicit InflateBudget(uint64_t max) : max(max) {}
  const uint64_t max;
  std::atomic<uint64_t> used{0};
};

struct MemStream {
  std::string_view data;
  uint64_t pos = 0;
};

class Archive {
 public:
  Archive(std::string_view bytes, const XlsxLimits& limits, InflateBudget& budget);
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  bool ok() const { return zip_ != nullptr; }

  // The inflated part, nullopt when it does not exist. `max_bytes`: this part's cap (at most
  // limits.max_part_bytes). Over a cap: 413; corrupt or a size other than declared: 422.
  Result<std::optional<std::string>> Read(const std::string& name, uint64_t max_bytes);

 private:
  Result<std::string> Inflate(const std::string& name, uint64_t declared, uint64_t compressed, uint64_t cap);

  MemStream stream_;
  XlsxLimits limits_;
  InflateBudget& budget_;
  void* zip_ = nullptr;  // unzFile
};

}  // namespace gj::io::xlsx

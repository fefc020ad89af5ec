// Internal to the xlsx reader: the parts of a zip archive in memory (minizip), inflated under caps
// that are checked on the bytes actually produced, chunk by chunk, whatever the zip header declares.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
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

  // The part inflated in chunks of at most `chunk_bytes`, each handed to `sink` as it comes and
  // not kept (the caps are the same as Read's, checked before each chunk is handed on); false when
  // the part does not exist. A sink's error stops the inflating and is returned as it is. The
  // checksum and the declared size are checked after the last chunk.
  using Sink = std::function<Status(std::string_view)>;
  Result<bool> Stream(const std::string& name, uint64_t max_bytes, size_t chunk_bytes, const Sink& sink);

 private:
  Status Inflate(const std::string& name, uint64_t declared, uint64_t compressed, uint64_t cap,
                 size_t chunk_bytes, const Sink& sink);

  MemStream stream_;
  XlsxLimits limits_;
  uint64_t reserve_ = 0;  // the bytes Read reserves for the part being inflated
  InflateBudget& budget_;
  void* zip_ = nullptr;  // unzFile
};

// Chunks handed from the thread that inflates a part to the one that scans it, at most `max_chunks`
// waiting (the memory between the two stays bounded; the inflating side waits).
class ChunkQueue {
 public:
  explicit ChunkQueue(size_t max_chunks) : max_(max_chunks) {}
  // Inflating side: false once the scanning side stopped (inflate no further).
  bool Push(std::string chunk);
  void Close();  // no more chunks
  // Scanning side: the next chunk, nullopt after the last one (or once stopped).
  std::optional<std::string> Pop();
  void Stop();  // no more chunks wanted; Push returns false from now on
  bool stopped();

 private:
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::string> q_;
  size_t max_;
  bool closed_ = false, stopped_ = false;
};

}  // namespace gj::io::xlsx

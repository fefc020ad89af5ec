// Where a writer of a large output (the land results: a million rows) sends its bytes, so the
// writer formats and never opens a file itself: the CLI hands it a FileSink on its path, the server
// a StringSink whose bytes it answers. Writes are appended in order; failures are remembered and
// reported once, by Close().
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "common/result.h"

namespace gj::io {

class ByteSink {
 public:
  virtual ~ByteSink() = default;
  virtual void Write(std::string_view bytes) = 0;
  // Ok when every byte was kept (kInternal naming the target otherwise). Nothing may follow it.
  virtual Status Close() = 0;
};

// Keeps the bytes in memory.
class StringSink final : public ByteSink {
 public:
  void Write(std::string_view bytes) override { bytes_.append(bytes); }
  Status Close() override { return Ok{}; }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

// Creates (or truncates) the file at `path`; an unopenable path is reported by Close().
class FileSink final : public ByteSink {
 public:
  explicit FileSink(std::string path);
  ~FileSink() override;
  FileSink(const FileSink&) = delete;
  FileSink& operator=(const FileSink&) = delete;
  void Write(std::string_view bytes) override;
  Status Close() override;

 private:
  std::string path_;
  std::FILE* f_;
  int open_errno_ = 0;
  bool failed_ = false;
};

}  // namespace gj::io

#include "io/byte_sink.h"

#include <cerrno>
#include <cstring>

namespace gj::io {

FileSink::FileSink(std::string path) : path_(std::move(path)), f_(std::fopen(path_.c_str(), "wb")) {
  if (!f_) open_errno_ = errno;
}

FileSink::~FileSink() {
  if (f_) std::fclose(f_);
}

void FileSink::Write(std::string_view bytes) {
  if (f_ && !bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), f_) != bytes.size()) failed_ = true;
}

Status FileSink::Close() {
  if (!f_)
    return Error{ErrorCode::kInternal, "cannot create " + path_ + ": " + std::strerror(open_errno_), {}, {}};
  const bool closed = std::fclose(f_) == 0;
  f_ = nullptr;
  if (failed_ || !closed) return Error{ErrorCode::kInternal, "cannot write " + path_, {}, {}};
  return Ok{};
}

}  // namespace gj::io

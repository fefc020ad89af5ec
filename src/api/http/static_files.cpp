#include "api/http/static_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

#include "api/http/target.h"

namespace gj::api::http {

namespace {

constexpr size_t kMaxFileBytes = 64u << 20;

// The whole regular file at `path` (no directory, device or FIFO); false otherwise.
bool ReadRegularFile(const std::string& path, std::string& out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) <= kMaxFileBytes;
  if (ok) {
    out.resize(static_cast<size_t>(st.st_size));
    size_t done = 0;
    while (done < out.size()) {
      const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    out.resize(done);
  }
  ::close(fd);
  return ok;
}

}  // namespace

const char* CacheControlOf(const std::string& path) {
  return path.rfind("/assets/", 0) == 0 ? "public, max-age=31536000, immutable" : "no-cache";
}

StaticFiles::StaticFiles(std::string dir) : dir_(std::move(dir)) {
  struct stat st {};
  enabled_ = !dir_.empty() && ::stat((dir_ + "/index.html").c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool StaticFiles::ServeFile(const std::string& relative, Response& res) const {
  std::string bytes;
  if (!ReadRegularFile(dir_ + relative, bytes)) return false;
  res.status = 200;
  res.set_content(std::move(bytes), std::string(ContentTypeOf(relative)));
  res.set_header("Cache-Control", CacheControlOf(relative));
  return true;
}

bool StaticFiles::Serve(const Request& req, Response& res) const {
  if (!enabled_ || (req.method != "GET" && req.method != "HEAD")) return false;
  if (req.path.empty() || req.path.front() != '/') return false;
  // ParseTarget refused ".." segments and NUL; checked again, this being the one place that opens.
  if (req.path.find("..") != std::string::npos || req.path.find('\\') != std::string::npos) return false;
  return ServeFile(req.path.back() == '/' ? req.path + "index.html" : req.path, res);
}

bool StaticFiles::ServeIndex(Response& res) const { return enabled_ && ServeFile("/index.html", res); }

}  // namespace gj::api::http

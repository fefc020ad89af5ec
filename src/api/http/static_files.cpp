#include "api/http/static_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
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

bool IsRegularFile(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The q of one Accept-Encoding element's parameters (";q=0.5"): 1 when none, 0 when malformed.
double QualityOf(std::string_view params) {
  while (!params.empty()) {
    const size_t semi = params.find(';', 1);
    std::string_view param = TrimSpace(params.substr(1, semi == std::string_view::npos ? semi : semi - 1));
    params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi);
    if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
      const std::string value(TrimSpace(param.substr(2)));
      char* end = nullptr;
      const double q = std::strtod(value.c_str(), &end);
      return end && *end == '\0' && !value.empty() && q > 0 ? q : 0;
    }
  }
  return 1;
}

// The variants the web build wrote beside a file, best first, with their Content-Encoding.
constexpr std::pair<const char*, const char*> kVariants[] = {{".br", "br"}, {".gz", "gzip"}};

}  // namespace

bool AcceptsEncoding(std::string_view accept_encoding, std::string_view coding) {
  double named = -1, star = -1;
  while (!accept_encoding.empty()) {
    const size_t comma = accept_encoding.find(',');
    std::string_view element = accept_encoding.substr(0, comma);
    accept_encoding =
        comma == std::string_view::npos ? std::string_view{} : accept_encoding.substr(comma + 1);
    const size_t semi = element.find(';');
    const std::string_view name = TrimSpace(element.substr(0, semi));
    const double q = semi == std::string_view::npos ? 1 : QualityOf(element.substr(semi));
    if (IEquals(name, coding)) named = q;
    else if (name == "*") star = q;
  }
  return named >= 0 ? named > 0 : star > 0;
}

const char* CacheControlOf(const std::string& path) {
  return path.rfind("/assets/", 0) == 0 ? "public, max-age=31536000, immutable" : "no-cache";
}

StaticFiles::StaticFiles(std::string dir) : dir_(std::move(dir)) {
  struct stat st {};
  enabled_ = !dir_.empty() && ::stat((dir_ + "/index.html").c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool StaticFiles::ServeFile(const std::string& relative, const Request& req, Response& res) const {
  const std::string path = dir_ + relative;
  if (!IsRegularFile(path)) return false;
  const std::string accept = req.get_header_value("Accept-Encoding");
  std::string bytes;
  const char* encoding = nullptr;
  bool has_variant = false;
  for (const auto& [suffix, coding] : kVariants) {
    if (!IsRegularFile(path + suffix)) continue;
    has_variant = true;
    if (!encoding && AcceptsEncoding(accept, coding) && ReadRegularFile(path + suffix, bytes))
      encoding = coding;
  }
  if (!encoding && !ReadRegularFile(path, bytes)) return false;
  res.status = 200;
  res.set_content(std::move(bytes), std::string(ContentTypeOf(relative)));
  if (encoding) res.set_header("Content-Encoding", encoding);
  // A cache between must keep the variants apart (and not hand br to a client without it).
  if (has_variant) res.set_header("Vary", "Accept-Encoding");
  res.set_header("Cache-Control", CacheControlOf(relative));
  return true;
}

bool StaticFiles::Serve(const Request& req, Response& res) const {
  if (!enabled_ || (req.method != "GET" && req.method != "HEAD")) return false;
  if (req.path.empty() || req.path.front() != '/') return false;
  // ParseTarget refused ".." segments and NUL; checked again, this being the one place that opens.
  if (req.path.find("..") != std::string::npos || req.path.find('\\') != std::string::npos) return false;
  return ServeFile(req.path.back() == '/' ? req.path + "index.html" : req.path, req, res);
}

bool StaticFiles::ServeIndex(const Request& req, Response& res) const {
  return enabled_ && ServeFile("/index.html", req, res);
}

}  // namespace gj::api::http

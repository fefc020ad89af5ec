#include "common/private_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace gj {

namespace {

constexpr mode_t kGroupOther = 077;

// Takes the group/other bits off what `st` describes at `path`; warns once per tightening.
bool Tighten(const std::string& path, const struct stat& st) {
  if ((st.st_mode & kGroupOther) == 0) return true;
  const mode_t want = st.st_mode & 0700;
  if (::chmod(path.c_str(), want) != 0) {
    std::fprintf(
        stderr,
        "gongjian: warning: %s is readable by other local users (mode %04o) and cannot be made private: %s\n",
        path.c_str(), static_cast<unsigned>(st.st_mode & 07777), std::strerror(errno));
    return false;
  }
  std::fprintf(stderr, "gongjian: warning: %s was open to other local users (mode %04o): now %04o\n",
               path.c_str(), static_cast<unsigned>(st.st_mode & 07777), static_cast<unsigned>(want));
  return true;
}

}  // namespace

bool EnsurePrivateFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kPrivateFileMode);
  if (fd >= 0) {
    // The mode asked for at creation is masked by the umask; 0600 has no bits a umask would add.
    ::close(fd);
    return true;
  }
  if (errno != EEXIST) return true;  // the caller's own open reports a missing directory
  return TightenIfPresent(path);
}

bool TightenIfPresent(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return true;
  return Tighten(path, st);
}

bool EnsurePrivateDir(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return S_ISDIR(st.st_mode) && Tighten(path, st);
  std::error_code ec;
  const std::filesystem::path p(path);
  if (p.has_parent_path() && !p.parent_path().empty())
    std::filesystem::create_directories(p.parent_path(), ec);
  if (::mkdir(path.c_str(), kPrivateDirMode) != 0 && errno != EEXIST) return false;
  // Another process may have made it first with its own mode: check what is there now.
  if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
  return Tighten(path, st);
}

int CreatePrivateFile(const std::string& path) {
  return ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kPrivateFileMode);
}

bool WriteAllAndSync(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    size -= static_cast<size_t>(n);
  }
  return ::fsync(fd) == 0;
}

bool SyncDir(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace gj

#include "io/file_store.h"

#include <unistd.h>

#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "common/private_files.h"

namespace gj::io {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxKeyBytes = 200;

void CheckKey(const std::string& key) {
  if (!ValidKey(key)) throw std::invalid_argument("not a file store key: " + key);
}

Error Internal(const std::string& what) { return {ErrorCode::kInternal, what, {}, {}}; }

Result<std::string> ReadWhole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::NotFound("no stored file " + path.filename().string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Unique within the machine: the process id and a counter (and the key, for a reader of the dir).
std::string ScratchName(const std::string& stem) {
  static std::atomic<uint64_t> n{0};
  return stem + "." + std::to_string(::getpid()) + "-" + std::to_string(n++);
}

}  // namespace

bool ValidKey(std::string_view key) {
  if (key.empty() || key.size() > kMaxKeyBytes || key.front() == '.') return false;
  for (const unsigned char ch : key) {
    if (!std::isalnum(ch) && ch != '.' && ch != '_' && ch != '-') return false;
  }
  return true;
}

std::string LocalFileStore::PathOf(const std::string& key) const {
  CheckKey(key);
  return (fs::path(dir_) / key).string();
}

LocalFileStore::LocalFileStore(std::string dir) : dir_(std::move(dir)) {
  // A directory of an older version (created with the umask's mode) is tightened with its files.
  std::error_code ec;
  if (!fs::is_directory(dir_, ec)) return;
  EnsurePrivateDir(dir_);
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    if (entry.is_regular_file(ec)) TightenIfPresent(entry.path().string());
  }
}

Status LocalFileStore::Put(const std::string& key, std::string_view bytes) {
  const std::string path = PathOf(key);
  if (!EnsurePrivateDir(dir_)) return Internal("cannot store the file");
  // A leading dot keeps the half-written file from being a key anyone can read. The bytes are on
  // the disk before the rename and the rename is before Put returns: a document the database names
  // survives a power loss with it.
  const fs::path tmp = fs::path(dir_) / ("." + ScratchName(key));
  const int fd = CreatePrivateFile(tmp.string());
  if (fd < 0) return Internal("cannot store the file");
  const bool written = WriteAllAndSync(fd, bytes.data(), bytes.size());
  const bool closed = ::close(fd) == 0;
  std::error_code ec;
  if (!written || !closed) {
    fs::remove(tmp, ec);
    return Internal("cannot store the file");
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Internal("cannot store the file");
  }
  SyncDir(dir_);
  return Ok{};
}

Result<std::string> LocalFileStore::Get(const std::string& key) const { return ReadWhole(PathOf(key)); }

Status LocalFileStore::Remove(const std::string& key) {
  std::error_code ec;
  fs::remove(PathOf(key), ec);
  if (ec) return Internal("cannot remove the stored file " + key);
  return Ok{};
}

bool LocalFileStore::Exists(const std::string& key) const {
  std::error_code ec;
  return fs::is_regular_file(PathOf(key), ec);
}

Status MemoryFileStore::Put(const std::string& key, std::string_view bytes) {
  CheckKey(key);
  std::lock_guard lock(mu_);
  files_[key] = std::string(bytes);
  return Ok{};
}

Result<std::string> MemoryFileStore::Get(const std::string& key) const {
  CheckKey(key);
  std::lock_guard lock(mu_);
  auto it = files_.find(key);
  if (it == files_.end()) return Error::NotFound("no stored file " + key);
  return it->second;
}

Status MemoryFileStore::Remove(const std::string& key) {
  CheckKey(key);
  std::lock_guard lock(mu_);
  files_.erase(key);
  return Ok{};
}

bool MemoryFileStore::Exists(const std::string& key) const {
  CheckKey(key);
  std::lock_guard lock(mu_);
  return files_.count(key) > 0;
}

Result<std::string> BytesWrittenTo(const std::string& ext,
                                   const std::function<Status(const std::string& path)>& write) {
  std::error_code ec;
  const fs::path path = fs::temp_directory_path() / (ScratchName("gj-scratch") + ext);
  // Made 0600 before the library writes it (it truncates the file and keeps the mode): the bytes
  // are an export of the county's data and other local users must not read them meanwhile.
  if (const int fd = CreatePrivateFile(path.string()); fd >= 0) ::close(fd);
  Status st = write(path.string());
  Result<std::string> bytes = st ? ReadWhole(path) : Result<std::string>(st.error());
  fs::remove(path, ec);
  if (!bytes && st) return Internal("the written file is missing");
  return bytes;
}

}  // namespace gj::io

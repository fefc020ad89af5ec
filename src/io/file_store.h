// Where the server keeps the bytes of files (uploaded evidence, approval documents), behind one
// interface in the manner of LevelDB's Env: services name a file by key and never open, create or
// remove files themselves, so the bytes can live in a local directory today and in a directory
// every instance mounts (or an object store) tomorrow without touching a use case; tests use the
// in-memory store.
//
// Keys are names the caller made: 1–200 bytes of [A-Za-z0-9._-], not starting with a dot, so no
// key can name a path outside the store. A bad key is a programming error (std::invalid_argument).
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "common/result.h"

namespace gj::io {

class FileStore {
 public:
  virtual ~FileStore() = default;
  // Stores `bytes` under `key`, replacing what was there. A reader sees the old bytes or the new
  // ones, never a part (kInternal when the bytes cannot be kept).
  virtual Status Put(const std::string& key, std::string_view bytes) = 0;
  // The bytes under `key`; kNotFound when there are none.
  virtual Result<std::string> Get(const std::string& key) const = 0;
  // Forgets `key`; Ok when it was not there either.
  virtual Status Remove(const std::string& key) = 0;
  virtual bool Exists(const std::string& key) const = 0;
};

// True for a key the stores accept (see the file comment).
bool ValidKey(std::string_view key);

// One file per key in `dir` (created 0700 on the first Put; its files 0600, see
// common/private_files.h). Put writes a temporary file, syncs it and renames it. Constructing the
// store over an existing directory open to other users tightens it and its files (with a warning).
class LocalFileStore : public FileStore {
 public:
  explicit LocalFileStore(std::string dir);
  Status Put(const std::string& key, std::string_view bytes) override;
  Result<std::string> Get(const std::string& key) const override;
  Status Remove(const std::string& key) override;
  bool Exists(const std::string& key) const override;
  const std::string& dir() const { return dir_; }

 private:
  std::string PathOf(const std::string& key) const;
  std::string dir_;
};

// In memory, for tests and for tools that keep nothing; safe for concurrent use.
class MemoryFileStore : public FileStore {
 public:
  Status Put(const std::string& key, std::string_view bytes) override;
  Result<std::string> Get(const std::string& key) const override;
  Status Remove(const std::string& key) override;
  bool Exists(const std::string& key) const override;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::string> files_;
};

// For a library that writes only to a path (libxlsxwriter): runs `write`
// on a fresh scratch file named with `ext` (".xlsx"), returns the bytes it wrote and removes the
// file whatever happened. The error of `write` is returned as it is.
Result<std::string> BytesWrittenTo(const std::string& ext,
                                   const std::function<Status(const std::string& path)>& write);

}  // namespace gj::io

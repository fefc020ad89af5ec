// Files that hold the county's data (the SQLite database and its -wal/-shm, uploaded documents,
// scratch copies of exports) are the owner's only: created 0600 (directories 0700) whatever the
// process umask, and an existing one that other local users may read is tightened when the product
// opens it, with a line on stderr saying so (an operator should know the data was exposed).
//
// The one place that decides these modes: the store and the file store call it; nothing else
// creates such files.
#pragma once

#include <string>

namespace gj {

inline constexpr unsigned kPrivateFileMode = 0600;
inline constexpr unsigned kPrivateDirMode = 0700;

// Creates `path` as an empty 0600 file when nothing is there (an empty file is a valid new SQLite
// database); when a file is there with group/other permission bits, takes them away (and warns).
// Does nothing else: a path that cannot be created (its directory missing) is left for the caller's
// own open to report. Returns false only when a tightening was needed and failed.
bool EnsurePrivateFile(const std::string& path);

// As EnsurePrivateFile for a file that must already exist: tightens it when it is there, ignores it
// when it is not (SQLite's -wal and -shm of an older database).
bool TightenIfPresent(const std::string& path);

// Creates `path` (and its missing parents) as a 0700 directory, or tightens an existing one.
// Returns false when the directory is not there afterwards or could not be tightened.
bool EnsurePrivateDir(const std::string& path);

// Opens a new file for writing at `path` with mode 0600 (O_CREAT | O_EXCL: never an existing one).
// Returns the descriptor, or -1 with errno set.
int CreatePrivateFile(const std::string& path);

// Writes all of `size` bytes to `fd` and flushes them to the disk (fsync). False on any failure.
bool WriteAllAndSync(int fd, const char* data, size_t size);

// Flushes a directory's entries (a rename or a new file in it) to the disk. False on failure.
bool SyncDir(const std::string& dir);

}  // namespace gj

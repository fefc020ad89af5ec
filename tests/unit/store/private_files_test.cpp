// Issue 14 item 5: the database (with its -wal/-shm) and the uploaded files are the owner's only,
// whatever the umask, an older installation's are tightened on open, and a committed transaction
// is synced to the disk (synchronous=FULL in WAL mode).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "io/file_store.h"
#include "store/db.h"

namespace gj::testing {
namespace {

namespace fs = std::filesystem;

unsigned ModeOf(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return 0xFFFF;
  return st.st_mode & 07777;
}

class PrivateFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    old_umask_ = ::umask(022);  // the common default: what a file created without a mode would get
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("gjt_private_" + std::to_string(rd()) + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    ::umask(old_umask_);
    fs::remove_all(dir_);
  }
  fs::path dir_;
  mode_t old_umask_ = 0;
};

TEST_F(PrivateFilesTest, NewDatabaseAndItsWalAreOwnerOnly) {
  const std::string path = (dir_ / "new.db").string();
  {
    auto db = store::Database::Open(path, 2);
    store::Migrate(*db);  // writes: the -wal and -shm exist now
    for (const char* suffix : {"", "-wal", "-shm"}) {
      ASSERT_TRUE(fs::exists(path + suffix)) << suffix;
      EXPECT_EQ(ModeOf(path + suffix) & 077, 0u)
          << path << suffix << " mode " << std::oct << ModeOf(path + suffix);
    }
  }
}

TEST_F(PrivateFilesTest, ExistingDatabaseOpenToOthersIsTightened) {
  const std::string path = (dir_ / "old.db").string();
  { store::Migrate(*store::Database::Open(path, 1)); }
  for (const char* suffix : {"", "-wal", "-shm"}) {
    if (fs::exists(path + suffix)) fs::permissions(path + suffix, fs::perms(0644));
  }
  ASSERT_EQ(ModeOf(path), 0644u);
  auto db = store::Database::Open(path, 1);
  EXPECT_EQ(ModeOf(path), 0600u);
  for (const char* suffix : {"-wal", "-shm"}) {
    if (fs::exists(path + suffix)) {
      EXPECT_EQ(ModeOf(path + suffix) & 077, 0u) << suffix;
    }
  }
  EXPECT_GE(store::AsInt(db->Acquire()->Query("SELECT count(*) FROM sqlite_master").rows.at(0).at(0)), 1);
}

TEST_F(PrivateFilesTest, EveryConnectionSyncsCommitsToTheDisk) {
  auto db = store::Database::Open((dir_ / "sync.db").string(), 2);
  auto a = db->Acquire();
  auto b = db->Acquire();  // a second pooled connection: the pragma is per connection
  for (auto* c : {&a, &b}) {
    EXPECT_EQ(store::AsText((*c)->Query("PRAGMA journal_mode").rows.at(0).at(0)), "wal");
    EXPECT_EQ(store::AsInt((*c)->Query("PRAGMA synchronous").rows.at(0).at(0)), 2);  // 2 = FULL
  }
}

TEST_F(PrivateFilesTest, FilesDirAndStoredFilesAreOwnerOnly) {
  const fs::path files = dir_ / "db.files";
  io::LocalFileStore store(files.string());
  ASSERT_TRUE(store.Put("evidence-1.pdf", "%PDF-1.4 county figures"));
  EXPECT_EQ(ModeOf(files), 0700u);
  EXPECT_EQ(ModeOf(files / "evidence-1.pdf"), 0600u);
  ASSERT_TRUE(store.Put("evidence-1.pdf", "replaced"));  // a replacement keeps the mode
  EXPECT_EQ(ModeOf(files / "evidence-1.pdf"), 0600u);
  EXPECT_EQ(store.Get("evidence-1.pdf").value(), "replaced");
}

TEST_F(PrivateFilesTest, ExistingFilesDirOpenToOthersIsTightened) {
  const fs::path files = dir_ / "old.files";
  fs::create_directories(files);
  std::ofstream(files / "a.pdf") << "old bytes";
  fs::permissions(files, fs::perms(0755));
  fs::permissions(files / "a.pdf", fs::perms(0644));
  io::LocalFileStore store(files.string());
  EXPECT_EQ(ModeOf(files), 0700u);
  EXPECT_EQ(ModeOf(files / "a.pdf"), 0600u);
  EXPECT_EQ(store.Get("a.pdf").value(), "old bytes");
}

TEST_F(PrivateFilesTest, ScratchFileOfAnExportIsOwnerOnly) {
  unsigned mode = 0;
  auto bytes = io::BytesWrittenTo(".xlsx", [&](const std::string& path) -> Status {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << "PK";  // as a library writing the path
    mode = ModeOf(path);
    return Ok{};
  });
  ASSERT_TRUE(bytes);
  EXPECT_EQ(*bytes, "PK");
  EXPECT_EQ(mode, 0600u);
}

}  // namespace
}  // namespace gj::testing

// The file store contract, on the local-directory and the in-memory implementations alike.
#include "io/file_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

namespace gj::testing {
namespace {

namespace fs = std::filesystem;

class FileStoreTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("gjt_store_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    if (GetParam()) store_ = std::make_unique<io::LocalFileStore>(dir_.string());
    else store_ = std::make_unique<io::MemoryFileStore>();
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::unique_ptr<io::FileStore> store_;
};

TEST_P(FileStoreTest, PutGetReplaceRemove) {
  EXPECT_FALSE(store_->Exists("a.pdf"));
  EXPECT_EQ(store_->Get("a.pdf").error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store_->Put("a.pdf", std::string("%PDF-\0x", 7)));
  EXPECT_TRUE(store_->Exists("a.pdf"));
  EXPECT_EQ(store_->Get("a.pdf").value(), std::string("%PDF-\0x", 7));
  ASSERT_TRUE(store_->Put("a.pdf", "new"));
  EXPECT_EQ(store_->Get("a.pdf").value(), "new");
  ASSERT_TRUE(store_->Remove("a.pdf"));
  EXPECT_FALSE(store_->Exists("a.pdf"));
  EXPECT_TRUE(store_->Remove("a.pdf"));  // removing what is not there is fine
}

TEST_P(FileStoreTest, KeysNeverNameAPathOutsideTheStore) {
  EXPECT_TRUE(io::ValidKey("0f3a_b-c.jpg"));
  for (const char* bad : {"", "../x", "a/b", ".hidden", "a b", "..", "é"}) {
    EXPECT_FALSE(io::ValidKey(bad)) << bad;
    EXPECT_THROW((void)store_->Put(bad, "x"), std::invalid_argument) << bad;
  }
}

INSTANTIATE_TEST_SUITE_P(Stores, FileStoreTest, ::testing::Values(true, false),
                         [](const auto& info) { return info.param ? "Local" : "Memory"; });

TEST(FileStoreLocal, OnlyTheKeysFilesAreLeftInTheDirectory) {
  const fs::path dir = fs::temp_directory_path() / ("gjt_store_dir_" + std::to_string(::getpid()));
  io::LocalFileStore store(dir.string());
  ASSERT_TRUE(store.Put("k1", "one"));
  ASSERT_TRUE(store.Put("k1", "two"));
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"k1"});
  fs::remove_all(dir);
}

TEST(BytesWrittenTo, ReturnsTheBytesAndRemovesTheScratchFile) {
  std::string seen;
  auto bytes = io::BytesWrittenTo(".txt", [&](const std::string& path) -> Status {
    seen = path;
    FILE* f = std::fopen(path.c_str(), "wb");
    std::fputs("hello", f);
    std::fclose(f);
    return Ok{};
  });
  ASSERT_TRUE(bytes);
  EXPECT_EQ(bytes.value(), "hello");
  EXPECT_EQ(fs::path(seen).extension(), ".txt");
  EXPECT_FALSE(fs::exists(seen));
  auto failed =
      io::BytesWrittenTo(".txt", [](const std::string&) -> Status { return Error::Invalid("nope"); });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().message, "nope");
}

}  // namespace
}  // namespace gj::testing

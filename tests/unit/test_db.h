// A fresh database per test on each engine: a temporary SQLite file, and — when
// GONGJIAN_TEST_PG_URL is set (scripts/test.sh starts a throwaway server) — a new PostgreSQL
// database created for the test and dropped afterwards.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "store/db.h"

namespace gj::testing {

inline std::vector<std::string> Engines() {
  std::vector<std::string> e = {"sqlite"};
  const char* pg = std::getenv("GONGJIAN_TEST_PG_URL");
  if (pg && *pg) e.push_back("postgres");
  return e;
}

class TestDb {
 public:
  // `migrate`: false leaves the database empty (a migration test applies its versions itself).
  explicit TestDb(const std::string& engine, bool migrate = true) {
    std::random_device rd;
    name_ = "gjt_" + std::to_string(rd()) + std::to_string(rd());
    if (engine == "postgres") {
      admin_url_ = std::getenv("GONGJIAN_TEST_PG_URL");
      auto admin = store::Database::Open(admin_url_, 1);
      admin->Acquire()->ExecScript("CREATE DATABASE " + name_);
      url_ = admin_url_.substr(0, admin_url_.rfind('/')) + "/" + name_;
    } else {
      url_ = (std::filesystem::temp_directory_path() / (name_ + ".db")).string();
    }
    db_ = store::Database::Open(url_, 4);
    if (migrate) store::Migrate(*db_);
  }
  ~TestDb() {
    db_.reset();
    if (!admin_url_.empty()) {
      auto admin = store::Database::Open(admin_url_, 1);
      admin->Acquire()->ExecScript("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } else {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(url_ + suffix);
    }
  }
  store::Database& db() { return *db_; }
  const std::string& url() const { return url_; }

 private:
  std::string name_, url_, admin_url_;
  std::unique_ptr<store::Database> db_;
};

// A test on a fresh database of each engine (instantiated over Engines()). A fixture writes what
// its tests share in Prepare, on a connection that is returned before the test runs.
class DbTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    tdb_ = std::make_unique<TestDb>(GetParam());
    auto c = tdb_->db().Acquire();
    Prepare(*c);
  }
  virtual void Prepare(store::Connection& c) {}
  std::unique_ptr<TestDb> tdb_;
};

}  // namespace gj::testing

// The pool's guard against a thread holding two connections at once (pool starvation), on both engines.
#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

#include "test_db.h"

namespace gj::testing {
namespace {

class LeaseTest : public ::testing::TestWithParam<std::string> {};

TEST_P(LeaseTest, ASecondLeaseOnTheSameThreadIsRefusedWhenAsked) {
  TestDb tdb(GetParam());
  auto& db = tdb.db();
  {
    auto a = db.Acquire();
    EXPECT_EQ(db.LeasesHeldByThisThread(), 1);
    auto b = db.Acquire();  // allowed by default
    EXPECT_EQ(db.LeasesHeldByThisThread(), 2);
  }
  EXPECT_EQ(db.LeasesHeldByThisThread(), 0);
  db.RefuseNestedLeases(true);
  {
    auto a = db.Acquire();
    EXPECT_THROW(db.Acquire(), std::logic_error);
    EXPECT_EQ(db.LeasesHeldByThisThread(), 1);
    // Another thread may hold its own.
    int other = -1;
    std::thread t([&] {
      auto b = db.Acquire();
      other = db.LeasesHeldByThisThread();
    });
    t.join();
    EXPECT_EQ(other, 1);
  }
  auto again = db.Acquire();  // released: one at a time is fine
  EXPECT_EQ(db.LeasesHeldByThisThread(), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, LeaseTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing

#include "service/ledger/single_flight.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace gj::service {
namespace {

// Eight callers of one key while it computes: one computation, every caller its value.
TEST(SingleFlightTest, ConcurrentCallersOfAKeyShareOneComputation) {
  SingleFlight<int> flights;
  std::atomic<int> computed{0};
  std::atomic<bool> release{false};
  std::vector<int> got(8, 0);
  std::vector<std::thread> callers;
  for (int i = 0; i < 8; ++i) {
    callers.emplace_back([&, i] {
      got[i] = flights.Run("search", [&] {
        ++computed;
        while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return 42;
      });
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // every caller has arrived
  release = true;
  for (auto& t : callers) t.join();
  EXPECT_EQ(computed, 1);
  for (int v : got) EXPECT_EQ(v, 42);
  // Finished: the next call computes again (results are the cache's to keep).
  EXPECT_EQ(flights.Run("search", [&] { return ++computed; }), 2);
}

TEST(SingleFlightTest, AFailureReachesTheCallerAndIsNotKept) {
  SingleFlight<int> flights;
  EXPECT_THROW(flights.Run("k", []() -> int { throw std::runtime_error("db"); }), std::runtime_error);
  EXPECT_EQ(flights.Run("k", [] { return 7; }), 7);
}

}  // namespace
}  // namespace gj::service

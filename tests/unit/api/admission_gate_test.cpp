#include "api/admission_gate.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <chrono>
#include <thread>
#include <vector>

namespace gj::api {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

// Waits (bounded) until `done` holds; the gate's behaviour, not the scheduler's speed, is tested.
template <typename F>
bool Eventually(F done) {
  for (int i = 0; i < 2000 && !done(); ++i) std::this_thread::sleep_for(milliseconds(5));
  return done();
}

TEST(AdmissionGateTest, BeyondItsSlotsRequestsWaitAndRunInArrivalOrder) {
  AdmissionGate gate(1, milliseconds(60000));
  std::vector<int> order;
  std::mutex order_mu;
  std::atomic<int> arrived{0};
  std::optional<AdmissionGate::Pass> holder(gate.Enter());
  std::vector<std::thread> waiters;
  for (int i = 0; i < 3; ++i) {
    // Each waiter takes its ticket before the next one starts: arrival order is 0, 1, 2.
    waiters.emplace_back([&, i] {
      ++arrived;
      auto pass = gate.Enter();
      std::lock_guard lock(order_mu);
      order.push_back(i);
    });
    ASSERT_TRUE(Eventually([&] { return arrived == i + 1; }));
    std::this_thread::sleep_for(milliseconds(50));
  }
  std::this_thread::sleep_for(milliseconds(100));
  {
    std::lock_guard lock(order_mu);
    EXPECT_TRUE(order.empty()) << "nobody runs while the only slot is held";
  }
  holder.reset();
  for (auto& t : waiters) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2}));
}

TEST(AdmissionGateTest, AWaiterGoesAheadAfterTheLongestWait) {
  AdmissionGate gate(1, milliseconds(80));
  auto holder = gate.Enter();
  const auto start = Clock::now();
  { auto pass = gate.Enter(); }  // the slot is never released: runs anyway after 80 ms
  EXPECT_GE(Clock::now() - start, milliseconds(80));
}

TEST(AdmissionGateTest, SlotsRunTogether) {
  AdmissionGate gate(2, milliseconds(60000));
  auto a = gate.Enter();
  std::atomic<bool> b_runs{false};
  std::thread b([&] {
    auto pass = gate.Enter();  // the second slot: does not wait for a
    b_runs = true;
  });
  EXPECT_TRUE(Eventually([&] { return b_runs.load(); }));
  b.join();
}

}  // namespace
}  // namespace gj::api

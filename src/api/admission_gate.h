// At most `slots` handlers compute at once; the others wait their turn in arrival order.
//
// Why: httplib keeps one thread per keep-alive connection (32 by default), so under load 32
// handlers would share two cores. The scheduler then slices them in turns, every request's
// latency grows to the time of all of them, and the slowest percentile is set by whoever was
// preempted last. Queuing in arrival order (FIFO) keeps the cores on few requests, each
// finishing in its own time, which is what the p99 of a list page needs.
//
// A waiter that has waited `max_wait` goes ahead anyway, so a long request (an export of
// 100,000 projects) holding slots delays others by at most that much, never blocks them.
#pragma once

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace gj::api {

class AdmissionGate {
 public:
  AdmissionGate(int slots, std::chrono::milliseconds max_wait);
  AdmissionGate(const AdmissionGate&) = delete;
  AdmissionGate& operator=(const AdmissionGate&) = delete;

  // Holds a slot (or the right of a waiter who waited long enough) until destroyed.
  class Pass {
   public:
    explicit Pass(AdmissionGate* gate) : gate_(gate) {}  // nullptr: no gate
    Pass(Pass&& o) noexcept : gate_(o.gate_) { o.gate_ = nullptr; }
    Pass(const Pass&) = delete;
    ~Pass() {
      if (gate_) gate_->Leave();
    }

   private:
    AdmissionGate* gate_;
  };

  Pass Enter();

 private:
  void Leave();

  // Waiters sleep on the variable of their ticket, so a leaving handler wakes only the one
  // waiter it admits. More waiters than variables only costs spurious wake-ups.
  static constexpr size_t kWakers = 128;

  const uint64_t slots_;
  const std::chrono::milliseconds max_wait_;
  std::mutex mu_;
  std::array<std::condition_variable, kWakers> wakers_;
  uint64_t next_ticket_ = 0;  // tickets handed out
  uint64_t left_ = 0;         // passes released; ticket t may run once t < left_ + slots_
};

}  // namespace gj::api

// Wall and CPU time of a benchmark step. This machine is shared: the wall time of a step depends
// on its neighbours, its CPU time (every thread of the process) much less, so both are printed.
#pragma once

#include <chrono>
#include <cstdio>
#include <ctime>

namespace gj::bench {

class StepClock {
 public:
  StepClock() { Restart(); }
  void Restart() {
    wall_ = std::chrono::steady_clock::now();
    cpu_ = CpuSeconds();
  }
  double WallSeconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count();
  }
  double CpuSecondsSince() const { return CpuSeconds() - cpu_; }
  // "12.34 s wall, 3.21 s CPU"
  const char* Text() {
    std::snprintf(text_, sizeof text_, "%.2f s wall, %.2f s CPU", WallSeconds(), CpuSecondsSince());
    return text_;
  }

 private:
  static double CpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
  }
  std::chrono::steady_clock::time_point wall_;
  double cpu_ = 0;
  char text_[64] = {};
};

}  // namespace gj::bench

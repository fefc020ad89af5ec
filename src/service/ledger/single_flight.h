// One computation per key at a time: concurrent callers of the same key wait for the first one's
// result instead of each running it (a cold search asked by 32 connections at once ran 32 times
// and queued every other request behind it: 1 s at p99 on the list benchmark).
#pragma once

#include <exception>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <string>

namespace gj::service {

template <class T>
class SingleFlight {
 public:
  // `compute`'s value (or exception) for every caller of `key` while it runs; the next call after
  // it finished computes again (keep results in a cache, not here).
  T Run(const std::string& key, const std::function<T()>& compute) {
    std::promise<T> promise;
    std::shared_future<T> running;
    {
      std::lock_guard lock(mu_);
      if (auto it = flights_.find(key); it != flights_.end()) running = it->second;
      else flights_.emplace(key, promise.get_future().share());
    }
    if (running.valid()) return running.get();  // rethrows the first caller's exception
    try {
      T value = compute();
      promise.set_value(value);
      Forget(key);
      return value;
    } catch (...) {
      promise.set_exception(std::current_exception());
      Forget(key);
      throw;
    }
  }

 private:
  void Forget(const std::string& key) {
    std::lock_guard lock(mu_);
    flights_.erase(key);
  }
  std::mutex mu_;
  std::map<std::string, std::shared_future<T>> flights_;
};

}  // namespace gj::service

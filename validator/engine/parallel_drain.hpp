// Work whose items discover more items (a hierarchy walk: each node names its children),
// spread over a few threads until no item is left and none is being worked on.
//
// Each worker has an index, so that callers can give every worker its own output buffer and
// merge them afterwards instead of sharing one under a lock. One worker runs on the calling
// thread, in submission order, with no thread started. An exception thrown by `visit` stops
// the others and is rethrown to the caller; stop() ends the work early (a bound reached).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <numeric>
#include <thread>
#include <utility>
#include <vector>

namespace ozv {

// The number of workers for a --jobs value: as asked, or one per core for 0.
inline std::size_t worker_count(std::size_t jobs) {
  if (jobs > 0) return jobs;
  return std::max(1u, std::thread::hardware_concurrency());
}

template <typename Item>
class ParallelDrain {
 public:
  // visit(Item&, ParallelDrain&, std::size_t worker) may call push() and stop().
  template <typename Visit>
  void run(std::deque<Item> initial, std::size_t workers, Visit&& visit) {
    queue_ = std::move(initial);
    if (workers <= 1) {
      while (!queue_.empty() && !stopped_) {
        Item item = std::move(queue_.front());
        queue_.pop_front();
        visit(item, *this, std::size_t{0});
      }
      return;
    }
    std::vector<std::thread> threads;
    threads.reserve(workers - 1);
    for (std::size_t w = 1; w < workers; ++w) threads.emplace_back([&, w] { work(visit, w); });
    work(visit, 0);
    for (auto& t : threads) t.join();
    if (error_) std::rethrow_exception(error_);
  }

  void push(Item item) {
    std::lock_guard lock(mutex_);
    if (stopped_) return;
    queue_.push_back(std::move(item));
    ready_.notify_one();
  }

  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    queue_.clear();
    ready_.notify_all();
  }

 private:
  template <typename Visit>
  void work(Visit& visit, std::size_t worker) {
    std::unique_lock lock(mutex_);
    for (;;) {
      ready_.wait(lock, [&] { return stopped_ || !queue_.empty() || busy_ == 0; });
      if (stopped_ || (queue_.empty() && busy_ == 0)) {
        ready_.notify_all();  // wake the others: there is nothing left for them either
        return;
      }
      Item item = std::move(queue_.front());
      queue_.pop_front();
      ++busy_;
      lock.unlock();
      try {
        visit(item, *this, worker);
      } catch (...) {
        lock.lock();
        if (!error_) error_ = std::current_exception();
        stopped_ = true;
        queue_.clear();
        lock.unlock();
      }
      lock.lock();
      --busy_;
      if (busy_ == 0 && queue_.empty()) ready_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Item> queue_;
  std::size_t busy_ = 0;
  bool stopped_ = false;
  std::exception_ptr error_;
};

// body(i) for every i in [0, count), on at most `workers` threads; returns once all are done.
template <typename Body>
void parallel_for_each_index(std::size_t count, std::size_t workers, Body&& body) {
  std::deque<std::size_t> indices(count);
  std::iota(indices.begin(), indices.end(), std::size_t{0});
  ParallelDrain<std::size_t>().run(std::move(indices), std::min(workers, count),
                                   [&](std::size_t& index, auto&, std::size_t) { body(index); });
}

}  // namespace ozv

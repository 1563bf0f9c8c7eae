#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "engine/parallel_drain.hpp"

using ozv::ParallelDrain;

namespace {

// A binary tree of `depth` levels, discovered item by item: node n has children 2n+1 and 2n+2.
std::multiset<int> visit_tree(std::size_t workers, int nodes) {
  std::mutex mutex;
  std::multiset<int> seen;
  ParallelDrain<int> drain;
  drain.run({0}, workers, [&](int& n, ParallelDrain<int>& d, std::size_t worker) {
    REQUIRE(worker < workers);
    {
      std::lock_guard lock(mutex);
      seen.insert(n);
    }
    for (int child : {2 * n + 1, 2 * n + 2}) {
      if (child < nodes) d.push(child);
    }
  });
  return seen;
}

}  // namespace

TEST_CASE("every discovered item is visited exactly once, whatever the number of workers", "[engine][drain]") {
  for (std::size_t workers : {1u, 2u, 7u}) {
    auto seen = visit_tree(workers, 5000);
    CHECK(seen.size() == 5000);
    CHECK(std::set<int>(seen.begin(), seen.end()).size() == 5000);
  }
}

TEST_CASE("an exception in one worker stops the drain and reaches the caller", "[engine][drain]") {
  for (std::size_t workers : {1u, 3u}) {
    ParallelDrain<int> drain;
    std::atomic<int> visited{0};
    auto run = [&] {
      drain.run({0}, workers, [&](int& n, ParallelDrain<int>& d, std::size_t) {
        ++visited;
        if (n == 50) throw std::runtime_error("boom");
        d.push(n + 1);
      });
    };
    CHECK_THROWS_WITH(run(), "boom");
    CHECK(visited.load() == 51);
  }
}

TEST_CASE("stop() ends the drain early", "[engine][drain]") {
  ParallelDrain<int> drain;
  std::atomic<int> visited{0};
  drain.run({0}, 2, [&](int& n, ParallelDrain<int>& d, std::size_t) {
    ++visited;
    if (n == 10) {
      d.stop();
      return;
    }
    d.push(n + 1);
  });
  CHECK(visited.load() == 11);
}

// A string-keyed hash map split into independently locked shards, for the per-key caches that
// every worker of a concurrent walk consults for every document: with one lock, the workers
// spend their time waiting for each other instead of reading.
#pragma once

#include <array>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace ozv {

template <typename Value>
class ShardedMap {
 public:
  using Shard = std::unordered_map<std::string, Value>;

  // Runs `use(shard)` with the lock of the shard that holds `key` (present or not).
  template <typename Use>
  decltype(auto) with_shard(const std::string& key, Use&& use) {
    Part& part = parts_[std::hash<std::string>{}(key) % kShards];
    std::lock_guard lock(part.mutex);
    return use(part.map);
  }
  // Every key, in no particular order (the caller sorts when the order shows).
  std::vector<std::string> keys() const {
    std::vector<std::string> out;
    for (const Part& part : parts_) {
      std::lock_guard lock(part.mutex);
      for (const auto& entry : part.map) out.push_back(entry.first);
    }
    return out;
  }

  static constexpr std::size_t shard_count() { return kShards; }
  // Empties one shard (0 <= index < shard_count()); shards can be emptied concurrently.
  void clear_shard(std::size_t index) {
    Part& part = parts_.at(index);
    std::lock_guard lock(part.mutex);
    part.map.clear();
  }

  template <typename Use>
  decltype(auto) with_shard(const std::string& key, Use&& use) const {
    const Part& part = parts_[std::hash<std::string>{}(key) % kShards];
    std::lock_guard lock(part.mutex);
    return use(part.map);
  }

 private:
  static constexpr std::size_t kShards = 16;
  struct Part {
    mutable std::mutex mutex;
    Shard map;
  };
  std::array<Part, kShards> parts_;
};

}  // namespace ozv

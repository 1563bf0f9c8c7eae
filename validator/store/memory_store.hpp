// A store held in memory: the fixture of unit tests everywhere, and a stand-in for
// backends whose capabilities a test wants to restrict (e.g. a store that cannot list).
#pragma once

#include <initializer_list>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "store/store.hpp"

namespace ozv {

class MemoryStore final : public Store {
 public:
  using Entries = std::map<std::string, Bytes>;

  // MemoryStore store{{"zarr.json", R"({"zarr_format":3})"}, {"0/c/0", chunk}};
  MemoryStore(std::initializer_list<Entries::value_type> entries);
  // `capabilities.list == false` makes list_dir throw, like a backend that cannot list.
  explicit MemoryStore(Entries entries, Capabilities capabilities = {true, true});

  Capabilities capabilities() const override { return capabilities_; }
  // Keys that are not clean (see is_clean_key) are never found, even if present in the map.
  std::optional<Bytes> get(const std::string& key) override;
  std::optional<Bytes> get_range(const std::string& key, std::uint64_t offset,
                                 std::uint64_t length) override;
  std::optional<std::uint64_t> size(const std::string& key) override;
  // Derived from the keys: a name followed by '/' in some key is a directory.
  // Throws StoreError("STORE-001", prefix, ...) when constructed without the list capability.
  Listing list_dir(const std::string& prefix) override;

  // Every call made so far, in order, as "get:KEY", "range:KEY", "size:KEY" or "list:PREFIX";
  // lets tests assert what a check read (e.g. that metadata checks never touch chunks).
  std::vector<std::string> access_log() const;

 private:
  void log(std::string entry);
  const Bytes* find(const std::string& key) const;

  const Entries entries_;
  const Capabilities capabilities_;
  mutable std::mutex log_mutex_;
  std::vector<std::string> log_;
};

}  // namespace ozv

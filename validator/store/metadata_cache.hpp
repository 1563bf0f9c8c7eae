// A Store decorator that remembers metadata documents (zarr.json, .zarray, .zgroup, .zattrs,
// .zmetadata), including their absence, so that the Zarr walk and the OME-NGFF checks can
// both ask for a document without reading it twice. Chunk keys pass straight through.
// Asking whether a metadata document exists reads it when it is small (it is about to be
// read anyway), so an existence check and the read that follows cost one backend access.
// The bytes are handed to the first reader (who keeps the parsed document) rather than
// copied; a second read of the same document goes to the backend again.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "store/sharded_map.hpp"
#include "store/store.hpp"

namespace ozv {

class MetadataCache final : public Store {
 public:
  explicit MetadataCache(std::unique_ptr<Store> inner);

  Capabilities capabilities() const override { return inner_->capabilities(); }
  std::optional<Bytes> get(const std::string& key) override;
  std::optional<Bytes> get_range(const std::string& key, std::uint64_t offset, std::uint64_t length) override {
    return inner_->get_range(key, offset, length);
  }
  std::optional<std::uint64_t> size(const std::string& key) override;
  std::optional<BoundedValue> get_bounded(const std::string& key, std::uint64_t max_bytes) override;
  Listing list_dir(const std::string& prefix) override { return inner_->list_dir(prefix); }
  std::vector<std::string> list_subdirectories(const std::string& prefix) override {
    return inner_->list_subdirectories(prefix);
  }
  std::vector<StoreError> take_problems() override { return inner_->take_problems(); }

  // True for the keys this cache keeps.
  static bool is_metadata_key(const std::string& key);

  // Metadata documents up to this size are read whole when their size is asked for.
  static constexpr std::uint64_t kPrefetchBytes = 1 << 20;

 private:
  // The size of a metadata value (nullopt: absent), fetching the value, bounded by
  // kPrefetchBytes, when the key has not been asked for before.
  std::optional<std::uint64_t> fetch_size(const std::string& key);
  // The prefetched bytes of `key`, moved out of the cache (they are read once).
  std::optional<BoundedValue> take(const std::string& key);

  std::unique_ptr<Store> inner_;
  ShardedMap<std::optional<BoundedValue>> entries_;  // nullopt: absent; bytes gone once taken
};

}  // namespace ozv

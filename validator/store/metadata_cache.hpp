// A Store decorator that remembers metadata documents (zarr.json, .zarray, .zgroup, .zattrs,
// .zmetadata), including their absence, so that the Zarr walk and the OME-NGFF checks can
// both ask for a document without reading it twice. Chunk keys pass straight through.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

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
  Listing list_dir(const std::string& prefix) override { return inner_->list_dir(prefix); }
  std::vector<StoreError> take_problems() override { return inner_->take_problems(); }

  // True for the keys this cache keeps.
  static bool is_metadata_key(const std::string& key);

 private:
  std::unique_ptr<Store> inner_;
  std::mutex mutex_;
  std::map<std::string, std::optional<std::uint64_t>> sizes_;
  std::map<std::string, std::optional<Bytes>> values_;
};

}  // namespace ozv

// Metadata documents parsed once per validation and shared by every pass that needs them
// (the Zarr walk, the OME-NGFF tree reader). A document that failed to parse is not kept:
// its findings were reported by whoever read it first. Of an array's metadata only what the
// OME-NGFF rules ask about is kept (ArrayInfo): arrays are most of a hierarchy's documents,
// and holding every parsed tree would make memory, not reading, the cost of a large plate.
#pragma once

#include <unordered_map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "rules/ngff_tree.hpp"

namespace ozv {

using SharedJson = std::shared_ptr<const nlohmann::json>;

class ParsedDocuments {
 public:
  SharedJson find(const std::string& key) const {
    std::lock_guard lock(mutex_);
    auto it = documents_.find(key);
    return it == documents_.end() ? nullptr : it->second;
  }
  SharedJson keep(const std::string& key, nlohmann::json document) {
    auto shared = std::make_shared<const nlohmann::json>(std::move(document));
    std::lock_guard lock(mutex_);
    return documents_.emplace(key, std::move(shared)).first->second;
  }

  // `path`: the array's store prefix ("0", "A/1/0/2").
  std::optional<ArrayInfo> find_array(const std::string& path) const {
    std::lock_guard lock(mutex_);
    auto it = arrays_.find(path);
    return it == arrays_.end() ? std::nullopt : std::optional<ArrayInfo>(it->second);
  }
  void keep_array(const std::string& path, ArrayInfo info) {
    std::lock_guard lock(mutex_);
    arrays_.emplace(path, std::move(info));
  }

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, SharedJson> documents_;  // hashed: thousands of long keys
  std::unordered_map<std::string, ArrayInfo> arrays_;
};

}  // namespace ozv

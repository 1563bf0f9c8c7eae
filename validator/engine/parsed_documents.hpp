// Metadata documents parsed once per validation and shared by every pass that needs them
// (the Zarr walk, the OME-NGFF tree reader). A document that failed to parse is not kept:
// its findings were reported by whoever read it first.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

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

 private:
  mutable std::mutex mutex_;
  std::map<std::string, SharedJson> documents_;
};

}  // namespace ozv

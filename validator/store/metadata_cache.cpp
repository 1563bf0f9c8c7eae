#include "store/metadata_cache.hpp"

namespace ozv {

MetadataCache::MetadataCache(std::unique_ptr<Store> inner) : inner_(std::move(inner)) {}

bool MetadataCache::is_metadata_key(const std::string& key) {
  const auto slash = key.rfind('/');
  const std::string_view name = slash == std::string::npos ? std::string_view(key) : std::string_view(key).substr(slash + 1);
  return name == "zarr.json" || name == ".zarray" || name == ".zgroup" || name == ".zattrs" || name == ".zmetadata";
}

std::optional<std::uint64_t> MetadataCache::size(const std::string& key) {
  if (!is_metadata_key(key)) return inner_->size(key);
  {
    std::lock_guard lock(mutex_);
    if (auto it = values_.find(key); it != values_.end()) {
      return it->second ? std::optional<std::uint64_t>(it->second->size()) : std::nullopt;
    }
    if (auto it = sizes_.find(key); it != sizes_.end()) return it->second;
  }
  auto size = inner_->size(key);  // outside the lock: a slow backend must not serialise readers
  std::lock_guard lock(mutex_);
  sizes_.emplace(key, size);
  return size;
}

std::optional<Bytes> MetadataCache::get(const std::string& key) {
  if (!is_metadata_key(key)) return inner_->get(key);
  {
    std::lock_guard lock(mutex_);
    if (auto it = values_.find(key); it != values_.end()) return it->second;
    if (auto it = sizes_.find(key); it != sizes_.end() && !it->second) return std::nullopt;
  }
  auto value = inner_->get(key);
  std::lock_guard lock(mutex_);
  values_.emplace(key, value);
  return value;
}

}  // namespace ozv

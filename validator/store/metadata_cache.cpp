#include "store/metadata_cache.hpp"

namespace ozv {

MetadataCache::MetadataCache(std::unique_ptr<Store> inner) : inner_(std::move(inner)) {}

bool MetadataCache::is_metadata_key(const std::string& key) {
  const auto slash = key.rfind('/');
  const std::string_view name = slash == std::string::npos ? std::string_view(key) : std::string_view(key).substr(slash + 1);
  return name == "zarr.json" || name == ".zarray" || name == ".zgroup" || name == ".zattrs" || name == ".zmetadata";
}

std::optional<std::uint64_t> MetadataCache::fetch_size(const std::string& key) {
  auto size_of = [](const std::optional<BoundedValue>& entry) {
    return entry ? std::optional<std::uint64_t>(entry->size) : std::nullopt;
  };
  using Known = std::optional<std::optional<std::uint64_t>>;  // outer nullopt: not asked before
  const Known known = entries_.with_shard(key, [&](const auto& shard) -> Known {
    auto it = shard.find(key);
    if (it == shard.end()) return std::nullopt;
    return size_of(it->second);
  });
  if (known) return *known;
  auto entry = inner_->get_bounded(key, kPrefetchBytes);  // outside the lock: a slow backend must not serialise readers
  return entries_.with_shard(key, [&](auto& shard) { return size_of(shard.emplace(key, std::move(entry)).first->second); });
}

std::optional<std::uint64_t> MetadataCache::size(const std::string& key) {
  if (!is_metadata_key(key)) return inner_->size(key);
  return fetch_size(key);
}

std::optional<BoundedValue> MetadataCache::take(const std::string& key) {
  return entries_.with_shard(key, [&](auto& shard) -> std::optional<BoundedValue> {
    auto it = shard.find(key);
    if (it == shard.end() || !it->second) return std::nullopt;
    BoundedValue taken{it->second->size, std::move(it->second->bytes)};
    it->second->bytes.reset();
    return taken;
  });
}

std::optional<Bytes> MetadataCache::get(const std::string& key) {
  if (!is_metadata_key(key)) return inner_->get(key);
  if (!fetch_size(key)) return std::nullopt;
  if (auto taken = take(key); taken && taken->bytes) return std::move(taken->bytes);
  return inner_->get(key);  // too large to prefetch, or handed over before
}

std::optional<BoundedValue> MetadataCache::get_bounded(const std::string& key, std::uint64_t max_bytes) {
  if (!is_metadata_key(key)) return inner_->get_bounded(key, max_bytes);
  const auto size = fetch_size(key);
  if (!size) return std::nullopt;
  if (*size > max_bytes) return BoundedValue{*size, std::nullopt};
  if (auto taken = take(key); taken && taken->bytes) return taken;
  return inner_->get_bounded(key, max_bytes);  // too large to prefetch, or handed over before
}

}  // namespace ozv

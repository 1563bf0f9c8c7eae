#include "store/memory_store.hpp"

#include <algorithm>


namespace ozv {

MemoryStore::MemoryStore(std::initializer_list<Entries::value_type> entries)
    : MemoryStore(Entries(entries)) {}

MemoryStore::MemoryStore(Entries entries, Capabilities capabilities)
    : entries_(std::move(entries)), capabilities_(capabilities) {}

const Bytes* MemoryStore::find(const std::string& key) const {
  if (!is_clean_key(key)) return nullptr;
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

std::optional<Bytes> MemoryStore::get(const std::string& key) {
  log("get:" + key);
  const Bytes* value = find(key);
  if (value == nullptr) return std::nullopt;
  return *value;
}

std::optional<Bytes> MemoryStore::get_range(const std::string& key, std::uint64_t offset,
                                            std::uint64_t length) {
  log("range:" + key);
  const Bytes* value = find(key);
  if (value == nullptr) return std::nullopt;
  if (offset >= value->size()) return Bytes{};
  const std::uint64_t available = value->size() - offset;
  return value->substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(std::min(length, available)));
}

std::optional<std::uint64_t> MemoryStore::size(const std::string& key) {
  log("size:" + key);
  const Bytes* value = find(key);
  if (value == nullptr) return std::nullopt;
  return value->size();
}

Listing MemoryStore::list_dir(const std::string& prefix) {
  log("list:" + prefix);
  if (!capabilities_.list) throw StoreError("STORE-001", prefix, "this store cannot list its keys");
  Listing out;
  if (!prefix.empty() && !is_clean_key(prefix)) return out;
  const std::string start = prefix.empty() ? std::string() : prefix + "/";
  // Keys below the prefix are contiguous in the sorted map.
  for (auto it = entries_.lower_bound(start); it != entries_.end(); ++it) {
    const std::string& key = it->first;
    if (key.compare(0, start.size(), start) != 0) break;
    if (!is_clean_key(key)) continue;
    const std::string rest = key.substr(start.size());
    const std::size_t slash = rest.find('/');
    if (slash == std::string::npos) {
      out.files.push_back(rest);
    } else {
      out.dirs.push_back(rest.substr(0, slash));
    }
  }
  // Directory names come out in key order ("b!/x" before "b/x"), not name order.
  std::sort(out.dirs.begin(), out.dirs.end());
  out.dirs.erase(std::unique(out.dirs.begin(), out.dirs.end()), out.dirs.end());
  return out;
}

std::vector<std::string> MemoryStore::access_log() const {
  std::lock_guard<std::mutex> lock(log_mutex_);
  return log_;
}

void MemoryStore::log(std::string entry) {
  std::lock_guard<std::mutex> lock(log_mutex_);
  log_.push_back(std::move(entry));
}

}  // namespace ozv

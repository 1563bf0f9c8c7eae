#include "store/store.hpp"

namespace ozv {

bool is_clean_key(std::string_view key) {
  if (key.empty()) return false;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = key.find('/', start);
    const std::string_view segment = key.substr(start, end == std::string_view::npos ? end : end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (segment.find('\\') != std::string_view::npos || segment.find('\0') != std::string_view::npos)
      return false;
    if (end == std::string_view::npos) return true;
    start = end + 1;
  }
}

std::optional<BoundedValue> Store::get_bounded(const std::string& key, std::uint64_t max_bytes) {
  const auto known_size = size(key);
  if (!known_size) return std::nullopt;
  if (*known_size > max_bytes) return BoundedValue{*known_size, std::nullopt};
  auto bytes = get(key);
  if (!bytes) return std::nullopt;  // vanished between the two calls
  const auto read_size = static_cast<std::uint64_t>(bytes->size());
  if (read_size > max_bytes) return BoundedValue{read_size, std::nullopt};  // grew meanwhile
  return BoundedValue{read_size, std::move(bytes)};
}

std::string join_key(const std::string& prefix, const std::string& name) {
  if (prefix.empty()) return name;
  if (name.empty()) return prefix;
  return prefix + "/" + name;
}

}  // namespace ozv

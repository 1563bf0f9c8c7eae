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

std::string join_key(const std::string& prefix, const std::string& name) {
  if (prefix.empty()) return name;
  if (name.empty()) return prefix;
  return prefix + "/" + name;
}

}  // namespace ozv

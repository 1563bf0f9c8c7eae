// Resolution of the relative paths that OME-NGFF metadata names (dataset paths, label
// entries, well paths, source.image, series). The paths are untrusted: nothing may
// resolve outside the root, whatever number of ".." segments it carries.
#include <vector>

#include "rules/ngff_tree.hpp"

namespace ozv {

std::optional<std::string> resolve_ngff_path(std::string_view base, std::string_view relative) {
  if (relative.starts_with('/')) return std::nullopt;                     // absolute: not relative to the group
  if (relative.find("://") != std::string_view::npos) return std::nullopt;  // a URL names another store
  std::vector<std::string_view> segments;
  auto push_all = [&segments](std::string_view text) -> bool {
    std::size_t start = 0;
    while (start <= text.size()) {
      const auto end = std::min(text.find('/', start), text.size());
      const auto segment = text.substr(start, end - start);
      if (segment == "..") {
        if (segments.empty()) return false;  // would leave the root
        segments.pop_back();
      } else if (!segment.empty() && segment != ".") {
        segments.push_back(segment);
      }
      start = end + 1;
    }
    return true;
  };
  if (!push_all(base) || !push_all(relative)) return std::nullopt;
  std::string out;
  for (auto segment : segments) {
    if (!out.empty()) out.push_back('/');
    out.append(segment);
  }
  return out;
}

}  // namespace ozv

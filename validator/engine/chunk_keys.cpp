#include "engine/chunk_keys.hpp"

#include <charconv>

namespace ozv {

std::string chunk_key(const ChunkKeyFormat& format, const std::vector<std::uint64_t>& index) {
  std::string key = format.c_prefix ? "c" : "";
  if (index.empty()) return format.c_prefix ? key : "0";
  for (std::size_t i = 0; i < index.size(); ++i) {
    if (i > 0 || format.c_prefix) key += format.separator;
    key += std::to_string(index[i]);
  }
  return key;
}

namespace {

// One decimal index as chunk_key writes it, below `limit`.
bool is_index(std::string_view text, std::uint64_t limit) {
  if (text.empty() || text.size() > 20 || (text.size() > 1 && text[0] == '0')) return false;
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && value < limit;
}

}  // namespace

bool is_grid_key(const ChunkKeyFormat& format, std::string_view relative_key) {
  if (format.grid.empty()) return relative_key == (format.c_prefix ? "c" : "0");
  std::string_view rest = relative_key;
  if (format.c_prefix) {
    if (rest.size() < 2 || rest[0] != 'c' || rest[1] != format.separator) return false;
    rest.remove_prefix(2);
  }
  for (std::size_t dim = 0; dim < format.grid.size(); ++dim) {
    const auto cut = rest.find(format.separator);
    const bool last = dim + 1 == format.grid.size();
    if (last != (cut == std::string_view::npos)) return false;
    if (!is_index(rest.substr(0, cut), format.grid[dim])) return false;
    if (!last) rest.remove_prefix(cut + 1);
  }
  return true;
}

bool next_grid_index(const std::vector<std::uint64_t>& grid, std::vector<std::uint64_t>& index) {
  for (std::size_t dim = grid.size(); dim-- > 0;) {
    if (++index[dim] < grid[dim]) return true;
    index[dim] = 0;
  }
  return false;
}

}  // namespace ozv

// Chunk keys of one array's regular grid (v2.0.rst "Chunks"; v3 chunk-key-encodings default
// and v2): building the key of a grid position, and telling whether a stored key is one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ozv {

struct ChunkKeyFormat {
  bool c_prefix = false;  // v3 "default" encoding: keys start with "c"
  char separator = '.';
  std::vector<std::uint64_t> grid;  // chunks per dimension, ceil(shape / chunk shape)
};

// The key of grid position `index` relative to the array prefix ("c/0/1", "0.1"; a 0-d
// array's only chunk is "c" or "0").
std::string chunk_key(const ChunkKeyFormat& format, const std::vector<std::uint64_t>& index);

// True when `relative_key` is the key of a position inside the grid, written exactly as
// chunk_key writes it (no leading zeros, no sign, the declared separator).
bool is_grid_key(const ChunkKeyFormat& format, std::string_view relative_key);

// The grid position after `index` in C order; false after the last one.
bool next_grid_index(const std::vector<std::uint64_t>& grid, std::vector<std::uint64_t>& index);

}  // namespace ozv

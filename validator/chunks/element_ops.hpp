// Element-level moves on C-order arrays held in bytes, for undoing the v3 `bytes` (byte
// order) and `transpose` codecs and for placing inner chunks into their shard. Callers have
// checked every size: data.size() == product(shape) * element_size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace ozv {

using ChunkShape = std::vector<std::uint64_t>;

// Reverses the bytes of every `unit`-byte part of `data` in place (big <-> little endian).
void swap_units(Bytes& data, std::size_t unit);

// Undoes the transpose codec: `encoded` has the permuted shape (encoded dim i = decoded dim
// order[i]); the result has `decoded_shape`, C order.
Bytes untranspose(std::string_view encoded, const ChunkShape& decoded_shape, std::size_t element_size,
                  const std::vector<std::size_t>& order);

// Copies the C-order block `block` (shape `extent`) into `target` (shape `shape`) at `origin`.
void place_block(Bytes& target, const ChunkShape& shape, std::size_t element_size, std::string_view block,
                 const ChunkShape& origin, const ChunkShape& extent);

}  // namespace ozv

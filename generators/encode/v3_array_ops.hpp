// Element-level operations on a C-order array held in bytes, used by the v3 encoder's
// array -> array and array -> bytes codecs (transpose, bytes, sharding). Kept apart from
// the codec chain so each is small and testable on its own terms. Callers have checked that
// data.size() == product(shape) * element_size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace ozv::encode {

using Shape = std::vector<std::uint64_t>;

// The v3 transpose codec's encoding: output dimension i is input dimension order[i], so the
// output shape is shape[order[i]]. `order` must be a permutation of 0..ndim-1.
Bytes transpose_elements(std::string_view data, const Shape& shape, std::size_t element_size,
                         const std::vector<std::size_t>& order);

// Reverses the bytes of every `unit`-byte part of `data` (little <-> big endian).
Bytes swap_byte_order(std::string_view data, std::size_t unit);

// The sub-array [origin, origin + extent) of a C-order array, itself in C order.
Bytes extract_block(std::string_view data, const Shape& shape, std::size_t element_size, const Shape& origin,
                    const Shape& extent);

// True when every element of `data` equals `element` (element.size() bytes each).
bool all_elements_equal(std::string_view data, std::string_view element);

}  // namespace ozv::encode

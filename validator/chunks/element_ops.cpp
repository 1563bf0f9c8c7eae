// See element_ops.hpp. Index arithmetic is done on size_t: the arrays are already in memory.
#include "chunks/element_ops.hpp"

#include <algorithm>
#include <cstring>

namespace ozv {
namespace {

// C-order strides in elements.
std::vector<std::size_t> strides_of(const ChunkShape& shape) {
  std::vector<std::size_t> strides(shape.size(), 1);
  for (std::size_t i = shape.size(); i-- > 1;) strides[i - 1] = strides[i] * static_cast<std::size_t>(shape[i]);
  return strides;
}

}  // namespace

void swap_units(Bytes& data, std::size_t unit) {
  if (unit < 2) return;
  for (std::size_t at = 0; at + unit <= data.size(); at += unit)
    std::reverse(data.begin() + static_cast<std::ptrdiff_t>(at), data.begin() + static_cast<std::ptrdiff_t>(at + unit));
}

Bytes untranspose(std::string_view encoded, const ChunkShape& decoded_shape, std::size_t element_size,
                  const std::vector<std::size_t>& order) {
  Bytes decoded(encoded.size(), '\0');
  const std::size_t ndim = decoded_shape.size();
  const std::vector<std::size_t> decoded_strides = strides_of(decoded_shape);
  // Walking the encoded array in C order: its dimension i runs over decoded dimension
  // order[i], so the decoded position moves by that dimension's stride.
  ChunkShape encoded_shape(ndim);
  std::vector<std::size_t> step(ndim);
  for (std::size_t i = 0; i < ndim; ++i) {
    encoded_shape[i] = decoded_shape[order[i]];
    step[i] = decoded_strides[order[i]];
  }
  const std::size_t count = element_size == 0 ? 0 : encoded.size() / element_size;
  ChunkShape position(ndim, 0);
  std::size_t target = 0;  // decoded element index
  for (std::size_t e = 0; e < count; ++e) {
    std::memcpy(decoded.data() + target * element_size, encoded.data() + e * element_size, element_size);
    for (std::size_t i = ndim; i-- > 0;) {
      if (++position[i] < encoded_shape[i]) {
        target += step[i];
        break;
      }
      target -= step[i] * static_cast<std::size_t>(encoded_shape[i] - 1);
      position[i] = 0;
    }
  }
  return decoded;
}

void place_block(Bytes& target, const ChunkShape& shape, std::size_t element_size, std::string_view block,
                 const ChunkShape& origin, const ChunkShape& extent) {
  const std::size_t ndim = shape.size();
  if (ndim == 0) {
    std::memcpy(target.data(), block.data(), std::min(target.size(), block.size()));
    return;
  }
  const std::vector<std::size_t> strides = strides_of(shape);
  // Rows along the last dimension are contiguous in both arrays.
  const std::size_t row = static_cast<std::size_t>(extent[ndim - 1]) * element_size;
  std::size_t rows = 1;
  for (std::size_t i = 0; i + 1 < ndim; ++i) rows *= static_cast<std::size_t>(extent[i]);
  ChunkShape position(ndim, 0);  // within the block, last dimension unused
  for (std::size_t r = 0; r < rows; ++r) {
    std::size_t at = 0;
    for (std::size_t i = 0; i < ndim; ++i) at += static_cast<std::size_t>(origin[i] + position[i]) * strides[i];
    std::memcpy(target.data() + at * element_size, block.data() + r * row, row);
    for (std::size_t i = ndim - 1; i-- > 0;) {
      if (++position[i] < extent[i]) break;
      position[i] = 0;
    }
  }
}

}  // namespace ozv

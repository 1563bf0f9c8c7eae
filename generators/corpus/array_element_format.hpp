// How one array's decoded chunks become the bytes the corpus checksums define (C order,
// little-endian): the element size, the fill value as one such element, and what a v2 chunk
// needs undone (its `order: "F"`, a big-endian dtype). v3 chunks come out of the decoder
// already in that form.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/store.hpp"

namespace ozv::corpus {

struct ArrayElementFormat {
  std::size_t element_size = 1;
  Bytes fill_element;     // one element, little-endian; element_size bytes
  bool fortran_order = false;  // v2 `order: "F"`: chunks are stored column-major
  // Byte ranges (offset, length) of one element to reverse: the big-endian parts of a v2
  // dtype (one range for a plain number, two for a complex, one per field of a struct).
  std::vector<std::pair<std::size_t, std::size_t>> swaps;

  // Turns a decoded chunk (`chunk_shape` elements, as the decoder returned them) into C-order
  // little-endian elements. `data` must hold product(chunk_shape) * element_size bytes.
  void to_c_order_little_endian(Bytes& data, const std::vector<std::uint64_t>& chunk_shape) const;
};

// Reads the element format from an array's metadata document (.zarray or zarr.json).
// Throws ArrayReadError (array_reader.hpp) for a data type or fill value it cannot read.
ArrayElementFormat v2_element_format(const nlohmann::json& zarray);
ArrayElementFormat v3_element_format(const nlohmann::json& zarr_json);

}  // namespace ozv::corpus

// See v3_array_ops.hpp. The loops walk a multi-index "odometer" over the output so that any
// number of dimensions works with one code path, including 0-d arrays (one element).
#include "encode/v3_array_ops.hpp"

#include <algorithm>
#include <cstring>

namespace ozv::encode {
namespace {

// Element strides of a C-order array of `shape`.
std::vector<std::uint64_t> c_strides(const Shape& shape) {
  std::vector<std::uint64_t> strides(shape.size(), 1);
  for (std::size_t i = shape.size(); i-- > 1;) strides[i - 1] = strides[i] * shape[i];
  return strides;
}

// Advances `index` in C order within `extent`; false once it has wrapped around.
bool next_index(std::vector<std::uint64_t>& index, const Shape& extent) {
  for (std::size_t i = index.size(); i-- > 0;) {
    if (++index[i] < extent[i]) return true;
    index[i] = 0;
  }
  return false;
}

bool has_zero(const Shape& shape) { return std::find(shape.begin(), shape.end(), 0) != shape.end(); }

}  // namespace

Bytes transpose_elements(std::string_view data, const Shape& shape, std::size_t element_size,
                         const std::vector<std::size_t>& order) {
  Shape out_shape(shape.size());
  const auto in_strides = c_strides(shape);
  std::vector<std::uint64_t> strides(shape.size());  // input stride of each output dimension
  for (std::size_t i = 0; i < order.size(); ++i) {
    out_shape[i] = shape[order[i]];
    strides[i] = in_strides[order[i]];
  }
  Bytes out;
  out.reserve(data.size());
  if (has_zero(out_shape)) return out;
  std::vector<std::uint64_t> index(out_shape.size(), 0);
  do {
    std::uint64_t offset = 0;
    for (std::size_t i = 0; i < index.size(); ++i) offset += index[i] * strides[i];
    out.append(data.substr(static_cast<std::size_t>(offset) * element_size, element_size));
  } while (next_index(index, out_shape));
  return out;
}

Bytes swap_byte_order(std::string_view data, std::size_t unit) {
  Bytes out(data);
  if (unit <= 1) return out;
  for (std::size_t start = 0; start + unit <= out.size(); start += unit)
    std::reverse(out.begin() + static_cast<std::ptrdiff_t>(start), out.begin() + static_cast<std::ptrdiff_t>(start + unit));
  return out;
}

Bytes extract_block(std::string_view data, const Shape& shape, std::size_t element_size, const Shape& origin,
                    const Shape& extent) {
  Bytes out;
  if (has_zero(extent)) return out;
  if (shape.empty()) return Bytes(data.substr(0, element_size));
  const auto strides = c_strides(shape);
  // The last dimension is contiguous: copy whole rows, walk the others.
  const std::size_t row_bytes = static_cast<std::size_t>(extent.back()) * element_size;
  Shape rows(extent.begin(), extent.end() - 1);
  std::vector<std::uint64_t> index(rows.size(), 0);
  do {
    std::uint64_t offset = origin.back();
    for (std::size_t i = 0; i < index.size(); ++i) offset += (origin[i] + index[i]) * strides[i];
    out.append(data.substr(static_cast<std::size_t>(offset) * element_size, row_bytes));
  } while (next_index(index, rows));
  return out;
}

bool all_elements_equal(std::string_view data, std::string_view element) {
  if (element.empty()) return false;
  for (std::size_t start = 0; start < data.size(); start += element.size())
    if (data.compare(start, element.size(), element) != 0) return false;
  return true;
}

}  // namespace ozv::encode

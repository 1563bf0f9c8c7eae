// The Zarr v3 core data types (data-types/index.rst): what a validator and a chunk decoder
// need to know about each one. Extension data types are not modelled: they are unknown here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ozv {

enum class DataTypeKind {
  boolean,           // bool
  signed_integer,    // int8 .. int64
  unsigned_integer,  // uint8 .. uint64
  floating,          // float16, float32, float64
  complex_floating,  // complex64, complex128 (two floats of half the item size)
  raw_bits,          // r<N>, N a positive multiple of 8
};

struct DataType {
  std::string name;  // the identifier as written in data_type ("uint16", "r24")
  DataTypeKind kind = DataTypeKind::raw_bits;
  std::uint64_t item_size = 1;     // bytes per element
  bool endianness_applies = false;  // the `bytes` codec needs `endian` for it

  // Bytes per floating-point component: item_size for floats, item_size / 2 for complex.
  std::uint64_t component_size() const {
    return kind == DataTypeKind::complex_floating ? item_size / 2 : item_size;
  }

  friend bool operator==(const DataType&, const DataType&) = default;
};

// The core data type named `name`, or nothing when the name is not a core identifier
// (an extension type, a typo, "r0", "r12"...). Never throws.
std::optional<DataType> find_core_data_type(std::string_view name);

// uint64: the element type of a shard index.
DataType uint64_data_type();

}  // namespace ozv

#include "zarr/v3_data_type.hpp"

#include <array>

namespace ozv {

namespace {

struct CoreType {
  std::string_view name;
  DataTypeKind kind;
  std::uint64_t item_size;
};

constexpr std::array<CoreType, 14> kCoreTypes{{
    {"bool", DataTypeKind::boolean, 1},
    {"int8", DataTypeKind::signed_integer, 1},
    {"int16", DataTypeKind::signed_integer, 2},
    {"int32", DataTypeKind::signed_integer, 4},
    {"int64", DataTypeKind::signed_integer, 8},
    {"uint8", DataTypeKind::unsigned_integer, 1},
    {"uint16", DataTypeKind::unsigned_integer, 2},
    {"uint32", DataTypeKind::unsigned_integer, 4},
    {"uint64", DataTypeKind::unsigned_integer, 8},
    {"float16", DataTypeKind::floating, 2},
    {"float32", DataTypeKind::floating, 4},
    {"float64", DataTypeKind::floating, 8},
    {"complex64", DataTypeKind::complex_floating, 8},
    {"complex128", DataTypeKind::complex_floating, 16},
}};

// "r<N>": N written in decimal without a leading zero, a positive multiple of 8.
// Raw bits are opaque bytes that the `bytes` codec copies as they are, so endianness
// does not apply to them whatever their size.
std::optional<DataType> raw_bits_type(std::string_view name) {
  if (name.size() < 2 || name.front() != 'r') return std::nullopt;
  auto digits = name.substr(1);
  if (digits.front() == '0' || digits.size() > 19) return std::nullopt;  // 19 digits fit in u64
  std::uint64_t bits = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    bits = bits * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (bits % 8 != 0) return std::nullopt;
  return DataType{std::string(name), DataTypeKind::raw_bits, bits / 8, false};
}

}  // namespace

std::optional<DataType> find_core_data_type(std::string_view name) {
  for (const auto& t : kCoreTypes) {
    if (t.name == name) {
      // Endianness applies to every multi-byte core type except the opaque raw bits.
      return DataType{std::string(t.name), t.kind, t.item_size, t.item_size > 1};
    }
  }
  return raw_bits_type(name);
}

DataType uint64_data_type() { return *find_core_data_type("uint64"); }

}  // namespace ozv

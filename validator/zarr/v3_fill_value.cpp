#include "zarr/v3_fill_value.hpp"

#include <limits>
#include <optional>

#include "zarr/v3_float_bits.hpp"
#include "zarr/v3_json_integer.hpp"

namespace ozv {

namespace {

using json = nlohmann::json;

void append_little_endian(std::vector<std::uint8_t>& out, std::uint64_t bits, std::uint64_t size) {
  for (std::uint64_t i = 0; i < size; ++i) out.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
}

std::optional<std::uint64_t> hex_digit(char c) {
  if (c >= '0' && c <= '9') return static_cast<std::uint64_t>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<std::uint64_t>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<std::uint64_t>(c - 'A' + 10);
  return std::nullopt;
}

// One float of `size` bytes: a number, "NaN", "Infinity", "-Infinity", or "0x" followed by
// exactly 2*size hex digits (the bit pattern; zarrs enforces the exact width too).
std::optional<std::uint64_t> float_bits(const json& v, unsigned size) {
  if (v.is_number_float()) return ieee_bits_from_double(v.get<double>(), size);
  if (v.is_number_unsigned()) return ieee_bits_from_double(static_cast<double>(v.get<std::uint64_t>()), size);
  if (v.is_number_integer()) return ieee_bits_from_double(static_cast<double>(v.get<std::int64_t>()), size);
  if (!v.is_string()) return std::nullopt;
  const auto& s = v.get_ref<const std::string&>();
  if (s == "NaN") return ieee_quiet_nan_bits(size);
  if (s == "Infinity") return ieee_infinity_bits(size, false);
  if (s == "-Infinity") return ieee_infinity_bits(size, true);
  if (s.size() != 2 + 2 * std::size_t{size} || s.compare(0, 2, "0x") != 0) return std::nullopt;
  std::uint64_t bits = 0;
  for (std::size_t i = 2; i < s.size(); ++i) {
    auto d = hex_digit(s[i]);
    if (!d) return std::nullopt;
    bits = (bits << 4) | *d;
  }
  return bits;
}

// A JSON integer (no fraction or exponent: those parse as floats) within the type's range,
// as its two's complement bit pattern.
std::optional<std::uint64_t> integer_bits(const json& v, const DataType& type) {
  const unsigned bits = static_cast<unsigned>(type.item_size * 8);
  if (type.kind == DataTypeKind::unsigned_integer) {
    auto u = json_to_u64(v);
    if (!u || (bits < 64 && *u > (std::uint64_t{1} << bits) - 1)) return std::nullopt;
    return u;
  }
  auto s = json_to_i64(v);
  if (!s) return std::nullopt;
  if (bits < 64) {
    const std::int64_t max = (std::int64_t{1} << (bits - 1)) - 1;
    if (*s > max || *s < -max - 1) return std::nullopt;
  }
  return static_cast<std::uint64_t>(*s);  // the low item_size bytes are kept
}

FillValue invalid(std::optional<std::size_t> element = std::nullopt) {
  FillValue f;
  f.problem_element = element;
  return f;
}

FillValue valid(std::vector<std::uint8_t> bytes) {
  FillValue f;
  f.valid = true;
  f.bytes = std::move(bytes);
  return f;
}

}  // namespace

FillValue read_fill_value(const json& value, const DataType& type) {
  std::vector<std::uint8_t> out;
  switch (type.kind) {
    case DataTypeKind::boolean:
      if (!value.is_boolean()) return invalid();
      return valid({static_cast<std::uint8_t>(value.get<bool>() ? 1 : 0)});

    case DataTypeKind::signed_integer:
    case DataTypeKind::unsigned_integer: {
      auto bits = integer_bits(value, type);
      if (!bits) return invalid();
      append_little_endian(out, *bits, type.item_size);
      return valid(std::move(out));
    }

    case DataTypeKind::floating: {
      auto bits = float_bits(value, static_cast<unsigned>(type.item_size));
      if (!bits) return invalid();
      append_little_endian(out, *bits, type.item_size);
      return valid(std::move(out));
    }

    case DataTypeKind::complex_floating: {
      if (!value.is_array() || value.size() != 2) return invalid();
      const auto size = static_cast<unsigned>(type.component_size());
      for (std::size_t i = 0; i < 2; ++i) {
        auto bits = float_bits(value[i], size);
        if (!bits) return invalid(i);
        append_little_endian(out, *bits, size);
      }
      return valid(std::move(out));
    }

    case DataTypeKind::raw_bits: {
      // The spec text says "length equal to <N>"; zarrs and the element size say N/8 bytes.
      if (!value.is_array() || value.size() != type.item_size) return invalid();
      out.reserve(value.size());  // == item_size, and the JSON already holds that many values
      for (std::size_t i = 0; i < value.size(); ++i) {
        auto b = json_to_u64(value[i]);
        if (!b || *b > 255) return invalid(i);
        out.push_back(static_cast<std::uint8_t>(*b));
      }
      return valid(std::move(out));
    }
  }
  return invalid();
}

std::string fill_value_form(const DataType& type) {
  const auto hex_digits = std::to_string(2 * type.component_size());
  const std::string float_forms =
      "a number, \"NaN\", \"Infinity\", \"-Infinity\" or \"0x\" followed by " + hex_digits + " hex digits";
  switch (type.kind) {
    case DataTypeKind::boolean: return "true or false";
    case DataTypeKind::signed_integer:
    case DataTypeKind::unsigned_integer: {
      const unsigned bits = static_cast<unsigned>(type.item_size * 8);
      std::string min = "0";
      std::string max;
      if (type.kind == DataTypeKind::signed_integer) {
        const auto m = (std::uint64_t{1} << (bits - 1));
        min = "-" + std::to_string(m);
        max = std::to_string(m - 1);
      } else {
        max = std::to_string(bits == 64 ? std::numeric_limits<std::uint64_t>::max()
                                        : (std::uint64_t{1} << bits) - 1);
      }
      return "an integer from " + min + " to " + max + " without fraction or exponent";
    }
    case DataTypeKind::floating: return float_forms;
    case DataTypeKind::complex_floating:
      return "a two-element array [real, imaginary], each " + float_forms;
    case DataTypeKind::raw_bits:
      return "an array of " + std::to_string(type.item_size) + " integers from 0 to 255, one per byte";
  }
  return "";
}

}  // namespace ozv

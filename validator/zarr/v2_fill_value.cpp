#include "zarr/v2_fill_value.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

namespace ozv {

namespace {

using json = nlohmann::json;
using Problem = std::optional<V2FillValueIssue>;

Problem problem(std::string reason) { return V2FillValueIssue{"", std::move(reason)}; }

int base64_sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Smallest magnitude that rounds to infinity when a double is narrowed to a float of the
// given size: the largest finite value plus half of its unit in the last place.
double float_overflow_threshold(std::uint64_t item_size) {
  switch (item_size) {
    case 2: return 65520.0;                                         // 65504 + 32/2
    case 4: return std::ldexp(1.0, 128) - std::ldexp(1.0, 103);     // FLT_MAX + 2^104/2
    default: return std::numeric_limits<double>::infinity();        // f8, f16: any double fits
  }
}

// A real floating point value: a JSON number, or one of the spec's three special strings.
Problem float_problem(const json& fill, std::uint64_t item_size) {
  if (fill.is_string()) {
    const auto& s = fill.get_ref<const std::string&>();
    if (s == "NaN" || s == "Infinity" || s == "-Infinity") return std::nullopt;
    return problem("a floating point fill_value must be a number or one of \"NaN\", \"Infinity\", \"-Infinity\"");
  }
  if (!fill.is_number()) {
    return problem("a floating point fill_value must be a number or one of \"NaN\", \"Infinity\", \"-Infinity\"");
  }
  const double value = fill.get<double>();
  if (!std::isfinite(value)) return problem("a non-finite float must be written as \"NaN\", \"Infinity\" or \"-Infinity\"");
  if (std::fabs(value) >= float_overflow_threshold(item_size)) {
    return problem("the value does not fit in a " + std::to_string(item_size * 8) + "-bit float");
  }
  return std::nullopt;
}

// Whether an integer JSON value lies in [min, max] (the bounds of the dtype).
bool integer_in_range(const json& fill, std::int64_t min, std::uint64_t max) {
  if (fill.is_number_unsigned()) return fill.get<std::uint64_t>() <= max;
  const auto value = fill.get<std::int64_t>();
  if (value < 0) return value >= min;
  return static_cast<std::uint64_t>(value) <= max;
}

Problem integer_problem(const json& fill, const V2DataType& type) {
  const bool is_signed = type.kind == V2Kind::signed_int;
  const std::string name = std::string(is_signed ? "int" : "uint") + std::to_string(type.item_size * 8);
  if (!fill.is_number_integer()) return problem("an integer fill_value must be a JSON integer (no fraction or exponent)");
  const unsigned bits = static_cast<unsigned>(type.item_size * 8);
  std::int64_t min = 0;
  std::uint64_t max = 0;
  if (is_signed) {
    min = bits == 64 ? std::numeric_limits<std::int64_t>::min() : -(std::int64_t{1} << (bits - 1));
    max = (std::uint64_t{1} << (bits - 1)) - 1;
  } else {
    max = bits == 64 ? std::numeric_limits<std::uint64_t>::max() : (std::uint64_t{1} << bits) - 1;
  }
  if (!integer_in_range(fill, min, max)) return problem("the value is out of range for " + name);
  return std::nullopt;
}

// Base64 that must decode to `size` bytes exactly (or at most `size` bytes for "S", whose
// trailing NUL padding NumPy strips before zarr-python encodes it: "|S4" b"ab" -> "YWI=").
Problem base64_problem(const json& fill, std::uint64_t size, bool may_be_shorter) {
  if (!fill.is_string()) return problem("the fill_value must be a Base64 string");
  auto bytes = decode_base64_strict(fill.get_ref<const std::string&>());
  if (!bytes) return problem("the fill_value is not valid standard Base64");
  const auto n = static_cast<std::uint64_t>(bytes->size());
  if (n == size || (may_be_shorter && n < size)) return std::nullopt;
  return problem("the fill_value decodes to " + std::to_string(n) + " bytes but the dtype's item size is " +
                 std::to_string(size) + " bytes");
}

// Number of Unicode code points in UTF-8 text (the parser has already rejected invalid UTF-8).
std::uint64_t code_points(std::string_view utf8) {
  std::uint64_t n = 0;
  for (char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++n;
  }
  return n;
}

}  // namespace

std::optional<std::string> decode_base64_strict(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    const bool last_group = i + 4 == text.size();
    std::uint32_t group = 0;
    int padding = 0;
    int sextets[4] = {0, 0, 0, 0};
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = text[i + k];
      if (c == '=') {
        if (!last_group || k < 2) return std::nullopt;  // '=' only ends the last group
        ++padding;
        continue;
      }
      if (padding > 0) return std::nullopt;  // data after padding
      sextets[k] = base64_sextet(c);
      if (sextets[k] < 0) return std::nullopt;
    }
    // The bits beyond the last encoded byte must be zero in the canonical encoding.
    if (padding == 2 && (sextets[1] & 0x0F) != 0) return std::nullopt;
    if (padding == 1 && (sextets[2] & 0x03) != 0) return std::nullopt;
    for (int s : sextets) group = (group << 6) | static_cast<std::uint32_t>(s);
    out.push_back(static_cast<char>((group >> 16) & 0xFFu));
    if (padding < 2) out.push_back(static_cast<char>((group >> 8) & 0xFFu));
    if (padding < 1) out.push_back(static_cast<char>(group & 0xFFu));
  }
  return out;
}

std::optional<V2FillValueIssue> v2_fill_value_problem(const nlohmann::json& fill, const V2DataType& type) {
  if (fill.is_null()) return std::nullopt;  // "or null if no fill_value is to be used"
  switch (type.kind) {
    case V2Kind::boolean:
      if (fill.is_boolean()) return std::nullopt;
      return problem("a boolean fill_value must be true or false");
    case V2Kind::signed_int:
    case V2Kind::unsigned_int: return integer_problem(fill, type);
    case V2Kind::floating: return float_problem(fill, type.item_size);
    case V2Kind::complex: {
      if (!fill.is_array() || fill.size() != 2) {
        return problem("a complex fill_value must be a list [real, imaginary]");
      }
      for (std::size_t part = 0; part < 2; ++part) {
        if (auto p = float_problem(fill[part], type.item_size / 2)) {
          p->pointer = "/" + std::to_string(part);
          return p;
        }
      }
      return std::nullopt;
    }
    case V2Kind::timedelta:
    case V2Kind::datetime:
      // zarr-python stores the int64 count of units; NaT is the int64 minimum.
      if (fill.is_number_integer() &&
          (!fill.is_number_unsigned() ||
           fill.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))) {
        return std::nullopt;
      }
      return problem("a datetime or timedelta fill_value must be an integer in the int64 range");
    case V2Kind::bytes: return base64_problem(fill, type.item_size, true);
    case V2Kind::raw:
    case V2Kind::structured: return base64_problem(fill, type.item_size, false);
    case V2Kind::unicode:
      if (!fill.is_string()) return problem("a unicode string fill_value must be a JSON string");
      if (code_points(fill.get_ref<const std::string&>()) > type.count) {
        return problem("the string is longer than the dtype's " + std::to_string(type.count) + " characters");
      }
      return std::nullopt;
    case V2Kind::object: return std::nullopt;  // its meaning belongs to the object codec
  }
  return std::nullopt;
}

}  // namespace ozv

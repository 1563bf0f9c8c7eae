#include "zarr/v3_float_bits.hpp"

#include <bit>
#include <cmath>

namespace ozv {

namespace {

struct Format {
  int exponent_bits;
  int mantissa_bits;
  int bias() const { return (1 << (exponent_bits - 1)) - 1; }
  std::uint64_t exponent_all_ones() const { return (std::uint64_t{1} << exponent_bits) - 1; }
};

Format format_for(unsigned size) {
  if (size == 2) return {5, 10};
  if (size == 4) return {8, 23};
  return {11, 52};
}

}  // namespace

std::uint64_t ieee_infinity_bits(unsigned size, bool negative) {
  const Format f = format_for(size);
  std::uint64_t bits = f.exponent_all_ones() << f.mantissa_bits;
  if (negative) bits |= std::uint64_t{1} << (f.exponent_bits + f.mantissa_bits);
  return bits;
}

std::uint64_t ieee_quiet_nan_bits(unsigned size) {
  // Sign 0, exponent all ones, only the most significant mantissa bit set.
  const Format f = format_for(size);
  return (f.exponent_all_ones() << f.mantissa_bits) | (std::uint64_t{1} << (f.mantissa_bits - 1));
}

std::uint64_t ieee_bits_from_double(double value, unsigned size) {
  const auto in = std::bit_cast<std::uint64_t>(value);
  if (size != 2 && size != 4) return in;

  const Format f = format_for(size);
  const bool negative = (in >> 63) != 0;
  const std::uint64_t sign = negative ? std::uint64_t{1} << (f.exponent_bits + f.mantissa_bits) : 0;
  const auto field = static_cast<int>((in >> 52) & 0x7ff);
  const std::uint64_t fraction = in & ((std::uint64_t{1} << 52) - 1);

  if (field == 0x7ff) {  // infinity or NaN: JSON numbers are neither, but stay total
    return fraction == 0 ? ieee_infinity_bits(size, negative) : ieee_quiet_nan_bits(size) | sign;
  }
  if (field == 0 && fraction == 0) return sign;  // signed zero

  // value = m * 2^(e - 52), with the implicit leading bit for normal doubles.
  const std::uint64_t m = field == 0 ? fraction : fraction | (std::uint64_t{1} << 52);
  const int e = field == 0 ? -1022 : field - 1023;

  // Express the value in units of the target's last mantissa bit at exponent t, where t is
  // the value's own exponent but not below the target's smallest normal exponent
  // (below it the target is subnormal and the unit stays fixed).
  const int min_exponent = 1 - f.bias();
  int t = e > min_exponent ? e : min_exponent;
  const int shift = 52 + t - f.mantissa_bits - e;  // > 0 because mantissa_bits < 52 and t >= e
  std::uint64_t r = 0;
  if (shift < 64) {
    r = m >> shift;
    const std::uint64_t rest = m & ((std::uint64_t{1} << shift) - 1);
    const std::uint64_t half = std::uint64_t{1} << (shift - 1);
    if (rest > half || (rest == half && (r & 1) != 0)) ++r;  // round half to even
  }  // else: the value is below a quarter of the smallest subnormal and rounds to zero

  const std::uint64_t implicit_bit = std::uint64_t{1} << f.mantissa_bits;
  if (r >= (implicit_bit << 1)) {  // rounding carried into a new binade
    r >>= 1;
    ++t;
  }
  if (r < implicit_bit) return sign | r;  // subnormal (or zero); exponent field 0

  const auto exponent_field = static_cast<std::uint64_t>(t + f.bias());
  if (exponent_field >= f.exponent_all_ones()) return ieee_infinity_bits(size, negative);
  return sign | (exponent_field << f.mantissa_bits) | (r - implicit_bit);
}

double double_from_ieee_bits(std::uint64_t bits, unsigned size) {
  if (size == 2) {  // binary16 has no C++20 type: sign, 5 exponent bits, 10 mantissa bits
    const bool negative = (bits >> 15) & 1;
    const int exponent = static_cast<int>((bits >> 10) & 0x1f);
    const auto mantissa = static_cast<double>(bits & 0x3ff);
    double magnitude;
    if (exponent == 0x1f) {
      magnitude = mantissa == 0 ? HUGE_VAL : std::nan("");
    } else if (exponent == 0) {
      magnitude = std::ldexp(mantissa, -24);
    } else {
      magnitude = std::ldexp(1024.0 + mantissa, exponent - 25);
    }
    return negative ? -magnitude : magnitude;
  }
  if (size == 4) return static_cast<double>(std::bit_cast<float>(static_cast<std::uint32_t>(bits)));
  return std::bit_cast<double>(bits);
}

}  // namespace ozv

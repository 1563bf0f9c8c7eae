// Rounding a JSON number to an IEEE 754 bit pattern, as the v3 fill_value rules demand
// ("rounded to the nearest representable value using the round half to even rule").
#pragma once

#include <cstdint>

namespace ozv {

// The bit pattern of `value` rounded to binary16 (2 bytes), binary32 (4) or binary64 (8),
// round half to even, overflowing to infinity. `size` other than 2/4/8 is treated as 8.
// Written with integer arithmetic because a double-to-float cast of an out-of-range value
// is undefined behaviour in C++, and C++20 has no half-precision type.
std::uint64_t ieee_bits_from_double(double value, unsigned size);

// The value of an IEEE 754 bit pattern of `size` bytes (2, 4 or 8; other sizes are read as 8):
// the inverse of ieee_bits_from_double, exact for every pattern (NaN stays NaN).
double double_from_ieee_bits(std::uint64_t bits, unsigned size);

// The bit patterns the spec gives to the special strings, for a float of `size` bytes.
std::uint64_t ieee_quiet_nan_bits(unsigned size);
std::uint64_t ieee_infinity_bits(unsigned size, bool negative);

}  // namespace ozv

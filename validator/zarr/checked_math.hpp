// Overflow-checked arithmetic for shapes, chunk counts and byte sizes taken from untrusted
// metadata. A result that does not fit is an empty optional, never undefined behaviour.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace ozv {

inline std::optional<std::uint64_t> checked_mul(std::uint64_t a, std::uint64_t b) {
  std::uint64_t r = 0;
  if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
  return r;
}

inline std::optional<std::uint64_t> checked_add(std::uint64_t a, std::uint64_t b) {
  std::uint64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
  return r;
}

// Product of all extents; 1 for an empty list (a 0-d array has one element).
inline std::optional<std::uint64_t> checked_product(std::span<const std::uint64_t> extents) {
  std::uint64_t r = 1;
  for (auto e : extents) {
    auto next = checked_mul(r, e);
    if (!next) return std::nullopt;
    r = *next;
  }
  return r;
}

// ceil(a / b) for b > 0, without the overflow of (a + b - 1) / b.
inline std::uint64_t ceil_div(std::uint64_t a, std::uint64_t b) { return a / b + (a % b != 0 ? 1 : 0); }

}  // namespace ozv

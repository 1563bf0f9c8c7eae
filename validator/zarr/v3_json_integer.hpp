// Reading integers out of metadata JSON. nlohmann stores a parsed non-negative integer as
// number_unsigned but a programmatically built one as number_integer; both must be read
// alike. Numbers written with a fraction or exponent ("1.0", "1e3") are floats and are
// never integers here, as the v3 rules require.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

namespace ozv {

// A JSON integer >= 0.
inline std::optional<std::uint64_t> json_to_u64(const nlohmann::json& v) {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_integer()) {
    const auto s = v.get<std::int64_t>();
    if (s >= 0) return static_cast<std::uint64_t>(s);
  }
  return std::nullopt;
}

// A JSON integer that fits in int64.
inline std::optional<std::int64_t> json_to_i64(const nlohmann::json& v) {
  if (v.is_number_unsigned()) {
    const auto u = v.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<std::int64_t>(u);
  }
  if (v.is_number_integer()) return v.get<std::int64_t>();
  return std::nullopt;
}

// An array of integers >= 0 (a shape), or nothing if anything else is in it.
inline std::optional<std::vector<std::uint64_t>> json_to_u64_list(const nlohmann::json& v) {
  if (!v.is_array()) return std::nullopt;
  std::vector<std::uint64_t> out;
  out.reserve(v.size());  // the elements exist already: the reservation is not a claim
  for (const auto& e : v) {
    auto u = json_to_u64(e);
    if (!u) return std::nullopt;
    out.push_back(*u);
  }
  return out;
}

}  // namespace ozv

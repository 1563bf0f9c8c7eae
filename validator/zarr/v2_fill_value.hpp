// The Zarr v2 `fill_value` member, checked against the array's parsed dtype.
//
// The spec fixes two encodings (the float table "NaN"/"Infinity"/"-Infinity", and Base64 for
// byte strings and structured types) and otherwise asks for "a scalar value". The rules below
// accept exactly what zarr-python 2 writes for each kind; `null` is always allowed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "zarr/v2_dtype.hpp"

namespace ozv {

struct V2FillValueIssue {
  std::string pointer;  // relative to the fill value ("/1" = imaginary part of a complex fill)
  std::string reason;
};

// Why `fill` is not a valid fill value for `type`, or nothing when it is valid.
std::optional<V2FillValueIssue> v2_fill_value_problem(const nlohmann::json& fill, const V2DataType& type);

// Decodes standard-alphabet Base64 (RFC 4648 section 4) strictly: padding to a multiple of
// four characters is required, no whitespace or other characters are allowed, and the unused
// bits of the last group must be zero (so every byte string has exactly one encoding).
// Returns nothing for any deviation.
std::optional<std::string> decode_base64_strict(std::string_view text);

}  // namespace ozv

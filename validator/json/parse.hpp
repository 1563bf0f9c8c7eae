// Hardened JSON front end: every metadata document enters the validator through here.
//
// Hostile input is reported as findings, never as a crash or an unbounded allocation:
// invalid syntax (with line and column), invalid UTF-8, duplicate keys, nesting deeper than
// a bound (parsed without recursion), documents over a size bound, NaN/Infinity tokens and
// integers that do not fit in 64 bits.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "finding/finding.hpp"

namespace ozv {

struct JsonLimits {
  std::size_t max_bytes = 16u << 20;  // metadata documents are small; 16 MiB is generous
  std::size_t max_depth = 256;        // far beyond any real OME-Zarr document
};

struct ParsedJson {
  std::optional<nlohmann::json> value;  // absent when the document could not be used
  Findings findings;                    // located at `key`, pointers into the document
};

// Parses `text` (the bytes stored at `key`).
ParsedJson parse_json(std::string_view text, const std::string& key, const JsonLimits& limits = {});

}  // namespace ozv

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

// Parses `text` (the bytes stored at `key`). Findings (rules/catalogue/json.json):
//   JSON-001 syntax, JSON-002 UTF-8, JSON-004 depth, JSON-005 size, JSON-006 NaN/Infinity,
//   JSON-009 number beyond double: errors, and no value is returned;
//   JSON-003 duplicate name (last wins), JSON-007 integer beyond 64 bits (kept as double),
//   JSON-008 byte order mark (skipped), JSON-010 note that repeats were capped: value kept.
// The value may be any JSON type; callers check that it is an object. It is never nested
// deeper than limits.max_depth. Never throws for any input.
ParsedJson parse_json(std::string_view text, const std::string& key, const JsonLimits& limits = {});

}  // namespace ozv

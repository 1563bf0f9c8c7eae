// Rewrites Draft 2020-12 schema documents into one draft-7 document that valijson evaluates
// with 2020-12 semantics. This is where every keyword is checked: a keyword not listed in
// schema_compile.cpp makes the load fail (SchemaLoadError), it is never ignored.
//
// Rewrites:
//   `$ref` with assertion siblings   -> allOf: [{$ref}, {siblings}]  (draft 7 ignores siblings)
//   `$ref` / `$id` URIs              -> "#<pointer into the combined document>"
//   `prefixItems` + `items`          -> `items: [...]` + `additionalItems`
//   `contains` (+ min/maxContains)   -> custom keyword kContainsKeyword (schema_constraints.hpp)
//   `type: integer`                  -> `type: number` + kIntegerKeyword (2020-12: 1.0 is an integer)
//   subschema `false`                -> kFalseKeyword (valijson would reject without an error)
//   `dependentRequired` / `dependentSchemas` -> draft-7 `dependencies`
//   annotations (title, format, ...) -> dropped (2020-12 `format` only annotates by default)
// `$defs` and `definitions` stay in place so that references into them resolve.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace ozv {

inline constexpr const char* kContainsKeyword = "x-ozv-contains";
inline constexpr const char* kIntegerKeyword = "x-ozv-integer";
inline constexpr const char* kFalseKeyword = "x-ozv-false";

struct CombinedSchemas {
  // {"docs": {"d0": <rewritten document>, ...}}: every `$ref` is a local "#/docs/..." pointer,
  // so valijson never needs to fetch a document (and its per-path schema cache cannot confuse
  // two documents that share a path such as "/properties/ome").
  nlohmann::json document;
  std::map<std::string, std::string> root_pointer_by_file;  // "image.schema" -> "/docs/d3"
};

// `documents`: (file name, parsed schema). Throws SchemaLoadError.
CombinedSchemas combine_schemas(const std::vector<std::pair<std::string, nlohmann::json>>& documents);

// A pointer written the way valijson decodes `$ref` fragments ('~' escapes, then %-decoding).
std::string valijson_ref(const std::string& pointer);

}  // namespace ozv

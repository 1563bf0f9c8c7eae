// Helpers for the Zarr v3 document rule tests: run the checks on a document and compare
// the findings as "RULE pointer" strings, in emission order, so that a test states exactly
// which findings it expects and no others.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/catalogue.hpp"
#include "rules/zarr_v3_checks.hpp"
#include "support/findings_check.hpp"
#include "support/sample_metadata.hpp"

namespace v3test {

using nlohmann::json;
using Hits = std::vector<std::string>;

using ozv::test::require_resolvable;

inline ozv::Findings findings(const json& doc, const std::string& key = "a/zarr.json") {
  ozv::Findings out;
  ozv::check_v3_document(doc, key, out);
  require_resolvable(out);
  for (const auto& f : out) REQUIRE(f.location.key == key);
  return out;
}

inline Hits hits(const json& doc) {
  Hits out;
  for (const auto& f : findings(doc)) out.push_back(f.rule + " " + f.location.pointer);
  return out;
}

// The value named `name` of the only finding of `doc`.
inline std::string value_of(const json& doc, const std::string& name) {
  const auto all = findings(doc);
  REQUIRE(all.size() == 1);
  for (const auto& [k, v] : all.front().values) {
    if (k == name) return v;
  }
  FAIL("no value " << name);
  return "";
}

// A valid array: uint16, shape [4, 4] in 2x2 chunks, little-endian bytes.
inline json array_doc() { return json::parse(ozv::test::kV3Array); }

inline json group_doc() { return json::parse(ozv::test::kV3Group); }

// `doc` with the member at JSON pointer `pointer` set to `value` (created if missing).
inline json with(json doc, const std::string& pointer, const json& value) {
  doc[json::json_pointer(pointer)] = value;
  return doc;
}

// `doc` without the member at JSON pointer `pointer`.
inline json without(json doc, const std::string& pointer) {
  const json::json_pointer p(pointer);
  doc[p.parent_pointer()].erase(p.back());
  return doc;
}

// The base array with `codecs` replaced (given as JSON text).
inline json with_codecs(const std::string& codecs, const std::string& data_type = "uint16") {
  return with(with(array_doc(), "/codecs", json::parse(codecs)), "/data_type", data_type);
}

}  // namespace v3test

// Document-level rules of Zarr v2 (spec "Zarr Storage Specification Version 2"):
// the contents of one `.zarray`, `.zgroup` or `.zattrs` document, already parsed.
// Rules that need the hierarchy (V2-NODE-001, V2-HIER-001, V2-PATH-001) belong to the
// hierarchy walk; chunk rules belong to the chunk checks.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "finding/finding.hpp"

namespace ozv {

// `doc` may be any JSON value; `key` is its store key (e.g. "foo/.zarray").
void check_zarray(const nlohmann::json& doc, const std::string& key, Findings& out);
void check_zgroup(const nlohmann::json& doc, const std::string& key, Findings& out);
void check_zattrs(const nlohmann::json& doc, const std::string& key, Findings& out);

}  // namespace ozv
